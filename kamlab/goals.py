"""Three ways to set a key-account sales target (叶敦明 第五讲).

The course recommends three methods and describes what each is good for, but
gives no formulas. The formulas here are **the book's own** reading:

* 标杆企业对比法: benchmark firm's key-account sales × the share of it we aim
  for (%) — ambitious; needs strength and strategic skill;
* 资源投入产出法: resource units we put in (e.g. key-account managers) × the
  output one unit can produce (万元) — "know yourself"; easiest for the team to
  accept;
* 基础销量比例法: this year's base sales × (1 + growth %) — a tentative step up
  from regular sales.

By hand: 8000 × 30 % = 2400; 6 × 350 = 2100; 1800 × (1 + 20 %) = 2160 →
range 2100–2400 (spread 300); against the base of 1800 the targets mean
+33.33 %, +16.67 % and +20 %.

:func:`appraisal_by_stage` holds the course article's flexible appraisal: early
stage — quality over quantity, base pay first, quarterly; once running — volume
first (deals and number of accounts), bonus the larger part, monthly, with
data-based and open standards.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

METHODS = ("标杆企业对比法", "资源投入产出法", "基础销量比例法")


@dataclass(frozen=True)
class GoalResult(TableResult):
    """The three targets side by side.

    Attributes:
        table: 方法, 公式, 目标 (万元), 较基础销量增长(%).
        base_sales: this year's base sales (万元).
    """

    table: pd.DataFrame
    base_sales: float

    @property
    def low(self) -> float:
        """The lowest of the three targets."""
        return float(self.table["目标"].min())

    @property
    def high(self) -> float:
        """The highest of the three targets."""
        return float(self.table["目标"].max())

    @property
    def spread(self) -> float:
        """High minus low: how far the methods disagree."""
        return round(self.high - self.low, 4)

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:,.2f}") + (
            f"<p>目标区间 {self.low:,.2f}–{self.high:,.2f} 万元，三种方法相差 {self.spread:,.2f} 万元</p>"
        )


def set_targets(
    benchmark_sales: object, target_ratio: object, resource_units: object, output_per_unit: object,
    base_sales: object, growth: object,
) -> GoalResult:
    """Compute the three targets (万元) on one firm's figures.

    Args:
        benchmark_sales: the benchmark firm's key-account sales (万元, > 0).
        target_ratio: the share of it we aim for (%, 0–200).
        resource_units: units of resource put in, e.g. KA managers (≥ 0).
        output_per_unit: sales one unit can produce (万元, ≥ 0).
        base_sales: this year's key-account sales (万元, > 0).
        growth: the planned growth on the base (%, −100 … 500).
    """
    bench = _checks.at_least(benchmark_sales, "标杆企业大客户销售额", 0)
    ratio = _checks.in_range(target_ratio, "目标比例", 0, 200)
    units = _checks.at_least(resource_units, "资源投入单位", 0)
    per_unit = _checks.at_least(output_per_unit, "单位产出", 0)
    base = _checks.at_least(base_sales, "基础销量", 0)
    if base == 0:
        raise _checks.InputError("基础销量", "应大于 0", base_sales)
    rate = _checks.percent(growth, "增长率", -100, 500)
    targets = [bench * ratio / 100, units * per_unit, base * (1 + rate / 100)]
    formulas = [f"{bench:g} × {ratio:g}%", f"{units:g} × {per_unit:g}", f"{base:g} × (1 + {rate:g}%)"]
    table = pd.DataFrame({"方法": list(METHODS), "公式": formulas, "目标": [round(t, 4) for t in targets]})
    table["较基础销量增长(%)"] = ((table["目标"] / base - 1) * 100).round(2)
    return GoalResult(table, base)


STAGES = ("初建期", "成熟期")
_APPRAISAL = {
    "考核重点": ("求质不求量：找到有效的大客户开发方法，建立合适的组织体系",
                 "质量并存、以量为主：大客户成交量与大客户数量两组数字"),
    "人员": ("销售精英加全身心投入的普通员工", "—"),
    "薪酬结构": ("底薪为主、奖金为辅", "奖金占工资的大部分"),
    "考核节奏": ("以季度为主", "改为月度"),
    "工作方式": ("集体性的探索和定期工作分析，让团队找到方向、自身价值和归属感",
                 "考核标准数据化、公开化"),
}


def appraisal_by_stage() -> pd.DataFrame:
    """The flexible appraisal of the course article: one column per stage."""
    return pd.DataFrame(_APPRAISAL, index=list(STAGES)).T.rename_axis("项目").reset_index()
