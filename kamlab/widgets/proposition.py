"""Widget for 大客户四象限价值主张, with Markdown and Excel export."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as W

from .. import proposition as model
from ..charts import draw_proposition
from ..errors import InputError
from ..learner.export import export_file
from ._base import Calculator, error_html, export_failed_html
from .table import EditableTable


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


class PropositionWidget(Calculator):
    """Four quadrants edited side by side; card redrawn; export buttons."""

    state_names = ("account", "q1", "q2", "q3", "q4")

    def __init__(self, account: str = "", quantified=(), psychological=(), commitments=(), tracking=()) -> None:
        self.account = W.Text(value=account, description="客户名称", continuous_update=False)
        self.q1 = EditableTable(["指标", "现状", "目标", "单位", "年价值"], list(quantified),
                                widths=["12em", "5em", "5em", "6em", "8em"])
        area = W.Layout(width="100%", height="6em")
        self.q2 = W.Textarea("\n".join(psychological), placeholder="每行一条措施", layout=area, continuous_update=False)
        self.q3 = W.Textarea("\n".join(commitments), placeholder="每行一条承诺", layout=area, continuous_update=False)
        self.q4 = EditableTable(["指标", "频率", "负责人"], list(tracking))
        self.export_md = W.Button(description="导出 Markdown", icon="file-text")
        self.export_xlsx = W.Button(description="导出 Excel", icon="table")
        self.export_msg = W.HTML()
        self.export_md.on_click(lambda _: self._export("md"))
        self.export_xlsx.on_click(lambda _: self._export("xlsx"))
        t = model.QUADRANT_TITLES
        controls = [self.account,
                    W.HTML(f"<b>{t[1]}</b>（年价值单位：元）"), self.q1,
                    W.HTML(f"<b>{t[2]}</b>"), self.q2, W.HTML(f"<b>{t[3]}</b>"), self.q3,
                    W.HTML(f"<b>{t[4]}</b>"), self.q4,
                    W.HBox([self.export_md, self.export_xlsx]), self.export_msg]
        super().__init__(controls, self._compute, draw_proposition,
                         lambda p: f"<p>量化年价值合计：<b>{p.total_annual_value:,.0f} 元</b></p>",
                         watch=[self.account, self.q1, self.q2, self.q3, self.q4])

    def _compute(self):
        return model.build_proposition(self.account.value, self.q1.value, _lines(self.q2.value),
                                       _lines(self.q3.value), self.q4.value)

    def _export(self, kind: str) -> Path | None:
        try:
            prop = self._compute()
        except InputError as error:
            self.export_msg.value = error_html(error)
            return None
        stem = f"价值主张-{prop.account}"
        try:
            path = export_file(stem, kind, prop.to_markdown, prop.to_excel)
        except OSError as error:
            self.export_msg.value = export_failed_html(error, stem, prop.to_markdown())
            return None
        self.export_msg.value = f"已导出：<code>{html.escape(str(path))}</code>"
        return path

    def export(self, kind: str) -> Path | None:
        """Export the card to ``<answers folder>/价值主张-<account>.md`` or ``.xlsx``
        (the export buttons); returns the path, or None with the reason shown."""
        return self._export(kind)


def proposition_widget(account: str = "", quantified=(), psychological=(), commitments=(), tracking=()) -> PropositionWidget:
    """The four-quadrant value proposition editor, ready to display."""
    return PropositionWidget(account, quantified, psychological, commitments, tracking)
