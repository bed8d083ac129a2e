"""客户效益需求与竞争排名评估表 (王渊 第二讲 二·1·3 定位).

The account's benefit needs (效益需求) are listed and weighted to 100 by how
much *the account* cares about each; we and each competitor are scored 0–10 on
every need, as the account would judge us. Three readings follow:

* the weighted standing of every supplier (reusing :func:`kamlab.weighted_scores`);
* the rank on each need (1 = best; tied scores share the better rank);
* our gap to the best competitor on each need, weighted, so the positioning
  statement can lean on needs where we lead and the action plan can close the
  gaps that weigh most.

Worked by hand (the book's illustration): needs 交付可靠性 40 / 技术支持 30 /
价格 30; 我方 8/9/5, 对手 A 7/6/8 →
我方 8×0.4 + 9×0.3 + 5×0.3 = 3.2 + 2.7 + 1.5 = 7.4;
对手 A 7×0.4 + 6×0.3 + 8×0.3 = 2.8 + 1.8 + 2.4 = 7.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .weighted import Criteria, weighted_scores

SUPPLIER_COL = "供应商"
US = "我方"


@dataclass(frozen=True)
class BenefitRankingResult:
    """Where we stand against competitors on the account's weighted benefit needs.

    Attributes:
        needs: the weighted benefit needs.
        standing: 供应商, 加权得分, 排名 (best first).
        by_need: 需求, 权重, 我方得分, 最强对手, 对手得分, 差距, 加权差距, 我方排名.
        scores: the validated 0–10 score table (one row per supplier).
        us: the name of our row.
    """

    needs: Criteria
    standing: pd.DataFrame
    by_need: pd.DataFrame
    scores: pd.DataFrame
    us: str

    @property
    def our_score(self) -> float:
        """Our weighted 0–10 score."""
        row = self.standing[self.standing[SUPPLIER_COL] == self.us]
        return float(row["加权得分"].iloc[0])

    @property
    def our_rank(self) -> int:
        """Our overall rank (1 = best)."""
        row = self.standing[self.standing[SUPPLIER_COL] == self.us]
        return int(row["排名"].iloc[0])

    @property
    def best_rival(self) -> str:
        """The competitor with the highest weighted score."""
        others = self.standing[self.standing[SUPPLIER_COL] != self.us]
        return str(others[SUPPLIER_COL].iloc[0])

    @property
    def lead(self) -> float:
        """Our weighted score minus the best competitor's (negative = behind)."""
        others = self.standing[self.standing[SUPPLIER_COL] != self.us]
        return round(self.our_score - float(others["加权得分"].iloc[0]), 4)

    def to_frame(self) -> pd.DataFrame:
        """The per-need table."""
        return self.by_need.copy()

    def _repr_html_(self) -> str:
        fmt = lambda v: f"{v:.2f}"  # noqa: E731
        return (self.standing.to_html(index=False, float_format=fmt)
                + self.by_need.to_html(index=False, float_format=fmt)
                + f"<p>我方排名第 {self.our_rank}，领先最强对手 {self.best_rival} {self.lead:+.2f} 分</p>")


def rank_benefits(
    needs: Criteria | Mapping[str, object], scores: pd.DataFrame, us: str = US
) -> BenefitRankingResult:
    """Weighted standing and per-need ranks of us against competitors.

    Args:
        needs: the account's benefit needs ``{need: weight}`` (weights sum 100).
        scores: one row per supplier: column ``供应商`` plus one 0–10 column per need;
            one row must be ``us``, at least one other row a competitor.
        us: the name of our row (default ``我方``).
    """
    if not isinstance(needs, Criteria):
        needs = Criteria.from_mapping(needs, "效益需求权重")
    field = "竞争排名评估表"
    _checks.non_empty(scores, field)
    if SUPPLIER_COL not in scores.columns:
        raise _checks.InputError(field, f"缺少列“{SUPPLIER_COL}”", SUPPLIER_COL)
    suppliers = _checks.names(scores[SUPPLIER_COL], f"{field}·{SUPPLIER_COL}")
    if us not in suppliers:
        raise _checks.InputError(f"{field}·{SUPPLIER_COL}", f"没有“{us}”这一行，请把我方列入评估", us)
    if len(suppliers) < 2:
        raise _checks.InputError(f"{field}·{SUPPLIER_COL}", "至少需要一个竞争对手", suppliers)
    total = weighted_scores(needs, scores, field, row_label=SUPPLIER_COL)
    values = _checks.numeric_frame(scores, needs.names, field, 0, 10, row_label=SUPPLIER_COL)
    values.index = list(suppliers)
    standing = pd.DataFrame({SUPPLIER_COL: suppliers, "加权得分": total.round(4).to_numpy()})
    standing["排名"] = standing["加权得分"].rank(ascending=False, method="min").astype(int)
    standing = standing.sort_values(["排名", SUPPLIER_COL], kind="stable").reset_index(drop=True)
    ranks = values.rank(ascending=False, method="min").astype(int)
    rivals = values.drop(index=us)
    best = rivals.idxmax()
    rows = []
    for need, weight in needs.as_dict().items():
        ours = float(values.at[us, need])
        rival_score = float(rivals[need].max())
        gap = ours - rival_score
        rows.append({"需求": need, "权重": weight, "我方得分": ours, "最强对手": best[need],
                     "对手得分": rival_score, "差距": round(gap, 4),
                     "加权差距": round(gap * weight / 100, 4), "我方排名": int(ranks.at[us, need])})
    scored = values.reset_index(names=SUPPLIER_COL)
    return BenefitRankingResult(needs, standing, pd.DataFrame(rows), scored, us)
