"""An exercise's answers: widgets register, inputs are saved as they change.

``ex = exercise_answers("wang-01-quantify")`` opens the exercise's answer file
(``kamlab-answers/<id>.json``, or ``$KAMLAB_ANSWERS_DIR``) through
:class:`kamlab.learner.answers.AnswerStore`. ``ex.bind("strength", strength_widget())``
restores a calculator or table from the file and saves it on every change;
``ex.sheet()`` is the question form; ``ex.tools()`` offers export (Excel,
Markdown) and submission. The saved file holds::

    {"questions": {question id: answer}, "widgets": {name: raw inputs}}

``questions`` is what is submitted and graded; ``widgets`` only restores the
calculators. A bad answer file is moved aside by AnswerStore and the learner is
told in Chinese above the form.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..classroom import client as classroom
from ..errors import InputError
from ..grading import submit
from ..learner.answers import AnswerStore, answers_dir
from ..learner.exercise import ExerciseSheet, Question, load_sheet, number_reading
from ..learner.export import export_file
from ._base import download_link, error_html, export_failed_html
from .ready import ReadyBox

ASSIGNMENT_FILE = "assignment.json"


def _assignment() -> dict[str, str]:
    """``assignment.json`` written by ``kamlab assign`` next to the notebook, if any."""
    try:
        data = json.loads(Path(ASSIGNMENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if k in ("assignment", "exercise", "learner")} if isinstance(data, dict) else {}


def _state(widget: Any) -> Any:
    return widget.state() if hasattr(widget, "state") else widget.value


class ExerciseAnswers:
    """The answer file of one exercise, and the widgets that write to it."""

    def __init__(self, exercise_id: str, folder: str | Path | None = None) -> None:
        self.sheet_def: ExerciseSheet = load_sheet(exercise_id)
        self.store = AnswerStore(exercise_id, Path(folder) if folder else None)
        saved = self.store.load()
        odd = [k for k in ("questions", "widgets") if k in saved and not isinstance(saved[k], dict)]
        if odd:  # hand-edited: set it aside rather than overwrite it
            self.store.set_aside(f"的“{odd[0]}”部分格式不对")
            saved = self.store.answers = {}
        self.saved_questions: dict[str, Any] = dict(saved.get("questions", {}))
        self.saved_widgets: dict[str, Any] = dict(saved.get("widgets", {}))
        self.widgets: dict[str, Any] = {}
        self.boxes: dict[str, W.Widget] = {}
        self.notes: dict[str, W.HTML | None] = {}
        self._touched: set[str] = set()  # questions answered in this form (the rest may be newer on disk)
        self.status = W.HTML()
        self._show_notice()
        self.assignment = _assignment()

    # --- binding ------------------------------------------------------------
    def bind(self, name: str, widget: Any) -> Any:
        """Restore ``widget`` from the answer file, then save it on every change.

        Works for a :class:`~kamlab.widgets._base.Calculator`, an
        :class:`~kamlab.widgets.table.EditableTable` or any widget with ``value``.
        Returns the widget so a cell can end with ``ex.bind(...)``.
        """
        self.widgets[name] = widget
        if name in self.saved_widgets:
            try:
                if hasattr(widget, "restore"):
                    skipped = widget.restore(self.saved_widgets[name]) or []
                else:
                    widget.value = self.saved_widgets[name]
                    skipped = []
            except Exception:  # noqa: BLE001 - a stale entry must not block the notebook
                skipped = [name]
            if skipped:
                self.status.value = error_html(InputError(
                    "答案文件", f"“{name}”中有 {len(skipped)} 项已保存的输入与当前版本不符，未能恢复，其余已恢复"))
        if hasattr(widget, "input_listeners"):
            widget.input_listeners.append(lambda _w: self._widget_changed(name))
        elif hasattr(widget, "on_change"):
            widget.on_change(lambda *_: self._widget_changed(name))
        else:
            widget.observe(lambda _c: self._widget_changed(name), names="value")
        return widget

    def _answered(self, qid: str, value: Any) -> None:
        self._touched.add(qid)
        self._write({"questions": {qid: value}})

    def _widget_changed(self, name: str) -> None:
        widget = self.widgets[name]
        questions = {q.id: _state(widget) for q in self.sheet_def.questions if q.widget == name}
        self._write({"widgets": {name: _state(widget)}, **({"questions": questions} if questions else {})})

    # --- answers ------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        """Every question's current answer: saved ones (also by other forms),
        then this form's boxes and bound widgets."""
        out: dict[str, Any] = dict(self.saved_questions)
        for q in self.sheet_def.questions:
            if q.id in self.boxes:
                if q.id in self._touched or q.id not in out:
                    out[q.id] = self.boxes[q.id].value
            elif q.widget and q.widget in self.widgets:
                out[q.id] = _state(self.widgets[q.widget])
        return out

    def save(self, *_: object) -> Path | None:
        """Write every answer and widget input shown here into the answer file
        (merged with what other forms saved; see :meth:`AnswerStore.update`)."""
        questions = {qid: self.boxes[qid].value for qid in self._touched}
        questions |= {q.id: _state(self.widgets[q.widget]) for q in self.sheet_def.questions
                      if q.widget and q.widget in self.widgets}
        return self._write({"questions": questions, "widgets": {n: _state(w) for n, w in self.widgets.items()}})

    def _write(self, changes: dict[str, Any]) -> Path | None:
        path = self.store.update(changes)
        saved = self.store.answers
        self.saved_questions = dict(saved.get("questions", {})) if isinstance(saved.get("questions"), dict) else {}
        self.saved_widgets = dict(saved.get("widgets", {})) if isinstance(saved.get("widgets"), dict) else {}
        if path is None:
            self._show_notice()
        else:
            self.status.value = f"<small>已自动保存到 {html.escape(str(path))}</small>"
        return path

    def _show_notice(self) -> None:
        if self.store.notice:
            link = download_link(f"{self.sheet_def.id}.md", self.sheet_def.to_markdown(self.collect()))
            self.status.value = error_html(InputError("答案文件", self.store.notice)) + link

    # --- the form -----------------------------------------------------------
    def sheet(self) -> ReadyBox:
        """The question form: a box per number/choice/text question, saved as typed."""
        rows: list[W.Widget] = [W.HTML(f"<h4>{html.escape(self.sheet_def.title)}·答题卡</h4>")]
        style = {"description_width": "initial"}
        for q in self.sheet_def.questions:
            saved = self.saved_questions.get(q.id, "")
            label = f"{q.label}" + (f"（{q.unit}）" if q.unit else "") + f" [{q.points:g} 分]"
            note = None
            if q.type == "number":
                box: W.Widget = W.Text(value=str(saved or ""), placeholder=q.hint or "填写数字",
                                       continuous_update=False, layout=W.Layout(width="16em"))
                note = W.HTML(self._reading(q, box.value))  # how the grader will read it, as typed
                box.observe(lambda c, q=q, note=note: setattr(note, "value", self._reading(q, c["new"])), names="value")
            elif q.type == "choice":
                options = ["", *q.options]
                box = W.Dropdown(options=options, value=saved if saved in options else "")
            elif q.type == "text":
                box = W.Textarea(value=str(saved or ""), placeholder=q.hint, continuous_update=False,
                                 layout=W.Layout(width="95%", height="6em"))
            else:
                rows.append(W.HTML(f"<p>{html.escape(label)}：用上方的“{html.escape(q.widget)}”工具作答，"
                                   "输入会自动保存。</p>"))
                continue
            box.observe(lambda c, qid=q.id: self._answered(qid, c["new"]), names="value")
            self.boxes[q.id] = box
            self.notes[q.id] = note
            rows += [W.HTML(f"<b>{html.escape(q.id)}</b> {html.escape(label)}", style=style),
                     W.HBox([box, note]) if note else box]
        return ReadyBox([self.status, *rows], kind="答题卡")

    @staticmethod
    def _reading(q: Question, value: Any) -> str:
        reading = number_reading(q, value)
        colour = "#b00020" if reading.startswith("✗") else "#555"
        return f"<small style='color:{colour}'>{html.escape(reading)}</small>" if reading else ""

    def problems(self) -> list[tuple[Question, str]]:
        """Questions blank or not understood in the current answers (checked before packing)."""
        return self.sheet_def.problems(self.collect())

    def export(self, kind: str) -> Path:
        """Export own answers to ``<answers dir>/<id>.md`` or ``.xlsx``."""
        answers = self.collect()
        return export_file(self.sheet_def.id, kind, lambda: self.sheet_def.to_markdown(answers),
                           lambda p: self.sheet_def.to_excel(answers, p), self.store.folder)

    def submit(self, learner: str) -> Path:
        """Pack the answers into ``<answers dir>/submissions/``; returns the file."""
        learner = learner.strip()
        if not learner:
            raise InputError("学号", "不能为空，请填写学号后再提交", learner)
        self.save()
        return submit.submit_answers(self.sheet_def.id, answers=self.collect(), pack_dir=Path(ASSIGNMENT_FILE).parent,
                                     out=(self.store.folder or answers_dir()) / "submissions", learner=learner)

    def hand_in(self) -> str:
        """Hand in on the class server (identity from the hub login); returns “已提交（第 n 版 · 时间）”."""
        self.save()
        return str(classroom.hand_in(self.sheet_def.id, self.collect())["text"])

    def _hub_tools(self, exports: list[W.Button]) -> W.VBox:
        """On the class server: 提交 straight into the gradebook, with the latest status shown."""
        shown = classroom.status(self.sheet_def.id)
        message = W.HTML(f"<b>{html.escape(shown)}</b>" if shown else "尚未提交")
        button = W.Button(description="提交", icon="paper-plane", button_style="primary",
                          tooltip="把答案交给培训师；可以再次提交，以最后一次为准")

        confirmed = {"anyway": False}

        def go(_b) -> None:
            problems = self.problems()
            if problems and not confirmed["anyway"]:
                items = "".join(f"<li>{html.escape(q.label)}：{html.escape(why)}</li>" for q, why in problems)
                message.value = (f"<div class='kamlab-error'>还有 {len(problems)} 题未作答或无法识别，提交后按现状评分："
                                 f"<ul>{items}</ul>可以先补全再提交，或再点一次“仍然提交”。</div>")
                confirmed["anyway"] = True
                button.description = "仍然提交"
                return
            confirmed["anyway"] = False
            button.description = "提交"
            button.disabled = True
            message.value = "正在提交…"
            try:
                message.value = f"<b>{html.escape(self.hand_in())}</b>"
            except InputError as error:
                message.value = error_html(error)
            finally:
                button.disabled = False

        button.on_click(go)
        return W.VBox([W.HBox([button, *exports]), message])

    def tools(self) -> ReadyBox:
        """Buttons: export to Markdown/Excel, and submit: 提交 on the class server, otherwise a
        signed submission file (learner id prefilled by ``assign``).

        Either way, handing in first lists the questions left blank or not understood and asks
        before going on (仍然… goes on as it is); the file path's message then says what to do
        with the file."""
        message = W.HTML()
        learner = W.Text(value=self.assignment.get("learner", ""), description="学号", continuous_update=False)
        anyway = W.Button(description="仍然生成提交文件", icon="paper-plane", layout=W.Layout(display="none"))

        def run(action, done=lambda path: f"已生成：<code>{html.escape(str(path))}</code>"):
            anyway.layout.display = "none"
            try:
                path = action()
            except InputError as error:
                message.value = error_html(error)
                return
            except OSError as error:  # a folder that refuses: offer the answers from the page itself
                message.value = export_failed_html(error, self.sheet_def.id, self.sheet_def.to_markdown(self.collect()))
                return
            message.value = done(path)

        def handed_in(path: Path) -> str:
            return (f"已生成提交文件：<code>{html.escape(str(path))}</code><br>下一步：把这个文件<b>原样</b>发给培训师"
                    "（按培训师说明的方式：邮件、微信或共享文件夹），不要打开或修改它；改了答案可以重新生成再发一次，"
                    "培训师以最后一次提交为准。")

        def check_then_submit(_b=None) -> None:
            problems = self.problems()
            if not problems:
                run(lambda: self.submit(learner.value), handed_in)
                return
            items = "".join(f"<li>{html.escape(q.label)}：{html.escape(why)}</li>" for q, why in problems)
            message.value = (f"<div class='kamlab-error'>还有 {len(problems)} 题未作答或无法识别，提交后按现状评分："
                             f"<ul>{items}</ul>可以先补全再点“生成提交文件”，或点“仍然生成提交文件”。</div>")
            anyway.layout.display = None

        buttons = []
        for text, icon, action in (("导出 Markdown", "file-text", lambda: self.export("md")),
                                   ("导出 Excel", "table", lambda: self.export("xlsx"))):
            button = W.Button(description=text, icon=icon)
            button.on_click(lambda _b, a=action: run(a))
            buttons.append(button)
        if classroom.available():
            return ReadyBox([self._hub_tools(buttons), message], kind="提交工具")
        submit_button = W.Button(description="生成提交文件", icon="paper-plane")
        submit_button.on_click(check_then_submit)
        anyway.on_click(lambda _b: run(lambda: self.submit(learner.value), handed_in))
        self._submit_controls = (submit_button, anyway, message)
        return ReadyBox([learner, W.HBox([*buttons, submit_button, anyway]), message], kind="提交工具")


def exercise_answers(exercise_id: str, folder: str | Path | None = None) -> ExerciseAnswers:
    """Open (or start) the answer file of an exercise."""
    return ExerciseAnswers(exercise_id, folder)
