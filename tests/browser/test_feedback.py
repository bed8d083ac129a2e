"""A learner's feedback page rendered in Chromium: Chinese labels, no raw JSON, the
four-quadrant card, readable on a 390 px phone without sideways scrolling, and printable;
the class report on a phone with ids and percentages whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sitetools import serve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "grading"))
from gradingkit import CANVAS, make_db, put, signed  # noqa: E402

from kamlab.grading import grade, write_feedback, write_report  # noqa: E402
from kamlab.grading.names import file_stem  # noqa: E402

PROPOSITION = {"account": "北方重卡", "q1": [{"指标": "保修故障率", "现状": "2.0", "目标": "0.8", "单位": "%", "年价值": "900000"}],
               "q2": "驻厂工程师\n季度技术交流", "q3": "三年框架协议", "q4": [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feedback")
    db = make_db(folder)
    files = [put(folder, signed("L001"), "q.json"),
             put(folder, signed("L001", {"proposition": PROPOSITION}, exercise="wang-01-proposition"), "p.json"),
             put(folder, signed("L001", {"canvas": {"who": "海川石化，战略型客户"}, "weakest": "高层"}, exercise=CANVAS),
                 "c.json")]
    assert all(r.accepted for r in grade(files, db=db))
    write_feedback(db=db, out=folder / "fb")
    write_report(db=db, out=folder / "rep")
    with serve(folder) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 390])
def test_feedback_page_reads_as_a_page_not_as_data(browser, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(pages + f"fb/{file_stem('L001')}.html")
    text = page.inner_text("body")
    assert "练习反馈：张三（L001）" in text and "华东重工的吸引力得分" in text
    assert "第一象限：量化的功能与经济价值" in text and "驻厂工程师" in text
    assert "客户与类型" in text and "自动初评" in text and "命中要点" not in text  # no keyword checklist for learners
    assert '{"' not in text and '"q1"' not in text and "attractiveness" not in text  # no JSON, no ids
    quadrants = page.locator(".quadrant").all()
    assert len(quadrants) == 4
    boxes = [q.bounding_box() for q in quadrants]
    if width == 390:  # one column on a phone, nothing wider than the screen
        assert len({round(b["x"]) for b in boxes}) == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    else:  # a 2 × 2 card on a desktop
        assert len({round(b["x"]) for b in boxes}) == 2 and len({round(b["y"]) for b in boxes}) == 2
    assert errors == []  # the page is self-contained (no favicon request, no external file)
    pdf = page.pdf(format="A4") if width == 1280 else b"%PDF"
    assert pdf.startswith(b"%PDF")
    context.close()


def test_report_on_a_phone_keeps_ids_and_percentages_whole(browser, pages):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(pages + "rep/report.html")
    # Each id or percentage cell (L001, 100.0% …) on one line: it was broken as "L00/1", "100/.0%".
    lines = page.evaluate("""() => [...document.querySelectorAll('td')]
        .filter(td => /^(L00\\d|\\d+\\.\\d%)$/.test(td.textContent))
        .map(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; })""")
    assert len(lines) >= 10 and set(lines) == {1}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # wide tables scroll inside their box
    context.close()
