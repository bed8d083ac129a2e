"""批改: grade by question — every learner's answer to one question in turn, names hidden,
the model answer beside it, scores and comments by keyboard."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

from ...errors import InputError
from ...grading.manual import ManualConflict
from ...grading.rubric import needs_person, score_state
from ..answer_view import ANSWER_CSS, key_html
from ..grading_queue import GradingQueue
from ..keyboard import GradingKeys
from .base import Section, steps

COMMANDS = ("f", "z", "n", "p", "c", "r")
KEY_HELP = ("快捷键（在此输入后按回车）：分数 = 给分并下一份 · f 满分并下一份 · z 零分并下一份 · "
            "n 下一份 · p 上一份 · c 写评语 · r 显示/隐藏姓名")


class GradeSection(Section):
    title = "批改"

    def build(self) -> W.Widget:
        self.queue: GradingQueue | None = None
        self.questions: dict[str, dict[str, Any]] = {}
        self.pending: tuple[GradingQueue, Any, str] | None = None
        self._exit_hook = False
        self.exercise = W.Dropdown(description="练习", layout=W.Layout(width="480px"))
        self.question = W.Dropdown(description="题目", layout=W.Layout(width="480px"))
        self.start = W.Button(description="开始批改", button_style="primary")
        self.who = W.HTML()
        self.reveal = W.ToggleButton(description="显示姓名", value=False)
        self.answer = W.HTML(layout=W.Layout(width="55%", border="1px solid #ddd", padding="6px"))
        self.key = W.HTML(layout=W.Layout(width="45%", border="1px solid #ddd", padding="6px"))
        self.full = W.Button(description="满分")
        self.zero = W.Button(description="零分")
        self.undo_button = W.Button(description="撤销人工评分")
        self.prev = W.Button(description="上一份")
        self.next = W.Button(description="下一份")
        # 得分, 评语 and the shortcut box: every keystroke reaches the kernel once, in order.
        self.keys = GradingKeys(self._message, help=KEY_HELP)
        self.saved = W.HTML()
        guard = self.guard
        self.exercise.observe(guard(lambda c: self.load_questions()), "value")
        self.start.on_click(guard(lambda _: self.open_question()))
        self.reveal.observe(guard(self._reveal), "value")
        self.full.on_click(guard(lambda _: self._score_button("full")))
        self.zero.on_click(guard(lambda _: self._score_button("zero")))
        self.undo_button.on_click(guard(lambda _: self.undo()))
        self.prev.on_click(guard(lambda _: self.move(-1)))
        self.next.on_click(guard(lambda _: self.move(+1)))
        self.card = W.VBox([
            W.HBox([self.who, self.reveal], layout=W.Layout(justify_content="space-between")),
            W.HBox([self.answer, self.key]),
            W.HBox([self.full, self.zero, self.undo_button, self.prev, self.next, self.saved]),
            self.keys,
        ], layout=W.Layout(display="none"))
        return W.VBox([W.HTML("<p>按题批改：选一道题，逐份查看全班的回答。需要人工评阅的题（文字题、工作表、"
                              "价值主张）标有“✎”；姓名默认隐藏；答案改动过的（待复核）排在最前。</p>"),
                       W.HBox([self.exercise, self.question, self.start]), self.status, self.card])

    def shown(self) -> None:
        if not self.exercise.options:
            self.guard(self.load_exercises)()

    def load_exercises(self) -> None:
        """List the class's exercises (those of the gradebook now open)."""
        if not self.book.exists():
            self.exercise.options = []
            return
        titles = {x.id: x.label for x in steps().exercises()}
        ids = steps().class_exercises(self.book.path)
        current = self.exercise.value
        self.exercise.options = [(titles.get(x, x), x) for x in ids]
        if ids:
            self.exercise.value = current if current in ids else ids[0]
        self.load_questions()

    def load_questions(self) -> None:
        xid = self.exercise.value
        if not xid:
            self.question.options = []
            return
        sheet, questions = steps().load_key(xid)
        self.questions = questions
        options = []
        for q in sheet.questions:
            mark = "✎ " if needs_person(questions[q.id]) else ""
            options.append((f"{mark}{q.label}（{questions[q.id].get('points', 1):g} 分）", q.id))
        self.question.options = options
        first = next((qid for _, qid in options if needs_person(questions[qid])), None)
        if options:
            self.question.value = first or options[0][1]

    def open_question(self, exercise: str | None = None, question: str | None = None) -> GradingQueue:
        """Load every answer to one question and show the first."""
        if exercise:
            if exercise not in {value for _, value in self.exercise.options}:
                self.load_exercises()
            self.exercise.value = exercise
        if question:
            self.question.value = question
        xid, qid = self.exercise.value, self.question.value
        if not xid or not qid:
            raise InputError("题目", "请先选择练习和题目（收取提交之后才有可批改的回答）")
        self.queue = GradingQueue(xid, qid, steps().question_answers(self.book.path, xid, qid))
        self.queue.reveal = self.reveal.value
        self.status.value = self.saved.value = ""
        self.card.layout.display = "flex"
        self.show()
        self.keys.focus_on("keys")
        return self.queue

    def show(self) -> None:
        """Draw the current answer (score box, comment, position, key)."""
        q = self.queue
        if q is None:
            return
        a = q.current
        question = self.questions.get(q.question_id, {})
        if a is None:
            self.who.value = "<p>这道题还没有人提交。</p>"
            self.answer.value = self.key.value = ""
            return
        badge = (" <span class='kamlab-review' style='background:#fff3cd;padding:1px 6px;border-radius:3px'>"
                 "待复核：答案在人工评分后改过</span>") if a.review else ""
        if a.late:
            badge += (f" <span class='kamlab-late' style='background:#fdecea;color:#b00020;padding:1px 6px;"
                      f"border-radius:3px'>{html.escape(a.late)}</span>")
        kind = score_state(question, a.manual_score, a.review) or "自动评分"
        self.who.value = (f"<h3 class='kamlab-who' style='margin:2px 0'>{html.escape(q.label(a))}{badge}</h3>"
                          f"<p class='kamlab-position' style='margin:0'>{html.escape(q.position())}</p>")
        from ...grading.htmlpage import answer_html, stored_value

        self.answer.value = (f"{ANSWER_CSS}<p style='margin:0 0 4px 0;color:#555'>学员的回答</p>"
                             f"<div class='kamlab-answer'>{answer_html(question, stored_value(question, a.answer))}</div>")
        self.key.value = (key_html(question) + f"<p style='margin:8px 0 0 0'>自动初评：<b>{a.auto_score:g}</b>"
                          f" / {a.max_score:g}<br><small>{html.escape(a.detail)}</small></p>")
        self.keys.show(f"{a.score:g}", f"{a.max_score:g}", kind, a.comment)

    # saving ------------------------------------------------------------------------

    def save_score(self, score: float) -> None:
        """Save the current answer's manual score (checked by the loop's own validation). A score
        another grader changed since this screen showed it is not overwritten: the screen shows
        theirs and says so; typing the score again overwrites it."""
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        try:
            steps().save_score(self.book.path, a.learner_id, q.exercise_id, q.question_id, score, seen=a)
        except ManualConflict as conflict:
            self._theirs(a.learner_id, conflict.stored)
            self.show()
            raise InputError("人工评分", f"{_reason(conflict)}；你输入的 {score:g} 分未保存，再输入一次即覆盖") from None
        q.update(a.learner_id, manual_score=score, review=False)
        self._saved(f"已保存：{q.label(a)} {score:g} 分")

    def save_comment(self, comment: str) -> None:
        """Save the comment as typed (every keystroke). Another grader's comment written since is
        shown in the message first; the trainer's text stays in the box, and typing on overwrites."""
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        try:
            steps().save_comment(self.book.path, a.learner_id, q.exercise_id, q.question_id, comment, seen=a)
        except ManualConflict as conflict:
            self._theirs(a.learner_id, conflict.stored)
            raise InputError("人工评分", f"{_reason(conflict)}；你的评语未保存（仍在框中），继续输入即覆盖") from None
        q.update(a.learner_id, comment=comment)
        self._saved("评语已保存")

    def _theirs(self, learner: str, stored) -> None:
        """Take what the gradebook holds for one answer (written by another grader) into the queue."""
        if stored is None:
            self.queue.update(learner, manual_score=None, comment="")
        else:
            self.queue.update(learner, manual_score=stored.score, comment=stored.comment)

    def _reread(self) -> None:
        """The answer about to be shown, as the gradebook holds it now (another grader may have scored it)."""
        a = self.queue.current if self.queue else None
        if a is None:
            return
        stored = steps().manual_entry(self.book.path, a.learner_id, self.queue.exercise_id, self.queue.question_id)
        now = (None, "") if stored is None else (stored.score, stored.comment)
        if now != (a.manual_score, a.comment):
            self._theirs(a.learner_id, stored)

    def undo(self) -> None:
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        steps().remove_score(self.book.path, a.learner_id, q.exercise_id, q.question_id)
        q.update(a.learner_id, manual_score=None, comment="", review=False)
        self.show()
        self._saved("已撤销人工评分与评语")

    def _saved(self, text: str) -> None:
        self.saved.value = f"<span class='kamlab-saved' style='color:#1b5e20;line-height:32px'>✓ {html.escape(text)}</span>"
        if self.queue:
            self.who.value = self.who.value.split("<p class='kamlab-position'")[0] + (
                f"<p class='kamlab-position' style='margin:0'>{html.escape(self.queue.position())}</p>")

    def move(self, step: int) -> None:
        if self.queue:
            self.queue.go(self.queue.index + step)
            self._reread()
            self.show()

    # handlers ----------------------------------------------------------------------

    def _message(self, kind: str, text: str, final: bool) -> None:
        """One message from the grading keyboard, in the order it was typed."""
        self.guard(self._handle)(kind, text, final)

    def _handle(self, kind: str, text: str, final: bool) -> None:
        if kind in ("draft", "score_draft"):
            self._draft(text)
            return
        self.pending = None  # an Enter (or a comment) settles what was typed
        if kind == "key":
            self.command(text, final=final)
        elif kind == "score":
            self.score_typed(text)
        elif kind == "comment":
            self.save_comment(text)

    def _draft(self, text: str) -> None:
        """Text typed in the 得分 or shortcut box, Enter not pressed yet: kept with the answer it
        was typed for, and saved as its score if the page goes first (:meth:`commit_pending`)."""
        a = self.queue.current if self.queue else None
        self.pending = (self.queue, a, text) if a is not None and text.strip() else None
        if not self._exit_hook:
            import atexit

            atexit.register(self.commit_pending)  # the kernel is shut down when its page goes
            self._exit_hook = True

    def commit_pending(self) -> bool:
        """Save a score typed without Enter (the page went); True if one was saved. A draft that
        is not a score in range, or an answer another grader changed since, is left alone."""
        if self.pending is None:
            return False
        queue, a, text = self.pending
        self.pending = None
        try:
            score = _score(text, "快捷键")
            steps().save_score(self.book.path, a.learner_id, queue.exercise_id, queue.question_id, score, seen=a)
        except (InputError, OSError):
            return False
        return True

    def score_typed(self, text: str) -> None:
        """A score typed in the 得分 box: saved, or refused with the old score kept on screen."""
        if self.queue is None or self.queue.current is None:
            return
        try:
            self.save_score(_score(text, "得分"))
        except InputError:
            self.show()  # the stored score back in the box; the message names what was typed
            raise
        self.status.value = ""
        self.show()

    def _score_button(self, which: str) -> None:
        a = self.queue.current if self.queue else None
        if a is not None:
            self.save_score(a.max_score if which == "full" else 0.0)
            self.show()
            self.keys.focus_on("keys")

    def _reveal(self, change: dict) -> None:
        self.reveal.description = "隐藏姓名" if change["new"] else "显示姓名"
        if self.queue:
            self.queue.reveal = bool(change["new"])
            self.show()

    def command(self, typed: str, final: bool = False) -> None:
        """A command typed in the shortcut box and ended with Enter: a score, or one letter.
        ``final``: typed without Enter when the page went (a score is saved, nothing moves)."""
        text = (typed or "").strip().lower().replace("，", ".").replace("。", ".")
        if not text or self.queue is None:
            return
        a = self.queue.current
        if final:
            if a is not None and text not in COMMANDS:
                self.save_score(_score(text, "快捷键"))
            return
        if text in ("f", "z") and a is not None:
            self.save_score(a.max_score if text == "f" else 0.0)
            self.queue.next()
        elif text == "n":
            self.queue.next()
        elif text == "p":
            self.queue.previous()
        elif text == "r":
            self.reveal.value = not self.reveal.value
            return
        elif text == "c":
            self.keys.focus_on("comment")
            return
        else:
            self.save_score(_score(text, "快捷键"))
            self.queue.next()
        self.status.value = ""
        self._reread()
        self.show()


def _reason(conflict: ManualConflict) -> str:
    return str(conflict).split("」", 1)[-1].removesuffix("：你的修改未保存")


def _score(text: str, field: str) -> float:
    """A typed score as a number (its range is checked when it is saved)."""
    cleaned = text.strip().replace("，", ".").replace("。", ".")
    try:
        return float(cleaned)
    except ValueError:
        hint = KEY_HELP if field == "快捷键" else "请输入数字"
        raise InputError(field, f"“{text.strip()}”不是分数{'也不是快捷键' if field == '快捷键' else ''}：{hint}") from None
