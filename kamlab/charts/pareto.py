"""Cumulative-share (Pareto / "whale") curve of a :class:`~kamlab.pareto.ParetoResult`."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_pareto(result, top: float = 20.0, title: str = "") -> Figure:
    """Cumulative share of the value (y) against cumulative share of customers (x).

    A marker on the curve shows the share given by the top ``top`` % of customers, at
    the customers actually counted (3 of 12 for "20 %": x = 25 %); the diagonal is what
    equal customers would give.
    """
    fig, ax = new_figure(7, 4.5)
    t = result.table
    x = [0.0, *t["累计客户占比"].tolist()]
    y = [0.0, *t["累计占比"].tolist()]
    ax.plot(x, y, color=PALETTE[0], lw=2, label=f"累计{result.value}占比")
    ax.plot([0, 100], [0, 100], color="#999999", lw=1, ls=":", label="所有客户贡献相同")
    k, at, share = result.top_customers(top)  # the marker sits on the curve: at the k-th customer
    ax.plot([at, at, 0], [0, share, share], color=PALETTE[3], lw=1, ls="--")
    ax.plot([at], [share], marker="o", color=PALETTE[3], ms=6, zorder=3)
    ax.annotate(f"{result.top_phrase(top)} {result.value}", (at, share),
                xytext=(8, -16), textcoords="offset points", color=PALETTE[3], fontsize=10)
    if result.peak > 100.05:
        peak_x = float(t.loc[t["累计占比"].idxmax(), "累计客户占比"])
        ax.annotate(f"峰值 {result.peak:.0f}%：其后 {result.negatives} 位客户亏损", (peak_x, result.peak),
                    xytext=(0, 8), textcoords="offset points", ha="right", fontsize=9, color=PALETTE[1])
    ax.set_xlim(0, 100)
    ax.set_ylim(0, max(105.0, result.peak + 10))
    ax.set_xlabel("累计客户占比（%，按" + result.value + "从高到低）")
    ax.set_ylabel(f"累计{result.value}占比（%）")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title(title or f"二八分析：{result.n} 位客户的{result.value}集中度")
    return fig
