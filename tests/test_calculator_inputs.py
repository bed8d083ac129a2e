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

    monkeypatch.setattr("kamlab.selection.selection_matrix", broken)
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


# --- sane ranges: no chart error on absurd figures -------------------------------------------------
def test_goals_widget_on_1e308_names_the_field():
    from kamlab.widgets import goals_widget

    w = goals_widget()
    w.inputs[0].value = 1e308
    assert "标杆企业大客户销售额" in w.error.value and "数值过大" in w.error.value
    assert "计算出错" not in w.error.value


def test_projection_widget_on_1e308_names_the_field():
    from kamlab.widgets import projection_widget

    w = projection_widget()
    w.first.value = 1e308
    assert "首年采购额" in w.error.value and "数值过大" in w.error.value
    assert "计算出错" not in w.error.value


# --- value-proposition export ----------------------------------------------------------------------
def test_proposition_export_with_slash_goes_to_the_answers_folder(tmp_path, monkeypatch):
    from kamlab.widgets import proposition_widget

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KAMLAB_ANSWERS_DIR", str(tmp_path / "answers"))
    w = proposition_widget("华东/一厂", quantified=[{"指标": "停机", "现状": "5", "目标": "3", "单位": "小时",
                                                   "年价值": "1000"}], psychological=["驻厂"], commitments=["框架协议"],
                           tracking=[{"指标": "OEE", "频率": "每月", "负责人": "王"}])
    md, xlsx = w.export("md"), w.export("xlsx")
    assert md == tmp_path / "answers" / "价值主张-华东_一厂.md"
    assert md.read_text(encoding="utf-8").startswith("# 华东/一厂：四象限价值主张")
    assert xlsx.is_file() and not (tmp_path / "kamlab-answers").exists()


# --- pyramid with a zero total ----------------------------------------------------------------------
def test_pyramid_zero_total_profit_says_so():
    from kamlab.widgets import pyramid_widget

    customers = pd.DataFrame({"客户": list("ABCDE"), "利润": [10, 5, 0, -5, -10], "销售额": [50, 40, 30, 20, 10]})
    w = pyramid_widget(customers)
    assert "利润合计为 0，无法计算各层的利润占比" in w.summary.value
    assert "NaN" not in w.summary.value and "—" in w.summary.value


# --- units and conventions --------------------------------------------------------------------------
def test_retention_typed_as_a_fraction_suggests_the_percentage():
    from kamlab import customer_lifetime_value, customer_npv

    with pytest.raises(InputError, match="请按百分数填写：0.8 表示 0.8%；若指 80%，请填 80"):
        customer_lifetime_value(100, 0.8, 10)
    with pytest.raises(InputError, match="若指 100%，请填 100"):
        customer_npv(1)
    with pytest.raises(InputError, match="折现率"):
        customer_lifetime_value(100, 80, 0.1)


def test_lifetime_value_unit_and_acquisition_cost():
    from kamlab import customer_lifetime_value

    r = customer_lifetime_value(100, 80, 10, acquisition=50, unit="元")
    assert r.value == 216.6667  # 100 × 0.8 / 0.3 − 50 = 266.6667 − 50
    assert "216.67</b> 元" in r._repr_html_() and "万元" not in r._repr_html_()


def test_clv_end_first_timing_matches_customer_npv():
    from kamlab import RetentionAssumptions, customer_lifetime_value, customer_npv

    a = RetentionAssumptions(margin=10, growth=0, discount=10, years=3, acquisition=0)
    assert customer_npv(80, a) == 20.5109  # the hand-worked example in kamlab.retention
    assert customer_lifetime_value(10, 80, 10, years=3, timing="end_first").value == 20.5109


def test_one_rounding_rule_for_top_x_percent():
    from kamlab import customer_pyramid, pareto_analysis

    seven = pd.DataFrame({"客户": list("ABCDEFG"), "利润": [70, 60, 50, 40, 30, 20, 10]})
    tiers = customer_pyramid(seven).table["层级"].astype(str).tolist()
    assert tiers == ["VIP客户", "VIP客户", "大客户", "大客户", "中客户", "中客户", "小客户"]  # edges ⌈1.4⌉, ⌈3.5⌉, ⌈5.6⌉
    p = pareto_analysis(seven)
    assert p.summary()["客户数"].tolist()[1] == 2  # the top 20 %: ⌈1.4⌉ = 2, the same rule
    assert p.summary()["客户范围"].tolist()[1] == "前 2 家（28.6%）"  # and the range says so


def test_customers_for_share_named_for_what_it_returns():
    from kamlab import pareto_analysis

    p = pareto_analysis(pd.DataFrame({"客户": list("ABCDE"), "利润": [50, 30, 10, 6, 4]}))
    assert p.count_for_share(80) == 2 and p.percent_of_customers_for_share(80) == 40.0


# --- state is a clean, serialisable dict (the persistence hook) -------------------------------------
def test_calculator_state_round_trips_through_json_and_on_change():
    import json

    w = selection_widget(ACCOUNTS)
    seen: list[dict] = []
    w.on_change(seen.append)
    w.accounts.set_cell(1, "财务安全", "9")
    assert len(seen) == 1 and seen[0]["accounts"][1]["财务安全"] == "9"
    saved = json.loads(json.dumps(seen[0], ensure_ascii=False))
    assert set(saved) == {"criteria", "accounts", "view", "y_cut", "x_cut", "vulnerability_cut"}
    again = selection_widget(ACCOUNTS)
    assert again.restore(saved) == []
    assert again.state() == w.state() and again.result.table["吸引力"].tolist() == w.result.table["吸引力"].tolist()


@pytest.mark.parametrize(("saved", "shown", "reason"), [
    ("abc", "abc", "不是数字"), ([20], "[20]", "不是数字"), (float("nan"), "NaN", "不是数字"),
    (float("inf"), "Infinity", "超出可用范围"), ("Infinity", "Infinity", "超出可用范围"),
    (10**400, "10000000000000000000…（共 401 个字符）", "超出可用范围"), (150, "150", "不在 0–99 之间"),
])
def test_a_saved_value_that_cannot_be_used_is_named_with_its_field_and_the_rest_restored(saved, shown, reason):
    from kamlab.widgets.lifetime_value import LifetimeValueWidget

    calc = LifetimeValueWidget()
    skipped = calc.restore({"margin": "50", "retention": saved, "discount": 12.5, "years": "3"})
    assert skipped == ["retention"]
    assert calc.state() == {"margin": "50", "retention": 80.0, "discount": 12.5, "years": "3", "timing": "end"}
    assert f"已保存的“客户保留率 %”值“{shown}”{reason}，已改用默认值 80；其余已保存的输入均已恢复" in calc.notice.value
    assert calc.result.retention == 80 and calc.result.margin == 50 and calc.error.value == ""
    assert calc.restore({"retention": 70}) == [] and calc.notice.value == ""  # a good restore clears it
