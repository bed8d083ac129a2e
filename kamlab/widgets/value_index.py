"""Widget for the weighted value index vs price."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.value_index import draw_value_index
from ..value_index import DEFAULT_VALUE_CRITERIA, value_for_money
from ._base import Calculator
from .weighted import WeightedSheet


class ValueIndexWidget(Calculator):
    """Edit value criteria, weights, offers' prices and scores; compare value-for-money."""

    state_names = ("criteria", "offers")

    def __init__(self, offers: pd.DataFrame, criteria: dict[str, object] | None = None) -> None:
        self.sheet = WeightedSheet(criteria or DEFAULT_VALUE_CRITERIA, offers, lead=["方案", "价格"],
                                   label="价值权重", criteria_widths=("10em", "6em"))
        self.criteria, self.offers = self.sheet.criteria, self.sheet.items
        controls = [W.HTML("<b>价值标准与权重（合计 100）</b>"), self.criteria,
                    W.HTML("<b>各方案的价格（万元）与评分（0–10）</b>"), self.offers]
        super().__init__(controls, self._compute, draw_value_index, lambda r: r._repr_html_(),
                         watch=[self.criteria, self.offers])

    def _compute(self):
        return value_for_money(self.sheet.weights(), self.sheet.frame())


def value_index_widget(offers: pd.DataFrame, criteria: dict[str, object] | None = None) -> ValueIndexWidget:
    """The value-vs-price calculator, ready to display."""
    return ValueIndexWidget(offers, criteria)
