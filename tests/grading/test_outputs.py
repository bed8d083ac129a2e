"""Outputs a trainer can send as they are: feedback pages (Chinese labels, local times,
answers rendered for a person, readable explanations, model answers held back per exercise,
missing exercises by title, phone + print CSS), the class report (HTML and Excel formats)
and its charts (integer ticks, legends off the data, distinct colours)."""

from __future__ import annotations

import re

import pytest
from gradingkit import CANVAS, EX, RIGHT, make_db, put, signed
from openpyxl import load_workbook

from kamlab.charts.report import draw_difficulty, draw_distribution
from kamlab.grading import grade, review_frame, set_manual, write_feedback, write_report
from kamlab.grading.keys import load_key
from kamlab.grading.names import file_stem
from kamlab.grading.rubric import needs_person
from kamlab.proposition import QUADRANT_TITLES

PROP = "wang-01-proposition"
PROPOSITION = {"account": "北方重卡", "q1": [{"指标": "保修故障率", "现状": "2.0", "目标": "0.8", "单位": "%", "年价值": "900000"}],
               "q2": "驻厂工程师\n季度技术交流", "q3": "三年框架协议", "q4": [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]}
CANVAS_ANSWER = {"canvas": {"who": "海川石化，战略型客户", "needs": "稳定供货与技术服务"}, "weakest": "高层关系薄弱，下一步安排拜访"}


@pytest.fixture
def db(tmp_path):
    db = make_db(tmp_path)
    files = [put(tmp_path, signed("L001", at="2026-11-26T10:00:00+00:00"), "q1.json"),
             put(tmp_path, signed("L002", {**RIGHT, "ours": "7.1", "strategy": "=HYPERLINK(\"x\")继续投入，补齐交付短板"}),
                 "q2.json"),
             put(tmp_path, signed("L001", {"proposition": PROPOSITION}, exercise=PROP), "p1.json"),
             put(tmp_path, signed("L001", CANVAS_ANSWER, exercise=CANVAS), "c1.json")]
    assert all(r.accepted for r in grade(files, db=db))
    set_manual(db=db, learner="L002", exercise=EX, question="strategy", score=1, comment="再具体些")
    resubmitted = {**RIGHT, "ours": "7.1", "strategy": "继续投入，一年内补齐交付与服务短板"}
    assert grade([put(tmp_path, signed("L002", resubmitted, "2026-11-27T10:00:00+00:00"), "q3.json")], db=db)[0].accepted
    return db


def page_of(folder, learner):
    text = (folder / f"{file_stem(learner)}.html").read_text(encoding="utf-8")
    return text, re.sub(r"<style>.*?</style>", "", text, flags=re.S)


def test_feedback_page_is_readable_by_a_person(db, tmp_path):
    write_feedback(db=db, out=tmp_path / "fb")
    html, body = page_of(tmp_path / "fb", "L001")
    assert "华东重工的吸引力得分" in body and ">attractiveness<" not in body  # Chinese labels, not ids
    assert "提交时间 2026-11-26 18:00" in body  # 10:00 UTC in Asia/Shanghai
    for title in QUADRANT_TITLES.values():
        assert title in body  # the proposition as its four-quadrant card
    assert "驻厂工程师" in body and '{"' not in body and "&quot;q1&quot;" not in body  # never raw JSON
    assert "<dt>客户与类型</dt><dd>海川石化，战略型客户</dd>" in body  # worksheet as labelled fields
    assert "<dt>转换壁垒</dt>" in body
    # A person judges free text: the keyword checklist is the trainer's, never on the learner's page.
    assert "命中要点" not in body and "交付/服务" not in body and "要点：交付" not in body
    assert "示范答案：" in body and "自动初评" in body
    assert "width=device-width" in html and "@media print" in html and "@media (max-width:600px)" in html


def test_feedback_marks_changed_answers_and_lists_missing_exercises_by_title(db, tmp_path):
    write_feedback(db=db, out=tmp_path / "fb", tz="Europe/London")
    _, body = page_of(tmp_path / "fb", "L002")
    assert "第 2 版提交，提交时间 2026-11-27 10:00" in body  # London is UTC in November
    assert "培训师复核中" in body and "再具体些" in body
    assert "尚未收到以下练习的提交" in body
    assert "<li>设计一个大客户四象限价值主张</li>" in body and "<li>为一家大客户写出客户战略画布</li>" in body
    _, nobody = page_of(tmp_path / "fb", "L003")
    assert nobody.count("<li>") == 3 and "<li>针对一个标杆大客户进行定量计算</li>" in nobody


def test_model_answers_can_be_held_back_per_exercise(db, tmp_path):
    write_feedback(db=db, out=tmp_path / "fb", no_model_answers=[EX])
    _, body = page_of(tmp_path / "fb", "L001")
    sections = {chunk.split("</h2>")[0]: chunk for chunk in body.split("<h2>")[1:]}
    quantify, canvas = sections["针对一个标杆大客户进行定量计算"], sections["为一家大客户写出客户战略画布"]
    assert "示范答案" not in quantify and "参考答案" not in quantify and "7.4（允许误差" not in quantify
    # The canvas is judged by a person: its model answer is shown, its checklist never.
    assert "示范答案：</b>最薄弱的是一对一营销" in canvas and "参考答案 / 要点：</b>" not in canvas
    write_feedback(db=db, out=tmp_path / "shown")
    shown = page_of(tmp_path / "shown", "L001")[1].split("<h2>")[1]
    assert "参考答案 / 要点：</b>7.4（允许误差" in shown
    write_feedback(db=db, out=tmp_path / "all", no_model_answers=True)
    assert "示范答案" not in page_of(tmp_path / "all", "L001")[1]


def test_report_excel_is_formatted_and_safe(db, tmp_path):
    html_path, xlsx = write_report(db=db, out=tmp_path / "rep")
    book = load_workbook(xlsx)
    assert book.sheetnames == ["班级总表", "成绩总表", "各题统计", "未提交", "明细"]
    for ws in book.worksheets:
        header = [c.value for c in ws[1]]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:") and all(c.font.bold for c in ws[1])
        if "学号" in header:
            assert header[header.index("学号") + 1] == "姓名"  # the name beside the id on every learner sheet
    board = book["班级总表"]
    # Exercises in the order they reached the class (here all in one run: in the order the files were graded).
    assert [c.value for c in board[1]] == ["学号", "姓名", "针对一个标杆大客户进行定量计算", "设计一个大客户四象限价值主张",
                                           "为一家大客户写出客户战略画布", "总分", "总得分率"]
    # Per-learner total over the three exercises (12 + 11 + 9 = 32 points; none was assigned, so all are owed):
    # L001 12 + proposition 5 (four quadrants 3 + quantified 2) + canvas 1 = 18 → 56.3 %; L002 10 → 31.3 %; L003 0.
    assert [[c.value for c in row][5:] for row in board.iter_rows(min_row=2)] == [
        [18, pytest.approx(0.562, abs=1e-3)], [10, pytest.approx(0.312, abs=1e-3)], [0, 0]]
    assert board["G2"].number_format == "0.0%"
    # L001 quantify 12/12. L002 v2: attractiveness 2 + ours 7.1 ≠ 6.8 → 0 + rival 1 + relative "0.94" (typed,
    # within 0.01 of 0.944) 2 + quadrant 2 + vulnerability 1 + quadrant2 1 + strategy: the old manual 1 still
    # counts (待复核) = 10 of 12.
    assert [c.value for c in board[2]][:2] == ["L001", "张三"] and board["C2"].value == 1.0
    assert board["C3"].value == pytest.approx(10 / 12, abs=1e-3)
    assert board["C2"].number_format == "0.0%" and board["D3"].value is None  # not submitted: blank
    totals = book["成绩总表"]
    header = [c.value for c in totals[1]]
    when = totals.cell(2, header.index("提交时间") + 1)
    assert when.is_date and when.value.strftime("%Y-%m-%d %H:%M") == "2026-11-26 18:00"
    assert totals.column_dimensions["D"].width >= 2 * len("针对一个标杆大客户进行定量计算")
    detail = book["明细"]
    header = [c.value for c in detail[1]]
    answers = [detail.cell(r, header.index("回答") + 1) for r in range(2, detail.max_row + 1)]
    assert all(c.data_type == "s" for c in answers if isinstance(c.value, str))  # never a formula
    states = {detail.cell(r, header.index("状态") + 1).value for r in range(2, detail.max_row + 1)}
    assert {"待复核", "自动初评"} <= states
    stats = book["各题统计"]
    header = [c.value for c in stats[1]]
    labels = [stats.cell(r, header.index("题目") + 1).value for r in range(2, stats.max_row + 1)]
    assert "华东重工的吸引力得分" in labels and stats.cell(2, header.index("答对比例") + 1).number_format == "0.0%"
    html = html_path.read_text(encoding="utf-8")
    assert "100.0%" in html and "83.3%" in html and "1 个人工评分待复核" in html and "自动初评" in html


def test_charts_have_integer_counts_legends_off_the_data_and_distinct_colours():
    fig = draw_distribution([1.0, 0.6, 0.65, 0.2], "练习")
    ax = fig.axes[0]
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert ticks == [0, 1, 2] and ax.get_ylabel() == "人数"  # 2 learners in 60–80 %, integer ticks only
    fig = draw_difficulty(["华东重工的吸引力得分", "据此对华东重工的策略建议", "相对业务实力"], [1.0, 0.5, 0.2],
                          [1.0, 0.0, 0.0], "练习")
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    plot = ax.get_window_extent()
    assert legend.y1 <= plot.y0  # the legend sits below the plotting area, over no bar
    bar_colour = ax.patches[0].get_facecolor()[:3]
    marker_colour = ax.lines[0].get_color()
    from matplotlib.colors import to_rgb

    assert sum(abs(a - b) for a, b in zip(bar_colour, to_rgb(marker_colour), strict=True)) > 0.8
    at = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert at["华东重工的吸引力得分"] > at["据此对华东重工的策略建议"] > at["相对业务实力"]  # first question on top


def test_one_definition_of_what_a_person_must_judge():
    _, quantify = load_key(EX)
    _, prop = load_key(PROP)
    _, canvas = load_key(CANVAS)
    assert needs_person(quantify["strategy"]) and needs_person(prop["proposition"]) and needs_person(canvas["canvas"])
    assert not needs_person(quantify["ours"]) and not needs_person(prop["failure_value"])
    assert needs_person({"type": "number", "needs_person": True}) and not needs_person({"type": "text", "needs_person": False})


def test_the_proposition_goes_to_review_and_is_provisional_in_the_report(db, tmp_path):
    listed = review_frame(db=db)
    assert ("L001", "proposition") in set(zip(listed["学号"], listed["题号"], strict=True))
    assert listed.set_index("题号").loc["proposition", "状态"].startswith("待评阅")
    _, xlsx = write_report(db=db, out=tmp_path / "rep")
    detail = load_workbook(xlsx)["明细"]
    header = [c.value for c in detail[1]]
    states = {detail.cell(r, header.index("题号") + 1).value: detail.cell(r, header.index("状态") + 1).value
              for r in range(2, detail.max_row + 1) if detail.cell(r, header.index("练习") + 1).value == PROP}
    assert states == {"failure_value": None, "stock_value": None, "proposition": "自动初评"}  # None: an empty cell


def test_once_a_person_scored_the_page_shows_their_score_and_comment_only(db, tmp_path):
    write_feedback(db=db, out=tmp_path / "before")
    before = page_of(tmp_path / "before", "L001")[1].split("<h2>")
    prop_before = next(c for c in before if c.startswith("设计一个大客户四象限价值主张"))
    assert "✗" in prop_before and "自动初评" in prop_before  # the machine's first estimate, marked as such
    set_manual(db=db, learner="L001", exercise=PROP, question="proposition", score=7, comment="量化扎实，第四象限再具体")
    set_manual(db=db, learner="L001", exercise=EX, question="strategy", score=2, comment="")
    write_feedback(db=db, out=tmp_path / "after")
    sections = {c.split("</h2>")[0]: c for c in page_of(tmp_path / "after", "L001")[1].split("<h2>")[1:]}
    prop = sections["设计一个大客户四象限价值主张"].split("<section class='q'>")[3]  # the proposition question
    assert "7 / 8" in prop and "培训师评分" in prop and "量化扎实，第四象限再具体" in prop
    assert "✗" not in prop and "✓" not in prop and "应为数字" not in prop and "自动初评" not in prop
    strategy = sections["针对一个标杆大客户进行定量计算"].split("<section class='q'>")[-1]
    assert "2 / 2" in strategy and "自动初评" not in strategy and "以培训师复核为准" not in strategy


def test_control_characters_in_answers_and_names_do_not_break_the_excel_lists(tmp_path, capsys):
    from kamlab.cli import main
    from kamlab.grading import gradebook as gb

    db = make_db(tmp_path)
    con = gb.connect(db)
    gb.set_roster(con, {"L002": "李\x07四\x1b"})  # a name pasted from a terminal, BEL and ESC included
    con.close()
    answer = {**RIGHT, "strategy": "选择性投入\x07，补齐交付\x1b[31m短板，提升服务支持"}
    assert grade([put(tmp_path, signed("L002", answer), "bel.json")], db=db)[0].accepted
    assert main(["review", "--db", str(db), "--out", str(tmp_path / "review.xlsx")]) == 0
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "rep")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    listed = load_workbook(tmp_path / "review.xlsx").active
    header = [c.value for c in listed[1]]
    assert listed.cell(2, header.index("回答") + 1).value == "选择性投入，补齐交付[31m短板，提升服务支持"
    assert listed.cell(2, header.index("姓名") + 1).value == "李四"
    con = gb.connect(db, readonly=True)  # the gradebook keeps the text as it came
    assert "\x07" in gb.latest_answer(con, "L002", EX, "strategy")
    con.close()


def test_the_review_list_is_fillable_in_excel(db, tmp_path):
    from kamlab.grading import write_review

    n = write_review(db=db, out=tmp_path / "review.xlsx")
    ws = load_workbook(tmp_path / "review.xlsx").active
    header = [c.value for c in ws[1]]
    col = {name: chr(ord("A") + header.index(name)) for name in ("回答", "得分", "满分", "评语", "答案校验")}
    (rule,) = ws.data_validations.dataValidation
    assert rule.type == "decimal" and rule.operator == "between" and rule.formula1 == "0"
    assert rule.formula2 == f"{col['满分']}2" and str(rule.sqref) == f"{col['得分']}2:{col['得分']}{n + 1}"
    assert rule.showErrorMessage and "0 到该题满分" in rule.error
    assert ws.column_dimensions[col["回答"]].width == 60 and ws.column_dimensions[col["评语"]].width == 40
    assert all(ws[f"{col['回答']}{r}"].alignment.wrap_text for r in range(2, n + 2))
    assert all(len(ws[f"{col['答案校验']}{r}"].value) == 8 for r in range(2, n + 2))


def test_report_ids_and_figures_never_break_mid_string_on_a_phone(db, tmp_path):
    html = write_report(db=db, out=tmp_path / "rep")[0].read_text(encoding="utf-8")
    # body{overflow-wrap:anywhere} broke "L001" and "100.0%" across lines in a 390 px column; these cells
    # stay whole and the table scrolls sideways inside .wide instead.
    assert ".nw{white-space:nowrap;overflow-wrap:normal;word-break:keep-all}" in html
    assert "<td class='nw'>L001</td>" in html and "<td class='nw'>100.0%</td>" in html
    assert "<td>L001</td>" not in html and "<td>100.0%</td>" not in html
