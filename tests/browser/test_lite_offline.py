"""JupyterLite with its runtime unreachable says so in Chinese within 20 s (issue 18 §3).

The notice script that web/build_lite.py puts into every JupyterLite page, on a page whose
Pyodide URL cannot be reached (a closed local port: what an offline browser meets).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "web"))

from build_lite import add_offline_notice  # noqa: E402
from servers import free_port  # noqa: E402
from sitetools import serve  # noqa: E402


def test_an_unreachable_runtime_is_told_in_chinese_within_20_seconds(browser, tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "index.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'></head><body><p>JupyterLite</p></body></html>", "utf-8")
    add_offline_notice(tmp_path, f"http://127.0.0.1:{free_port()}/pyodide/pyodide.mjs")  # nothing listens there
    with serve(tmp_path) as url:
        page = browser.new_page()
        started = time.monotonic()
        page.goto(url + "notebooks/index.html")
        notice = page.locator("#kamlab-lite-offline")
        notice.wait_for(timeout=20_000)
        assert time.monotonic() - started < 20
        text = notice.inner_text()
        page.close()
    assert "浏览器中的 Python 无法启动" in text and "班级服务器" in text and "JupyterLab" in text
