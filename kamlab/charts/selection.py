"""The selection tool's chart: accounts on the selection matrix or its vulnerability view.

A :class:`~kamlab.charts.matrix.PortfolioChart` over a
:class:`~kamlab.selection.PortfolioResult`: bubble area is 销售额, each bubble is
labelled with the account, and when the result carries its attractiveness
criteria the weights are written under the chart.

More than :data:`MAX_BUBBLES` accounts are too many to tell apart and slow to draw:
the chart then shows the :data:`MAX_BUBBLES` with the largest 销售额 and says so
in a note above the plot (the result and its table keep every account).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from matplotlib.figure import Figure

from ..selection import ACCOUNT, SALES
from .matrix import PortfolioChart

#: The most bubbles the selection chart draws (the largest by 销售额).
MAX_BUBBLES = 2000


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
        self.note = self.figure.text(0.5, 0.995, "", ha="center", va="top", fontsize=9, color="#a05a00")

    def update(self, result) -> SelectionChart:
        """Show a :class:`~kamlab.selection.PortfolioResult` and its weights (at most
        :data:`MAX_BUBBLES` bubbles: the largest by 销售额)."""
        table = result.table
        if len(table) > MAX_BUBBLES and SALES in table:
            sales = table[SALES].to_numpy(dtype=float)
            keep = np.sort(np.argsort(-sales, kind="stable")[:MAX_BUBBLES])  # in table order
            super().update(replace(result, table=table.iloc[keep]))
            x = table[result.x].to_numpy(dtype=float)  # the x range still spans every account
            x0, x1 = result.scheme.x_range
            self.ax.set_xlim(x0, min(x1, max(x.max() * 1.15, result.scheme.x_cut * 2)))
            self.note.set_text(f"共 {len(table):,} 家客户，图中显示销售额最大的 {MAX_BUBBLES:,} 家")
        else:
            super().update(result)
            self.note.set_text("")
        self.caption.set_text(weights_caption(getattr(result, "criteria", None)))
        return self


def draw_selection(result, title: str = "") -> Figure:
    """Draw a :class:`~kamlab.selection.PortfolioResult` (selection or vulnerability view)."""
    return SelectionChart(title).update(result).figure
