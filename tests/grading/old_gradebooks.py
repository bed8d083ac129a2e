"""Gradebooks as older kamlab versions wrote them, from their own SQL (copied from
kamlab/grading/gradebook.py as it was: schema 2 until 2026-12-03, then 3 and 4 by its
MIGRATIONS steps), filled with a small class: L001 and L002, EX assigned, L001 submitted it
(attractiveness 2/2, strategy 1/2) with a manual 2 on strategy, and CANVAS submitted by L002
without being assigned."""

from __future__ import annotations

import sqlite3
from pathlib import Path

APPLICATION_ID = 0x4B414D4C
EX, CANVAS = "wang-01-quantify", "ding-04-canvas"

V2 = """
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

STEPS = {
    3: ["CREATE TABLE exercises (seq INTEGER PRIMARY KEY AUTOINCREMENT, exercise_id TEXT NOT NULL UNIQUE)",
        "INSERT INTO exercises (exercise_id) SELECT exercise_id FROM ("
        "SELECT exercise_id, assigned_at AS t FROM assigned UNION ALL "
        "SELECT exercise_id, MIN(received_at) FROM submissions GROUP BY exercise_id) "
        "GROUP BY exercise_id ORDER BY MIN(t), exercise_id"],
    4: ["ALTER TABLE learners ADD COLUMN removed_at TEXT",
        "CREATE TABLE assigned_to (learner_id TEXT NOT NULL REFERENCES learners(learner_id), "
        "exercise_id TEXT NOT NULL, PRIMARY KEY (learner_id, exercise_id))",
        "INSERT INTO assigned_to SELECT l.learner_id, a.exercise_id FROM learners l, assigned a",
        "ALTER TABLE assigned ADD COLUMN due_at TEXT",
        "ALTER TABLE assigned ADD COLUMN late_penalty REAL"],
}

DATA = [
    "INSERT INTO learners (learner_id, name, token) VALUES ('L001', '张三', 't1'), ('L002', '李四', 't2')",
    f"INSERT INTO assigned VALUES ('{EX}', 'a1', '2026-11-20T10:00:00+00:00')",
    f"INSERT INTO submissions (learner_id, exercise_id, assignment_id, submitted_at, received_at, signature, raw) "
    f"VALUES ('L001', '{EX}', 'a1', '2026-11-21T10:00:00+00:00', '2026-11-21T11:00:00+00:00', 's1', '{{}}'), "
    f"('L002', '{CANVAS}', '', '2026-11-22T10:00:00+00:00', '2026-11-22T11:00:00+00:00', 's2', '{{}}')",
    "INSERT INTO scores VALUES (1, 'attractiveness', 0, 2, 2, '7.4', '7.4', ''), "
    "(1, 'strategy', 1, 1, 2, '投入', '要点', ''), (2, 'canvas', 0, 3, 6, '画布', '', '')",
    f"INSERT INTO manual VALUES ('L001', '{EX}', 'strategy', 2, '好', '投入', '2026-11-23T10:00:00+00:00')",
]


def write(path: Path, version: int) -> Path:
    """A SQLite gradebook of schema ``version`` (2, 3 or 4) with the small class."""
    con = sqlite3.connect(path)
    con.executescript(V2 + f"PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 2;")
    for statement in DATA:
        con.execute(statement)
    for step in range(3, version + 1):
        for statement in STEPS[step]:
            con.execute(statement)
        con.execute(f"PRAGMA user_version = {step}")
    con.commit()
    con.close()
    return path
