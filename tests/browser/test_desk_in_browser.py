"""The trainer's desk in a real browser: one Voilà server on a free loopback port for the
module, one class run through all six sections (GBK roster, packs, three uploads with one
forged, two free-text answers graded by keyboard, names revealed, feedback and report
downloaded; due dates, one pack per learner, a learner removed), then the gradebook and the
downloaded files checked. Then a class of 30 graded by keyboard faster than a person types, a
refused 99, the keyboard flow and what the page hands over when it closes; two graders on one
answer; kernels that go with their page (``test_desk_server.py``: the server itself). Every request to a host other than 127.0.0.1 is blocked
and fails the test. Screenshots: ``_build/screenshots/desk-<n>-<section>.png``.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest
from desk_pages import Opened, kernels, until

from kamlab.desk import launch, sample, steps
from kamlab.desk.grading_queue import GradingQueue
from kamlab.grading import gradebook

X, Q, P = "wang-01-quantify", "strategy", "wang-01-proposition"
NAMES = {"L001": "张三", "L002": "李四", "L003": "王五"}


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    db = folder / "gradebook.sqlite"
    # kernels left without a page (no unload event: a crashed tab) are culled after 8 s idle here, 60 s in
    # use (a page that is still loading has no connection yet: the idle time must outlast that gap)
    process, port = launch.start(db, folder / "server.log", cull=(8, 1))
    try:
        launch.wait_until_up(port, timeout=90)
        yield f"http://127.0.0.1:{port}/", db, process
    finally:
        launch.stop(process)


def manual(db: Path) -> dict[str, tuple[float | None, str]]:
    con = gradebook.connect(db, readonly=True)
    try:
        rows = gradebook.manual_rows(con)
    finally:
        con.close()
    return {r.learner_id: (None if r.score != r.score else r.score, r.comment) for r in rows.itertuples()}


def make_class(folder: Path, names: dict[str, str], exercise: str, seed: int) -> Path:
    """A gradebook in ``folder`` with ``names`` assigned ``exercise``, everyone's answer graded."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "gradebook.sqlite"
    steps.import_roster(db, "名单.csv", sample.roster_csv(names))
    steps.assign(db, [exercise])
    rng = random.Random(seed)
    results = steps.grade_uploads(db, [sample.signed(db, lid, exercise, sample.answers(exercise, rng)) for lid in names])
    assert all(r.accepted for r in results)
    return db


def test_a_class_runs_through_the_desk(browser, desk_server, shots: Path, tmp_path: Path):
    from playwright.sync_api import expect

    url, db, _ = desk_server
    desk = Opened(browser, url)
    page, context = desk.page, desk.context
    assert page.title() == "KAM Lab 培训师工作台"

    def section(n: int, title: str) -> None:
        page.locator(".lm-TabBar-tab", has_text=f"{n}. {title}").click()

    def upload(button: str, files: list[tuple[str, bytes, str]]) -> None:
        with page.expect_file_chooser() as chooser:
            page.locator("button.kamlab-upload:visible", has_text=button).click()
        chooser.value.set_files([{"name": n, "mimeType": m, "buffer": d} for n, d, m in files])

    def download(link: str) -> bytes:
        with page.expect_download() as info:
            page.locator("a.kamlab-download:visible", has_text=link).click()
        return Path(info.value.path()).read_bytes()

    # 1. 班级: a roster saved by Excel on Chinese Windows (GBK); the button says what it does, no "(0)"
    expect(page.locator("button.kamlab-upload:visible")).to_have_text("导入名单")
    upload("导入名单", [("名单.csv", sample.roster_csv(NAMES, "gbk"), "text/csv")])
    expect(page.locator(".kamlab-ok:visible")).to_contain_text("已导入名单“名单.csv”：3 名学员")
    expect(page.locator(".kamlab-desk-table:visible")).to_contain_text("王五")
    page.screenshot(path=str(shots / "desk-1-class.png"), full_page=True)

    # 2. 布置: two exercises due at a time already past, one zip per learner, the whole class for the trainer
    section(2, "布置")
    page.locator("select[multiple]:visible").select_option(
        label=["wang-01 · 针对一个标杆大客户进行定量计算", "wang-01 · 设计一个大客户四象限价值主张"])
    page.locator(".widget-text:has(label:text-is('截止时间')) input").fill("2026-01-05 18:00")
    page.locator("button:visible", has_text="生成学员包").click()
    expect(page.locator(".kamlab-ok:visible")).to_contain_text("截止 2026-01-05 18:00")
    expect(page.locator(".kamlab-packs a.kamlab-download")).to_have_count(3)
    mine = zipfile.ZipFile(io.BytesIO(download("L002-李四")))
    assert f"L002-李四/{X}.ipynb" in mine.namelist() and "L002-李四/学员须知.html" in mine.namelist()
    assert not any("L001" in n or "L003" in n or "roster" in n for n in mine.namelist())  # nobody else's token
    assert "2026-01-05 18:00" in mine.read("L002-李四/学员须知.html").decode("utf-8")
    packs = zipfile.ZipFile(io.BytesIO(download("下载全班文件夹")))
    assert {f"class/{lid}/{X}.ipynb" for lid in NAMES} <= set(packs.namelist())
    pack = json.loads(packs.read("class/L002/assignment.json"))
    assert pack["learner"] == "L002" and {X, P} <= set(pack["exercises"]) and pack["token"]
    page.screenshot(path=str(shots / "desk-2-assign.png"), full_page=True)

    # 3. 收取: three submissions, one edited after signing
    rng = random.Random(12)
    files = [sample.signed(db, lid, X, sample.answers(X, rng)) for lid in NAMES]
    forged_name, raw = files[2]
    forged = json.loads(raw)
    forged["answers"][Q] = "我改了答案：补齐交付短板，加大投入。"
    files[2] = (forged_name, json.dumps(forged, ensure_ascii=False).encode())
    files += [sample.signed(db, lid, P, sample.answers(P, rng)) for lid in ("L001", "L002")]
    section(3, "收取")
    upload("上传提交文件", [(n, d, "application/json") for n, d in files])
    expect(page.locator(".kamlab-error:visible")).to_contain_text("已评分 4 份，拒收 1 份")
    rejected = page.locator(".kamlab-desk-table:visible").first
    expect(rejected).to_contain_text(forged_name)
    expect(rejected).to_contain_text("签名不符")
    expect(page.locator("p:visible", has_text="迟交 4 份")).to_be_visible()  # after the due date
    page.screenshot(path=str(shots / "desk-3-collect.png"), full_page=True)

    # 4. 批改: the free-text question, two answers, keyboard only, names hidden then revealed
    section(4, "批改")
    page.locator("select:visible").first.select_option(label="wang-01 · 针对一个标杆大客户进行定量计算")
    expect(page.locator("select:visible").nth(1)).to_have_value("✎ 把两种视角合起来，对华东重工的策略建议（2 分）")
    page.locator("button:visible", has_text="开始批改").click()
    who = page.locator(".kamlab-who")
    expect(who).to_contain_text("学员 #")
    expect(page.locator(".kamlab-late")).to_contain_text("迟交")
    expect(page.locator(".kamlab-position")).to_have_text("第 1 / 2 份 · 还剩 2 份")
    assert not any(name in who.inner_text() for name in NAMES.values())
    keys = page.locator("input[placeholder^='快捷键']")
    expect(keys).to_be_focused()
    page.keyboard.type("1.5")
    page.keyboard.press("Enter")
    expect(page.locator(".kamlab-position")).to_have_text("第 2 / 2 份 · 还剩 1 份")
    page.keyboard.type("f")
    page.keyboard.press("Enter")
    expect(page.locator(".kamlab-position")).to_have_text("第 2 / 2 份 · 还剩 0 份")
    page.keyboard.type("r")
    page.keyboard.press("Enter")
    expect(who).to_contain_text("（L00")
    page.screenshot(path=str(shots / "desk-4-grade.png"), full_page=True)
    # the proposition question: each answer drawn as its four-quadrant card, the rubric beside it
    page.locator("select:visible").first.select_option(label="wang-01 · 设计一个大客户四象限价值主张")
    expect(page.locator("select:visible").nth(1)).to_have_value("✎ 北方重卡的四象限价值主张（8 分）")
    page.locator("button:visible", has_text="开始批改").click()
    expect(page.locator(".kamlab-answer .quadrant")).to_have_count(4)
    expect(page.locator(".kamlab-answer")).to_contain_text("第一象限")
    expect(page.locator(".kamlab-position")).to_have_text("第 1 / 2 份 · 还剩 2 份")
    page.screenshot(path=str(shots / "desk-4b-proposition.png"), full_page=True)

    # 1. 班级 again: 王五 leaves the class (history kept, no feedback page, off the lists)
    section(1, "班级")
    page.locator(".widget-text:has(label:text-is('学号')) input").fill("L003")
    page.locator("button:visible", has_text="移除学员").click()
    expect(page.locator(".kamlab-ok:visible")).to_contain_text("已移除 L003 王五")
    expect(page.locator(".kamlab-desk-table:visible tr", has_text="王五")).to_contain_text("已移除")

    # 5. 反馈: pages without model answers, downloaded as one zip
    section(5, "反馈")
    page.locator("label:visible", has_text="在反馈中显示参考答案").click()
    page.locator("button:visible", has_text="生成全部反馈").click()
    feedback = zipfile.ZipFile(io.BytesIO(download("下载全部反馈")))
    pages = [n for n in feedback.namelist() if n.endswith(".html")]
    assert len(pages) == 3 and "feedback/index.html" in pages  # a page per learner in the class, and who is who
    assert not any("L003" in n for n in pages)
    expect(page.frame_locator("iframe.kamlab-preview").locator("body")).to_contain_text("反馈")
    page.screenshot(path=str(shots / "desk-5-feedback.png"), full_page=True)

    # 6. 报告: the class overview in the page, Excel downloadable
    section(6, "报告")
    page.locator("button:visible", has_text="生成班级报告").click()
    expect(page.locator(".kamlab-ok:visible")).to_contain_text("已生成班级报告")
    report = page.frame_locator("iframe.kamlab-report")
    expect(report.locator("body")).to_contain_text("李四")
    assert report.locator("img").count() >= 2
    assert report.locator("img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    workbook = download("下载 Excel")
    assert workbook[:2] == b"PK"
    page.screenshot(path=str(shots / "desk-6-report.png"), full_page=True)
    context.close()

    # the gradebook: two accepted learners, the forged file nowhere, the two keyboard scores
    con = gradebook.connect(db, readonly=True)
    try:
        latest = gradebook.latest_scores(con)
        manual = gradebook.manual_rows(con)
    finally:
        con.close()
    forger = forged["learner"]
    assert sorted(latest["learner_id"].unique()) == sorted(set(NAMES) - {forger})
    assert sorted(manual.loc[manual["question_id"] == Q, "score"]) == [1.5, 2.0]
    assert set(manual["learner_id"]) == set(NAMES) - {forger}
    assert manual["exercise_id"].eq(X).all()  # opening the proposition question saved nothing
    assert sorted(p.name for p in (db.parent / "feedback").glob("*.html")) == sorted(Path(n).name for n in pages)
    assert desk.blocked == [] and desk.errors == []


PROPOSITION = ("wang-01 · 设计一个大客户四象限价值主张", "✎ 北方重卡的四象限价值主张（8 分）")
STRATEGY = ("wang-01 · 针对一个标杆大客户进行定量计算", "✎ 把两种视角合起来，对华东重工的策略建议（2 分）")


def test_a_class_of_30_graded_by_keyboard_faster_than_a_person(browser, desk_server, tmp_path: Path):
    """30 scores typed ~30 ms apart: each stored once, on its own answer, none merged ("6.5" and
    "6" → 6.56 before). Then 99 in the 得分 box, Esc/Tab back from a comment, and what was typed
    without Enter when the page closes; the page's kernel goes with it."""
    from playwright.sync_api import expect

    url, _, server = desk_server
    names = sample.roster(30)
    db = make_class(tmp_path / "class30", names, P, seed=30)
    order = [a.learner_id for a in GradingQueue(P, "proposition", steps.question_answers(db, P, "proposition")).items]
    before = kernels(server)
    desk = Opened(browser, url, db)
    page = desk.page
    mine = until(lambda: kernels(server) - before)
    assert len(mine) == 1  # this page's kernel
    desk.start_grading(*PROPOSITION)
    position = page.locator(".kamlab-position")
    expect(position).to_have_text("第 1 / 30 份 · 还剩 30 份")
    keys = page.locator("input.kamlab-shortcut")
    expect(keys).to_be_focused()

    scores = [("6.5", "6", "7", "0.5", "8", "3")[i % 6] for i in range(30)]
    page.keyboard.type("\n".join(scores) + "\n", delay=30)  # a key every 30 ms, Enter included
    expect(position).to_have_text("第 30 / 30 份 · 还剩 0 份")
    assert until(lambda: len(manual(db)) == 30)
    stored = manual(db)
    assert {lid: stored[lid][0] for lid in order} == {lid: float(s) for lid, s in zip(order, scores, strict=True)}

    # 99 in the 得分 box: refused with a message, the stored score stays in the box and the gradebook
    score = page.locator("input.kamlab-score")
    expect(score).to_have_value("3")
    score.fill("99")
    score.press("Enter")
    expect(page.locator(".kamlab-error:visible")).to_contain_text("99 超出范围")
    expect(score).to_have_value("3")
    assert manual(db)[order[-1]][0] == 3.0

    # c⏎ opens the comment; Esc and Tab come back to the shortcut box
    keys.click()
    page.keyboard.type("c\n")
    comment = page.locator("textarea.kamlab-comment")
    expect(comment).to_be_focused()
    page.keyboard.type("补齐")
    page.keyboard.press("Escape")
    expect(keys).to_be_focused()
    page.keyboard.type("c\n")
    expect(comment).to_be_focused()
    page.keyboard.type("交付")
    page.keyboard.press("Tab")
    expect(keys).to_be_focused()
    assert until(lambda: manual(db)[order[-1]][1] == "补齐交付")

    # typed without Enter, then the page goes (leaving it unloads it as closing the tab does; Playwright's
    # own page.close() skips the unload events): the comment's last characters and the score arrive
    page.keyboard.type("p\n")
    expect(position).to_have_text("第 29 / 30 份 · 还剩 0 份")
    page.keyboard.type("c\n")
    expect(comment).to_be_focused()
    page.keyboard.type("最后一句")
    page.keyboard.press("Escape")
    page.keyboard.type("5")
    assert desk.blocked == [] and desk.errors == []
    page.goto("about:blank")
    assert until(lambda: manual(db)[order[-2]] == (5.0, "最后一句"), timeout=30), manual(db)[order[-2]]
    assert until(lambda: not (kernels(server) & mine), timeout=30), "the closed page's kernel is still running"
    desk.context.close()


def test_two_graders_on_one_answer(browser, desk_server, tmp_path: Path):
    """Grader A saves 2, grader B (whose screen still shows no score) saves 1.5: B is shown A's
    score first and nothing is overwritten until B types it again. Then both tabs vanish without
    a word (no unload event, as when a browser crashes): their kernels are culled once idle
    (eight seconds on the test server)."""
    from playwright.sync_api import expect

    url, _, server = desk_server
    db = make_class(tmp_path / "two", {"L001": "张三", "L002": "李四"}, X, seed=2)
    before = kernels(server)
    a, b = Opened(browser, url, db), Opened(browser, url, db)
    assert until(lambda: len(kernels(server) - before) == 2)  # one kernel per page
    theirs = kernels(server) - before
    for desk in (a, b):
        desk.start_grading(*STRATEGY)
        expect(desk.page.locator(".kamlab-position")).to_have_text("第 1 / 2 份 · 还剩 2 份")
        expect(desk.page.locator("input.kamlab-shortcut")).to_be_focused()
    first = steps.question_answers(db, X, Q)
    lid = GradingQueue(X, Q, first).items[0].learner_id
    a.page.keyboard.type("2\n")
    expect(a.page.locator(".kamlab-position")).to_have_text("第 2 / 2 份 · 还剩 1 份")
    b.page.keyboard.type("1.5\n")
    error = b.page.locator(".kamlab-error:visible")
    expect(error).to_contain_text("已被另一位评分人改过（现为 2 分")
    expect(error).to_contain_text("你输入的 1.5 分未保存，再输入一次即覆盖")
    expect(b.page.locator("input.kamlab-score")).to_have_value("2")
    expect(b.page.locator(".kamlab-position")).to_have_text("第 1 / 2 份 · 还剩 1 份")
    assert manual(db)[lid][0] == 2.0
    b.page.keyboard.type("1.5\n")
    expect(b.page.locator(".kamlab-position")).to_have_text("第 2 / 2 份 · 还剩 1 份")
    assert manual(db)[lid][0] == 1.5
    a.close()  # Playwright tears the pages down: no beforeunload, no beacon
    b.close()
    assert until(lambda: not (kernels(server) & theirs), timeout=30), "kernels of vanished pages still running"
