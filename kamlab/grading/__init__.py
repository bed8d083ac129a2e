"""The trainer's loop, one module per stage (the way otter-grader is laid out).

Every stage is a keyword-argument function callable from Python (the desk UI calls them;
:mod:`kamlab.cli` only parses arguments and calls them). Each raises
:class:`kamlab.errors.InputError` (one Chinese line) for a user mistake and writes
nothing in that case.

Stage API::

    read_roster(source, *, filename=None) -> Roster (dict[str, str], .skipped)   # .roster
    roster_frame(*, db, include_removed=False) -> pandas.DataFrame
    remove_learner(*, db, learner) -> str;  restore_learner(*, db, learner) -> str
    exercise_titles() -> dict[str, str]                                   # .keys
    assign(exercise, *, roster, out, db, assignment_id="", shared=False, due=None, late_penalty=None,
           tz="Asia/Shanghai") -> list[Path]
    set_due(*, db, exercise, due, late_penalty=None, tz=…) -> str | None  # .due
    late_frame(*, db, tz=…) -> pandas.DataFrame
    learner_pack(*, db, class_dir, learner, tz=…) -> (file name, bytes)   # .packs
    learner_packs(*, db, class_dir, out, tz=…) -> list[Path]
    submit_answers(exercise, *, answers, pack_dir, out, learner=None) -> Path   # learner side
    zip_members(name, data) -> ([(name, bytes)], [(name, reason)])        # .archive
    grade(files, *, db, roster=None, learner=None, show_progress=False) -> list[FileResult]
    regrade(*, db, learner=None) -> int
    set_manual(*, db, learner, exercise, question, score=None, comment=None, confirm=False) -> Target
    remove_manual(*, db, learner, exercise, question) -> Target
    import_manual(source, *, db, filename=None) -> int
    review_frame(*, db, exercise=None, include_done=False) -> pandas.DataFrame   # the list, for a UI
    write_review(*, db, out, exercise=None, include_done=False) -> int
    write_feedback(*, db, out, no_model_answers=False, tz="Asia/Shanghai") -> list[Path]
    write_report(*, db, out, tz="Asia/Shanghai") -> tuple[Path, Path]

``needs_person(question)`` (:mod:`.rubric`) is the one definition of a question a person
must judge. ``files`` for :func:`grade` are paths (files, folders or ``.zip``) or ``(name,
bytes)`` uploads (a ``.zip`` is read member by member);
``source`` for :func:`read_roster`/:func:`import_manual` is a path or bytes (CSV in UTF-8,
UTF-8 with BOM or GBK, or ``.xlsx``). Modules: ``validate`` (one submission's checks),
``roster``, ``gradebook`` (all SQL), ``rubric`` (scoring), ``grade``, ``manual``,
``review``, ``feedback``, ``report``, ``htmlpage`` (shared HTML), ``names`` (file names),
``grade_cli`` (the ``kamlab grade`` branching), ``due`` (due dates, lateness, penalty),
``packs`` (per-learner zips), ``archive`` (zip members).
"""

from .archive import zip_members
from .assign import assign
from .due import late_frame, set_due
from .feedback import write_feedback
from .grade import FileResult, grade, regrade
from .keys import exercise_titles
from .manual import Target, import_manual, remove_manual, set_manual
from .packs import learner_pack, learner_packs
from .report import write_report
from .review import review_frame, write_review
from .roster import read_roster, remove_learner, restore_learner, roster_frame
from .rubric import needs_person
from .submit import submit_answers

__all__ = ["FileResult", "Target", "assign", "exercise_titles", "grade", "import_manual", "late_frame", "learner_pack",
           "learner_packs", "needs_person", "read_roster", "regrade", "remove_learner", "remove_manual", "restore_learner",
           "review_frame", "roster_frame", "set_due", "set_manual", "submit_answers", "write_feedback", "write_report",
           "write_review", "zip_members"]
