"""Bar chart of the organisation-structure ranking."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_organisation(result) -> Figure:
    """Horizontal bars of each structure's score, best on top."""
    fig, ax = new_figure(7, 3)
    ranking = result.ranking.iloc[::-1]
    colours = [PALETTE[2] if s == result.best else "#BBBBBB" for s in ranking["结构"]]
    ax.barh(ranking["结构"], ranking["得分"], color=colours)
    for y, score in enumerate(ranking["得分"]):
        ax.text(score + 0.2, y, str(score), va="center")
    ax.set_xlabel("得分（规则表累计）")
    ax.set_xlim(0, max(ranking["得分"].max() + 2, 5))
    ax.set_title("大客户组织结构选择" + ("（并列）" if result.tied else ""))
    return fig
