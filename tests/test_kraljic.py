"""Kraljic purchasing portfolio: profit impact × supply risk."""

import pandas as pd
import pytest

from kamlab import InputError, load_sample
from kamlab.kraljic import KRALJIC_SCHEME, classify_purchases


def items(*rows):
    return pd.DataFrame(rows, columns=["品类", "利润影响", "供应风险", "采购额"])


def test_four_quadrants_and_supplier_reading():
    r = classify_purchases(items(("液压", 8, 7, 10), ("钢板", 8, 3, 10), ("芯片", 3, 9, 1), ("办公", 1, 1, 1)))
    assert r.table["象限"].astype(str).tolist() == ["战略型", "杠杆型", "瓶颈型", "一般型"]
    assert "伙伴关系" in r.table["供应商视角"].iloc[0] and "竞价" in r.table["供应商视角"].iloc[1]


def test_cut_line_counts_as_high_and_cuts_are_parameters():
    # (5, 5) sits on both default cut-lines → high/high → 战略型
    assert str(classify_purchases(items(("x", 5, 5, 1))).table["象限"].iloc[0]) == "战略型"
    # with cut-lines at 6 the same item is 一般型
    r = classify_purchases(items(("x", 5, 5, 1)), KRALJIC_SCHEME.with_cuts(6, 6))
    assert str(r.table["象限"].iloc[0]) == "一般型"


def test_sample_portfolio_counts():
    r = classify_purchases(load_sample("wang_purchases"))
    counts = r.counts()
    # 战略型 发动机 42000 + 液压系统 18000 = 60000; 杠杆型 钢板 25000 + 轮胎 6000 = 31000
    assert counts.loc["战略型", "采购额"] == 60000 and counts.loc["杠杆型", "采购额"] == 31000
    assert counts["品类数"].tolist() == [2, 2, 2, 2]


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ((("x", 11, 1, 1),), "利润影响"),
        ((("x", 1, "高", 1),), "供应风险"),
        ((("x", 1, 1, -3),), "采购额"),
        ((("x", float("nan"), 1, 1),), "利润影响"),
        ((("", 1, 1, 1),), "品类"),
        ((("x", 1, 1, 1), ("x", 2, 2, 2)), "重复"),
    ],
)
def test_bad_input_names_the_field(rows, field):
    with pytest.raises(InputError) as err:
        classify_purchases(items(*rows))
    assert field in str(err.value) and "采购品类表" in str(err.value)


def test_empty_table_rejected():
    with pytest.raises(InputError, match="采购品类表"):
        classify_purchases(items())


def test_chart_and_widget_cut_lines():
    from kamlab.charts import draw_kraljic
    from kamlab.widgets import kraljic_widget

    w = kraljic_widget(load_sample("wang_purchases"))
    assert draw_kraljic(w.result).axes[0].get_lines()[0].get_xdata()[0] == w.result.scheme.x_cut
    w.y_cut.value = 8.5  # now only 发动机 (9) keeps high profit impact
    assert w.result.counts().loc["战略型", "品类数"] == 1
