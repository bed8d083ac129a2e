"""A class over several weeks: a roster with a footer row, learners removed and restored
(history kept, hidden from lists and rates), a learner who joined after an exercise was
assigned, due dates with late submissions and an optional penalty, and a second grading
run that says nothing new was added."""

from __future__ import annotations

import pandas as pd
import pytest
from gbsql import set_tokens
from gradingkit import CANVAS, EX, RIGHT, TOKENS, put, signed

from kamlab.cli import main
from kamlab.errors import InputError
from kamlab.grading import assign, grade, read_roster, set_manual, write_feedback, write_report
from kamlab.grading.due import late_text, parse_due, penalty
from kamlab.grading.names import file_stem
from kamlab.grading.roster import remove_learner, restore_learner, roster_frame


def test_a_footer_row_is_skipped_and_named(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("学号,姓名\nL001,张三\nL002,李四\n合计,2 人\n", encoding="utf-8")
    roster = read_roster(path)
    assert roster == {"L001": "张三", "L002": "李四"}
    assert roster.skipped == [(4, "第 4 行“合计”是合计/统计行，不是学员，已跳过")]
    other = tmp_path / "o.csv"
    other.write_text("学号,姓名\nL001,张三\n 总 计 ,共 1 人\n", encoding="utf-8")
    assert read_roster(other) == {"L001": "张三"}


def test_control_characters_in_roster_names_are_removed(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("学号,姓名\nL001,张\x07三\x1b[0m\n", encoding="utf-8")
    assert read_roster(path) == {"L001": "张三[0m"}


def _class(tmp_path, roster=None):
    """EX assigned to L001–L003 with the gradebook's tokens replaced by the kit's."""
    roster = roster or {"L001": "张三", "L002": "李四", "L003": "王五"}
    db = tmp_path / "gb.sqlite"
    assign(EX, roster=roster, out=tmp_path / "class", db=db, assignment_id="a1")
    set_tokens(db, TOKENS)
    return db


def test_a_removed_learner_keeps_history_but_leaves_lists_rates_and_pages(tmp_path, capsys):
    db = _class(tmp_path)
    files = [put(tmp_path, signed("L001"), "a.json"),
             put(tmp_path, signed("L002", {**RIGHT, "attractiveness": "1"}), "b.json")]
    assert all(r.accepted for r in grade(files, db=db))
    assert main(["roster", "--db", str(db), "remove", "L002"]) == 0
    assert "已移除 L002 李四" in capsys.readouterr().out
    assert main(["roster", "--db", str(db), "list"]) == 0
    out = capsys.readouterr().out
    assert "L002" not in out and "共 2 名学员在班；另有 1 名已移除" in out
    assert list(roster_frame(db=db, include_removed=True)["状态"]) == ["在班", "在班", "已移除"]
    html, xlsx = write_report(db=db, out=tmp_path / "rep")
    board = pd.read_excel(xlsx, sheet_name="班级总表")
    assert list(board["学号"]) == ["L001", "L003"]
    stats = pd.read_excel(xlsx, sheet_name="各题统计").set_index("题号")
    assert stats.loc["attractiveness", "人数"] == 1 and stats.loc["attractiveness", "平均分"] == 2  # L002's 0 left out
    assert list(pd.read_excel(xlsx, sheet_name="未提交")["学号"]) == ["L003"]
    assert "李四" not in html.read_text(encoding="utf-8")
    pages = write_feedback(db=db, out=tmp_path / "fb")
    assert {p.name for p in pages} == {f"{file_stem(x)}.html" for x in ("L001", "L003")}
    with pytest.raises(InputError, match="“L002”已从班级移除：先用 kamlab roster restore L002 恢复"):
        set_manual(db=db, learner="L002", exercise=EX, question="strategy", score=1)
    # Restored: everything comes back, the score included.
    assert restore_learner(db=db, learner="L002") == "李四"
    board = pd.read_excel(write_report(db=db, out=tmp_path / "rep2")[1], sheet_name="班级总表")
    assert list(board["学号"]) == ["L001", "L002", "L003"] and board.loc[1, "针对一个标杆大客户进行定量计算"] == pytest.approx(10 / 12, abs=1e-3)
    with pytest.raises(InputError, match="本来就在班"):
        restore_learner(db=db, learner="L002")
    with pytest.raises(InputError, match="“L009”不在名单中"):
        remove_learner(db=db, learner="L009")


def test_a_removed_learner_gets_no_new_pack(tmp_path):
    db = _class(tmp_path)
    remove_learner(db=db, learner="L003")
    written = assign(CANVAS, roster={"L001": "张三", "L002": "李四", "L003": "王五"}, out=tmp_path / "class", db=db)
    assert sorted(p.parent.name for p in written) == ["L001", "L002"]


def test_a_learner_who_joined_after_an_assignment_does_not_owe_it(tmp_path):
    db = _class(tmp_path, {"L001": "张三", "L002": "李四"})
    assert grade([put(tmp_path, signed("L001"), "a.json")], db=db, roster={"L003": "王五"})[0].accepted
    _, xlsx = write_report(db=db, out=tmp_path / "rep")
    owed = pd.read_excel(xlsx, sheet_name="未提交")
    assert list(owed["学号"]) == ["L002"]  # L003 joined later: not 未提交 for EX
    page = (tmp_path / "fb" / f"{file_stem('L003')}.html")
    write_feedback(db=db, out=tmp_path / "fb")
    assert "尚未收到" not in page.read_text(encoding="utf-8")
    assign(CANVAS, roster={"L001": "张三", "L002": "李四", "L003": "王五"}, out=tmp_path / "class", db=db)
    owed = pd.read_excel(write_report(db=db, out=tmp_path / "rep2")[1], sheet_name="未提交")
    assert sorted(zip(owed["练习"], owed["学号"], strict=True)) == [(CANVAS, "L001"), (CANVAS, "L002"),
                                                                   (CANVAS, "L003"), (EX, "L002")]


def test_due_dates_are_read_in_the_trainers_time_zone():
    assert parse_due("2026-12-10 18:00") == "2026-12-10T10:00:00+00:00"
    assert parse_due("2026/12/10 18:00", "Europe/London") == "2026-12-10T18:00:00+00:00"
    assert parse_due("2026-12-10") == "2026-12-10T15:59:59+00:00"  # the end of that day in Shanghai
    with pytest.raises(InputError, match="「截止时间」“下周五”看不懂"):
        parse_due("下周五")


def test_late_by_how_long_and_the_penalty_rule():
    from datetime import timedelta

    assert late_text(timedelta(minutes=35)) == "迟交 35 分钟"
    assert late_text(timedelta(days=1, hours=2, minutes=5)) == "迟交 1 天 2 小时"
    assert late_text(timedelta(seconds=20)) == "迟交 1 分钟"
    # 10 % of 12 points per started day: 1 day 2 h → 2 days → 2.4 off; never below zero.
    assert penalty(12, 12, timedelta(days=1, hours=2), 0.1) == 2.4
    assert penalty(1, 12, timedelta(days=5), 0.1) == 1 and penalty(12, 12, timedelta(days=5), None) == 0


def test_late_submissions_are_marked_in_report_and_feedback_with_an_optional_penalty(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text("学号,姓名\nL001,张三\nL002,李四\n", encoding="utf-8")
    assert main(["assign", EX, "--roster", "r.csv", "--out", "class", "--db", "gb.sqlite",
                 "--due", "2026-11-26 18:00", "--late-penalty", "10"]) == 0
    assert "截止 2026-11-26 18:00（Asia/Shanghai），迟交每天扣总分的 10%" in capsys.readouterr().out
    assert main(["assign", CANVAS, "--roster", "r.csv", "--out", "class", "--db", "gb.sqlite"]) == 0  # no due date
    set_tokens("gb.sqlite", TOKENS)
    files = [put(tmp_path, signed("L001", at="2026-11-26T09:59:00+00:00"), "on-time.json"),  # 17:59 Shanghai
             put(tmp_path, signed("L002", at="2026-11-27T12:05:00+00:00"), "late.json"),  # 1 day 2 h 5 min late
             put(tmp_path, signed("L002", {"weakest": "高层"}, at="2027-01-01T00:00:00+00:00", exercise=CANVAS), "c.json")]
    assert all(r.accepted for r in grade(files, db="gb.sqlite"))
    _, xlsx = write_report(db="gb.sqlite", out=tmp_path / "rep")
    tot = pd.read_excel(xlsx, sheet_name="成绩总表", dtype={"迟交": str}).fillna("").set_index(["学号", "练习"])
    assert tot.loc[("L001", EX), "迟交"] == "" and tot.loc[("L001", EX), "总分"] == 12
    assert tot.loc[("L002", EX), "迟交"] == "迟交 1 天 2 小时"
    assert tot.loc[("L002", EX), "扣分"] == 2.4 and tot.loc[("L002", EX), "总分"] == 9.6  # 12 − 2 days × 10 % × 12
    assert tot.loc[("L002", CANVAS), "迟交"] == ""  # no due date: as before
    write_feedback(db="gb.sqlite", out=tmp_path / "fb")
    page = (tmp_path / "fb" / f"{file_stem('L002')}.html").read_text(encoding="utf-8")
    assert "迟交 1 天 2 小时</span>，截止 2026-11-26 18:00，按迟交规则扣 2.4 分" in page
    assert "9.6 / 12" in page
    assert "迟交" not in (tmp_path / "fb" / f"{file_stem('L001')}.html").read_text(encoding="utf-8")


def test_grading_the_same_files_again_says_nothing_new_was_added(tmp_path, monkeypatch, capsys):
    db = _class(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    put(tmp_path / "inbox", signed("L001"), "a.json")
    put(tmp_path / "inbox", signed("L002"), "b.json")
    assert main(["grade", "inbox", "--db", str(db), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == "已评分 2 份，拒收 0 份"
    put(tmp_path / "inbox", signed("L003"), "c.json")
    assert main(["grade", "inbox", "--db", str(db), "--quiet"]) == 0
    assert "已评分 3 份，拒收 0 份（新增 1 份；其余 2 份此前已在成绩册中，只是重新评分）" in capsys.readouterr().out
    assert main(["grade", "--db", str(db)]) == 0
    assert "没有新增提交" in capsys.readouterr().out


def test_the_desk_can_set_a_due_date_and_list_late_submissions(tmp_path):
    from kamlab.grading.due import late_frame, set_due

    db = _class(tmp_path)
    assert grade([put(tmp_path, signed("L001", at="2026-11-26T11:00:00+00:00"), "a.json")], db=db)[0].accepted
    assert late_frame(db=db).empty  # no due date yet: nothing is late
    assert set_due(db=db, exercise=EX, due="2026-11-26 18:00") == "2026-11-26T10:00:00+00:00"
    frame = late_frame(db=db)
    assert frame.to_dict("records") == [{"学号": "L001", "练习": EX, "提交时间": "2026-11-26 19:00",
                                         "截止": "2026-11-26 18:00", "迟交": "迟交 1 小时", "扣分": 0.0}]
    set_due(db=db, exercise=EX, due="2026-11-26 18:00", late_penalty=50)
    assert late_frame(db=db)["扣分"].tolist() == [6.0]  # 50 % of 12 for the one started day
    set_due(db=db, exercise=EX, due=None)
    assert late_frame(db=db).empty
    with pytest.raises(InputError, match="还没有布置"):
        set_due(db=db, exercise=CANVAS, due="2026-12-01 18:00")
    with pytest.raises(InputError, match="「迟交扣分」应在 0 到 100 之间"):
        set_due(db=db, exercise=EX, due="2026-12-01 18:00", late_penalty=150)


def test_one_zip_per_learner_with_a_notice_and_nobody_elses_token(tmp_path, monkeypatch, capsys):
    import json
    import zipfile

    from kamlab.learner.answers import AnswerStore

    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text("学号,姓名\nL001,张三\nL002,李/四\n", encoding="utf-8")
    assert main(["assign", EX, "--roster", "r.csv", "--out", "class", "--db", "gb.sqlite", "--due", "2026-12-10 18:00"]) == 0
    assert main(["packs", "--db", "gb.sqlite", "--class", "class", "--out", "packs"]) == 0
    assert "已生成 2 个学员练习包" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == ["L001-张三.zip", "L002-李四.zip"]
    with zipfile.ZipFile(tmp_path / "packs/L001-张三.zip") as archive:
        assert sorted(archive.namelist()) == ["L001-张三/assignment.json", f"L001-张三/{EX}.ipynb", "L001-张三/学员须知.html"]
        tokens = {json.loads((tmp_path / f"class/{lid}/assignment.json").read_text(encoding="utf-8"))["token"]
                  for lid in ("L001", "L002")}
        body = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
        assert sum(t in body for t in tokens) == 1  # only the learner's own token, no roster.csv
        notice = archive.read("L001-张三/学员须知.html").decode("utf-8")
        archive.extractall(tmp_path / "learner")
    assert "张三（L001）" in notice and f"{EX}.ipynb" in notice and "2026-12-10 18:00" in notice
    assert "生成提交文件" in notice and "不要转发" in notice
    # The unzipped pack is enough to hand in.
    AnswerStore(EX, tmp_path / "learner/L001-张三/kamlab-answers").save({"questions": {"attractiveness": "7.4"}})
    assert main(["submit", EX, "--pack", "learner/L001-张三", "--out", "inbox", "--yes"]) == 0
    assert grade(["inbox"], db="gb.sqlite")[0].accepted
