"""What a learner has handed in, read from the gradebook through its own functions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..grading import gradebook
from ..grading.htmlpage import DEFAULT_TZ, local_time


def submitted(con: sqlite3.Connection, learner: str, tz: str = DEFAULT_TZ) -> dict[str, tuple[int, str]]:
    """Exercise → (latest version number, local time it was handed in) for one learner."""
    scores = gradebook.latest_scores(con)
    mine = scores[scores["learner_id"] == learner].drop_duplicates("exercise_id")
    return {r.exercise_id: (int(r.version), local_time(r.submitted_at, tz)) for r in mine.itertuples()}


def assigned_and_submitted(db: Path, learner: str) -> tuple[list[str], dict[str, tuple[int, str]]]:
    """(exercises of the class, this learner's hand-ins), read-only."""
    con = gradebook.connect(db, readonly=True)
    try:
        return gradebook.class_exercises(con), submitted(con, learner)
    finally:
        con.close()
