"""Widgets for 大客户吸引力计算表, business strength and the selection matrix."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import attractiveness as model
from ..charts.matrix import PortfolioChart
from ..weighted import Criteria
from ._base import Calculator
from .table import EditableTable

_FIXED = ["客户", "销售额"]
_AXES = ["相对实力", "易损性"]


def _criteria_rows(weights: dict[str, object]) -> list[dict[str, str]]:
    return [{"标准": k, "权重": str(v)} for k, v in weights.items()]


class SelectionWidget(Calculator):
    """Edit criteria and account scores; see attractiveness and the 2×2 matrix.

    The criteria table can be renamed, extended and shortened; the account
    table's score columns follow it. The view switches between the selection
    matrix (吸引力 × 相对实力) and the vulnerability view (吸引力 × 易损性).
    """

    state_names = ("criteria", "accounts", "view", "y_cut", "x_cut")

    def __init__(self, accounts: pd.DataFrame, criteria: dict[str, object] | None = None) -> None:
        criteria = criteria or model.DEFAULT_ATTRACTIVENESS
        self.criteria = EditableTable(["标准", "权重"], _criteria_rows(criteria), widths=["14em", "6em"])
        cols = _FIXED + list(criteria) + _AXES
        self.accounts = EditableTable(cols, accounts.astype(str).to_dict("records"))
        self.view = W.ToggleButtons(options=["选择矩阵（吸引力 × 相对实力）", "第二视角（吸引力 × 易损性）"])
        self.y_cut = W.FloatSlider(value=5.0, min=0, max=10, step=0.5, description="吸引力分界")
        self.x_cut = W.FloatSlider(value=1.0, min=0.2, max=3, step=0.1, description="横轴分界")
        self.criteria.on_change(self._sync_columns)
        controls = [W.HTML("<b>吸引力标准与权重（权重合计 100）</b>"), self.criteria,
                    W.HTML("<b>客户评分（0–10 分；销售额单位：万元）</b>"), self.accounts,
                    self.view, W.HBox([self.y_cut, self.x_cut])]
        self._chart = PortfolioChart()  # redrawn in place on every change
        super().__init__(controls, self._compute, self._draw, self._describe,
                         watch=[self.criteria, self.accounts, self.view, self.y_cut, self.x_cut])

    def _sync_columns(self) -> None:
        names = [r["标准"].strip() for r in self.criteria.value]
        wanted = _FIXED + names + _AXES
        if wanted != self.accounts.columns:
            self.accounts.set_columns(wanted)

    def _scheme(self):
        if self.view.index == 0:
            return "相对实力", model.SELECTION_SCHEME.with_cuts(self.x_cut.value, self.y_cut.value)
        return "易损性", model.VULNERABILITY_SCHEME.with_cuts(self.x_cut.value * 5, self.y_cut.value)

    def _compute(self):
        criteria = Criteria.from_mapping({r["标准"]: r["权重"] for r in self.criteria.value}, "吸引力权重")
        table = self.accounts.frame()
        scored = model.score_attractiveness(criteria, table).table
        axis, scheme = self._scheme()
        if axis == "相对实力":
            return model.selection_matrix(scored, scheme)
        return model.vulnerability_matrix(scored, scheme)

    def _draw(self, result):
        return self._chart.update(result).figure

    @staticmethod
    def _describe(result) -> str:
        cols = ["客户", "销售额", "吸引力", result.x, "象限", "策略"]
        return result.table[cols].to_html(index=False, float_format=lambda v: f"{v:.2f}")


class StrengthWidget(Calculator):
    """One account's buying criteria: our rating vs the strongest competitor."""

    state_names = ("table",)

    def __init__(self, table: pd.DataFrame | None = None) -> None:
        if table is None:
            table = pd.DataFrame({"标准": list(model.DEFAULT_BUYING_CRITERIA),
                                  "权重": list(model.DEFAULT_BUYING_CRITERIA.values()),
                                  "我方": [7] * 5, "最强对手": [7] * 5})
        self.table = EditableTable(["标准", "权重", "我方", "最强对手"], table.astype(str).to_dict("records"))
        super().__init__([W.HTML("<b>客户的采购标准（权重合计 100，评分 0–10）</b>"), self.table],
                         lambda: model.business_strength(self.table.frame()), None,
                         lambda r: r._repr_html_(), watch=[self.table])


def selection_widget(accounts: pd.DataFrame, criteria: dict[str, object] | None = None) -> SelectionWidget:
    """The attractiveness + selection-matrix calculator, ready to display."""
    return SelectionWidget(accounts, criteria)


def strength_widget(table: pd.DataFrame | None = None) -> StrengthWidget:
    """The relative business-strength calculator, ready to display."""
    return StrengthWidget(table)
