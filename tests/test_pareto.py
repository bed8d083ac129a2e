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
    assert any("前 1 家（20%）贡献 50.0% 利润" in t for t in texts)
    w = pareto_widget(_five())
    assert "<b>50.0%</b>" in w.summary.value
    w.top.value = 40
    assert "<b>80.0%</b>" in w.summary.value
    assert w.chart.value[:4] == b"\x89PNG"


def test_a_small_list_says_how_many_customers_and_the_marker_sits_on_the_curve():
    """Issue 18 §3: with 12 accounts “前 20% 的客户贡献了 55.3%” was really the top 3 (25 %), the
    marker sat at x = 20 % off the curve, and the 前 10% row counted 2 customers."""
    from kamlab.charts import draw_pareto
    from kamlab.widgets import pareto_widget

    profits = [300, 200, 163.6, 120, 100, 90, 70, 50, 40, 30, 20, 16.4]  # total 1,200
    frame = pd.DataFrame({"客户": [f"客户{i:02d}" for i in range(12)], "利润": profits})
    r = pareto_analysis(frame)
    assert r.top_customers(20) == (3, 25.0, 55.3)  # (300 + 200 + 163.6) / 1,200 = 55.3 %
    assert r.top_phrase(20) == "前 3 家（25%）贡献 55.3%"
    assert r.summary()["客户范围"].tolist() == ["前 2 家（16.7%）", "前 3 家（25%）", "前 6 家（50%）"]
    ax = draw_pareto(r, top=20).axes[0]
    marker = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(marker) == 1 and list(marker[0].get_xdata()) == [25.0] and list(marker[0].get_ydata()) == [55.3]
    curve = ax.lines[0]
    assert (25.0, 55.3) in set(zip(curve.get_xdata(), curve.get_ydata(), strict=True))  # on the curve
    assert any(t.get_text() == "前 3 家（25%）贡献 55.3% 利润" for t in ax.texts)
    w = pareto_widget(frame.assign(销售额=profits))
    assert "前 3 家（25%）客户贡献了 <b>55.3%</b> 的利润" in w.summary.value
