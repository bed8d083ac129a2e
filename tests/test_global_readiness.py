"""Global-KA readiness: weighted score over four external and four internal drivers."""

import pytest

from kamlab import InputError
from kamlab.global_readiness import (
    DEFAULT_WEIGHTS,
    DRIVERS,
    EXTERNAL,
    INTERNAL,
    assess_global_readiness,
)


def scores(*values):
    return dict(zip(DRIVERS, values, strict=True))


def test_module_doc_example_pilot():
    # (8+6+9+7+8+4+5+6) × 12.5/100 = 53 × 0.125 = 6.625 → 先试点
    # external (8+6+9+7)/4 = 7.5; internal (8+4+5+6)/4 = 5.75
    r = assess_global_readiness(scores(8, 6, 9, 7, 8, 4, 5, 6))
    assert (r.score, r.external, r.internal) == (6.625, 7.5, 5.75)
    assert r.verdict == "先选一两个客户试点" and r.constraint == ""


def test_weak_internal_half_is_named_and_boundary_seven_starts():
    # 8×4 + 3×4 = 44 × 0.125 = 5.5 → 试点; internal 3 < 5 → constraint 内部
    r = assess_global_readiness(scores(8, 8, 8, 8, 3, 3, 3, 3))
    assert r.score == 5.5 and r.constraint.startswith("内部")
    # all 7 → exactly 7.0 → 启动
    assert assess_global_readiness(scores(*(7,) * 8)).verdict == "启动全球大客户计划"
    assert assess_global_readiness(scores(*(0,) * 8)).verdict == "暂按国家/区域管理"


def test_custom_weights():
    # external weights 20 each (80), internal 5 each (20): 10×80/100 + 0 = 8.0
    w = {**{d: 20 for d in EXTERNAL}, **{d: 5 for d in INTERNAL}}
    r = assess_global_readiness(scores(10, 10, 10, 10, 0, 0, 0, 0), w)
    assert r.score == 8.0 and r.internal == 0 and r.constraint.startswith("内部")


@pytest.mark.parametrize(
    ("values", "weights", "field"),
    [
        ((11, 1, 1, 1, 1, 1, 1, 1), None, "当地供应商支持不到位"),
        (("很高", 1, 1, 1, 1, 1, 1, 1), None, "当地供应商支持不到位"),
        ((1, 1, 1, 1, 1, 1, 1, float("nan")), None, "运营基础设施能力提升"),
        ((1,) * 8, {**DEFAULT_WEIGHTS, "客户全球化运营": 10}, "驱动因素权重"),
    ],
)
def test_bad_input_names_the_field(values, weights, field):
    with pytest.raises(InputError) as err:
        assess_global_readiness(scores(*values), weights)
    assert field in str(err.value)


def test_weights_must_cover_the_eight_drivers():
    w = {**{d: 12.5 for d in DRIVERS[:-1]}, "其他": 12.5}
    with pytest.raises(InputError, match="驱动因素权重"):
        assess_global_readiness(scores(*(5,) * 8), w)


def test_chart_and_widget():
    from kamlab.widgets import readiness_widget

    w = readiness_widget(scores(8, 6, 9, 7, 8, 4, 5, 6))
    assert w.result.score == 6.625
    w.table.set_cell(0, 2, "20")  # weights now 107.5
    assert "驱动因素权重" in w.error.value
