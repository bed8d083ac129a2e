"""Relationship-stage diagnosis (合作伙伴关系的发展过程, 王渊 第三讲 四).

Malcolm McDonald's stages of a key-account relationship (McDonald, Millman &
Rogers, *J. Marketing Management* 13, 1997, 737–757): exploratory (探索期),
basic (基础期), cooperative (合作期), interdependent (相互依赖期) and integrated
(整合期); disintegration (解体) is the exit that can happen at any stage.

Which stage an account is in is read from what can be observed. The six
indicators, their level descriptions and the rule are **the book's own** (the
course names the development process but gives no diagnostic):

* each indicator is rated 1–5, where level ``k`` describes what stage ``k``
  typically looks like (:data:`INDICATORS`);
* the stage is the **median** level, rounded down (a relationship is as far as
  its typical indicator, not its best one);
* indicators below the diagnosed stage are the gaps to close first.

Worked by hand: levels 3, 2, 3, 4, 2, 3 → sorted 2, 2, 3, 3, 3, 4 → median
(3 + 3) / 2 = 3 → 合作期; gaps: the two indicators at level 2.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

STAGES = ("探索期", "基础期", "合作期", "相互依赖期", "整合期")
STAGES_EN = ("exploratory", "basic", "cooperative", "interdependent", "integrated")

#: indicator -> the five level descriptions (level 1 … 5): the book's own.
INDICATORS = {
    "接触面": ("仅销售与采购单线接触", "销售与采购为主，偶有技术交流", "多个部门之间有联系",
             "各职能对口联系，形成“钻石型”接触", "跨公司联合团队日常协同"),
    "供应地位": ("试单或备选供应商", "合格供应商之一，份额有限", "主要供应商之一",
              "首选或唯一供应商", "共同开发，供应商视同内部部门"),
    "信息共享": ("只有报价与订单", "交货与质量数据", "生产计划与预测",
              "成本与技术路线", "战略规划与系统对接"),
    "联合计划": ("没有", "按订单临时协调", "年度业务计划", "多年联合计划与共同目标", "共同战略与联合投资"),
    "高层关系": ("没有高层接触", "偶尔拜访", "年度高层会晤", "定期高层互访与评审", "共同治理委员会"),
    "转换成本": ("客户随时可换", "更换需要重新认证", "更换代价明显",
              "双方相互依赖，退出代价高", "业务深度融合，难以拆分"),
}


@dataclass(frozen=True)
class StageResult(TableResult):
    """The diagnosed relationship stage.

    Attributes:
        table: 指标, 水平, 描述, 与阶段差 (level − stage).
        median: the median level; stage: 1–5; gaps: indicators below the stage.
    """

    table: pd.DataFrame
    median: float
    stage: int
    gaps: tuple[str, ...]

    @property
    def name(self) -> str:
        """The stage's Chinese name."""
        return STAGES[self.stage - 1]

    @property
    def name_en(self) -> str:
        """McDonald's English label."""
        return STAGES_EN[self.stage - 1]

    def _repr_html_(self) -> str:
        gaps = "、".join(self.gaps) or "无"
        return (self.table.to_html(index=False)
                + f"<p>中位水平 {self.median:g} → <b>{self.name}</b>（{self.name_en}）；需优先补齐：{gaps}"
                "（诊断规则为本书自拟）</p>")


def diagnose_stage(levels: Mapping[str, object]) -> StageResult:
    """Diagnose the stage from 1–5 levels on every indicator of :data:`INDICATORS`."""
    missing = [k for k in INDICATORS if k not in levels]
    if missing:
        raise _checks.InputError("关系指标", f"缺少“{missing[0]}”的水平", missing[0])
    parsed = {}
    for key in INDICATORS:
        value = _checks.in_range(levels[key], f"关系指标·{key}", 1, 5)
        if value != int(value):
            raise _checks.InputError(f"关系指标·{key}", f"应为 1–5 的整数，当前为 {value:g}", levels[key])
        parsed[key] = int(value)
    median = float(pd.Series(list(parsed.values())).median())
    stage = int(math.floor(median))
    table = pd.DataFrame({"指标": list(parsed), "水平": list(parsed.values()),
                          "描述": [INDICATORS[k][v - 1] for k, v in parsed.items()]})
    table["与阶段差"] = table["水平"] - stage
    gaps = tuple(table.loc[table["与阶段差"] < 0, "指标"])
    return StageResult(table, median, stage, gaps)
