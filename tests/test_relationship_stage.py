"""Relationship-stage diagnosis: median indicator level, rounded down (book's own rule)."""

import pytest

from kamlab import InputError
from kamlab.relationship_stage import INDICATORS, diagnose_stage


def levels(*values):
    return dict(zip(INDICATORS, values, strict=True))


def test_module_doc_example_cooperative():
    # 3, 2, 3, 4, 2, 3 → sorted 2 2 3 3 3 4 → median (3 + 3)/2 = 3 → 合作期
    r = diagnose_stage(levels(3, 2, 3, 4, 2, 3))
    assert (r.median, r.stage, r.name, r.name_en) == (3.0, 3, "合作期", "cooperative")
    assert r.gaps == ("供应地位", "高层关系")


def test_half_median_rounds_down():
    # 1 1 2 3 4 5 → median (2 + 3)/2 = 2.5 → 2 基础期; gaps: the two at level 1
    r = diagnose_stage(levels(1, 1, 2, 3, 4, 5))
    assert (r.median, r.stage, r.name) == (2.5, 2, "基础期")
    assert r.gaps == ("接触面", "供应地位")


def test_all_five_is_integrated_without_gaps():
    r = diagnose_stage(levels(5, 5, 5, 5, 5, 5))
    assert r.name == "整合期" and r.gaps == ()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ((0, 1, 1, 1, 1, 1), "关系指标·接触面"),
        ((1, 6, 1, 1, 1, 1), "关系指标·供应地位"),
        ((1, 1, "高", 1, 1, 1), "关系指标·信息共享"),
        ((1, 1, 1, 2.5, 1, 1), "关系指标·联合计划"),
        ((1, 1, 1, 1, float("nan"), 1), "关系指标·高层关系"),
    ],
)
def test_bad_levels_name_the_indicator(values, field):
    with pytest.raises(InputError) as err:
        diagnose_stage(levels(*values))
    assert field in str(err.value)


def test_missing_indicator_named():
    with pytest.raises(InputError, match="转换成本"):
        diagnose_stage({k: 3 for k in list(INDICATORS)[:-1]})


def test_chart_and_widget():
    from kamlab.widgets import stage_widget

    w = stage_widget(levels(3, 2, 3, 4, 2, 3))
    assert w.result.name == "合作期"
    for choice in w.choices.values():
        choice.value = 5
    assert w.result.name == "整合期"
