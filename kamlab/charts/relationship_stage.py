"""Indicator levels against the diagnosed relationship stage."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..relationship_stage import STAGES
from ._base import PALETTE, new_figure


def draw_stage(result) -> Figure:
    """Horizontal bars of each indicator's level; the stage as a dashed line; gaps in orange."""
    table = result.table
    fig, ax = new_figure(7, 3.6)
    y = np.arange(len(table))[::-1]
    colours = [PALETTE[1] if gap < 0 else PALETTE[0] for gap in table["与阶段差"]]
    ax.barh(y, table["水平"], color=colours)
    ax.axvline(result.stage, color=PALETTE[3], ls="--", lw=1.5)
    ax.set_yticks(y, table["指标"])
    ax.set_xlim(0, 5.2)
    ax.set_xticks(range(1, 6), [f"{k}\n{s}" for k, s in enumerate(STAGES, start=1)])
    ax.set_title(f"关系阶段诊断：{result.name}（橙色为需补齐的指标）")
    return fig
