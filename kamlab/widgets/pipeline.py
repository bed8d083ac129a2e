"""Widget for the 8-stage pipeline and its weighted forecast."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import pipeline as model
from ..charts.pipeline import draw_funnel
from ._base import Calculator
from .table import EditableTable


def _describe(result) -> str:
    return result._repr_html_()


class PipelineWidget(Calculator):
    """Edit opportunities (阶段 must be one of the eight) and the stage probabilities."""

    state_names = ("opportunities", "probabilities")

    def __init__(self, opportunities: pd.DataFrame, probabilities: dict[str, object] | None = None) -> None:
        probs = probabilities or model.DEFAULT_PROBABILITIES
        self.opportunities = EditableTable(list(model.COLUMNS), opportunities.astype(str).to_dict("records"),
                                           widths=["14em", "9em", "7em", "6em"])
        self.probabilities = EditableTable(["阶段", "概率（%）"], [(s, str(probs[s])) for s in model.STAGES],
                                           widths=["8em", "6em"], fixed_rows=True)
        controls = [W.HTML(f"<b>在手机会（金额：万元；阶段填：{'、'.join(model.STAGES)}）</b>"), self.opportunities,
                    W.HTML("<b>各阶段成交概率（本书示例值，请换成贵公司的历史赢单率）</b>"), self.probabilities]
        super().__init__(controls, self._compute, draw_funnel, _describe,
                         watch=[self.opportunities, self.probabilities])

    def _compute(self):
        probs = {r["阶段"].strip(): r["概率（%）"] for r in self.probabilities.value}
        return model.forecast(self.opportunities.frame(), probs)


def pipeline_widget(opportunities: pd.DataFrame, probabilities: dict[str, object] | None = None) -> PipelineWidget:
    """The pipeline calculator with funnel chart, ready to display."""
    return PipelineWidget(opportunities, probabilities)
