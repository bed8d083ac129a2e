"""The gradebook: one SQLite file (stdlib ``sqlite3``). Every SQL statement of the
trainer's loop lives in this module.

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

The schema version is SQLite's ``user_version``; ``application_id`` marks the file as a
kamlab gradebook; an older schema is upgraded when the file is opened (``MIGRATIONS``).
Opening a file that is not one, or one of a newer schema, is an
:class:`~kamlab.errors.InputError` (one Chinese line). Read-only verbs open the file
read-only. Writers take the write lock first (``BEGIN IMMEDIATE``) and wait for another
run holding it, so two ``grade`` runs at once are serialised.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pandas as pd

from ..errors import InputError

APPLICATION_ID = 0x4B414D4C  # "KAML"
BUSY_SECONDS = 60.0
READ_ONLY = ("是只读的，不能写入：请检查文件（及所在文件夹）的权限，或把它复制到可写的文件夹再用；"
             "只读的成绩册仍可生成反馈页面和班级报告")

SCHEMA = """
CREATE TABLE IF NOT EXISTS learners (
    learner_id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', token TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id TEXT NOT NULL REFERENCES learners(learner_id), exercise_id TEXT NOT NULL,
    assignment_id TEXT NOT NULL, submitted_at TEXT NOT NULL, received_at TEXT NOT NULL,
    signature TEXT NOT NULL, raw TEXT NOT NULL,
    UNIQUE (learner_id, exercise_id, signature));
CREATE TABLE IF NOT EXISTS scores (
    submission_id INTEGER NOT NULL REFERENCES submissions(id), question_id TEXT NOT NULL,
    position INTEGER NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL, answer TEXT NOT NULL,
    expected TEXT NOT NULL, detail TEXT NOT NULL, PRIMARY KEY (submission_id, question_id));
CREATE TABLE IF NOT EXISTS assigned (
    exercise_id TEXT PRIMARY KEY, assignment_id TEXT NOT NULL, assigned_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS manual (
    learner_id TEXT NOT NULL, exercise_id TEXT NOT NULL, question_id TEXT NOT NULL DEFAULT '',
    score REAL, comment TEXT NOT NULL DEFAULT '', answer TEXT, updated_at TEXT NOT NULL,
    PRIMARY KEY (learner_id, exercise_id, question_id));
"""

#: Schema changes after version 2, in order: ``MIGRATIONS[i]`` takes version ``i + 2`` to
#: ``i + 3``. A new gradebook is the version-2 schema plus every step; an older one is
#: brought up to date when it is opened.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 3: the class's exercises in the order they first appeared (assigned or first
    # submitted), by sequence number, not by a timestamp that two assigns can share.
    ("CREATE TABLE exercises (seq INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id TEXT NOT NULL UNIQUE)",
     "INSERT INTO exercises (exercise_id) SELECT exercise_id FROM ("
     "SELECT exercise_id, assigned_at AS t FROM assigned UNION ALL "
     "SELECT exercise_id, MIN(received_at) FROM submissions GROUP BY exercise_id) "
     "GROUP BY exercise_id ORDER BY MIN(t), exercise_id"),
    # 4: removed learners (kept with their history, hidden from lists and rates); who was
    # given each exercise (a learner added later is not missing it); due dates and an
    # optional late penalty per exercise.
    ("ALTER TABLE learners ADD COLUMN removed_at TEXT",
     "CREATE TABLE assigned_to (learner_id TEXT NOT NULL REFERENCES learners(learner_id), "
     "exercise_id TEXT NOT NULL, PRIMARY KEY (learner_id, exercise_id))",
     "INSERT INTO assigned_to SELECT l.learner_id, a.exercise_id FROM learners l, assigned a",
     "ALTER TABLE assigned ADD COLUMN due_at TEXT",
     "ALTER TABLE assigned ADD COLUMN late_penalty REAL"),
)
SCHEMA_VERSION = 2 + len(MIGRATIONS)

#: Every submission with its version number (1, 2, … by submission time) and a latest flag.
VERSIONS = """
SELECT s.*, ROW_NUMBER() OVER w AS version,
       ROW_NUMBER() OVER w = COUNT(*) OVER (PARTITION BY s.learner_id, s.exercise_id) AS is_latest
FROM submissions s
WINDOW w AS (PARTITION BY s.learner_id, s.exercise_id ORDER BY s.submitted_at, s.id
             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
"""

#: The latest version of each learner's submission per exercise, with effective scores.
LATEST_SCORES = f"""
WITH v AS ({VERSIONS})
SELECT v.learner_id, v.exercise_id, v.id AS submission_id, v.version, v.submitted_at, c.question_id,
       COALESCE(m.score, c.score) AS score, c.score AS auto_score, m.score AS manual_score,
       c.max_score, c.answer, c.expected, c.detail, COALESCE(m.comment, '') AS comment,
       CASE WHEN m.learner_id IS NOT NULL AND m.answer IS NOT c.answer THEN 1 ELSE 0 END AS needs_review
FROM v JOIN scores c ON c.submission_id = v.id
LEFT JOIN manual m ON m.learner_id = v.learner_id AND m.exercise_id = v.exercise_id
                  AND m.question_id = c.question_id
WHERE v.is_latest
ORDER BY v.learner_id, v.exercise_id, c.position
"""

T = TypeVar("T")


def now() -> str:
    """UTC time stamp, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _refuse(path: Path, message: str) -> InputError:
    return InputError("成绩册", f"“{path}”{message}", str(path))


def connect(path: str | Path, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open the gradebook at ``path``.

    ``create=True`` (only ``assign`` and ``grade --roster`` pass it) makes a new one when
    the file does not exist; otherwise a missing file is refused, so a misspelt ``--db``
    never starts an empty gradebook. ``readonly=True`` opens it read-only.
    """
    path = Path(path)
    if path.is_dir():
        raise _refuse(path, "是一个文件夹：--db 应指向成绩册文件，如 gradebook.sqlite")
    exists = path.exists()
    if not exists and not create:
        raise _refuse(path, "不存在：请检查路径是否拼错；新的成绩册由 kamlab assign 或带 --roster 的 kamlab grade 创建")
    if not exists and not path.parent.is_dir():
        raise _refuse(path, f"所在的文件夹“{path.parent}”不存在")
    if exists and not readonly and not os.access(path, os.W_OK):
        raise _refuse(path, READ_ONLY)
    try:
        if readonly:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        else:
            con = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None)
        con.execute("PRAGMA foreign_keys = ON")
        app, version = con.execute("PRAGMA application_id").fetchone()[0], con.execute("PRAGMA user_version").fetchone()[0]
        if not exists:
            con.executescript("BEGIN IMMEDIATE;" + SCHEMA + "".join(f"{s};" for step in MIGRATIONS for s in step) +
                              f"PRAGMA application_id = {APPLICATION_ID};PRAGMA user_version = {SCHEMA_VERSION};COMMIT;")
            return con
    except sqlite3.DatabaseError as error:
        if not exists:
            path.unlink(missing_ok=True)
        raise _refuse(path, f"不是 kamlab 成绩册（SQLite 报告：{error}）") from None
    if app != APPLICATION_ID:
        con.close()
        raise _refuse(path, "不是 kamlab 成绩册（也可能是旧版本 kamlab 建立的：请用新的文件名重新建立）")
    if version > SCHEMA_VERSION:
        con.close()
        raise _refuse(path, f"由较新版本的 kamlab 建立（格式 {version}，本程序支持 {SCHEMA_VERSION}）：请升级 kamlab")
    if version < SCHEMA_VERSION:
        con.close()
        _upgrade(path, version)
        return connect(path, readonly=readonly)
    return con


def _upgrade(path: Path, version: int) -> None:
    """Bring a gradebook of an older schema ``version`` up to date, in one transaction."""
    con = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        current = con.execute("PRAGMA user_version").fetchone()[0]  # another run may have upgraded it meanwhile
        for step in MIGRATIONS[max(current, 2) - 2:]:
            for statement in step:
                con.execute(statement)
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        con.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if con.in_transaction:
            con.execute("ROLLBACK")
        if "readonly" in str(error):
            raise _refuse(path, f"是只读文件，且由旧版本 kamlab 建立（格式 {version}）：请让它可写后再运行一次，"
                                "kamlab 会把它升级到新格式") from None
        raise _refuse(path, f"无法升级到新格式（SQLite 报告：{error}）") from None
    finally:
        con.close()


@contextmanager
def transaction(con: sqlite3.Connection):
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (rollback on error); waits for another writer."""
    if con.in_transaction:
        yield con
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def retry(action: Callable[[], T], attempts: int = 5) -> T:
    """Run a write ``action``, retrying when another run holds the gradebook locked."""
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if "readonly" in str(error) or "read-only" in str(error):
                raise InputError("成绩册", f"{READ_ONLY}（SQLite 报告：{error}）") from None
            if "locked" not in str(error) and "busy" not in str(error) or attempt == attempts - 1:
                raise InputError("成绩册", f"被另一个程序长时间占用，请稍后再试（{error}）") from None
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


# --- learners ------------------------------------------------------------------------


def set_roster(con: sqlite3.Connection, roster: dict[str, str]) -> None:
    """Add or rename learners (never deletes one: their submissions stay; a removed learner
    stays removed until restored)."""
    def run() -> None:
        with transaction(con):
            con.executemany("INSERT INTO learners (learner_id, name) VALUES (?, ?) "
                            "ON CONFLICT(learner_id) DO UPDATE SET name = excluded.name", list(roster.items()))
    retry(run)


def roster(con: sqlite3.Connection, *, include_removed: bool = False) -> dict[str, str]:
    """Learner id → name of the class (removed learners only with ``include_removed``)."""
    where = "" if include_removed else " WHERE removed_at IS NULL"
    return dict(con.execute(f"SELECT learner_id, name FROM learners{where} ORDER BY learner_id"))


def removed(con: sqlite3.Connection) -> dict[str, str]:
    """Removed learner id → name."""
    return dict(con.execute("SELECT learner_id, name FROM learners WHERE removed_at IS NOT NULL ORDER BY learner_id"))


def set_removed(con: sqlite3.Connection, learner: str, remove: bool) -> bool:
    """Remove (``True``) or restore a learner; False when the learner was already so."""
    def run() -> bool:
        with transaction(con):
            if remove:
                sql = "UPDATE learners SET removed_at = ? WHERE learner_id = ? AND removed_at IS NULL"
                return con.execute(sql, (now(), learner)).rowcount > 0
            sql = "UPDATE learners SET removed_at = NULL WHERE learner_id = ? AND removed_at IS NOT NULL"
            return con.execute(sql, (learner,)).rowcount > 0
    return retry(run)


def tokens(con: sqlite3.Connection) -> dict[str, str]:
    """Learner id → signing token (``""`` when ``assign`` has not given one yet)."""
    return dict(con.execute("SELECT learner_id, token FROM learners"))


def ensure_tokens(con: sqlite3.Connection, learners: Iterable[str], make: Callable[[], str]) -> dict[str, str]:
    """Give every learner in ``learners`` a token if they have none; return their tokens."""
    learners = list(learners)

    def run() -> dict[str, str]:
        with transaction(con):
            for lid in learners:
                con.execute("UPDATE learners SET token = ? WHERE learner_id = ? AND token = ''", (make(), lid))
            return {lid: tok for lid, tok in con.execute("SELECT learner_id, token FROM learners") if lid in learners}
    return retry(run)


# --- submissions and scores ----------------------------------------------------------


def store_submissions(con: sqlite3.Connection, items: list[dict[str, Any]]) -> list[int]:
    """Store accepted submissions with their scores in one transaction; return row ids
    (``item["new"]`` is set to whether the submission was not stored before).

    Each item: ``learner``, ``exercise``, ``assignment``, ``submitted_at`` (UTC ISO),
    ``signature``, ``raw`` (JSON text) and ``marks`` [(question id, score, max, answer,
    expected, detail)]. A submission already stored (same signature) is re-scored in place.
    """
    def run() -> list[int]:
        ids = []
        with transaction(con):
            for it in items:
                it["new"] = con.execute(
                    "INSERT INTO submissions (learner_id, exercise_id, assignment_id, submitted_at, received_at, "
                    "signature, raw) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(learner_id, exercise_id, signature) DO NOTHING",
                    (it["learner"], it["exercise"], it["assignment"], it["submitted_at"], now(),
                     it["signature"], it["raw"])).rowcount > 0
                _note_exercise(con, it["exercise"])
                (sid,) = con.execute("SELECT id FROM submissions WHERE learner_id = ? AND exercise_id = ? "
                                     "AND signature = ?", (it["learner"], it["exercise"], it["signature"])).fetchone()
                con.execute("DELETE FROM scores WHERE submission_id = ?", (sid,))
                con.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(sid, m[0], i, *m[1:]) for i, m in enumerate(it["marks"])])
                ids.append(int(sid))
        return ids
    return retry(run)


def stored_raw(con: sqlite3.Connection, learner: str | None = None) -> list[str]:
    """Raw JSON of stored submissions (all, or one learner's)."""
    sql, args = "SELECT raw FROM submissions", ()
    if learner:
        sql, args = sql + " WHERE learner_id = ?", (learner,)
    return [r[0] for r in con.execute(sql + " ORDER BY id", args)]


def latest_raw(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(learner, exercise) → raw JSON of the latest submitted version."""
    return {(r[0], r[1]): r[2] for r in con.execute(
        f"SELECT learner_id, exercise_id, raw FROM ({VERSIONS}) WHERE is_latest")}


def record_assignment(con: sqlite3.Connection, exercise: str, assignment: str, learners: Iterable[str] = (),
                      due_at: str | None = None, late_penalty: float | None = None) -> None:
    """Remember that ``exercise`` was assigned (as ``assignment``) to ``learners``, with its
    due date (UTC ISO) and late penalty (``None`` keeps what was set before)."""
    learners = list(learners)

    def run() -> None:
        with transaction(con):
            con.execute("INSERT INTO assigned (exercise_id, assignment_id, assigned_at, due_at, late_penalty) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(exercise_id) DO UPDATE SET "
                        "assignment_id = excluded.assignment_id, assigned_at = excluded.assigned_at, "
                        "due_at = COALESCE(excluded.due_at, assigned.due_at), "
                        "late_penalty = COALESCE(excluded.late_penalty, assigned.late_penalty)",
                        (exercise, assignment, now(), due_at, late_penalty))
            con.executemany("INSERT INTO assigned_to VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [(lid, exercise) for lid in learners])
            _note_exercise(con, exercise)
    retry(run)


def set_due(con: sqlite3.Connection, exercise: str, due_at: str | None, late_penalty: float | None) -> bool:
    """Set (or clear, with ``None``) an assigned exercise's due date and late penalty;
    False when the exercise was never assigned."""
    def run() -> bool:
        with transaction(con):
            return con.execute("UPDATE assigned SET due_at = ?, late_penalty = ? WHERE exercise_id = ?",
                               (due_at, late_penalty, exercise)).rowcount > 0
    return retry(run)


def due_dates(con: sqlite3.Connection) -> dict[str, tuple[str, float | None]]:
    """Exercise → (due date UTC ISO, late penalty or None), for exercises with a due date."""
    return {r[0]: (r[1], r[2]) for r in con.execute(
        "SELECT exercise_id, due_at, late_penalty FROM assigned WHERE due_at IS NOT NULL")}


def expected(con: sqlite3.Connection) -> set[tuple[str, str]]:
    """(learner, exercise) pairs the class owes: each assigned exercise from the learners it
    was given to, each exercise never assigned from every learner; removed learners left out."""
    return set(con.execute(
        "SELECT t.learner_id, t.exercise_id FROM assigned_to t JOIN learners l USING (learner_id) "
        "WHERE l.removed_at IS NULL UNION "
        "SELECT l.learner_id, e.exercise_id FROM learners l, exercises e WHERE l.removed_at IS NULL "
        "AND e.exercise_id NOT IN (SELECT exercise_id FROM assigned)"))


def _note_exercise(con: sqlite3.Connection, exercise: str) -> None:
    """Give ``exercise`` the next place in the class's order unless it has one."""
    con.execute("INSERT INTO exercises (exercise_id) VALUES (?) ON CONFLICT(exercise_id) DO NOTHING", (exercise,))


def class_exercises(con: sqlite3.Connection) -> list[str]:
    """Exercise ids assigned or with at least one submission, in the order they first appeared
    (assigned, or first submitted when never assigned)."""
    return [r[0] for r in con.execute("SELECT exercise_id FROM exercises ORDER BY seq")]


def latest_scores(con: sqlite3.Connection, *, include_removed: bool = False) -> pd.DataFrame:
    """Per learner × exercise × question of the latest submission: effective score,
    automatic and manual score, answer, comment and ``needs_review`` (0/1). Removed
    learners' rows only with ``include_removed``."""
    frame = pd.read_sql_query(LATEST_SCORES, con)
    if include_removed or frame.empty:
        return frame
    gone = set(removed(con))
    return frame[~frame["learner_id"].isin(gone)].reset_index(drop=True) if gone else frame


def latest_answer(con: sqlite3.Connection, learner: str, exercise: str, question: str) -> str | None:
    """The stored answer text of the latest version for one question (``None``: no submission)."""
    row = con.execute(f"SELECT c.answer FROM ({VERSIONS}) v JOIN scores c ON c.submission_id = v.id "
                      "WHERE v.is_latest AND v.learner_id = ? AND v.exercise_id = ? AND c.question_id = ?",
                      (learner, exercise, question)).fetchone()
    return None if row is None else row[0]


def has_submission(con: sqlite3.Connection, learner: str, exercise: str) -> bool:
    """Whether the learner has submitted the exercise at least once."""
    return con.execute("SELECT 1 FROM submissions WHERE learner_id = ? AND exercise_id = ? LIMIT 1",
                       (learner, exercise)).fetchone() is not None


# --- manual scores -------------------------------------------------------------------


def set_manual_rows(con: sqlite3.Connection, rows: list[tuple[str, str, str, float | None, str | None, str | None]],
                    confirms: Iterable[tuple[str, str, str, str | None]] = ()) -> None:
    """Record trainer's scores/comments, all or nothing: (learner, exercise, question, score,
    comment, answer it was given for); ``None`` keeps the stored score/comment. ``confirms``
    (learner, exercise, question, answer) re-bind existing scores to the current answer."""
    confirms = list(confirms)

    def run() -> None:
        with transaction(con):
            con.executemany("UPDATE manual SET answer = ?4, updated_at = ?5 WHERE learner_id = ?1 "
                            "AND exercise_id = ?2 AND question_id = ?3", [(*c, now()) for c in confirms])
            con.executemany(
                "INSERT INTO manual VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?) "
                "ON CONFLICT(learner_id, exercise_id, question_id) DO UPDATE SET "
                "score = CASE WHEN excluded.score IS NULL THEN manual.score ELSE excluded.score END, "
                "comment = CASE WHEN ?5 IS NULL THEN manual.comment ELSE excluded.comment END, "
                "answer = CASE WHEN ?4 IS NULL THEN manual.answer ELSE excluded.answer END, "
                "updated_at = excluded.updated_at",
                [(lid, ex, q, score, comment, answer, now()) for lid, ex, q, score, comment, answer in rows])
    retry(run)


def confirm_manual(con: sqlite3.Connection, learner: str, exercise: str, question: str, answer: str | None) -> bool:
    """Bind an existing manual score to ``answer`` (the trainer confirmed it); False if none."""
    def run() -> bool:
        with transaction(con):
            cur = con.execute("UPDATE manual SET answer = ?, updated_at = ? WHERE learner_id = ? AND exercise_id = ? "
                              "AND question_id = ?", (answer, now(), learner, exercise, question))
            return cur.rowcount > 0
    return retry(run)


def remove_manual(con: sqlite3.Connection, learner: str, exercise: str, question: str) -> bool:
    """Delete a manual score and comment; False when there was none."""
    def run() -> bool:
        with transaction(con):
            return con.execute("DELETE FROM manual WHERE learner_id = ? AND exercise_id = ? AND question_id = ?",
                               (learner, exercise, question)).rowcount > 0
    return retry(run)


class ManualEntry(NamedTuple):
    """One answer's manual score and comment as stored, and when they were last written."""

    score: float | None
    comment: str
    updated_at: str


def manual_entry(con: sqlite3.Connection, learner: str, exercise: str, question: str) -> ManualEntry | None:
    """The stored manual score/comment of one answer (``None``: no manual row)."""
    row = con.execute("SELECT score, comment, updated_at FROM manual WHERE learner_id = ? AND exercise_id = ? "
                      "AND question_id = ?", (learner, exercise, question)).fetchone()
    return None if row is None else ManualEntry(None if row[0] is None else float(row[0]), row[1], row[2])


def manual_rows(con: sqlite3.Connection) -> pd.DataFrame:
    """Every manual row (learner_id, exercise_id, question_id, score, comment, answer, updated_at)."""
    return pd.read_sql_query("SELECT * FROM manual ORDER BY learner_id, exercise_id, question_id", con)


def overall_comments(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(learner, exercise) → the trainer's overall comment."""
    return {(r[0], r[1]): r[2] for r in con.execute(
        "SELECT learner_id, exercise_id, comment FROM manual WHERE question_id = '' AND comment != ''")}
