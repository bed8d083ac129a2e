"""Tests for kamlab.pyramid (customer pyramid and value scorecard)."""

import pandas as pd
import pytest

from kamlab import InputError, customer_pyramid, value_scorecard


def _ten():
    # profit 10, 9, …, 1 for customers K01 … K10; sales in reverse order
    return pd.DataFrame({
        "客户": [f"K{i:02d}" for i in range(1, 11)],
        "利润": list(range(10, 0, -1)),
        "销售额": list(range(1, 11)),
    })


def test_pyramid_bands_20_30_30_20_by_hand():
    r = customer_pyramid(_ten(), measures=["利润", "销售额"])
    # boundaries after 10×20% = 2, 10×50% = 5, 10×80% = 8 customers
    assert list(r.table["层级"].astype(str)) == ["VIP客户"] * 2 + ["大客户"] * 3 + ["中客户"] * 3 + ["小客户"] * 2
    s = r.summary()
    assert list(s["客户数"]) == [2, 3, 3, 2]
    # VIP profit 10 + 9 = 19 of 55 → 34.5 %; their sales 1 + 2 = 3 of 55 → 5.5 %
    assert s.loc[0, "利润"] == 19
    assert s.loc[0, "利润占比%"] == 34.5
    assert s.loc[0, "销售额占比%"] == 5.5


def test_pyramid_by_revenue_reverses_the_tiers():
    r = customer_pyramid(_ten(), by="销售额")
    assert list(r.table["客户"][:2]) == ["K10", "K09"]  # biggest buyers, smallest profit


def test_pyramid_custom_bands_and_ties():
    t = pd.DataFrame({"客户": list("ABCD"), "利润": [5, 5, 5, 1]})
    r = customer_pyramid(t, bands=[50, 50], tiers=["上", "下"])
    # round(4 × 50 %) = 2: A, B on top; the tie A = B = C is broken by table order
    assert list(r.table["层级"].astype(str)) == ["上", "上", "下", "下"]
    assert list(r.table["客户"]) == ["A", "B", "C", "D"]


def test_pyramid_negative_profit_sits_at_the_bottom():
    t = pd.DataFrame({"客户": list("ABCDE"), "利润": [3, -2, 8, 1, 0]})
    r = customer_pyramid(t, bands=[20, 20, 20, 40])
    assert list(r.table["客户"]) == ["C", "A", "D", "E", "B"]
    assert r.table["层级"].iloc[-1] == "小客户"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"bands": [20, 30, 30, 10]}, "分层比例"),  # sums to 90
        ({"bands": [20, 30, 50]}, "分层比例"),  # 3 bands for 4 tiers
        ({"bands": [0, 50, 30, 20]}, "分层比例·VIP客户"),
        ({"bands": [20, "abc", 30, 20]}, "分层比例·大客户"),
        ({"by": "毛利"}, "缺少列"),
        ({"tiers": ["A", "A", "B", "C"]}, "层级名称"),
    ],
)
def test_pyramid_bad_parameters(kwargs, field):
    with pytest.raises(InputError, match=field):
        customer_pyramid(_ten(), **kwargs)


def test_pyramid_bad_table():
    with pytest.raises(InputError, match="客户表"):
        customer_pyramid(pd.DataFrame({"客户": [], "利润": []}))
    with pytest.raises(InputError, match="利润"):
        customer_pyramid(pd.DataFrame({"客户": ["A", "B"], "利润": [1, None]}))
    with pytest.raises(InputError, match="重复"):
        customer_pyramid(pd.DataFrame({"客户": ["A", "A"], "利润": [1, 2]}))


def test_scorecard_weighted_by_hand():
    criteria = {"利润贡献": 40, "增长潜力": 30, "合作关系": 30}
    scores = pd.DataFrame({"客户": ["甲", "乙"], "利润贡献": [9, 4], "增长潜力": [3, 8], "合作关系": [5, 7]})
    r = value_scorecard(criteria, scores)
    # 甲: 9×0.4 + 3×0.3 + 5×0.3 = 3.6 + 0.9 + 1.5 = 6.0
    # 乙: 4×0.4 + 8×0.3 + 7×0.3 = 1.6 + 2.4 + 2.1 = 6.1 → 乙 first
    assert list(r.table["客户"]) == ["乙", "甲"]
    assert list(r.table["价值分"]) == [6.1, 6.0]


def test_scorecard_tie_keeps_order():
    scores = pd.DataFrame({"客户": ["甲", "乙"], "A": [5, 5], "B": [5, 5]})
    r = value_scorecard({"A": 50, "B": 50}, scores)
    assert list(r.table["价值分"]) == [5.0, 5.0]
    assert list(r.table["客户"]) == ["甲", "乙"]


def test_scorecard_bad_input():
    scores = pd.DataFrame({"客户": ["甲"], "A": [5], "B": [11]})
    with pytest.raises(InputError, match="计分卡权重"):
        value_scorecard({"A": 50, "B": 40}, scores)
    with pytest.raises(InputError, match="计分卡"):
        value_scorecard({"A": 50, "B": 50}, scores)  # 11 is out of 0–10


def test_pyramid_chart_and_widget_show_errors_inline():
    from kamlab.charts import draw_pyramid
    from kamlab.widgets import pyramid_widget

    fig = draw_pyramid(customer_pyramid(_ten(), measures=["利润"]))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["VIP客户", "大客户", "中客户", "小客户"]
    w = pyramid_widget(_ten())
    assert w.error.value == ""
    w.bands[0].value = "10"  # 10 + 30 + 30 + 20 = 90
    assert "分层比例" in w.error.value and "90" in w.error.value
    assert w.bands[0].value == "10"  # what was typed is kept


def test_value_scorecard_widget_follows_criteria():
    from kamlab.widgets import value_scorecard_widget

    scores = pd.DataFrame({"客户": ["甲", "乙"], "利润贡献": [9, 4], "增长潜力": [3, 8], "合作关系": [5, 7],
                           "信用与回款": [5, 5], "行业影响力": [5, 5]})
    w = value_scorecard_widget(scores)
    assert w.error.value == ""
    w.criteria.value = [{"标准": "利润贡献", "权重": "40"}, {"标准": "增长潜力", "权重": "60"}]
    # 甲 9×0.4 + 3×0.6 = 5.4; 乙 4×0.4 + 8×0.6 = 6.4
    assert w.result.table["价值分"].tolist() == [6.4, 5.4]


def test_tier_changes_profit_vs_revenue():
    from kamlab import tier_changes

    by_profit = customer_pyramid(_ten())
    by_sales = customer_pyramid(_ten(), by="销售额")
    table, moved = tier_changes(by_profit, by_sales)
    # ranks reverse: by profit VIP = K01,K02, 大 = K03–K05, 中 = K06–K08, 小 = K09,K10;
    # by sales VIP = K10,K09, 大 = K08–K06, 中 = K05–K03, 小 = K02,K01 → all ten move
    assert moved == 10
    assert table.loc["VIP客户", "小客户"] == 2 and table.loc["大客户", "中客户"] == 3
    assert table.loc["中客户", "大客户"] == 3 and table.loc["小客户", "VIP客户"] == 2


def test_tier_changes_same_ranking_moves_nobody():
    from kamlab import tier_changes

    table, moved = tier_changes(customer_pyramid(_ten()), customer_pyramid(_ten()))
    assert moved == 0 and int(table.to_numpy().trace()) == 10
