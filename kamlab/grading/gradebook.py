"""The gradebook: one SQLite file (stdlib ``sqlite3``).

Tables:

- ``learners(learner_id, name)``: the roster;
- ``submissions(id, learner_id, exercise_id, assignment_id, version, submitted_at,
  received_at, checksum, raw)``: every accepted submission, raw JSON kept; a new
  file from the same learner for the same exercise is a new ``version`` (the
  latest is the one reported); the same file graded again is the same row;
- ``scores(submission_id, question_id, score, max_score, answer, expected, detail)``:
  automatic scores, replaced on every re-grade;
- ``manual(learner_id, exercise_id, question_id, score, comment, updated_at)``:
  the trainer's scores and comments (``question_id`` ``""`` is an overall
  comment). Re-grading never touches this table; a manual score overrides the
  automatic one wherever scores are shown.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS learners (learner_id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id TEXT NOT NULL, exercise_id TEXT NOT NULL, assignment_id TEXT NOT NULL,
    version INTEGER NOT NULL, submitted_at TEXT NOT NULL, received_at TEXT NOT NULL,
    checksum TEXT NOT NULL, raw TEXT NOT NULL,
    UNIQUE (learner_id, exercise_id, version), UNIQUE (learner_id, exercise_id, checksum));
CREATE TABLE IF NOT EXISTS scores (
    submission_id INTEGER NOT NULL REFERENCES submissions(id), question_id TEXT NOT NULL,
    score REAL NOT NULL, max_score REAL NOT NULL, answer TEXT NOT NULL, expected TEXT NOT NULL,
    detail TEXT NOT NULL, PRIMARY KEY (submission_id, question_id));
CREATE TABLE IF NOT EXISTS manual (
    learner_id TEXT NOT NULL, exercise_id TEXT NOT NULL, question_id TEXT NOT NULL DEFAULT '',
    score REAL, comment TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL,
    PRIMARY KEY (learner_id, exercise_id, question_id));
"""

#: The latest version of each learner's submission per exercise, with effective scores.
LATEST_SCORES = """
WITH latest AS (
    SELECT s.* FROM submissions s
    WHERE s.version = (SELECT MAX(version) FROM submissions t
                       WHERE t.learner_id = s.learner_id AND t.exercise_id = s.exercise_id))
SELECT l.learner_id, l.exercise_id, l.version, l.submitted_at, c.question_id,
       COALESCE(m.score, c.score) AS score, c.score AS auto_score, m.score AS manual_score,
       c.max_score, c.answer, c.expected, c.detail, COALESCE(m.comment, '') AS comment
FROM latest l JOIN scores c ON c.submission_id = l.id
LEFT JOIN manual m ON m.learner_id = l.learner_id AND m.exercise_id = l.exercise_id
                  AND m.question_id = c.question_id
ORDER BY l.learner_id, l.exercise_id, c.rowid
"""


def now() -> str:
    """UTC time stamp, seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the gradebook at ``path``."""
    con = sqlite3.connect(str(path))
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.executescript(SCHEMA)
    return con


def set_roster(con: sqlite3.Connection, roster: dict[str, str]) -> None:
    """Add or rename learners (never deletes one: their submissions stay)."""
    with con:
        con.executemany("INSERT INTO learners VALUES (?, ?) ON CONFLICT(learner_id) DO UPDATE SET name = excluded.name",
                        list(roster.items()))


def roster(con: sqlite3.Connection) -> dict[str, str]:
    """Learner id → name."""
    return dict(con.execute("SELECT learner_id, name FROM learners ORDER BY learner_id"))


def set_manual(con: sqlite3.Connection, learner: str, exercise: str, question: str,
               score: float | None, comment: str) -> None:
    """Record a trainer's score and/or comment (kept across every re-grade)."""
    with con:
        con.execute(
            "INSERT INTO manual VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(learner_id, exercise_id, question_id) "
            "DO UPDATE SET score = COALESCE(excluded.score, manual.score), "
            "comment = CASE WHEN excluded.comment = '' THEN manual.comment ELSE excluded.comment END, "
            "updated_at = excluded.updated_at",
            (learner, exercise, question, score, comment, now()))


def latest_scores(con: sqlite3.Connection) -> pd.DataFrame:
    """Per learner × exercise × question of the latest submission: effective score etc."""
    return pd.read_sql_query(LATEST_SCORES, con)


def overall_comments(con: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(learner, exercise) → the trainer's overall comment."""
    return {(r[0], r[1]): r[2] for r in con.execute(
        "SELECT learner_id, exercise_id, comment FROM manual WHERE question_id = ''")}
