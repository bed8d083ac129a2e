"""Widget for Kraljic's purchasing portfolio, read from the supplier's side."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import kraljic as model
from ..charts.kraljic import draw_kraljic
from ._base import Calculator
from .table import EditableTable


def _describe(result) -> str:
    cols = ["品类", "利润影响", "供应风险", "采购额", "象限", "供应商视角"]
    return result.table[cols].to_html(index=False, float_format=lambda v: f"{v:g}")


class KraljicWidget(Calculator):
    """Edit the account's purchased categories and the two cut-lines."""

    state_names = ("items", "y_cut", "x_cut")

    def __init__(self, items: pd.DataFrame) -> None:
        self.items = EditableTable(["品类", "利润影响", "供应风险", "采购额"], items.astype(str).to_dict("records"),
                                   widths=["12em", "6em", "6em", "7em"])
        self.y_cut = W.FloatSlider(value=5.0, min=0, max=10, step=0.5, description="利润影响分界")
        self.x_cut = W.FloatSlider(value=5.0, min=0, max=10, step=0.5, description="供应风险分界")
        controls = [W.HTML("<b>客户采购的品类（利润影响、供应风险 0–10；采购额：万元/年）</b>"), self.items,
                    W.HBox([self.y_cut, self.x_cut])]
        super().__init__(controls, self._compute, draw_kraljic, _describe, watch=[self.items, self.y_cut, self.x_cut])

    def _compute(self):
        scheme = model.KRALJIC_SCHEME.with_cuts(self.x_cut.value, self.y_cut.value)
        return model.classify_purchases(self.items.frame(), scheme)


def kraljic_widget(items: pd.DataFrame) -> KraljicWidget:
    """The Kraljic classifier with its matrix chart, ready to display."""
    return KraljicWidget(items)
