"""Bar chart of industry scores coloured by 重点/潜力/观察行业, cut-offs drawn."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import new_figure

CLASS_COLOURS = {"重点行业": "#009E73", "潜力行业": "#0072B2", "观察行业": "#999999"}


def draw_industries(result, title: str = "") -> Figure:
    """Horizontal bars, highest score on top, with the two cut-off lines."""
    t = result.table.iloc[::-1]
    fig, ax = new_figure(7, 0.45 * len(t) + 1.6)
    colours = [CLASS_COLOURS[c] for c in t["优先级"].astype(str)]
    ax.barh(range(len(t)), t["得分"], color=colours, height=0.65)
    ax.set_yticks(range(len(t)), t.iloc[:, 0].astype(str).tolist())
    for i, (score, cls) in enumerate(zip(t["得分"], t["优先级"].astype(str), strict=True)):
        ax.text(score + 0.1, i, f"{score:.2f} {cls}", va="center", fontsize=9)
    for cut, label in ((result.focus, "重点"), (result.potential, "潜力")):
        ax.axvline(cut, color="#555555", ls="--", lw=1)
        ax.text(cut, len(t) - 0.4, f"{label}分界 {cut:g}", ha="center", va="bottom", fontsize=8)
    ax.set_xlim(0, 10.5)
    ax.set_ylim(-0.6, len(t) + 0.2)
    ax.set_xlabel("行业加权得分（0–10）")
    ax.set_title(title or "行业优先级：重点 / 潜力 / 观察", pad=14)
    return fig
