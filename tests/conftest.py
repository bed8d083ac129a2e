"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def learner_answers(tmp_path, monkeypatch):
    """A learner's answers folder in ``tmp_path``, outside any notebook session, chapter stores reset."""
    from kamlab import widgets
    from kamlab.widgets import chapter_work

    monkeypatch.setenv("KAMLAB_ANSWERS_DIR", str(tmp_path))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("KAMLAB_CHAPTER", raising=False)
    chapter_work.forget_stores()
    yield tmp_path
    widgets.chapter(None)
    chapter_work.forget_stores()


# --- gradebook back ends: SQLite files and a throw-away PostgreSQL ------------------------

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres():
    """One throw-away PostgreSQL server per test session (per xdist worker). If it cannot
    start, every test that needs it errors: the run fails, it does not skip."""
    from pgserver import Server

    server = Server()
    try:
        yield server.start()
    finally:
        server.remove()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    """The gradebook back end a test runs on (each such test runs on both)."""
    return request.param


@pytest.fixture
def new_db(backend, request, tmp_path):
    """Where a new gradebook goes: ``tmp_path/gb.sqlite``, or the URL of a fresh empty
    PostgreSQL database."""
    if backend == "sqlite":
        return str(tmp_path / "gb.sqlite")
    return request.getfixturevalue("postgres").fresh()
