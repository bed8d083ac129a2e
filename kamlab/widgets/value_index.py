"""Widget for the weighted value index vs price."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.value_index import draw_value_index
from ..value_index import DEFAULT_VALUE_CRITERIA, value_for_money
from ..weighted import Criteria
from ._base import Calculator
from .table import EditableTable


class ValueIndexWidget(Calculator):
    """Edit value criteria, weights, offers' prices and scores; compare value-for-money."""

    state_names = ("criteria", "offers")

    def __init__(self, offers: pd.DataFrame, criteria: dict[str, object] | None = None) -> None:
        criteria = criteria or DEFAULT_VALUE_CRITERIA
        self.criteria = EditableTable(["标准", "权重"], [{"标准": k, "权重": str(v)} for k, v in criteria.items()],
                                      widths=["10em", "6em"])
        self.offers = EditableTable(["方案", "价格", *criteria], offers.astype(str).to_dict("records"))
        self.criteria.on_change(self._sync)
        controls = [W.HTML("<b>价值标准与权重（合计 100）</b>"), self.criteria,
                    W.HTML("<b>各方案的价格（万元）与评分（0–10）</b>"), self.offers]
        super().__init__(controls, self._compute, draw_value_index, lambda r: r._repr_html_(),
                         watch=[self.criteria, self.offers])

    def _sync(self) -> None:
        wanted = ["方案", "价格", *[r["标准"].strip() for r in self.criteria.value]]
        if wanted != self.offers.columns:
            self.offers.set_columns(wanted)

    def _compute(self):
        criteria = Criteria.from_mapping({r["标准"]: r["权重"] for r in self.criteria.value}, "价值权重")
        return value_for_money(criteria, self.offers.frame())


def value_index_widget(offers: pd.DataFrame, criteria: dict[str, object] | None = None) -> ValueIndexWidget:
    """The value-vs-price calculator, ready to display."""
    return ValueIndexWidget(offers, criteria)
