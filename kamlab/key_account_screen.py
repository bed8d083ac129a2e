"""Is this a key account? The three meanings of 大 (叶敦明 第二讲).

The course says an account can be "big" in three ways: a large single deal
(单次成交数量大); a small first deal whose later purchases accelerate
(初期成交额小，后期购买量具有加速度效应); or large influence in its industry
(客户拥有行业“大”影响). It gives the three meanings, not a test. The screen and
the projection below are **the book's own**:

* **Projection** (:func:`project_purchases`): year 1 buys the first order
  ``F``; from year *k* to *k*+1 purchases grow by ``g + a·(k−1)`` — the growth
  rate itself rises by ``a`` percentage points a year, which is what makes the
  growth *accelerate*. A steady large account buys ``S`` every year.
  By hand (F = 50, g = 20 %, a = 10 points): 50, 50×1.2 = 60, 60×1.3 = 78,
  78×1.4 = 109.2, 109.2×1.5 = 163.8 …
* **Screen** (:func:`screen_accounts`): 单次量大 when the first order ≥ the
  large-order line; 加速成长 when the first order is below that line but the
  projected purchase in the horizon's last year reaches it; 行业影响力大 when
  influence (0–10) ≥ the influence line. Any one meaning makes a key-account
  candidate; the lines are parameters (defaults 200 万元, 5 years, 7 points).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

MEANINGS = ("单次量大", "加速成长", "行业影响力大")


@dataclass(frozen=True)
class ProjectionResult(TableResult):
    """Projected yearly purchases of an accelerating account vs a steady one.

    Attributes:
        table: 年份, 增长率(%), 加速型客户, 稳定大客户, 加速型累计, 稳定型累计 (万元).
        yearly_cross: first year the accelerating account buys more than the steady
            one in that year (None if not within the horizon).
        cumulative_cross: first year its cumulative purchases reach the steady
            account's (None if not within the horizon).
    """

    table: pd.DataFrame
    yearly_cross: int | None
    cumulative_cross: int | None

    def _repr_html_(self) -> str:
        def say(year: int | None) -> str:
            return f"第 {year} 年" if year else "预测期内未出现"

        return self.table.to_html(index=False, float_format=lambda v: f"{v:,.2f}") + (
            f"<p>年采购额超过稳定大客户：{say(self.yearly_cross)}；"
            f"累计采购额追上：{say(self.cumulative_cross)}</p>"
        )


def _growth_path(first: float, growth: float, acceleration: float, years: int) -> tuple[list[float], list[float]]:
    """Purchases per year and the growth rate (%) applied to reach each year."""
    purchases, rates = [first], [float("nan")]
    for k in range(1, years):
        rate = growth + acceleration * (k - 1)
        purchases.append(purchases[-1] * (1 + rate / 100))
        rates.append(rate)
    return purchases, rates


def project_purchases(
    first: object, growth: object, acceleration: object, steady: object, years: object = 6
) -> ProjectionResult:
    """Project an accelerating account against a steady large account.

    Args:
        first: first-year purchase (万元, > 0).
        growth: growth from year 1 to year 2, in % (−100 … 500).
        acceleration: yearly rise of the growth rate, in percentage points (−50 … 100).
        steady: the steady account's yearly purchase (万元, ≥ 0).
        years: horizon, 2–20 years.
    """
    f = _checks.at_least(first, "首年采购额", 0)
    if f == 0:
        raise _checks.InputError("首年采购额", "应大于 0", first)
    g = _checks.percent(growth, "首年增长率", -100, 500)
    a = _checks.in_range(acceleration, "增速每年加快", -50, 100)
    s = _checks.at_least(steady, "稳定大客户年采购额", 0)
    n = int(_checks.in_range(years, "预测年数", 2, 20))
    purchases, rates = _growth_path(f, g, a, n)
    if any(r < -100 for r in rates[1:]):
        raise _checks.InputError("增速每年加快", f"使增长率在预测期内低于 −100%（当前为 {a:g} 个百分点）", acceleration)
    table = pd.DataFrame({"年份": range(1, n + 1), "增长率(%)": rates, "加速型客户": purchases,
                          "稳定大客户": [s] * n})
    table["加速型累计"] = table["加速型客户"].cumsum()
    table["稳定型累计"] = table["稳定大客户"].cumsum()
    table = table.round(4)
    yearly = table.loc[table["加速型客户"] > table["稳定大客户"], "年份"]
    cumulative = table.loc[table["加速型累计"] >= table["稳定型累计"], "年份"]
    return ProjectionResult(table, int(yearly.iloc[0]) if len(yearly) else None,
                            int(cumulative.iloc[0]) if len(cumulative) else None)


@dataclass(frozen=True)
class ScreenResult(TableResult):
    """Candidate accounts tested against the three meanings of 大.

    Attributes:
        table: 客户, 首单金额, 末年采购额, one ✓/– column per meaning, 判定.
        large_order: the large-order line (万元); horizon: years; influence_cut: 0–10.
    """

    table: pd.DataFrame
    large_order: float
    horizon: int
    influence_cut: float

    @property
    def key_accounts(self) -> list[str]:
        """Names of the accounts that meet at least one meaning."""
        return list(self.table.loc[self.table["判定"] != "暂不列为大客户", "客户"])

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:,.2f}")


def screen_accounts(
    candidates: pd.DataFrame, large_order: object = 200, horizon: object = 5, influence_cut: object = 7
) -> ScreenResult:
    """Screen candidates against 单次量大 / 加速成长 / 行业影响力大.

    Args:
        candidates: columns 客户, 首单金额 (万元), 首年增长率 (%), 增速每年加快
            (percentage points), 行业影响力 (0–10).
        large_order: the large-order line in 万元 (> 0).
        horizon: the year whose projected purchase is compared with the line (2–20).
        influence_cut: influence at or above which an account counts as influential.
    """
    line = _checks.at_least(large_order, "大单标准", 0)
    if line == 0:
        raise _checks.InputError("大单标准", "应大于 0", large_order)
    n = int(_checks.in_range(horizon, "预测年数", 2, 20))
    cut = _checks.in_range(influence_cut, "影响力标准", 0, 10)
    _checks.non_empty(candidates, "候选客户表")
    for col in ("客户", "首单金额", "首年增长率", "增速每年加快", "行业影响力"):
        if col not in candidates.columns:
            raise _checks.InputError("候选客户表", f"缺少列“{col}”", col)
    names = _checks.names(candidates["客户"], "候选客户表·客户")
    first = _checks.numeric_frame(candidates, ["首单金额"], "候选客户表", 0, None, row_label="客户")["首单金额"]
    rates = _checks.numeric_frame(candidates, ["首年增长率"], "候选客户表", -100, 500, row_label="客户")["首年增长率"]
    accel = _checks.numeric_frame(candidates, ["增速每年加快"], "候选客户表", -50, 100, row_label="客户")["增速每年加快"]
    influence = _checks.numeric_frame(candidates, ["行业影响力"], "候选客户表", 0, 10, row_label="客户")["行业影响力"]
    last = [_growth_path(f, g, a, n)[0][-1] for f, g, a in zip(first, rates, accel, strict=True)]
    big = first >= line
    growing = (first < line) & (pd.Series(last, index=first.index) >= line)
    influential = influence >= cut
    verdicts = []
    for b, g, i in zip(big, growing, influential, strict=True):
        hits = [m for m, flag in zip(MEANINGS, (b, g, i), strict=True) if flag]
        verdicts.append("大客户：" + "、".join(hits) if hits else "暂不列为大客户")
    table = pd.DataFrame({
        "客户": list(names), "首单金额": first.to_numpy(), f"第{n}年采购额": [round(v, 4) for v in last],
        "单次量大": ["✓" if x else "–" for x in big], "加速成长": ["✓" if x else "–" for x in growing],
        "行业影响力大": ["✓" if x else "–" for x in influential], "判定": verdicts,
    })
    return ScreenResult(table, line, n, cut)
