"""Hostile inputs typed into the calculators (issue 14 §1): named messages, nothing lost.

Each test drives a widget through its public surface (table ``value``/``set_cell``,
sliders, ``error``/``result``) the way a learner's typing does.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kamlab import InputError, business_strength, score_attractiveness
from kamlab.widgets import (
    EditableTable,
    benefit_ranking_widget,
    readiness_widget,
    selection_widget,
    strength_widget,
    value_index_widget,
    value_scorecard_widget,
)

ACCOUNTS = pd.DataFrame({"客户": ["甲", "乙"], "销售额": [1200, 800], "未来销售收入和利润": [8, 5],
                         "财务安全": [6, 5], "相互关系": [5, 5], "影响力": [7, 5],
                         "相对实力": [1.3, 0.7], "易损性": [4, 6]})
CRITERIA = [{"标准": "未来销售收入和利润", "权重": "40"}, {"标准": "财务安全", "权重": "20"},
            {"标准": "相互关系", "权重": "20"}, {"标准": "影响力", "权重": "20"}]


def _criteria(**renamed: str) -> list[dict[str, str]]:
    return [{"标准": renamed.get(r["标准"], r["标准"]), "权重": r["权重"]} for r in CRITERIA]


# --- criterion names ---------------------------------------------------------------------
def test_blank_criterion_name_is_named_not_keyerror():
    w = selection_widget(ACCOUNTS)
    w.criteria.value = _criteria(财务安全="")
    assert "吸引力权重·名称" in w.error.value and "第 2 项的名称为空" in w.error.value
    assert "KeyError" not in w.error.value and "计算出错" not in w.error.value


def test_padded_criterion_name_is_stripped_and_scores():
    w = selection_widget(ACCOUNTS)
    w.criteria.value = _criteria(财务安全=" 财务安全 ")
    assert w.error.value == ""
    assert w.result.table["吸引力"].tolist() == [6.8, 5.0]  # 8×.4 + 6×.2 + 5×.2 + 7×.2 = 6.8


def test_numeric_criterion_name_in_the_model():
    scores = pd.DataFrame({"客户": ["甲"], 5: [8], "质量": [6]})
    result = score_attractiveness({5: 50, "质量": 50}, scores)
    assert result.table["吸引力"].tolist() == [7.0]
    assert result.criteria.names == ("5", "质量")


def test_duplicate_criterion_named_as_duplicate_not_as_weight_sum():
    w = selection_widget(ACCOUNTS)
    w.criteria.value = _criteria(财务安全="相互关系")
    assert "名称“相互关系”重复" in w.error.value
    assert "之和应为 100" not in w.error.value


def test_copied_criterion_row_in_strength_widget_is_a_duplicate():
    w = strength_widget()
    rows = w.table.value
    w.table.value = [*rows, dict(rows[0])]
    assert "采购标准权重·名称" in w.error.value and "重复" in w.error.value
    assert "Length of values" not in w.error.value and "计算出错" not in w.error.value


def test_copied_row_in_business_strength_model():
    table = pd.DataFrame({"标准": ["价格", "价格"], "权重": [50, 50], "我方": [7, 5], "最强对手": [6, 6]})
    with pytest.raises(InputError, match="名称“价格”重复"):
        business_strength(table)


def test_duplicate_driver_in_readiness_widget():
    w = readiness_widget()
    w.table.set_cell(1, 0, w.table.cell(0, 0))
    assert "驱动因素权重·名称" in w.error.value and "重复" in w.error.value


def test_duplicated_score_sheet_column_named():
    scores = pd.DataFrame([["甲", 8, 6]], columns=["客户", "质量", "质量"])
    with pytest.raises(InputError, match="列“质量”出现了两次"):
        score_attractiveness({"质量": 100}, scores)


# --- renames keep the column's values ------------------------------------------------------
def test_rename_through_an_existing_name_and_back_keeps_scores():
    w = selection_widget(ACCOUNTS)
    w.criteria.value = _criteria(财务安全="相互关系")  # transient duplicate
    w.criteria.value = _criteria()  # and back
    assert [r["财务安全"] for r in w.accounts.value] == ["6", "5"]
    assert [r["相互关系"] for r in w.accounts.value] == ["5", "5"]
    assert w.error.value == "" and w.result.table["吸引力"].tolist() == [6.8, 5.0]


def test_rename_carries_values_in_every_weighted_sheet():
    w = value_scorecard_widget(pd.DataFrame({"客户": ["甲", "乙"], "利润贡献": [8, 3], "增长潜力": [6, 4],
                                             "合作关系": [5, 5], "信用与回款": [7, 2], "行业影响力": [9, 1]}))
    rows = w.criteria.value
    rows[1]["标准"] = "利润贡献"  # 增长潜力 -> 利润贡献 (still in use) -> 新名称
    w.criteria.value = rows
    assert "名称“利润贡献”重复" in w.error.value
    rows[1]["标准"] = "新名称"
    w.criteria.value = rows
    assert [r["新名称"] for r in w.scores.value] == ["6", "4"]
    assert [r["利润贡献"] for r in w.scores.value] == ["8", "3"]


def test_value_index_and_benefit_ranking_share_the_rename_rule():
    from kamlab import load_sample

    v = value_index_widget(load_sample("ding_offers"))
    rows = v.criteria.value
    old = rows[0]["标准"]
    before = [r[old] for r in v.offers.value]
    rows[0]["标准"] = "改名"
    v.criteria.value = rows
    assert [r["改名"] for r in v.offers.value] == before

    b = benefit_ranking_widget(load_sample("wang_benefit_needs"), load_sample("wang_benefit_scores"))
    rows = b.needs.value
    old = rows[0]["需求"]
    before = [r[old] for r in b.scores.value]
    rows[0]["需求"] = rows[1]["需求"]  # duplicate for a moment
    b.needs.value = rows
    rows[0]["需求"] = old
    b.needs.value = rows
    assert [r[old] for r in b.scores.value] == before
    assert b.error.value == ""


# --- an unexpected error inside a callback is shown, inputs kept ----------------------------
def test_unexpected_error_is_shown_inline_and_inputs_kept(monkeypatch):
    w = selection_widget(ACCOUNTS)
    good = w.result

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("kamlab.attractiveness.selection_matrix", broken)
    w.accounts.set_cell(0, "财务安全", "7")
    assert "计算出错：ZeroDivisionError：division by zero；你的输入已保留" in w.error.value
    assert "<details>" in w.error.value and "Traceback" in w.error.value  # for the trainer, collapsed
    assert w.accounts.cell(0, "财务安全") == "7" and w.result is good


def test_unexpected_error_in_a_chart_is_shown_too():
    w = strength_widget()
    w.draw = lambda _r: 1 / 0
    w.table.set_cell(0, "我方", "8")
    assert "计算出错：ZeroDivisionError" in w.error.value


# --- one control per view --------------------------------------------------------------------
def test_vulnerability_view_has_its_own_cut_slider():
    w = selection_widget(ACCOUNTS)
    w.view.index = 1
    w.vulnerability_cut.value = 7.0  # above 2 × 5 = 10 … the old shared slider could not
    assert w.error.value == ""
    assert w.result.scheme.x_cut == 7.0
    assert w.result.table.set_index("客户")["象限"].tolist() == ["稳固发展", "稳固发展"]  # 易损性 4, 6 < 7
    w.view.index = 0
    assert w.result.scheme.x_cut == 1.0 and w.x_cut.value == 1.0


# --- HTML-escaped headers and result tables ---------------------------------------------------
def test_table_headers_are_html_escaped():
    t = EditableTable(["<b>x</b>", "a&b"], [["1", "2"]])
    html = "".join(child.value for child in t.children[0].children[:2])
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "a&amp;b" in html


def test_account_name_with_markup_is_escaped_in_the_result():
    accounts = ACCOUNTS.assign(客户=["<script>x</script>", "乙"])
    w = selection_widget(accounts)
    assert "<script>" not in w.summary.value and "&lt;script&gt;" in w.summary.value


# --- large tables page ---------------------------------------------------------------------------
def test_large_table_pages_and_keeps_every_row():
    rows = [[f"客户{i}", str(i)] for i in range(10_000)]
    t = EditableTable(["客户", "销售额"], rows)
    assert len(t) == 10_000 and t.pages == 200
    grid_cells = len(t.children[0].children) - 2  # minus the two headers
    assert grid_cells == 50 * 2
    t.show_page(199)
    t.set_cell(9_999, "销售额", "7")
    assert t.frame()["销售额"].iloc[-1] == "7" and t.value[-1] == {"客户": "客户9999", "销售额": "7"}


def test_cell_off_the_current_page_can_be_set():
    t = EditableTable(["a"], [[str(i)] for i in range(120)], page_size=50)
    seen = []
    t.on_change(lambda: seen.append(t.cell(100, 0)))
    t.set_cell(100, "a", "x")
    assert seen == ["x"] and t.page == 0


def test_nan_name_is_blank_not_nan():
    with pytest.raises(InputError, match="第 1 项的名称为空"):
        score_attractiveness({math.nan: 100}, pd.DataFrame({"客户": ["甲"], "x": [1]}))
