"""The customer pyramid (客户金字塔) and the customer-value scorecard (客户价值计分卡).

丁兴良 第一讲 names a pyramid of four tiers, VIP客户 / 大客户 / 中客户 / 小客户. The
published model behind it is the customer pyramid of Zeithaml, Rust & Lemon
(California Management Review 43(4), 2001): customers ranked by *profitability*
into platinum / gold / iron / lead tiers. Cutting the ranking at the top 20 %,
next 30 %, next 30 % and bottom 20 % is a practitioner convention, so the bands
are a parameter here.

Tiering by profit rather than revenue is the point: the course warns against a
single indicator (单一指标) and against equating a big-ticket buyer with a key
account (大额产品=大客户). :func:`customer_pyramid` can rank by any numeric
column, so the chapter tiers the same table by 销售额 and by 利润 and compares.

The course names 客户价值计分卡 without detailing it. :func:`value_scorecard` is
**the book's own** scorecard: a weighted 0–10 score (:mod:`kamlab.weighted`)
over criteria the learner chooses; :data:`DEFAULT_VALUE_SCORECARD` is the book's
proposal, not the course's.

Worked by hand: 10 customers, bands 20/30/30/20 → boundaries after 2, 5 and 8
customers (10 × 20 %, 10 × 50 %, 10 × 80 %): ranks 1–2 VIP客户, 3–5 大客户,
6–8 中客户, 9–10 小客户. Boundaries are ``ceil(n × cumulative band / 100)``, the
book's one rounding rule for "the top x %" (:func:`kamlab.pareto.top_count`: 7
customers, bands 20/30/30/20 → after 2, 4, 6); customers with equal values keep
their table order.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks
from .errors import InputError
from .pareto import top_count
from .result import TableResult
from .weighted import Criteria, ScoredTable, score_table

TIERS = ("VIP客户", "大客户", "中客户", "小客户")
DEFAULT_BANDS = (20, 30, 30, 20)

#: The book's own proposal for 客户价值计分卡 (the course gives only the name).
DEFAULT_VALUE_SCORECARD = {"利润贡献": 35, "增长潜力": 25, "合作关系": 15, "信用与回款": 15, "行业影响力": 10}


@dataclass(frozen=True)
class PyramidResult(TableResult):
    """Customers placed in pyramid tiers by one ranking column.

    Attributes:
        table: the input rows sorted by ``by`` (largest first), with 排名 and 层级.
        by: the ranking column.
        bands: percent of customers per tier, top first (sum 100).
        tiers: tier names, top first.
        measures: numeric columns summed per tier in :meth:`summary`.
    """

    table: pd.DataFrame
    by: str
    bands: tuple[float, ...]
    tiers: tuple[str, ...]
    measures: tuple[str, ...]

    def summary(self) -> pd.DataFrame:
        """Per tier: 客户数, 客户占比%, and each measure's sum and share (%)."""
        grouped = self.table.groupby("层级", observed=False)
        out = pd.DataFrame({"客户数": grouped.size()})
        out["客户占比%"] = (100 * out["客户数"] / len(self.table)).round(1)
        for m in self.measures:
            total = self.table[m].sum()
            out[m] = grouped[m].sum().round(2)
            out[f"{m}占比%"] = (100 * out[m] / total).round(1) if total else np.nan
        out.index.name = "层级"
        return out.reset_index()

    def notes(self) -> list[str]:
        """Chinese notes on what the summary cannot show (a measure that sums to 0)."""
        return [f"{m}合计为 0，无法计算各层的{m}占比（表中显示“—”）" for m in self.measures
                if self.table[m].sum() == 0]

    def _repr_html_(self) -> str:
        notes = "".join(f"<p class='kamlab-note'>注意：{html.escape(n)}</p>" for n in self.notes())
        return notes + self.summary().to_html(index=False, na_rep="—")


def tier_changes(first: PyramidResult, second: PyramidResult) -> tuple[pd.DataFrame, int]:
    """How customers move between tiers when the pyramid is ranked another way.

    Returns a cross-table (rows: ``second``'s tier, columns: ``first``'s tier,
    cells: customer counts) and the number of customers whose tier differs.
    Both pyramids must be built from the same customer table.
    """
    both = first.table[["客户", "层级"]].merge(second.table[["客户", "层级"]], on="客户", suffixes=("_a", "_b"))
    a, b = both["层级_a"], both["层级_b"]
    table = pd.crosstab(b, a, rownames=[f"层级_{second.by}"], colnames=[f"层级_{first.by}"])
    return table, int((a.astype(str) != b.astype(str)).sum())


def customer_pyramid(
    customers: pd.DataFrame,
    by: str = "利润",
    bands: Sequence[object] = DEFAULT_BANDS,
    tiers: Sequence[str] = TIERS,
    name: str = "客户",
    measures: Sequence[str] | None = None,
) -> PyramidResult:
    """Rank customers by ``by`` and cut the ranking into tiers.

    Args:
        customers: one row per customer, with ``name`` and ``by`` columns.
        by: the ranking column (利润, 销售额, 价值分 …).
        bands: percent of customers per tier, top first; positive, summing to 100.
        tiers: tier names, top first, one per band.
        name: the column naming each customer.
        measures: numeric columns to sum per tier (default: ``[by]``).
    """
    field = "客户表"
    _checks.non_empty(customers, field)
    if name not in customers.columns:
        raise InputError(field, f"缺少列“{name}”", name)
    _checks.names(customers[name], f"{field}·{name}")
    tier_names = _checks.names(tiers, "层级名称")
    if len(bands) != len(tier_names):
        raise InputError("分层比例", f"应有 {len(tier_names)} 个比例（每个层级一个），当前为 {len(bands)} 个", bands)
    parsed = _checks.weights(dict(zip(tier_names, bands, strict=True)), "分层比例")
    for tier, pct in parsed.items():
        if pct <= 0:
            raise InputError(f"分层比例·{tier}", "应大于 0，每个层级至少占一部分客户", pct)
    measures = tuple(measures) if measures else (by,)
    cols = list(dict.fromkeys([by, *measures]))
    values = _checks.numeric_frame(customers, cols, field, row_label=name)
    table = customers.copy()
    table[cols] = values
    table = table.sort_values(by, ascending=False, kind="stable").reset_index(drop=True)
    n = len(table)
    table.insert(0, "排名", range(1, n + 1))
    edges = np.array([top_count(n, pct) for pct in np.cumsum(list(parsed.values()))])
    codes = np.searchsorted(edges, np.arange(1, n + 1), side="left")
    table["层级"] = pd.Categorical.from_codes(codes, categories=list(tier_names))
    return PyramidResult(table, by, tuple(parsed.values()), tier_names, measures)


#: The value scorecard's result: a :class:`~kamlab.weighted.ScoredTable` whose
#: ``table`` has the added ``价值分`` column (0–10), sorted high to low.
ValueScorecardResult = ScoredTable


def value_scorecard(
    criteria: Criteria | dict[str, object], scores: pd.DataFrame, name: str = "客户"
) -> ValueScorecardResult:
    """Score customers on several weighted criteria (0–10 each) → 价值分 (0–10).

    Args:
        criteria: weighted criteria, or ``{name: weight}`` with weights summing to 100.
        scores: one row per customer: ``name`` plus a 0–10 column per criterion.
        name: the column naming each customer.
    """
    scored = score_table(criteria, scores, score_col="价值分", table_label="计分卡",
                         weight_label="计分卡权重", name_col=name)
    table = scored.table.sort_values("价值分", ascending=False, kind="stable").reset_index(drop=True)
    return ScoredTable(scored.criteria, table, "价值分")
