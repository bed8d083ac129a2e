"""Rubric scorers with hand-checked values, and escaping of learner text in every page.
(Submission validation, manual grading and outputs: tests/grading/.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kamlab.grading import grade, rubric, set_manual, write_feedback, write_report
from kamlab.grading.gradebook import connect, set_roster
from kamlab.grading.keys import load_key
from kamlab.grading.names import file_stem

sys.path.insert(0, str(Path(__file__).parent / "grading"))
from gbsql import sql  # noqa: E402
from gradingkit import EX, make_db, put, signed  # noqa: E402


def test_script_in_learner_text_is_escaped_in_feedback_and_report(tmp_path):
    db = make_db(tmp_path)
    evil = "<script>alert('x')</script>"
    assert grade([put(tmp_path, signed("L001", {"strategy": evil, "attractiveness": "7.4"}))], db=db)[0].accepted
    set_manual(db=db, learner="L001", exercise=EX, question="-", comment="<img src=x onerror=alert(1)>")
    con = connect(db)
    set_roster(con, {"L002": "<b>李四</b>"})
    con.close()
    pages = write_feedback(db=db, out=tmp_path / "fb")
    html_path, _ = write_report(db=db, out=tmp_path / "rep")
    for path in [*pages, html_path]:
        text = path.read_text(encoding="utf-8")
        assert "<script>" not in text and "<img src=x" not in text and "<b>李四" not in text
    assert "&lt;script&gt;" in (tmp_path / "fb" / f"{file_stem('L001')}.html").read_text(encoding="utf-8")


# --- scorers ------------------------------------------------------------------
NUM = {"label": "吸引力", "type": "number", "points": 2, "key": {"expected": 7.4, "tolerance": 0.05}}


@pytest.mark.parametrize(("value", "points"), [("7.4", 2), ("7.44", 2), ("7.46", 0), ("７.４", 2), ("", 0),
                                               ("七点四", 0), (7.4, 2), (None, 0)])
def test_number_scored_within_tolerance(value, points):
    # |7.44 − 7.4| = 0.04 ≤ 0.05 → full; |7.46 − 7.4| = 0.06 > 0.05 → none; full-width digits parse.
    assert rubric.score_number(NUM, value).score == points


def test_relative_tolerance_and_percent_sign():
    q = {"label": "年价值", "type": "number", "points": 1, "key": {"expected": 1000, "relative": 0.05}}
    assert rubric.score_number(q, "1050").score == 1  # 5 % of 1000 = 50
    assert rubric.score_number(q, "1051").score == 0
    pct = {"label": "占比", "type": "number", "points": 1, "unit": "%", "key": {"expected": 60, "tolerance": 0.5}}
    assert rubric.score_number(pct, "60%").score == 1 and rubric.score_number(pct, "６０％").score == 1
    share = {"label": "相对实力", "type": "number", "points": 1, "key": {"expected": 0.944, "tolerance": 0.01}}
    assert rubric.score_number(share, "94.4%").score == 1  # no unit: a percentage is a share


@pytest.mark.parametrize("typed", ["90万", "９０万", "900,000", "９００，０００", "90万元", "900000元", " 90 万 "])
def test_numbers_as_people_type_them_are_understood_when_graded(typed):
    _, questions = load_key("wang-01-proposition")  # 900 000 元 ± 1 000
    mark = rubric.score_number(questions["failure_value"], typed)
    assert (mark.score, mark.detail) == (2, "正确")


def test_a_number_not_understood_says_how_to_write_one():
    _, questions = load_key("wang-01-proposition")
    mark = rubric.score_number(questions["failure_value"], "九十万")
    assert mark.score == 0 and "不是数字" in mark.detail and "12万" in mark.detail


def test_the_best_proposition_with_percent_signs_typed_is_not_marked_down():
    # "2.0%" in 现状 for a metric in % used to fail the whole quadrant (3/8); 年价值 typed as 90万 / 12万.
    _, questions = load_key("wang-01-proposition")
    answer = {"account": "北方重卡",
              "q1": [{"指标": "保修故障率", "现状": "2.0%", "目标": "0.8%", "单位": "%", "年价值": "90万"},
                     {"指标": "库存资金占用", "现状": "１,２００", "目标": "800", "单位": "万元", "年价值": "120,000"}],
              "q2": "驻厂工程师", "q3": "三年框架协议", "q4": [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]}
    mark = rubric.score_proposition(questions["proposition"], answer)
    assert mark.score == 8 and "✗" not in mark.detail  # 3 + 2 + 1 + 2: total 1 020 000 as in the case


def test_text_keywords_give_partial_points_with_a_readable_explanation():
    q = {"label": "建议", "type": "text", "points": 3,
         "key": {"keywords": ["价值主张", "大客户经理|专人", "高层"], "need": 2, "min_chars": 4}}
    full = rubric.score_text(q, "指定专人负责，写价值主张，再请高层拜访")
    assert full.score == 3  # 3 found, 2 needed → capped at full points
    assert full.detail == "命中要点：价值主张、专人、高层（满分需提到 2 个要点）"  # 自动初评 is the state's to say, not stored
    half = rubric.score_text(q, "安排高层会晤一次")
    assert half.score == 1.5  # 1 of 2 → 3 × 1/2
    assert half.detail.startswith("命中要点：高层；未提到：价值主张、大客户经理/专人（")
    assert "|" not in half.detail and "3/2" not in full.detail and "覆盖要点" not in full.detail
    short = rubric.score_text(q, "好")
    assert short.score == 0 and short.expected == "要点：价值主张、大客户经理/专人、高层"  # shorter than 4 characters


PROP = {"label": "价值主张", "type": "proposition", "points": 8, "key": {"rubric": [
    {"check": "four_quadrants", "points": 3, "label": "四象限"},
    {"check": "quantified", "points": 2, "label": "量化"},
    {"check": "min_metrics", "n": 2, "points": 1, "label": "两项"},
    {"check": "total", "expected": 1020000, "relative": 0.05, "points": 2, "label": "合计"}]}}
Q1 = [{"指标": "保修故障率", "现状": "2.0", "目标": "0.8", "单位": "%", "年价值": "900000"},
      {"指标": "客户自有库存", "现状": "300", "目标": "180", "单位": "万元", "年价值": "120000"}]
Q4 = [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]


def test_proposition_full_marks_when_all_four_quadrants_quantified():
    value = {"account": "北方重卡", "q1": Q1, "q2": "驻厂工程师", "q3": "三年框架协议", "q4": Q4}
    assert rubric.score_proposition(PROP, value).score == 8  # 3 + 2 + 1 + 2; total 1,020,000


def test_proposition_empty_quadrant_and_unquantified_row_lose_points():
    empty_q3 = {"account": "北方重卡", "q1": Q1, "q2": "驻厂工程师", "q3": "", "q4": Q4}
    mark = rubric.score_proposition(PROP, empty_q3)
    assert mark.score == 0 and "第三象限" in mark.detail  # build_proposition names the empty quadrant
    same = [{**Q1[0], "目标": "2.0"}]  # baseline = target: not quantified; four quadrants still filled → 3
    assert rubric.score_proposition(PROP, {**empty_q3, "q3": "承诺", "q1": same}).score == 3


def test_inputs_and_table_scorers():
    q = {"label": "事实", "type": "inputs", "points": 3, "key": {"expected": {"a": 1, "b": 2, "c": 3}}}
    assert rubric.score_inputs(q, {"a": "1", "b": 2, "c": "x"}).score == 2  # 2 of 3 right → 3 × 2/3
    t = {"label": "岗位", "type": "table", "points": 2, "columns": ["岗位", "人数"], "key": {"min_rows": 2}}
    assert rubric.score_table(t, [{"岗位": "大客户经理", "人数": "4"}, {"岗位": "区域经理", "人数": ""}]).score == 1


def test_manual_comment_keeps_earlier_score(tmp_path):
    db = make_db(tmp_path)
    assert grade([put(tmp_path, signed("L001"))], db=db)[0].accepted
    set_manual(db=db, learner="L001", exercise=EX, question="strategy", score=1.5)
    set_manual(db=db, learner="L001", exercise=EX, question="strategy", comment="好")
    assert sql(db, "SELECT score, comment FROM manual") == [(1.5, "好")]
