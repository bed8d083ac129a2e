"""收取: upload submissions (files or a zip), grade them, list what was refused and why."""

from __future__ import annotations

import time

import ipywidgets as W

from ..upload_button import UploadButton
from ..uploads import MAX_ZIP, unpack
from .base import Section, err, ok, steps, table_html


class CollectSection(Section):
    title = "收取"

    def build(self) -> W.Widget:
        self.upload = UploadButton(self.guard(self._uploaded), accept=".json,.zip", multiple=True,
                                   description="上传提交文件", limit=MAX_ZIP)
        self.progress = W.IntProgress(min=0, max=1, value=0, description="评分", layout=W.Layout(visibility="hidden"))
        self.rejected = W.HTML()
        self.late = W.HTML()
        return W.VBox([W.HTML("<p>一次可选多个 .json 提交文件，或一个装有它们的 .zip。只读取 JSON，"
                              "绝不执行其中任何内容；被拒收的文件逐一列出原因，不写入成绩册。</p>"),
                       self.upload, self.progress, self.status, self.rejected, self.late])

    def _uploaded(self, uploads: list[dict]) -> None:
        db = self.book.require()
        files, refused = unpack(uploads)
        self.progress.max, self.progress.value = max(1, len(files)), 0
        self.progress.layout.visibility = "visible"

        def step(done: int, total: int) -> None:
            self.progress.value = done

        started = time.perf_counter()
        results = steps().grade_uploads(db, [(f.name, f.data) for f in files], on_progress=step)
        seconds = time.perf_counter() - started
        accepted = [r for r in results if r.accepted]
        bad = [(f.name, f.reason) for f in refused] + [(r.name, r.reason) for r in results if not r.accepted]
        text = f"已评分 {len(accepted)} 份，拒收 {len(bad)} 份（用时 {seconds:.1f} 秒）"
        self.status.value = ok(text) if not bad else err(text)
        import pandas as pd

        self.rejected.value = ("<p><b>拒收的文件</b>（均未写入成绩册）：</p>"
                               + table_html(pd.DataFrame(bad, columns=["文件", "原因"]))) if bad else ""
        late = steps().late(db)
        late = late[late["迟交"] != ""]
        self.late.value = (f"<p><b>迟交 {len(late)} 份</b>（按截止时间；扣分规则在“布置”中设定，默认不扣）：</p>"
                           + table_html(late)) if not late.empty else ""
        self.book.changed("submissions")
