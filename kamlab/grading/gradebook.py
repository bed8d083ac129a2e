"""The gradebook: one SQLite file, or a database on a PostgreSQL server, through
SQLAlchemy Core. Every SQL statement of the trainer's loop lives in this module.

``--db`` is a file path (SQLite, as before) or a URL ``postgresql+psycopg://…``
(:mod:`~kamlab.grading.dburl`; the URL's password never appears in a message).
:func:`connect` returns a :class:`Book`; every function below takes one.

Tables:

- ``learners(learner_id, name, token)``: the roster; ``token`` is the learner's secret
  signing key (random, made by ``assign``, written only into that learner's pack);
- ``submissions(id, learner_id, exercise_id, assignment_id, submitted_at, received_at,
  signature, raw)``: every accepted submission, raw JSON kept. The same file graded again
  is the same row. Versions are numbered by ``submitted_at`` (UTC), and the **latest**
  version is the last *submitted*, whatever the order files were graded in;
- ``scores(submission_id, question_id, score, max_score, answer, expected, detail)``:
  automatic scores, replaced on every re-grade;
- ``assigned(exercise_id, assignment_id, assigned_at)``: exercises given out by ``assign``
  (a learner who has not submitted one is told which are missing);
- ``manual(learner_id, exercise_id, question_id, score, comment, answer, updated_at)``: the
  trainer's scores and comments (``question_id`` ``""`` is an overall comment). ``answer``
  is the answer the score was given for: when the latest version's answer differs, the
  manual score still counts but is marked 待复核 (needs review). Re-grading never touches
  this table;
- ``exercises(seq, exercise_id)``: the class's exercises in the order they first appeared
  (assigned, or first submitted), by sequence number;
- ``learners.removed_at``: set by ``kamlab roster remove``: the learner keeps their
  submissions and scores but is left out of lists, rates and pages until restored;
- ``assigned_to(learner_id, exercise_id)``: who was given each exercise by ``assign`` (a
  learner added to the roster later is not missing it); an exercise never assigned (only
  submitted) is expected from every learner;
- ``assigned.due_at`` (UTC, or NULL: no due date) and ``assigned.late_penalty`` (share of
  the exercise's points taken off per started day late, or NULL: no penalty).

Schema version: the Alembic revision ``kamlab_000N`` in the table ``kamlab_version``
(revisions in ``migrations/versions``); a SQLite file also keeps N in ``user_version`` (all
a kamlab before Alembic wrote; ``application_id`` marks the file as a kamlab gradebook).
Opening something that is not a gradebook, one of a newer schema, or one of an older
schema (then: run ``kamlab db upgrade``, :func:`upgrade`) is an
:class:`~kamlab.errors.InputError` (one Chinese line). Read-only verbs open it read-only. Writers take the write lock first (SQLite
``BEGIN IMMEDIATE``; PostgreSQL a transaction-scoped advisory lock) and wait for another
run holding it, so two ``grade`` runs at once are serialised and a check-then-write (the
desk's conflict check) is atomic on both back ends.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pandas as pd
from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from ..errors import InputError
from . import dburl

APPLICATION_ID = 0x4B414D4C  # "KAML"
BUSY_SECONDS = 60.0
LOCK_KEY = APPLICATION_ID  # PostgreSQL advisory lock taken by every writer
VERSION_TABLE = "kamlab_version"
READ_ONLY = ("是只读的，不能写入：请检查文件（及所在文件夹）的权限，或把它复制到可写的文件夹再用；"
             "只读的成绩册仍可生成反馈页面和班级报告")

#: The schema version this kamlab writes: the number of the newest Alembic revision in
#: ``migrations/versions`` (``kamlab_000N``). An older gradebook is upgraded by
#: :func:`upgrade` (``kamlab db upgrade``), never silently by another verb.
SCHEMA_VERSION = 5
MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: The latest schema, the same tables and columns on both back ends.
metadata = MetaData()
Table("learners", metadata,
      Column("learner_id", Text, primary_key=True), Column("name", Text, nullable=False, server_default=""),
      Column("token", Text, nullable=False, server_default=""), Column("removed_at", Text))
Table("submissions", metadata,
      Column("id", Integer, primary_key=True, autoincrement=True),
      Column("learner_id", Text, ForeignKey("learners.learner_id"), nullable=False),
      Column("exercise_id", Text, nullable=False), Column("assignment_id", Text, nullable=False),
      Column("submitted_at", Text, nullable=False), Column("received_at", Text, nullable=False),
      Column("signature", Text, nullable=False), Column("raw", Text, nullable=False),
      UniqueConstraint("learner_id", "exercise_id", "signature"), sqlite_autoincrement=True)
Table("scores", metadata,
      Column("submission_id", Integer, ForeignKey("submissions.id"), primary_key=True),
      Column("question_id", Text, primary_key=True), Column("position", Integer, nullable=False),
      Column("score", Float, nullable=False), Column("max_score", Float, nullable=False),
      Column("answer", Text, nullable=False), Column("expected", Text, nullable=False),
      Column("detail", Text, nullable=False))
Table("assigned", metadata,
      Column("exercise_id", Text, primary_key=True), Column("assignment_id", Text, nullable=False),
      Column("assigned_at", Text, nullable=False), Column("due_at", Text), Column("late_penalty", Float))
Table("manual", metadata,
      Column("learner_id", Text, primary_key=True), Column("exercise_id", Text, primary_key=True),
      Column("question_id", Text, primary_key=True, server_default=""), Column("score", Float),
      Column("comment", Text, nullable=False, server_default=""), Column("answer", Text),
      Column("updated_at", Text, nullable=False))
Table("exercises", metadata,
      Column("seq", Integer, primary_key=True, autoincrement=True),
      Column("exercise_id", Text, nullable=False, unique=True), sqlite_autoincrement=True)
Table("assigned_to", metadata,
      Column("learner_id", Text, ForeignKey("learners.learner_id"), primary_key=True),
      Column("exercise_id", Text, primary_key=True))
Table("classes", metadata, Column("class_id", Text, primary_key=True), Column("created_at", Text, nullable=False))
Table("class_learners", metadata, Column("class_id", Text, ForeignKey("classes.class_id"), primary_key=True),
      Column("learner_id", Text, ForeignKey("learners.learner_id"), primary_key=True))
Table("class_exercises", metadata, Column("class_id", Text, ForeignKey("classes.class_id"), primary_key=True),
      Column("exercise_id", Text, primary_key=True), Column("due_at", Text), Column("late_penalty", Float))
Table("class_trainers", metadata, Column("class_id", Text, ForeignKey("classes.class_id"), primary_key=True),
      Column("trainer", Text, primary_key=True))
version_table = Table(VERSION_TABLE, MetaData(), Column("version_num", String(32), primary_key=True))

#: Every submission with its version number (1, 2, … by submission time) and a latest flag.
VERSIONS = """
SELECT s.*, ROW_NUMBER() OVER w AS version,
       ROW_NUMBER() OVER w = COUNT(*) OVER (PARTITION BY s.learner_id, s.exercise_id) AS is_latest
FROM submissions s
WINDOW w AS (PARTITION BY s.learner_id, s.exercise_id ORDER BY s.submitted_at, s.id
             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
"""

#: The latest version of each learner's submission per exercise, with effective scores
#: (``{differs}``: SQLite's ``IS NOT``, PostgreSQL's ``IS DISTINCT FROM``).
LATEST_SCORES = f"""
WITH v AS ({VERSIONS})
SELECT v.learner_id, v.exercise_id, v.id AS submission_id, v.version, v.submitted_at, c.question_id,
       COALESCE(m.score, c.score) AS score, c.score AS auto_score, m.score AS manual_score,
       c.max_score, c.answer, c.expected, c.detail, COALESCE(m.comment, '') AS comment,
       CASE WHEN m.learner_id IS NOT NULL AND m.answer {{differs}} c.answer THEN 1 ELSE 0 END AS needs_review
FROM v JOIN scores c ON c.submission_id = v.id
LEFT JOIN manual m ON m.learner_id = v.learner_id AND m.exercise_id = v.exercise_id
                  AND m.question_id = c.question_id
WHERE v.is_latest
ORDER BY v.learner_id, v.exercise_id, c.position
"""

T = TypeVar("T")

#: The class (班级) and trainer a run works in (``kamlab --class NAME --trainer WHO``):
#: every gradebook opened meanwhile sees only that class's learners and exercises.
_SCOPE: ContextVar[tuple[str | None, str | None]] = ContextVar("kamlab_class", default=(None, None))


class InClass(str):
    """A ``--db`` (path or URL text) that opens the gradebook in one class, for callers that
    pass ``db`` along (the desk's class picker): ``InClass("gb.sqlite", "华东一班")``."""

    klass: str | None
    trainer: str | None

    def __new__(cls, db: str | Path, klass: str | None, trainer: str | None = None) -> InClass:
        made = super().__new__(cls, str(db))
        made.klass, made.trainer = klass, trainer
        return made


def current_scope() -> tuple[str | None, str | None]:
    """(class, trainer) the run works in (:func:`in_class`), or (None, None)."""
    return _SCOPE.get()


@contextmanager
def in_class(name: str | None, trainer: str | None = None) -> Iterator[None]:
    """Work in class ``name`` (``None``: the whole gradebook) as ``trainer`` while inside."""
    token = _SCOPE.set((name.strip() if name and name.strip() else None, trainer or None))
    try:
        yield
    finally:
        _SCOPE.reset(token)


def now() -> str:
    """UTC time stamp, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Book:
    """An open gradebook: one connection to a SQLite file or a PostgreSQL database.

    ``where`` names it in messages (a path, or the URL without its password)."""

    def __init__(self, engine: Engine, where: str, *, readonly: bool, secret: str | None = None) -> None:
        self.engine, self.where, self.readonly, self._secret = engine, where, readonly, secret
        self._depth = 0
        self.klass: str | None = None
        try:
            self.conn: Connection = engine.connect()
        except DBAPIError as error:
            engine.dispose()
            raise dburl.fault(where, error, secret) from None

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def fault(self, error: BaseException, *, writing: bool = False) -> InputError:
        return dburl.fault(self.where, error, self._secret, writing=writing)

    def close(self) -> None:
        try:
            self.conn.close()
        except SQLAlchemyError:
            pass
        self.engine.dispose()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _refuse(where: str | Path, message: str) -> InputError:
    return InputError("成绩册", f"“{where}”{message}", str(where))


def _sqlite_engine(path: Path, readonly: bool) -> Engine:
    uri = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)

    def make() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=readonly, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)

    engine = create_engine("sqlite://", creator=make, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi, record):  # noqa: ANN001, ARG001
        dbapi.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("writing") else "BEGIN")

    return engine


def connect(db: str | Path, *, create: bool = False, readonly: bool = False) -> Book:
    """Open the gradebook ``db`` (a file path, or a ``postgresql+psycopg://`` URL).

    ``create=True`` (only ``assign`` and ``grade --roster`` pass it) makes a new one when
    the file does not exist (or the database is empty); otherwise a missing one is refused,
    so a misspelt ``--db`` never starts an empty gradebook. ``readonly=True`` opens it
    read-only. A gradebook of an older schema is refused with one line naming
    ``kamlab db upgrade``.
    """
    book, version = _open(db, create=create, readonly=readonly)
    if version < SCHEMA_VERSION:
        book.close()
        raise _refuse(book.where, f"由旧版本 kamlab 建立（格式 {version}，本程序用格式 {SCHEMA_VERSION}）："
                                  f"请先运行 kamlab db upgrade --db {_quoted(book.where)} 升级（SQLite 文件会先备份）")
    klass, trainer = (db.klass, db.trainer) if isinstance(db, InClass) else _SCOPE.get()
    if klass is not None:
        try:
            _enter_class(book, klass, trainer, create=create and not readonly)
        except BaseException:
            book.close()
            raise
    return book


def _enter_class(book: Book, klass: str, trainer: str | None, *, create: bool) -> None:
    """Scope ``book`` to class ``klass`` (made when ``create``), checking the trainer."""
    known = classes(book)
    if klass not in known:
        if not create:
            have = "、".join(known) or "（还没有班级）"
            raise InputError("班级", f"“{klass}”不存在（已有：{have}）；班级由带 --class 的 kamlab assign 建立", klass)
        add_class(book, klass, [trainer] if trainer else [])
        known = classes(book)
    if trainer and known[klass] and trainer not in known[klass]:
        raise InputError("培训师", f"“{trainer}”不是班级“{klass}”的培训师（该班培训师：{'、'.join(known[klass])}）",
                         trainer)
    book.klass = klass


def _quoted(where: str) -> str:
    return f'"{where}"' if any(ch.isspace() for ch in where) else where


def _open(db: str | Path, *, create: bool = False, readonly: bool = False) -> tuple[Book, int]:
    """Open a gradebook of this or an older schema; (book, its schema version)."""
    target = dburl.parse(db)
    if target.url is not None:
        return _connect_server(target, create=create, readonly=readonly)
    path = target.path
    if path.is_dir():
        raise _refuse(path, "是一个文件夹：--db 应指向成绩册文件，如 gradebook.sqlite")
    exists = path.exists()
    if not exists and not create:
        raise _refuse(path, "不存在：请检查路径是否拼错；新的成绩册由 kamlab assign 或带 --roster 的 kamlab grade 创建")
    if not exists and not path.parent.is_dir():
        raise _refuse(path, f"所在的文件夹“{path.parent}”不存在")
    if exists and not readonly and not os.access(path, os.W_OK):
        raise _refuse(path, READ_ONLY)
    book = Book(_sqlite_engine(path, readonly), str(path), readonly=readonly)
    try:
        conn = book.conn
        app = conn.exec_driver_sql("PRAGMA application_id").scalar()
        if not exists:
            conn.rollback()
            with transaction(book) as c:
                _create(c)
                c.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            return book, SCHEMA_VERSION
        version = _file_version(conn) if app == APPLICATION_ID else None
        conn.rollback()
    except (DBAPIError, InputError) as error:
        book.close()
        if not exists:
            path.unlink(missing_ok=True)
        if isinstance(error, InputError):
            raise
        raise _refuse(path, f"不是 kamlab 成绩册（SQLite 报告：{error.orig}）") from None
    if version is None:
        book.close()
        raise _refuse(path, "不是 kamlab 成绩册（也可能是很旧版本 kamlab 建立的：请用新的文件名重新建立）")
    if version > SCHEMA_VERSION:
        book.close()
        raise _refuse(path, f"由较新版本的 kamlab 建立（格式 {version}，本程序支持 {SCHEMA_VERSION}）：请升级 kamlab")
    return book, version


def _create(c: Connection) -> None:
    """Make the newest schema in an empty file or database (inside the caller's transaction)."""
    metadata.create_all(c)
    version_table.create(c)
    c.execute(version_table.insert().values(version_num=_revision(SCHEMA_VERSION)))
    if c.dialect.name == "sqlite":
        c.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")  # what kamlab before Alembic reads


def _revision(version: int) -> str:
    return f"kamlab_{version:04d}"


def _version_number(revision: object) -> int:
    try:
        return int(str(revision).removeprefix("kamlab_"))
    except ValueError:
        return -1


def _file_version(conn: Connection) -> int:
    """A SQLite gradebook's schema version: its ``user_version`` (all a kamlab before Alembic
    wrote), or its ``kamlab_version`` row when that is higher."""
    version = int(conn.exec_driver_sql("PRAGMA user_version").scalar())
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (VERSION_TABLE,)).first():
        return max(version, _version_number(conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()))
    return version


def _connect_server(target: dburl.Target, *, create: bool, readonly: bool) -> tuple[Book, int]:
    """Open (or, with ``create``, set up in an empty database) a gradebook on PostgreSQL."""
    args: dict[str, Any] = {"connect_timeout": 10}
    if readonly:  # added to the URL's own ?options= (e.g. a search_path naming the gradebook's schema)
        args["options"] = " ".join([*target.url.query.get("options", "").split(), "-c default_transaction_read_only=on"])
    engine = create_engine(target.url, poolclass=NullPool, connect_args=args)
    book = Book(engine, target.shown, readonly=readonly, secret=target.secret)
    try:
        version = _server_version(book)
        if version is None and create:
            with transaction(book) as c:  # the advisory lock: two runs creating at once make it once
                if _server_version(book) is None:
                    _create(c)
            version = _server_version(book)
        book.conn.rollback()
    except InputError:
        book.close()
        raise
    except DBAPIError as error:
        book.close()
        raise book.fault(error) from None
    if version is None:
        book.close()
        raise _refuse(target.shown, "还不是成绩册（数据库是空的）：新的成绩册由 kamlab assign 或带 --roster 的 kamlab grade 创建")
    if version < 0:
        book.close()
        raise _refuse(target.shown, "不是 kamlab 成绩册（数据库中已有别的表）：请为 kamlab 单独建立一个数据库")
    if version > SCHEMA_VERSION:
        book.close()
        raise _refuse(target.shown, f"由较新版本的 kamlab 建立（格式 {version}，本程序支持 {SCHEMA_VERSION}）：请升级 kamlab")
    return book, version


def _server_version(book: Book) -> int | None:
    """The schema version of a server database: ``None`` when it is empty, ``-1`` when it
    holds tables that are not a kamlab gradebook."""
    c = book.conn
    tables = set(c.execute(text("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema()")).scalars())
    if VERSION_TABLE not in tables:
        return None if not tables else -1
    return _version_number(c.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar())


class Upgraded(NamedTuple):
    """What :func:`upgrade` did: schema ``before`` → ``after``; the SQLite backup copy (or None)."""

    before: int
    after: int
    backup: Path | None


def upgrade(db: str | Path) -> Upgraded:
    """Bring the gradebook ``db`` up to :data:`SCHEMA_VERSION` with the Alembic revisions in
    ``migrations/``: a SQLite file is first copied beside itself (``NAME.formatN.bak.sqlite``),
    then changed in one transaction; PostgreSQL in one transaction holding the write lock
    (DDL is transactional there: a failure leaves the old schema whole)."""
    book, version = _open(db)
    backup = None
    try:
        if version >= SCHEMA_VERSION:
            return Upgraded(version, version, None)
        if book.backend == "sqlite":
            backup = _backup(Path(book.where), version)

        def run(c: Connection) -> int:
            current = _file_version(c) if book.backend == "sqlite" else _server_version(book)
            if current < SCHEMA_VERSION:  # another run may have upgraded it meanwhile
                from alembic import command
                from alembic.config import Config

                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS_DIR))
                config.attributes["connection"] = c
                if not c.dialect.has_table(c, VERSION_TABLE):
                    command.stamp(config, _revision(current))
                command.upgrade(config, _revision(SCHEMA_VERSION))
                if book.backend == "sqlite":
                    c.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return current
        from alembic.util import CommandError

        try:
            before = _write(book, run)
        except CommandError as error:  # a revision missing from this installation
            raise _refuse(book.where, f"无法升级（{error}）：请重新安装 kamlab") from None
        return Upgraded(before, SCHEMA_VERSION, backup)
    finally:
        book.close()


def _backup(path: Path, version: int) -> Path:
    """A consistent copy of a SQLite gradebook before it is upgraded."""
    target = path.with_name(f"{path.stem}.format{version}.bak{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.format{version}.bak{n}{path.suffix}")
    source, copy = sqlite3.connect(str(path), timeout=BUSY_SECONDS), sqlite3.connect(str(target))
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


@contextmanager
def transaction(con: Book) -> Iterator[Connection]:
    """One write transaction (rollback on error), holding the gradebook's write lock; nested
    calls join the outer one. Yields the SQLAlchemy connection."""
    if con._depth:
        con._depth += 1
        try:
            yield con.conn
        finally:
            con._depth -= 1
        return
    conn = con.conn
    if conn.in_transaction():
        conn.rollback()
    conn.info["writing"] = not con.readonly
    con._depth = 1
    try:
        with conn.begin():
            if con.backend == "postgresql" and not con.readonly:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
            yield conn
    finally:
        con._depth = 0
        conn.info["writing"] = False


def _retryable(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    low = str(orig).lower()
    return getattr(orig, "sqlstate", None) in ("40001", "40P01") or "locked" in low or "busy" in low


def retry(action: Callable[[], T], attempts: int = 5, con: Book | None = None) -> T:
    """Run a write ``action``, retrying when another run holds the gradebook locked; any
    other database error is one Chinese line (without the URL's password)."""
    for attempt in range(attempts):
        try:
            return action()
        except (DBAPIError, sqlite3.Error) as error:
            low = str(getattr(error, "orig", error)).lower()
            if "readonly" in low or "read-only" in low:
                raise InputError("成绩册", f"{READ_ONLY}（数据库报告：{getattr(error, 'orig', error)}）") from None
            if _retryable(error) and attempt < attempts - 1:
                time.sleep(0.2 * (attempt + 1))
                continue
            if _retryable(error):
                raise InputError("成绩册", f"被另一个程序长时间占用，请稍后再试（{getattr(error, 'orig', error)}）") from None
            if con is not None:
                raise con.fault(error, writing=True) from None
            raise dburl.fault("成绩册", error, writing=True) from None
    raise AssertionError("unreachable")


def _rows(con: Book, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """The rows of one read (its own short transaction unless inside a write)."""
    return _reading(con, lambda c: c.execute(text(sql), params or {}).all())


def _reading(con: Book, action: Callable[[Connection], T]) -> T:
    try:
        if con._depth:
            return action(con.conn)
        try:
            return action(con.conn)
        finally:
            if con.conn.in_transaction():
                con.conn.rollback()
    except DBAPIError as error:
        raise con.fault(error) from None


def _frame(con: Book, sql: str) -> pd.DataFrame:
    return _reading(con, lambda c: pd.read_sql_query(text(sql), c))


def _write(con: Book, action: Callable[[Connection], T]) -> T:
    """Run ``action(connection)`` in one write transaction, with :func:`retry`."""
    def run() -> T:
        with transaction(con) as c:
            return action(c)
    return retry(run, con=con)


def _x(c: Connection, sql: str, params: dict[str, Any] | list[dict[str, Any]] | None = None):
    return c.execute(text(sql), params if params is not None else {})


# --- learners ------------------------------------------------------------------------


def set_roster(con: Book, roster: dict[str, str]) -> None:
    """Add or rename learners (never deletes one: their submissions stay; a removed learner
    stays removed until restored)."""
    rows = [{"lid": lid, "name": name, "klass": con.klass} for lid, name in roster.items()]

    def run(c: Connection) -> None:
        _x(c, "INSERT INTO learners (learner_id, name) VALUES (:lid, :name) "
              "ON CONFLICT (learner_id) DO UPDATE SET name = excluded.name", rows)
        if con.klass is not None:  # and into the class the run works in
            _x(c, "INSERT INTO class_learners (class_id, learner_id) VALUES (:klass, :lid) ON CONFLICT DO NOTHING", rows)
    if rows:
        _write(con, run)


def roster(con: Book, *, include_removed: bool = False) -> dict[str, str]:
    """Learner id → name of the class (removed learners only with ``include_removed``)."""
    where = "WHERE 1 = 1" if include_removed else "WHERE removed_at IS NULL"
    return {r[0]: r[1] for r in _rows(con, f"SELECT learner_id, name FROM learners {where}{_members(con)} "
                                           "ORDER BY learner_id", _scope(con))}


def removed(con: Book) -> dict[str, str]:
    """Removed learner id → name."""
    return {r[0]: r[1] for r in _rows(
        con, f"SELECT learner_id, name FROM learners WHERE removed_at IS NOT NULL{_members(con)} ORDER BY learner_id",
        _scope(con))}


def set_removed(con: Book, learner: str, remove: bool) -> bool:
    """Remove (``True``) or restore a learner; False when the learner was already so."""
    if remove:
        sql = "UPDATE learners SET removed_at = :at WHERE learner_id = :lid AND removed_at IS NULL"
    else:
        sql = "UPDATE learners SET removed_at = NULL WHERE learner_id = :lid AND removed_at IS NOT NULL"
    return _write(con, lambda c: _x(c, sql, {"at": now(), "lid": learner}).rowcount > 0)


def tokens(con: Book) -> dict[str, str]:
    """Learner id → signing token (``""`` when ``assign`` has not given one yet)."""
    return {r[0]: r[1] for r in _rows(con, "SELECT learner_id, token FROM learners")}


def ensure_tokens(con: Book, learners: Iterable[str], make: Callable[[], str]) -> dict[str, str]:
    """Give every learner in ``learners`` a token if they have none; return their tokens."""
    learners = list(learners)

    def run(c: Connection) -> dict[str, str]:
        for lid in learners:
            _x(c, "UPDATE learners SET token = :tok WHERE learner_id = :lid AND token = ''", {"tok": make(), "lid": lid})
        return {lid: tok for lid, tok in _x(c, "SELECT learner_id, token FROM learners") if lid in learners}
    return _write(con, run)


def submission_counts(con: Book) -> dict[str, int]:
    """Learner id → how many different exercises they have submitted."""
    return {r[0]: int(r[1]) for r in _rows(
        con, f"SELECT learner_id, COUNT(DISTINCT exercise_id) FROM submissions WHERE 1 = 1{_members(con)}"
             f"{_plan(con)} GROUP BY learner_id", _scope(con))}


# --- submissions and scores ----------------------------------------------------------


def store_submissions(con: Book, items: list[dict[str, Any]]) -> list[int]:
    """Store accepted submissions with their scores in one transaction; return row ids
    (``item["new"]`` is set to whether the submission was not stored before).

    Each item: ``learner``, ``exercise``, ``assignment``, ``submitted_at`` (UTC ISO),
    ``signature``, ``raw`` (JSON text) and ``marks`` [(question id, score, max, answer,
    expected, detail)]. A submission already stored (same signature) is re-scored in place.
    """
    def run(c: Connection) -> list[int]:
        keys = [(it["learner"], it["exercise"], it["signature"]) for it in items]
        stored = _submission_ids(c, keys)
        seen = set(stored)
        for it, key in zip(items, keys, strict=True):
            it["new"] = key not in seen
            seen.add(key)
        fresh = {key: it for it, key in zip(items, keys, strict=True) if key not in stored}
        if fresh:  # one round trip per batch (psycopg pipelines executemany), not five per submission
            _x(c, "INSERT INTO submissions (learner_id, exercise_id, assignment_id, submitted_at, received_at, "
                  "signature, raw) VALUES (:lid, :ex, :asg, :sub, :rec, :sig, :raw) "
                  "ON CONFLICT (learner_id, exercise_id, signature) DO NOTHING",
               [{"lid": k[0], "ex": k[1], "sig": k[2], "asg": it["assignment"], "sub": it["submitted_at"],
                 "rec": now(), "raw": it["raw"]} for k, it in fresh.items()])
        for exercise in dict.fromkeys(it["exercise"] for it in items):
            _note_exercise(c, exercise)
        ids = {**stored, **_submission_ids(c, list(fresh))}
        again = sorted({ids[k] for k in stored})
        for start in range(0, len(again), 500):
            chunk = again[start:start + 500]
            _x(c, f"DELETE FROM scores WHERE submission_id IN ({', '.join(str(int(i)) for i in chunk)})")
        marks = {ids[key]: it["marks"] for it, key in zip(items, keys, strict=True)}  # the last scoring of a key wins
        rows = [{"sid": sid, "q": m[0], "pos": i, "score": m[1], "max": m[2], "answer": m[3], "expected": m[4],
                 "detail": m[5]} for sid, ms in marks.items() for i, m in enumerate(ms)]
        if rows:
            _x(c, "INSERT INTO scores (submission_id, question_id, position, score, max_score, answer, expected, "
                  "detail) VALUES (:sid, :q, :pos, :score, :max, :answer, :expected, :detail)", rows)
        return [int(ids[key]) for key in keys]
    return _write(con, run)


def _submission_ids(c: Connection, keys: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], int]:
    """(learner, exercise, signature) → submission id, for those of ``keys`` already stored."""
    found: dict[tuple[str, str, str], int] = {}
    wanted = set(keys)
    signatures = sorted({k[2] for k in keys})
    for start in range(0, len(signatures), 500):
        chunk = signatures[start:start + 500]
        params = {f"s{i}": sig for i, sig in enumerate(chunk)}
        rows = _x(c, f"SELECT learner_id, exercise_id, signature, id FROM submissions WHERE signature IN "
                     f"({', '.join(':' + p for p in params)})", params)
        found.update({(r[0], r[1], r[2]): int(r[3]) for r in rows if (r[0], r[1], r[2]) in wanted})
    return found


def stored_raw(con: Book, learner: str | None = None) -> list[str]:
    """Raw JSON of stored submissions (all, or one learner's)."""
    where = (" AND learner_id = :lid" if learner else "") + _members(con) + _plan(con)
    return [r[0] for r in _rows(con, f"SELECT raw FROM submissions WHERE 1 = 1{where} ORDER BY id",
                                {"lid": learner, **_scope(con)})]


def latest_raw(con: Book) -> dict[tuple[str, str], str]:
    """(learner, exercise) → raw JSON of the latest submitted version."""
    return {(r[0], r[1]): r[2] for r in _rows(
        con, f"SELECT learner_id, exercise_id, raw FROM ({VERSIONS}) v WHERE is_latest{_members(con)}{_plan(con)}",
        _scope(con))}


def record_assignment(con: Book, exercise: str, assignment: str, learners: Iterable[str] = (),
                      due_at: str | None = None, late_penalty: float | None = None) -> None:
    """Remember that ``exercise`` was assigned (as ``assignment``) to ``learners``, with its
    due date (UTC ISO) and late penalty (``None`` keeps what was set before)."""
    learners = list(learners)

    def run(c: Connection) -> None:
        _x(c, "INSERT INTO assigned (exercise_id, assignment_id, assigned_at, due_at, late_penalty) "
              "VALUES (:ex, :asg, :at, :due, :pen) ON CONFLICT (exercise_id) DO UPDATE SET "
              "assignment_id = excluded.assignment_id, assigned_at = excluded.assigned_at, "
              "due_at = COALESCE(excluded.due_at, assigned.due_at), "
              "late_penalty = COALESCE(excluded.late_penalty, assigned.late_penalty)",
           {"ex": exercise, "asg": assignment, "at": now(), "due": due_at, "pen": late_penalty})
        if learners:
            _x(c, "INSERT INTO assigned_to (learner_id, exercise_id) VALUES (:lid, :ex) ON CONFLICT DO NOTHING",
               [{"lid": lid, "ex": exercise} for lid in learners])
        if con.klass is not None:
            _x(c, "INSERT INTO class_exercises (class_id, exercise_id, due_at, late_penalty) "
                  "VALUES (:klass, :ex, :due, :pen) ON CONFLICT (class_id, exercise_id) DO UPDATE SET "
                  "due_at = COALESCE(excluded.due_at, class_exercises.due_at), "
                  "late_penalty = COALESCE(excluded.late_penalty, class_exercises.late_penalty)",
               {"klass": con.klass, "ex": exercise, "due": due_at, "pen": late_penalty})
        _note_exercise(c, exercise)
    _write(con, run)


def set_due(con: Book, exercise: str, due_at: str | None, late_penalty: float | None) -> bool:
    """Set (or clear, with ``None``) an assigned exercise's due date and late penalty;
    False when the exercise was never assigned."""
    if con.klass is not None:
        return _write(con, lambda c: _x(c, "UPDATE class_exercises SET due_at = :due, late_penalty = :pen "
                                           "WHERE class_id = :klass AND exercise_id = :ex",
                                        {"due": due_at, "pen": late_penalty, "ex": exercise,
                                         "klass": con.klass}).rowcount > 0)
    return _write(con, lambda c: _x(c, "UPDATE assigned SET due_at = :due, late_penalty = :pen WHERE exercise_id = :ex",
                                    {"due": due_at, "pen": late_penalty, "ex": exercise}).rowcount > 0)


def due_dates(con: Book) -> dict[str, tuple[str, float | None]]:
    """Exercise → (due date UTC ISO, late penalty or None), for exercises with a due date."""
    if con.klass is not None:
        return {r[0]: (r[1], r[2]) for r in _rows(
            con, "SELECT exercise_id, due_at, late_penalty FROM class_exercises WHERE due_at IS NOT NULL "
                 "AND class_id = :klass", _scope(con))}
    return {r[0]: (r[1], r[2]) for r in _rows(
        con, "SELECT exercise_id, due_at, late_penalty FROM assigned WHERE due_at IS NOT NULL")}


def expected(con: Book) -> set[tuple[str, str]]:
    """(learner, exercise) pairs the class owes: each assigned exercise from the learners it
    was given to, each exercise never assigned from every learner; removed learners left out."""
    pairs = {(r[0], r[1]) for r in _rows(
        con, "SELECT t.learner_id, t.exercise_id FROM assigned_to t JOIN learners l USING (learner_id) "
             "WHERE l.removed_at IS NULL UNION "
             "SELECT l.learner_id, e.exercise_id FROM learners l, exercises e WHERE l.removed_at IS NULL "
             "AND e.exercise_id NOT IN (SELECT exercise_id FROM assigned)")}
    if con.klass is None:
        return pairs
    learners, exercises = set(roster(con)), set(class_exercises(con))
    return {(lid, ex) for lid, ex in pairs if lid in learners and ex in exercises}


def _note_exercise(c: Connection, exercise: str) -> None:
    """Give ``exercise`` the next place in the class's order unless it has one."""
    _x(c, "INSERT INTO exercises (exercise_id) VALUES (:ex) ON CONFLICT (exercise_id) DO NOTHING", {"ex": exercise})


def class_exercises(con: Book) -> list[str]:
    """Exercise ids assigned or with at least one submission, in the order they first appeared
    (assigned, or first submitted when never assigned)."""
    return [r[0] for r in _rows(con, f"SELECT exercise_id FROM exercises WHERE 1 = 1{_plan(con)} ORDER BY seq",
                                _scope(con))]


def latest_scores(con: Book, *, include_removed: bool = False) -> pd.DataFrame:
    """Per learner × exercise × question of the latest submission: effective score,
    automatic and manual score, answer, comment and ``needs_review`` (0/1). Removed
    learners' rows only with ``include_removed``."""
    differs = "IS NOT" if con.backend == "sqlite" else "IS DISTINCT FROM"
    frame = _frame(con, LATEST_SCORES.format(differs=differs))
    if con.klass is not None and not frame.empty:
        keep = frame["learner_id"].isin(set(roster(con, include_removed=True))) & \
            frame["exercise_id"].isin(set(class_exercises(con)))
        frame = frame[keep].reset_index(drop=True)
    if include_removed or frame.empty:
        return frame
    gone = set(removed(con))
    return frame[~frame["learner_id"].isin(gone)].reset_index(drop=True) if gone else frame


def latest_answer(con: Book, learner: str, exercise: str, question: str) -> str | None:
    """The stored answer text of the latest version for one question (``None``: no submission)."""
    rows = _rows(con, f"SELECT c.answer FROM ({VERSIONS}) v JOIN scores c ON c.submission_id = v.id "
                      "WHERE v.is_latest AND v.learner_id = :lid AND v.exercise_id = :ex AND c.question_id = :q",
                 {"lid": learner, "ex": exercise, "q": question})
    return rows[0][0] if rows else None


def has_submission(con: Book, learner: str, exercise: str) -> bool:
    """Whether the learner has submitted the exercise at least once."""
    return bool(_rows(con, "SELECT 1 FROM submissions WHERE learner_id = :lid AND exercise_id = :ex LIMIT 1",
                      {"lid": learner, "ex": exercise}))


# --- manual scores -------------------------------------------------------------------


def set_manual_rows(con: Book, rows: list[tuple[str, str, str, float | None, str | None, str | None]],
                    confirms: Iterable[tuple[str, str, str, str | None]] = ()) -> None:
    """Record trainer's scores/comments, all or nothing: (learner, exercise, question, score,
    comment, answer it was given for); ``None`` keeps the stored score/comment. ``confirms``
    (learner, exercise, question, answer) re-bind existing scores to the current answer."""
    confirms = list(confirms)

    def run(c: Connection) -> None:
        if confirms:
            _x(c, "UPDATE manual SET answer = :answer, updated_at = :at WHERE learner_id = :lid "
                  "AND exercise_id = :ex AND question_id = :q",
               [{"lid": lid, "ex": ex, "q": q, "answer": answer, "at": now()} for lid, ex, q, answer in confirms])
        if rows:
            _x(c, "INSERT INTO manual (learner_id, exercise_id, question_id, score, comment, answer, updated_at) "
                  "VALUES (:lid, :ex, :q, :score, COALESCE(CAST(:comment AS TEXT), ''), :answer, :at) "
                  "ON CONFLICT (learner_id, exercise_id, question_id) DO UPDATE SET "
                  "score = CASE WHEN excluded.score IS NULL THEN manual.score ELSE excluded.score END, "
                  "comment = CASE WHEN CAST(:comment AS TEXT) IS NULL THEN manual.comment ELSE excluded.comment END, "
                  "answer = CASE WHEN CAST(:answer AS TEXT) IS NULL THEN manual.answer ELSE excluded.answer END, "
                  "updated_at = excluded.updated_at",
               [{"lid": lid, "ex": ex, "q": q, "score": score, "comment": comment, "answer": answer, "at": now()}
                for lid, ex, q, score, comment, answer in rows])
    _write(con, run)


def confirm_manual(con: Book, learner: str, exercise: str, question: str, answer: str | None) -> bool:
    """Bind an existing manual score to ``answer`` (the trainer confirmed it); False if none."""
    return _write(con, lambda c: _x(c, "UPDATE manual SET answer = :answer, updated_at = :at WHERE learner_id = :lid "
                                       "AND exercise_id = :ex AND question_id = :q",
                                    {"answer": answer, "at": now(), "lid": learner, "ex": exercise,
                                     "q": question}).rowcount > 0)


def remove_manual(con: Book, learner: str, exercise: str, question: str) -> bool:
    """Delete a manual score and comment; False when there was none."""
    return _write(con, lambda c: _x(c, "DELETE FROM manual WHERE learner_id = :lid AND exercise_id = :ex "
                                       "AND question_id = :q",
                                    {"lid": learner, "ex": exercise, "q": question}).rowcount > 0)


class ManualEntry(NamedTuple):
    """One answer's manual score and comment as stored, and when they were last written."""

    score: float | None
    comment: str
    updated_at: str


def manual_entry(con: Book, learner: str, exercise: str, question: str) -> ManualEntry | None:
    """The stored manual score/comment of one answer (``None``: no manual row)."""
    rows = _rows(con, "SELECT score, comment, updated_at FROM manual WHERE learner_id = :lid AND exercise_id = :ex "
                      "AND question_id = :q", {"lid": learner, "ex": exercise, "q": question})
    if not rows:
        return None
    row = rows[0]
    return ManualEntry(None if row[0] is None else float(row[0]), row[1], row[2])


def manual_rows(con: Book) -> pd.DataFrame:
    """Every manual row (learner_id, exercise_id, question_id, score, comment, answer, updated_at)."""
    frame = _frame(con, "SELECT learner_id, exercise_id, question_id, score, comment, answer, updated_at FROM manual "
                        "ORDER BY learner_id, exercise_id, question_id")
    if con.klass is not None and not frame.empty:
        keep = frame["learner_id"].isin(set(roster(con, include_removed=True))) & \
            frame["exercise_id"].isin(set(class_exercises(con)))
        frame = frame[keep].reset_index(drop=True)
    return frame


def overall_comments(con: Book) -> dict[tuple[str, str], str]:
    """(learner, exercise) → the trainer's overall comment."""
    return {(r[0], r[1]): r[2] for r in _rows(
        con, f"SELECT learner_id, exercise_id, comment FROM manual WHERE question_id = '' AND comment != ''"
             f"{_members(con)}{_plan(con)}", _scope(con))}


# --- classes -------------------------------------------------------------------------


def _scope(con: Book) -> dict[str, Any]:
    return {"klass": con.klass}


def _members(con: Book) -> str:
    """`` AND learner_id IN (the class's learners)`` when the book works in a class."""
    if con.klass is None:
        return ""
    return " AND learner_id IN (SELECT learner_id FROM class_learners WHERE class_id = :klass)"


def _plan(con: Book) -> str:
    """`` AND exercise_id IN (the class's exercises)`` when the book works in a class: those
    assigned in it, and those never assigned anywhere (owed by every learner)."""
    if con.klass is None:
        return ""
    return (" AND (exercise_id IN (SELECT exercise_id FROM class_exercises WHERE class_id = :klass) "
            "OR exercise_id NOT IN (SELECT exercise_id FROM assigned))")


def classes(con: Book) -> dict[str, list[str]]:
    """Every class of the gradebook → its trainers (sorted)."""
    out: dict[str, list[str]] = {r[0]: [] for r in _rows(con, "SELECT class_id FROM classes ORDER BY class_id")}
    for klass, trainer in _rows(con, "SELECT class_id, trainer FROM class_trainers ORDER BY class_id, trainer"):
        out[klass].append(trainer)
    return out


def add_class(con: Book, name: str, trainers: Iterable[str] = ()) -> None:
    """Make class ``name`` (if new) and add ``trainers`` to it."""
    trainers = [{"klass": name, "trainer": t} for t in trainers]

    def run(c: Connection) -> None:
        _x(c, "INSERT INTO classes (class_id, created_at) VALUES (:klass, :at) ON CONFLICT DO NOTHING",
           {"klass": name, "at": now()})
        if trainers:
            _x(c, "INSERT INTO class_trainers (class_id, trainer) VALUES (:klass, :trainer) ON CONFLICT DO NOTHING",
               trainers)
    _write(con, run)


def class_members(con: Book) -> dict[str, list[str]]:
    """Class → its learners (removed ones left out), sorted."""
    out: dict[str, list[str]] = {k: [] for k in classes(con)}
    for klass, lid in _rows(con, "SELECT m.class_id, m.learner_id FROM class_learners m JOIN learners l "
                                 "USING (learner_id) WHERE l.removed_at IS NULL ORDER BY m.class_id, m.learner_id"):
        out[klass].append(lid)
    return out


def unassigned_exercises(con: Book) -> list[str]:
    """Exercises submitted but never assigned (owed by every learner of every class)."""
    return [r[0] for r in _rows(con, "SELECT exercise_id FROM exercises WHERE exercise_id NOT IN "
                                     "(SELECT exercise_id FROM assigned) ORDER BY seq")]


def class_plans(con: Book) -> dict[str, list[str]]:
    """Class → the exercises assigned in it, in the gradebook's order."""
    out: dict[str, list[str]] = {k: [] for k in classes(con)}
    for klass, ex in _rows(con, "SELECT p.class_id, p.exercise_id FROM class_exercises p JOIN exercises e "
                                "USING (exercise_id) ORDER BY p.class_id, e.seq"):
        out[klass].append(ex)
    return out
