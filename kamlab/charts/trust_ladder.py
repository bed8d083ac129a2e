"""The value ladder drawn as a staircase: one step per level, items as bars on it."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_ladder(result) -> Figure:
    """Bars per item coloured by step; each step's mean as a stair; the threshold dashed."""
    fig, ax = new_figure(8, 4)
    items = result.items
    steps = list(result.steps["阶梯"])
    x = 0
    for colour, step, mean, reached in zip(PALETTE, steps, result.steps["平均分"], result.steps["达到"], strict=False):
        block = items[items["阶梯"] == step]
        xs = list(range(x, x + len(block)))
        ax.bar(xs, block["评分"], color=colour, alpha=0.85 if reached == "是" else 0.35, width=0.7)
        for xi, label, v in zip(xs, block["项目"], block["评分"], strict=True):
            ax.text(xi, v + 0.15, f"{v:g}", ha="center", fontsize=8)
            ax.text(xi, -0.4, label, ha="center", va="top", fontsize=8, rotation=30)
        ax.hlines(mean, xs[0] - 0.4, xs[-1] + 0.4, color=colour, lw=2.5)
        mark = "✓" if reached == "是" else "未达"
        ax.text((xs[0] + xs[-1]) / 2, 10.3, f"{step} {mean:.2f} {mark}", ha="center", fontsize=9, color=colour)
        x += len(block) + 1
    ax.axhline(result.threshold, color="#777777", ls="--", lw=1)
    ax.set_xticks([])
    ax.set_ylim(0, 11)
    ax.set_xlim(-0.7, x - 1.3)
    ax.set_ylabel("评分（0–10）")
    ax.set_title(f"价值三阶梯自评：已登上第 {result.level} 级（虚线为达标线 {result.threshold:g}）", pad=8)
    return fig
