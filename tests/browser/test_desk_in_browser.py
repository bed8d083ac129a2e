"""The trainer's desk in a real browser: one Voilà server on a free loopback port, one class
run through all six sections (GBK roster, packs, three uploads with one forged, two free-text
answers graded by keyboard, names revealed, feedback and report downloaded), then the
gradebook and the downloaded files checked. Every request to a host other than 127.0.0.1 is
blocked and fails the test. Screenshots: ``_build/screenshots/desk-<n>-<section>.png``.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from kamlab.desk import launch, sample
from kamlab.grading import gradebook

X, Q, P = "wang-01-quantify", "strategy", "wang-01-proposition"
NAMES = {"L001": "张三", "L002": "李四", "L003": "王五"}


@pytest.fixture(scope="module")
def desk_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desk")
    db = folder / "gradebook.sqlite"
    process, port = launch.start(db, folder / "server.log")
    try:
        launch.wait_until_up(port, timeout=90)
        yield f"http://127.0.0.1:{port}/", db
    finally:
        launch.stop(process)


def test_a_class_runs_through_the_desk(browser, desk_server, shots: Path, tmp_path: Path):
    from playwright.sync_api import expect

    url, db = desk_server
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.set_default_timeout(60_000)
    expect.set_options(timeout=60_000)
    page.goto(url)
    expect(page.locator(".lm-TabBar-tab")).to_have_count(6)

    def section(n: int, title: str) -> None:
        page.locator(".lm-TabBar-tab", has_text=f"{n}. {title}").click()

    def upload(button: str, files: list[tuple[str, bytes, str]]) -> None:
        with page.expect_file_chooser() as chooser:
            page.locator("button.widget-upload:visible", has_text=button).click()
        chooser.value.set_files([{"name": n, "mimeType": m, "buffer": d} for n, d, m in files])

    def download(link: str) -> bytes:
        with page.expect_download() as info:
            page.locator("a.kamlab-download:visible", has_text=link).click()
        return Path(info.value.path()).read_bytes()

    # 1. 班级: a roster saved by Excel on Chinese Windows (GBK)
    upload("导入名单", [("名单.csv", sample.roster_csv(NAMES, "gbk"), "text/csv")])
    expect(page.locator(".kamlab-ok:visible")).to_contain_text("已导入名单“名单.csv”：3 名学员")
    expect(page.locator(".kamlab-desk-table:visible")).to_contain_text("王五")
    page.screenshot(path=str(shots / "desk-1-class.png"), full_page=True)

    # 2. 布置: one exercise, a folder per learner, downloaded as one zip
    section(2, "布置")
    page.locator("select[multiple]:visible").select_option(
        label=["wang-01 · 针对一个标杆大客户进行定量计算", "wang-01 · 设计一个大客户四象限价值主张"])
    page.locator("button:visible", has_text="生成学员包").click()
    packs = zipfile.ZipFile(io.BytesIO(download("下载学员练习包")))
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
    rejected = page.locator(".kamlab-desk-table:visible")
    expect(rejected).to_contain_text(forged_name)
    expect(rejected).to_contain_text("签名不符")
    page.screenshot(path=str(shots / "desk-3-collect.png"), full_page=True)

    # 4. 批改: the free-text question, two answers, keyboard only, names hidden then revealed
    section(4, "批改")
    page.locator("select:visible").first.select_option(label="wang-01 · 针对一个标杆大客户进行定量计算")
    expect(page.locator("select:visible").nth(1)).to_have_value("✎ 把两种视角合起来，对华东重工的策略建议（2 分）")
    page.locator("button:visible", has_text="开始批改").click()
    who = page.locator(".kamlab-who")
    expect(who).to_contain_text("学员 #")
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

    # 5. 反馈: pages without model answers, downloaded as one zip
    section(5, "反馈")
    page.locator("label:visible", has_text="在反馈中显示参考答案").click()
    page.locator("button:visible", has_text="生成全部反馈").click()
    feedback = zipfile.ZipFile(io.BytesIO(download("下载全部反馈")))
    pages = [n for n in feedback.namelist() if n.endswith(".html")]
    assert len(pages) == 4 and "feedback/index.html" in pages  # a page per learner and the list of who is who
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
    assert blocked == [] and errors == []


def test_on_the_lan_the_desk_asks_for_its_token(tmp_path: Path):
    """``--host`` other than 127.0.0.1: without the printed token the page is a login redirect."""
    import urllib.error
    import urllib.request

    db = tmp_path / "gradebook.sqlite"
    token, hashed = launch.secret("127.0.0.2")
    assert token and not hashed
    process, port = launch.start(db, tmp_path / "server.log", host="127.0.0.2", token=token)
    try:
        launch.wait_until_up(port, timeout=90, host="127.0.0.2")

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(Stay)
        for query in ("", "?token=wrong"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                opener.open(f"http://127.0.0.2:{port}/{query}", timeout=60)
            assert refused.value.code == 302 and refused.value.headers["Location"].startswith("/login")
        with opener.open(f"http://127.0.0.2:{port}/?token={token}", timeout=90) as page:
            assert page.status == 200 and "application/vnd.jupyter.widget-view+json" in page.read().decode("utf-8")
    finally:
        launch.stop(process)
