"""Bubble chart of a 2×2 portfolio (selection matrix, vulnerability, Kraljic …)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..matrix import QUADRANT
from ._base import QUADRANT_COLOURS, new_figure
from ._labels import place_labels

MAX_LABELS = 40  # label bubbles only when the chart stays readable


_CORNERS = {"HH": (0.98, 0.98, "right", "top"), "HL": (0.02, 0.98, "left", "top"),
            "LH": (0.98, 0.02, "right", "bottom"), "LL": (0.02, 0.02, "left", "bottom")}


class PortfolioChart:
    """A 2×2 bubble chart that a widget redraws in place.

    The figure, axes, ticks, cut-lines and corner labels are built once;
    :meth:`update` moves the bubbles, labels and lines to a new result. Reusing
    them is what keeps a widget's recompute + redraw under 50 ms.
    ``draw_portfolio(result)`` is ``PortfolioChart().update(result).figure``.
    """

    def __init__(self, title: str = "", size_col: str = "销售额", label_col: str = "客户") -> None:
        self.size_col, self.label_col = size_col, label_col
        self.figure, self.ax = new_figure(margins=(0.09, 0.97, 0.1, 0.93))
        ax = self.ax
        # Five ticks per axis: enough to read, and fewer labels to lay out.
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        self._bubbles = ax.scatter([], [], alpha=0.6, edgecolors="white", linewidths=1)
        self._vline = ax.axvline(0, color="#555555", lw=1, ls="--")
        self._hline = ax.axhline(0, color="#555555", lw=1, ls="--")
        self._corners = {key: ax.text(cx, cy, "", transform=ax.transAxes, ha=ha, va=va, fontsize=11,
                                      color=QUADRANT_COLOURS[key])
                         for key, (cx, cy, ha, va) in _CORNERS.items()}
        self._labels: list = []
        self._scheme = None
        if title:
            ax.set_title(title)

    def update(self, result) -> PortfolioChart:
        """Show a :class:`~kamlab.selection.PortfolioResult`-like result (any placement by :func:`kamlab.matrix.place`).

        Needs ``result.table`` (with the x, y, 象限 and size columns), ``result.x``,
        ``result.y`` and ``result.scheme``. Bubble area is proportional to size.
        """
        scheme, table, ax = result.scheme, result.table, self.ax
        x = table[result.x].to_numpy(dtype=float)
        y = table[result.y].to_numpy(dtype=float)
        sizes = table[self.size_col].to_numpy(dtype=float) if self.size_col in table else np.ones(len(table))
        peak = sizes.max() if len(sizes) else 0.0
        area = 1500 * sizes / peak + 30 if peak > 0 else np.full(len(table), 80.0)
        keys = {q.name: k for k, q in scheme.quadrants.items()}
        self._bubbles.set_offsets(np.column_stack([x, y]))
        self._bubbles.set_sizes(area)
        self._bubbles.set_facecolors([QUADRANT_COLOURS[keys[q]] for q in table[QUADRANT].astype(str)])
        for label in self._labels:
            label.remove()
        self._labels = []
        self._vline.set_xdata([scheme.x_cut, scheme.x_cut])
        self._hline.set_ydata([scheme.y_cut, scheme.y_cut])
        if scheme is not self._scheme:
            for key, text in self._corners.items():
                text.set_text(scheme.quadrants[key].name)
            ax.set_xlabel(scheme.x_label)
            ax.set_ylabel(scheme.y_label)
            self._scheme = scheme
        x0, x1 = scheme.x_range
        if len(x):
            x1 = min(x1, max(x.max() * 1.15, scheme.x_cut * 2))
        ax.set_xlim(x0, x1)
        ax.set_ylim(*scheme.y_range)
        if len(table) <= MAX_LABELS:  # placed once the limits are final; largest bubble first
            order = np.argsort(-sizes, kind="stable")
            self._labels = place_labels(ax, x, y, table[self.label_col].astype(str).tolist(), order)
        return self


def draw_portfolio(result, title: str = "", size_col: str = "销售额", label_col: str = "客户") -> Figure:
    """Draw a :class:`~kamlab.selection.PortfolioResult`-like result (any placement by :func:`kamlab.matrix.place`) as a new Figure."""
    return PortfolioChart(title, size_col, label_col).update(result).figure
