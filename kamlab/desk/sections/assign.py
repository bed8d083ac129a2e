"""布置: choose exercises and hand out the learners' packs as a download."""

from __future__ import annotations

import ipywidgets as W

from ...errors import InputError
from ..zips import download_link, zip_folder
from .base import Section, ok, steps


class AssignSection(Section):
    title = "布置"

    def build(self) -> W.Widget:
        self.pick = W.SelectMultiple(options=[], rows=12, description="练习", layout=W.Layout(width="640px"))
        self.shared = W.RadioButtons(options=[("每位学员一个文件夹（含个人提交令牌）", False),
                                              ("一份共享版本", True)], value=False)
        self.button = W.Button(description="生成学员包", button_style="primary")
        self.link = W.HTML()
        self.button.on_click(self.guard(lambda _: self.assign()))
        return W.VBox([W.HTML("<p>选择练习（按住 Ctrl 可多选），生成每位学员的练习包并下载为一个 zip。</p>"),
                       self.pick, self.shared, self.button, self.status, self.link])

    def load(self) -> None:
        """List every assignable exercise."""
        self.pick.options = [(x.label, x.id) for x in steps().exercises()]
        self.pick.rows = min(12, len(self.pick.options))

    def assign(self) -> None:
        chosen = list(self.pick.value)
        if not chosen:
            raise InputError("练习", "请至少选择一个练习")
        self.link.value = ""
        out = steps().assign(self.book.path, chosen, shared=self.shared.value)
        data = zip_folder(out, "class")
        self.status.value = ok(f"已生成 {len(chosen)} 个练习的学员包 → {out}")
        self.link.value = download_link(data, "学员练习包.zip", "下载学员练习包")
