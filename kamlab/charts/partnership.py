"""The partnership-type grid with the assessed position."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..partnership import BANDS, HIGH_MIN, LOW_MAX, TYPE_GRID
from ._base import PALETTE, new_figure

_EDGES = {"低": (1.0, LOW_MAX), "中": (LOW_MAX, HIGH_MIN), "高": (HIGH_MIN, 5.0)}
_COLOURS = {"一般交易关系": "#EEEEEE", "I 型伙伴关系": "#D6EAF8", "II 型伙伴关系": "#AED6F1", "III 型伙伴关系": "#85C1E9"}


def draw_partnership(result) -> Figure:
    """3×3 grid (facilitators × drivers, the book's bands) and the account's point."""
    fig, ax = new_figure(5.5, 4.6)
    for d in BANDS:
        for f in BANDS:
            kind = TYPE_GRID[(d, f)]
            (x0, x1), (y0, y1) = _EDGES[f], _EDGES[d]
            ax.add_patch(_rect(x0, y0, x1 - x0, y1 - y0, _COLOURS[kind]))
            ax.text((x0 + x1) / 2, (y0 + y1) / 2, kind.replace("伙伴关系", "\n伙伴关系"), ha="center",
                    va="center", fontsize=8, color="#333333")
    ax.plot(result.facilitator_score, result.driver_score, "o", color=PALETTE[3], ms=10)
    ax.annotate(f"本客户（{result.facilitator_score:.2f}，{result.driver_score:.2f}）",
                (result.facilitator_score, result.driver_score), xytext=(6, 6), textcoords="offset points",
                fontsize=9, color=PALETTE[3])
    ax.set_xlim(1, 5)
    ax.set_ylim(1, 5)
    ax.set_xlabel("促进因素（双方共同评，1–5）")
    ax.set_ylabel("驱动因素（取双方较低者，1–5）")
    ax.set_title("合作伙伴关系类型（分界为本书自拟）")
    return fig


def _rect(x, y, w, h, colour):
    return Rectangle((x, y), w, h, facecolor=colour, edgecolor="white", lw=2)
