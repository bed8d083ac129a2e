"""价值三阶梯: a self-assessment of an industrial brand (叶敦明 第六讲).

The course article names three steps an industrial brand climbs: (1) the trust
ladder — product trust, risk trust, organisation trust, social trust — the first
gate to any key account and the brand's inner value; (2) a differentiated image
built on product performance, starting from industrial design (fresh appearance,
convenient functions); (3) the social brand that takes the firm beyond its
industry's small circle.

The items of steps 2 and 3 and the whole scoring are **the book's own**: each
item rated 0–10; a step's score is the mean of its items; a step is reached when
its score ≥ the threshold (default 6); the level is the number of steps reached
*in order from the bottom* (a higher step does not count while a lower one is
missing). The next focus is the lowest item of the first step not reached.

By hand: 8, 7, 6, 5 → 26/4 = 6.5 (reached); 7, 5, 6 → 18/3 = 6.0 (reached, the
line counts); 3, 2 → 5/2 = 2.5 (not reached) → level 2, next focus 公众认知.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks

LADDER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("信任阶梯", ("产品信任", "风险信任", "组织信任", "社会信任")),
    ("差异化形象", ("工业设计", "产品外观", "便捷功能")),
    ("社会品牌", ("行业外知名度", "公众认知")),
)
ITEMS = tuple(item for _, items in LADDER for item in items)


@dataclass(frozen=True)
class LadderResult:
    """Where the brand stands on the three steps.

    Attributes:
        items: 阶梯, 项目, 评分 (one row per item).
        steps: 阶梯, 平均分, 达到 (one row per step).
        threshold: the score a step needs.
        level: steps reached in order from the bottom (0–3).
        next_focus: the lowest item of the first step not reached (None at level 3).
    """

    items: pd.DataFrame
    steps: pd.DataFrame
    threshold: float
    level: int
    next_focus: str | None

    def to_frame(self) -> pd.DataFrame:
        """The per-step table."""
        return self.steps.copy()

    def _repr_html_(self) -> str:
        focus = f"；下一步重点：{self.next_focus}" if self.next_focus else "；三级阶梯均已达到"
        return self.steps.to_html(index=False, float_format=lambda v: f"{v:.2f}") + (
            f"<p>已登上第 {self.level} 级阶梯（达标线 {self.threshold:g} 分）{focus}</p>"
        )


def assess_ladder(scores: Mapping[str, object], threshold: object = 6) -> LadderResult:
    """Rate the brand on the value ladder.

    Args:
        scores: ``{item: 0–10}`` for every item in :data:`ITEMS`.
        threshold: the step score (0–10) at which a step counts as reached.
    """
    line = _checks.in_range(threshold, "达标线", 0, 10)
    rows = []
    for step, items in LADDER:
        for item in items:
            if item not in scores:
                raise _checks.InputError(f"品牌评分·{item}", "未填写", None)
            rows.append({"阶梯": step, "项目": item, "评分": _checks.in_range(scores[item], f"品牌评分·{item}", 0, 10)})
    table = pd.DataFrame(rows)
    means = table.groupby("阶梯", sort=False)["评分"].mean().round(4)
    steps = pd.DataFrame({"阶梯": means.index, "平均分": means.to_numpy()})
    steps["达到"] = ["是" if m >= line - 1e-9 else "否" for m in steps["平均分"]]
    level = 0
    for reached in steps["达到"]:
        if reached != "是":
            break
        level += 1
    focus = None
    if level < len(LADDER):
        step_items = table[table["阶梯"] == LADDER[level][0]]
        focus = str(step_items.loc[step_items["评分"].idxmin(), "项目"])
    return LadderResult(table, steps, line, level, focus)
