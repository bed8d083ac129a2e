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
import sqlite3

import pandas as pd
import pytest

from kamlab.cli import main
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


@pytest.fixture
def loop(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text("学号,姓名\nL001,张三\nL002,李四\nL003,王五\n", encoding="utf-8")
    assert main(["assign", EX, "--roster", str(roster), "--out", "class", "--id", "q-2026"]) == 0
    good = {"未来销售收入和利润": 8, "财务安全": 5, "相互关系": 7, "影响力": 9}
    # L001: everything right. L002 typed 9 instead of 8 for 产品与技术: ours 7.1, relative 0.99.
    answer(tmp_path / "class/L001/kamlab-answers", [8, 7, 6, 5, 7], good, "选择性投入，先补齐交付可靠性和服务支持的短板")
    answer(tmp_path / "class/L002/kamlab-answers", [9, 7, 6, 5, 7], good, "我们应该继续加大对这家客户的投入，争取更多订单机会。")
    answer(tmp_path / "class/L003/kamlab-answers", [8, 7, 6, 5, 7], good, "", fill_all=False)
    for lid in ("L001", "L002", "L003"):
        assert main(["submit", EX, "--learner", lid, "--assignment", "q-2026",
                     "--answers-dir", f"class/{lid}/kamlab-answers", "--out", "inbox"]) == 0
    assert main(["grade", "inbox", "--roster", str(roster), "--db", "gb.sqlite", "--quiet"]) == 0
    return tmp_path


def totals(db):
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT learner_id, SUM(score) FROM scores JOIN submissions s ON s.id = submission_id "
                                "GROUP BY learner_id"))


def test_assign_writes_a_folder_per_learner_without_the_key(loop):
    for lid in ("L001", "L002", "L003"):
        notebook = (loop / f"class/{lid}/{EX}.ipynb").read_text(encoding="utf-8")
        assert "培训师要点" not in notebook  # the key cell was stripped
        assert f'"learner": "{lid}"' in (loop / f"class/{lid}/assignment.json").read_text(encoding="utf-8")


def test_gradebook_holds_the_hand_checked_scores(loop):
    # L001: 2 + 1 + 1 + 2 + 2 + 1 + 1 + 2 = 12; L002 also gets the two second-view points.
    # L002: attractiveness 2; ours 7.1 ≠ 6.8 → 0; rival 7.2 → 1; relative 7.1/7.2 = 0.986 (off by 0.042) → 0;
    #       quadrant 0.986 < 1 still 明星客户 → 2; strategy (≥ 20 characters) hits only 投入 (1 of 2 needed) → 1;
    #       5.3 → 1 and 重点防守 → 1. Total 8.
    # L003: only attractiveness answered → 2.
    assert totals(loop / "gb.sqlite") == {"L001": 12.0, "L002": 8.0, "L003": 2.0}


def test_feedback_and_report_files_exist_with_statistics(loop):
    assert main(["feedback", "--db", "gb.sqlite", "--out", "fb"]) == 0
    assert main(["report", "--db", "gb.sqlite", "--out", "rep"]) == 0
    assert sorted(p.name for p in (loop / "fb").iterdir()) == ["L001.html", "L002.html", "L003.html"]
    assert "李四" in (loop / "fb/L002.html").read_text(encoding="utf-8")
    assert (loop / "rep/report.html").exists() and (loop / f"rep/{EX}-分布.png").exists()
    stats = pd.read_excel(loop / "rep/report.xlsx", sheet_name="各题统计").set_index("题号")
    # ours: scores 1, 0, 0 → mean 1/3; population std sqrt(((2/3)² + 2·(1/3)²)/3) = sqrt(2/9) ≈ 0.471.
    assert stats.loc["ours", "平均分"] == pytest.approx(0.333, abs=1e-3)
    assert stats.loc["ours", "标准差"] == pytest.approx(0.471, abs=1e-3)
    assert stats.loc["ours", "答对比例"] == pytest.approx(0.333, abs=1e-3)
    # attractiveness: everyone 2/2 → mean 2, std 0, all correct.
    assert list(stats.loc["attractiveness", ["平均分", "标准差", "答对比例"]]) == [2, 0, 1]


def test_manual_score_survives_regrading(loop):
    assert main(["grade", "--db", "gb.sqlite", "--manual", "L002", EX, "strategy", "--score", "2",
                 "--comment", "方向对，再具体些"]) == 0
    assert main(["grade", "--db", "gb.sqlite"]) == 0  # re-grade everything stored
    assert main(["grade", "--db", "gb.sqlite", "--learner", "L002"]) == 0
    with sqlite3.connect(loop / "gb.sqlite") as con:
        manual = con.execute("SELECT score, comment FROM manual WHERE learner_id = 'L002'").fetchone()
        n = con.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    assert manual == (2.0, "方向对，再具体些")
    assert n == 3  # re-grading is idempotent: no new rows
    assert main(["report", "--db", "gb.sqlite", "--out", "rep"]) == 0
    with open(loop / "rep/report.html", encoding="utf-8") as handle:
        assert "方向对" not in handle.read()  # comments go to the learner's page, not the class overview
    board = pd.read_excel(loop / "rep/report.xlsx", sheet_name="成绩总表").set_index("学号")
    assert board.loc["L002", "总分"] == 9  # 8 automatic, strategy 1 → manual 2


def test_roster_csv_columns_in_english_also_work(tmp_path):
    roster = tmp_path / "r.csv"
    with open(roster, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["learner_id", "name"], ["A1", "Ann"]])
    assert main(["assign", EX, "--roster", str(roster), "--out", str(tmp_path / "c"), "--shared"]) == 0
    assert (tmp_path / "c/shared" / f"{EX}.ipynb").exists()
