"""大客户四象限价值主张."""

import pytest
from openpyxl import load_workbook

import kamlab
from kamlab import InputError

Q1 = [{"指标": "设备停机时间", "现状": "40", "目标": "25", "单位": "小时/月", "年价值": "360,000"},
      {"指标": "废品率", "现状": 3.0, "目标": 1.5, "单位": "%", "年价值": 240000}]


def _prop(**over):
    args = dict(account="富士康", quantified=Q1, psychological=["技术专家驻厂三个月"],
                commitments=["年度框架协议"], tracking=[{"指标": "OEE", "频率": "每月", "负责人": "张经理"}])
    args.update(over)
    return kamlab.build_proposition(**args)


def test_total_annual_value_sums_quadrant_one():
    # 360,000 + 240,000 = 600,000 元
    assert _prop().total_annual_value == 600000.0


def test_single_zero_value_entry_is_allowed():
    q1 = [{"指标": "交货周期", "现状": 30, "目标": 20, "单位": "天", "年价值": 0}]
    assert _prop(quantified=q1).total_annual_value == 0.0


def test_empty_quadrants_all_named():
    with pytest.raises(InputError) as err:
        _prop(psychological=[" "], tracking=[])
    assert "第二象限、第四象限为空" in str(err.value)


def test_quadrant_one_must_be_quantified():
    q1 = [{"指标": "服务更好", "现状": "", "目标": "", "单位": "", "年价值": ""}]
    with pytest.raises(InputError, match="「第一象限·服务更好·现状」不能为空"):
        _prop(quantified=q1)


def test_quadrant_one_target_equal_to_baseline_rejected():
    q1 = [{"指标": "停机", "现状": 5, "目标": 5, "单位": "小时", "年价值": 100}]
    with pytest.raises(InputError, match="与现状相同"):
        _prop(quantified=q1)


def test_negative_value_rejected():
    q1 = [{"指标": "停机", "现状": 5, "目标": 3, "单位": "小时", "年价值": -1}]
    with pytest.raises(InputError, match="年价值（元）」不能小于 0"):
        _prop(quantified=q1)


def test_exports(tmp_path):
    prop = _prop()
    md = prop.to_markdown()
    assert "## 第一象限：量化的功能与经济价值" in md and "量化年价值合计：600,000 元" in md
    path = prop.to_excel(tmp_path / "p.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["第一象限", "第二象限", "第三象限", "第四象限"]
    assert book["第一象限"]["E3"].value == 240000
