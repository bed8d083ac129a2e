"""Widgets for the customer pyramid and the (book's own) customer-value scorecard."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.pyramid import draw_pyramid, draw_value_scorecard
from ..pyramid import (
    DEFAULT_BANDS,
    DEFAULT_VALUE_SCORECARD,
    TIERS,
    customer_pyramid,
    value_scorecard,
)
from ._base import Calculator
from .table import customer_table, folded
from .weighted import WeightedSheet


class PyramidWidget(Calculator):
    """Tier a customer table by profit or sales with editable band percentages."""

    state_names = ("by", "b0", "b1", "b2", "b3", "customers")

    def __init__(self, customers: pd.DataFrame, measures: tuple[str, ...] = ("利润", "销售额")) -> None:
        # the customers as an editable, importable table (only the columns the pyramid uses)
        self.customers = customer_table(customers, measures)
        self.measures = measures
        self.by = W.ToggleButtons(options=list(measures), description="分层依据", style={"button_width": "auto"})
        self.bands = [W.Text(value=str(b), description=t, continuous_update=False,
                             layout=W.Layout(width="11em"), style={"description_width": "4.5em"})
                      for t, b in zip(TIERS, DEFAULT_BANDS, strict=True)]
        controls = [self.by, W.HTML("<b>各层客户数占比（%，合计 100）</b>"), W.HBox(self.bands),
                    folded(self.customers, "客户数据（可改、可导入自己的客户名单）")]
        super().__init__(controls, self._compute, self._draw, self._describe,
                         watch=[self.by, *self.bands, self.customers])

    def _compute(self):
        return customer_pyramid(self.customers.frame(), self.by.value, [b.value for b in self.bands],
                                measures=list(self.measures))

    @staticmethod
    def _draw(result):
        return draw_pyramid(result, "利润")

    @staticmethod
    def _describe(result) -> str:
        return result._repr_html_()


class ValueScorecardWidget(Calculator):
    """Edit the scorecard's criteria and each customer's 0–10 scores; see 价值分."""

    state_names = ("criteria", "scores")

    def __init__(self, scores: pd.DataFrame, criteria: dict[str, object] | None = None) -> None:
        self.sheet = WeightedSheet(criteria or DEFAULT_VALUE_SCORECARD, scores, lead=["客户"],
                                   label="计分卡权重", criteria_widths=("12em", "6em"))
        self.criteria, self.scores = self.sheet.criteria, self.sheet.items
        controls = [W.HTML("<b>计分卡标准与权重（本书自拟，权重合计 100）</b>"), self.criteria,
                    W.HTML("<b>客户评分（0–10 分）</b>"), self.scores]
        super().__init__(controls, self._compute, self._draw, self._describe,
                         watch=[self.criteria, self.scores])

    def _compute(self):
        return value_scorecard(self.sheet.weights(), self.sheet.frame())

    @staticmethod
    def _draw(result):
        return draw_value_scorecard(result)

    @staticmethod
    def _describe(result) -> str:
        return result._repr_html_()


def pyramid_widget(customers: pd.DataFrame) -> PyramidWidget:
    """The customer-pyramid calculator, ready to display."""
    return PyramidWidget(customers)


def value_scorecard_widget(scores: pd.DataFrame, criteria: dict[str, object] | None = None) -> ValueScorecardWidget:
    """The customer-value scorecard calculator, ready to display."""
    return ValueScorecardWidget(scores, criteria)
