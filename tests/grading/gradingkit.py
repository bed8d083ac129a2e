"""Shared test helpers for the grading tests: a gradebook with a roster of three and known
tokens, and signed submissions for wang-01-quantify (12 points: attractiveness 2, ours 1,
rival 1, relative 2, quadrant 2, vulnerability 1, second-view quadrant 1, strategy text 2)."""

from __future__ import annotations

import json
from pathlib import Path

from gbsql import sql

from kamlab.grading import gradebook, submit

EX = "wang-01-quantify"
CANVAS = "ding-04-canvas"
ROSTER = {"L001": "张三", "L002": "李四", "L003": "王五"}
TOKENS = {lid: f"secret-of-{lid}" for lid in ROSTER}
RIGHT = {"attractiveness": "7.4", "ours": "6.8", "rival": "7.2", "relative": "0.94", "quadrant": "明星客户",
         "vulnerability": "5.3", "quadrant2": "重点防守",
         "strategy": "选择性投入，先补齐交付可靠性和服务支持的短板"}


def make_db(folder: Path, roster: dict[str, str] | None = None, db: str | None = None) -> Path | str:
    """A gradebook at ``folder/gb.sqlite`` (or ``db``: a file or a URL, e.g. the ``new_db``
    fixture's) with ``roster`` and tokens ``secret-of-<id>``."""
    roster = roster or ROSTER
    path = db or folder / "gb.sqlite"
    con = gradebook.connect(path, create=True)
    gradebook.set_roster(con, roster)
    order = iter(roster)
    gradebook.ensure_tokens(con, list(roster), lambda: f"secret-of-{next(order)}")
    con.close()
    return path


def signed(learner: str = "L001", answers: dict | None = None, at: str = "2026-11-26T10:00:00+00:00",
           exercise: str = EX, token: str | None = None) -> dict:
    """A submission signed with the learner's token (or ``token``)."""
    return submit.pack(exercise, learner, dict(RIGHT) if answers is None else answers, "a1", at,
                       token=token or TOKENS.get(learner, "none"))


def put(folder: Path, data: dict | str | bytes, name: str = "s.json") -> Path:
    """Write a submission file (dict as JSON, str/bytes as they are)."""
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def count(db: Path) -> tuple[int, int]:
    """(submissions, score rows) in the gradebook."""
    return sql(db, "SELECT (SELECT COUNT(*) FROM submissions), (SELECT COUNT(*) FROM scores)")[0]
