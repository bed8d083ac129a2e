"""Competitor-strength grid (竞争分析) for 丁兴良's six-step method (第二讲).

The course shows a grid of product lines × competitors marked 竞争力强 / 竞争力弱
(a telecom example: 电信, 网通, 移动 across 本地语音, 长途语音, 2M 电路, 上网),
judged on coverage, stability, price, brand, service quality and operations. It
gives no scale. Here every cell is a 0–10 strength score; a cell at or above
``strong`` (default 7) is "强", otherwise "弱". For each product line the grid
names the strongest rival and our gap to it:

- gap = our score − the best rival's score;
- gap ≥ ``margin`` → 领先; gap ≤ −``margin`` → 落后; otherwise 相持 (default margin 1).

Worked by hand: 离心泵 我方 9, rivals 8 / 6 / 5 → best rival 对手甲 8, gap 9 − 8 = +1
→ 领先 (1 ≥ 1); 变频控制柜 我方 8, best rival 对手丙 8 → gap 0 → 相持.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks
from .errors import InputError
from .result import TableResult

LEAD, LEVEL, BEHIND = "领先", "相持", "落后"


@dataclass(frozen=True)
class CompetitionResult(TableResult):
    """A product × supplier strength grid with our position per product.

    Attributes:
        grid: product lines (index) × suppliers (columns), scores 0–10.
        ours: the column that is us.
        table: 产品线, 我方得分, 最强对手, 对手得分, 差距, 态势.
        strong: the score from which a cell counts as 强.
    """

    grid: pd.DataFrame
    ours: str
    table: pd.DataFrame
    strong: float

    def labels(self) -> pd.DataFrame:
        """The grid as 强 / 弱."""
        return self.grid.ge(self.strong).replace({True: "强", False: "弱"})

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False)


def competitor_grid(
    table: pd.DataFrame, ours: str = "我方", name: str = "产品线", strong: object = 7, margin: object = 1
) -> CompetitionResult:
    """Read a product × supplier grid and say where we lead, level or trail.

    Args:
        table: one row per product line: ``name`` plus one 0–10 column per supplier,
            one of which is ``ours``; at least one rival column.
        ours: the column holding our own scores.
        name: the column naming the product lines.
        strong: threshold for 强 (0–10).
        margin: how far ahead (or behind) counts as 领先 (落后); ≥ 0.
    """
    field = "竞争力评分表"
    _checks.non_empty(table, field)
    for col in (name, ours):
        if col not in table.columns:
            raise InputError(field, f"缺少列“{col}”", col)
    products = _checks.names(table[name], f"{field}·{name}")
    suppliers = [c for c in table.columns if c != name]
    _checks.names(suppliers, f"{field}·供应商")
    rivals = [c for c in suppliers if c != ours]
    if not rivals:
        raise InputError(field, "至少需要一个竞争对手列", suppliers)
    thr = _checks.in_range(strong, "竞争力强的分界", 0, 10)
    gap_min = _checks.at_least(margin, "领先/落后的分差", 0)
    values = _checks.numeric_frame(table, suppliers, field, 0, 10, row_label=name)
    values.index = pd.Index(products, name=name)
    rival_scores = values[rivals]
    best = rival_scores.max(axis=1)
    who = rival_scores.idxmax(axis=1)  # first rival on a tie
    gap = (values[ours] - best).round(4)
    status = np.where(gap >= gap_min, LEAD, np.where(gap <= -gap_min, BEHIND, LEVEL))
    out = pd.DataFrame({name: products, "我方得分": values[ours].to_numpy(), "最强对手": who.to_numpy(),
                        "对手得分": best.to_numpy(), "差距": gap.to_numpy(), "态势": status})
    return CompetitionResult(values, ours, out, thr)
