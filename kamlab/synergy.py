"""五种内部协同效应: a scored checklist (叶敦明 第四讲).

Whatever form the key-account organisation takes (临时小组 / 常设小组 / 大客户部),
the course says it must work with the rest of the firm and build five internal
synergies: an information-sharing platform, a sales director who knows the
business, interaction with the top decision makers, customer-service awareness
among the heads of the main departments, and an open culture of cross-department
teamwork.

The scoring is **the book's own**: each synergy is rated 0–10 by the team,
weighted (default 20 each, sum 100, via :mod:`kamlab.weighted`) into a 0–10
total; the weakest synergy (first on a tie) is the one to fix first. Bands:
total ≥ 7 协同良好, ≥ 5 部分协同, below 5 协同不足.

By hand (equal weights): 8, 6, 4, 7, 5 → (8+6+4+7+5) × 20/100 = 30 × 0.2 = 6.0
→ 部分协同; weakest 与公司决策层的互动 (4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult
from .weighted import Criteria, weighted_scores

SYNERGIES = ("信息共享平台", "精通业务管理的销售总监", "与公司决策层的互动", "主要部门负责人的客户服务意识",
             "跨部门团队的开放式合作文化")
DEFAULT_WEIGHTS = {s: 20 for s in SYNERGIES}
BANDS = ((7.0, "协同良好"), (5.0, "部分协同"), (0.0, "协同不足"))


@dataclass(frozen=True)
class SynergyResult(TableResult):
    """The checklist scored.

    Attributes:
        table: 协同效应, 权重, 评分, 加权得分.
        total: weighted total (0–10); band: 协同良好 / 部分协同 / 协同不足.
        weakest: the lowest-rated synergy (first on a tie).
    """

    table: pd.DataFrame
    total: float
    band: str
    weakest: str

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.2f}") + (
            f"<p>综合得分 {self.total:.2f}（{self.band}）；最需要加强：{self.weakest}</p>"
        )


def score_synergies(scores: Mapping[str, object], weights: Mapping[str, object] | None = None) -> SynergyResult:
    """Score the five internal synergies.

    Args:
        scores: ``{synergy: 0–10}`` for every synergy in :data:`SYNERGIES`.
        weights: ``{synergy: weight}`` summing to 100 (default 20 each).
    """
    criteria = Criteria.from_mapping(weights or DEFAULT_WEIGHTS, "协同权重")
    missing = [s for s in criteria.names if s not in scores]
    if missing:
        raise _checks.InputError(f"协同评分·{missing[0]}", "未填写", None)
    row = pd.DataFrame([{s: scores[s] for s in criteria.names}])
    total = float(weighted_scores(criteria, row, "协同评分").iloc[0])
    rated = _checks.numeric_frame(row, list(criteria.names), "协同评分", 0, 10).iloc[0]
    table = pd.DataFrame({"协同效应": list(criteria.names), "权重": list(criteria.weights),
                          "评分": rated.to_numpy()})
    table["加权得分"] = (table["权重"] * table["评分"] / 100).round(4)
    band = next(name for cut, name in BANDS if total >= cut - 1e-9)
    weakest = str(table.loc[table["评分"].idxmin(), "协同效应"])
    return SynergyResult(table, round(total, 4), band, weakest)
