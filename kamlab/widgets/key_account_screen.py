"""Widgets for the three meanings of 大: the projection and the candidate screen."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import key_account_screen as model
from ..charts.key_account_screen import draw_projection
from ._base import Calculator
from .number_box import NumberBox
from .table import EditableTable

_STYLE = {"description_width": "11em"}
_WIDE = W.Layout(width="34em")


class ProjectionWidget(Calculator):
    """Sliders for the first order, growth, its acceleration and the steady account."""

    def __init__(self, first: float = 50, growth: float = 20, acceleration: float = 10,
                 steady: float = 120, years: int = 6) -> None:
        self.first = NumberBox(value=first, description="首年采购额（万元）", style=_STYLE, layout=_WIDE)
        self.growth = W.FloatSlider(value=growth, min=0, max=100, step=5, description="首年增长率 %",
                                    style=_STYLE, layout=_WIDE)
        self.accel = W.FloatSlider(value=acceleration, min=0, max=30, step=1, description="增速每年加快（百分点）",
                                   style=_STYLE, layout=_WIDE)
        self.steady = NumberBox(value=steady, description="稳定大客户年采购额", style=_STYLE, layout=_WIDE)
        self.years = W.IntSlider(value=years, min=2, max=12, description="预测年数", style=_STYLE, layout=_WIDE)
        controls = [self.first, self.growth, self.accel, self.steady, self.years]
        super().__init__(controls, self._compute, draw_projection, lambda r: r._repr_html_())

    def _compute(self):
        return model.project_purchases(self.first.value, self.growth.value, self.accel.value,
                                       self.steady.value, self.years.value)


class ScreenWidget(Calculator):
    """Edit candidate accounts and the three lines; see which meaning of 大 each meets."""

    def __init__(self, candidates: pd.DataFrame) -> None:
        self.table = EditableTable(["客户", "首单金额", "首年增长率", "增速每年加快", "行业影响力"],
                                   candidates.astype(str).to_dict("records"))
        self.line = NumberBox(value=200, description="大单标准（万元）", style=_STYLE, layout=_WIDE)
        self.horizon = W.IntSlider(value=5, min=2, max=10, description="看第几年的采购额", style=_STYLE, layout=_WIDE)
        self.cut = W.FloatSlider(value=7, min=0, max=10, step=0.5, description="影响力标准（0–10）",
                                 style=_STYLE, layout=_WIDE)
        controls = [W.HTML("<b>候选客户（金额单位：万元；增长率单位：%）</b>"), self.table,
                    self.line, self.horizon, self.cut]
        super().__init__(controls, self._compute, None, lambda r: r._repr_html_(),
                         watch=[self.table, self.line, self.horizon, self.cut])

    def _compute(self):
        return model.screen_accounts(self.table.frame(), self.line.value, self.horizon.value, self.cut.value)


def projection_widget(**kwargs: float) -> ProjectionWidget:
    """The accelerating-purchase projection, ready to display."""
    return ProjectionWidget(**kwargs)


def screen_widget(candidates: pd.DataFrame) -> ScreenWidget:
    """The "is this a key account?" screen, ready to display."""
    return ScreenWidget(candidates)
