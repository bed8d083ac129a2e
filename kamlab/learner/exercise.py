"""Assignable case exercises: the learner's question sheet and its answers.

An exercise has one authoring source, ``exercises/src/<id>.md`` (the notebook
text) with its key ``exercises/src/<id>.key.json`` (questions, and for each a
``key``: expected value, tolerance, rubric, model answer). ``scripts/build_exercises.py``
generates from it the learner notebook ``exercises/<id>.ipynb`` (key cells
stripped) and the public question sheet ``kamlab/data/exercises/<id>.json``
(every ``key`` and the trainer's notes stripped), which is what this module loads.

Question types and the answer each takes (as saved, JSON):

- ``number``: the text the learner typed (``"6.8"``), parsed when graded;
- ``choice``: one of ``options``;
- ``text``: free text;
- ``table``: rows of an :class:`~kamlab.widgets.table.EditableTable` (``widget`` names it);
- ``inputs``: the named inputs of a bound calculator (``widget`` names it);
- ``proposition``: the inputs of a bound four-quadrant proposition widget;
- ``worksheet``: the answers of a bound worksheet form (``widget`` names it), by field key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._checks import typed_number
from ..errors import InputError
from .export import AnswerDocument
from .packaged import packaged_json

QUESTION_TYPES = ("number", "choice", "text", "table", "inputs", "proposition", "worksheet")
#: Question fields a learner may see; everything else (``key`` …) is the trainer's.
PUBLIC_FIELDS = ("id", "label", "type", "points", "unit", "hint", "options", "widget", "columns")


@dataclass(frozen=True)
class Question:
    """One gradable question of an exercise."""

    id: str
    label: str
    type: str
    points: float
    unit: str = ""
    hint: str = ""
    options: tuple[str, ...] = ()
    widget: str = ""
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExerciseSheet(AnswerDocument):
    """An exercise's public question sheet."""

    id: str
    title: str
    chapter: str
    questions: tuple[Question, ...]

    @property
    def max_points(self) -> float:
        """Total points available."""
        return float(sum(q.points for q in self.questions))

    def question(self, qid: str) -> Question:
        """The question with id ``qid``."""
        for q in self.questions:
            if q.id == qid:
                return q
        raise InputError(f"练习 {self.id}·题目", f"没有编号为“{qid}”的题目", qid)

    def problems(self, answers: dict[str, Any]) -> list[tuple[Question, str]]:
        """Questions not ready to hand in, each with why (:func:`answer_problem`), in order."""
        found = [(q, answer_problem(q, answers.get(q.id))) for q in self.questions]
        return [(q, why) for q, why in found if why]

    def to_frame(self, answers: dict[str, Any]) -> pd.DataFrame:
        """One row per question: 题号, 题目, 回答 (as text)."""
        return pd.DataFrame(
            [(q.id, q.label, answer_text(answers.get(q.id))) for q in self.questions],
            columns=["题号", "题目", "回答"],
        )

    def to_markdown(self, answers: dict[str, Any]) -> str:
        """The learner's answers as a Markdown document."""
        lines = [f"# {self.title}", ""]
        for q in self.questions:
            text = answer_text(answers.get(q.id)) or "（未作答）"
            unit = f"（{q.unit}）" if q.unit else ""
            lines += [f"## {q.label}{unit}", "", text, ""]
        return "\n".join(lines)


def is_blank(value: Any) -> bool:
    """Whether a saved answer holds nothing a person could read (blank text, empty rows
    and fields, all the way down)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return all(is_blank(v) for v in value)
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    return False


def answer_problem(question: Question, value: Any) -> str:
    """Why an answer is not ready to hand in, in Chinese (``""`` when it is): blank, or a
    number the grader would not understand (read with the grader's own parser,
    :func:`kamlab._checks.typed_number`)."""
    if is_blank(value):
        return "未作答"
    if question.type == "number":
        try:
            typed_number(value, question.label, question.unit)
        except InputError as error:
            return str(error).removeprefix(f"「{error.field}」")
    return ""


def number_reading(question: Question, value: Any) -> str:
    """How a typed number is read, for the answer card: ``""`` when it is blank or plain
    (``7.4``), else ``读作 120,000 元`` or the reason it cannot be read."""
    text = str(value or "").strip()
    if question.type != "number" or not text:
        return ""
    try:
        number = typed_number(text, question.label, question.unit)
    except InputError as error:
        return "✗ " + str(error).removeprefix(f"「{error.field}」")
    try:
        if float(text.removesuffix("%") if question.unit == "%" else text) == number:
            return ""
    except ValueError:
        pass
    unit = question.unit if question.unit and not question.unit.startswith("分（") else ""
    return f"读作 {number:,.10g}{(' ' + unit) if unit and unit != '%' else unit}"


def answer_text(value: Any) -> str:
    """A saved answer as one readable line or block of text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return "\n".join(answer_text(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{answer_text(v)}" for k, v in value.items() if answer_text(v))
    return str(value)


def parse_sheet(data: object) -> ExerciseSheet:
    """Build an :class:`ExerciseSheet` from its JSON data (public or full key)."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) or "exercise" not in data:
        raise InputError("练习定义", "应包含 exercise 与 questions 列表", None)
    seen: set[str] = set()
    questions = []
    for raw in data["questions"]:
        qid = str(raw.get("id", "")).strip()
        if not qid or qid in seen:
            raise InputError(f"练习 {data['exercise']}·题号", f"“{qid}”为空或重复", qid)
        if raw.get("type") not in QUESTION_TYPES:
            raise InputError(f"练习 {data['exercise']}·{qid}·题型", f"应为 {'/'.join(QUESTION_TYPES)}", raw.get("type"))
        seen.add(qid)
        questions.append(Question(
            qid, str(raw.get("label", qid)), raw["type"], float(raw.get("points", 1)),
            str(raw.get("unit", "")), str(raw.get("hint", "")), tuple(raw.get("options", ())),
            str(raw.get("widget", "")), tuple(raw.get("columns", ())),
        ))
    return ExerciseSheet(str(data["exercise"]), str(data.get("title", data["exercise"])),
                         str(data.get("chapter", "")), tuple(questions))


def public_sheet(key: dict[str, Any]) -> dict[str, Any]:
    """The learner-visible part of a full key: no ``key`` fields, no trainer notes."""
    return {
        "exercise": key["exercise"],
        "title": key.get("title", key["exercise"]),
        "chapter": key.get("chapter", ""),
        "questions": [{f: q[f] for f in PUBLIC_FIELDS if f in q} for q in key["questions"]],
    }


def load_sheet(exercise_id: str) -> ExerciseSheet:
    """Load the public sheet ``kamlab/data/exercises/<id>.json``."""
    return parse_sheet(packaged_json("exercises", exercise_id,
                                     InputError("练习", f"没有找到练习“{exercise_id}”", exercise_id)))
