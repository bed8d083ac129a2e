"""Per-customer NPV against the retention rate (retention → profit simulator)."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_retention(result, title: str = "") -> Figure:
    """NPV curve over retention 50–98 %, the two compared rates marked."""
    fig, ax = new_figure(7, 4.2)
    low = min(50.0, result.base)
    curve = result.curve(low, max(98.0, result.improved), 1)
    ax.plot(curve["留存率"], curve["客户净现值"], color=PALETTE[0], lw=2)
    for rate, npv, colour in ((result.base, result.npv_base, PALETTE[3]),
                              (result.improved, result.npv_improved, PALETTE[2])):
        ax.scatter([rate], [npv], color=colour, zorder=3, s=50)
        ax.annotate(f"{rate:g}%：{npv:.1f} 万元", (rate, npv), xytext=(-10, 10),
                    textcoords="offset points", ha="right", color=colour, fontsize=10)
    ax.axhline(0, color="#999999", lw=1)
    a = result.assumptions
    ax.set_xlabel("年留存率（%）")
    ax.set_ylabel("每位客户净现值（万元）")
    ax.grid(alpha=0.3)
    up = "" if result.uplift is None else f"，净现值 {result.uplift:+.0f}%"
    ax.set_title(title or f"流失率降低 {result.improved - result.base:g} 个百分点{up}")
    ax.text(0.01, 0.97, f"假设：首年利润 {a.margin:g} 万元，年增 {a.growth:g}%，折现 {a.discount:g}%，"
            f"{a.years} 年，获客成本 {a.acquisition:g} 万元", transform=ax.transAxes, va="top", fontsize=8,
            color="#555555")
    return fig
