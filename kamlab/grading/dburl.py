"""Where a gradebook lives: ``--db`` as a file path or a database URL, and the database's
faults as one Chinese line.

``--db`` is a SQLite file path (``gradebook.sqlite``, as before) or a URL:
``postgresql+psycopg://user:password@host:port/database`` (``postgresql://`` is read the
same way; ``sqlite:///path`` is a file path). The password of a URL is a secret: :func:`shown`
is the only form a message, a report or a log line may use, and :func:`fault` scrubs it from
whatever text a driver reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import InputError

FIELD = "成绩册"
EXAMPLE = "postgresql+psycopg://用户名:密码@主机:5432/数据库名"
_PASSWORD = re.compile(r"(//[^/@:]*:)[^@/]*@")


@dataclass(frozen=True)
class Target:
    """A parsed ``--db``: a file (``path``) or a server database (``url``)."""

    path: Path | None = None
    url: URL | None = None

    @property
    def shown(self) -> str:
        """How the target is named in messages: the path, or the URL without its password."""
        return str(self.path) if self.url is None else shown(self.url)

    @property
    def secret(self) -> str | None:
        return None if self.url is None else self.url.password


def shown(url: URL | str) -> str:
    """A URL as it may be printed: the password replaced by ``***``."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    return _PASSWORD.sub(r"\1***@", url)


def is_url(db: str | Path) -> bool:
    return isinstance(db, str) and "://" in db


def parse(db: str | Path) -> Target:
    """``--db`` → :class:`Target`; a URL that cannot be read is one Chinese line without its password."""
    if not is_url(db):
        return Target(path=Path(db))
    try:
        url = make_url(str(db))
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise InputError(FIELD, f"“{shown(str(db))}”不是有效的数据库地址：应为文件路径，或 {EXAMPLE}") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database:
            raise InputError(FIELD, f"“{shown(url)}”没有给出文件路径：应为 sqlite:///gradebook.sqlite 或直接写文件路径")
        return Target(path=Path(url.database))
    if backend != "postgresql":
        raise InputError(FIELD, f"“{shown(url)}”：不支持 {backend} 数据库；请用 SQLite 文件路径或 {EXAMPLE}")
    if url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise InputError(FIELD, f"“{shown(url)}”没有给出数据库名：应为 {EXAMPLE}")
    return Target(url=url)


def _scrub(text: str, secret: str | None) -> str:
    text = _PASSWORD.sub(r"\1***@", text)
    if secret:
        text = text.replace(secret, "***")
    return " ".join(text.split())


def fault(where: str, error: BaseException, secret: str | None = None, *, writing: bool = False) -> InputError:
    """A database error (SQLAlchemy's, or the driver's own) as one Chinese line naming ``where``,
    never containing ``secret``."""
    orig = getattr(error, "orig", None) or error
    raw = str(orig)
    low = raw.lower()
    state = getattr(orig, "sqlstate", None)
    detail = _scrub(raw.split("\n")[0], secret)[:200]
    if state in ("28P01", "28000") or "password authentication failed" in low or "authentication failed" in low:
        text = "数据库拒绝登录：请检查 --db 地址中的用户名和密码"
    elif state == "3D000" or ("database" in low and "does not exist" in low):
        text = "所指的数据库不存在：请先在服务器上建立它（如 createdb），或检查数据库名是否拼错"
    elif state in ("57P01", "57P02", "57P03", "08006", "08003") or any(
            s in low for s in ("server closed the connection", "terminating connection", "connection is closed",
                               "consuming input failed", "connection is lost", "the connection is closed")):
        text = ("与数据库服务器的连接中断，本次写入已全部撤销" if writing else "与数据库服务器的连接中断") + \
            "：服务器恢复后重新运行同一命令即可"
    elif any(s in low for s in ("connection refused", "could not connect", "connection failed",
                                "name or service not known", "could not translate host", "timeout expired")):
        text = "无法连接到数据库服务器：请检查地址中的主机和端口，以及服务器是否在运行"
    elif state == "25006" or "readonly" in low or "read-only" in low:
        text = "是只读的，不能写入：请检查文件（及所在文件夹）的权限或数据库用户的权限"
    elif state == "42501" or "permission denied" in low:
        text = f"数据库用户没有所需的权限（数据库报告：{detail}）"
    else:
        text = f"无法读写（数据库报告：{detail}）"
    return InputError(FIELD, f"“{_scrub(where, secret)}”{text}")
