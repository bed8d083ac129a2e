"""The grader: every rejection (nothing written), versions, idempotence, rubric scorers,
escaping of learner text in every page."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kamlab.grading import feedback, grade, gradebook, report, rubric, submit

EX = "wang-01-quantify"
ROSTER = {"L001": "张三", "L002": "李四", "L003": "王五"}


@pytest.fixture
def con(tmp_path):
    con = gradebook.connect(tmp_path / "gb.sqlite")
    gradebook.set_roster(con, ROSTER)
    yield con
    con.close()


def write(tmp_path, data, name="s.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def good(learner="L001", **answers):
    return submit.pack(EX, learner, answers or {"attractiveness": "7.4"}, "a1", "2026-11-26T10:00:00+00:00")


def rows(con):
    return con.execute("SELECT COUNT(*) FROM submissions").fetchone()[0], con.execute(
        "SELECT COUNT(*) FROM scores").fetchone()[0]


def resign(data):
    data["checksum"] = submit.checksum(data)
    return data


def bad_cases():
    yield "过大", " " * (grade.MAX_BYTES + 1)
    yield "JSON", "{not json"
    yield "JSON", '{"x": NaN}'
    yield "schema", resign({**good(), "schema": "other"})
    yield "版本", resign({**good(), "version": 2})
    missing = good()
    del missing["learner"]
    yield "缺少字段“learner”", resign(missing)
    yield "类型应为 dict", resign({**good(), "answers": ["7.4"]})
    yield "“submitted_at”类型应为 str", resign({**good(), "submitted_at": 5})
    yield "“version”类型应为 int", resign({**good(), "version": True})  # True == 1 in Python: caught by type
    yield "ISO", resign({**good(), "submitted_at": "yesterday"})
    yield "不在名单", good("L999")
    yield "没有编号", resign({**good(), "exercise": "../../etc/passwd"})
    yield "校验和不符", {**good(), "answers": {"attractiveness": "9"}}
    yield "未知题号", resign({**good(), "answers": {"__import__": "os"}})
    yield "答案类型不符", resign({**good(), "answers": {"attractiveness": ["7.4"]}})


@pytest.mark.parametrize(("reason", "data"), list(bad_cases()))
def test_bad_submission_is_rejected_with_a_reason_and_nothing_written(tmp_path, con, reason, data):
    done, rejected = grade.grade_files(con, [write(tmp_path, data)], show_progress=False)
    assert done == []
    assert len(rejected) == 1 and reason in rejected[0][1]
    assert rows(con) == (0, 0)


def test_same_file_twice_is_one_row_and_a_new_file_is_a_new_version(tmp_path, con):
    first = write(tmp_path, good(attractiveness="7.4"), "a.json")
    grade.grade_files(con, [first, first], show_progress=False)
    assert rows(con) == (1, 8)  # one submission, eight questions scored
    later = submit.pack(EX, "L001", {"attractiveness": "5"}, "a1", "2026-11-26T11:00:00+00:00")
    grade.grade_files(con, [write(tmp_path, later, "b.json")], show_progress=False)
    latest = gradebook.latest_scores(con)
    assert rows(con) == (2, 16)
    assert set(latest["version"]) == {2}  # only the latest version is reported
    assert latest.set_index("question_id").loc["attractiveness", "score"] == 0  # 5 ≠ 7.4


def test_grade_learner_option_grades_only_that_learner(tmp_path, con):
    paths = [write(tmp_path, good(lid), f"{lid}.json") for lid in ROSTER]
    done, _ = grade.grade_files(con, paths, learner="L002", show_progress=False)
    assert len(done) == 1
    assert [r[0] for r in con.execute("SELECT learner_id FROM submissions")] == ["L002"]


def test_script_in_learner_text_is_escaped_in_feedback_and_report(tmp_path, con):
    evil = "<script>alert('x')</script>"
    data = submit.pack(EX, "L001", {"strategy": evil, "attractiveness": "7.4"}, "a1", "2026-11-26T10:00:00+00:00")
    grade.grade_files(con, [write(tmp_path, data)], show_progress=False)
    gradebook.set_manual(con, "L001", EX, "", None, "<img src=x onerror=alert(1)>")
    gradebook.set_roster(con, {"L002": "<b>李四</b>"})
    con.close()
    pages = feedback.write_feedback(tmp_path / "gb.sqlite", tmp_path / "fb")
    html_path, _ = report.write_report(tmp_path / "gb.sqlite", tmp_path / "rep")
    for path in [*pages, html_path]:
        text = path.read_text(encoding="utf-8")
        assert "<script>" not in text and "<img src=x" not in text and "<b>李四" not in text
    assert "&lt;script&gt;" in (tmp_path / "fb/L001.html").read_text(encoding="utf-8")


def test_report_lists_who_has_not_submitted(tmp_path, con):
    grade.grade_files(con, [write(tmp_path, good("L001"))], show_progress=False)
    con.close()
    report.write_report(tmp_path / "gb.sqlite", tmp_path / "rep")
    import pandas as pd

    absent = pd.read_excel(tmp_path / "rep/report.xlsx", sheet_name="未提交")
    assert list(absent["学号"]) == ["L002", "L003"]


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
    pct = {"label": "占比", "type": "number", "points": 1, "key": {"expected": 60, "tolerance": 0.5}}
    assert rubric.score_number(pct, "60%").score == 1


def test_text_keywords_give_partial_points():
    q = {"label": "建议", "type": "text", "points": 3,
         "key": {"keywords": ["价值主张", "大客户经理|专人", "高层"], "need": 2, "min_chars": 4}}
    assert rubric.score_text(q, "指定专人负责，写价值主张").score == 3  # 2 of 2 needed
    assert rubric.score_text(q, "安排高层会晤一次").score == 1.5  # 1 of 2 → 3 × 1/2
    assert rubric.score_text(q, "好").score == 0  # shorter than 4 characters


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


def test_gradebook_manual_comment_keeps_earlier_score(tmp_path, con):
    gradebook.set_manual(con, "L001", EX, "strategy", 1.5, "")
    gradebook.set_manual(con, "L001", EX, "strategy", None, "好")
    assert con.execute("SELECT score, comment FROM manual").fetchone() == (1.5, "好")
    assert isinstance(con, sqlite3.Connection)
