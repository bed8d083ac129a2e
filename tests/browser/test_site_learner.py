"""The static site as a learner meets it on a phone and in dark mode (issue 18 §3).

Seen on main: each static calculator looked live but did nothing; at 390 px the account grid
scrolled the whole page sideways with names cut off and the back-to-top button covered a table;
dark mode turned the calculator into a grey block; a search for 卡拉杰克 or 留存率 found nothing.
"""

from __future__ import annotations

from sitetools import html_path
from test_site import open_page

CHAPTER = "book/wang-01"


def test_each_static_calculator_says_it_is_the_example_and_how_to_compute(browser, base_url):
    context, page, log = open_page(browser, base_url, html_path(CHAPTER))
    try:
        hints = page.locator(".kamlab-hint")
        hints.first.wait_for(timeout=20_000)
        said = page.evaluate("() => Array.from(document.querySelectorAll('.kamlab-hint')).map("
                             "h => getComputedStyle(h, '::after').content)")
        lab_line_shown = page.locator(".kamlab-hint-lab").first.is_visible()
    finally:
        context.close()
    assert len(said) >= 4 and all("这里显示的是本书的示例数据" in s and "JupyterLite" in s for s in said), said
    assert not lab_line_shown  # JupyterLab's "what to click" line is not for the static page
    assert not log.problems(), log.problems()


def test_a_phone_sees_whole_names_and_no_sideways_page(browser, base_url):
    context, page, log = open_page(browser, base_url, html_path(CHAPTER), width=390)
    try:
        page.locator(".kamlab-grid").first.wait_for(timeout=20_000)
        page_width = page.evaluate("() => document.documentElement.scrollWidth")
        names = page.evaluate("""() => Array.from(document.querySelectorAll('.kamlab-grid .kamlab-name-cell input'))
            .slice(0, 6).map(i => { const r = i.getBoundingClientRect(); return [r.left, r.right, r.width]; })""")
        back_to_top = page.evaluate("() => { const b = document.querySelector('#pst-back-to-top');"
                                    " return b ? getComputedStyle(b).display : 'none'; }")
    finally:
        context.close()
    assert page_width <= 392, page_width  # the grid scrolls inside itself, not the page
    assert names and all(left >= 0 and right <= 390 and width >= 100 for left, right, width in names), names
    assert back_to_top == "none"


def test_dark_mode_keeps_the_calculator_readable(browser, base_url):
    context, page, log = open_page(browser, base_url, html_path(CHAPTER))
    try:
        page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
        area = page.locator(".cell_output .widget-subarea").first
        area.wait_for(timeout=20_000)
        colours = area.evaluate("a => [getComputedStyle(a).backgroundColor, getComputedStyle(a).color]")
    finally:
        context.close()
    assert colours == ["rgb(255, 255, 255)", "rgb(31, 35, 40)"], colours


def test_search_finds_tools_by_chinese_and_english_names(site):
    import json
    import re

    index = (site / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(re.search(r"Search\.setIndex\((\{.*\})\)", index, re.S).group(1))["terms"]
    assert {"卡拉杰克", "留存率", "kraljic"} <= set(terms)
