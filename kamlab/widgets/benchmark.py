"""Widgets for 标杆法 (radar) and the internal diagnosis table."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import benchmark as bench
from .. import internal_diagnosis as diag
from ..charts.benchmark import draw_benchmark, draw_diagnosis
from ._base import Calculator
from .table import EditableTable

_STYLE = {"description_width": "9em"}


class BenchmarkWidget(Calculator):
    """Edit factors and both firms' scores; the radar marks long and short boards."""

    def __init__(self, table: pd.DataFrame, leader_col: str = "行业龙头") -> None:
        self.leader_col = leader_col
        self.table = EditableTable(["要素", "我方", leader_col], table.astype(str).to_dict("records"))
        self.gap = W.FloatSlider(value=2, min=0.5, max=5, step=0.5, description="短板标准（落后分数）", style=_STYLE)
        controls = [W.HTML("<b>经营要素评分（0–10）</b>"), self.table, self.gap]
        super().__init__(controls, self._compute, draw_benchmark, lambda r: r._repr_html_(),
                         watch=[self.table, self.gap])

    def _compute(self):
        return bench.compare_benchmark(self.table.frame(), self.leader_col, self.gap.value)


class DiagnosisWidget(Calculator):
    """Edit key accounts and company totals; see shares, margins and flags."""

    def __init__(self, accounts: pd.DataFrame, company_sales: float, company_profit: float) -> None:
        self.table = EditableTable(list(diag.COLUMNS), accounts.astype(str).to_dict("records"))
        self.sales = W.FloatText(value=company_sales, description="公司销售额（万元）", style=_STYLE)
        self.profit = W.FloatText(value=company_profit, description="公司净利润（万元）", style=_STYLE)
        controls = [W.HBox([self.sales, self.profit]),
                    W.HTML("<b>大客户（金额单位：万元；品牌标杆价值 0–10；供应商排名 1 = 第一供应商）</b>"),
                    self.table]
        super().__init__(controls, self._compute, draw_diagnosis, lambda r: r._repr_html_(),
                         watch=[self.table, self.sales, self.profit])

    def _compute(self):
        return diag.diagnose_accounts(self.table.frame(), self.sales.value, self.profit.value)


def benchmark_widget(table: pd.DataFrame, leader_col: str = "行业龙头") -> BenchmarkWidget:
    """The benchmark radar calculator, ready to display."""
    return BenchmarkWidget(table, leader_col)


def diagnosis_widget(accounts: pd.DataFrame, company_sales: float, company_profit: float) -> DiagnosisWidget:
    """The internal diagnosis calculator, ready to display."""
    return DiagnosisWidget(accounts, company_sales, company_profit)
