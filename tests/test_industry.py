"""Tests for kamlab.industry (重点/潜力/观察行业)."""

import pandas as pd
import pytest

from kamlab import DEFAULT_INDUSTRY_WEIGHTS, InputError, prioritise_industries

FACTORS = list(DEFAULT_INDUSTRY_WEIGHTS)


def _table(*rows):
    return pd.DataFrame([[n, *s] for n, s in rows], columns=["行业", *FACTORS])


def test_industry_weighted_by_hand():
    t = _table(("电力", [9, 6, 8, 5, 7, 8, 8]), ("建筑", [5, 3, 4, 3, 6, 3, 4]), ("制药", [4, 7, 5, 4, 5, 6, 4]))
    r = prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, t)
    # 电力: 9×.2 + 6×.2 + 8×.1 + 5×.15 + 7×.1 + 8×.15 + 8×.1 = 1.8+1.2+0.8+0.75+0.7+1.2+0.8 = 7.25
    # 制药: 0.8+1.4+0.5+0.6+0.5+0.9+0.4 = 5.1 ; 建筑: 1.0+0.6+0.4+0.45+0.6+0.45+0.4 = 3.9
    assert list(r.table["行业"]) == ["电力", "制药", "建筑"]
    assert list(r.table["得分"]) == [7.25, 5.1, 3.9]
    assert list(r.table["优先级"].astype(str)) == ["重点行业", "观察行业", "观察行业"]


def test_industry_score_on_a_cut_off_counts_as_the_higher_class():
    t = _table(("甲", [7] * 7), ("乙", [5.5] * 7), ("丙", [5.5] * 7))
    r = prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, t)
    assert list(r.table["优先级"].astype(str)) == ["重点行业", "潜力行业", "潜力行业"]
    assert list(r.table["行业"]) == ["甲", "乙", "丙"]  # tie 乙 = 丙 keeps table order
    assert list(r.counts()["行业数"]) == [1, 2, 0]


def test_industry_custom_cut_offs():
    t = _table(("甲", [6] * 7))
    assert prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, t, focus=6, potential=3).table["优先级"][0] == "重点行业"
    assert prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, t, focus=9, potential=6.5).table["优先级"][0] == "观察行业"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"focus": 5, "potential": 6}, "潜力行业分界"), ({"focus": 11}, "重点行业分界"),
     ({"potential": "abc"}, "潜力行业分界")],
)
def test_industry_bad_cut_offs(kwargs, field):
    with pytest.raises(InputError, match=field):
        prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, _table(("甲", [6] * 7)), **kwargs)


def test_industry_bad_tables_and_weights():
    with pytest.raises(InputError, match="行业因素权重"):
        prioritise_industries({**DEFAULT_INDUSTRY_WEIGHTS, "市场容量": 10}, _table(("甲", [6] * 7)))
    with pytest.raises(InputError, match="行业评分表"):
        prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, _table())
    with pytest.raises(InputError, match="增长速度"):
        prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, _table(("甲", [6, 12, 6, 6, 6, 6, 6])))
    with pytest.raises(InputError, match="重复"):
        prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, _table(("甲", [6] * 7), ("甲", [5] * 7)))


def test_industry_chart_and_widget():
    from kamlab.charts import draw_industries
    from kamlab.widgets import industry_widget

    t = _table(("电力", [9, 6, 8, 5, 7, 8, 8]), ("建筑", [5, 3, 4, 3, 6, 3, 4]))
    fig = draw_industries(prioritise_industries(DEFAULT_INDUSTRY_WEIGHTS, t))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["建筑", "电力"]
    w = industry_widget(t)
    assert w.error.value == "" and list(w.result.table["得分"]) == [7.25, 3.9]
    w.potential.value = "8"
    assert "潜力行业分界" in w.error.value
