"""Widget for the four-dimension scorecard (四维评估法)."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import scorecard as model
from ..charts.scorecard import draw_scorecard
from ._base import Calculator
from .table import EditableTable


class ScorecardWidget(Calculator):
    """Edit quarterly 定量/定性 scores, the weights and the quantitative share."""

    def __init__(self, scores: pd.DataFrame, weights: dict[str, object] | None = None) -> None:
        weights = weights or model.DEFAULT_WEIGHTS
        self.weights = EditableTable(["维度", "权重"], [{"维度": k, "权重": str(v)} for k, v in weights.items()],
                                     widths=["10em", "5em"], fixed_rows=True)
        self.scores = EditableTable(list(model.INPUT_COLUMNS), scores.astype(str).to_dict("records"))
        self.share = W.IntSlider(value=50, min=0, max=100, step=10, description="定量占比 %")
        controls = [W.HTML("<b>维度权重（合计 100）</b>"), self.weights,
                    W.HTML("<b>每季评分（0–10；一行一个季度，按时间顺序）</b>"), self.scores, self.share]
        super().__init__(controls, self._compute, draw_scorecard, lambda r: r._repr_html_(),
                         watch=[self.weights, self.scores, self.share])

    def _compute(self):
        weights = {r["维度"].strip(): r["权重"] for r in self.weights.value}
        return model.score_quarters(self.scores.frame(), weights, self.share.value)


def scorecard_widget(scores: pd.DataFrame, weights: dict[str, object] | None = None) -> ScorecardWidget:
    """The four-dimension scorecard calculator, ready to display."""
    return ScorecardWidget(scores, weights)
