"""Helpers for the published site: its pages (from `_toc.yml`), a local server, headless Chromium.

Used by the browser tests (`tests/browser/`) and by `web/print_pdf.py` (`make pdf`).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

#: Debian's Chromium (never a browser downloaded by Playwright).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

#: Flags that work as root, headless, with no network (see the ecosystem notes).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def toc_pages(root: Path = ROOT) -> list[str]:
    """Docnames of the book in reading order: the root page, then every chapter and section."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            for key in ("parts", "chapters", "sections"):
                walk(entry.get(key, []))

    walk(toc.get("parts", []))
    walk(toc.get("chapters", []))
    return [
        str(Path(p).with_suffix("")) if Path(p).suffix in {".md", ".ipynb"} else p for p in pages
    ]


def html_path(docname: str) -> str:
    """Site-relative path of a page's HTML."""
    return f"{docname}.html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


# Python's table lacks a few types JupyterLite serves.
_QuietHandler.extensions_map.update({".wasm": "application/wasm", ".mjs": "text/javascript"})


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for the duration of the block; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
