"""Quarter-over-quarter trend of the four-dimension scorecard (四维评估法)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_scorecard(result) -> Figure:
    """Lines: each dimension per quarter (thin), the overall score (thick, labelled)."""
    fig, ax = new_figure(7, 4)
    table = result.table
    quarters = list(table["季度"].astype(str))
    x = range(len(quarters))
    for colour, dim in zip(PALETTE[1:], result.criteria.names, strict=False):
        ax.plot(x, table[dim], marker="o", lw=1.2, color=colour, alpha=0.8, label=dim)
    ax.plot(x, table["综合得分"], marker="s", lw=3, color=PALETTE[0], label="综合得分")
    for xi, total, change in zip(x, table["综合得分"], table["环比变化"], strict=True):
        text = f"{total:.2f}" if change != change else f"{total:.2f}（{change:+.2f}）"
        ax.annotate(text, (xi, total), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=9)
    ax.set_xticks(list(x), quarters)
    ax.set_ylim(0, 10)
    ax.set_ylabel("得分（0–10）")
    ax.set_title(f"四维评估法：季度趋势（定量占比 {result.quant_share:g}%）")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8, ncols=2)
    return fig
