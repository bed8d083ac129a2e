"""Tests read and poke a gradebook (a SQLite file or a PostgreSQL URL) with raw SQL through
this one helper, so the same test runs on both back ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from kamlab.grading import gradebook


def sql(db: str | Path, statement: str, params: dict[str, Any] | list[dict[str, Any]] | None = None) -> list[tuple]:
    """Run one statement (named ``:params``; a list runs it for each) in its own transaction;
    its rows as tuples."""
    book = gradebook.connect(db)
    try:
        with gradebook.transaction(book) as c:
            result = c.execute(text(statement), params if params is not None else {})
            return [tuple(r) for r in result.all()] if result.returns_rows else []
    finally:
        book.close()


def set_tokens(db: str | Path, tokens: dict[str, str]) -> None:
    """Replace learners' signing tokens (tests sign with known ones)."""
    sql(db, "UPDATE learners SET token = :tok WHERE learner_id = :lid", [{"tok": t, "lid": k} for k, t in tokens.items()])
