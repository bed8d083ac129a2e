"""客户终生价值 (customer lifetime value, 王渊 第三讲 一·1).

A key account is worth the present value of the margins it will bring while it
stays. With a constant margin ``m`` per year, a yearly retention rate ``r`` and a
discount rate ``i`` (Gupta & Lehmann; Gupta, Lehmann & Stuart, JMR 41, 2004):

* **timing used by default** (``"end"``): today's customer yields nothing more
  this year; in year ``t`` it is still with us with probability ``r^t`` and the
  margin arrives at the end of the year, discounted by ``(1+i)^t``::

      CLV = Σ_{t≥1} m·r^t/(1+i)^t = m·r/(1+i−r)

* ``"start"``: this year's margin counts too, paid now: ``m·(1+i)/(1+i−r)``;
* ``"end_first"``: the first year is certain, paid at its end: ``m/(1+i−r)``.

The expected lifetime (预期合作年限) is ``1/(1−r)`` years. An ``acquisition``
cost (获客成本), paid now, is subtracted from the value, as textbook CLV does.

Side by side with ding-01's :func:`kamlab.customer_npv` (retention → profit):
that function uses the ``"end_first"`` timing here (the first year's margin is
certain and arrives at its end), plus a growing margin and an acquisition cost;
this function's default ``"end"`` counts only the years after the first
decision to stay. With the same margin, rates, horizon, no growth and no
acquisition cost, ``customer_npv(r, …)`` equals
``customer_lifetime_value(m, r, i, years, timing="end_first").value``. A finite horizon
(``years``) sums only the first years of the same cash-flow table.

Worked by hand (the book's illustration): m = 100 万元, r = 80 %, i = 10 % →
100 × 0.8 / (1.1 − 0.8) = 80 / 0.3 = 266.67 万元; lifetime 1 / 0.2 = 5 年.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks

#: Timing key -> (Chinese label, formula shown to the learner).
TIMINGS = {
    "end": ("留存者每年年末贡献毛利（当年不计）", "m·r/(1+i−r)"),
    "start": ("每年年初贡献毛利（含当年，立即到账）", "m·(1+i)/(1+i−r)"),
    "end_first": ("第一年确定贡献、年末到账，之后按留存率", "m/(1+i−r)"),
}
CHART_YEARS = 30  # years of the cash-flow table shown for an infinite horizon


@dataclass(frozen=True)
class LifetimeValueResult:
    """The lifetime value of one account.

    Attributes:
        margin, retention, discount: inputs (``unit`` per year, %, %).
        years: the horizon in years, or None for an infinite horizon.
        timing: the timing key (see :data:`TIMINGS`).
        value: the lifetime value, net of ``acquisition`` (in ``unit``).
        expected_lifetime: 1/(1−r) years (``inf`` when r = 100 %).
        cash_flows: 年份, 留存概率, 折现系数, 期望毛利现值, 累计现值.
    """

    margin: float
    retention: float
    discount: float
    years: int | None
    timing: str
    value: float
    expected_lifetime: float
    cash_flows: pd.DataFrame
    acquisition: float = 0.0
    unit: str = "万元"

    @property
    def formula(self) -> str:
        """The closed form for the chosen timing (infinite horizon)."""
        return TIMINGS[self.timing][1]

    def to_frame(self) -> pd.DataFrame:
        """The year-by-year cash-flow table."""
        return self.cash_flows.copy()

    def _repr_html_(self) -> str:
        horizon = "无限期" if self.years is None else f"{self.years} 年"
        cost = f"（已减去获客成本 {self.acquisition:g} {self.unit}）" if self.acquisition else ""
        return (f"<p>客户终生价值（{horizon}，{TIMINGS[self.timing][0]}）：<b>{self.value:.2f}</b> {self.unit}{cost}；"
                f"预期合作年限 {self.expected_lifetime:.2f} 年</p>")


def _flows(r: float, i: float, timing: str, years: int):
    """Year numbers, survival probabilities and discount divisors for the timing."""
    first = 0 if timing == "start" else 1
    t = np.arange(first, first + years)
    survive = r ** (t - 1) if timing == "end_first" else r ** t
    return t, survive, (1 + i) ** t


def _cash_flows(m: float, r: float, i: float, timing: str, years: int) -> pd.DataFrame:
    t, survive, disc = _flows(r, i, timing, years)
    pv = m * survive / disc
    return pd.DataFrame({"年份": t, "留存概率": survive.round(6), "折现系数": (1 / disc).round(6),
                         "期望毛利现值": pv.round(4), "累计现值": pv.cumsum().round(4)})


def customer_lifetime_value(
    margin: object, retention: object, discount: object, years: object = None, timing: str = "end",
    acquisition: object = 0, unit: str = "万元",
) -> LifetimeValueResult:
    """Customer lifetime value with constant margin, retention and discount rate.

    Args:
        margin: yearly margin from the account (毛利, ≥ 0, in ``unit``).
        retention: yearly retention rate in % (80 means 80 %; a value ≤ 1 is
            taken for a fraction typed by mistake and reported, never used).
        discount: yearly discount rate in % (0–100; 0 < value < 1 is reported likewise).
        years: horizon in whole years (1–100), or None/"" for an infinite horizon.
        timing: ``"end"`` (default), ``"start"`` or ``"end_first"``: see :data:`TIMINGS`.
        acquisition: one-off cost of winning the account, paid now and subtracted
            (textbook CLV = present value of margins − acquisition cost; default 0).
        unit: the money unit of ``margin`` and ``acquisition``, shown with the result.
    """
    if timing not in TIMINGS:
        raise _checks.InputError("计算口径", f"应为 {'/'.join(TIMINGS)} 之一，当前为 {timing!r}", timing)
    m = _checks.at_least(margin, "年均毛利", 0)
    r = _checks.percent(retention, "客户保留率（%）", 0, 100, one_is_fraction=True) / 100
    i = _checks.percent(discount, "折现率（%）", 0, 100) / 100
    cost = _checks.at_least(acquisition, "获客成本", 0)
    horizon = None
    if years is not None and not (isinstance(years, str) and years.strip() == ""):
        h = _checks.in_range(years, "计算年限", 1, 100)
        if h != int(h):
            raise _checks.InputError("计算年限", f"应为整数年，当前为 {h:g}", years)
        horizon = int(h)
    lifetime = float("inf") if r == 1 else round(1 / (1 - r), 4)
    if horizon is None:
        if 1 + i - r <= 0:
            raise _checks.InputError("客户保留率（%）",
                                     "为 100% 且折现率为 0 时，无限期的终生价值没有上限：请降低保留率或设定计算年限", retention)
        if timing == "end":
            value = m * r / (1 + i - r)
        elif timing == "start":
            value = m * (1 + i) / (1 + i - r)
        else:
            value = m / (1 + i - r)
        flows = _cash_flows(m, r, i, timing, CHART_YEARS)
    else:
        flows = _cash_flows(m, r, i, timing, horizon)
        _, survive, disc = _flows(r, i, timing, horizon)
        value = float((m * survive / disc).sum())
    return LifetimeValueResult(m, r * 100, i * 100, horizon, timing, round(value - cost, 4), lifetime, flows,
                               acquisition=cost, unit=unit)
