"""Widgets: thin layers that recompute, show errors inline and keep inputs."""

import pandas as pd

from kamlab.widgets import (
    organisation_widget,
    proposition_widget,
    quiz_widget,
    selection_widget,
    strength_widget,
)

ACCOUNTS = pd.DataFrame({"客户": ["甲", "乙"], "销售额": [1200, 800], "未来销售收入和利润": [8, 5],
                         "财务安全": [6, 5], "相互关系": [5, 5], "影响力": [7, 5],
                         "相对实力": [1.3, 0.7], "易损性": [4, 6]})


def test_selection_widget_computes_and_draws():
    w = selection_widget(ACCOUNTS)
    assert w.error.value == ""
    assert w.result.table["吸引力"].tolist() == [6.8, 5.0]
    assert w.chart.value[:4] == b"\x89PNG"


def test_selection_widget_bad_weight_shown_inline_inputs_kept():
    w = selection_widget(ACCOUNTS)
    before = w.accounts.value
    w.criteria.set_cell(0, 1, "30")  # weights now sum to 90
    assert "之和应为 100，当前为 90" in w.error.value
    assert w.accounts.value == before
    assert w.criteria.value[0]["权重"] == "30"
    w.criteria.set_cell(0, 1, "40")
    assert w.error.value == ""


def test_selection_widget_added_criterion_keeps_other_columns():
    w = selection_widget(ACCOUNTS)
    w.criteria.append_row({"标准": "战略协同", "权重": "0"})
    row = w.accounts.value[0]
    assert row["相对实力"] == "1.3" and row["战略协同"] == ""
    assert "“甲”·战略协同" in w.error.value  # the new column asks for scores


def test_selection_widget_vulnerability_view():
    w = selection_widget(ACCOUNTS)
    w.view.index = 1
    assert w.result.x == "易损性"


def test_strength_widget_default():
    w = strength_widget()
    assert w.result.relative == 1.0


def test_organisation_widget_text_error_then_recovers():
    w = organisation_widget()
    w.inputs["n_accounts"].value = "很多"
    assert "「大客户数量」应为数字" in w.error.value
    w.inputs["n_accounts"].value = "60"
    assert w.error.value == "" and w.result.facts.n_accounts == 60


def test_proposition_widget_empty_then_filled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    w = proposition_widget("甲")
    assert "第一象限、第二象限、第三象限、第四象限为空" in w.error.value
    w.q1.value = [{"指标": "停机", "现状": "5", "目标": "3", "单位": "小时", "年价值": "1000"}]
    w.q2.value = "驻厂"
    w.q3.value = "框架协议"
    w.q4.value = [{"指标": "OEE", "频率": "每月", "负责人": "王"}]
    assert w.error.value == "" and w.result.total_annual_value == 1000
    assert w.export("md").read_text("utf-8").startswith("# 甲：四象限价值主张")


def test_quiz_widget_feedback():
    q = quiz_widget("wang-01")
    for choice, question in zip(q.choices, q.quiz.questions, strict=True):
        choice.value = question.answer
    assert all(q.check())
    assert f"{len(q.choices)} / {len(q.choices)}" in q.score.value


def test_calculator_chart_hidden_until_drawn():
    # No chart function: the empty picture stays hidden (no broken image in the static book).
    assert strength_widget().chart.layout.display == "none"
    # First input invalid: nothing drawn yet, still hidden; fixed: drawn and shown.
    facts = {"n_accounts": "很多", "ka_share": 35, "spread": 3, "central_purchasing": 3,
             "coordination": 3, "customisation": 3, "resources": 3}
    w = organisation_widget(facts)
    assert "「大客户数量」应为数字" in w.error.value
    assert w.chart.layout.display == "none"
    w.inputs["n_accounts"].value = "12"
    assert w.chart.value[:4] == b"\x89PNG" and w.chart.layout.display is None
