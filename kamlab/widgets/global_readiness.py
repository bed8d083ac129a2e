"""Widget for the global-KA readiness score."""

from __future__ import annotations

import ipywidgets as W

from .._checks import name_text
from ..charts.global_readiness import draw_readiness
from ..global_readiness import DEFAULT_WEIGHTS, DRIVERS, EXTERNAL, assess_global_readiness
from ._base import Calculator
from .table import EditableTable


class ReadinessWidget(Calculator):
    """Weights (sum 100) and 0–10 scores for the four external and four internal drivers."""

    def __init__(self, scores: dict[str, object] | None = None, weights: dict[str, object] | None = None) -> None:
        scores = scores or {d: 5 for d in DRIVERS}
        weights = weights or DEFAULT_WEIGHTS
        rows = [(d, "外部" if d in EXTERNAL else "内部", str(weights[d]), str(scores[d])) for d in DRIVERS]
        self.table = EditableTable(["驱动因素", "类别", "权重", "评分"], rows,
                                   widths=["16em", "4em", "5em", "5em"], fixed_rows=True)
        super().__init__([W.HTML("<b>全球大客户管理的驱动因素（权重合计 100，评分 0–10）</b>"), self.table],
                         self._compute, draw_readiness, lambda r: r._repr_html_(), watch=[self.table])

    def _compute(self):
        rows = self.table.rows()  # 驱动因素, 类别, 权重, 评分: pairs keep a repeated name to report it
        return assess_global_readiness({name_text(r[0]): r[3] for r in rows}, [(r[0], r[2]) for r in rows])


def readiness_widget(scores: dict[str, object] | None = None, weights: dict[str, object] | None = None) -> ReadinessWidget:
    """The global-KA readiness calculator, ready to display."""
    return ReadinessWidget(scores, weights)
