"""Partnership type from drivers and facilitators (the book's own cut-off rule)."""

import pytest

from kamlab import InputError
from kamlab.partnership import (
    ARMS_LENGTH,
    DRIVERS,
    FACILITATORS,
    TYPE_I,
    TYPE_II,
    TYPE_III,
    assess_partnership,
)


def rate(items, values):
    return dict(zip(items, values, strict=True))


def test_module_doc_example_type_ii():
    # ours (4+4+3+5)/4 = 4.0; theirs (3+4+3+4)/4 = 3.5; min = 3.5 → 高
    # facilitators (3+3+4+2)/4 = 3.0 → 中 → II 型
    r = assess_partnership(rate(DRIVERS, (4, 4, 3, 5)), rate(DRIVERS, (3, 4, 3, 4)), rate(FACILITATORS, (3, 3, 4, 2)))
    assert (r.ours, r.theirs, r.driver_score, r.facilitator_score) == (4.0, 3.5, 3.5, 3.0)
    assert (r.driver_band, r.facilitator_band, r.partnership_type) == ("高", "中", TYPE_II)


def test_weaker_party_decides_drivers():
    # ours 5.0 but theirs (2+2+2+3)/4 = 2.25 → 低 → no partnership whatever the facilitators
    r = assess_partnership(rate(DRIVERS, (5, 5, 5, 5)), rate(DRIVERS, (2, 2, 2, 3)), rate(FACILITATORS, (5, 5, 5, 5)))
    assert r.driver_score == 2.25 and r.partnership_type == ARMS_LENGTH


def test_band_edges():
    # exactly 2.5 → 中, exactly 3.5 → 高: drivers 3.5/3.5 + facilitators 2.5 → 高 × 中 → II 型
    r = assess_partnership(rate(DRIVERS, (3, 4, 3, 4)), rate(DRIVERS, (4, 3, 4, 3)), rate(FACILITATORS, (2, 3, 2, 3)))
    assert (r.driver_band, r.facilitator_band, r.partnership_type) == ("高", "中", TYPE_II)
    all5 = rate(DRIVERS, (5,) * 4)
    assert assess_partnership(all5, all5, rate(FACILITATORS, (5,) * 4)).partnership_type == TYPE_III
    assert assess_partnership(all5, all5, rate(FACILITATORS, (1,) * 4)).partnership_type == TYPE_I


@pytest.mark.parametrize(
    ("ours", "facil", "field"),
    [
        ((6, 4, 4, 4), (3, 3, 3, 3), "我方驱动因素·资产/成本效率"),
        (("高", 4, 4, 4), (3, 3, 3, 3), "我方驱动因素·资产/成本效率"),
        ((4, 4, 4, 4), (3, 3, 3, 0), "促进因素·双方实力对称"),
        ((4, 4, 4, float("nan")), (3, 3, 3, 3), "利润稳定/增长"),
    ],
)
def test_bad_ratings_name_the_field(ours, facil, field):
    with pytest.raises(InputError) as err:
        assess_partnership(rate(DRIVERS, ours), rate(DRIVERS, (3,) * 4), rate(FACILITATORS, facil))
    assert field in str(err.value)


def test_missing_rating_named():
    with pytest.raises(InputError, match="客户方驱动因素.*客户服务改善"):
        assess_partnership(rate(DRIVERS, (3,) * 4), {"资产/成本效率": 3}, rate(FACILITATORS, (3,) * 4))


def test_chart_and_widget():
    from kamlab.widgets import partnership_widget

    w = partnership_widget((4, 4, 3, 5), (3, 4, 3, 4), (3, 3, 4, 2))
    assert w.result.partnership_type == TYPE_II
    w.facilitators.set_cell(0, 1, "9")
    assert "促进因素·企业文化兼容" in w.error.value
