"""Widgets for 大客户吸引力计算表, business strength and the selection matrix."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import selection as model
from ..charts.selection import SelectionChart
from ._base import Calculator, table_html
from .table import EditableTable
from .weighted import WeightedSheet

_FIXED = [model.ACCOUNT, model.SALES]
_AXES = [model.STRENGTH, model.VULNERABILITY]
_VIEWS = ["选择矩阵（吸引力 × 相对实力）", "第二视角（吸引力 × 易损性）"]


class SelectionWidget(Calculator):
    """Edit criteria and account scores; see attractiveness and the 2×2 matrix.

    The criteria table can be renamed, extended and shortened; the account
    table's score columns follow it (a rename keeps the column's scores). The
    view switches between the selection matrix (吸引力 × 相对实力) and the
    vulnerability view (吸引力 × 易损性); each view has its own horizontal
    cut-line slider, on its own scale.
    """

    state_names = ("criteria", "accounts", "view", "y_cut", "x_cut", "vulnerability_cut")

    def __init__(self, accounts: pd.DataFrame, criteria: dict[str, object] | None = None) -> None:
        self.sheet = WeightedSheet(criteria or model.DEFAULT_ATTRACTIVENESS, accounts, lead=_FIXED,
                                   trail=_AXES, label="吸引力权重")
        self.criteria, self.accounts = self.sheet.criteria, self.sheet.items
        self.view = W.ToggleButtons(options=_VIEWS, style={"button_width": "auto"})
        strength, vulnerability = model.SELECTION_SCHEME, model.VULNERABILITY_SCHEME
        self.y_cut = W.FloatSlider(value=strength.y_cut, min=0, max=10, step=0.5, description="吸引力分界")
        self.x_cut = W.FloatSlider(value=strength.x_cut, min=0.2, max=3, step=0.1, description="实力分界")
        self.vulnerability_cut = W.FloatSlider(value=vulnerability.x_cut, min=0, max=10, step=0.5,
                                               description="易损性分界", layout=W.Layout(display="none"))
        self.view.observe(self._show_cut, names="value")
        controls = [W.HTML("<b>吸引力标准与权重（权重合计 100）</b>"), self.criteria,
                    W.HTML("<b>客户评分（0–10 分；销售额单位：万元）</b>"), self.accounts,
                    self.view, W.HBox([self.y_cut, self.x_cut, self.vulnerability_cut])]
        self._chart = SelectionChart()  # redrawn in place on every change
        super().__init__(controls, self._compute, self._draw, self._describe,
                         watch=[self.criteria, self.accounts, self.view, self.y_cut, self.x_cut,
                                self.vulnerability_cut])

    def _show_cut(self, _change: object = None) -> None:
        strength_view = self.view.index == 0
        self.x_cut.layout.display = None if strength_view else "none"
        self.vulnerability_cut.layout.display = "none" if strength_view else None

    def _compute(self):
        scored = model.score_attractiveness(self.sheet.weights(), self.sheet.frame())
        if self.view.index == 0:
            return model.selection_matrix(scored, model.SELECTION_SCHEME.with_cuts(self.x_cut.value, self.y_cut.value))
        scheme = model.VULNERABILITY_SCHEME.with_cuts(self.vulnerability_cut.value, self.y_cut.value)
        return model.vulnerability_matrix(scored, scheme)

    def _draw(self, result):
        return self._chart.update(result).figure

    @staticmethod
    def _describe(result) -> str:
        return table_html(result.table[[model.ACCOUNT, model.SALES, model.ATTRACTIVENESS, result.x,
                                        model.QUADRANT, model.STRATEGY]])


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
