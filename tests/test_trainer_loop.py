"""End to end, as a trainer would run it from the README: assign → answer → submit →
grade → feedback → report, for a roster of three on 针对一个标杆大客户进行定量计算.

Answer sets are filled through the learners' widgets (which call the models) and
saved to each learner's answer folder; the CLI does the rest.

Hand-checked key (exercises/src/wang-01-quantify.key.json), 12 points in all:
attractiveness 8×.4 + 5×.2 + 7×.2 + 9×.2 = 7.4 (2 pts); ours 8×.3 + 7×.25 + 6×.2 + 5×.15
+ 7×.1 = 6.8 (1); rival 7×.3 + 8×.25 + 7×.2 + 6×.15 + 8×.1 = 7.2 (1); relative 6.8/7.2 =
0.944 ± 0.01 (2); quadrant 明星客户 (2); vulnerability 7×.3 + 6×.3 + 4×.2 + 3×.2 = 5.3 (1);
second-view quadrant 重点防守 (1); strategy text, 2 of 4 key points for 2 pts (2).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from gbsql import sql
from openpyxl import load_workbook

from kamlab.cli import main
from kamlab.grading.names import file_stem
from kamlab.learner.answers import AnswerStore
from kamlab.widgets import exercise_answers, selection_widget, strength_widget

EX = "wang-01-quantify"
CRITERIA = ["产品与技术", "交付可靠性", "服务支持", "价格", "品牌声誉"]
WEIGHTS = [30, 25, 20, 15, 10]
RIVAL = [7, 8, 7, 6, 8]


def answer(folder, ours, scores, strategy, fill_all=True):
    """Fill the widgets like a learner, then type what they show into the sheet."""
    ex = exercise_answers(EX, folder)
    strength = ex.bind("strength", strength_widget())
    strength.table.value = [{"标准": c, "权重": str(w), "我方": str(o), "最强对手": str(r)}
                            for c, w, o, r in zip(CRITERIA, WEIGHTS, ours, RIVAL, strict=True)]
    result = strength.result
    account = pd.DataFrame([{"客户": "华东重工", "销售额": 1200, **scores, "相对实力": result.relative, "易损性": 5.3}])
    selection = ex.bind("selection", selection_widget(account))
    row = selection.result.table.iloc[0]
    selection.view.index = 1  # the second view: attractiveness × vulnerability
    second = selection.result.table.iloc[0]
    ex.sheet()
    ex.boxes["attractiveness"].value = f"{row['吸引力']:.2f}"
    if fill_all:
        ex.boxes["ours"].value = f"{result.ours:g}"
        ex.boxes["rival"].value = f"{result.competitor:g}"
        ex.boxes["relative"].value = f"{result.relative:.2f}"
        ex.boxes["quadrant"].value = row["象限"]
        ex.boxes["vulnerability"].value = f"{second['易损性']:g}"
        ex.boxes["quadrant2"].value = second["象限"]
        ex.boxes["strategy"].value = strategy
    return ex


def roster_gbk(folder):
    """The roster as Excel on Chinese Windows saves "CSV（逗号分隔）": GBK."""
    path = folder / "roster.csv"
    path.write_bytes("学号,姓名\nL001,张三\nL002,李四\nL003,王五\n".encode("gbk"))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory, backend, request):
    """The class after assign → answer → submit → grade, built once per back end (a SQLite file
    in the folder, or a PostgreSQL database); each test gets a copy of both."""
    root = tmp_path_factory.mktemp("loop")
    gb = "gb.sqlite" if backend == "sqlite" else request.getfixturevalue("postgres").create()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        roster = roster_gbk(root)
        assert main(["assign", EX, "--roster", str(roster), "--out", "class", "--id", "q-2026", "--db", gb]) == 0
        good = {"未来销售收入和利润": 8, "财务安全": 5, "相互关系": 7, "影响力": 9}
        # L001: everything right. L002 typed 9 instead of 8 for 产品与技术: ours 7.1, relative 0.99.
        answer(root / "class/L001/kamlab-answers", [8, 7, 6, 5, 7], good, "选择性投入，先补齐交付可靠性和服务支持的短板")
        answer(root / "class/L002/kamlab-answers", [9, 7, 6, 5, 7], good, "我们应该继续加大对这家客户的投入，争取更多订单机会。")
        answer(root / "class/L003/kamlab-answers", [8, 7, 6, 5, 7], good, "", fill_all=False)
        for lid in ("L001", "L002"):  # as in `kamlab --help`: --pack implies <pack>/kamlab-answers
            assert main(["submit", EX, "--pack", f"class/{lid}", "--out", "inbox"]) == 0
        # L003 left 7 of 8 blank: refused without --yes (no terminal to ask), packed with it.
        assert main(["submit", EX, "--pack", "class/L003", "--out", "inbox"]) == 2
        assert len(list((root / "inbox").iterdir())) == 2  # nothing packed for L003
        assert main(["submit", EX, "--pack", "class/L003", "--out", "inbox", "--yes"]) == 0
        assert main(["grade", "inbox", "--db", gb, "--quiet"]) == 0
    return root, gb


@pytest.fixture
def copied(built, tmp_path, monkeypatch, request):
    """(folder, gradebook) of this test's copy of the built class."""
    root, gb = built
    shutil.copytree(root, tmp_path / "class-copy")
    monkeypatch.chdir(tmp_path / "class-copy")
    if gb.startswith("postgresql"):
        gb = request.getfixturevalue("postgres").create(template=gb.rsplit("/", 1)[1])
    return tmp_path / "class-copy", gb


@pytest.fixture
def loop(copied):
    return copied[0]


@pytest.fixture
def gb(copied):
    """This test's gradebook: ``gb.sqlite`` in the copied folder, or a copy of the PostgreSQL database."""
    return copied[1]


def totals(db):
    return dict(sql(db, "SELECT learner_id, SUM(score) FROM scores JOIN submissions s ON s.id = submission_id "
                        "GROUP BY learner_id"))


def test_assign_writes_a_folder_per_learner_without_the_key(loop, gb):
    for lid in ("L001", "L002", "L003"):
        notebook = (loop / f"class/{lid}/{EX}.ipynb").read_text(encoding="utf-8")
        assert "培训师要点" not in notebook  # the key cell was stripped
        pack = json.loads((loop / f"class/{lid}/assignment.json").read_text(encoding="utf-8"))
        assert pack["learner"] == lid and pack["exercises"] == {EX: "q-2026"} and len(pack["token"]) >= 32


def test_gradebook_holds_the_hand_checked_scores(loop, gb):
    # L001: 2 + 1 + 1 + 2 + 2 + 1 + 1 + 2 = 12; L002 also gets the two second-view points.
    # L002: attractiveness 2; ours 7.1 ≠ 6.8 → 0; rival 7.2 → 1; relative 7.1/7.2 = 0.986 (off by 0.042) → 0;
    #       quadrant 0.986 < 1 still 明星客户 → 2; strategy (≥ 20 characters) hits only 投入 (1 of 2 needed) → 1;
    #       5.3 → 1 and 重点防守 → 1. Total 8.
    # L003: only attractiveness answered → 2.
    assert totals(gb) == {"L001": 12.0, "L002": 8.0, "L003": 2.0}


def test_feedback_and_report_files_exist_with_statistics(loop, gb):
    assert main(["feedback", "--db", gb, "--out", "fb"]) == 0
    assert main(["report", "--db", gb, "--out", "rep"]) == 0
    assert sorted(p.name for p in (loop / "fb").iterdir()) == sorted(
        [f"{file_stem(i)}.html" for i in ("L001", "L002", "L003")] + ["index.html"])
    assert "李四" in (loop / "fb" / f"{file_stem('L002')}.html").read_text(encoding="utf-8")
    assert (loop / "rep/report.html").exists() and (loop / "rep/chart-1-distribution.png").exists()
    stats = pd.read_excel(loop / "rep/report.xlsx", sheet_name="各题统计").set_index("题号")
    # ours: scores 1, 0, 0 → mean 1/3; population std sqrt(((2/3)² + 2·(1/3)²)/3) = sqrt(2/9) ≈ 0.471.
    assert stats.loc["ours", "平均分"] == pytest.approx(0.333, abs=1e-3)
    assert stats.loc["ours", "标准差"] == pytest.approx(0.471, abs=1e-3)
    assert stats.loc["ours", "答对比例"] == pytest.approx(0.333, abs=1e-3)
    # attractiveness: everyone 2/2 → mean 2, std 0, all correct.
    assert list(stats.loc["attractiveness", ["平均分", "标准差", "答对比例"]]) == [2, 0, 1]


def test_manual_score_survives_regrading(loop, gb):
    assert main(["grade", "--db", gb, "--manual", "L002", EX, "strategy", "--score", "2",
                 "--comment", "方向对，再具体些"]) == 0
    assert main(["grade", "--db", gb]) == 0  # re-grade everything stored
    assert main(["grade", "--db", gb, "--learner", "L002"]) == 0
    [manual] = sql(gb, "SELECT score, comment FROM manual WHERE learner_id = 'L002'")
    [(n,)] = sql(gb, "SELECT COUNT(*) FROM submissions")
    assert manual == (2.0, "方向对，再具体些")
    assert n == 3  # re-grading is idempotent: no new rows
    assert main(["report", "--db", gb, "--out", "rep"]) == 0
    with open(loop / "rep/report.html", encoding="utf-8") as handle:
        assert "方向对" not in handle.read()  # comments go to the learner's page, not the class overview
    board = pd.read_excel(loop / "rep/report.xlsx", sheet_name="成绩总表").set_index("学号")
    assert board.loc["L002", "总分"] == 9  # 8 automatic, strategy 1 → manual 2


def test_roster_csv_columns_in_english_also_work(tmp_path, new_db):
    roster = tmp_path / "r.csv"
    with open(roster, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["learner_id", "name"], ["A1", "Ann"]])
    assert main(["assign", EX, "--roster", str(roster), "--out", str(tmp_path / "c"), "--shared",
                 "--db", new_db]) == 0
    assert (tmp_path / "c/shared" / f"{EX}.ipynb").exists()
    assert sql(new_db, "SELECT learner_id, name FROM learners") == [("A1", "Ann")]


CANVAS = "ding-04-canvas"
FULL_CANVAS = {"who": "海川石化，炼化一体化的战略型大客户", "needs": "明确需求：仪表稳定供货；潜在需求：智能化改造",
               "rivals": "外资仪表品牌甲与国内对手乙两家", "owner": "客户经理王工，技术支持与交付各一人",
               "barriers": "仪表选型进入设计院标准图，转换成本高", "delivered": "驻厂服务缩短停机时间，降低全生命周期成本"}


def fill_review(path, scores):
    """Type scores and comments into review.xlsx the way a trainer does in Excel/WPS."""
    book = load_workbook(path)
    ws = book.active
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in ("学号", "练习", "题号", "得分", "评语")}
    for r in range(2, ws.max_row + 1):
        key = (ws.cell(r, col["学号"]).value, ws.cell(r, col["练习"]).value, ws.cell(r, col["题号"]).value)
        if key in scores:
            ws.cell(r, col["得分"], scores[key][0])
            ws.cell(r, col["评语"], scores[key][1])
    book.save(path)


def test_class_of_three_through_two_exercises_end_to_end(loop, gb, monkeypatch, capsys):
    """GBK roster (fixture), a second exercise into the same class, the notebook's submit button,
    a resubmission, a manual score out of bounds refused then given through review.xlsx, a
    changed answer marked 待复核 and re-scored, then the gradebook and the Excel report."""
    assert main(["assign", CANVAS, "--roster", "roster.csv", "--out", "class", "--db", gb]) == 0
    weakest = "最薄弱的是高层关系：设备副总从未接触。下一步安排公司高层拜访设备副总，并和设计院做一次技术交流。"
    for lid, canvas, text in (("L001", FULL_CANVAS, weakest), ("L002", dict(list(FULL_CANVAS.items())[:3]), "")):
        monkeypatch.chdir(loop / "class" / lid)  # the learner's notebook runs in their folder
        AnswerStore(CANVAS, Path("kamlab-answers")).save({"questions": {"canvas": canvas, "weakest": text}})
        path = exercise_answers(CANVAS, "kamlab-answers").submit(lid)  # the "生成提交文件" button
        shutil.copy(path, loop / "inbox")
    monkeypatch.chdir(loop)
    assert main(["grade", "inbox", "--db", gb, "--quiet"]) == 0

    assert main(["review", "--db", gb, "--out", "review.xlsx"]) == 0
    listed = pd.read_excel("review.xlsx", dtype=str)
    # Free text and worksheets: strategy ×3, canvas ×2 (L003 never submitted it), weakest ×2.
    assert len(listed) == 7 and set(listed["题号"]) == {"strategy", "canvas", "weakest"}
    fill_review("review.xlsx", {("L002", EX, "strategy"): (5, "方向对，再具体些"), ("L001", CANVAS, "canvas"): (5, "")})
    assert main(["grade", "--db", gb, "--manual-csv", "review.xlsx"]) == 2
    # Rows: L001 canvas, weakest, strategy; L002 canvas, weakest, strategy → line 7 (the header is line 1).
    assert "review.xlsx」第 7 行“得分”列：5 超出范围" in capsys.readouterr().err  # worth 2: nothing imported
    fill_review("review.xlsx", {("L002", EX, "strategy"): (1, "方向对，再具体些")})
    assert main(["grade", "--db", gb, "--manual-csv", "review.xlsx"]) == 0

    store = AnswerStore(EX, loop / "class/L002/kamlab-answers")
    saved = store.load()
    saved["questions"]["strategy"] = "选择性投入：一年内补齐交付可靠性与服务支持的短板，季度复盘相对实力"
    store.save(saved)
    assert main(["submit", EX, "--pack", "class/L002", "--answers-dir", "class/L002/kamlab-answers",
                 "--out", "inbox2"]) == 0
    assert main(["grade", "inbox2", "--db", gb, "--quiet"]) == 0
    assert main(["review", "--db", gb, "--out", "review2.xlsx"]) == 0
    again = pd.read_excel("review2.xlsx", dtype=str).set_index(["学号", "题号"])
    assert again.loc[("L002", "strategy"), "状态"].startswith("待复核") and again.loc[("L002", "strategy"), "原人工分"] == "1"
    fill_review("review2.xlsx", {("L002", EX, "strategy"): (2, "改得好")})
    assert main(["grade", "--db", gb, "--manual-csv", "review2.xlsx"]) == 0

    assert sql(gb, "SELECT COUNT(*) FROM submissions") == [(6,)]  # 3 + 2 + L002's second
    assert sorted(sql(gb, "SELECT learner_id, exercise_id, question_id, score, comment FROM manual")) == [
            ("L001", CANVAS, "canvas", 5.0, ""), ("L002", EX, "strategy", 2.0, "改得好")]
    assert main(["feedback", "--db", gb, "--out", "fb"]) == 0
    assert main(["report", "--db", gb, "--out", "rep"]) == 0
    book = load_workbook(loop / "rep/report.xlsx")
    board = book["班级总表"]
    assert [c.value for c in board[1]] == ["学号", "姓名", "针对一个标杆大客户进行定量计算", "为一家大客户写出客户战略画布",
                                           "总分", "总得分率"]
    # quantify (12 points): L001 12/12; L002 v2 5 automatic + second view 1 + 1 + strategy 2 (manual) = 9/12;
    # L003 only attractiveness 2/12.
    # canvas (9 points): L001 worksheet 5 (manual) + weakest 3 (高层, 设计院, 下一步: 3 of 3) = 8/9;
    # L002 3 of 6 parts filled → 3, weakest empty → 0 = 3/9; L003 not submitted.
    shares = [[c.value for c in row] for row in board.iter_rows(min_row=2)]
    assert shares[0][:3] == ["L001", "张三", 1.0] and shares[0][3] == pytest.approx(0.889, abs=1e-3)
    assert shares[1][2:4] == [0.75, pytest.approx(0.333, abs=1e-3)]
    assert shares[2][2:4] == [pytest.approx(2 / 12, abs=1e-3), None]
    # Totals over 12 + 9 = 21 points, both assigned to all three: 20 → 95.2 %, 12 → 57.1 %, 2 → 9.5 %.
    assert [row[4] for row in shares] == [20, 12, 2]
    assert [row[5] for row in shares] == [pytest.approx(x, abs=1e-3) for x in (20 / 21, 12 / 21, 2 / 21)]
    assert board["C2"].number_format == "0.0%" and board.freeze_panes == "A2" and board["A1"].font.bold
    totals = book["成绩总表"]
    header = [c.value for c in totals[1]]
    assert header[:4] == ["学号", "姓名", "练习", "练习名称"]
    assert totals.cell(2, header.index("提交时间") + 1).is_date
    assert totals.cell(2, header.index("得分率") + 1).number_format == "0.0%"
