"""The trainer's own scores and comments: checked before anything is written.

- A learner, exercise and question must exist (the message lists the valid ids, the
  closest first); a score must lie in 0 … the question's points.
- A manual score is bound to the answer it was given for: after a resubmission that
  changed the answer it still counts but is marked 待复核 until the trainer confirms it
  (``confirm=True``) or gives a new one.
- :func:`import_manual` reads a whole table (CSV in UTF-8/BOM/GBK, or ``.xlsx``, e.g. the
  filled review list) with Chinese or English headers, validates every row, and writes
  all rows or none; a bad row is reported by line and column.
"""

from __future__ import annotations

import difflib
import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .. import _checks
from ..errors import InputError
from ..spreadsheet import cell_error, read_table
from . import gradebook
from .keys import exercise_ids, load_key

OVERALL = ("", "-", "总评")
COLUMNS = {"learner_id": ["学号", "learner id"], "exercise_id": ["练习", "练习编号", "exercise", "exercise id"],
           "question_id": ["题号", "question", "question id"], "score": ["得分", "分数", "人工得分"],
           "comment": ["评语", "人工评语"], "confirm": ["确认", "确认原分"], "check": ["答案校验"]}


def _choices(value: str, valid: list[str]) -> str:
    ranked = difflib.get_close_matches(value, valid, n=len(valid), cutoff=0)
    shown = ranked[:12]
    more = "…" if len(valid) > len(shown) else ""
    return "、".join(shown) + more


@dataclass(frozen=True)
class Target:
    """One checked place for a manual score: learner, exercise, question and its points."""

    learner: str
    exercise: str
    question: str  # "" for an overall comment
    max_score: float | None


def check_target(con: sqlite3.Connection, learner: str, exercise: str, question: str) -> Target:
    """Raise :class:`InputError` unless learner, exercise and question exist; return the target."""
    names = gradebook.roster(con)
    if learner not in names:
        if learner in gradebook.removed(con):
            raise InputError("学号", f"“{learner}”已从班级移除：先用 kamlab roster restore {learner} 恢复，才能为其评分",
                             learner)
        raise InputError("学号", f"“{learner}”不在名单中；名单中的学号（最接近的在前）：{_choices(learner, list(names))}", learner)
    ids = exercise_ids()
    if exercise not in ids:
        raise InputError("练习", f"没有编号为“{exercise}”的练习；可用的练习（最接近的在前）：{_choices(exercise, ids)}", exercise)
    if question in OVERALL:
        return Target(learner, exercise, "", None)
    sheet, questions = load_key(exercise)
    if question not in questions:
        by_label = {q.label: q.id for q in sheet.questions}
        if question in by_label:
            question = by_label[question]
        else:
            valid = [q.id for q in sheet.questions]
            raise InputError("题号", f"练习“{exercise}”没有题号“{question}”；题号（最接近的在前）：{_choices(question, valid)}"
                             "；总评写 -", question)
    if not gradebook.has_submission(con, learner, exercise):
        raise InputError("学号", f"学员“{learner}”还没有提交练习“{exercise}”，无法为某一题评分（总评写 - 可以）", learner)
    return Target(learner, exercise, question, float(questions[question].get("points", 1)))


def parse_score(value: object, target: Target) -> float | None:
    """A score typed by the trainer, in 0 … the question's points (``None`` for blank)."""
    if value is None or str(value).strip() == "":
        return None
    if target.max_score is None:
        raise InputError("得分", "总评只能写评语，不能打分（分数请写在具体题号上）", value)
    number = _checks.to_number(value, "得分")
    if not 0 <= number <= target.max_score:
        raise InputError("得分", f"{number:g} 超出范围：{target.exercise} 的“{target.question}”满分 {target.max_score:g}，"
                         f"得分应在 0 到 {target.max_score:g} 之间", value)
    return number


class ManualConflict(InputError):
    """Another grader changed the answer's manual score or comment since the caller read it;
    nothing was written. ``stored`` is what the gradebook holds now."""

    def __init__(self, stored: gradebook.ManualEntry | None, what: str) -> None:
        self.stored = stored
        now = "已撤销人工评分" if stored is None else (
            f"现为 {'—' if stored.score is None else f'{stored.score:g} 分'}"
            f"，评语“{stored.comment}”，{stored.updated_at.replace('T', ' ')[:19]} 保存")
        super().__init__("人工评分", f"这份回答的{what}在你打开之后已被另一位评分人改过（{now}）：你的修改未保存")


#: ``expected`` left out: write without checking what is stored.
UNCHECKED = object()


def _check_unchanged(con, target: Target, expected, value: float | None, comment: str | None) -> None:
    """Raise ManualConflict when a field about to be written was changed by someone else since
    the caller read ``expected`` (a ManualEntry or None). A field already holding the new value
    is no conflict."""
    stored = gradebook.manual_entry(con, target.learner, target.exercise, target.question)
    seen = expected or gradebook.ManualEntry(None, "", "")
    now = stored or gradebook.ManualEntry(None, "", "")
    if value is not None and now.score not in (seen.score, value):
        raise ManualConflict(stored, "分数")
    if comment is not None and now.comment not in (seen.comment, comment):
        raise ManualConflict(stored, "评语")


def set_manual(*, db: str | Path, learner: str, exercise: str, question: str, score: float | str | None = None,
               comment: str | None = None, confirm: bool = False, expected=UNCHECKED) -> Target:
    """Record (or confirm) one manual score and/or comment after checking it.

    ``expected``: the answer's manual entry as the caller last read it (a
    :class:`~kamlab.grading.gradebook.ManualEntry`, or ``None`` for none); when the field being
    written has changed since (another grader), nothing is written and :class:`ManualConflict`
    is raised. Checked and written in one transaction."""
    con = gradebook.connect(db)
    try:
        if expected is not UNCHECKED:
            with gradebook.transaction(con):
                target = check_target(con, learner, exercise, question)
                _check_unchanged(con, target, expected, parse_score(score, target), comment)
                return _set_manual(con, learner, exercise, question, score, comment, confirm)
        return _set_manual(con, learner, exercise, question, score, comment, confirm)
    finally:
        con.close()


def _set_manual(con, learner: str, exercise: str, question: str, score: float | str | None,
                comment: str | None, confirm: bool) -> Target:
    """Check and write one manual score/comment on an open connection."""
    target = check_target(con, learner, exercise, question)
    value = parse_score(score, target)
    answer = gradebook.latest_answer(con, learner, target.exercise, target.question) if target.question else None
    if confirm:
        if not gradebook.confirm_manual(con, learner, target.exercise, target.question, answer):
            raise InputError("人工评分", f"{learner} / {exercise} / {question} 还没有人工评分，无需确认")
        if value is None and comment is None:
            return target
    if value is None and comment is None:
        raise InputError("人工评分", "请给出 --score 分数、--comment 评语，或 --confirm 确认原分（撤销用 --remove）")
    gradebook.set_manual_rows(con, [(learner, target.exercise, target.question, value, comment, answer)])
    return target


def remove_manual(*, db: str | Path, learner: str, exercise: str, question: str) -> Target:
    """Undo: delete a manual score and comment (the automatic score counts again)."""
    con = gradebook.connect(db)
    try:
        names = gradebook.roster(con)
        if learner not in names:
            raise InputError("学号", f"“{learner}”不在名单中；名单中的学号（最接近的在前）：{_choices(learner, list(names))}", learner)
        q = "" if question in OVERALL else question
        if not gradebook.remove_manual(con, learner, exercise, q):
            raise InputError("人工评分", f"{learner} / {exercise} / {question or '总评'} 没有人工评分或评语，无可撤销")
        return Target(learner, exercise, q, None)
    finally:
        con.close()


class RowErrors(InputError):
    """Every bad row of an imported table at once (``problems``: one Chinese line each,
    ``第 3 行“得分”列：…``); nothing was imported."""

    def __init__(self, filename: str, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if len(problems) == 1 else f"共 {len(problems)} 行有误，均未导入：" + "；".join(problems)
        super().__init__(f"文件 {filename}", head, None)


def answer_check(answer: str | None) -> str:
    """A short check of an answer's text (8 hex digits) for the review list's 答案校验
    column: a row whose learner id was moved to another row (a one-column sort in Excel)
    no longer matches that learner's answer."""
    return hashlib.sha256(str(answer or "").encode("utf-8")).hexdigest()[:8]


def import_manual(source: str | Path | bytes, *, db: str | Path, filename: str | None = None) -> int:
    """Import a table of manual scores/comments, all rows or none; returns rows written.

    Columns (Chinese or English): 学号/learner_id, 练习/exercise_id, 题号/question_id,
    得分/score, 评语/comment, optional 确认 (any non-blank value confirms the old score for
    the new answer) and 答案校验 (the review list's check of the answer: a row whose answer
    is no longer the learner's is refused). Rows with neither score, comment nor 确认 are
    skipped (an unfilled row of the review list). Every bad row is reported at once
    (:class:`RowErrors`).
    """
    name = filename or (Path(source).name if not isinstance(source, bytes) else "上传的文件")
    frame = read_table(source, filename=name, columns=COLUMNS, required=["learner_id", "exercise_id"])
    if "score" not in frame.columns and "comment" not in frame.columns:
        raise cell_error(name, 1, None, "表头缺少“得分”（score）或“评语”（comment）列")
    for column in ("question_id", "score", "comment", "confirm", "check"):
        if column not in frame.columns:
            frame[column] = ""
    con = gradebook.connect(db)
    try:
        rows, confirms, seen, problems = [], [], {}, []

        def bad(line: int, column: str | None, message: str) -> None:
            problems.append(str(cell_error(name, line, column, message)).split("」", 1)[-1])

        for line, row in frame.iterrows():
            if not (row["score"] or row["comment"] or row["confirm"]):
                continue
            try:
                target = check_target(con, row["learner_id"], row["exercise_id"], row["question_id"])
                value = parse_score(row["score"], target)
            except InputError as error:
                bad(int(line), error.field, str(error).split("」", 1)[-1])
                continue
            key = (target.learner, target.exercise, target.question)
            if key in seen:
                bad(int(line), "题号", f"与第 {seen[key]} 行是同一学员同一题，请只保留一行")
                continue
            seen[key] = int(line)
            answer = gradebook.latest_answer(con, *key) if target.question else None
            if row["check"] and target.question and row["check"] != answer_check(answer):
                bad(int(line), "学号", f"这一行的回答不是 {target.learner} 现在的回答：学号可能与别的行错位了（例如在 Excel "
                                      "中只对一列排序），或学员已重交；请核对，或重新导出复核清单")
                continue
            if row["confirm"] and value is None:
                confirms.append((*key, answer))
            if value is not None or row["comment"]:
                rows.append((*key, value, row["comment"] or None, answer))
        if problems:
            raise RowErrors(name, problems)
        gradebook.set_manual_rows(con, rows, confirms)
        return len(rows) + len(confirms)
    finally:
        con.close()
