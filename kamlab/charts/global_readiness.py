"""Bars of the eight drivers behind the global-KA readiness score."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_readiness(result) -> Figure:
    """One bar per driver (blue external, green internal), lines at the book's 5 and 7."""
    table = result.table
    fig, ax = new_figure(7, 4.2)
    y = np.arange(len(table))[::-1]
    colours = [PALETTE[0] if kind == "外部" else PALETTE[2] for kind in table["类别"]]
    ax.barh(y, table["评分"], color=colours)
    ax.set_yticks(y, [f"{k}·{d}" for k, d in zip(table["类别"], table["驱动因素"], strict=True)])
    for cut in (5, 7):
        ax.axvline(cut, color="#777777", ls=":", lw=1)
    ax.set_xlim(0, 10)
    ax.set_xlabel("评分（0–10）")
    ax.set_title(f"全球大客户准备度 {result.score:.2f}：{result.verdict}")
    return fig
