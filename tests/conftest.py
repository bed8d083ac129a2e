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
