"""Reading the roster: a CSV (UTF-8, UTF-8 with BOM, GBK) or ``.xlsx`` with the columns
``学号,姓名`` (or ``learner_id,name``), read through :func:`kamlab.spreadsheet.read_table`.

Learner ids become folder and file names, so they are checked here, when the roster is
read: 1–64 characters, letters (Chinese included), digits, space, ``_``, ``-`` and
``.``; not beginning with ``.`` or a space and not ending with a space. So ``../x``,
``/etc`` or ``a\\b`` are refused before anything is written. A duplicate id is an error
naming both lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..spreadsheet import cell_error, read_table

COLUMNS = {"learner_id": ["学号", "learner id", "id", "编号"], "name": ["姓名", "名字"]}
ALLOWED = "字母（含汉字）、数字、空格、下划线 _、连字符 - 和点 .，不以点或空格开头，最长 64 个字符"
_ID = re.compile(r"[^\W][\w .\-]{0,63}")


def check_id(learner: str) -> str | None:
    """Why ``learner`` cannot be a learner id (Chinese), or ``None`` when it is fine."""
    if not learner:
        return "学号为空"
    if not _ID.fullmatch(learner) or learner.endswith(" ") or "\x00" in learner:
        return f"学号“{learner}”含不允许的字符或格式（允许：{ALLOWED}）"
    return None


def read_roster(source: str | Path | bytes, *, filename: str | None = None) -> dict[str, str]:
    """Roster file (path or bytes) → {learner id: name}, in file order."""
    if isinstance(source, str | Path) and filename is None:
        filename = Path(source).name
    frame = read_table(source, filename=filename, columns=COLUMNS, required=["learner_id"])
    name = filename or "名单"
    out: dict[str, str] = {}
    lines: dict[str, int] = {}
    for line, row in frame.iterrows():
        learner = row["learner_id"]
        if not learner:
            if any(row):
                raise cell_error(name, int(line), "学号", "学号为空")
            continue
        problem = check_id(learner)
        if problem:
            raise cell_error(name, int(line), "学号", problem)
        if learner in lines:
            raise cell_error(name, int(line), "学号", f"学号“{learner}”重复：第 {lines[learner]} 行已有，请删去其中一行")
        lines[learner] = int(line)
        out[learner] = row["name"] if "name" in frame.columns else ""
    if not out:
        raise InputError(f"文件 {name}", "名单中没有任何学员（第一行应为表头：学号,姓名）")
    return out
