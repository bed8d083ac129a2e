"""Tests for kamlab.value_index (价值不等于价格)."""

import pandas as pd
import pytest

from kamlab import DEFAULT_VALUE_CRITERIA, InputError, value_for_money

TWO = {"技术": 60, "服务": 40}


def _offers(**over):
    data = {"方案": ["A", "B"], "价格": [100, 80], "技术": [8, 6], "服务": [9, 5]}
    data.update(over)
    return pd.DataFrame(data)


def test_value_for_money_by_hand():
    r = value_for_money(TWO, _offers())
    # A: 8×0.6 + 9×0.4 = 4.8 + 3.6 = 8.4 → 8.4 / 100 × 100 = 8.4
    # B: 6×0.6 + 5×0.4 = 3.6 + 2.0 = 5.6 → 5.6 / 80 × 100 = 7.0
    assert list(r.table["价值分"]) == [8.4, 5.6]
    assert list(r.table["性价比"]) == [8.4, 7.0]
    assert r.best() == "A"
    # B at A's value-for-money: 100 × 5.6 / 8.4 = 66.67
    assert r.parity_price("B", "A") == pytest.approx(66.6667, abs=1e-4)


def test_value_for_money_tie_ranks_first_offer_first():
    r = value_for_money(TWO, _offers(价格=[100, 50], 技术=[8, 4], 服务=[8, 4]))
    # 8 / 100 = 4 / 50 → both 8.0; the tie goes to the first row
    assert list(r.table["性价比"]) == [8.0, 8.0]
    assert list(r.table["排名"]) == [1, 2]


def test_default_criteria_sample_offer():
    offers = pd.DataFrame({"方案": ["我方"], "价格": [112], "品牌": [8], "技术": [8], "服务": [9],
                           "行业标准": [7], "反应速度": [9], "成功案例": [7], "公司规模": [6]})
    r = value_for_money(DEFAULT_VALUE_CRITERIA, offers)
    # 1.2 + 1.6 + 1.8 + 0.7 + 1.35 + 0.7 + 0.6 = 7.95; 7.95 / 112 × 100 = 7.0982
    assert r.table["价值分"][0] == pytest.approx(7.95)
    assert r.table["性价比"][0] == pytest.approx(7.0982, abs=1e-4)


@pytest.mark.parametrize(
    ("offers", "field"),
    [
        (_offers(价格=[100, 0]), "价格"),
        (_offers(价格=[100, "贵"]), "价格"),
        (_offers(技术=[8, 12]), "技术"),
        (_offers(服务=[9, float("nan")]), "服务"),
        (_offers(方案=["A", "A"]), "重复"),
        (_offers().drop(columns=["价格"]), "缺少列"),
        (_offers().iloc[:0], "方案评分表"),
    ],
)
def test_value_for_money_bad_input(offers, field):
    with pytest.raises(InputError, match=field):
        value_for_money(TWO, offers)


def test_value_weights_and_unknown_offer():
    with pytest.raises(InputError, match="价值权重"):
        value_for_money({"技术": 60, "服务": 30}, _offers())
    with pytest.raises(InputError, match="参照方案"):
        value_for_money(TWO, _offers()).parity_price("A", "Z")


def test_value_chart_and_widget():
    from kamlab.charts import draw_value_index
    from kamlab.widgets import value_index_widget

    fig = draw_value_index(value_for_money(TWO, _offers()))
    assert {"A", "B"} <= {t.get_text().split("\n")[0] for t in fig.axes[0].texts}
    w = value_index_widget(_offers(), TWO)
    assert w.error.value == "" and w.result.best() == "A"
    w.offers.set_cell(1, 1, "-5")  # B's price
    assert "价格" in w.error.value
