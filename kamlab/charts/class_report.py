"""Charts of the class report: how scores spread, and how hard each question was.

Counts have integer ticks, legends sit outside the plotting area (never over a bar), the
two series use palette colours far apart (blue and vermilion), labels are Chinese.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ._base import PALETTE, new_figure

BINS = (0, 20, 40, 60, 80, 100)


def draw_distribution(shares: Sequence[float], title: str) -> Figure:
    """Histogram of learners' score shares (0…1) in 20-point bands; y = 人数 (integers)."""
    fig, ax = new_figure(7, 3.4)
    values = [min(100.0, max(0.0, 100 * float(s))) for s in shares]
    ax.hist(values, bins=BINS, color=PALETTE[0], edgecolor="white", label="学员人数")
    ax.set_xticks(BINS)
    ax.xaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    ax.set_ylim(0, max(1, *[sum(lo <= v < hi or (hi == 100 and v == 100) for v in values)
                            for lo, hi in zip(BINS, BINS[1:], strict=False)]) + 0.5)
    ax.set(xlabel="得分率", ylabel="人数", title=f"{title}：成绩分布（{len(values)} 人）")
    ax.grid(axis="y", alpha=0.3)
    return fig


def draw_difficulty(labels: Sequence[str], mean_share: Sequence[float], full_share: Sequence[float],
                    title: str) -> Figure:
    """Per question (horizontal bars, Chinese labels): mean score share as bars, share of
    learners with full points as markers; legend below the plot."""
    n = len(labels)
    fig, ax = new_figure(7.5, 1.2 + 0.45 * max(n, 1))
    y = list(range(n))[::-1]
    short = [label if len(label) <= 22 else label[:21] + "…" for label in labels]
    ax.barh(y, [100 * float(v) for v in mean_share], color=PALETTE[0], height=0.6, label="平均得分率")
    ax.plot([100 * float(v) for v in full_share], y, "D", color=PALETTE[3], markersize=7, label="满分人数比例")
    ax.set_yticks(y, short)
    ax.set_xlim(0, 105)
    ax.xaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    ax.set(title=f"{title}：各题难度")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 if n > 2 else -0.25), ncol=2, frameon=False)
    return fig
