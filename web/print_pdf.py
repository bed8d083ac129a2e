"""Print every page of the built book to PDF with headless Chromium (`make pdf`).

    python web/print_pdf.py [--site _build/html] [--out _build/pdf] [docname ...]

The site is served on 127.0.0.1 while Chromium prints each page (`--print-to-pdf`, no header or
footer); the theme's print style hides the sidebars. Each PDF is checked for an embedded CJK font
(the page text must not fall back to boxes). Works offline.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitetools import CHROMIUM, CHROMIUM_FLAGS, ROOT, html_path, serve, toc_pages

CJK_FONT = re.compile(r"CJK|WenQuanYi|Hei|Song|Ming|Kai|SourceHan|Fallback", re.IGNORECASE)


def pdf_name(docname: str) -> str:
    return f"{Path(docname).name}.pdf"


def print_page(url: str, out: Path, timeout: float = 120) -> Path:
    """One page to one PDF. Widgets get a few seconds of virtual time to draw their first state."""
    with tempfile.TemporaryDirectory(prefix="kamlab-chromium-") as profile:
        cmd = [
            CHROMIUM,
            "--headless",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--virtual-time-budget=8000",
            f"--print-to-pdf={out}",
            url,
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
    if not out.is_file() or out.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF for {url}")
    return out


def embedded_fonts(pdf: Path) -> list[str]:
    """Names of the fonts embedded in a PDF (pdffonts when installed, else the PDF's own bytes)."""
    if shutil.which("pdffonts"):
        lines = subprocess.run(
            ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        # columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right
        return [ln.split()[0] for ln in lines if ln.split() and ln.split()[-5] == "yes"]
    data = pdf.read_bytes()
    # embedded font programs are referenced from a FontDescriptor with /FontFile, /FontFile2 or 3
    if not re.search(rb"/FontFile[23]?\b", data):
        return []
    return sorted({m.decode("latin-1") for m in re.findall(rb"/FontName\s*/([^\s/<>\[\]]+)", data)})


def has_cjk_font(pdf: Path) -> bool:
    return any(CJK_FONT.search(name) for name in embedded_fonts(pdf))


def print_site(site: Path, out_dir: Path, docnames: list[str], jobs: int = 2) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with serve(site) as base_url, ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(print_page, base_url + html_path(d), out_dir / pdf_name(d))
            for d in docnames
        ]
        return [f.result() for f in futures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf")
    parser.add_argument(
        "docnames", nargs="*", help="pages to print (default: every page in _toc.yml)"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site at {args.site}: build the book first", file=sys.stderr)
        return 1
    docnames = args.docnames or toc_pages()
    started = time.perf_counter()
    pdfs = print_site(args.site, args.out, docnames)
    bad = [p for p in pdfs if not has_cjk_font(p)]
    for pdf in pdfs:
        print(
            f"{pdf.relative_to(Path.cwd()) if pdf.is_relative_to(Path.cwd()) else pdf}"
            f"  {pdf.stat().st_size / 1024:.0f} KB"
        )
    print(f"{len(pdfs)} PDF(s) in {time.perf_counter() - started:.1f} s → {args.out}")
    if bad:
        print(f"no embedded CJK font in: {[p.name for p in bad]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
