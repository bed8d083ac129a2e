"""The desk's six steps as plain functions over a gradebook path.

Each one calls the trainer's loop (:mod:`kamlab.grading`) — the same functions the
``kamlab`` command calls — and adds no SQL and no second way of writing the
gradebook. Files the desk produces go into folders beside the gradebook
(``class/``, ``feedback/``, ``report/``), never anywhere else. Every function
opens the gradebook, does its work and closes it, so two browser tabs (two
kernels) on one gradebook are two short-lived writers that SQLite serialises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ..grading import gradebook
from ..grading.dburl import is_url
from ..grading.keys import exercise_ids, load_key
from .grading_queue import Answer


@dataclass(frozen=True)
class Exercise:
    """An assignable exercise as the desk lists it."""

    id: str
    title: str
    chapter: str

    @property
    def label(self) -> str:
        return f"{self.chapter} · {self.title}"


def exercises() -> list[Exercise]:
    """Every assignable exercise with its Chinese title and chapter."""
    out = []
    for xid in exercise_ids():
        sheet, _ = load_key(xid)
        out.append(Exercise(xid, sheet.title, getattr(sheet, "chapter", "") or "-".join(xid.split("-")[:2])))
    return out


def folder(db: str | Path, name: str) -> Path:
    """A folder beside the gradebook (``class``, ``feedback``, ``report``); for a gradebook on
    a database server, in the desk's working folder."""
    if is_url(db):
        return Path.cwd() / name
    return Path(db).resolve().parent / name


def _roster_and_latest(db: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """The roster and every learner's latest scores, read in one read-only connection."""
    con = gradebook.connect(db, readonly=True)
    try:
        return gradebook.roster(con), gradebook.latest_scores(con)
    finally:
        con.close()


def classes(db: str | Path, trainer: str | None = None) -> list[str]:
    """The gradebook's classes (班级), by name (only ``trainer``'s, and those without named
    trainers, when given); none when it has none or does not exist yet."""
    plain = str(db)
    if not is_url(plain) and not Path(plain).is_file():
        return []
    con = gradebook.connect(plain, readonly=True)
    try:
        every = gradebook.classes(con)
    finally:
        con.close()
    return [k for k, who in every.items() if not trainer or not who or trainer in who]


def class_list(db: str | Path) -> pd.DataFrame:
    """学号, 姓名, 状态 (在班 / 已移除), 已提交练习: the class, removed learners last."""
    from ..grading import roster_frame

    return roster_frame(db=db, include_removed=True)


def _known(db: str | Path, learner: str) -> str:
    """``learner`` stripped, or an InputError naming the class list on the page (not a command)."""
    learner = learner.strip()
    con = gradebook.connect(db, readonly=True)
    try:
        every = gradebook.roster(con, include_removed=True)
    finally:
        con.close()
    if learner not in every:
        raise InputError("学号", f"“{learner}”不在名单中（全部学员见下表，含已移除的）", learner)
    return learner


def remove_learner(db: str | Path, learner: str) -> str:
    """Take a learner off the class (history kept, hidden from lists and rates); their name."""
    from ..grading import remove_learner as remove

    return remove(db=db, learner=_known(db, learner))


def restore_learner(db: str | Path, learner: str) -> str:
    """Bring a removed learner back with their history; their name."""
    from ..grading import restore_learner as restore

    return restore(db=db, learner=_known(db, learner))


def import_roster(db: str | Path, filename: str, data: bytes) -> dict[str, str]:
    """Read a roster file's bytes (CSV UTF-8/BOM/GBK or .xlsx) and add its learners
    (creating the gradebook when it does not exist yet); rows that are not learners (a
    footer such as 合计) are in the result's ``skipped``. Raises InputError."""
    from ..grading import read_roster

    roster = read_roster(data, filename=filename)
    con = gradebook.connect(db, create=True)
    try:
        gradebook.set_roster(con, roster)
    finally:
        con.close()
    return roster


def assign(db: str | Path, exercise_ids: Sequence[str], shared: bool = False, due: str = "",
           late_penalty: str = "") -> Path:
    """Write the learner packs of ``exercise_ids`` into ``class/`` beside the gradebook, with a
    due date (``2026-12-10 18:00``; blank: none) and a late penalty (percent per started day;
    blank: none)."""
    from ..grading import assign as assign_exercise

    con = gradebook.connect(db, readonly=True)
    try:
        roster = gradebook.roster(con)
    finally:
        con.close()
    if not roster:
        raise InputError("名单", "成绩册中还没有学员：请先在“班级”中导入名单")
    out = folder(db, "class")
    for xid in exercise_ids:
        assign_exercise(xid, roster=roster, out=out, db=db, shared=shared, due=due.strip() or None,
                        late_penalty=late_penalty.strip() or None)
    return out


def learner_packs(db: str | Path) -> list[tuple[str, bytes]]:
    """One zip per learner of the class (``学号-姓名.zip`` with its 学员须知), from ``class/``."""
    from ..grading.packs import learner_pack

    con = gradebook.connect(db, readonly=True)
    try:
        names = gradebook.roster(con)
    finally:
        con.close()
    class_dir = folder(db, "class")
    return [learner_pack(db=db, class_dir=class_dir, learner=lid) for lid in names
            if (class_dir / lid / "assignment.json").is_file()]


def late(db: str | Path) -> pd.DataFrame:
    """Latest submissions of exercises with a due date: 学号, 练习, 提交时间, 截止, 迟交, 扣分."""
    from ..grading import late_frame

    return late_frame(db=db)


def grade_uploads(db: str | Path, files: Sequence[tuple[str, bytes]],
                  on_progress: Callable[[int, int], None] | None = None, chunk: int = 25) -> list[Any]:
    """Grade uploaded submissions (name, bytes); one result per file (accepted or reason)."""
    from ..grading import grade

    results: list[Any] = []
    for start in range(0, len(files), chunk):
        results += grade(list(files[start:start + chunk]), db=db)
        if on_progress:
            on_progress(min(start + chunk, len(files)), len(files))
    return results


def class_exercises(db: str | Path) -> list[str]:
    """Exercise ids assigned to the class or with a submission, in the order they came."""
    con = gradebook.connect(db, readonly=True)
    try:
        return gradebook.class_exercises(con)
    finally:
        con.close()


def question_answers(db: str | Path, exercise: str, question: str) -> list[Answer]:
    """Every learner's latest answer to one question, with automatic and manual scores and how
    late it was handed in (removed learners left out)."""
    names, frame = _roster_and_latest(db)
    rows = frame[(frame["exercise_id"] == exercise) & (frame["question_id"] == question)
                 & frame["learner_id"].isin(list(names))]
    review = rows["needs_review"] if "needs_review" in rows else pd.Series(0, index=rows.index)
    lateness = late(db)
    lateness = dict(zip(lateness.loc[lateness["练习"] == exercise, "学号"],
                        lateness.loc[lateness["练习"] == exercise, "迟交"], strict=True))
    return [Answer(r.learner_id, names.get(r.learner_id, ""), r.answer, float(r.auto_score), float(r.max_score),
                   r.detail, None if pd.isna(r.manual_score) else float(r.manual_score), r.comment, bool(flag),
                   lateness.get(r.learner_id, ""))
            for r, flag in zip(rows.itertuples(), review, strict=True)]


def save_score(db: str | Path, learner: str, exercise: str, question: str, score: float,
               seen: Answer | None = None) -> None:
    """Record a manual score (checked: known learner/exercise/question, 0…max). With ``seen``
    (the answer as the grader's screen shows it), a score changed by another grader since is
    not overwritten: :class:`kamlab.grading.manual.ManualConflict` is raised instead."""
    from ..grading.manual import UNCHECKED, set_manual

    set_manual(db=db, learner=learner, exercise=exercise, question=question, score=score,
               expected=UNCHECKED if seen is None else _entry(seen))


def save_comment(db: str | Path, learner: str, exercise: str, question: str, comment: str,
                 seen: Answer | None = None) -> None:
    """Record (or clear, with ``""``) the trainer's comment on one answer (``seen``: as for
    :func:`save_score`)."""
    from ..grading.manual import UNCHECKED, set_manual

    set_manual(db=db, learner=learner, exercise=exercise, question=question, comment=comment,
               expected=UNCHECKED if seen is None else _entry(seen))


def _entry(answer: Answer) -> gradebook.ManualEntry:
    return gradebook.ManualEntry(answer.manual_score, answer.comment, "")


def manual_entry(db: str | Path, learner: str, exercise: str, question: str) -> gradebook.ManualEntry | None:
    """One answer's stored manual score and comment (``None``: none), read now."""
    con = gradebook.connect(db, readonly=True)
    try:
        return gradebook.manual_entry(con, learner, exercise, question)
    finally:
        con.close()


def remove_score(db: str | Path, learner: str, exercise: str, question: str) -> None:
    """Undo: remove the manual score and comment of one answer."""
    from ..grading import remove_manual

    remove_manual(db=db, learner=learner, exercise=exercise, question=question)


def feedback(db: str | Path, hold_back: bool | Sequence[str] = False) -> list[Path]:
    """Every learner's feedback page into ``feedback/`` beside the gradebook; ``hold_back``:
    ``True`` shows no model answers, or the exercise ids whose model answers wait."""
    from ..grading import write_feedback

    return write_feedback(db=db, out=folder(db, "feedback"), no_model_answers=hold_back)


def page_labels(db: str | Path, pages: Sequence[Path]) -> list[str]:
    """``姓名（学号）`` for each learner's feedback page (found by its file name), else the name."""
    from ..grading.names import file_stem

    con = gradebook.connect(db, readonly=True)
    try:
        names = gradebook.roster(con)
    finally:
        con.close()
    by_stem = {}
    for lid, name in names.items():
        label = f"{name}（{lid}）" if name else lid
        by_stem[lid] = by_stem[file_stem(lid)] = label
    return [by_stem.get(p.stem, p.name) for p in pages]


def report(db: str | Path) -> tuple[Path, Path]:
    """The class report (HTML with charts, Excel) into ``report/`` beside the gradebook."""
    from ..grading import write_report

    return write_report(db=db, out=folder(db, "report"), next_step=DESK_NEXT_STEP)


#: What the report tells a desk user to do about provisional scores (desk actions, not commands).
DESK_NEXT_STEP = "在工作台的“4. 批改”中逐题评阅（需人工评阅的题标有 ✎，待复核的排在最前），报告随后重新生成即可"
