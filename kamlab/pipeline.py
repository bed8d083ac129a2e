"""大客户开发 8 个阶段 and the CRM sales pipeline (王渊 第二讲 三·1).

The course names eight stages of developing a key account: 信息收集, 过滤,
方案打磨, 品牌推荐, 挖掘需求, 关键人私约, 商务公关, 意向达成. Each open
opportunity sits in one stage; its **weighted value** is its value × the
probability that an opportunity at that stage closes, and the weighted forecast
is the sum over the pipeline.

The stage probabilities are **the book's illustrative defaults**
(:data:`DEFAULT_PROBABILITIES`), not the course's: every firm should replace
them with its own win rates by stage. They are a parameter of :func:`forecast`
and must not fall from one stage to the next.

Worked by hand: 120 万元 at 方案打磨 (20 %) + 80 万元 at 商务公关 (75 %) →
120 × 0.20 + 80 × 0.75 = 24 + 60 = 84 万元 weighted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

STAGES = ("信息收集", "过滤", "方案打磨", "品牌推荐", "挖掘需求", "关键人私约", "商务公关", "意向达成")

#: Closing probability (%) by stage: the book's illustration, replace with your own.
DEFAULT_PROBABILITIES = {"信息收集": 5, "过滤": 10, "方案打磨": 20, "品牌推荐": 30,
                         "挖掘需求": 40, "关键人私约": 60, "商务公关": 75, "意向达成": 90}

COLUMNS = ("机会", "客户", "阶段", "金额")


@dataclass(frozen=True)
class PipelineResult(TableResult):
    """A pipeline with its weighted forecast.

    Attributes:
        table: one row per opportunity: 机会, 客户, 阶段, 金额, 概率, 加权金额.
        by_stage: one row per stage (all eight, in order): 阶段, 概率, 机会数, 金额, 加权金额.
        probabilities: the stage probabilities (%) used.
    """

    table: pd.DataFrame
    by_stage: pd.DataFrame
    probabilities: dict[str, float]

    @property
    def total(self) -> float:
        """Sum of opportunity values."""
        return round(float(self.table["金额"].sum()), 4)

    @property
    def weighted_total(self) -> float:
        """Sum of weighted values: the forecast."""
        return round(float(self.table["加权金额"].sum()), 4)

    def _repr_html_(self) -> str:
        return self.by_stage.to_html(index=False, float_format=lambda v: f"{v:.1f}") + (
            f"<p>管道总额 {self.total:.1f} 万元，加权预测 {self.weighted_total:.1f} 万元</p>")


def check_probabilities(probabilities: Mapping[str, object]) -> dict[str, float]:
    """Validate stage probabilities: all eight stages, each 0–100, never falling."""
    unknown = [s for s in probabilities if s not in STAGES]
    if unknown:
        raise _checks.InputError("阶段概率", f"“{unknown[0]}”不是八个阶段之一（{'、'.join(STAGES)}）", unknown[0])
    missing = [s for s in STAGES if s not in probabilities]
    if missing:
        raise _checks.InputError("阶段概率", f"缺少阶段“{missing[0]}”的概率", missing[0])
    parsed = {s: _checks.in_range(probabilities[s], f"阶段概率·{s}", 0, 100) for s in STAGES}
    for before, after in zip(STAGES, STAGES[1:], strict=False):
        if parsed[after] < parsed[before]:
            raise _checks.InputError(
                f"阶段概率·{after}",
                f"为 {parsed[after]:g}%，低于前一阶段“{before}”的 {parsed[before]:g}%：越往后的阶段成交概率不应越低",
                parsed[after])
    return parsed


def forecast(opportunities: pd.DataFrame, probabilities: Mapping[str, object] | None = None) -> PipelineResult:
    """Weighted forecast of a pipeline.

    Args:
        opportunities: columns ``机会`` (unique name), ``客户``, ``阶段`` (one of
            :data:`STAGES`) and ``金额`` (value, ≥ 0, e.g. 万元).
        probabilities: closing probability (%) per stage; default
            :data:`DEFAULT_PROBABILITIES` (the book's illustration).
    """
    probs = check_probabilities(DEFAULT_PROBABILITIES if probabilities is None else probabilities)
    field = "销售管道"
    _checks.non_empty(opportunities, field)
    for col in COLUMNS:
        if col not in opportunities.columns:
            raise _checks.InputError(field, f"缺少列“{col}”", col)
    names = _checks.names(opportunities["机会"], f"{field}·机会")
    stages = opportunities["阶段"].astype("string").str.strip()
    bad = ~stages.isin(STAGES).fillna(False).to_numpy(dtype=bool)
    if bad.any():
        pos = int(bad.argmax())
        raise _checks.InputError(f"{field}·“{names[pos]}”·阶段",
                                 f"应为八个阶段之一（{'、'.join(STAGES)}），当前为 {opportunities['阶段'].iloc[pos]!r}",
                                 opportunities["阶段"].iloc[pos])
    amounts = _checks.numeric_frame(opportunities, ["金额"], field, 0, None, row_label="机会")["金额"]
    table = pd.DataFrame({"机会": names, "客户": opportunities["客户"].astype(str).str.strip().to_numpy(),
                          "阶段": stages.to_numpy(dtype=object), "金额": amounts.to_numpy()})
    table["概率"] = table["阶段"].map(probs).astype(float)
    table["加权金额"] = (table["金额"] * table["概率"] / 100).round(4)
    order = pd.Categorical(table["阶段"], categories=STAGES, ordered=True)
    grouped = table.groupby(order, observed=False)
    by_stage = pd.DataFrame({"阶段": list(STAGES), "概率": [probs[s] for s in STAGES],
                             "机会数": grouped.size().to_numpy(),
                             "金额": grouped["金额"].sum().to_numpy(),
                             "加权金额": grouped["加权金额"].sum().round(4).to_numpy()})
    table = table.assign(_o=order).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)
    return PipelineResult(table, by_stage, probs)
