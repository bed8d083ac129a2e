"""采购产品分类模型: Kraljic's purchasing portfolio (王渊 第三讲 五·1).

Peter Kraljic, "Purchasing Must Become Supply Management", *Harvard Business
Review* 61(5), 1983, 109–117, sorts what a firm buys by two questions:

* **profit impact** (利润影响): volume purchased, share of total cost, impact on
  quality or value added, impact on profitability;
* **supply risk** (供应风险): availability, number of suppliers, market structure,
  entry barriers, possibilities of substitution.

Four categories follow, each with its own purchasing task: strategic items
(supply management: long-term availability), leverage items (materials
management: cost and price), bottleneck items (sourcing management: reliable
short-term supply) and non-critical items (purchasing management: functional
efficiency).

The course uses the model **from the supplier's side**: find where *our*
product sits in the account's portfolio to judge whether a partnership is
realistic (mainly in the strategic box) or whether to expect competitive bidding
(the leverage box). :data:`SUPPLIER_READING` gives that reading per category.

Each axis is scored 0–10 (e.g. with a weighted sheet built on
:mod:`kamlab.weighted`); the cut-lines are parameters, 5 by default (mid-scale),
and a score equal to a cut-line counts as high.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .matrix import MatrixScheme, Quadrant, place
from .result import TableResult

KRALJIC_SCHEME = MatrixScheme(
    x_label="供应风险",
    y_label="利润影响",
    x_cut=5.0,
    y_cut=5.0,
    quadrants={
        "HH": Quadrant("HH", "战略型", "供应管理：确保长期可得，结成伙伴、共同开发"),
        "HL": Quadrant("HL", "杠杆型", "物料管理：发挥采购力量，招标压价、集中采购"),
        "LH": Quadrant("LH", "瓶颈型", "采购来源管理：保障短期供应，备库存、找替代"),
        "LL": Quadrant("LL", "一般型", "采购管理：简化流程，提高事务效率"),
    },
    source="Kraljic, HBR 61(5), 1983",
)

#: What each category means for us as the supplier (the course's supplier-side use).
SUPPLIER_READING = {
    "战略型": "建立合作伙伴关系的主要机会：投入联合开发、高层对接和长期协议",
    "杠杆型": "客户会竞价压价：以成本和效率取胜，伙伴关系难以成立",
    "瓶颈型": "客户想降低对我方的依赖：保障供应、帮客户降风险，而不是趁机抬价",
    "一般型": "客户要的是省事：标准化、电子化交易（如工业品电商平台），不宜投入重关系",
}


@dataclass(frozen=True)
class KraljicResult(TableResult):
    """Purchased items placed on Kraljic's matrix.

    Attributes:
        table: 品类, 利润影响, 供应风险, 采购额, 象限, 策略, 供应商视角.
        scheme: the matrix used (axes, cut-lines, names).
        x, y: the axis column names (for :func:`kamlab.charts.draw_portfolio`).
    """

    table: pd.DataFrame
    scheme: MatrixScheme
    x: str = "供应风险"
    y: str = "利润影响"

    def counts(self) -> pd.DataFrame:
        """Items and purchase value per category."""
        grouped = self.table.groupby("象限", observed=False)
        return pd.DataFrame({"品类数": grouped.size(), "采购额": grouped["采购额"].sum()})

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.1f}")


def classify_purchases(items: pd.DataFrame, scheme: MatrixScheme = KRALJIC_SCHEME) -> KraljicResult:
    """Classify purchased items by profit impact (y) and supply risk (x).

    Args:
        items: columns ``品类`` (unique), ``利润影响`` and ``供应风险`` (0–10) and
            ``采购额`` (yearly purchase value, ≥ 0; bubble size).
        scheme: axes, cut-lines and names (default :data:`KRALJIC_SCHEME`).
    """
    field = "采购品类表"
    _checks.non_empty(items, field)
    for col in ("品类", "利润影响", "供应风险", "采购额"):
        if col not in items.columns:
            raise _checks.InputError(field, f"缺少列“{col}”", col)
    names = _checks.names(items["品类"], f"{field}·品类")
    axes = _checks.numeric_frame(items, ["利润影响", "供应风险"], field, 0, 10, row_label="品类")
    value = _checks.numeric_frame(items, ["采购额"], field, 0, None, row_label="品类")["采购额"]
    table = pd.DataFrame({"品类": names, "利润影响": axes["利润影响"].to_numpy(),
                          "供应风险": axes["供应风险"].to_numpy(), "采购额": value.to_numpy()})
    table = place(table, "供应风险", "利润影响", scheme)
    reading = {scheme.quadrants[k].name: SUPPLIER_READING[KRALJIC_SCHEME.quadrants[k].name]
               for k in KRALJIC_SCHEME.quadrants}
    table["供应商视角"] = table["象限"].astype(str).map(reading)
    return KraljicResult(table, scheme)
