"""Value (y) against price (x): value is not price."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_value_index(result, title: str = "") -> Figure:
    """Each offer as a point; the dashed ray through the origin is the best
    offer's value-for-money — offers below it give less value per 万元."""
    t = result.table
    fig, ax = new_figure(7, 4.5)
    price = t["价格"].to_numpy(dtype=float)
    score = t["价值分"].to_numpy(dtype=float)
    colours = [PALETTE[2] if r == 1 else PALETTE[0] for r in t["排名"]]
    ax.scatter(price, score, s=90, c=colours, zorder=3)
    for x, y, name, ratio in zip(price, score, t[result.name].astype(str), t["性价比"], strict=True):
        ax.text(x, y + 0.25, f"{name}\n{ratio:.2f}", ha="center", va="bottom", fontsize=9)
    xmax = float(price.max()) * 1.2
    best = float(t["性价比"].max()) / 100
    xs = np.array([0.0, xmax])
    ax.plot(xs, best * xs, color=PALETTE[2], ls="--", lw=1, label=f"最高性价比线（{best * 100:.2f} 分/百万元）")
    ax.set_xlim(0, xmax)
    ax.set_ylim(0, 10.8)
    ax.set_xlabel("价格（万元）")
    ax.set_ylabel("加权价值分（0–10）")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=9)
    ax.set_title(title or "价值不等于价格：各方案的价值与价格（点旁数字为性价比）")
    return fig
