"""Grading files: every rejection with a reason and nothing written; signatures (no learner
can submit as another); one crafted file never stops the run; bounded reads of regular
files only; versions ordered by submission time; two runs at once."""

from __future__ import annotations

import json
import os
import threading

import pytest
from gbsql import sql
from gradingkit import RIGHT, TOKENS, count, make_db, put, signed

from kamlab.grading import grade, gradebook, submit
from kamlab.grading.validate import MAX_BYTES


def resign(data, learner="L001"):
    data.pop("signature", None)
    data["signature"] = submit.sign(data, TOKENS[learner])
    return data


def bad_cases():
    yield "过大", " " * (MAX_BYTES + 1)
    yield "JSON", "{not json"
    yield "JSON", '{"x": NaN}'
    yield "不是 kamlab 提交文件：应是学员在练习末尾点“生成提交文件”", resign({**signed(), "schema": "other"})
    yield "版本", resign({**signed(), "version": 3})
    missing = signed()
    del missing["learner"]
    yield "缺少字段“学号”（learner）", resign(missing)
    yield "字段“答案”（answers）应为一组答案（JSON 对象），当前为 [\"7.4\"]", resign({**signed(), "answers": ["7.4"]})
    yield "字段“提交时间”（submitted_at）应为文字，当前为 5", resign({**signed(), "submitted_at": 5})
    yield "字段“版本”（version）应为整数，当前为 true", {**signed(), "version": True}  # True == 1 in Python: caught by type
    yield "字段“版本”（version）应为整数，当前为 文字“2”", resign({**signed(), "version": "2"})
    yield "ISO", resign({**signed(), "submitted_at": "yesterday"})
    yield "不在名单", signed("L999")
    yield "没有编号", resign({**signed(), "exercise": "../../etc/passwd"})
    yield "签名不符", {**signed(), "answers": {"attractiveness": "9"}}  # edited after packing
    yield "未知题号", resign({**signed(), "answers": {"__import__": "os"}})
    yield "答案类型不符", resign({**signed(), "answers": {"attractiveness": ["7.4"]}})


@pytest.mark.parametrize(("reason", "data"), list(bad_cases()))
def test_bad_submission_is_rejected_with_a_reason_and_nothing_written(tmp_path, new_db, reason, data):
    db = make_db(tmp_path, db=new_db)
    [result] = grade(files=[put(tmp_path, data)], db=db)
    assert not result.accepted and reason in result.reason
    assert count(db) == (0, 0)


def test_nobody_can_submit_as_another_learner(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    # L002 packs answers under L001's id with their own token: the signature is L002's, not L001's.
    forged = signed("L001", token=TOKENS["L002"])
    # Or recomputes the old plain SHA-256 checksum after editing: an unsigned version-1 file.
    old = {k: v for k, v in signed("L001").items() if k != "signature"} | {"version": 1, "checksum": "sha256:00"}
    results = grade([put(tmp_path, forged, "forged.json"), put(tmp_path, old, "old.json")], db=db)
    assert [r.accepted for r in results] == [False, False]
    assert "签名不符" in results[0].reason and "L001" in results[0].reason
    assert "旧版未签名" in results[1].reason
    assert count(db) == (0, 0)
    # The real L001 file is accepted.
    assert grade([put(tmp_path, signed("L001"), "real.json")], db=db)[0].accepted


def test_learner_without_a_token_is_refused(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    con = gradebook.connect(db)
    gradebook.set_roster(con, {"L004": "赵六"})  # added by grade --roster, never assigned
    con.close()
    [result] = grade([put(tmp_path, signed("L004", token="guess"))], db=db)
    assert not result.accepted and "还没有提交令牌" in result.reason


def test_crafted_files_are_rejected_and_the_run_goes_on(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    huge = put(tmp_path, signed("L001", {"attractiveness": 10**400}), "huge.json")  # OverflowError in float()
    deep = put(tmp_path, '{"a": ' + "[" * 50_000 + "]" * 50_000 + "}", "deep.json")  # RecursionError
    assert deep.stat().st_size < MAX_BYTES
    fine = put(tmp_path, signed("L002"), "fine.json")
    results = grade([huge, deep, fine], db=db)
    assert [r.accepted for r in results] == [False, False, True]
    assert "无法评分" in results[0].reason and "嵌套过深" in results[1].reason
    assert count(db) == (1, 8)


def test_only_regular_files_are_read_and_never_past_the_limit(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "zero.json").symlink_to("/dev/zero")
    os.mkfifo(inbox / "pipe.json")
    (inbox / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (inbox / "folder.json").mkdir()
    put(inbox, signed("L001"), "ok.json")
    results = {os.path.basename(r.name): r for r in grade([inbox], db=db)}
    assert set(results) == {"zero.json", "pipe.json", "dangling.json", "ok.json"}  # a folder is not a file
    assert "不是普通文件" in results["zero.json"].reason and "不是普通文件" in results["pipe.json"].reason
    assert "找不到文件" in results["dangling.json"].reason
    assert results["ok.json"].accepted


def test_same_file_twice_is_one_row_and_latest_is_by_submission_time(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    first = put(tmp_path, signed(at="2026-11-26T10:00:00+00:00"), "a.json")
    grade([first, first], db=db)
    assert count(db) == (1, 8)  # one submission, eight questions scored
    newer = put(tmp_path, signed(answers={"attractiveness": "5"}, at="2026-11-26T19:00:00+08:00"), "b.json")
    older = put(tmp_path, signed(answers={"attractiveness": "6"}, at="2026-11-26T09:00:00+00:00"), "c.json")
    grade([newer], db=db)
    grade([older], db=db)  # graded last, but submitted first: must not become the latest
    con = gradebook.connect(db, readonly=True)
    latest = gradebook.latest_scores(con).set_index("question_id")
    con.close()
    assert count(db) == (3, 24)
    # 19:00+08:00 = 11:00 UTC is the last submitted of 09:00, 10:00 and 11:00 UTC → version 3, answer "5".
    assert latest.loc["attractiveness", "answer"] == "5" and latest.loc["attractiveness", "version"] == 3


def test_learner_option_grades_only_that_learner(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    paths = [put(tmp_path, signed(lid), f"{lid}.json") for lid in TOKENS]
    results = grade(paths, db=db, learner="L002")
    assert [r.skipped for r in results] == [True, False, True] and all(r.accepted for r in results)
    assert sql(db, "SELECT learner_id FROM submissions") == [("L002",)]


def test_uploads_as_bytes_are_graded_like_files(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    raw = json.dumps(signed("L003"), ensure_ascii=False).encode("utf-8")
    results = grade([("上传.json", raw), ("坏.json", b"\xff")], db=db)
    assert [(r.name, r.accepted, r.learner) for r in results] == [("上传.json", True, "L003"), ("坏.json", False, "")]


def test_two_grade_runs_at_once_both_succeed(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    for i, lid in enumerate(TOKENS):
        for k in range(20):
            put(tmp_path, signed(lid, {**RIGHT, "ours": str(k)}, f"2026-11-26T10:{k:02d}:0{i}+00:00"), f"{lid}-{k}.json")
    start, outcomes = threading.Barrier(2), []

    def run() -> None:  # each run opens its own connection, as two `kamlab grade` processes do
        start.wait()
        try:
            outcomes.append(all(r.accepted for r in grade([tmp_path], db=db)))
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            outcomes.append(repr(error))

    runs = [threading.Thread(target=run) for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join(timeout=120)
    assert outcomes == [True, True]
    assert count(db) == (60, 480)  # every file once, whichever run stored it first


def _zip_with_a_corrupt_member(tmp_path):
    """A zip of L001's, L002's and L003's files whose middle member has broken deflate data."""
    import io
    import json
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for lid in ("L001", "L002", "L003"):
            archive.writestr(f"inbox/{lid}.json", json.dumps(signed(lid), ensure_ascii=False) * 1)
    data = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("inbox/L002.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 5, start + info.compress_size - 5):
        data[i] ^= 0x5A
    return bytes(data)


def test_a_zip_with_one_corrupt_member_grades_every_other_member(tmp_path, new_db, monkeypatch, capsys):
    from kamlab.cli import main
    from kamlab.grading.archive import zip_members

    data = _zip_with_a_corrupt_member(tmp_path)
    members, refused = zip_members("class.zip", data)
    assert [n for n, _ in members] == ["class.zip/inbox/L001.json", "class.zip/inbox/L003.json"]
    assert [n for n, _ in refused] == ["class.zip/inbox/L002.json"] and "已损坏" in refused[0][1]
    db = make_db(tmp_path, db=new_db)
    results = grade([("class.zip", data)], db=db)  # the desk's upload
    assert [(r.name.rsplit("/", 1)[-1], r.accepted) for r in results] == [
        ("L002.json", False), ("L001.json", True), ("L003.json", True)]
    assert count(db)[0] == 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox/class.zip").write_bytes(data)
    assert main(["grade", "inbox", "--db", str(db), "--quiet"]) == 1  # one refused
    captured = capsys.readouterr()
    assert "已拒收 inbox/class.zip/inbox/L002.json：zip 中的这个文件已损坏" in captured.err
    assert "已评分 2 份，拒收 1 份" in captured.out


def test_a_file_that_is_no_zip_is_one_refusal(tmp_path, new_db):
    db = make_db(tmp_path, db=new_db)
    [result] = grade([("class.zip", b"PK\x03\x04 not really")], db=db)
    assert not result.accepted and "不是有效的 zip 文件" in result.reason
