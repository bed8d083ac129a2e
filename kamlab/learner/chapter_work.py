"""A learner's work per chapter: every calculator's inputs and the quiz, one file per chapter.

Location: the answer folder (``$KAMLAB_ANSWERS_DIR``, else ``./kamlab-answers/``
beside the notebook), through the same atomic :class:`~kamlab.learner.answers.AnswerStore`
exercises and worksheets use::

    kamlab-answers/wang-01.json   {"calculators": {"selection": {...}, "strength": {...}},
                                   "quiz": {"answered": 5, "correct": 4, "total": 5}}
    kamlab-answers/profile.json   the company profile (:mod:`kamlab.profile`)
    kamlab-answers/plan.json      the accounts the learner marked as key
    kamlab-answers/<worksheet id>.json   worksheets, as before

:func:`read_saved_work` gathers all of it into the :class:`~kamlab.plan.SavedWork`
the plan is built from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from ..profile import EXAMPLE, CompanyProfile, profile_from_dict, recover_profile
from .answers import AnswerStore

PROFILE_KEY = "profile"
PLAN_KEY = "plan"


class ChapterStore:
    """The answer file of one chapter.

    Attributes:
        chapter: the chapter slug (``wang-01``).
        notice: a Chinese message when a bad file was set aside (else "").
    """

    def __init__(self, chapter: str, folder: str | Path | None = None) -> None:
        self.chapter = chapter
        self.store = AnswerStore(chapter, Path(folder) if folder else None)
        data = self.store.load()
        self.notice = self.store.notice
        calculators = data.get("calculators")
        self.calculators: dict[str, Any] = dict(calculators) if isinstance(calculators, dict) else {}
        quiz = data.get("quiz")
        self.quiz: dict[str, Any] = dict(quiz) if isinstance(quiz, dict) else {}

    @property
    def path(self) -> Path:
        """The chapter's answer file."""
        return self.store.path

    def get(self, name: str) -> Any:
        """A calculator's saved inputs, or None."""
        return self.calculators.get(name)

    def put(self, name: str, state: Any) -> Path | None:
        """Save one calculator's inputs; the rest of the file is kept (merged under a lock).

        Returns the path, or ``None`` with :attr:`notice` set when nothing could be written.
        """
        self.calculators[name] = state
        path = self.store.update({"calculators": {name: state}})
        self.notice = self.store.notice
        return path

    def forget(self, name: str) -> Path | None:
        """Mark one calculator as not saved (the plan lists it as missing again)."""
        return self.put(name, None)

    def put_quiz(self, answered: int, correct: int, total: int) -> Path | None:
        """Save how far the chapter's quiz got."""
        self.quiz = {"answered": int(answered), "correct": int(correct), "total": int(total)}
        path = self.store.update({"quiz": self.quiz})
        self.notice = self.store.notice
        return path


def load_profile(folder: str | Path | None = None) -> tuple[CompanyProfile, str]:
    """The saved company profile (or the book's example) and a notice if the file was unusable."""
    store = AnswerStore(PROFILE_KEY, Path(folder) if folder else None)
    data = store.load()
    if store.notice:
        return EXAMPLE, store.notice
    if not data:
        return EXAMPLE, ""
    try:
        return profile_from_dict(data), ""
    except InputError as error:
        # Never leave the file where the next save would overwrite it with fewer accounts.
        recovered = recover_profile(data)
        store.set_aside(f"有问题（{str(error)}）")
        if recovered is None:
            return EXAMPLE, store.notice
        profile, kept = recovered
        return profile, f"{store.notice.split('；')[0]}；{kept}，请核对后继续。"


def save_profile(profile: CompanyProfile, folder: str | Path | None = None) -> Path | None:
    """Save the company profile."""
    return AnswerStore(PROFILE_KEY, Path(folder) if folder else None).save(profile.to_dict())


def load_plan_choices(folder: str | Path | None = None) -> tuple[tuple[str, ...], str]:
    """The accounts the learner marked as key, and the account the single-account tools were worked for."""
    data = AnswerStore(PLAN_KEY, Path(folder) if folder else None).load()
    names = data.get("key_accounts", [])
    keys = tuple(str(n) for n in names) if isinstance(names, list) else ()
    assessed = data.get("assessed_account", "")
    return keys, assessed if isinstance(assessed, str) else ""


def save_key_accounts(names: list[str], folder: str | Path | None = None) -> Path | None:
    """Save the accounts marked as key."""
    return AnswerStore(PLAN_KEY, Path(folder) if folder else None).update({"key_accounts": list(names)})


def save_assessed_account(name: str, folder: str | Path | None = None) -> Path | None:
    """Save which account the relationship stage, Kraljic, CLV and retention tools were worked for."""
    return AnswerStore(PLAN_KEY, Path(folder) if folder else None).update({"assessed_account": str(name)})


def read_saved_work(folder: str | Path | None = None):
    """Everything the learner saved, for :func:`kamlab.plan.build_plan`.

    Returns a :class:`~kamlab.plan.SavedWork` and a list of Chinese notices
    (files that were unusable and set aside).
    """
    from ..plan import CHAPTERS, WORKSHEETS, SavedWork

    base = Path(folder) if folder else None
    notices: list[str] = []
    calculators: dict[str, dict[str, Any]] = {}
    quizzes: dict[str, dict[str, Any]] = {}
    worksheets: dict[str, dict[str, Any]] = {}
    for slug in CHAPTERS:
        if not AnswerStore(slug, base).path.exists():
            continue
        store = ChapterStore(slug, base)
        if store.notice:
            notices.append(store.notice)
        if store.calculators:
            calculators[slug] = store.calculators
        if store.quiz:
            quizzes[slug] = store.quiz
    for sheet_ids in WORKSHEETS.values():
        for sheet_id in sheet_ids:
            store = AnswerStore(sheet_id, base)
            if not store.path.exists():
                continue
            answers = store.load()
            if store.notice:
                notices.append(store.notice)
            if answers:
                worksheets[sheet_id] = answers
    profile, notice = load_profile(base)
    if notice:
        notices.append(notice)
    keys, assessed = load_plan_choices(base)
    return SavedWork(calculators, worksheets, quizzes, profile, keys, assessed_account=assessed), notices
