"""Customer lifetime value: m·r/(1+i−r) and its finite-horizon sum."""

import pytest

from kamlab import InputError
from kamlab.lifetime_value import customer_lifetime_value
from kamlab.retention import RetentionAssumptions, customer_npv


def test_infinite_horizon_worked_example():
    # 100 × 0.8 / (1.1 − 0.8) = 80 / 0.3 = 266.67; lifetime 1 / (1 − 0.8) = 5
    r = customer_lifetime_value(100, 80, 10)
    assert r.value == pytest.approx(266.6667) and r.expected_lifetime == 5
    assert r.formula == "m·r/(1+i−r)"


def test_finite_horizon_five_years():
    # year t: 100 × 0.8^t / 1.1^t
    # 72.7273 + 52.8926 + 38.4673 + 27.9762 + 20.3463 = 212.4097
    r = customer_lifetime_value(100, 80, 10, years=5)
    assert r.value == pytest.approx(212.4097)
    assert r.cash_flows["期望毛利现值"].tolist() == [72.7273, 52.8926, 38.4673, 27.9762, 20.3463]


def test_other_timings():
    # start: 100 × 1.1 / 0.3 = 366.67; end_first: 100 / 0.3 = 333.33
    assert customer_lifetime_value(100, 80, 10, timing="start").value == pytest.approx(366.6667)
    assert customer_lifetime_value(100, 80, 10, timing="end_first").value == pytest.approx(333.3333)


def test_end_first_finite_matches_ding_retention_npv():
    # 10/1.1 + 8/1.21 + 6.4/1.331 = 9.0909 + 6.6116 + 4.8084 = 20.5109
    ours = customer_lifetime_value(10, 80, 10, years=3, timing="end_first").value
    theirs = customer_npv(80, RetentionAssumptions(margin=10, growth=0, discount=10, years=3, acquisition=0))
    assert ours == pytest.approx(20.5109, abs=1e-4) and ours == pytest.approx(theirs, abs=1e-4)


def test_edges_zero_retention_and_full_retention_finite():
    assert customer_lifetime_value(100, 0, 10).value == 0  # 100 × 0 / 1.1
    # r = 100 %, i = 0, 3 years: 100 + 100 + 100
    r = customer_lifetime_value(100, 100, 0, years=3)
    assert r.value == 300 and r.expected_lifetime == float("inf")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((100, 100, 0), "客户保留率"),
        ((100, 120, 10), "客户保留率"),
        (("一百", 80, 10), "年均毛利"),
        ((-1, 80, 10), "年均毛利"),
        ((100, 80, float("nan")), "折现率"),
        ((100, 80, 10, 2.5), "计算年限"),
        ((100, 80, 10, 0), "计算年限"),
    ],
)
def test_bad_input_names_the_field(args, field):
    with pytest.raises(InputError) as err:
        customer_lifetime_value(*args)
    assert field in str(err.value)


def test_unknown_timing():
    with pytest.raises(InputError, match="计算口径"):
        customer_lifetime_value(100, 80, 10, timing="mid")


def test_chart_and_widget():
    from kamlab.widgets import lifetime_value_widget

    w = lifetime_value_widget(100, 80, 10)
    assert w.result.value == pytest.approx(266.6667)
    w.years.value = "5"
    assert w.result.value == pytest.approx(212.4097)
    w.margin.value = "abc"
    assert "年均毛利" in w.error.value
