"""Widget for the retention → per-customer NPV simulator."""

from __future__ import annotations

import ipywidgets as W

from ..charts.retention import draw_retention
from ..retention import RetentionAssumptions, retention_uplift
from ._base import Calculator

_STYLE = {"description_width": "8em"}


def _text(label: str, value: object) -> W.Text:
    return W.Text(value=str(value), description=label, continuous_update=False,
                  layout=W.Layout(width="16em"), style=_STYLE)


class RetentionWidget(Calculator):
    """Retention rate, defection cut and the stated assumptions → NPV per customer."""

    state_names = ("retention", "cut", "margin", "growth", "discount", "years", "acquisition")

    def __init__(self, retention: float = 80, cut: float = 5, assumptions: RetentionAssumptions | None = None) -> None:
        a = assumptions or RetentionAssumptions()
        self.retention = W.FloatSlider(value=retention, min=50, max=95, step=1, description="当前留存率 %",
                                       style=_STYLE)
        self.cut = W.FloatSlider(value=cut, min=0, max=20, step=1, description="流失率降低（点）", style=_STYLE)
        self.margin = _text("首年利润（万元）", a.margin)
        self.growth = _text("年利润增长 %", a.growth)
        self.discount = _text("折现率 %", a.discount)
        self.years = _text("年限（年）", a.years)
        self.acquisition = _text("获客成本（万元）", a.acquisition)
        inputs = [self.retention, self.cut, self.margin, self.growth, self.discount, self.years, self.acquisition]
        controls = [W.HBox([self.retention, self.cut]),
                    W.HBox([self.margin, self.growth, self.discount]), W.HBox([self.years, self.acquisition])]
        super().__init__(controls, self._compute, draw_retention, lambda r: r._repr_html_(), watch=inputs)

    def _compute(self):
        a = RetentionAssumptions.parse(self.margin.value, self.growth.value, self.discount.value,
                                       self.years.value, self.acquisition.value)
        return retention_uplift(self.retention.value, self.cut.value, a)


def retention_widget(retention: float = 80, cut: float = 5) -> RetentionWidget:
    """The retention-to-profit simulator, ready to display."""
    return RetentionWidget(retention, cut)
