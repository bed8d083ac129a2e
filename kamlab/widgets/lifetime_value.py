"""Widget for customer lifetime value."""

from __future__ import annotations

import html

import ipywidgets as W

from ..charts.lifetime_value import draw_lifetime_value
from ..lifetime_value import TIMINGS, customer_lifetime_value
from ._base import Calculator

_STYLE = {"description_width": "9em"}


def _describe(result) -> str:
    label, formula = TIMINGS[result.timing]
    horizon = "无限期，公式 " + formula if result.years is None else f"前 {result.years} 年逐年折现求和"
    return (f"<p>计算口径：{html.escape(label)}（{html.escape(horizon)}）。</p>" + result._repr_html_())


class LifetimeValueWidget(Calculator):
    """Margin, retention, discount rate, horizon and timing → CLV and its cash flows."""

    state_names = ("margin", "retention", "discount", "years", "timing")

    def __init__(self, margin: float = 100, retention: float = 80, discount: float = 10) -> None:
        self.margin = W.Text(value=str(margin), description="年均毛利（万元）", style=_STYLE)
        self.retention = W.FloatSlider(value=retention, min=0, max=99, step=1, description="客户保留率 %", style=_STYLE)
        self.discount = W.FloatSlider(value=discount, min=0, max=30, step=0.5, description="折现率 %", style=_STYLE)
        self.years = W.Text(value="", placeholder="留空 = 无限期", description="计算年限（年）", style=_STYLE)
        self.timing = W.Dropdown(options=[(v[0], k) for k, v in TIMINGS.items()], value="end",
                                 description="毛利到账时点", style=_STYLE, layout=W.Layout(width="32em"))
        controls = [self.margin, self.retention, self.discount, self.years, self.timing]
        super().__init__(controls, self._compute, draw_lifetime_value, _describe)

    def _compute(self):
        return customer_lifetime_value(self.margin.value, self.retention.value, self.discount.value,
                                    self.years.value, self.timing.value)


def lifetime_value_widget(margin: float = 100, retention: float = 80, discount: float = 10) -> LifetimeValueWidget:
    """The CLV calculator, ready to display."""
    return LifetimeValueWidget(margin, retention, discount)
