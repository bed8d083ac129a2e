"""Answers rendered for a person in every question type: never raw JSON, always escaped."""

from __future__ import annotations

from kamlab.grading.htmlpage import answer_html, answer_text, local_time, stored_value

TABLE = {"type": "table", "columns": ["岗位", "人数"]}
INPUTS = {"type": "inputs"}
SHEET = {"type": "worksheet", "key": {"required": {"who": "客户与类型", "needs": "需求"}}}


def test_tables_and_inputs_are_tables():
    rows = [{"岗位": "大客户经理", "人数": "4"}, {"岗位": "<b>区域</b>", "人数": ""}]
    html = answer_html(TABLE, rows)
    assert "<th>岗位</th><th>人数</th>" in html and "<td>大客户经理</td><td>4</td>" in html
    assert "&lt;b&gt;区域&lt;/b&gt;" in html and '{"' not in html
    assert answer_text(TABLE, rows) == "岗位：大客户经理；人数：4\n岗位：<b>区域</b>；人数："
    assert "<td>权重</td><td>30</td>" in answer_html(INPUTS, {"权重": 30})


def test_worksheet_fields_keep_the_key_order_and_show_unfilled_parts():
    value = {"needs": "稳定供货", "extra": "备注"}
    assert answer_text(SHEET, value) == "客户与类型：（未填写）\n需求：稳定供货\nextra：备注"
    assert answer_html(SHEET, {}) == "<p class='muted'>（未作答）</p>"


def test_stored_text_that_looks_like_json_stays_text_for_text_questions():
    assert stored_value({"type": "text"}, "[1] 先补短板") == "[1] 先补短板"
    assert stored_value(TABLE, '[{"岗位": "经理"}]') == [{"岗位": "经理"}]


def test_local_time_defaults_to_shanghai():
    assert local_time("2026-11-26T16:30:00+00:00") == "2026-11-27 00:30"
    assert local_time("2026-11-26T16:30:00") == "2026-11-27 00:30"  # no zone = UTC
    assert local_time("2026-11-26T16:30:00+00:00", "America/New_York") == "2026-11-26 11:30"
