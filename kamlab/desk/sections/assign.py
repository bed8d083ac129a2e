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
        self.due = W.Text(description="截止时间", placeholder="如 2026-12-10 18:00（可不填）",
                          layout=W.Layout(width="360px"))
        self.penalty = W.Text(description="迟交扣分", placeholder="每迟一天扣满分的 %（不填不扣）",
                              layout=W.Layout(width="360px"))
        self.button = W.Button(description="生成学员包", button_style="primary")
        self.link = W.HTML()
        self.packs = W.HTML()
        self.button.on_click(self.guard(lambda _: self.assign()))
        return W.VBox([W.HTML("<p>选择练习（按住 Ctrl 可多选），可设截止时间（北京时间；之后收到的提交标为“迟交”），"
                              "生成每位学员的练习包：每人一个 zip，逐个发给本人。</p>"),
                       self.pick, self.shared, W.HBox([self.due, self.penalty]), self.button, self.status,
                       self.packs, self.link])

    def load(self) -> None:
        """List every assignable exercise."""
        self.pick.options = [(x.label, x.id) for x in steps().exercises()]
        self.pick.rows = min(12, len(self.pick.options))

    def assign(self) -> None:
        chosen = list(self.pick.value)
        if not chosen:
            raise InputError("练习", "请至少选择一个练习")
        self.link.value = self.packs.value = ""
        db = self.book.require()
        out = steps().assign(db, chosen, shared=self.shared.value, due=self.due.value, late_penalty=self.penalty.value)
        due = f"，截止 {self.due.value.strip()}" if self.due.value.strip() else ""
        self.status.value = ok(f"已生成 {len(chosen)} 个练习的学员包{due} → {out}")
        if not self.shared.value:
            packs = steps().learner_packs(db)
            self.packs.value = ("<p style='margin:8px 0 2px 0'><b>每位学员一个 zip</b>（含个人提交令牌和学员须知）："
                                "请逐个发给本人，不要发到群里。</p><div class='kamlab-packs'>"
                                + " ".join(download_link(data, name, name.removesuffix(".zip")) for name, data in packs)
                                + "</div>")
        self.link.value = ("<p style='margin:10px 0 2px 0'><b>仅培训师留存</b>：全班文件夹（含每位学员的令牌和 roster.csv，"
                           "转发出去任何人都能冒名提交）</p>"
                           + download_link(zip_folder(out, "class"), "全班练习包（仅培训师）.zip", "下载全班文件夹"))
