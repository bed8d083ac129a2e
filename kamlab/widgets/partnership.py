"""Widget for the partnership-type assessment (drivers × facilitators)."""

from __future__ import annotations

import ipywidgets as W

from .. import partnership as model
from ..charts.partnership import draw_partnership
from ._base import Calculator
from .table import EditableTable


class PartnershipWidget(Calculator):
    """Rate the four drivers for each party and the four facilitators jointly (1–5)."""

    def __init__(self, ours=(3, 3, 3, 3), theirs=(3, 3, 3, 3), facilitators=(3, 3, 3, 3)) -> None:
        self.drivers = EditableTable(["驱动因素", "我方", "客户方"],
                                     [(d, str(o), str(t)) for d, o, t in zip(model.DRIVERS, ours, theirs, strict=True)],
                                     widths=["12em", "5em", "5em"], fixed_rows=True)
        self.facilitators = EditableTable(["促进因素", "共同评分"],
                                          [(f, str(v)) for f, v in zip(model.FACILITATORS, facilitators, strict=True)],
                                          widths=["12em", "6em"], fixed_rows=True)
        controls = [W.HTML("<b>驱动因素（各方自评，1 没有 – 5 非常强）</b>"), self.drivers,
                    W.HTML("<b>促进因素（双方共同评，1–5）</b>"), self.facilitators]
        super().__init__(controls, self._compute, draw_partnership, lambda r: r._repr_html_(),
                         watch=[self.drivers, self.facilitators])

    def _compute(self):
        rows = self.drivers.value
        return model.assess_partnership({r["驱动因素"]: r["我方"] for r in rows},
                                        {r["驱动因素"]: r["客户方"] for r in rows},
                                        {r["促进因素"]: r["共同评分"] for r in self.facilitators.value})


def partnership_widget(ours=(3, 3, 3, 3), theirs=(3, 3, 3, 3), facilitators=(3, 3, 3, 3)) -> PartnershipWidget:
    """The partnership-type calculator, ready to display."""
    return PartnershipWidget(ours, theirs, facilitators)
