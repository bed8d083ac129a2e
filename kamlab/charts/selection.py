"""The selection tool's chart: accounts on the selection matrix or its vulnerability view.

A :class:`~kamlab.charts.matrix.PortfolioChart` over a
:class:`~kamlab.selection.PortfolioResult`: bubble area is 销售额, each bubble is
labelled with the account, and when the result carries its attractiveness
criteria the weights are written under the chart.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ..selection import ACCOUNT, SALES
from .matrix import PortfolioChart


def weights_caption(criteria) -> str:
    """``吸引力 = 未来销售收入和利润 40% + 财务安全 20% + …`` (empty without criteria)."""
    if criteria is None:
        return ""
    return "吸引力 = " + " + ".join(f"{n} {w:g}%" for n, w in zip(criteria.names, criteria.weights, strict=True))


class SelectionChart(PortfolioChart):
    """The selection matrix chart, redrawn in place by the selection widget."""

    def __init__(self, title: str = "") -> None:
        super().__init__(title, size_col=SALES, label_col=ACCOUNT)
        self.figure.subplots_adjust(bottom=0.16)
        self.caption = self.figure.text(0.5, 0.01, "", ha="center", va="bottom", fontsize=8, color="#555555")

    def update(self, result) -> SelectionChart:
        """Show a :class:`~kamlab.selection.PortfolioResult` and its weights."""
        super().update(result)
        self.caption.set_text(weights_caption(getattr(result, "criteria", None)))
        return self


def draw_selection(result, title: str = "") -> Figure:
    """Draw a :class:`~kamlab.selection.PortfolioResult` (selection or vulnerability view)."""
    return SelectionChart(title).update(result).figure
