"""Tests for kamlab.pareto (80/20 analysis)."""

import pandas as pd
import pytest

from kamlab import InputError, pareto_analysis


def _five():
    # profits 4, 50, 10, 30, 6 → sorted 50, 30, 10, 6, 4; total 100
    return pd.DataFrame({"客户": list("ABCDE"), "利润": [4, 50, 10, 30, 6]})


def test_pareto_ranks_and_cumulates_by_hand():
    r = pareto_analysis(_five())
    assert list(r.table["客户"]) == ["B", "D", "C", "E", "A"]
    # cumulative 50, 80, 90, 96, 100 (% of 100)
    assert list(r.table["累计占比"]) == [50, 80, 90, 96, 100]
    assert list(r.table["累计客户占比"]) == [20, 40, 60, 80, 100]
    assert r.total == 100


def test_pareto_share_of_top_and_percent_of_customers_for_share():
    r = pareto_analysis(_five())
    assert r.share_of_top(20) == 50  # ceil(5 × 0.2) = 1 customer → 50 %
    assert r.share_of_top(30) == 80  # ceil(1.5) = 2 customers → 80 %
    assert r.share_of_top(0) == 0
    assert r.percent_of_customers_for_share(80) == 40  # 2 of 5 reach 80 %
    assert r.percent_of_customers_for_share(81) == 60  # need the 3rd (90 %)


def test_pareto_loss_makers_make_a_whale_curve():
    # profits 60, 50, -10: total 100; cumulative 60, 110, 100 → peak 110 %
    t = pd.DataFrame({"客户": ["X", "Y", "Z"], "利润": [50, -10, 60]})
    r = pareto_analysis(t)
    assert list(r.table["累计占比"]) == [60, 110, 100]
    assert r.peak == 110
    assert r.negatives == 1


def test_pareto_ties_keep_table_order():
    t = pd.DataFrame({"客户": ["P", "Q", "R"], "销售额": [10, 10, 5]})
    r = pareto_analysis(t, value="销售额")
    assert list(r.table["客户"]) == ["P", "Q", "R"]  # 10 = 10: P stays before Q
    assert r.share_of_top(34) == 80  # ceil(1.02) = 2 → (10 + 10) / 25


def test_pareto_summary_table():
    s = pareto_analysis(_five()).summary((20, 40))
    assert list(s["客户数"]) == [1, 2]
    assert list(s["利润占比%"]) == [50, 80]


@pytest.mark.parametrize(
    ("table", "field"),
    [
        (pd.DataFrame({"客户": [], "利润": []}), "客户表"),
        (pd.DataFrame({"客户": ["A", "B"], "利润": [1, "abc"]}), "利润"),
        (pd.DataFrame({"客户": ["A", "B"], "利润": [1, float("nan")]}), "利润"),
        (pd.DataFrame({"客户": ["A", ""], "利润": [1, 2]}), "客户"),
        (pd.DataFrame({"客户": ["A", "A"], "利润": [1, 2]}), "重复"),
        (pd.DataFrame({"客户": ["A", "B"], "利润": [-5, 2]}), "合计"),
        (pd.DataFrame({"名称": ["A"], "利润": [1]}), "缺少列"),
    ],
)
def test_pareto_bad_input_names_the_field(table, field):
    with pytest.raises(InputError, match=field):
        pareto_analysis(table)


def test_pareto_top_percent_out_of_range():
    with pytest.raises(InputError, match="前百分之几的客户"):
        pareto_analysis(_five()).share_of_top(120)


def test_pareto_chart_and_widget():
    from kamlab.charts import draw_pareto
    from kamlab.widgets import pareto_widget

    fig = draw_pareto(pareto_analysis(_five()), top=20)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("前 20% 客户 → 50.0%" in t for t in texts)
    w = pareto_widget(_five())
    assert "<b>50.0%</b>" in w.summary.value
    w.top.value = 40
    assert "<b>80.0%</b>" in w.summary.value
    assert w.chart.value[:4] == b"\x89PNG"
