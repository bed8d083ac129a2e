"""The worksheet form: one text box per field, saved as you type, exportable."""

from __future__ import annotations

import html

import ipywidgets as W

from ..errors import InputError
from ..learner.answers import AnswerStore
from ..learner.export import export_file
from ..learner.worksheet import Worksheet, load_worksheet
from ._base import download_link, error_html, export_failed_html
from .ready import ReadyDisplay


class WorksheetWidget(ReadyDisplay, W.VBox):
    """A worksheet form. Answers are saved to ``kamlab-answers/<id>.json`` on
    every change and restored when the notebook is reopened."""

    ready_kind = "工作表"

    def __init__(self, worksheet: Worksheet, initial: dict[str, str] | None = None, autosave: bool = True) -> None:
        super().__init__()
        self.sheet = worksheet
        self.store = AnswerStore(worksheet.id)
        saved = self.store.load() if autosave else {}
        values = {**(initial or {}), **saved}
        self.autosave = autosave
        self._callbacks: list = []
        self.status = W.HTML()
        self.boxes: dict[str, W.Textarea] = {}
        rows: list[W.Widget] = [W.HTML(f"<h4>{html.escape(worksheet.title)}</h4><p>{html.escape(worksheet.intro)}</p>")]
        for section in worksheet.sections:
            rows.append(W.HTML(f"<b>{html.escape(section.title)}</b>"))
            for f in section.fields:
                box = W.Textarea(value=str(values.get(f.key, "")), placeholder=f.hint,
                                 description=f.label + ("*" if f.required else ""),
                                 layout=W.Layout(width="95%", height="4.5em"),
                                 style={"description_width": "10em"}, continuous_update=False)
                box.observe(lambda change, key=f.key: self._changed(key, change["new"]), names="value")
                self.boxes[f.key] = box
                rows.append(box)
        md = W.Button(description="导出 Markdown", icon="file-text")
        xlsx = W.Button(description="导出 Excel", icon="table")
        md.on_click(lambda _: self.export("md"))
        xlsx.on_click(lambda _: self.export("xlsx"))
        self.children = [*rows, W.HBox([md, xlsx]), self.status]
        if self.store.notice:
            self._show_notice()

    def _show_notice(self) -> None:
        link = download_link(f"{self.sheet.id}.md", self.sheet.to_markdown(self.answers))
        self.status.value = error_html(InputError("答案文件", self.store.notice)) + link

    @property
    def answers(self) -> dict[str, str]:
        """Current answers by field key."""
        return {k: b.value for k, b in self.boxes.items()}

    def state(self) -> dict[str, str]:
        """The answers as saved in an exercise's answer file (same as ``answers``)."""
        return self.answers

    def restore(self, saved: object) -> list[str]:
        """Put saved answers back; returns the keys that are no longer fields."""
        if not isinstance(saved, dict):
            raise TypeError("saved worksheet answers must be a dict")
        for key, value in saved.items():
            if key in self.boxes:
                self.boxes[key].value = "" if value is None else str(value)
        return [k for k in saved if k not in self.boxes]

    def on_change(self, callback) -> None:
        """Call ``callback()`` whenever any answer box changes (used by exercise binding)."""
        self._callbacks.append(callback)

    def _changed(self, key: str, value: str) -> None:
        for callback in self._callbacks:
            callback()
        if self.autosave:  # only this field: another form on the same worksheet keeps its answers
            path = self.store.update({key: value})
            if path is None:
                self._show_notice()
            else:
                self.status.value = f"<small>已自动保存到 {html.escape(str(path))}</small>"

    def export(self, kind: str):
        """Export to ``kamlab-answers/<id>.md`` or ``.xlsx``; required fields checked first."""
        try:
            self.sheet.check(self.answers)
        except InputError as error:
            self.status.value = error_html(error)
            return None
        answers = self.answers
        try:
            path = export_file(self.sheet.id, kind, lambda: self.sheet.to_markdown(answers),
                               lambda p: self.sheet.to_excel(answers, p))
        except OSError as error:
            self.status.value = export_failed_html(error, self.sheet.id, self.sheet.to_markdown(answers))
            return None
        self.status.value = f"已导出：<code>{html.escape(str(path))}</code>"
        return path


def worksheet_widget(worksheet_id: str, initial: dict[str, str] | None = None, autosave: bool = True) -> WorksheetWidget:
    """The form for ``kamlab/data/worksheets/<worksheet_id>.json``."""
    return WorksheetWidget(load_worksheet(worksheet_id), initial, autosave)
