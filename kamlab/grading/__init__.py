"""The trainer's loop, one module per stage (the way otter-grader is laid out).

Every stage is a keyword-argument function callable from Python (the desk UI calls them;
:mod:`kamlab.cli` only parses arguments and calls them). Each raises
:class:`kamlab.errors.InputError` (one Chinese line) for a user mistake and writes
nothing in that case.

Stage API::

    read_roster(source, *, filename=None) -> dict[str, str]              # .roster
    exercise_titles() -> dict[str, str]                                   # .keys
    assign(exercise, *, roster, out, db, assignment_id="", shared=False) -> list[Path]
    submit_answers(exercise, *, answers, pack_dir, out, learner=None) -> Path   # learner side
    grade(files, *, db, roster=None, learner=None, show_progress=False) -> list[FileResult]
    regrade(*, db, learner=None) -> int
    set_manual(*, db, learner, exercise, question, score=None, comment=None, confirm=False) -> Target
    remove_manual(*, db, learner, exercise, question) -> Target
    import_manual(source, *, db, filename=None) -> int
    review_frame(*, db, exercise=None, include_done=False) -> pandas.DataFrame   # the list, for a UI
    write_review(*, db, out, exercise=None, include_done=False) -> int
    write_feedback(*, db, out, no_model_answers=False, tz="Asia/Shanghai") -> list[Path]
    write_report(*, db, out, tz="Asia/Shanghai") -> tuple[Path, Path]

``files`` for :func:`grade` are paths (files or folders) or ``(name, bytes)`` uploads;
``source`` for :func:`read_roster`/:func:`import_manual` is a path or bytes (CSV in UTF-8,
UTF-8 with BOM or GBK, or ``.xlsx``). Modules: ``validate`` (one submission's checks),
``roster``, ``gradebook`` (all SQL), ``rubric`` (scoring), ``grade``, ``manual``,
``review``, ``feedback``, ``report``, ``htmlpage`` (shared HTML), ``names`` (file names),
``grade_cli`` (the ``kamlab grade`` branching).
"""

from .assign import assign
from .feedback import write_feedback
from .grade import FileResult, grade, regrade
from .keys import exercise_titles
from .manual import Target, import_manual, remove_manual, set_manual
from .report import write_report
from .review import review_frame, write_review
from .roster import read_roster
from .submit import submit_answers

__all__ = ["FileResult", "Target", "assign", "exercise_titles", "grade", "import_manual", "read_roster", "regrade",
           "remove_manual", "review_frame", "set_manual", "submit_answers", "write_feedback", "write_report", "write_review"]
