"""Browser tests of the built site (Playwright for Python driving Debian's Chromium).

They run only when `KAMLAB_SITE` names a built site (`make browser` sets it to `_build/html`);
the plain unit run (`pytest tests`) skips them. When `KAMLAB_SITE` is set, a missing site,
Playwright or Chromium is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "web"))

from sitetools import CHROMIUM, CHROMIUM_FLAGS, serve  # noqa: E402

SITE = os.environ.get("KAMLAB_SITE")
SHOTS = Path(os.environ.get("KAMLAB_SCREENSHOTS", ROOT / "_build" / "screenshots"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives headless Chromium against the built site")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="browser tests: set KAMLAB_SITE=_build/html (make browser)")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            if not SITE:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def site() -> Path:
    path = Path(SITE).resolve()
    assert (path / "index.html").is_file(), f"no built site at {path}: run the book build first"
    return path


@pytest.fixture(scope="session")
def base_url(site: Path):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: make browser-deps"
    # Never `playwright install`: Playwright drives Debian's Chromium; each context is a fresh,
    # in-memory profile.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


_FIGURES: dict[str, dict] = {}


@pytest.fixture(scope="session")
def figures() -> dict[str, dict]:
    """Per-page figures the tests measure; printed at the end and saved to figures.json."""
    return _FIGURES


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Under pytest-xdist each worker measures its own pages: hand them to the controller by file."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker and _FIGURES:
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / f"figures-{worker}.json").write_text(json.dumps(_FIGURES, ensure_ascii=False))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    for part in sorted(SHOTS.glob("figures-gw*.json")):
        _FIGURES.update(json.loads(part.read_text(encoding="utf-8")))
        part.unlink()
    if not _FIGURES:
        return
    tr = terminalreporter
    tr.section("KAM Lab site figures (per page: HTML + its images; first contentful paint)")
    tr.write_line(
        f"{'page':<28}{'HTML KB':>9}{'img KB':>9}{'imgs':>6}{'total KB':>10}{'FCP ms':>8}{'load s':>8}"
    )
    for page, f in sorted(_FIGURES.items()):
        tr.write_line(
            f"{page:<28}{f['html_kb']:>9}{f['images_kb']:>9}{f['images']:>6}{f['total_kb']:>10}"
            f"{f['first_contentful_paint_ms'] or '-':>8}{f['load_s']:>8}"
        )
    heaviest = max(_FIGURES.values(), key=lambda f: f["total_kb"])
    tr.write_line(f"heaviest page: {heaviest['total_kb']} KB (limit 1536 KB)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "figures.json").write_text(json.dumps(_FIGURES, ensure_ascii=False, indent=1))
