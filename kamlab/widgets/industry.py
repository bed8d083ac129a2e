"""Widget for industry prioritisation (重点/潜力/观察行业)."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.industry import draw_industries
from ..industry import DEFAULT_INDUSTRY_WEIGHTS, prioritise_industries
from ..weighted import Criteria
from ._base import Calculator
from .table import EditableTable


class IndustryWidget(Calculator):
    """Edit factor weights, industry scores and the two cut-offs."""

    state_names = ("weights", "scores", "focus", "potential")

    def __init__(self, scores: pd.DataFrame, weights: dict[str, object] | None = None) -> None:
        weights = weights or DEFAULT_INDUSTRY_WEIGHTS
        self.weights = EditableTable(list(weights), [{k: str(v) for k, v in weights.items()}], fixed_rows=True)
        self.scores = EditableTable(["行业", *weights], scores.astype(str).to_dict("records"))
        self.focus = W.Text(value="7", description="重点行业 ≥", continuous_update=False, layout=W.Layout(width="14em"))
        self.potential = W.Text(value="5.5", description="潜力行业 ≥", continuous_update=False,
                                layout=W.Layout(width="14em"))
        controls = [W.HTML("<b>七个因素的权重（本书示例，合计 100）</b>"), self.weights,
                    W.HTML("<b>各行业评分（0–10，10 = 对我方最有利）</b>"), self.scores,
                    W.HBox([self.focus, self.potential])]
        super().__init__(controls, self._compute, draw_industries, self._describe,
                         watch=[self.weights, self.scores, self.focus, self.potential])

    def _compute(self):
        criteria = Criteria.from_mapping(self.weights.value[0], "行业因素权重")
        return prioritise_industries(criteria, self.scores.frame(), self.focus.value, self.potential.value)

    @staticmethod
    def _describe(result) -> str:
        parts = [f"{c}：{'、'.join(result.table.loc[result.table['优先级'] == c, '行业'].astype(str)) or '无'}"
                 for c in ("重点行业", "潜力行业", "观察行业")]
        return "<p>" + "；".join(parts) + "</p>"


def industry_widget(scores: pd.DataFrame, weights: dict[str, object] | None = None) -> IndustryWidget:
    """The industry-prioritisation calculator, ready to display."""
    return IndustryWidget(scores, weights)
