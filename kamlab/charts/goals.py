"""The three sales targets side by side, against the base sales."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_goals(result) -> Figure:
    """One bar per method, labelled with the target and its growth on the base; base as a line."""
    t = result.table
    fig, ax = new_figure(7, 4)
    bars = ax.bar(t["方法"], t["目标"], color=PALETTE[:3], width=0.55)
    for bar, target, growth in zip(bars, t["目标"], t["较基础销量增长(%)"], strict=True):
        ax.annotate(f"{target:,.0f}（{growth:+.1f}%）", (bar.get_x() + bar.get_width() / 2, target),
                    textcoords="offset points", xytext=(0, 4), ha="center", fontsize=9)
    ax.axhline(result.base_sales, color="#555555", ls="--", lw=1)
    ax.text(-0.45, result.base_sales, f"基础销量 {result.base_sales:,.0f}", va="center", ha="left", fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_ylim(0, max(result.high, result.base_sales, 1.0) * 1.2)
    ax.set_ylabel("大客户销售目标（万元）")
    ax.set_title(f"三种目标制定方法的比较（相差 {result.spread:,.0f} 万元）")
    return fig
