"""Year-by-year present value and its running total for a CLV result."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_lifetime_value(result) -> Figure:
    """Bars: expected present value per year; line: cumulative; dashed: the CLV."""
    flows = result.cash_flows
    fig, ax = new_figure(7, 3.8)
    ax.bar(flows["年份"], flows["期望毛利现值"], color=PALETTE[5], label="当年期望毛利现值")
    ax.plot(flows["年份"], flows["累计现值"], color=PALETTE[0], marker="o", ms=3, label="累计现值")
    ax.axhline(result.value, color=PALETTE[3], ls="--", lw=1,
               label=f"终生价值 {result.value:.1f}" + ("（无限期）" if result.years is None else f"（{result.years} 年）"))
    ax.set_xlabel("年份")
    ax.set_ylabel("万元")
    ax.legend(fontsize=8)
    ax.set_title(f"客户终生价值：保留率 {result.retention:g}%，折现率 {result.discount:g}%")
    return fig
