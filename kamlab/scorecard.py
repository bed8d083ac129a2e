"""四维评估法: a quarterly four-dimension scorecard of the marketing strategy (叶敦明 第一讲).

The course names four views on whether the firm's marketing strategy works —
纵向时间对比 (against our own past), 横向标杆对比 (against the benchmark firm),
垂直经销商评价 (what our dealers say) and 平行大客户反馈 (what key accounts say) —
run once a quarter and judged on **both** quantitative and qualitative evidence, so
that the review does not shrink to a sales-volume check.

The course gives no formula. The arithmetic here is **the book's own**:

* each dimension gets a quantitative score (定量, 0–10, from figures such as sales
  growth or share) and a qualitative score (定性, 0–10, from interviews and
  reviews); its dimension score blends them,
  ``dimension = quant × q% + qual × (100 − q%)`` with ``q`` = 50 by default;
* the quarter's overall score is the weighted sum of the four dimension scores
  (weights sum to 100, default 25 each, via :mod:`kamlab.weighted`);
* 环比 is the change of the overall score against the previous quarter.

Worked by hand (q = 50, equal weights): dimension scores 6, 7, 5, 8 →
(6 + 7 + 5 + 8) × 25 / 100 = 6.5.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .weighted import Criteria, weighted_scores

DIMENSIONS = ("纵向时间对比", "横向标杆对比", "垂直经销商评价", "平行大客户反馈")
QUANT, QUAL = "定量", "定性"

#: Equal weights: the book's default (the course gives none).
DEFAULT_WEIGHTS = {d: 25 for d in DIMENSIONS}


def column(dimension: str, kind: str) -> str:
    """The input column for one dimension's 定量 or 定性 score, e.g. ``纵向时间对比·定量``."""
    return f"{dimension}·{kind}"


INPUT_COLUMNS = ("季度",) + tuple(column(d, k) for d in DIMENSIONS for k in (QUANT, QUAL))


@dataclass(frozen=True)
class ScorecardResult:
    """Four-dimension scores per quarter.

    Attributes:
        criteria: the dimension weights used.
        quant_share: the share (%) of the quantitative score in each dimension.
        table: 季度, one column per dimension (blended 0–10), 综合得分, 环比变化.
    """

    criteria: Criteria
    quant_share: float
    table: pd.DataFrame

    @property
    def latest(self) -> pd.Series:
        """The last quarter's row."""
        return self.table.iloc[-1]

    @property
    def weakest(self) -> tuple[str, ...]:
        """The weakest dimension(s) in the last quarter: **every** dimension that shares
        the lowest score, in the order of the weights (a tie is reported as a tie)."""
        row = self.latest[list(self.criteria.names)].astype(float)
        low = row.min()
        return tuple(str(d) for d, v in row.items() if abs(v - low) < 1e-9)

    def to_frame(self) -> pd.DataFrame:
        """The per-quarter table."""
        return self.table.copy()

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.2f}", na_rep="—") + (
            f"<p>最近一季最弱的维度：{weakest_text(self.weakest)}</p>"
        )


def weakest_text(dimensions: tuple[str, ...]) -> str:
    """The weakest dimension(s) for a learner: ``A``, or on a tie ``A、B（2 个维度并列）``."""
    if len(dimensions) == 1:
        return dimensions[0]
    return "、".join(dimensions) + f"（{len(dimensions)} 个维度并列）"


def score_quarters(
    scores: pd.DataFrame,
    weights: Mapping[str, object] | None = None,
    quant_share: object = 50,
) -> ScorecardResult:
    """Score each quarter on the four dimensions.

    Args:
        scores: one row per quarter, in time order: ``季度`` plus, for each of
            :data:`DIMENSIONS`, a ``<维度>·定量`` and a ``<维度>·定性`` column (0–10).
        weights: ``{dimension: weight}`` summing to 100 (default 25 each).
        quant_share: the quantitative share of each dimension score, 0–100 %.
    """
    criteria = Criteria.from_mapping(weights or DEFAULT_WEIGHTS, "维度权重")
    unknown = [d for d in criteria.names if d not in DIMENSIONS]
    if unknown:
        raise _checks.InputError("维度权重", f"“{unknown[0]}”不是四维评估法的维度（应为 {'、'.join(DIMENSIONS)}）", unknown[0])
    share = _checks.in_range(quant_share, "定量占比", 0, 100)
    _checks.non_empty(scores, "季度评分表")
    if "季度" not in scores.columns:
        raise _checks.InputError("季度评分表", "缺少列“季度”", "季度")
    quarters = _checks.names(scores["季度"], "季度评分表·季度")
    cols = [column(d, k) for d in criteria.names for k in (QUANT, QUAL)]
    values = _checks.numeric_frame(scores, cols, "季度评分表", 0, 10, row_label="季度")
    blended = pd.DataFrame(index=scores.index)
    for d in criteria.names:
        blended[d] = (values[column(d, QUANT)] * share + values[column(d, QUAL)] * (100 - share)) / 100
    overall = weighted_scores(criteria, blended, "季度评分表")
    table = blended.round(4)
    table.insert(0, "季度", list(quarters))
    table["综合得分"] = overall.round(4)
    table["环比变化"] = table["综合得分"].diff().round(4)
    return ScorecardResult(criteria, share, table.reset_index(drop=True))
