"""反馈: every learner's feedback page, model answers shown or held back, previewed and zipped."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as W

from ..zips import download_link, zip_folder
from .base import Section, ok, steps


class FeedbackSection(Section):
    title = "反馈"

    def build(self) -> W.Widget:
        self.with_model = W.Checkbox(value=True, description="在反馈中显示参考答案", indent=False)
        self.hold_back = W.SelectMultiple(options=[], rows=4, description="暂不公布",
                                          layout=W.Layout(width="640px"))
        self.button = W.Button(description="生成全部反馈", button_style="primary")
        self.link = W.HTML()
        self.pick = W.Dropdown(description="预览", layout=W.Layout(width="480px"))
        self.preview = W.HTML()
        self.pages: dict[str, Path] = {}
        self.button.on_click(self.guard(lambda _: self.make()))
        self.pick.observe(self.guard(lambda c: self._preview()), "value")
        return W.VBox([W.HTML("<p>为每位学员生成一页反馈（回答、得分、评语；可选参考答案），预览任意一页，"
                              "全部下载为一个 zip。</p>"),
                       self.with_model,
                       W.HTML("<p style='margin:0'>下面选中的练习暂不公布参考答案（其余照常显示；按住 Ctrl 可多选）：</p>"),
                       self.hold_back, self.button, self.status, self.link, self.pick, self.preview])

    def shown(self) -> None:
        if self.book.exists():
            self.guard(self._load_hold_back)()

    def _load_hold_back(self) -> None:
        titles = {x.id: x.label for x in steps().exercises()}
        chosen = set(self.hold_back.value)
        ids = steps().class_exercises(self.book.path)
        self.hold_back.options = [(titles.get(x, x), x) for x in ids]
        self.hold_back.value = tuple(x for x in ids if x in chosen)

    def make(self) -> list[Path]:
        db = self.book.require()
        hold: bool | list[str] = (list(self.hold_back.value) or False) if self.with_model.value else True
        pages = steps().feedback(db, hold_back=hold)
        out = steps().folder(db, "feedback")
        labels = steps().page_labels(db, pages)
        self.pages = dict(zip(labels, pages, strict=True))
        self.status.value = ok(f"已生成 {len(pages)} 份反馈页面 → {out}")
        self.link.value = download_link(zip_folder(out, "feedback"), "学员反馈.zip", "下载全部反馈")
        self.pick.options = labels
        self.pick.value = labels[0] if labels else None
        self._preview()
        return pages

    def _preview(self) -> None:
        path = self.pages.get(self.pick.value or "")
        if path is None:
            self.preview.value = ""
            return
        doc = html.escape(path.read_text(encoding="utf-8"), quote=True)
        self.preview.value = (f"<iframe class='kamlab-preview' sandbox='' srcdoc=\"{doc}\" "
                              "style='width:100%;height:520px;border:1px solid #ccc'></iframe>")
