"""Two classes with two trainers in one gradebook (on each back end), kept apart in the CLI:
rosters, exercises, due dates, grading, reports; L002 is in both. The academy overview."""

from __future__ import annotations

import pandas as pd
import pytest
from gbsql import set_tokens, sql
from gradingkit import CANVAS, EX, RIGHT, TOKENS, put, signed

from kamlab.cli import main


@pytest.fixture
def academy(tmp_path, new_db, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("学号,姓名\nL001,张三\nL002,李四\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("学号,姓名\nL002,李四\nL003,王五\n", encoding="utf-8")
    assert main(["class", "add", "华东一班", "--trainer", "王老师", "--db", new_db]) == 0
    assert main(["--class", "华东一班", "--trainer", "王老师", "assign", EX, "--roster", "a.csv", "--out", "ca",
                 "--db", new_db, "--due", "2026-11-26 18:00"]) == 0
    assert main(["--class", "华北二班", "--trainer", "李老师", "assign", EX, "--roster", "b.csv", "--out", "cb",
                 "--db", new_db]) == 0
    assert main(["--class", "华北二班", "--trainer", "李老师", "assign", CANVAS, "--roster", "b.csv", "--out", "cb",
                 "--db", new_db]) == 0
    set_tokens(new_db, TOKENS)
    capsys.readouterr()
    return new_db


def test_two_classes_with_two_trainers_are_kept_apart(academy, tmp_path, capsys):
    db = academy
    files = [put(tmp_path, signed(lid, at="2026-11-26T09:00:00+00:00"), f"{lid}.json") for lid in ("L001", "L002", "L003")]
    # Grading in 华东一班 takes its own learners' files only: L003 is not in that class.
    assert main(["--class", "华东一班", "grade", *map(str, files), "--db", db, "--quiet"]) == 1
    out = capsys.readouterr()
    assert "已评分 2 份，拒收 1 份" in out.out and "L003.json" in out.err
    assert main(["--class", "华北二班", "grade", str(files[2]), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert sql(db, "SELECT learner_id FROM submissions ORDER BY learner_id") == [("L001",), ("L002",), ("L003",)]

    # A trainer reaches only their classes; a class that does not exist is named with those that do.
    assert main(["--class", "华东一班", "--trainer", "李老师", "report", "--db", db, "--out", "rep"]) == 2
    assert "“李老师”不是班级“华东一班”的培训师（该班培训师：王老师）" in capsys.readouterr().err
    assert main(["--class", "华南三班", "report", "--db", db, "--out", "rep"]) == 2
    assert "“华南三班”不存在（已有：华东一班、华北二班）" in capsys.readouterr().err
    assert not (tmp_path / "rep").exists()

    # Per-class reports: each class's learners and exercises only.
    for klass, learners, exercises in (("华东一班", ["L001", "L002"], [EX]), ("华北二班", ["L002", "L003"], [EX, CANVAS])):
        assert main(["--class", klass, "report", "--db", db, "--out", f"rep-{klass}"]) == 0
        board = pd.read_excel(tmp_path / f"rep-{klass}" / "report.xlsx", sheet_name="班级总表")
        assert list(board["学号"]) == learners
        assert len(board.columns) == 4 + len(exercises)  # 学号, 姓名, one column per exercise, 总分, 总得分率
    assert main(["--class", "华东一班", "roster", "--db", db, "list"]) == 0
    listed = capsys.readouterr().out
    assert "L001" in listed and "L003" not in listed
    # The academy overview.
    assert main(["class", "list", "--db", db, "--out", "acad"]) == 0
    out = capsys.readouterr().out
    assert "华东一班（培训师：王老师）：2 名学员，1 个练习，完成 2/2（100%），平均得分率 100%" in out
    assert "华北二班（培训师：李老师）：2 名学员，2 个练习，完成 2/4（50%），平均得分率 100%" in out
    detail = pd.read_excel(tmp_path / "acad/academy.xlsx", sheet_name="各班各练习")
    assert detail.fillna(-1).values.tolist() == [["华东一班", EX, 2, 2, 1.0, 1.0], ["华北二班", EX, 2, 2, 1.0, 1.0],
                                                 ["华北二班", CANVAS, 2, 0, 0.0, -1]]  # -1: nobody submitted


def test_due_dates_and_manual_scores_belong_to_their_class(academy, tmp_path, capsys):
    db = academy
    late = put(tmp_path, signed("L002", {**RIGHT, "strategy": "选择性投入"}, at="2026-11-27T12:00:00+00:00"), "late.json")
    assert main(["--class", "华东一班", "grade", str(late), "--db", db, "--quiet"]) == 0
    for klass, lateness in (("华东一班", True), ("华北二班", False)):
        assert main(["--class", klass, "report", "--db", db, "--out", f"r-{klass}"]) == 0
        board = pd.read_excel(tmp_path / f"r-{klass}" / "report.xlsx", sheet_name="成绩总表", dtype=str).fillna("")
        row = board[board["学号"] == "L002"].iloc[0]
        assert bool(row["迟交"]) is lateness, (klass, row.to_dict())
    # A manual score for a learner outside the class is refused there.
    assert main(["--class", "华东一班", "grade", "--db", db, "--manual", "L003", EX, "strategy", "--score", "1"]) == 2
    assert "“L003”不在名单中" in capsys.readouterr().err


def test_the_desk_class_picker_keeps_the_classes_apart(academy, tmp_path):
    from kamlab.desk.app import Desk

    files = [put(tmp_path, signed(lid), f"{lid}.json") for lid in ("L001", "L002", "L003")]
    assert main(["grade", *map(str, files), "--db", academy, "--quiet"]) == 0
    desk = Desk(academy)
    assert [value for _, value in desk.roster.klass.options] == ["", "华东一班", "华北二班"]
    assert "L003" in desk.roster.table.value  # no class picked: everyone
    desk.roster.klass.value = "华东一班"
    assert "L001" in desk.roster.table.value and "L003" not in desk.roster.table.value
    assert sorted(a.learner_id for a in desk.grade.open_question(EX, "strategy").items) == ["L001", "L002"]
    desk.roster.klass.value = "华北二班"
    assert "L001" not in desk.roster.table.value and "L003" in desk.roster.table.value
    assert sorted(a.learner_id for a in desk.grade.open_question(EX, "strategy").items) == ["L002", "L003"]
    desk.roster.klass.value = ""
    assert len(desk.grade.open_question(EX, "strategy").items) == 3


def test_a_trainer_sees_and_grades_only_their_classes_in_the_desk(academy, tmp_path, monkeypatch):
    from kamlab.desk import launch
    from kamlab.desk.app import Desk
    from kamlab.grading import gradebook

    with gradebook.in_class("华北二班", "李老师"):  # kamlab --class 华北二班 --trainer 李老师 desk …
        env = launch.environment(tmp_path / "gb.sqlite")
    assert env["KAMLAB_DESK_CLASS"] == "华北二班" and env["KAMLAB_DESK_TRAINER"] == "李老师"
    files = [put(tmp_path, signed(lid), f"{lid}.json") for lid in ("L001", "L002", "L003")]
    assert main(["grade", *map(str, files), "--db", academy, "--quiet"]) == 0
    monkeypatch.setenv("KAMLAB_DESK_TRAINER", "王老师")
    desk = Desk(academy)
    assert [value for _, value in desk.roster.klass.options] == ["华东一班"]  # no 全部学员, no 华北二班
    assert "L001" in desk.roster.table.value and "L003" not in desk.roster.table.value
    assert sorted(a.learner_id for a in desk.grade.open_question(EX, "strategy").items) == ["L001", "L002"]
