"""Manual grading checks what it is given and never loses work silently: ids checked with
the closest suggested, scores bounded by the question's points, misspelt gradebooks refused,
scores bound to the answer they were given for (待复核 after a changed resubmission),
undo, tables in every encoding Excel writes, all or nothing, and the review list round trip."""

from __future__ import annotations

import pandas as pd
import pytest
from gbsql import sql
from gradingkit import CANVAS, EX, RIGHT, make_db, put, signed
from openpyxl import load_workbook

from kamlab.cli import main
from kamlab.errors import InputError
from kamlab.grading import grade, gradebook, import_manual, remove_manual, set_manual, write_review
from kamlab.spreadsheet import write_excel


@pytest.fixture
def db(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    files = [put(tmp_path, signed(lid), f"{lid}.json") for lid in ("L001", "L002")]
    canvas = {"canvas": {"who": "海川石化，战略型客户", "needs": "稳定供货与技术服务"}, "weakest": "高层关系薄弱"}
    files.append(put(tmp_path, signed("L001", canvas, exercise=CANVAS), "canvas.json"))
    assert all(r.accepted for r in grade(files, db=db))
    return db


def manual(db):
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in sql(
        db, "SELECT learner_id, exercise_id, question_id, score, comment FROM manual")}


def latest(db, learner="L001"):
    con = gradebook.connect(db, readonly=True)
    try:
        frame = gradebook.latest_scores(con)
    finally:
        con.close()
    return frame[(frame["learner_id"] == learner) & (frame["exercise_id"] == EX)].set_index("question_id")


@pytest.mark.parametrize(("who", "field", "listed"), [
    (("L02", EX, "strategy"), "学号", "L002、"),  # closest first
    (("L002", "wang-01-quantfy", "strategy"), "练习", "wang-01-quantify"),
    (("L002", EX, "Strategy"), "题号", "strategy、"),
])
def test_unknown_learner_exercise_or_question_is_refused_listing_valid_ids(db, capsys, who, field, listed):
    assert main(["grade", "--db", str(db), "--manual", *who, "--score", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"「{field}」" in err and err.split("：")[-1].startswith(listed)
    assert "已记录" not in err and manual(db) == {}


def test_score_must_lie_within_the_question_points(db, capsys):
    assert main(["grade", "--db", str(db), "--manual", "L002", EX, "strategy", "--score", "5"]) == 2
    assert "满分 2" in capsys.readouterr().err and manual(db) == {}
    with pytest.raises(InputError, match="超出范围"):
        set_manual(db=db, learner="L002", exercise=EX, question="strategy", score=-0.5)
    set_manual(db=db, learner="L002", exercise=EX, question="strategy", score="2")
    assert manual(db) == {("L002", EX, "strategy"): (2.0, "")}


@pytest.mark.parametrize("verb", [["grade", "--manual", "L001", EX, "strategy", "--score", "1"], ["grade"],
                                  ["feedback", "--out", "fb"], ["report", "--out", "rep"], ["review", "--out", "r.xlsx"]])
def test_a_misspelt_gradebook_is_refused_and_never_created(tmp_path, monkeypatch, capsys, verb):
    monkeypatch.chdir(tmp_path)
    make_db(tmp_path)
    argv = [verb[0], "--db", "gradbook.sqlite", *verb[1:]]
    assert main(argv) == 2
    assert "“gradbook.sqlite”不存在" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gb.sqlite"]  # nothing left behind


def test_changed_resubmission_marks_the_manual_score_for_review_then_confirm(db, tmp_path):
    set_manual(db=db, learner="L001", exercise=EX, question="strategy", score=0.5, comment="太笼统")
    set_manual(db=db, learner="L001", exercise=EX, question="quadrant", score=1)
    assert latest(db).loc["strategy", "needs_review"] == 0
    better = {**RIGHT, "strategy": "选择性投入：一年内补齐交付与服务短板，季度复盘相对实力"}
    assert grade([put(tmp_path, signed("L001", better, "2026-11-27T10:00:00+00:00"), "v2.json")], db=db)[0].accepted
    rows = latest(db)
    # The changed answer: old score kept, still counting, but marked; the unchanged answer is not marked.
    assert rows.loc["strategy", ["score", "needs_review", "comment"]].tolist() == [0.5, 1, "太笼统"]
    assert rows.loc["quadrant", "needs_review"] == 0
    out = tmp_path / "review.xlsx"
    assert write_review(db=db, out=out) == 4  # L001 strategy 待复核, L002 strategy, L001 canvas + weakest
    listed = pd.read_excel(out, dtype=str).set_index(["学号", "题号"])
    assert listed.loc[("L001", "strategy"), "状态"].startswith("待复核") and listed.loc[("L001", "strategy"), "原人工分"] == "0.5"
    set_manual(db=db, learner="L001", exercise=EX, question="strategy", confirm=True)
    assert latest(db).loc["strategy", ["score", "needs_review"]].tolist() == [0.5, 0]


def test_undo_removes_a_manual_score_and_the_automatic_one_counts_again(db, capsys):
    set_manual(db=db, learner="L002", exercise=EX, question="strategy", score=0, comment="离题")
    assert latest(db, "L002").loc["strategy", "score"] == 0
    assert main(["grade", "--db", str(db), "--manual", "L002", EX, "strategy", "--remove"]) == 0
    assert manual(db) == {} and latest(db, "L002").loc["strategy", "score"] == 2  # automatic 2 of 2 again
    assert main(["grade", "--db", str(db), "--manual", "L002", EX, "strategy", "--remove"]) == 2
    assert "无可撤销" in capsys.readouterr().err
    with pytest.raises(InputError, match="无可撤销"):
        remove_manual(db=db, learner="L002", exercise=EX, question="-")


TABLE = "学号,练习,题号,得分,评语\nL001,wang-01-quantify,strategy,1.5,方向对\nL002,wang-01-quantify,-,,全班最好\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_manual_table_in_every_csv_encoding(db, tmp_path, encoding):
    path = tmp_path / "m.csv"
    path.write_bytes(TABLE.encode(encoding))
    assert import_manual(path, db=db) == 2
    assert manual(db) == {("L001", EX, "strategy"): (1.5, "方向对"), ("L002", EX, ""): (None, "全班最好")}


def test_manual_table_as_xlsx_with_english_headers(db, tmp_path):
    frame = pd.DataFrame({"learner_id": ["L002"], "exercise_id": [EX], "question_id": ["strategy"], "score": [1],
                          "comment": ["=1+1"]})
    path = write_excel(tmp_path / "m.xlsx", {"s": frame})
    assert main(["grade", "--db", str(db), "--manual-csv", str(path)]) == 0
    assert manual(db) == {("L002", EX, "strategy"): (1.0, "=1+1")}


def test_manual_table_is_all_or_nothing_and_names_line_and_column(db, tmp_path, capsys):
    path = tmp_path / "m.csv"
    path.write_text(TABLE + "L002,wang-01-quantify,strategy,3,\n", encoding="utf-8")  # line 4: 3 > 2 points
    assert main(["grade", "--db", str(db), "--manual-csv", str(path)]) == 2
    err = capsys.readouterr().err
    assert "第 4 行“得分”列" in err and "满分 2" in err
    assert manual(db) == {}  # lines 2 and 3 were fine, but nothing is written
    path.write_text(TABLE + "L001,wang-01-quantify,strategy,1,\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 4 行.*与第 2 行是同一学员同一题"):
        import_manual(path, db=db)


def test_review_list_round_trips_into_manual_scores(db, tmp_path):
    out = tmp_path / "review.xlsx"
    n = write_review(db=db, out=out)
    frame = pd.read_excel(out, dtype=str).fillna("")
    # Needs a person: the two strategy texts (L001, L002) and L001's canvas worksheet and weakest text.
    assert n == 4 and sorted(zip(frame["学号"], frame["题号"], strict=True)) == [
        ("L001", "canvas"), ("L001", "strategy"), ("L001", "weakest"), ("L002", "strategy")]
    row = frame.set_index(["学号", "题号"]).loc[("L001", "canvas")]
    assert row["姓名"] == "张三" and row["题目"] == "大客户战略画布（海川石化）" and row["满分"] == "6"
    assert row["回答"].startswith("客户与类型：海川石化，战略型客户\n明确的需求与潜在的需求：稳定供货与技术服务")
    book = load_workbook(out)
    ws = book.active
    header = [c.value for c in ws[1]]
    score_col, comment_col = header.index("得分") + 1, header.index("评语") + 1
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, header.index("题号") + 1).value == "canvas":
            ws.cell(r, score_col, 4.5)
            ws.cell(r, comment_col, "第三项写得具体")
    book.save(out)
    assert main(["grade", "--db", str(db), "--manual-csv", str(out)]) == 0
    assert manual(db) == {("L001", CANVAS, "canvas"): (4.5, "第三项写得具体")}
    assert write_review(db=db, out=out) == 3  # the scored one is no longer listed


def test_every_bad_row_is_reported_at_once(db, tmp_path, capsys):
    path = tmp_path / "m.csv"
    path.write_text("学号,练习,题号,得分,评语\nL001,wang-01-quantify,strategy,1,好\nL009,wang-01-quantify,strategy,1,\n"
                    "L002,wang-01-quantify,strategy,3,\nL002,wang-01-quantify,ours,abc,\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_manual(path, db=db)
    assert [p.split("：")[0] for p in caught.value.problems] == ["第 3 行“学号”列", "第 4 行“得分”列", "第 5 行“得分”列"]
    assert main(["grade", "--db", str(db), "--manual-csv", str(path)]) == 2
    err = capsys.readouterr().err
    assert "共 3 行有误，均未导入：第 3 行“学号”列" in err and err.count("\n") == 1
    assert manual(db) == {}


def test_ids_moved_by_a_one_column_sort_are_caught_by_the_answer_check(tmp_path):
    db = make_db(tmp_path)
    texts = {"L001": "选择性投入，先补齐交付可靠性和服务支持的短板", "L002": "继续加大投入，争取更多订单机会，稳住高层关系"}
    files = [put(tmp_path, signed(lid, {**RIGHT, "strategy": text}), f"{lid}.json") for lid, text in texts.items()]
    assert all(r.accepted for r in grade(files, db=db))
    out = tmp_path / "review.xlsx"
    write_review(db=db, out=out)
    book = load_workbook(out)
    ws = book.active
    header = [c.value for c in ws[1]]
    ids, score, answer = header.index("学号") + 1, header.index("得分") + 1, header.index("回答") + 1
    assert [(ws.cell(r, ids).value, ws.cell(r, answer).value) for r in (2, 3)] == list(texts.items())
    ws.cell(2, ids, "L002")  # the 学号 column sorted on its own: the ids moved, the answers did not
    ws.cell(3, ids, "L001")
    ws.cell(2, score, 2)
    ws.cell(3, score, 0.5)
    book.save(out)
    with pytest.raises(InputError) as caught:
        import_manual(out, db=db)
    assert caught.value.problems == [
        f"第 {r} 行“学号”列：这一行的回答不是 {lid} 现在的回答：学号可能与别的行错位了（例如在 Excel 中只对一列排序），"
        "或学员已重交；请核对，或重新导出复核清单" for r, lid in ((2, "L002"), (3, "L001"))]
    assert manual(db) == {}
    ws.cell(2, ids, "L001")  # put back: imported
    ws.cell(3, ids, "L002")
    book.save(out)
    assert import_manual(out, db=db) == 2
    assert manual(db) == {("L001", EX, "strategy"): (2.0, ""), ("L002", EX, "strategy"): (0.5, "")}


def test_a_comment_alone_is_not_a_score_the_answer_stays_on_the_review_list(db, tmp_path):
    from kamlab.grading import review_frame, write_report

    set_manual(db=db, learner="L002", exercise=EX, question="strategy", comment="再具体些")
    listed = review_frame(db=db).set_index(["学号", "题号"])
    assert listed.loc[("L002", "strategy"), "状态"].startswith("待评阅") and listed.loc[("L002", "strategy"), "原评语"] == "再具体些"
    detail = pd.read_excel(write_report(db=db, out=tmp_path / "rep")[1], sheet_name="明细").set_index(["学号", "题号"])
    assert detail.loc[("L002", "strategy"), "状态"] == "自动初评"  # the same answer, the same word, everywhere
    set_manual(db=db, learner="L002", exercise=EX, question="strategy", score=1)
    assert ("L002", "strategy") not in set(zip(*[review_frame(db=db)[c] for c in ("学号", "题号")], strict=True))
