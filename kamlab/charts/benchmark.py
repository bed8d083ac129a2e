"""Benchmark radar (标杆法): our scores against the leader's, long and short boards marked."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..benchmark import LONG, SHORT
from ._base import PALETTE, draw_radar

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
