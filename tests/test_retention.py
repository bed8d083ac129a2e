"""Tests for kamlab.retention (per-customer NPV vs retention)."""

import pytest

from kamlab import InputError, RetentionAssumptions, customer_npv, retention_uplift

HAND = RetentionAssumptions(margin=10, growth=0, discount=10, years=3, acquisition=0)


def test_npv_three_years_by_hand():
    # 10/1.1 + 10×0.8/1.21 + 10×0.64/1.331 = 9.0909 + 6.6116 + 4.8084 = 20.5109
    assert customer_npv(80, HAND) == pytest.approx(20.5109, abs=1e-4)


def test_uplift_three_years_by_hand():
    r = retention_uplift(80, 5, HAND)
    # 85 %: 9.0909 + 8.5/1.21 + 7.225/1.331 = 9.0909 + 7.0248 + 5.4282 = 21.5440
    assert r.npv_improved == pytest.approx(21.5440, abs=1e-4)
    assert r.uplift == pytest.approx(100 * (21.5440 / 20.5109 - 1), abs=0.01)  # ≈ 5.04 %
    assert list(r.table["年"]) == [1, 2, 3]


def test_acquisition_cost_and_growth():
    a = RetentionAssumptions(margin=10, growth=10, discount=0, years=2, acquisition=5)
    # year 1: 10 × 1 = 10; year 2: 11 × 0.5 = 5.5; minus 5 → 10.5
    assert customer_npv(50, a) == pytest.approx(10.5)


def test_no_cut_means_no_change_and_full_retention_edge():
    r = retention_uplift(95, 0, HAND)
    assert r.uplift == 0
    # retention 100 %: 10/1.1 + 10/1.21 + 10/1.331 = 24.8685
    assert customer_npv(100, HAND) == pytest.approx(24.8685, abs=1e-4)


def test_uplift_none_when_base_npv_not_positive():
    a = RetentionAssumptions(margin=1, growth=0, discount=0, years=1, acquisition=5)
    r = retention_uplift(50, 5, a)  # 1 − 5 = −4 → no meaningful percentage
    assert r.npv_base == -4
    assert r.uplift is None
    assert "无法计算" in r.describe()


def test_curve_is_increasing_in_retention():
    curve = retention_uplift(80).curve(60, 90, 10)
    assert list(curve["留存率"]) == [60, 70, 80, 90]
    assert curve["客户净现值"].is_monotonic_increasing


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"years": 0}, "年限"), ({"years": 2.5}, "年限"), ({"margin": "abc"}, "首年利润"),
     ({"discount": float("nan")}, "折现率"), ({"acquisition": -1}, "获客成本"), ({"margin": ""}, "首年利润")],
)
def test_bad_assumptions(kwargs, field):
    with pytest.raises(InputError, match=field):
        RetentionAssumptions.parse(**kwargs)


def test_bad_rates():
    with pytest.raises(InputError, match="留存率"):
        retention_uplift(120)
    with pytest.raises(InputError, match="流失率降低的百分点"):
        retention_uplift(97, 5)  # only 3 points of defection left


def test_retention_chart_and_widget():
    from kamlab.charts import draw_retention
    from kamlab.widgets import retention_widget

    fig = draw_retention(retention_uplift(80, 5, HAND))
    assert "5 个百分点" in fig.axes[0].get_title()
    w = retention_widget()
    assert "23.29 → 32.46" in w.summary.value  # the chapter's default assumptions
    w.discount.value = "abc"
    assert "折现率" in w.error.value
