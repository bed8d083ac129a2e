"""Internal diagnosis of key accounts (大客户内部诊断): sales share vs profit share per account."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_diagnosis(result) -> Figure:
    """Paired bars per account: share of company sales vs share of company profit (%)."""
    t = result.table
    fig, ax = new_figure(7, 0.6 * len(t) + 1.6)
    y = np.arange(len(t))
    ax.barh(y + 0.2, t["销售额占比(%)"], height=0.4, color=PALETTE[0], label="销售额占比")
    ax.barh(y - 0.2, t["利润占比(%)"], height=0.4, color=PALETTE[1], label="利润占比")
    ax.set_yticks(y, t["客户"])
    ax.invert_yaxis()
    ax.set_xlabel("占公司合计的百分比（%）")
    totals = result.totals
    ax.set_title(f"大客户内部诊断：销售额占比 {totals['大客户销售额占比']:.1f}%，利润占比 {totals['大客户利润占比']:.1f}%")
    ax.legend(loc="lower right", fontsize=9)
    return fig
