"""大客户吸引力计算表 and 定量选择模型, worked by hand."""

import pandas as pd
import pytest

import kamlab
from kamlab import InputError


def _scores():
    return pd.DataFrame({
        "客户": ["华东重工", "宏远汽车"],
        "未来销售收入和利润": [8, 5],
        "财务安全": [6, 5],
        "相互关系": [5, 5],
        "影响力": [7, 5],
    })


def test_attractiveness_default_criteria():
    # 华东重工: 8×40/100 + 6×20/100 + 5×20/100 + 7×20/100 = 3.2+1.2+1.0+1.4 = 6.8
    # 宏远汽车: all 5 → 5.0 (exactly on the default cut-line)
    result = kamlab.score_attractiveness(kamlab.DEFAULT_ATTRACTIVENESS, _scores())
    assert result.table["吸引力"].tolist() == [6.8, 5.0]


def test_attractiveness_renamed_and_added_criterion():
    scores = _scores().rename(columns={"影响力": "行业影响力"})
    scores["战略协同"] = [10, 0]
    weights = {"未来销售收入和利润": 30, "财务安全": 20, "相互关系": 20, "行业影响力": 20, "战略协同": 10}
    # 华东重工: 2.4 + 1.2 + 1.0 + 1.4 + 1.0 = 7.0 ; 宏远汽车: 1.5+1.0+1.0+1.0+0 = 4.5
    assert kamlab.score_attractiveness(weights, scores).table["吸引力"].tolist() == [7.0, 4.5]


def test_attractiveness_text_in_score_cell_names_account_and_criterion():
    scores = _scores().astype(object)
    scores.loc[1, "财务安全"] = "良好"
    with pytest.raises(InputError) as err:
        kamlab.score_attractiveness(kamlab.DEFAULT_ATTRACTIVENESS, scores)
    assert "“宏远汽车”·财务安全" in str(err.value) and "当前为 “良好”" in str(err.value)


def test_attractiveness_duplicate_account_rejected():
    scores = _scores()
    scores.loc[1, "客户"] = "华东重工"
    with pytest.raises(InputError, match="重复"):
        kamlab.score_attractiveness(kamlab.DEFAULT_ATTRACTIVENESS, scores)


def test_business_strength_relative_to_best_competitor():
    table = pd.DataFrame({"标准": ["产品与技术", "交付可靠性", "价格"], "权重": [50, 30, 20],
                          "我方": [8, 9, 5], "最强对手": [9, 6, 7]})
    # ours: 8×0.5 + 9×0.3 + 5×0.2 = 4.0 + 2.7 + 1.0 = 7.7
    # competitor: 9×0.5 + 6×0.3 + 7×0.2 = 4.5 + 1.8 + 1.4 = 7.7 → relative 1.0 (level)
    r = kamlab.business_strength(table)
    assert (r.ours, r.competitor, r.relative) == (7.7, 7.7, 1.0)
    assert r.table["我方加权"].tolist() == [4.0, 2.7, 1.0]


def test_business_strength_weaker_than_competitor():
    table = pd.DataFrame({"标准": ["质量", "服务"], "权重": [60, 40], "我方": [6, 4], "最强对手": [8, 8]})
    # ours 6×0.6 + 4×0.4 = 5.2 ; competitor 8 → 5.2/8 = 0.65
    assert kamlab.business_strength(table).relative == 0.65


def test_business_strength_competitor_all_zero_rejected():
    table = pd.DataFrame({"标准": ["质量"], "权重": [100], "我方": [6], "最强对手": [0]})
    with pytest.raises(InputError, match="最强对手"):
        kamlab.business_strength(table)


def _portfolio():
    return pd.DataFrame({"客户": ["甲", "乙", "丙", "丁"], "吸引力": [7.2, 6.1, 3.8, 5.0],
                         "相对实力": [1.3, 0.7, 1.4, 1.0], "销售额": [1200, 800, 300, 150],
                         "易损性": [6, 2, 8, 4.9]})


def test_selection_matrix_quadrants_and_tie_on_cut_lines():
    r = kamlab.selection_matrix(_portfolio())
    # 丁 sits exactly on both cut-lines (5.0, 1.0) and counts as high/high
    assert r.table["象限"].astype(str).tolist() == ["战略客户", "明星客户", "地位客户", "战略客户"]
    counts = r.counts()
    assert counts.loc["战略客户", "客户数"] == 2 and counts.loc["战略客户", "销售额"] == 1350


def test_selection_matrix_custom_cuts():
    scheme = kamlab.SELECTION_SCHEME.with_cuts(x_cut=1.35, y_cut=6.5)
    r = kamlab.selection_matrix(_portfolio(), scheme)
    assert r.table["象限"].astype(str).tolist() == ["明星客户", "精简客户", "地位客户", "精简客户"]


def test_vulnerability_view():
    # 丁: attractiveness 5.0 (≥ 5, high) and vulnerability 4.9 (< 5, low) → 稳固发展
    r = kamlab.vulnerability_matrix(_portfolio())
    assert r.table["象限"].astype(str).tolist() == ["重点防守", "稳固发展", "审慎投入", "稳固发展"]


def test_selection_matrix_empty_portfolio():
    with pytest.raises(InputError, match="「大客户组合表」为空"):
        kamlab.selection_matrix(_portfolio().iloc[0:0])


def test_selection_matrix_negative_sales():
    bad = _portfolio()
    bad.loc[0, "销售额"] = -5
    with pytest.raises(InputError, match="“甲”·销售额"):
        kamlab.selection_matrix(bad)
