"""The customer pyramid: share of customers vs share of a measure, tier by tier."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, draw_radar, new_figure


def draw_pyramid(result, measure: str | None = None, title: str = "") -> Figure:
    """Draw tiers top to bottom as a pyramid; the left half is the share of
    customers, the right half the share of ``measure`` (default: the ranking column)."""
    measure = measure or result.by
    s = result.summary()
    fig, ax = new_figure(7, 4.2)
    n = len(s)
    y = np.arange(n)[::-1]  # top tier drawn at the top
    cust = s["客户占比%"].to_numpy(dtype=float)
    share = s[f"{measure}占比%"].to_numpy(dtype=float)
    ax.barh(y, -cust, color=PALETTE[5], height=0.7, label="客户数占比")
    ax.barh(y, np.clip(np.nan_to_num(share), 0, None), color=PALETTE[0], height=0.7, label=f"{measure}占比")
    for yi, c, v in zip(y, cust, share, strict=True):
        ax.text(-c - 2, yi, f"{c:.0f}%", ha="right", va="center", fontsize=9)
        if np.isnan(v):  # the measure sums to 0: no share to show (the result's notes say so)
            ax.text(2, yi, "—", ha="left", va="center", fontsize=9)
            continue
        note = "" if v >= 0 else "（亏损）"
        ax.text(max(v, 0) + 2, yi, f"{v:.1f}%{note}", ha="left", va="center", fontsize=9,
                color="#D55E00" if v < 0 else "black")
    shown = np.abs(share[~np.isnan(share)])
    lim = max(60.0, float(shown.max(initial=0)) + 20, float(cust.max()) + 20)
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-0.6, n - 0.1)
    ax.axvline(0, color="#555555", lw=1)
    ax.set_yticks(y, s["层级"].astype(str).tolist())
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):.0f}" for t in ticks])
    ax.set_xlabel(f"← 客户数占比（%）     {measure}占比（%）→")
    ax.legend(loc="lower right", fontsize=9)
    ax.set_title(title or f"客户金字塔（按{result.by}分层）")
    return fig


def draw_value_scorecard(result, top: int = 4, title: str = "") -> Figure:
    """Radar of the ``top`` best customers of a value scorecard over its criteria."""
    names = list(result.criteria.names)
    series = {str(row["客户"]): [float(row[c]) for c in names] for _, row in result.table.head(top).iterrows()}
    return draw_radar(names, series, title=title or f"客户价值计分卡（得分最高的 {top} 位）")
