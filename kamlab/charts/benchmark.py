"""Benchmark radar (标杆法) and the internal-diagnosis bars."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..benchmark import LONG, SHORT
from ._base import PALETTE, new_figure
from .radar import draw_radar

_BOARD_COLOURS = {LONG: PALETTE[2], SHORT: PALETTE[3]}


def draw_benchmark(result) -> Figure:
    """Radar of our scores against the leader's; long boards green, short boards red."""
    t = result.table
    labels = [f"{f}\n（{j}）" if j in _BOARD_COLOURS else f for f, j in zip(t["要素"], t["判定"], strict=True)]
    fig = draw_radar(labels, {"我方": list(t["我方"]), result.leader: list(t["标杆"])},
                     title=f"标杆对比：我方 vs {result.leader}")
    ax = fig.axes[0]
    for tick, verdict in zip(ax.get_xticklabels(), t["判定"], strict=True):
        tick.set_color(_BOARD_COLOURS.get(verdict, "#333333"))
    return fig


def draw_diagnosis(result) -> Figure:
    """Paired bars per account: share of company sales vs share of company profit (%)."""
    t = result.table
    fig, ax = new_figure(7, 0.6 * len(t) + 1.6)
    y = np.arange(len(t))
    ax.barh(y + 0.2, t["销售额占比(%)"], height=0.4, color=PALETTE[0], label="销售额占比")
    ax.barh(y - 0.2, t["利润占比(%)"], height=0.4, color=PALETTE[1], label="利润占比")
    ax.set_yticks(y, t["客户"])
    ax.invert_yaxis()
    ax.set_xlabel("占公司合计的百分比（%）")
    totals = result.totals
    ax.set_title(f"大客户内部诊断：销售额占比 {totals['大客户销售额占比']:.1f}%，利润占比 {totals['大客户利润占比']:.1f}%")
    ax.legend(loc="lower right", fontsize=9)
    return fig
