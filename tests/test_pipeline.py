"""The 8-stage pipeline: value × stage probability, summed."""

import pandas as pd
import pytest

from kamlab import InputError, load_sample
from kamlab.pipeline import DEFAULT_PROBABILITIES, STAGES, forecast


def opps(*rows):
    return pd.DataFrame(rows, columns=["机会", "客户", "阶段", "金额"])


def test_module_doc_example():
    # 120 × 20 % + 80 × 75 % = 24 + 60 = 84
    r = forecast(opps(("P1", "A", "方案打磨", 120), ("P2", "B", "商务公关", 80)))
    assert r.total == 200 and r.weighted_total == 84
    assert r.by_stage["阶段"].tolist() == list(STAGES)
    assert r.by_stage.set_index("阶段").at["过滤", "机会数"] == 0


def test_sample_pipeline_by_stage():
    # 信息收集 (125 + 85 + 200) × 5 % = 410 × 0.05 = 20.5
    # 意向达成 310 × 90 % = 279; whole pipeline 2325 → 827.75 (sum of the eight stage rows)
    r = forecast(load_sample("wang_pipeline"))
    stage = r.by_stage.set_index("阶段")
    assert stage.at["信息收集", "加权金额"] == 20.5 and stage.at["意向达成", "加权金额"] == 279
    assert r.total == 2325 and r.weighted_total == 827.75


def test_custom_probabilities_and_zero_amount_edge():
    probs = {s: 50 for s in STAGES}  # flat 50 %: allowed (never falling)
    r = forecast(opps(("P1", "A", "信息收集", 0), ("P2", "A", "意向达成", 10)), probs)
    assert r.weighted_total == 5  # 0 × 0.5 + 10 × 0.5


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        ((("P1", "A", "报价", 10),), "阶段"),
        ((("P1", "A", "过滤", "十万"),), "金额"),
        ((("P1", "A", "过滤", -5),), "金额"),
        ((("P1", "A", "过滤", float("nan")),), "金额"),
        ((("", "A", "过滤", 5),), "机会"),
        ((("P1", "A", "过滤", 5), ("P1", "B", "过滤", 6)), "重复"),
    ],
)
def test_bad_opportunity_rows(rows, field):
    with pytest.raises(InputError) as err:
        forecast(opps(*rows))
    assert field in str(err.value) and "销售管道" in str(err.value)


def test_empty_pipeline_rejected():
    with pytest.raises(InputError, match="销售管道"):
        forecast(opps())


def test_probabilities_must_not_fall_or_leave_range():
    falling = {**DEFAULT_PROBABILITIES, "商务公关": 50}  # below 关键人私约 60
    with pytest.raises(InputError, match="阶段概率·商务公关"):
        forecast(opps(("P1", "A", "过滤", 5)), falling)
    with pytest.raises(InputError, match="阶段概率·意向达成"):
        forecast(opps(("P1", "A", "过滤", 5)), {**DEFAULT_PROBABILITIES, "意向达成": 120})
    with pytest.raises(InputError, match="缺少阶段"):
        forecast(opps(("P1", "A", "过滤", 5)), {"过滤": 10})


def test_funnel_chart_and_widget():
    from kamlab.widgets import pipeline_widget

    w = pipeline_widget(load_sample("wang_pipeline"))
    assert w.result.weighted_total == 827.75
    w.probabilities.set_cell(7, 1, "50")  # 意向达成 below 商务公关 75
    assert "阶段概率·意向达成" in w.error.value
