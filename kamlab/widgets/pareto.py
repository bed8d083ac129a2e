"""Widget for the 80/20 analysis of a customer table."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.pareto import draw_pareto
from ..pareto import pareto_analysis
from ._base import Calculator
from .table import customer_table, folded


class ParetoWidget(Calculator):
    """Choose the value (利润/销售额) and the top x %; see the cumulative curve."""

    state_names = ("value", "top", "customers")

    def __init__(self, customers: pd.DataFrame, values: tuple[str, ...] = ("利润", "销售额")) -> None:
        self.value = W.ToggleButtons(options=list(values), description="按", style={"button_width": "auto"})
        self.top = W.FloatSlider(value=20, min=1, max=100, step=1, description="前 x% 客户")
        # the customers as an editable, importable table (only the columns the analysis uses)
        self.customers = customer_table(customers, values)
        super().__init__([W.HBox([self.value, self.top]), folded(self.customers, "客户数据（可改、可导入自己的客户名单）")],
                         self._compute, self._draw, self._describe, watch=[self.value, self.top, self.customers])

    def _compute(self):
        return pareto_analysis(self.customers.frame(), self.value.value)

    def _draw(self, result):
        return draw_pareto(result, self.top.value)

    def _describe(self, result) -> str:
        top = self.top.value
        k, actual, share = result.top_customers(top)
        need = result.count_for_share(80)
        text = (f"<p>前 {k} 家（{actual:.3g}%）客户贡献了 <b>{share:.1f}%</b> 的{result.value}；"
                f"要达到 80% 的{result.value}，需要前 {need} 家（{100 * need / result.n:.3g}%）客户。")
        if result.negatives:
            text += f"有 {result.negatives} 位客户{result.value}为负，累计曲线最高到 {result.peak:.1f}%。"
        return text + "</p>"


def pareto_widget(customers: pd.DataFrame) -> ParetoWidget:
    """The 80/20 calculator over a customer table, ready to display."""
    return ParetoWidget(customers)
