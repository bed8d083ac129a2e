"""Bars of the five internal synergies (五种内部协同效应)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_synergy(result) -> Figure:
    """One bar per synergy (0–10); the weakest in red; the 5 and 7 band lines dashed."""
    t = result.table
    fig, ax = new_figure(7, 3.4)
    colours = [PALETTE[3] if s == result.weakest else PALETTE[0] for s in t["协同效应"]]
    ax.barh(t["协同效应"], t["评分"], color=colours)
    for y, v in enumerate(t["评分"]):
        ax.text(v + 0.15, y, f"{v:g}", va="center", fontsize=9)
    for cut in (5, 7):
        ax.axvline(cut, color="#777777", ls="--", lw=1)
    ax.invert_yaxis()
    ax.set_xlim(0, 10.5)
    ax.set_xlabel("评分（0–10）")
    ax.set_title(f"五种内部协同效应：综合 {result.total:.2f}（{result.band}）")
    return fig
