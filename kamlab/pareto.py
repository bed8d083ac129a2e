"""80/20 (Pareto) analysis of a customer table (丁兴良 第一讲: 二八法则).

Sort customers by a value (profit or sales), largest first, and follow the
cumulative share: what share of the total do the top x % of customers bring?
The "20 % of customers give 80 % of sales" rule is a rule of thumb, not a law
(Juran named the principle after Vilfredo Pareto's observation on land
ownership); the analysis shows what *your* table says.

With profit, some customers lose money, so the cumulative curve rises above
100 % and then falls back to 100 % (a "whale curve"): the peak says how much
profit the profitable customers make before the loss-makers eat part of it.

Worked by hand: profits 50, 30, 10, 6, 4 (total 100) → cumulative 50, 80, 90, 96,
100 %; the top 1 of 5 customers (20 %) give 50 %, the top 2 (40 %) give 80 %.
"Top x %" means the first ``ceil(n × x / 100)`` customers (:func:`top_count`):
a customer partly inside the top x % counts. The customer pyramid cuts its
tiers by the same rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .errors import InputError
from .result import TableResult


def top_count(n: int, percent: float) -> int:
    """How many of ``n`` ranked customers are "the top ``percent`` %": rounded up.

    The one rounding rule of the book (Pareto shares, pyramid tiers): 20 % of 7
    customers is 1.4, so the top 20 % are the first 2. A hair of tolerance keeps
    exact products exact (20 % of 10 is 2, not 3 through floating-point error).
    """
    return math.ceil(n * percent / 100 - 1e-9)


@dataclass(frozen=True)
class ParetoResult(TableResult):
    """Customers ranked by a value with cumulative shares.

    Attributes:
        table: 排名, the name column, the value, 累计客户占比 (%), 累计占比 (%).
        value: name of the value column (e.g. ``"利润"``).
        name: name of the customer column.
        total: the sum of the value (> 0).
    """

    table: pd.DataFrame
    value: str
    name: str
    total: float

    @property
    def n(self) -> int:
        """Number of customers."""
        return len(self.table)

    def share_of_top(self, percent: object) -> float:
        """Share (%) of the total given by the top ``percent`` % of customers."""
        pct = _checks.in_range(percent, "前百分之几的客户", 0, 100)
        k = top_count(self.n, pct)
        if k == 0:
            return 0.0
        return round(float(self.table["累计占比"].iloc[k - 1]), 4)

    def top_customers(self, percent: object) -> tuple[int, float, float]:
        """The top ``percent`` % as counted: (customers, their actual share of customers %, their share %).

        With 12 customers the "top 20 %" are the first 3 (:func:`top_count`), i.e. 25 % of them.
        """
        pct = _checks.in_range(percent, "前百分之几的客户", 0, 100)
        k = top_count(self.n, pct)
        return k, round(100 * k / self.n, 4), self.share_of_top(pct)

    def top_phrase(self, percent: object) -> str:
        """``前 3 家（25%）贡献 55.3%``: the count and the actual share, never a rounded-away "20 %"."""
        k, actual, share = self.top_customers(percent)
        return f"前 {k} 家（{actual:.3g}%）贡献 {share:.1f}%"

    def count_for_share(self, percent: object) -> int:
        """Fewest customers, from the top, whose value reaches ``percent`` % of the total."""
        pct = _checks.in_range(percent, "目标占比", 0, 100)
        reached = self.table["累计占比"].to_numpy() >= pct - 1e-9
        return int(reached.argmax()) + 1  # the last row is always 100 %

    def percent_of_customers_for_share(self, percent: object) -> float:
        """Smallest share (%) of customers, from the top, whose value reaches ``percent`` %."""
        return round(100 * self.count_for_share(percent) / self.n, 4)

    @property
    def peak(self) -> float:
        """Highest cumulative share (%); above 100 when some values are negative."""
        return round(float(self.table["累计占比"].max()), 4)

    @property
    def negatives(self) -> int:
        """How many customers have a negative value (loss-makers)."""
        return int((self.table[self.value] < 0).sum())

    def summary(self, points: tuple[float, ...] = (10, 20, 50)) -> pd.DataFrame:
        """A small table: 客户范围 (``前 2 家（16.7%）`` for "the top 10 %" of 12), 客户数, 占比 (%).

        The range names the customers actually counted and their actual share, so a small list
        never reads "前 10%" for 2 customers out of 12.
        """
        rows = []
        for p in points:
            k, actual, share = self.top_customers(p)
            rows.append((f"前 {k} 家（{actual:.3g}%）", k, share))
        return pd.DataFrame(rows, columns=["客户范围", "客户数", f"{self.value}占比%"])

    def _repr_html_(self) -> str:
        return self.summary().to_html(index=False, float_format=lambda v: f"{v:.1f}")


def pareto_analysis(customers: pd.DataFrame, value: str = "利润", name: str = "客户") -> ParetoResult:
    """Rank customers by ``value`` (largest first) and add cumulative shares.

    Args:
        customers: one row per customer with a ``name`` column and a numeric ``value``
            column (negative allowed, e.g. a loss-making customer's profit).
        value: the column to rank by (``"利润"`` or ``"销售额"`` …).
        name: the column naming each customer (unique, non-empty).

    Raises:
        InputError: empty table, missing column, non-numeric or blank value,
            empty or duplicate name, or a total that is not above 0.
    """
    field = "客户表"
    _checks.non_empty(customers, field)
    if name not in customers.columns:
        raise InputError(field, f"缺少列“{name}”", name)
    labels = _checks.names(customers[name], f"{field}·{name}")
    values = _checks.numeric_frame(customers, [value], field, row_label=name)[value]
    total = float(values.sum())
    if total <= 0:
        raise InputError(f"{field}·{value}", f"合计应大于 0，当前为 {total:g}，无法计算占比", total)
    table = pd.DataFrame({name: labels, value: values.to_numpy()})
    table = table.sort_values(value, ascending=False, kind="stable").reset_index(drop=True)
    n = len(table)
    table.insert(0, "排名", range(1, n + 1))
    table["累计客户占比"] = (100 * table["排名"] / n).round(4)
    table["累计占比"] = (100 * table[value].cumsum() / total).round(4)
    return ParetoResult(table, value, name, round(total, 6))
