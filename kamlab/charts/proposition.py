"""One-page four-quadrant card of a value proposition."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from ..proposition import QUADRANT_TITLES
from ._base import QUADRANT_COLOURS

_WRAP = 26  # Chinese characters per line in a quadrant


def draw_proposition(proposition) -> Figure:
    """Draw a :class:`~kamlab.proposition.ValueProposition` as a 2×2 card."""
    fig = Figure(figsize=(10, 7), layout="constrained")
    axes = fig.subplots(2, 2)
    colours = list(QUADRANT_COLOURS.values())
    for (n, entries), ax, colour in zip(proposition.quadrant_lines().items(), axes.flat, colours, strict=True):
        ax.set_axis_off()
        ax.add_patch(FancyBboxPatch(
            (0.01, 0.01), 0.98, 0.98, boxstyle="round,pad=0.01", transform=ax.transAxes,
            facecolor=colour, alpha=0.12, edgecolor=colour))
        ax.text(0.04, 0.95, QUADRANT_TITLES[n], transform=ax.transAxes, va="top",
                fontsize=12, color=colour)
        body = "\n".join("• " + "\n  ".join(textwrap.wrap(e, _WRAP)) for e in entries)
        ax.text(0.04, 0.83, body, transform=ax.transAxes, va="top", fontsize=10, linespacing=1.5)
    fig.suptitle(f"{proposition.account}：四象限价值主张　量化年价值合计 {proposition.total_annual_value:,.0f} 元",
                 fontsize=13)
    return fig
