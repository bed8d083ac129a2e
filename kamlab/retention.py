"""Retention → profit: the per-customer NPV behind "5 % fewer defections" (丁兴良 第一讲).

Reichheld & Sasser ("Zero Defections: Quality Comes to Services", HBR Sep–Oct
1990) reported that cutting customer defections by 5 percentage points raised
the net present value of an average customer by 25–85 % in the industries they
studied. Those are **per-customer NPV illustrations**, not measured company
profit. This module lets the learner redo the arithmetic with stated
assumptions:

- the customer is acquired at the start for a one-off cost ``acquisition`` (万元);
- while retained, the customer brings ``margin`` (万元) in year 1, growing by
  ``growth`` % a year (more purchases, lower cost to serve, referrals);
- each year the customer stays with probability ``retention`` (so is still there
  in year t with probability retention^(t−1));
- profit arrives at the end of each year and is discounted at ``discount`` %;
- the horizon is ``years`` years.

NPV = −acquisition + Σ_{t=1..years} margin·(1+growth)^(t−1)·retention^(t−1) / (1+discount)^t

This is the ``"end_first"`` timing of wang-03's :func:`kamlab.customer_lifetime_value`
(first year certain, paid at its end); that function's default ``"end"`` timing
does not count the first year. With no growth and no acquisition cost the two
agree when the same timing is chosen. Rates are percentages (80 means 80 %).

Worked by hand (margin 10, growth 0, discount 10 %, 3 years, no acquisition cost):
retention 80 % → 10/1.1 + 8/1.21 + 6.4/1.331 = 9.0909 + 6.6116 + 4.8084 = 20.5109;
retention 85 % → 9.0909 + 8.5/1.21 + 7.225/1.331 = 9.0909 + 7.0248 + 5.4282 = 21.5440;
uplift 21.5440 / 20.5109 − 1 = 5.04 %. Longer horizons, growing margins and an
acquisition cost to recover make the uplift much larger.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks
from .errors import InputError
from .result import TableResult


@dataclass(frozen=True)
class RetentionAssumptions:
    """The stated assumptions of the simulator (money in 万元, rates in %)."""

    margin: float = 10.0
    growth: float = 5.0
    discount: float = 10.0
    years: int = 20
    acquisition: float = 15.0

    @classmethod
    def parse(cls, margin: object = 10, growth: object = 5, discount: object = 10,
              years: object = 20, acquisition: object = 15) -> RetentionAssumptions:
        """Validate learner-typed assumptions."""
        y = _checks.in_range(years, "年限", 1, 50)
        if y != int(y):
            raise InputError("年限", f"应为整数年，当前为 {y:g}", years)
        return cls(
            margin=_checks.at_least(margin, "首年利润", 0),
            growth=_checks.percent(growth, "年利润增长率", -50, 100),
            discount=_checks.percent(discount, "折现率", 0, 100),
            years=int(y),
            acquisition=_checks.at_least(acquisition, "获客成本", 0),
        )

    def to_frame(self) -> pd.DataFrame:
        """The assumptions as a two-column table."""
        return pd.DataFrame({
            "假设": ["首年利润（万元）", "年利润增长率（%）", "折现率（%）", "年限（年）", "获客成本（万元）"],
            "取值": [self.margin, self.growth, self.discount, self.years, self.acquisition],
        })


def _yearly(retention: float, a: RetentionAssumptions) -> pd.DataFrame:
    t = np.arange(1, a.years + 1)
    alive = retention ** (t - 1)
    margin = a.margin * (1 + a.growth / 100) ** (t - 1)
    pv = margin * alive / (1 + a.discount / 100) ** t
    return pd.DataFrame({"年": t, "留存概率": alive, "当年利润": margin, "期望利润现值": pv})


def customer_npv(retention: object, assumptions: RetentionAssumptions | None = None) -> float:
    """Per-customer NPV (万元) at a retention rate (%), under ``assumptions``."""
    a = assumptions or RetentionAssumptions()
    r = _checks.percent(retention, "留存率", 0, 100, one_is_fraction=True) / 100
    return round(float(_yearly(r, a)["期望利润现值"].sum() - a.acquisition), 4)


@dataclass(frozen=True)
class RetentionResult(TableResult):
    """Per-customer NPV before and after cutting defections.

    Attributes:
        assumptions: the stated assumptions.
        base: retention rate before (%); improved: after (%).
        npv_base, npv_improved: per-customer NPV (万元).
        uplift: % change of the NPV (None when the base NPV is not above 0).
        table: year by year: 年, 当年利润, 留存概率 and 期望利润现值 for both rates.
    """

    assumptions: RetentionAssumptions
    base: float
    improved: float
    npv_base: float
    npv_improved: float
    uplift: float | None
    table: pd.DataFrame

    def curve(self, low: float = 50, high: float = 98, step: float = 1) -> pd.DataFrame:
        """NPV per customer across retention rates (for the chart)."""
        rates = np.arange(low, high + step / 2, step)
        return pd.DataFrame({"留存率": rates,
                             "客户净现值": [customer_npv(r, self.assumptions) for r in rates]})

    def describe(self) -> str:
        """One sentence with the numbers."""
        up = "无法计算（改善前净现值不大于 0）" if self.uplift is None else f"{self.uplift:+.1f}%"
        return (f"留存率 {self.base:g}% → {self.improved:g}%（流失率 {100 - self.base:g}% → "
                f"{100 - self.improved:g}%）：每位客户净现值 {self.npv_base:.2f} → "
                f"{self.npv_improved:.2f} 万元，变化 {up}")

    def _repr_html_(self) -> str:
        return f"<p>{self.describe()}</p>"


def retention_uplift(retention: object, cut: object = 5,
                     assumptions: RetentionAssumptions | None = None) -> RetentionResult:
    """Compare per-customer NPV at ``retention`` % and with defections cut by ``cut`` points.

    Args:
        retention: the current retention rate (%); defection rate = 100 − retention.
        cut: how many percentage points fewer customers defect (default 5).
        assumptions: margin, growth, discount, horizon, acquisition cost.
    """
    a = assumptions or RetentionAssumptions()
    base = _checks.percent(retention, "留存率", 0, 100, one_is_fraction=True)
    points = _checks.in_range(cut, "流失率降低的百分点", 0, 100)
    if points > 100 - base:
        raise InputError("流失率降低的百分点", f"不能超过当前流失率 {100 - base:g}，当前为 {points:g}", cut)
    improved = base + points
    before, after = _yearly(base / 100, a), _yearly(improved / 100, a)
    table = pd.DataFrame({
        "年": before["年"], "当年利润": before["当年利润"].round(4),
        f"留存概率（{base:g}%）": before["留存概率"].round(4),
        f"期望利润现值（{base:g}%）": before["期望利润现值"].round(4),
        f"留存概率（{improved:g}%）": after["留存概率"].round(4),
        f"期望利润现值（{improved:g}%）": after["期望利润现值"].round(4),
    })
    npv_b = round(float(before["期望利润现值"].sum() - a.acquisition), 4)
    npv_a = round(float(after["期望利润现值"].sum() - a.acquisition), 4)
    uplift = round(100 * (npv_a / npv_b - 1), 4) if npv_b > 0 else None
    return RetentionResult(a, base, improved, npv_b, npv_a, uplift, table)
