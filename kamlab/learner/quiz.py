"""Self-check quizzes: questions live as data, one JSON file per chapter.

``kamlab/data/quiz/<chapter>.json`` holds::

    {"chapter": "wang-01", "questions": [
        {"q": "…", "options": ["…", "…"], "answer": 0, "explain": "…"}]}

:func:`load_quiz` validates it; :meth:`Quiz.grade` marks a set of choices; the
widget (:func:`kamlab.widgets.quiz_widget`) is the interactive form and
:meth:`Quiz.key_html` the collapsible answer key that the static book shows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..errors import InputError
from .packaged import packaged_json


@dataclass(frozen=True)
class Question:
    """One multiple-choice question with its feedback."""

    text: str
    options: tuple[str, ...]
    answer: int
    explain: str


@dataclass(frozen=True)
class Quiz:
    """A chapter's self-check."""

    chapter: str
    questions: tuple[Question, ...]

    def grade(self, choices: list[int | None]) -> list[bool]:
        """True per question answered correctly (None = unanswered = wrong)."""
        if len(choices) != len(self.questions):
            raise InputError("测验答案", f"应有 {len(self.questions)} 个答案，当前为 {len(choices)} 个", choices)
        return [c == q.answer for c, q in zip(choices, self.questions, strict=True)]

    def key_html(self) -> str:
        """Questions with a collapsible answer and explanation (for the static book)."""
        parts = []
        for i, q in enumerate(self.questions, start=1):
            opts = "".join(f"<li>{html.escape(o)}</li>" for o in q.options)
            parts.append(
                f"<p><b>{i}. {html.escape(q.text)}</b></p><ol type='A'>{opts}</ol>"
                f"<details><summary>查看答案与解析</summary><p>答案：{'ABCDEFG'[q.answer]}。"
                f"{html.escape(q.explain)}</p></details>"
            )
        return "".join(parts)


def _parse(data: object, chapter: str) -> Quiz:
    field = f"测验文件 {chapter}.json"
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list) or not data["questions"]:
        raise InputError(field, "格式不对：应包含非空的 questions 列表", None)
    questions = []
    for i, raw in enumerate(data["questions"], start=1):
        try:
            options = tuple(str(o) for o in raw["options"])
            answer = int(raw["answer"])
            question = Question(str(raw["q"]), options, answer, str(raw.get("explain", "")))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{field}·第 {i} 题", "缺少 q/options/answer 字段或类型不对", raw) from None
        if not 0 <= answer < len(options) or len(options) < 2:
            raise InputError(f"{field}·第 {i} 题·answer", f"应为 0–{len(options) - 1} 之间的选项序号", answer)
        questions.append(question)
    return Quiz(chapter, tuple(questions))


def load_quiz(chapter: str) -> Quiz:
    """Load and validate ``data/quiz/<chapter>.json``."""
    data = packaged_json("quiz", chapter, InputError("测验", f"没有找到章节“{chapter}”的测验文件", chapter))
    return _parse(data, chapter)
