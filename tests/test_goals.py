"""Three goal-setting methods: hand-checked targets, ties, bad input."""

import pytest

from kamlab import InputError
from kamlab.goals import appraisal_by_stage, set_targets


def test_three_targets_side_by_side():
    r = set_targets(8000, 30, 6, 350, 1800, 20)
    # 8000 × 30 % = 2400; 6 × 350 = 2100; 1800 × 1.2 = 2160
    assert list(r.table["目标"]) == pytest.approx([2400, 2100, 2160])
    # growth on 1800: 2400/1800 − 1 = 33.33 %; 2100/1800 − 1 = 16.67 %; 20 %
    assert list(r.table["较基础销量增长(%)"]) == pytest.approx([33.33, 16.67, 20.0])
    assert (r.low, r.high, r.spread) == (2100, 2400, 300)
    assert list(r.table["公式"]) == ["8000 × 30%", "6 × 350", "1800 × (1 + 20%)"]


def test_targets_agree_when_figures_agree():
    # 5000 × 40 % = 2000; 4 × 500 = 2000; 1600 × 1.25 = 2000 → spread 0
    r = set_targets(5000, 40, 4, 500, 1600, 25)
    assert r.spread == 0
    # zero resources give a zero target, not an error
    assert set_targets(5000, 40, 0, 500, 1600, 25).low == 0


def test_targets_bad_input_named():
    with pytest.raises(InputError, match="目标比例"):
        set_targets(8000, 250, 6, 350, 1800, 20)
    with pytest.raises(InputError, match="资源投入单位"):
        set_targets(8000, 30, -1, 350, 1800, 20)
    with pytest.raises(InputError, match="单位产出"):
        set_targets(8000, 30, 6, "三百五", 1800, 20)
    with pytest.raises(InputError, match="基础销量"):
        set_targets(8000, 30, 6, 350, 0, 20)
    with pytest.raises(InputError, match="标杆企业大客户销售额"):
        set_targets(float("nan"), 30, 6, 350, 1800, 20)
    with pytest.raises(InputError, match="增长率"):
        set_targets(8000, 30, 6, 350, 1800, "")


def test_appraisal_stages_from_the_article():
    t = appraisal_by_stage().set_index("项目")
    assert t.loc["考核节奏", "初建期"] == "以季度为主"
    assert t.loc["考核节奏", "成熟期"] == "改为月度"
    assert t.loc["薪酬结构", "初建期"] == "底薪为主、奖金为辅"
