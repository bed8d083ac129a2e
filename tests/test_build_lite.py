"""The JupyterLite edition: where browsers load Pyodide from is a build-time setting that reaches the site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "web"))

from build_lite import PYODIDE_PLUGIN, lite_notebook, write_lite_settings  # noqa: E402

INTRANET = "https://intranet.example.com/static/pyodide/v314.0.6/full/pyodide.mjs"


def built_config(tmp_path: Path, url: str | None) -> dict:
    work, out = tmp_path / "work", tmp_path / "out"
    write_lite_settings(work, url)
    subprocess.run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(work),
                    "--output-dir", str(out), "--no-sourcemaps"], check=True, cwd=tmp_path,
                   capture_output=True)
    return json.loads((out / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]


def test_pyodide_url_setting_reaches_the_built_sites_configuration(tmp_path):
    pytest.importorskip("jupyterlite_pyodide_kernel")
    config = built_config(tmp_path, INTRANET)
    assert config["litePluginSettings"][PYODIDE_PLUGIN]["pyodideUrl"] == INTRANET


def test_without_the_setting_the_kernels_own_default_is_kept(tmp_path):
    # nothing of ours in the lite folder's settings: the kernel's schema default (its CDN) applies
    written = json.loads(write_lite_settings(tmp_path, None).read_text(encoding="utf-8"))
    assert written == {"jupyter-lite-schema-version": 0, "jupyter-config-data": {}}


def test_each_chapter_names_itself_so_its_inputs_are_saved_in_the_browser():
    nb = lite_notebook(ROOT / "book" / "wang-01.ipynb")
    first = "".join(nb["cells"][0]["source"])
    assert first.splitlines()[2] == "%pip install -q kamlab"
    assert 'os.environ["KAMLAB_CHAPTER"] = "wang-01"' in first
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_every_lite_page_gets_the_chinese_offline_notice_once(tmp_path):
    """Issue 18 §3: with its runtime unreachable JupyterLite spun for minutes with an English ⊗."""
    from build_lite import add_offline_notice, default_pyodide_url

    for folder in ("lab", "notebooks", "tree"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text("<html><body><div id='main'></div></body></html>", "utf-8")
    pages = add_offline_notice(tmp_path, INTRANET)
    assert len(pages) == 3
    text = (tmp_path / "notebooks" / "index.html").read_text(encoding="utf-8")
    assert f'var url = "{INTRANET}";' in text and "浏览器中的 Python 无法启动" in text and "20000" in text
    assert add_offline_notice(tmp_path, INTRANET) == []  # once only
    assert default_pyodide_url().startswith("https://cdn.jsdelivr.net/pyodide/v")
