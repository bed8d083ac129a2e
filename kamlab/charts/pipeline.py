"""Funnel chart of the 8-stage pipeline."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_funnel(result) -> Figure:
    """Centred bars per stage (width = pipeline value), weighted value inside."""
    stages = result.by_stage
    fig, ax = new_figure(7, 4.6)
    y = np.arange(len(stages))[::-1]
    width = stages["金额"].to_numpy(dtype=float)
    weighted = stages["加权金额"].to_numpy(dtype=float)
    ax.barh(y, width, left=-width / 2, color=PALETTE[5], height=0.8, label="管道金额")
    ax.barh(y, weighted, left=-weighted / 2, color=PALETTE[0], height=0.8, label="加权金额")
    span = max(float(width.max()), 1.0)
    for yi, (_, row) in zip(y, stages.iterrows(), strict=True):
        ax.text(span * 0.55, yi, f"{int(row['机会数'])} 个 · {row['金额']:.0f} → {row['加权金额']:.0f}",
                va="center", fontsize=8)
    ax.set_yticks(y, [f"{s}（{p:g}%）" for s, p in zip(stages["阶段"], stages["概率"], strict=True)])
    ax.set_xlim(-span * 0.55, span * 1.15)
    ax.set_xticks([])
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(f"销售管道：总额 {result.total:.0f}，加权预测 {result.weighted_total:.0f}（万元）")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return fig
