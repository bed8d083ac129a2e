"""Rosters and gradebooks as trainers really have them: Excel-made rosters, ids that must not
escape the output folder, duplicate ids, read-only/foreign/newer gradebooks, a second
exercise assigned into the same class folder, and unique file names for every id."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import old_gradebooks
import pandas as pd
import pytest
from gradingkit import EX, make_db, put, signed

from kamlab.cli import main
from kamlab.errors import InputError
from kamlab.grading import assign, grade, gradebook, read_roster, write_feedback, write_report
from kamlab.grading.names import file_stem
from kamlab.grading.submit import file_name, read_pack, submit_answers
from kamlab.spreadsheet import write_excel


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_roster_csv_in_every_encoding(tmp_path, encoding):
    path = tmp_path / "roster.csv"
    path.write_bytes("学号,姓名\nL001,张三\nL002,李四\n".encode(encoding))
    assert read_roster(path) == {"L001": "张三", "L002": "李四"}


def test_roster_xlsx_and_numbers_typed_as_numbers(tmp_path):
    path = write_excel(tmp_path / "r.xlsx", {"名单": pd.DataFrame({"学号": [2024001, 2024002], "姓名": ["甲", "乙"]})})
    assert read_roster(path) == {"2024001": "甲", "2024002": "乙"}


def test_duplicate_id_names_both_lines(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("学号,姓名\nL001,张三\nL002,李四\nL001,王五\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 4 行“学号”列：学号“L001”重复：第 2 行已有"):
        read_roster(path)


@pytest.mark.parametrize("bad", ["../x", "/etc", "a/b", "a\\b", ".hidden", ".."])
def test_ids_that_would_escape_the_output_folder_are_refused(tmp_path, bad):
    path = tmp_path / "r.csv"
    path.write_text(f"学号,姓名\nL001,甲\n{bad},乙\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 3 行“学号”列：学号.*不允许"):
        read_roster(path)


def test_control_characters_never_reach_an_id(tmp_path):
    # Every cell read from a table loses its control characters (kamlab.text_clean): a NUL typed into
    # an id is dropped, so the id is the plain text around it, and a duplicate it makes is still caught.
    path = tmp_path / "r.csv"
    path.write_text("学号,姓名\nL001,甲\nx\x00,乙\n", encoding="utf-8")
    assert read_roster(path) == {"L001": "甲", "x": "乙"}
    path.write_text("学号,姓名\nL001,甲\nL00\x071,乙\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 3 行“学号”列：学号“L001”重复"):
        read_roster(path)


def test_assign_a_second_exercise_keeps_the_first_in_the_pack(tmp_path):
    roster = {"L001": "张三"}
    assign(EX, roster=roster, out=tmp_path / "class", db=tmp_path / "gb.sqlite", assignment_id="q1")
    token = read_pack(tmp_path / "class/L001")["token"]
    assign("ding-04-canvas", roster=roster, out=tmp_path / "class", db=tmp_path / "gb.sqlite", assignment_id="c1")
    pack = read_pack(tmp_path / "class/L001")
    assert pack["exercises"] == {EX: "q1", "ding-04-canvas": "c1"} and pack["token"] == token  # one token per learner
    assert (tmp_path / "class/L001" / f"{EX}.ipynb").is_file() and (tmp_path / "class/L001/ding-04-canvas.ipynb").is_file()
    # The token is in the gradebook and in that learner's pack only: the class folder's files do not hold it.
    con = gradebook.connect(tmp_path / "gb.sqlite", readonly=True)
    assert gradebook.tokens(con) == {"L001": token}
    con.close()
    assert token not in (tmp_path / "class/class.json").read_text(encoding="utf-8")
    assert token not in (tmp_path / "class/roster.csv").read_text(encoding="utf-8-sig")
    # A submission made from that pack is graded for that exercise.
    path = submit_answers(EX, answers={"attractiveness": "7.4"}, pack_dir=tmp_path / "class/L001", out=tmp_path / "inbox")
    [result] = grade([path], db=tmp_path / "gb.sqlite")
    assert result.accepted and json.loads(path.read_text(encoding="utf-8"))["assignment"] == "q1"
    with pytest.raises(InputError, match="只能提交自己的答案"):
        submit_answers(EX, answers={}, pack_dir=tmp_path / "class/L001", out=tmp_path / "inbox", learner="L002")


def test_file_names_are_unique_and_stable_for_every_id(tmp_path):
    ids = ["张三", "李四", "2024 01", "2024_01"]
    roster = dict(zip(ids, ["甲", "乙", "丙", "丁"], strict=True))
    stems = [file_stem(i) for i in ids]
    assert len(set(stems)) == 4 and stems == [file_stem(i) for i in ids]  # unique and stable
    assert stems[2].startswith("2024_01-") and stems[3].startswith("2024_01-")
    names = {file_name(signed(i, token="t")) for i in ids}
    assert len(names) == 4
    db = make_db(tmp_path, roster)
    written = write_feedback(db=db, out=tmp_path / "fb")
    assert len({p.name for p in written}) == 4 and len(list((tmp_path / "fb").glob("*.html"))) == 5  # + index.html
    index = (tmp_path / "fb/index.html").read_text(encoding="utf-8")
    assert f"<td>2024 01</td><td>丙</td><td><a href='{file_stem('2024 01')}.html'>" in index
    assert "练习反馈：乙（李四）" in (tmp_path / "fb" / f"{file_stem('李四')}.html").read_text(encoding="utf-8")


def test_read_only_gradebook_serves_feedback_and_report(tmp_path):
    db = make_db(tmp_path)
    assert grade([put(tmp_path, signed("L001"))], db=db)[0].accepted
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP)
    try:
        if os.access(db, os.W_OK):  # root ignores file modes: check read-only opening by the URI instead
            con = gradebook.connect(db, readonly=True)
            with pytest.raises(InputError, match="只读"):
                gradebook.remove_manual(con, "L001", EX, "strategy")
            con.close()
        assert len(write_feedback(db=db, out=tmp_path / "fb")) == 3
        html, xlsx = write_report(db=db, out=tmp_path / "rep")
        assert html.is_file() and xlsx.is_file()
    finally:
        os.chmod(db, stat.S_IRUSR | stat.S_IWUSR)


def test_foreign_and_newer_files_are_one_chinese_line(tmp_path, capsys):
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库" * 200, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    newer = make_db(tmp_path)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 99")
    con.close()
    expected = {text: "不是 kamlab 成绩册", other: "不是 kamlab 成绩册", newer: "较新版本"}
    for path, words in expected.items():
        assert main(["report", "--db", str(path), "--out", str(tmp_path / "rep")]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "rep").exists()


def test_exercises_keep_the_order_they_were_assigned_in_even_within_one_clock_tick(tmp_path, monkeypatch):
    # Two assigns in the same second used to fall back to id order (ding-… before wang-…).
    monkeypatch.setattr(gradebook, "now", lambda: "2026-11-26T10:00:00+00:00")
    roster = {"L001": "张三"}
    assign(EX, roster=roster, out=tmp_path / "class", db=tmp_path / "gb.sqlite")
    assign("ding-04-canvas", roster=roster, out=tmp_path / "class", db=tmp_path / "gb.sqlite")
    assign(EX, roster=roster, out=tmp_path / "class", db=tmp_path / "gb.sqlite")  # again: keeps its place
    con = gradebook.connect(tmp_path / "gb.sqlite", readonly=True)
    assert gradebook.class_exercises(con) == [EX, "ding-04-canvas"]
    con.close()


def test_a_version_2_gradebook_is_upgraded_keeping_its_exercise_order(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript(old_gradebooks.V2 + f"PRAGMA application_id = {gradebook.APPLICATION_ID}; PRAGMA user_version = 2;")
    con.executemany("INSERT INTO assigned VALUES (?, 'a', ?)", [(EX, "2026-11-26T10:00:00+00:00"),
                                                              ("ding-04-canvas", "2026-11-27T10:00:00+00:00")])
    con.execute("INSERT INTO learners (learner_id, name) VALUES ('L001', '张三')")
    con.commit()
    con.close()
    assert gradebook.upgrade(path).before == 2
    con = gradebook.connect(path, readonly=True)
    assert gradebook.class_exercises(con) == [EX, "ding-04-canvas"]
    # Before schema 4 every learner owed every assigned exercise: still so; nobody removed, no due dates.
    assert gradebook.expected(con) == {("L001", EX), ("L001", "ding-04-canvas")}
    assert gradebook.roster(con) == {"L001": "张三"} and gradebook.due_dates(con) == {}
    con.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == gradebook.SCHEMA_VERSION


def test_a_read_only_gradebook_is_called_read_only_not_busy(tmp_path, monkeypatch, capsys):
    db = make_db(tmp_path)
    # A write refused by SQLite (a read-only file or folder) used to be reported as "被另一个程序长时间占用".
    def refused():
        raise sqlite3.OperationalError("attempt to write a readonly database")
    with pytest.raises(InputError, match="「成绩册」是只读的，不能写入") as caught:
        gradebook.retry(refused)
    assert "占用" not in str(caught.value)
    # A file without write permission is refused before anything is tried (root ignores modes: stand in for it).
    real = os.access
    monkeypatch.setattr(gradebook.os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    assert main(["grade", "--db", str(db), "--manual", "L001", EX, "-", "--comment", "好"]) == 2
    err = capsys.readouterr().err
    assert "是只读的，不能写入" in err and "占用" not in err and err.count("\n") == 1
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "rep")]) == 0  # reading still works
