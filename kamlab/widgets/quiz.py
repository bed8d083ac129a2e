"""The self-check quiz widget: choose, check, read the feedback."""

from __future__ import annotations

import html

import ipywidgets as W

from ..learner.quiz import load_quiz
from .ready import ReadyDisplay


class QuizWidget(ReadyDisplay, W.VBox):
    """Radio buttons per question, a check button, per-question feedback.

    A collapsible answer key underneath keeps the quiz readable in the static
    HTML book, where no kernel runs the check button.
    """

    ready_kind = "自测题"

    def __init__(self, chapter: str) -> None:
        super().__init__()
        self.quiz = load_quiz(chapter)
        self.choices = [W.RadioButtons(options=[(o, i) for i, o in enumerate(q.options)], value=None,
                                       layout=W.Layout(width="auto"))
                        for q in self.quiz.questions]
        self.feedback = [W.HTML() for _ in self.quiz.questions]
        self.score = W.HTML()
        check = W.Button(description="提交并查看反馈", button_style="primary", icon="check")
        check.on_click(lambda _: self.check())
        rows: list[W.Widget] = []
        for i, (q, choice, fb) in enumerate(zip(self.quiz.questions, self.choices, self.feedback, strict=True), 1):
            rows += [W.HTML(f"<b>{i}. {html.escape(q.text)}</b>"), choice, fb]
        key = W.HTML(f"<details><summary>答案与解析（全部）</summary>{self.quiz.key_html()}</details>")
        self.children = [*rows, check, self.score, key]

    def check(self) -> list[bool]:
        """Mark the current choices and show feedback under each question."""
        marks = self.quiz.grade([c.value for c in self.choices])
        for q, ok, fb, choice in zip(self.quiz.questions, marks, self.feedback, self.choices, strict=True):
            if choice.value is None:
                fb.value = "<span style='color:#b00020'>尚未作答。</span>"
            else:
                verdict = "<span style='color:#007a33'>✔ 正确。</span>" if ok else "<span style='color:#b00020'>✘ 不对。</span>"
                fb.value = f"{verdict} {html.escape(q.explain)}"
        self.score.value = f"<p>得分：{sum(marks)} / {len(marks)}</p>"
        # progress for 我的大客户计划, when a chapter is open
        from .chapter_work import quiz_checked

        quiz_checked(sum(c.value is not None for c in self.choices), sum(marks), len(marks))
        return marks


def quiz_widget(chapter: str) -> QuizWidget:
    """The quiz of a chapter (``kamlab/data/quiz/<chapter>.json``)."""
    return QuizWidget(chapter)
