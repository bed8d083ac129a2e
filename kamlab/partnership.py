"""合作伙伴关系的分类模型: which type of partnership fits (王渊 第三讲 六).

Lambert, Emmelhainz & Gardner (1996, *Int. J. Logistics Management*) and
Lambert & Knemeyer ("We're in This Together", *HBR*, Dec 2004) model a
partnership by its **drivers** (驱动因素: each party's compelling reasons to
partner), its **facilitators** (促进因素: the supportive environment the two
firms share), its **components** (促成要素) and its **outcomes** (合作效果).
Drivers are assessed by each party for itself, facilitators jointly; the two
together point to no partnership (arm's-length dealing) or to a Type I, II or III
partnership.

The published "propensity to partner" grid has score cut-offs that this book
could not verify, so **the rule below is the book's own** and says so wherever
it is shown:

1. each driver and facilitator is rated 1 (absent) – 5 (very strong);
2. the driver score is the *lower* of the two parties' averages (both sides
   need their own reasons); the facilitator score is the joint average;
3. each score is banded 低 (< 2.5), 中 (2.5 – < 3.5), 高 (≥ 3.5);
4. :data:`TYPE_GRID` turns the two bands into a type.

Worked by hand: our drivers 4, 4, 3, 5 → 4.0; the account's 3, 4, 3, 4 → 3.5;
driver score min(4.0, 3.5) = 3.5 → 高; facilitators 3, 3, 4, 2 → 3.0 → 中 →
Type II.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks

DRIVERS = ("资产/成本效率", "客户服务改善", "营销优势", "利润稳定/增长")
FACILITATORS = ("企业文化兼容", "管理理念与方法相近", "互惠意愿", "双方实力对称")
COMPONENTS = ("联合规划活动", "联合运营管理", "沟通交流", "风险承担/收益共享", "信守和承诺",
              "合同形式", "覆盖范围", "财务投资")

LOW_MAX, HIGH_MIN = 2.5, 3.5  # the book's own band edges on the 1–5 scale
BANDS = ("低", "中", "高")
ARMS_LENGTH, TYPE_I, TYPE_II, TYPE_III = "一般交易关系", "I 型伙伴关系", "II 型伙伴关系", "III 型伙伴关系"

#: (driver band, facilitator band) -> type: the book's own grid.
TYPE_GRID = {
    ("低", "低"): ARMS_LENGTH, ("低", "中"): ARMS_LENGTH, ("低", "高"): ARMS_LENGTH,
    ("中", "低"): ARMS_LENGTH, ("中", "中"): TYPE_I, ("中", "高"): TYPE_II,
    ("高", "低"): TYPE_I, ("高", "中"): TYPE_II, ("高", "高"): TYPE_III,
}

#: What each type means (Lambert & Knemeyer 2004).
TYPE_MEANING = {
    ARMS_LENGTH: "驱动力或环境不足：保持良好的买卖关系，不必投入伙伴关系的各项要素",
    TYPE_I: "双方在有限的活动上协调，通常短期、只涉及一两个部门",
    TYPE_II: "从协调走向整合，覆盖更多部门和活动，着眼长期",
    TYPE_III: "运营上深度整合，双方视对方为自身的延伸，没有预设的终止时间",
}


def band(score: float) -> str:
    """低 / 中 / 高 for a 1–5 average (the book's edges 2.5 and 3.5)."""
    return "低" if score < LOW_MAX else ("中" if score < HIGH_MIN else "高")


@dataclass(frozen=True)
class PartnershipResult:
    """The partnership type suggested by drivers and facilitators.

    Attributes:
        ratings: 因素, 类别, 我方, 客户方 (facilitators: joint rating in 我方, 客户方 blank).
        ours, theirs: each party's average driver rating (1–5).
        driver_score: min(ours, theirs); facilitator_score: the facilitators' average.
        driver_band, facilitator_band: 低/中/高; partnership_type: from :data:`TYPE_GRID`.
    """

    ratings: pd.DataFrame
    ours: float
    theirs: float
    driver_score: float
    facilitator_score: float
    driver_band: str
    facilitator_band: str
    partnership_type: str

    @property
    def meaning(self) -> str:
        """What the suggested type implies."""
        return TYPE_MEANING[self.partnership_type]

    def to_frame(self) -> pd.DataFrame:
        """The ratings table."""
        return self.ratings.copy()

    def _repr_html_(self) -> str:
        return (f"<p>驱动因素得分 {self.driver_score:.2f}（我方 {self.ours:.2f}，客户方 {self.theirs:.2f}，取低者）"
                f"→ {self.driver_band}；促进因素得分 {self.facilitator_score:.2f} → {self.facilitator_band}；"
                f"建议：<b>{self.partnership_type}</b>（本书自拟的判定规则）。{self.meaning}</p>")


def _ratings(values: Mapping[str, object], items: tuple[str, ...], field: str) -> list[float]:
    missing = [k for k in items if k not in values]
    if missing:
        raise _checks.InputError(field, f"缺少“{missing[0]}”的评分", missing[0])
    return [_checks.in_range(values[k], f"{field}·{k}", 1, 5) for k in items]


def assess_partnership(
    our_drivers: Mapping[str, object], their_drivers: Mapping[str, object], facilitators: Mapping[str, object]
) -> PartnershipResult:
    """Suggest a partnership type from 1–5 ratings (the book's own rule, see module doc).

    Args:
        our_drivers: our rating of each of :data:`DRIVERS`.
        their_drivers: the account's rating of each of :data:`DRIVERS`.
        facilitators: the joint rating of each of :data:`FACILITATORS`.
    """
    ours = _ratings(our_drivers, DRIVERS, "我方驱动因素")
    theirs = _ratings(their_drivers, DRIVERS, "客户方驱动因素")
    facil = _ratings(facilitators, FACILITATORS, "促进因素")
    our_avg, their_avg = sum(ours) / len(ours), sum(theirs) / len(theirs)
    driver_score = min(our_avg, their_avg)
    facil_score = sum(facil) / len(facil)
    rows = [{"因素": d, "类别": "驱动因素", "我方": o, "客户方": t} for d, o, t in zip(DRIVERS, ours, theirs, strict=True)]
    rows += [{"因素": f, "类别": "促进因素（共同评）", "我方": v, "客户方": None} for f, v in zip(FACILITATORS, facil, strict=True)]
    d_band, f_band = band(driver_score), band(facil_score)
    return PartnershipResult(pd.DataFrame(rows), round(our_avg, 4), round(their_avg, 4), round(driver_score, 4),
                             round(facil_score, 4), d_band, f_band, TYPE_GRID[(d_band, f_band)])
