"""Bubble chart of a 2×2 portfolio (selection matrix, vulnerability, Kraljic …)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ._base import QUADRANT_COLOURS, new_figure

MAX_LABELS = 40  # label bubbles only when the chart stays readable


def draw_portfolio(result, title: str = "", size_col: str = "销售额", label_col: str = "客户") -> Figure:
    """Draw a :class:`~kamlab.attractiveness.PortfolioResult`-like result.

    Needs ``result.table`` (with the x, y, 象限 and size columns), ``result.x``,
    ``result.y`` and ``result.scheme``. Bubble area is proportional to size.
    """
    scheme = result.scheme
    table = result.table
    fig, ax = new_figure(margins=(0.09, 0.97, 0.1, 0.93))
    x = table[result.x].to_numpy(dtype=float)
    y = table[result.y].to_numpy(dtype=float)
    sizes = table[size_col].to_numpy(dtype=float) if size_col in table else np.ones(len(table))
    area = 1500 * sizes / sizes.max() + 30 if len(sizes) and sizes.max() > 0 else np.full(len(table), 80.0)
    names = {q.name: k for k, q in scheme.quadrants.items()}
    colours = [QUADRANT_COLOURS[names[q]] for q in table["象限"].astype(str)]
    ax.scatter(x, y, s=area, c=colours, alpha=0.6, edgecolors="white", linewidths=1)
    if len(table) <= MAX_LABELS:
        for xi, yi, name in zip(x, y, table[label_col].astype(str), strict=True):
            ax.annotate(name, (xi, yi), ha="center", va="center", fontsize=9)
    x0, x1 = scheme.x_range
    y0, y1 = scheme.y_range
    if len(x):
        x1 = min(x1, max(x.max() * 1.15, scheme.x_cut * 2))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    # Five ticks per axis: enough to read, and fewer labels keep a redraw under 50 ms.
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.axvline(scheme.x_cut, color="#555555", lw=1, ls="--")
    ax.axhline(scheme.y_cut, color="#555555", lw=1, ls="--")
    corners = {"HH": (0.98, 0.98, "right", "top"), "HL": (0.02, 0.98, "left", "top"),
               "LH": (0.98, 0.02, "right", "bottom"), "LL": (0.02, 0.02, "left", "bottom")}
    for key, (cx, cy, ha, va) in corners.items():
        ax.text(cx, cy, scheme.quadrants[key].name, transform=ax.transAxes, ha=ha, va=va,
                fontsize=11, color=QUADRANT_COLOURS[key])
    ax.set_xlabel(scheme.x_label)
    ax.set_ylabel(scheme.y_label)
    if title:
        ax.set_title(title)
    return fig
