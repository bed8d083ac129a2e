"""The trainer's desk without a browser: grading queue, name hiding, uploads, zips, the
widgets driven in-process over a real gradebook, two writers, the launcher."""

from __future__ import annotations

import base64
import io
import json
import os
import random
import re
import threading
import zipfile
from datetime import UTC, datetime

import pytest

from kamlab.desk import launch, sample, steps
from kamlab.desk.answer_view import key_html
from kamlab.desk.grading_queue import Answer, GradingQueue, anonymous_numbers
from kamlab.desk.uploads import MAX_FILE, unpack
from kamlab.desk.zips import download_link, zip_folder
from kamlab.errors import InputError
from kamlab.grading import gradebook

X, Q = "wang-01-quantify", "strategy"


def answer(lid: str, manual=None, review=False) -> Answer:
    return Answer(lid, f"名{lid}", f"回答{lid}", 1.0, 2.0, "", manual, "", review)


# --- grading queue -----------------------------------------------------------------


def test_queue_puts_review_first_then_unscored_then_scored_and_counts_remaining():
    numbers = {"A": 1, "B": 4, "C": 3, "D": 2}
    q = GradingQueue(X, Q, [answer("A", manual=2.0), answer("B"), answer("C", manual=1.0, review=True),
                            answer("D")], numbers)
    assert [a.learner_id for a in q.items] == ["C", "D", "B", "A"]
    assert q.remaining == 3
    assert q.position() == "第 1 / 4 份 · 还剩 3 份"
    q.update("C", manual_score=1.5, review=False)  # saved: the queue keeps its order and place
    assert [a.learner_id for a in q.items] == ["C", "D", "B", "A"] and q.index == 0
    assert q.remaining == 2
    assert q.next().learner_id == "D"
    q.go(99)
    assert q.current.learner_id == "A" and q.next().learner_id == "A"  # stays on the last
    q.go(-5)
    assert q.previous().learner_id == "C"  # stays on the first


def test_queue_hides_names_until_revealed():
    q = GradingQueue(X, Q, [answer("L001"), answer("L002")], {"L001": 2, "L002": 1})
    assert q.label() == "学员 #1"
    assert "名" not in q.label() and "L00" not in q.label()
    q.reveal = True
    assert q.label() == "名L002（L002）"


def test_anonymous_numbers_are_a_stable_permutation_unrelated_to_the_roster():
    ids = [f"L{i:03d}" for i in range(1, 31)]
    numbers = anonymous_numbers(X, ids)
    assert sorted(numbers.values()) == list(range(1, 31))
    assert anonymous_numbers(X, list(reversed(ids))) == numbers
    assert [numbers[i] for i in ids] != list(range(1, 31))
    assert anonymous_numbers("ding-04-canvas", ids) != numbers


def test_empty_queue():
    q = GradingQueue(X, Q, [])
    assert q.current is None and q.next() is None and q.position() == "没有可批改的回答"


# --- answers for a person ------------------------------------------------------------


def test_the_grading_view_draws_a_proposition_as_its_card_and_escapes_learner_text(tmp_path):
    from kamlab.desk.app import Desk

    db = tmp_path / "gradebook.sqlite"
    steps.import_roster(db, "r.csv", sample.roster_csv({"L001": "张三"}))
    steps.assign(db, ["wang-01-proposition"])
    given = sample.answers("wang-01-proposition", random.Random(1))
    given["proposition"]["q2"] = "驻厂工程师\n<img src=x onerror=alert(1)>"
    steps.grade_uploads(db, [sample.signed(db, "L001", "wang-01-proposition", given)])
    desk = Desk(db)
    desk.grade.load_exercises()
    desk.grade.open_question("wang-01-proposition", "proposition")
    card = desk.grade.answer.value
    assert card.count("class='quadrant'") == 4 and "kamlab-answer" in card
    assert "<img" not in card and "&lt;img src=x onerror=alert(1)&gt;" in card
    assert "{" not in card.split("</style>")[1]  # never raw JSON
    key = desk.grade.key.value
    assert "四个象限都已填写（3 分）" in key and "自动初评" in key


def test_key_beside_the_answer():
    q = {"type": "worksheet", "key": {"required": {"who": "客户与类型", "needs": "需求"}, "min_chars": 10}}
    assert "每项至少 10 字" in key_html(q) and "客户与类型" in key_html(q)
    text_q = {"type": "text", "key": {"keywords": ["交付|服务", "投入"], "need": 2, "model_answer": "选择性<投入>"}}
    key = key_html(text_q)
    assert "参考答案" in key and "选择性&lt;投入&gt;" in key and "交付 / 服务" in key and "命中 2 项得满分" in key


# --- uploads -----------------------------------------------------------------------


class Untouchable:
    """Upload content that fails the test if anything reads it."""

    def __len__(self):
        raise AssertionError("content read before the size check")

    def __bytes__(self):
        raise AssertionError("content read before the size check")


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_uploads_refuse_oversize_before_reading_and_unsafe_names():
    files, refused = unpack([
        {"name": "big.json", "size": MAX_FILE + 1, "content": Untouchable()},
        {"name": "../up.json", "size": 2, "content": b"{}"},
        {"name": "/etc/passwd.json", "size": 2, "content": b"{}"},
        {"name": "C:\\x.json", "size": 2, "content": b"{}"},
        {"name": "notes.txt", "size": 2, "content": b"hi"},
        {"name": "ok.json", "size": 2, "content": memoryview(b"{}")},
    ])
    assert [(f.name, f.data) for f in files] == [("ok.json", b"{}")]
    reasons = {r.name: r.reason for r in refused}
    assert reasons["big.json"] == f"文件过大（{MAX_FILE + 1} 字节，上限 {MAX_FILE}）"
    assert "“..”" in reasons["../up.json"]
    assert "绝对路径" in reasons["/etc/passwd.json"] and "绝对路径" in reasons["C:\\x.json"]
    assert "只接受 .json" in reasons["notes.txt"]


def test_zip_members_checked_one_by_one():
    data = zipped({"L001/a.json": b'{"a":1}', "../evil.json": b"{}", "/abs.json": b"{}",
                   "big.json": b" " * (MAX_FILE + 1), "readme.txt": b"x", "__MACOSX/._a.json": b"x"})
    files, refused = unpack([{"name": "inbox.zip", "size": len(data), "content": data}])
    assert [(f.name, f.data) for f in files] == [("inbox.zip/L001/a.json", b'{"a":1}')]
    reasons = {r.name.removeprefix("inbox.zip/"): r.reason for r in refused}
    assert set(reasons) == {"../evil.json", "/abs.json", "big.json", "readme.txt"}
    assert "文件过大" in reasons["big.json"]
    bad = unpack([{"name": "broken.zip", "size": 5, "content": b"PK\x03\x04x"}])[1]
    assert bad[0].reason.startswith("不是有效的 zip 文件")


def test_a_corrupt_zip_member_is_refused_alone_and_the_others_are_graded(desk, tmp_path):
    db = tmp_path / "gradebook.sqlite"
    steps.import_roster(db, "r.csv", sample.roster_csv({"L001": "张三", "L002": "李四"}))
    steps.assign(db, [X])
    rng = random.Random(9)
    good = [sample.signed(db, lid, X, sample.answers(X, rng)) for lid in ("L001", "L002")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in good:
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    start = data.index(b"PK\x03\x04") + 30 + len(good[0][0].encode())  # the first member's deflate stream
    data[start:start + 40] = b"\xff" * 40  # as a bad download or a chat tool's damage does
    desk.collect.upload.deliver([upload("班级.zip", bytes(data))])
    assert "已评分 1 份，拒收 1 份" in desk.collect.status.value  # was: the whole upload failed (“出错了：error …”)
    assert "已损坏" in desk.collect.rejected.value and good[0][0] in desk.collect.rejected.value


# --- zips ----------------------------------------------------------------------------


def test_zip_folder_and_download_link(tmp_path):
    (tmp_path / "L001").mkdir()
    (tmp_path / "L001" / "a.html").write_text("甲", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    data = zip_folder(tmp_path, "feedback")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["feedback/L001/a.html", "feedback/b.txt"]
        assert archive.read("feedback/L001/a.html").decode() == "甲"
    link = download_link(data, "反馈'.zip", "下载")
    href = re.search(r"href='data:application/zip;base64,([^']+)'", link).group(1)
    assert base64.b64decode(href) == data
    assert "download='反馈&#x27;.zip'" in link


# --- the desk's widgets over a real gradebook ------------------------------------------


def upload(name: str, data: bytes) -> dict:
    return {"name": name, "type": "", "size": len(data), "last_modified": datetime.now(UTC),
            "content": memoryview(data)}


def typed(desk, kind: str, text: str, final: bool = False) -> None:
    """A message from the grading keyboard, as the page sends it (numbered, one per command)."""
    keys = desk.grade.keys
    keys.receive({"kind": kind, "text": text, "seq": keys.ack + 1, "final": final})


@pytest.fixture
def desk(tmp_path):
    from kamlab.desk.app import Desk

    return Desk(tmp_path / "gradebook.sqlite")


def test_desk_runs_a_class_of_three(desk, tmp_path):
    db = tmp_path / "gradebook.sqlite"
    names = {"L001": "张三", "L002": "李四", "L003": "王五"}
    desk.roster.upload.deliver([upload("名单.csv", sample.roster_csv(names, "gbk"))])
    assert "已导入名单“名单.csv”：3 名学员" in desk.roster.status.value
    assert "李四" in desk.roster.table.value

    desk.assign.pick.value = (X,)
    desk.assign.assign()
    href = re.search(r"base64,([^']+)'", desk.assign.link.value).group(1)
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(href))) as archive:
        listed = archive.namelist()
    assert {f"class/{lid}/{X}.ipynb" for lid in names} <= set(listed)
    assert {f"class/{lid}/assignment.json" for lid in names} <= set(listed)

    rng = random.Random(3)
    files = [sample.signed(db, lid, X, sample.answers(X, rng)) for lid in names]
    name, raw = files[2]
    forged = json.loads(raw)
    forged["answers"][Q] = "改过的答案：补齐交付短板，加大投入。"
    files[2] = (name, json.dumps(forged, ensure_ascii=False).encode())
    desk.collect.upload.deliver([upload(n, d) for n, d in files])
    assert "已评分 2 份，拒收 1 份" in desk.collect.status.value
    assert "签名不符" in desk.collect.rejected.value and name in desk.collect.rejected.value
    con = gradebook.connect(db, readonly=True)
    stored = sorted(gradebook.latest_scores(con)["learner_id"].unique())
    con.close()
    assert stored == ["L001", "L002"]  # nothing of the rejected file was written

    # grade the free-text question by keyboard: 1.5⏎, then f (full marks)
    queue = desk.grade.open_question(X, Q)
    first, second = queue.items[0].learner_id, queue.items[1].learner_id
    assert desk.grade.who.value.startswith("<h3 class='kamlab-who' style='margin:2px 0'>学员 #")
    assert names[first] not in desk.grade.who.value
    typed(desk, "key", "1.5")  # typed, then Enter: one message
    assert queue.index == 1 and "还剩 1 份" in desk.grade.who.value
    typed(desk, "key", "f")
    typed(desk, "key", "9")  # out of range: refused, nothing saved, nothing moves
    assert "9 超出范围" in desk.grade.status.value
    typed(desk, "key", "x")
    assert "“x”不是分数也不是快捷键" in desk.grade.status.value
    assert queue.index == 1  # the last answer stays on screen
    typed(desk, "comment", "思路清楚")
    desk.grade.reveal.value = True
    assert names[second] in desk.grade.who.value
    typed(desk, "key", "p")
    assert queue.index == 0 and f"{names[first]}（{first}）" in desk.grade.who.value
    con = gradebook.connect(db, readonly=True)
    rows = gradebook.manual_rows(con).set_index("learner_id")
    con.close()
    assert rows.loc[first, "score"] == 1.5
    assert rows.loc[second, "score"] == 2.0 and rows.loc[second, "comment"] == "思路清楚"

    desk.feedback.with_model.value = False
    pages = desk.feedback.make()
    assert len(pages) == 3 and "已生成 3 份反馈页面" in desk.feedback.status.value
    first_page = pages[0].read_text(encoding="utf-8")
    assert "参考答案 / 要点" not in first_page and "你的回答" in first_page
    desk.feedback.with_model.value = True
    desk.tabs.selected_index = 4  # the 反馈 section lists the class's exercises to hold back
    assert [value for _, value in desk.feedback.hold_back.options] == [X]
    desk.feedback.hold_back.value = (X,)
    assert "参考答案 / 要点" not in desk.feedback.make()[0].read_text(encoding="utf-8")
    desk.feedback.hold_back.value = ()
    assert "参考答案 / 要点" in desk.feedback.make()[0].read_text(encoding="utf-8")
    assert "<iframe class='kamlab-preview' sandbox=''" in desk.feedback.preview.value
    href = re.search(r"base64,([^']+)'", desk.feedback.link.value).group(1)
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(href))) as archive:
        names_in_zip = archive.namelist()
    assert "feedback/index.html" in names_in_zip  # which page belongs to whom
    assert sorted(n for n in names_in_zip if n != "feedback/index.html") == sorted(f"feedback/{p.name}" for p in pages)


def test_an_answer_changed_since_its_manual_score_comes_first_marked_for_review(new_db, tmp_path, monkeypatch):
    from kamlab.desk.app import Desk

    monkeypatch.chdir(tmp_path)  # a server gradebook's folders go into the working folder
    db = new_db
    steps.import_roster(db, "r.csv", sample.roster_csv({"L001": "张三", "L002": "李四", "L003": "王五"}))
    steps.assign(db, [X])
    rng = random.Random(8)
    first = {lid: sample.answers(X, rng) for lid in ("L001", "L002", "L003")}
    steps.grade_uploads(db, [sample.signed(db, lid, X, a, "2026-11-30T08:00:00+00:00") for lid, a in first.items()])
    steps.save_score(db, "L002", X, Q, 0.5)
    steps.save_score(db, "L003", X, Q, 1.0)
    changed = {**first["L002"], Q: "重交：选择性投入，补齐交付与服务的短板。"}
    steps.grade_uploads(db, [sample.signed(db, "L002", X, changed, "2026-11-30T09:00:00+00:00")])

    desk = Desk(db)
    queue = desk.grade.open_question(X, Q)
    assert [(a.learner_id, a.review, a.manual_score) for a in queue.items][:2] == [("L002", True, 0.5), ("L001", False, None)]
    assert queue.items[2].learner_id == "L003"
    assert "待复核" in desk.grade.who.value and "还剩 2 份" in desk.grade.who.value
    assert "重交：选择性投入" in desk.grade.answer.value  # the new answer is the one on screen
    typed(desk, "key", "2")
    assert queue.items[0].review is False and "还剩 1 份" in desk.grade.who.value and "待复核" not in desk.grade.who.value
    again = steps.question_answers(db, X, Q)
    assert {a.learner_id: (a.manual_score, a.review) for a in again}["L002"] == (2.0, False)


def test_desk_shows_kamlab_errors_in_chinese(desk):
    desk.collect.upload.deliver([upload("a.json", b"{}")])
    assert "还没有成绩册：请先在“班级”中导入名单" in desk.collect.status.value
    desk.assign.pick.value = (X,)
    desk.assign.button.click()  # the desk's own words, not the command line's ("kamlab assign …")
    assert "还没有成绩册：请先在“班级”中导入名单" in desk.assign.status.value and "kamlab assign" not in desk.assign.status.value
    desk.roster.upload.deliver([upload("名单.csv", "学号,姓名\nL1,甲\nL1,乙\n".encode())])
    assert "重复" in desk.roster.status.value and "kamlab-error" in desk.roster.status.value
    desk.roster.upload.deliver([upload("名单.csv", "学号,姓名\nL1,甲\n".encode())])
    desk.collect.upload.deliver([upload("笔记.json", b'{"a": 1}')])  # some other JSON file
    assert "不是 kamlab 提交文件" in desk.collect.rejected.value and "生成提交文件" in desk.collect.rejected.value
    assert "schema" not in desk.collect.rejected.value


def test_two_writers_on_one_gradebook(new_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = new_db
    names = sample.roster(4)
    steps.import_roster(db, "r.csv", sample.roster_csv(names))
    steps.assign(db, [X])
    rng = random.Random(5)
    steps.grade_uploads(db, [sample.signed(db, lid, X, sample.answers(X, rng)) for lid in names])
    errors: list[BaseException] = []

    def writer(learners: list[str]) -> None:
        try:
            for n in range(8):
                for lid in learners:
                    steps.save_score(db, lid, X, Q, (n % 5) / 2)
                    steps.save_comment(db, lid, X, Q, f"第 {n} 次")
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(half,)) for half in (["L001", "L002"], ["L003", "L004"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    con = gradebook.connect(db, readonly=True)
    rows = gradebook.manual_rows(con)
    con.close()
    assert sorted(rows["learner_id"]) == ["L001", "L002", "L003", "L004"]
    assert set(rows["score"]) == {1.0} and set(rows["comment"]) == {"第 7 次"}  # the last write of each


# --- launching -----------------------------------------------------------------------


def test_loopback_by_default_and_a_secret_on_the_lan(tmp_path):
    with launch.bind("127.0.0.1", 0) as sock:
        argv = launch.command(tmp_path / "gb.sqlite", sock)
    assert "--Voila.ip=127.0.0.1" in argv and "--Voila.token=" in argv and str(launch.NOTEBOOK) in argv
    assert launch.NOTEBOOK.is_file()
    assert launch.secret("127.0.0.1") == ("", "")
    token, hashed = launch.secret("0.0.0.0")
    assert len(token) >= 24 and hashed == ""
    assert launch.secret("0.0.0.0", token="abc") == ("abc", "")
    token, hashed = launch.secret("192.168.1.5", password="classroom-2026")
    assert token == "" and hashed.startswith(("argon2:", "sha1:"))
    with pytest.raises(InputError, match="至少 8 个字符"):
        launch.secret("0.0.0.0", password="short")
    assert launch.address("0.0.0.0", 8866, "t0k") == "http://127.0.0.1:8866/?token=t0k"


def test_the_server_uses_the_offline_template_and_the_packaged_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/elsewhere")
    env = launch.environment(tmp_path / "gb.sqlite")
    assert env["KAMLAB_DESK_DB"] == str(tmp_path / "gb.sqlite")
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(launch.DATA), "/elsewhere"]
    template = launch.DATA / "voila" / "templates" / launch.TEMPLATE
    assert json.loads((template / "conf.json").read_text()) == {"base_template": "lab"}
    assert (template / "index.html.j2").read_text().count("| replace('<link rel=\"stylesheet\" href=\"https://cdn") == 2
    with launch.bind("127.0.0.1", 0) as sock:
        argv = launch.command(tmp_path / "gb.sqlite", sock)
        assert f"{launch.FD_FLAG}{sock.fileno()}" in argv and f"--port={sock.getsockname()[1]}" in argv
    assert argv[1:4] == ["-m", "kamlab.desk.launch", str(launch.NOTEBOOK)]
    assert f"--template={launch.TEMPLATE}" in argv
    cells = json.loads(launch.NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    notebook = json.loads(launch.NOTEBOOK.read_text(encoding="utf-8"))
    assert notebook["metadata"]["title"] == "KAM Lab 培训师工作台"  # the page title, not "desk"
    assert [c["cell_type"] for c in cells] == ["code"] and "desk()" in "".join(cells[0]["source"])


def test_cli_desk_refuses_a_missing_folder(tmp_path, capsys):
    from kamlab.cli import main

    assert main(["desk", "--db", str(tmp_path / "nope" / "gb.sqlite")]) == 2
    assert "所在的文件夹" in capsys.readouterr().err


def test_a_second_desk_on_the_same_port_is_one_chinese_line(tmp_path, capsys):
    from kamlab.cli import main

    with launch.bind("127.0.0.1", 0) as first:  # the first desk holds the port
        port = first.getsockname()[1]
        assert main(["desk", "--db", str(tmp_path / "gb.sqlite"), "--port", str(port)]) == 2
    out, error = capsys.readouterr()
    assert out == ""  # no address of the other desk, no English server log
    assert error.strip().count("\n") == 0
    assert f"{port} 已被占用（可能已有一个工作台在运行）" in error and f"--port {port + 1}" in error


def test_the_launcher_binds_the_port_itself_so_nothing_can_take_it_first():
    with launch.bind("127.0.0.1", 0) as sock:
        port = sock.getsockname()[1]
        assert sock.get_inheritable()  # handed to the server process as it is
        with pytest.raises(InputError, match="已被占用"):
            launch.bind("127.0.0.1", port)


# --- grading under a real class (issue 21 §2) ------------------------------------------------


@pytest.fixture
def graded(new_db, tmp_path, monkeypatch):
    """A gradebook with three learners' answers to the free-text question (2 points), on each
    back end."""
    monkeypatch.chdir(tmp_path)
    db = new_db
    steps.import_roster(db, "r.csv", sample.roster_csv({"L001": "张三", "L002": "李四", "L003": "王五"}))
    steps.assign(db, [X])
    rng = random.Random(4)
    steps.grade_uploads(db, [sample.signed(db, lid, X, sample.answers(X, rng)) for lid in ("L001", "L002", "L003")])
    return db


def stored(db, learner):
    con = gradebook.connect(db, readonly=True)
    try:
        return gradebook.manual_entry(con, learner, X, Q)
    finally:
        con.close()


def test_a_score_out_of_range_in_the_score_box_is_refused_and_the_old_score_kept(graded):
    from kamlab.desk.app import Desk

    desk = Desk(graded)
    queue = desk.grade.open_question(X, Q)
    first = queue.current.learner_id
    typed(desk, "score", "1.5")
    assert stored(graded, first).score == 1.5 and desk.grade.keys.shown["score"] == "1.5"
    typed(desk, "score", "99")
    assert "99 超出范围" in desk.grade.status.value and "得分应在 0 到 2 之间" in desk.grade.status.value
    assert stored(graded, first).score == 1.5  # not clamped to 2, not saved
    assert desk.grade.keys.shown["score"] == "1.5" and "人工" in desk.grade.keys.shown["kind"]
    typed(desk, "score", "一")
    assert "“一”不是分数" in desk.grade.status.value and stored(graded, first).score == 1.5
    assert queue.index == 0  # the 得分 box never moves on


def test_keyboard_commands_typed_ahead_are_each_handled_once_in_order(graded):
    from kamlab.desk.app import Desk

    desk = Desk(graded)
    queue = desk.grade.open_question(X, Q)
    order = [a.learner_id for a in queue.items]
    assert desk.grade.keys.focus["target"] == "keys"
    for text in ("1.5", "0.5", "2"):
        typed(desk, "key", text)
    assert [stored(graded, lid).score for lid in order] == [1.5, 0.5, 2.0]
    typed(desk, "key", "c")
    assert desk.grade.keys.focus["target"] == "comment"
    typed(desk, "key", "1", final=True)  # typed without Enter as the page went: saved, nothing moves
    assert stored(graded, order[2]).score == 1.0 and queue.index == 2
    typed(desk, "key", "n", final=True)  # a letter left in the box does nothing
    assert queue.index == 2


def test_two_graders_on_one_answer_the_later_writer_is_told_before_overwriting(graded):
    from kamlab.desk.app import Desk

    a, b = Desk(graded), Desk(graded)
    qa, qb = a.grade.open_question(X, Q), b.grade.open_question(X, Q)
    lid = qa.current.learner_id
    assert qb.current.learner_id == lid  # the same answer on both screens
    typed(a, "score", "2")  # grader A
    typed(b, "score", "1.5")  # grader B, who still sees no manual score
    assert stored(graded, lid).score == 2.0  # B's score did not silently replace A's
    message = b.grade.status.value
    assert "这份回答的分数在你打开之后已被另一位评分人改过（现为 2 分" in message
    assert "你输入的 1.5 分未保存，再输入一次即覆盖" in message
    assert b.grade.keys.shown["score"] == "2"  # B's screen now shows A's score
    typed(b, "score", "1.5")  # B means it: overwrite
    assert stored(graded, lid).score == 1.5 and "kamlab-error" not in b.grade.status.value

    typed(a, "comment", "思路清楚")
    typed(b, "comment", "论据")  # B started a comment on the old (empty) one
    assert stored(graded, lid).comment == "思路清楚"
    assert "评语“思路清楚”" in b.grade.status.value and "你的评语未保存（仍在框中），继续输入即覆盖" in b.grade.status.value
    typed(b, "comment", "论据不足")
    assert stored(graded, lid).comment == "论据不足"

    typed(a, "key", "n")
    typed(a, "key", "p")  # back on the answer: A's screen shows what B saved
    assert a.grade.keys.shown["score"] == "1.5" and a.grade.keys.shown["comment"] == "论据不足"


def test_a_score_typed_without_enter_is_saved_when_the_page_goes(graded):
    from kamlab.desk.app import Desk

    desk = Desk(graded)
    queue = desk.grade.open_question(X, Q)
    first = queue.current.learner_id
    for text in ("1", "1.", "1.5"):  # keystrokes in the shortcut box, no Enter
        typed(desk, "draft", text)
    assert stored(graded, first) is None  # nothing saved while typing
    assert desk.grade.commit_pending() is True  # the kernel is shut down with its page
    assert stored(graded, first).score == 1.5 and queue.index == 0
    typed(desk, "draft", "f")
    assert desk.grade.commit_pending() is False  # a letter is not a score
    typed(desk, "draft", "2")
    typed(desk, "key", "2")  # Enter settles it: nothing left to save on exit
    assert desk.grade.pending is None and desk.grade.commit_pending() is False


# --- class, packs and dates in the desk (issue 21 §3) ------------------------------------------


def test_the_desk_removes_and_restores_learners_sets_a_due_date_and_hands_out_one_pack_each(desk, tmp_path):
    db = tmp_path / "gradebook.sqlite"
    names = {"L001": "张三", "L002": "李四", "L003": "王五"}
    footer = sample.roster_csv(names, "gbk") + "合计,3 人\r\n".encode("gbk")
    desk.roster.upload.deliver([upload("名单.csv", footer)])
    assert "已导入名单“名单.csv”：3 名学员" in desk.roster.status.value and "合计" in desk.roster.status.value

    desk.assign.pick.value = (X,)
    desk.assign.due.value = "2026-01-05 18:00"  # long past: every submission below is late
    desk.assign.penalty.value = ""
    desk.assign.button.click()
    assert "截止 2026-01-05 18:00" in desk.assign.status.value
    packs = dict(re.findall(r"href='data:application/zip;base64,([^']+)' download='([^']+)'", desk.assign.packs.value))
    by_name = {name: base64.b64decode(data) for data, name in packs.items()}
    assert sorted(by_name) == ["L001-张三.zip", "L002-李四.zip", "L003-王五.zip"]
    with zipfile.ZipFile(io.BytesIO(by_name["L002-李四.zip"])) as archive:
        inside = archive.namelist()
        pack = json.loads(archive.read("L002-李四/assignment.json"))
    assert "L002-李四/学员须知.html" in inside and f"L002-李四/{X}.ipynb" in inside
    assert pack["learner"] == "L002" and not any("L001" in n or "L003" in n or "roster" in n for n in inside)
    assert "仅培训师留存" in desk.assign.link.value and "全班练习包（仅培训师）.zip" in desk.assign.link.value

    rng = random.Random(6)
    desk.collect.upload.deliver([upload(*sample.signed(db, lid, X, sample.answers(X, rng))) for lid in names])
    assert "已评分 3 份" in desk.collect.status.value
    assert "迟交 3 份" in desk.collect.late.value and "迟交 " in desk.collect.late.value

    desk.roster.learner.value = "L003"
    desk.roster.remove_button.click()
    assert "已移除 L003 王五" in desk.roster.status.value
    assert "在班 2 名学员，已移除 1 名" in desk.roster.table.value and "已移除" in desk.roster.table.value
    queue = desk.grade.open_question(X, Q)
    assert sorted(a.learner_id for a in queue.items) == ["L001", "L002"]  # hidden from grading
    assert all(a.late.startswith("迟交") for a in queue.items)
    assert "class='kamlab-late'" in desk.grade.who.value and "迟交" in desk.grade.who.value
    desk.roster.learner.value = "L003"
    desk.roster.restore_button.click()
    assert "已恢复 L003 王五" in desk.roster.status.value and "在班 3 名学员" in desk.roster.table.value
    desk.roster.learner.value = "L009"
    desk.roster.remove_button.click()
    assert "“L009”不在名单中（全部学员见下表" in desk.roster.status.value and "kamlab-error" in desk.roster.status.value

    desk.report.button.click()
    page = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert "“4. 批改”中逐题评阅" in page and "kamlab review" not in page  # desk actions, not commands
