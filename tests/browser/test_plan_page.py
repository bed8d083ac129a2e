"""The closing chapter renders in the static site: the example plan and its download links, and instead
of an export button that could do nothing without a kernel (issue 18 §3), a line saying where to export."""

from __future__ import annotations

from pathlib import Path

from sitetools import html_path
from test_site import open_page


def test_plan_chapter_renders_the_example_plan(browser, site: Path, base_url: str):
    assert (site / html_path("book/plan")).is_file(), "book/plan is not in the built site (_toc.yml)"
    context, page, log = open_page(browser, base_url, html_path("book/plan"))
    try:
        assert page.locator("main h1").first.inner_text().strip().startswith("结语")
        views = page.locator(".widget-subarea > .jupyter-widgets")
        views.first.wait_for(state="visible", timeout=20_000)
        text = page.locator("main").inner_text()
        downloads = [page.get_by_role("link", name=f"示例计划（{kind}）").first.get_attribute("href")
                     for kind in ("Word", "Excel", "Markdown")]
    finally:
        context.close()
    assert not log.problems(), log.problems()
    # the nbval-checked summary of the example company, and the widget's first state
    assert "重点客户 2 家：A 挖掘机厂、C 农机厂" in text
    # the example plan's three files are offered for download (written when the chapter is executed)
    assert [Path(h).name for h in downloads] == ["example-plan.docx", "example-plan.xlsx", "example-plan.md"]
    assert all((site / "book" / h).resolve().is_file() for h in downloads)
    assert "导出计划（Word、Excel、Markdown）" not in text  # no inert button on a page without a kernel
    assert "网页版只显示示例计划，不能导出" in text
    assert "A 挖掘机厂" in text and "学习进度" in text
