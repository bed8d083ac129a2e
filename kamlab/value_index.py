"""Value is not price (价值不等于价格): a weighted value index per unit price (丁兴良 第三讲).

The course's second degree, 价值营销, says an industrial offer's value is a
weighted average of brand, technology, service, industry standards, response
speed, success cases, company size and the like — and that industrial sales
are won on value, not on price. This module makes that comparable across
offers:

1. each offer is scored 0–10 on each value criterion; the weights sum to 100
   (:mod:`kamlab.weighted`) → 价值分 (0–10);
2. 性价比 = 价值分 ÷ 价格 × 100: value points per 100 units of price (万元);
3. :meth:`ValueIndexResult.parity_price` gives the price at which an offer
   would have the same value-for-money as another: price_ref × 价值分 ÷ 价值分_ref.

The criteria come from the course (seed 003); the default weights are the book's
illustration.

Worked by hand (two criteria 技术 60 / 服务 40): offer A scores 8 / 9 at price
100 → 8×0.6 + 9×0.4 = 8.4, 性价比 8.4; offer B scores 6 / 5 at price 80 →
3.6 + 2.0 = 5.6, 性价比 7.0. A is dearer but better value; at A's value-for-money
B would be worth 100 × 5.6 / 8.4 = 66.67.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .errors import InputError
from .result import TableResult
from .weighted import Criteria, weighted_scores

#: Criteria from the course notes; weights are the book's illustration.
DEFAULT_VALUE_CRITERIA = {"品牌": 15, "技术": 20, "服务": 20, "行业标准": 10, "反应速度": 15,
                          "成功案例": 10, "公司规模": 10}


@dataclass(frozen=True)
class ValueIndexResult(TableResult):
    """Offers with value score, price and value-for-money.

    Attributes:
        criteria: the weighted value criteria.
        table: 方案, 价格, the criterion scores, 价值分, 性价比, 排名 (by 性价比), in input order.
        name: the column naming offers.
    """

    criteria: Criteria
    table: pd.DataFrame
    name: str

    def best(self) -> str:
        """The offer with the highest value-for-money (first on a tie)."""
        return str(self.table.loc[self.table["排名"] == 1, self.name].iloc[0])

    def parity_price(self, offer: str, reference: str) -> float:
        """Price at which ``offer`` matches ``reference``'s value-for-money."""
        rows = self.table.set_index(self.name)
        for who, field in ((offer, "方案"), (reference, "参照方案")):
            if who not in rows.index:
                raise InputError(field, f"没有名为“{who}”的方案", who)
        ref = rows.loc[reference]
        return round(float(ref["价格"] * rows.loc[offer, "价值分"] / ref["价值分"]), 4)

    def _repr_html_(self) -> str:
        cols = [self.name, "价格", "价值分", "性价比", "排名"]
        return self.table[cols].to_html(index=False, float_format=lambda v: f"{v:.2f}")


def value_for_money(
    criteria: Criteria | dict[str, object], offers: pd.DataFrame, name: str = "方案", price: str = "价格"
) -> ValueIndexResult:
    """Weighted value score and value per 100 units of price for each offer.

    Args:
        criteria: weighted value criteria, or ``{name: weight}`` summing to 100.
        offers: one row per offer: ``name``, ``price`` (> 0) and a 0–10 column per criterion.
        name: the column naming each offer.
        price: the price column (万元).
    """
    if not isinstance(criteria, Criteria):
        criteria = Criteria.from_mapping(criteria, "价值权重")
    field = "方案评分表"
    _checks.non_empty(offers, field)
    for col in (name, price):
        if col not in offers.columns:
            raise InputError(field, f"缺少列“{col}”", col)
    _checks.names(offers[name], f"{field}·{name}")
    prices = _checks.numeric_frame(offers, [price], field, 0, None, row_label=name)[price]
    if (prices <= 0).any():
        who = offers[name].iloc[int((prices <= 0).to_numpy().argmax())]
        raise InputError(f"{field}·“{who}”·{price}", "应大于 0（性价比要除以价格）", 0)
    score = weighted_scores(criteria, offers, field, row_label=name).round(4)
    table = offers.copy()
    table[price] = prices
    table["价值分"] = score
    table["性价比"] = (100 * score / prices).round(4)
    table["排名"] = table["性价比"].rank(ascending=False, method="first").astype(int)
    return ValueIndexResult(criteria, table, name)
