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

from ..errors import InputError
from ..grading import submit
from ..learner.answers import AnswerStore, answers_dir
from ..learner.exercise import ExerciseSheet, load_sheet
from ._base import error_html

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
        self.saved_questions: dict[str, Any] = saved.get("questions", {}) if isinstance(saved.get("questions"), dict) else {}
        self.saved_widgets: dict[str, Any] = saved.get("widgets", {}) if isinstance(saved.get("widgets"), dict) else {}
        self.widgets: dict[str, Any] = {}
        self.boxes: dict[str, W.Widget] = {}
        self.status = W.HTML(error_html(InputError("答案文件", self.store.notice)) if self.store.notice else "")
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
            widget.input_listeners.append(lambda _w: self.save())
        elif hasattr(widget, "on_change"):
            widget.on_change(self.save)
        else:
            widget.observe(lambda _c: self.save(), names="value")
        return widget

    # --- answers ------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        """Every question's current answer (form boxes and bound widgets)."""
        out: dict[str, Any] = dict(self.saved_questions)
        for q in self.sheet_def.questions:
            if q.id in self.boxes:
                out[q.id] = self.boxes[q.id].value
            elif q.widget and q.widget in self.widgets:
                out[q.id] = _state(self.widgets[q.widget])
        return out

    def save(self, *_: object) -> Path:
        """Write questions and widget inputs atomically to the answer file."""
        widgets = {**self.saved_widgets, **{n: _state(w) for n, w in self.widgets.items()}}
        path = self.store.save({"questions": self.collect(), "widgets": widgets})
        self.status.value = f"<small>已自动保存到 {html.escape(str(path))}</small>"
        return path

    # --- the form -----------------------------------------------------------
    def sheet(self) -> W.VBox:
        """The question form: a box per number/choice/text question, saved as typed."""
        rows: list[W.Widget] = [W.HTML(f"<h4>{html.escape(self.sheet_def.title)}·答题卡</h4>")]
        style = {"description_width": "initial"}
        for q in self.sheet_def.questions:
            saved = self.saved_questions.get(q.id, "")
            label = f"{q.label}" + (f"（{q.unit}）" if q.unit else "") + f" [{q.points:g} 分]"
            if q.type == "number":
                box: W.Widget = W.Text(value=str(saved or ""), placeholder=q.hint or "填写数字",
                                       continuous_update=False, layout=W.Layout(width="16em"))
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
            box.observe(lambda _c: self.save(), names="value")
            self.boxes[q.id] = box
            rows += [W.HTML(f"<b>{html.escape(q.id)}</b> {html.escape(label)}", style=style), box]
        return W.VBox([self.status, *rows])

    def export(self, kind: str) -> Path:
        """Export own answers to ``<answers dir>/<id>.md`` or ``.xlsx``."""
        answers = self.collect()
        path = (self.store.folder or answers_dir()) / f"{self.sheet_def.id}.{kind}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "md":
            path.write_text(self.sheet_def.to_markdown(answers), encoding="utf-8")
        else:
            self.sheet_def.to_excel(answers, path)
        return path

    def submit(self, learner: str) -> Path:
        """Pack the answers into ``<answers dir>/submissions/``; returns the file."""
        learner = learner.strip()
        if not learner:
            raise InputError("学号", "不能为空，请填写学号后再提交", learner)
        self.save()
        data = submit.pack(self.sheet_def.id, learner, self.collect(), self.assignment.get("assignment", ""))
        return submit.write(data, (self.store.folder or answers_dir()) / "submissions")

    def tools(self) -> W.VBox:
        """Buttons: export to Markdown/Excel, and submit (learner id prefilled by ``assign``)."""
        message = W.HTML()
        learner = W.Text(value=self.assignment.get("learner", ""), description="学号", continuous_update=False)

        def run(action):
            try:
                path = action()
            except InputError as error:
                message.value = error_html(error)
                return
            message.value = f"已生成：<code>{html.escape(str(path))}</code>"

        buttons = []
        for text, icon, action in (("导出 Markdown", "file-text", lambda: self.export("md")),
                                   ("导出 Excel", "table", lambda: self.export("xlsx")),
                                   ("生成提交文件", "paper-plane", lambda: self.submit(learner.value))):
            button = W.Button(description=text, icon=icon)
            button.on_click(lambda _b, a=action: run(a))
            buttons.append(button)
        return W.VBox([learner, W.HBox(buttons), message])


def exercise_answers(exercise_id: str, folder: str | Path | None = None) -> ExerciseAnswers:
    """Open (or start) the answer file of an exercise."""
    return ExerciseAnswers(exercise_id, folder)
