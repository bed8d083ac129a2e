"""报告: the class report in the page (charts inlined), Excel and HTML to download."""

from __future__ import annotations

import base64
import html
from pathlib import Path

import ipywidgets as W

from ..zips import download_link, zip_folder
from .base import Section, ok, steps

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportSection(Section):
    title = "报告"

    def build(self) -> W.Widget:
        self.button = W.Button(description="生成班级报告", button_style="primary")
        self.links = W.HTML()
        self.body = W.VBox()
        self.button.on_click(self.guard(lambda _: self.make()))
        return W.VBox([W.HTML("<p>班级概览：学员 × 练习得分表、各题统计与图表；可下载 Excel 与 HTML 版。</p>"),
                       self.button, self.status, self.links, self.body])

    def make(self) -> None:
        html_path, xlsx = steps().report(self.book.require())
        out = html_path.parent
        self.status.value = ok(f"已生成班级报告 → {out}")
        self.links.value = (download_link(xlsx.read_bytes(), "班级报告.xlsx", "下载 Excel", XLSX)
                            + " " + download_link(zip_folder(out, "report"), "班级报告.zip", "下载 HTML（含图表）"))
        self.body.children = [W.HTML(framed(html_path))]


def framed(html_path: Path) -> str:
    """The stage's own report page in a sandboxed frame, its chart images inlined."""
    text = html_path.read_text(encoding="utf-8")
    for png in html_path.parent.glob("*.png"):
        uri = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")
        for quote in ("'", '"'):
            text = text.replace(f"src={quote}{html.escape(png.name)}{quote}", f"src={quote}{uri}{quote}")
    return (f"<iframe class='kamlab-report' sandbox='' srcdoc=\"{html.escape(text, quote=True)}\" "
            "style='width:100%;height:900px;border:1px solid #ccc'></iframe>")
