"""Grouped bars of the benefit-needs vs competitor ranking table."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_benefit_ranking(result) -> Figure:
    """One group of bars per benefit need (weight in the label), one bar per supplier."""
    scores = result.scores.set_index("供应商")
    needs = list(result.needs.names)
    weights = result.needs.as_dict()
    suppliers = list(scores.index)
    fig, ax = new_figure(8, 0.8 * len(needs) + 1.4)
    height = 0.8 / len(suppliers)
    y = np.arange(len(needs))[::-1]
    others = [c for c in PALETTE[1:] if c != PALETTE[0]]
    for k, name in enumerate(suppliers):
        colour = PALETTE[0] if name == result.us else others[(k - 1) % len(others)] if k else others[0]
        total = float(result.standing.set_index("供应商").at[name, "加权得分"])
        ax.barh(y + (len(suppliers) / 2 - k - 0.5) * height, scores.loc[name, needs].to_numpy(dtype=float),
                height=height * 0.95, color=colour, label=f"{name}（加权 {total:.2f}）")
    ax.set_yticks(y, [f"{n}（权重 {weights[n]:g}）" for n in needs])
    ax.set_xlim(0, 10)
    ax.set_xlabel("客户眼中的表现（0–10 分）")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    ax.set_title("客户效益需求与竞争排名")
    return fig
