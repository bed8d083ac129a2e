"""Industry prioritisation (行业分析) for 丁兴良's six-step method (第二讲).

The course lists seven factors for judging an industry as a market for key
accounts — 市场容量, 增长速度, 客户认知, 竞争程度, 实施难易, 资金与信用,
政府支持 — and sorts industries into 重点行业 / 潜力行业 / 观察行业. It gives
neither weights nor cut-offs. Here each industry is scored 0–10 on each factor
**so that 10 is most favourable to us** (for 竞争程度 and 实施难易 that means
little competition and easy implementation), the scores are weighted to 100
with :mod:`kamlab.weighted`, and two cut-offs (the book's own parameters,
default 7.0 and 5.5) split the classes:

- 得分 ≥ ``focus`` → 重点行业;
- ``potential`` ≤ 得分 < ``focus`` → 潜力行业;
- 得分 < ``potential`` → 观察行业.

Worked by hand with the default weights 20/20/10/15/10/15/10 and scores
9/6/8/5/7/8/8: 1.8 + 1.2 + 0.8 + 0.75 + 0.7 + 1.2 + 0.8 = 7.25 → 重点行业.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .errors import InputError
from .weighted import Criteria, ScoredTable, score_table

FACTORS = ("市场容量", "增长速度", "客户认知", "竞争程度", "实施难易", "资金与信用", "政府支持")

#: The book's illustrative weights (the course gives none).
DEFAULT_INDUSTRY_WEIGHTS = {"市场容量": 20, "增长速度": 20, "客户认知": 10, "竞争程度": 15,
                            "实施难易": 10, "资金与信用": 15, "政府支持": 10}
FOCUS, POTENTIAL, WATCH = "重点行业", "潜力行业", "观察行业"
CLASSES = (FOCUS, POTENTIAL, WATCH)


@dataclass(frozen=True)
class IndustryResult(ScoredTable):
    """Industries scored and classed: a :class:`~kamlab.weighted.ScoredTable`
    (score column 得分) with the class cut-offs.

    Attributes:
        criteria: the weighted factors.
        table: the input scores plus 得分 (0–10) and 优先级, sorted high to low.
        focus, potential: the two cut-offs used.
    """

    focus: float = 7.0
    potential: float = 5.5

    def counts(self) -> pd.DataFrame:
        """Number of industries per class."""
        return self.table.groupby("优先级", observed=False).size().rename("行业数").reset_index()


def prioritise_industries(
    criteria: Criteria | dict[str, object],
    scores: pd.DataFrame,
    focus: object = 7.0,
    potential: object = 5.5,
    name: str = "行业",
) -> IndustryResult:
    """Score industries on weighted factors and sort them into 重点/潜力/观察行业.

    Args:
        criteria: weighted factors, or ``{factor: weight}`` with weights summing to 100.
        scores: one row per industry: ``name`` plus one 0–10 column per factor.
        focus: score from which an industry is 重点行业 (book's default 7.0).
        potential: score from which it is 潜力行业 (default 5.5); must be below ``focus``.
        name: the column naming each industry.
    """
    hi = _checks.in_range(focus, "重点行业分界", 0, 10)
    lo = _checks.in_range(potential, "潜力行业分界", 0, 10)
    if lo >= hi:
        raise InputError("潜力行业分界", f"应低于重点行业分界 {hi:g}，当前为 {lo:g}", potential)
    _checks.non_empty(scores, "行业评分表")
    if name not in scores.columns:
        raise InputError("行业评分表", f"缺少列“{name}”", name)
    scored = score_table(criteria, scores, score_col="得分", table_label="行业评分表",
                         weight_label="行业因素权重", name_col=name)
    table = scored.table
    codes = (table["得分"] < hi).astype(int) + (table["得分"] < lo).astype(int)
    table["优先级"] = pd.Categorical.from_codes(codes, categories=list(CLASSES))
    table = table.sort_values("得分", ascending=False, kind="stable").reset_index(drop=True)
    return IndustryResult(scored.criteria, table, scored.score_col, hi, lo)
