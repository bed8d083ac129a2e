"""The published book in a real browser: pages, links, Chinese text, search, widgets offline.

Pages come from `_toc.yml` (the book grows while these tests stay the same). Every page is opened
with the network to every host but 127.0.0.1 blocked, so anything the site would fetch from a CDN
shows up as a failure. Figures (page weight, time to first render) are printed at the end of the
run and written to `_build/screenshots/figures.json`.
"""

from __future__ import annotations

import json
import re
import time
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitetools import ROOT, html_path, toc_pages

PAGES = toc_pages()
CHAPTERS = PAGES[1:]
WEIGHT_LIMIT = 1.5 * 1024 * 1024  # bytes: HTML + its images, per page (issue 7)
CJK = re.compile(r"[\u4e00-\u9fff]")


class PageLog:
    """What went wrong while a page loaded: console errors, page errors, failed or blocked requests."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []

    def problems(self) -> list[str]:
        return self.errors + [f"blocked external request: {u}" for u in self.blocked]


def open_page(browser, base_url: str, path: str, *, width: int = 1280):
    """Open a site page offline; return (context, page, log). Close the context when done."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    log = PageLog()

    def route(r):
        if r.request.url.startswith(base_url) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and log.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: log.errors.append(f"page error: {e}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and log.errors.append(f"HTTP {r.status}: {r.url}"),
    )
    page.on(
        "requestfailed",
        lambda r: r.url.startswith(base_url) and log.errors.append(f"failed: {r.url} {r.failure}"),
    )
    page.goto(base_url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, log


@cache
def _ids(file: Path) -> frozenset[str]:
    return frozenset(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))


def broken_links(site: Path, base_url: str, page_path: str, hrefs: list[str]) -> list[str]:
    """Internal links whose file (or #anchor) is missing in the built site."""
    broken = []
    for href in hrefs:
        if not href.startswith(base_url):
            continue
        parts = urlsplit(href)
        rel = unquote(parts.path)[1:]
        target = site / rel
        if not rel or rel.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{page_path} → {href} (no file)")
        elif parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in _ids(target):
                broken.append(f"{page_path} → {href} (no anchor)")
    return broken


def test_toc_pages_are_built(site: Path):
    missing = [p for p in PAGES if not (site / html_path(p)).is_file()]
    assert PAGES[0].endswith("intro") and CHAPTERS, f"_toc.yml lists no chapter: {PAGES}"
    assert not missing, f"pages in _toc.yml missing from the site: {missing}"


@pytest.mark.parametrize("docname", PAGES)
def test_page_loads_cleanly(browser, site: Path, base_url: str, figures: dict, docname: str):
    path = html_path(docname)
    started = time.perf_counter()
    context, page, log = open_page(browser, base_url, path)
    try:
        load_s = time.perf_counter() - started
        fcp = page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"
        )
        title = page.locator("main h1").first.inner_text()
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        images = page.eval_on_selector_all(
            "main img",
            # hidden images (e.g. a calculator's empty chart slot) are not shown, so not checked
            "els => els.filter(i => i.checkVisibility())"
            ".map(i => ({src: i.currentSrc || i.src, w: i.naturalWidth}))",
        )
        body_text = page.locator("main").inner_text()
    finally:
        context.close()

    # weight: the page's HTML plus the image files it shows (the shared theme/JS is cached)
    html_bytes = (site / path).stat().st_size
    image_files = {
        site / unquote(urlsplit(i["src"]).path)[1:] for i in images if i["src"].startswith(base_url)
    }
    image_bytes = sum(f.stat().st_size for f in image_files if f.is_file())
    figures[docname] = {
        "html_kb": round(html_bytes / 1024, 1),
        "images_kb": round(image_bytes / 1024, 1),
        "images": len(image_files),
        "total_kb": round((html_bytes + image_bytes) / 1024, 1),
        "first_contentful_paint_ms": round(fcp) if fcp else None,
        "load_s": round(load_s, 2),
    }

    assert not log.problems(), f"{path}:\n" + "\n".join(log.problems())
    assert CJK.search(title) and len(CJK.findall(body_text)) > 10, f"{path}: no Chinese text"
    assert fcp is not None, f"{path}: the page never painted"
    blank = [i["src"] for i in images if i["w"] == 0]
    assert not blank, f"{path}: images that did not load: {blank}"
    assert not broken_links(site, base_url, path, hrefs), broken_links(site, base_url, path, hrefs)
    assert html_bytes + image_bytes <= WEIGHT_LIMIT, f"{path}: {figures[docname]}"


# Draws two Chinese characters and a private-use code point (which no font has: the "tofu" box)
# in the element's own font family; Chinese renders if the two characters differ from each other
# and from the box.
_GLYPH_CHECK = """el => {
  const family = getComputedStyle(el).fontFamily;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const g = canvas.getContext("2d", {willReadFrequently: true});
  const draw = ch => {
    g.clearRect(0, 0, 64, 64);
    g.font = "48px " + family;
    g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(",");
  };
  const [a, b, box] = [draw("吸"), draw("引"), draw("\\ue000")];
  return {family, inked: a !== draw(" "), distinct: a !== b, notTofu: a !== box && b !== box};
}"""


def _built(site: Path) -> list[str]:
    """Chapters of _toc.yml that are in the site (test_toc_pages_are_built reports the others)."""
    return [d for d in CHAPTERS if (site / html_path(d)).is_file()]


def _chapter_with_images(site: Path) -> str:
    for docname in _built(site):
        if "<img" in (site / html_path(docname)).read_text(encoding="utf-8"):
            return docname
    pytest.fail("no chapter page shows a chart image")


def test_chinese_renders_with_a_cjk_font(browser, site: Path, base_url: str, shots: Path):
    """Intro and a chapter with charts: Chinese glyphs drawn (not boxes); screenshots kept."""
    for docname, name in [(PAGES[0], "intro"), (_chapter_with_images(site), "chapter")]:
        context, page, log = open_page(browser, base_url, html_path(docname))
        try:
            glyphs = page.locator("main h1").first.evaluate(_GLYPH_CHECK)
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
            charts = page.eval_on_selector_all(
                "main img", "els => els.filter(i => i.naturalWidth > 100).length"
            )
        finally:
            context.close()
        assert not log.problems(), log.problems()
        assert glyphs["inked"] and glyphs["distinct"] and glyphs["notTofu"], f"{docname}: {glyphs}"
        if name == "chapter":
            assert charts >= 1, f"{docname}: no chart image rendered"


def test_search_finds_chinese_term(browser, base_url: str):
    context, page, log = open_page(browser, base_url, "search.html?q=吸引力")
    try:
        results = page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=15_000)
        found = results.count()
        hits = page.locator("#search-results").inner_text()
    finally:
        context.close()
    assert not log.problems(), log.problems()
    assert found >= 1 and "吸引力" in hits, hits


def _chapter_with_widgets(site: Path) -> str:
    marker = "application/vnd.jupyter.widget-state+json"
    with_widgets = [
        d for d in _built(site) if marker in (site / html_path(d)).read_text(encoding="utf-8")
    ]
    assert with_widgets, "no chapter page embeds widget state"
    return "book/wang-01" if "book/wang-01" in with_widgets else with_widgets[0]


def test_static_widget_views_render_offline(browser, site: Path, base_url: str, shots: Path):
    """With every host but 127.0.0.1 blocked, the first state of each widget shows, chart included."""
    docname = _chapter_with_widgets(site)
    context, page, log = open_page(browser, base_url, html_path(docname))
    try:
        views = page.locator(".widget-subarea > .jupyter-widgets")
        views.first.wait_for(state="visible", timeout=20_000)
        n_views = page.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
        boxes = [views.nth(i).bounding_box() for i in range(views.count())]
        chart = page.eval_on_selector_all(
            ".widget-image img, img.widget-image",
            "els => els.filter(i => i.checkVisibility()).map(i => [i.naturalWidth, i.naturalHeight])",
        )
        labels = page.locator(".widget-subarea").first.inner_text()
        page.locator(".cell_output:has(.widget-subarea)").first.screenshot(
            path=str(shots / "widget.png")
        )
    finally:
        context.close()
    assert not log.problems(), log.problems()
    assert len(boxes) >= n_views >= 1, f"{docname}: {len(boxes)} widget views for {n_views} outputs"
    assert all(b and b["height"] > 20 and b["width"] > 100 for b in boxes), boxes
    assert chart and all(w > 100 and h > 100 for w, h in chart), f"{docname}: widget chart {chart}"
    assert CJK.search(labels), f"{docname}: widget shows no Chinese label"


def test_chapter_prints_to_pdf_with_chinese_font(site: Path, tmp_path: Path):
    """`make pdf` route on one chapter: Chromium's print embeds a CJK font."""
    from print_pdf import embedded_fonts, has_cjk_font, print_site

    docname = _chapter_with_images(site)
    (pdf,) = print_site(site, tmp_path, [docname], jobs=1)
    assert pdf.read_bytes().startswith(b"%PDF"), pdf
    assert has_cjk_font(pdf), f"{docname}: embedded fonts {embedded_fonts(pdf)}"


LITE_LINK = re.compile(r'href="([^"]*lite/notebooks/index\.html\?path=([^"&]+))"')


def test_chapters_open_in_jupyterlite(site: Path):
    """Each notebook chapter links to its notebook in the JupyterLite shipped with the site."""
    lite = site / "lite"
    assert (lite / "notebooks" / "index.html").is_file(), "no JupyterLite in the site: make lite"
    wheels = json.loads((lite / "pypi" / "all.json").read_text(encoding="utf-8"))
    assert "kamlab" in wheels, f"kamlab wheel not in the JupyterLite index: {list(wheels)}"
    chapters = [d for d in _built(site) if (ROOT / f"{d}.ipynb").is_file()]
    assert chapters, "no notebook chapter built"
    for docname in chapters:
        page = site / html_path(docname)
        links = LITE_LINK.findall(page.read_text(encoding="utf-8"))
        assert links, f"{docname}: no JupyterLite entry point"
        for href, nb_path in links:
            app = (page.parent / href.split("?")[0]).resolve()
            assert app == (lite / "notebooks" / "index.html").resolve(), f"{docname}: {href}"
            notebook = lite / "files" / unquote(nb_path)
            assert notebook.is_file(), f"{docname}: {href} → {notebook} missing"
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            assert "%pip install -q kamlab" in "".join(cells[0]["source"]), notebook
