"""Projected purchases: an accelerating account against a steady large one."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_projection(result) -> Figure:
    """Bars per year for both accounts; the year the accelerating one overtakes is marked."""
    fig, ax = new_figure(7, 4)
    t = result.table
    x = np.asarray(t["年份"], dtype=float)
    ax.bar(x - 0.2, t["加速型客户"], width=0.4, color=PALETTE[0], label="初期小、加速成长的客户")
    ax.bar(x + 0.2, t["稳定大客户"], width=0.4, color="#BBBBBB", label="稳定的大单客户")
    for xi, v in zip(x, t["加速型客户"], strict=True):
        ax.annotate(f"{v:,.0f}", (xi - 0.2, v), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=8)
    top = float(max(t["加速型客户"].max(), t["稳定大客户"].max(), 1.0))
    ax.set_ylim(0, top * 1.3)
    if result.yearly_cross:
        ax.axvline(result.yearly_cross - 0.5, color=PALETTE[3], ls="--", lw=1)
        ax.text(result.yearly_cross - 0.45, top * 1.2, f"第 {result.yearly_cross} 年起年采购额反超",
                color=PALETTE[3], fontsize=9)
    ax.set_xticks(x, [f"第{int(v)}年" for v in x])
    ax.set_ylabel("年采购额（万元）")
    title = "初期小、后期加速：年采购额预测"
    if result.cumulative_cross:
        title += f"（累计采购额第 {result.cumulative_cross} 年追上）"
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=9, ncols=2)
    return fig
