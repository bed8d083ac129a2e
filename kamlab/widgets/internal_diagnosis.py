"""Widget for the internal diagnosis of key accounts (大客户内部诊断)."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import internal_diagnosis as diag
from ..charts.internal_diagnosis import draw_diagnosis
from ._base import Calculator
from .number_box import NumberBox
from .table import EditableTable

_STYLE = {"description_width": "9em"}


class DiagnosisWidget(Calculator):
    """Edit key accounts and company totals; see shares, margins and flags."""

    def __init__(self, accounts: pd.DataFrame, company_sales: float, company_profit: float) -> None:
        self.table = EditableTable(list(diag.COLUMNS), accounts.astype(str).to_dict("records"))
        self.sales = NumberBox(value=company_sales, description="公司销售额（万元）", style=_STYLE)
        self.profit = NumberBox(value=company_profit, description="公司净利润（万元）", style=_STYLE)
        controls = [W.HBox([self.sales, self.profit]),
                    W.HTML("<b>大客户（金额单位：万元；品牌标杆价值 0–10；供应商排名 1 = 第一供应商）</b>"),
                    self.table]
        super().__init__(controls, self._compute, draw_diagnosis, lambda r: r._repr_html_(),
                         watch=[self.table, self.sales, self.profit])

    def _compute(self):
        return diag.diagnose_accounts(self.table.frame(), self.sales.value, self.profit.value)


def diagnosis_widget(accounts: pd.DataFrame, company_sales: float, company_profit: float) -> DiagnosisWidget:
    """The internal diagnosis calculator, ready to display."""
    return DiagnosisWidget(accounts, company_sales, company_profit)
