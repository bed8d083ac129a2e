"""Build the JupyterLite site shipped with the book (`make lite`) into `_build/html/lite/`.

    python web/build_lite.py [--site _build/html] [--work _build/lite]

1. A pure-Python wheel of kamlab (`pip wheel --no-deps .`), served by the site at `lite/pypi/`.
2. The chapters listed in `_toc.yml` copied to `lite/files/book/` with outputs cleared and a first
   cell that installs kamlab in the browser kernel (`%pip install kamlab`, answered from the site's
   own wheel index first).
3. `jupyter lite build` (jupyterlite-core + the Pyodide kernel), without source maps.
4. Every JupyterLite page gets `lite_offline.js`: when the Pyodide runtime cannot be reached
   (offline, a blocked CDN) the reader is told so in Chinese within 20 s, instead of a kernel
   spinning for minutes with an English ⊗.

Where the browser loads Pyodide from is a build-time setting: `--pyodide-url URL` (or the
environment variable `KAMLAB_PYODIDE_URL`, e.g. `KAMLAB_PYODIDE_URL=https://… make lite`) writes
`pyodideUrl` into the site's `jupyter-lite.json`. Unset, the Pyodide kernel's own default (its
CDN, jsdelivr) is used, as before. A company whose network blocks public script CDNs copies a
Pyodide release (the `pyodide-<version>.tar.bz2` of the version the kernel names, with its
numpy/pandas/matplotlib) to its own web server and points the setting at its `pyodide.mjs`.

Each chapter's first cell also names the chapter (`KAMLAB_CHAPTER`) so that its calculators save
to the chapter's answer file in the browser's storage, as they do in Jupyter.

Each chapter page's launch menu opens its notebook there (`launch_buttons.jupyterlite_url` in
`_config.yml`). What the reader's browser still fetches from elsewhere at run time: the Pyodide
runtime and its builds of numpy/pandas/matplotlib (Pyodide CDN), and pure-Python dependencies
that are not in the site's wheel index (e.g. openpyxl, from PyPI). The site builds offline.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitetools import ROOT, toc_pages

INSTALL_CELL = {
    "cell_type": "code",
    "execution_count": None,
    "id": "kamlab-lite-install",
    "metadata": {"tags": ["jupyterlite"]},
    "outputs": [],
    "source": [
        "# 在浏览器中运行（JupyterLite）：先安装 kamlab。\n",
        "# kamlab 来自本网站；pandas、matplotlib 由浏览器从 Pyodide 的 CDN 加载（需要联网，首次约 1 分钟）。\n",
        "%pip install -q kamlab",
    ],
}


#: where the Pyodide kernel's settings live in jupyter-lite.json
PYODIDE_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"


def lite_settings(pyodide_url: str | None) -> dict:
    """The lite folder's `jupyter-lite.json`: `pyodideUrl` when one is given, else nothing to override."""
    data: dict = {"jupyter-lite-schema-version": 0, "jupyter-config-data": {}}
    if pyodide_url:
        data["jupyter-config-data"]["litePluginSettings"] = {PYODIDE_PLUGIN: {"pyodideUrl": pyodide_url}}
    return data


def write_lite_settings(work: Path, pyodide_url: str | None) -> Path:
    """Write `work/jupyter-lite.json` (read by `jupyter lite build` and merged into the site's)."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "jupyter-lite.json"
    path.write_text(json.dumps(lite_settings(pyodide_url), indent=1), encoding="utf-8")
    return path


def install_cell(chapter: str) -> dict:
    """The first cell of a chapter in the browser: install kamlab, name the chapter for saving."""
    cell = json.loads(json.dumps(INSTALL_CELL))
    cell["source"] = [*cell["source"][:-1], cell["source"][-1] + "\n",
                      "import os\n", f'os.environ["KAMLAB_CHAPTER"] = "{chapter}"  # 本章的输入保存在浏览器的存储中']
    return cell


def lite_notebook(source: Path) -> dict:
    """A chapter notebook for the browser kernel: outputs cleared, install cell first."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb["metadata"].pop("widgets", None)
    nb["metadata"]["kernelspec"] = {"name": "python", "display_name": "Python (Pyodide)"}
    nb["cells"].insert(0, install_cell(source.stem))
    return nb


def build(site: Path, work: Path, pyodide_url: str | None = None) -> Path:
    out = site / "lite"
    wheels, contents = work / "wheels", work / "contents"
    for folder in (wheels, contents, out):
        shutil.rmtree(folder, ignore_errors=True)
    wheels.mkdir(parents=True)
    # Build from a copy of the package sources: setuptools would otherwise leave a build/ folder
    # in the checkout and could pack stale modules from an earlier build into the wheel.
    with tempfile.TemporaryDirectory(prefix="kamlab-wheel-") as tmp:
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, tmp)
        shutil.copytree(
            ROOT / "kamlab", Path(tmp) / "kamlab", ignore=shutil.ignore_patterns("__pycache__")
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                "--no-build-isolation",
                tmp,
                "-w",
                str(wheels),
            ],
            check=True,
        )
    write_lite_settings(work, pyodide_url)
    (contents / "book").mkdir(parents=True)
    for docname in toc_pages():
        source = ROOT / f"{docname}.ipynb"
        if source.is_file():
            target = contents / f"{docname}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(lite_notebook(source), ensure_ascii=False, indent=1))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyterlite_core",
            "build",
            "--lite-dir",
            str(work),
            "--contents",
            str(contents),
            "--piplite-wheels",
            *map(str, wheels.glob("*.whl")),
            "--output-dir",
            str(out),
            "--no-sourcemaps",
        ],
        check=True,
        cwd=work,
    )
    add_offline_notice(out, pyodide_url)
    return out


OFFLINE_SCRIPT = Path(__file__).with_name("lite_offline.js")
_CDN = re.compile(r'"(https://cdn\.jsdelivr\.net/pyodide/v[\w.]+/full/pyodide\.mjs)"')


def default_pyodide_url() -> str:
    """Where the installed Pyodide kernel loads its runtime when the site sets no `pyodideUrl`."""
    import jupyterlite_pyodide_kernel

    base = Path(jupyterlite_pyodide_kernel.__file__).parent
    for script in sorted(base.rglob("*.js")) + sorted((Path(sys.prefix) / "share" / "jupyter" / "labextensions"
                                                        / "@jupyterlite" / "pyodide-kernel-extension").rglob("*.js")):
        found = _CDN.search(script.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found.group(1)
    return "https://cdn.jsdelivr.net/pyodide/"


def offline_notice(pyodide_url: str | None) -> str:
    """The inline script that tells a reader in Chinese, within 20 s, that Python cannot start."""
    script = OFFLINE_SCRIPT.read_text(encoding="utf-8").replace("__PYODIDE_URL__", pyodide_url or default_pyodide_url())
    return f"<script>\n{script}</script>\n"


def add_offline_notice(out: Path, pyodide_url: str | None) -> list[Path]:
    """Put :func:`offline_notice` into every JupyterLite page (``index.html`` under ``out``)."""
    pages = []
    for page in sorted(out.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        if "kamlab-lite-offline" in text or "</body>" not in text:
            continue
        page.write_text(text.replace("</body>", offline_notice(pyodide_url) + "</body>", 1), encoding="utf-8")
        pages.append(page)
    return pages


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--work", type=Path, default=ROOT / "_build" / "lite")
    parser.add_argument("--pyodide-url", default=os.environ.get("KAMLAB_PYODIDE_URL") or None,
                        help="where browsers load pyodide.mjs from (default: the Pyodide kernel's CDN; "
                             "or set KAMLAB_PYODIDE_URL)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site at {args.site}: build the book first", file=sys.stderr)
        return 1
    started = time.perf_counter()
    out = build(args.site.resolve(), args.work.resolve(), args.pyodide_url)
    notebooks = sorted(p.relative_to(out / "files") for p in (out / "files").rglob("*.ipynb"))
    if args.pyodide_url:
        print(f"Pyodide from {args.pyodide_url}")
    print(
        f"JupyterLite: {len(notebooks)} notebooks, {size_mb(out):.1f} MB in {out} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
