"""The learner's way in (issue 14 §0): `make lab` in Chromium, with a live kernel.

One JupyterLab server, started exactly as a learner starts it (`make lab`), on a free
loopback port with a token, over a temporary copy of one chapter (the repository's
notebooks are never saved over). Chromium opens the chapter, runs it, and the selection
calculator renders and recomputes after a typed change. A second, tiny notebook proves
that an unexpected error inside a widget callback shows under the cell in Chinese with
the typed input kept.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path

import pytest
from servers import server_on_free_port

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = "wang-01"


def _notebook(cells: list[str]) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None,
                       "outputs": [], "source": src} for i, src in enumerate(cells)]}


FAULT = """\
from kamlab.widgets import strength_widget

w = strength_widget()


def broken(_result):
    raise RuntimeError("模拟的故障")


w.describe = broken  # any error a callback might meet, not the learner's
w"""


WHERE = """\
from kamlab.learner.answers import answers_dir

print("答案保存在", answers_dir().resolve())"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` on a copy of the chapter; yields (base URL, token, folder).

    The port is chosen free and, should another process take it before JupyterLab binds it
    ("port … is not available"), JupyterLab is started again on a new one (servers.py).
    """
    folder = tmp_path_factory.mktemp("lab")
    (folder / "book").mkdir()
    shutil.copy(ROOT / "book" / f"{CHAPTER}.ipynb", folder / "book")
    (folder / "book" / "fault.ipynb").write_text(json.dumps(_notebook([FAULT, WHERE]), ensure_ascii=False), "utf-8")
    token = secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if k != "KAMLAB_ANSWERS_DIR"}

    def command(port: int) -> list[str]:
        return ["make", "-s", "lab", f"LAB_DIR={folder}", f"LAB_PORT={port}", f"LAB_TOKEN={token}",
                "LAB_FLAGS=--no-browser --LabApp.expose_app_in_browser=True --ServerApp.open_browser=False"]

    with server_on_free_port(command, lambda port: f"http://127.0.0.1:{port}/api/status?token={token}",
                             folder / "lab.log", cwd=ROOT, env=env) as port:
        yield f"http://127.0.0.1:{port}", token, folder


def _open_and_run(browser, url: str, token: str, name: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    # a workspace of its own per notebook: JupyterLab would otherwise restore the last layout
    page.goto(f"{url}/lab/workspaces/{name}/tree/book/{name}.ipynb?token={token}&reset")
    page.wait_for_function("(name) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
                           " return w && w.sessionContext && w.context.path.endsWith(name + '.ipynb'); }",
                           arg=name, timeout=60_000)
    page.evaluate("""async () => {
        const panel = window.jupyterapp.shell.currentWidget;
        await panel.sessionContext.ready;
        await window.jupyterapp.commands.execute('notebook:run-all-cells');
    }""")
    return page


def _type(box, text: str) -> None:
    box.fill(text)
    box.press("Enter")  # the calculators' text boxes commit on Enter (continuous_update=False)


def test_make_lab_runs_a_chapter_and_its_calculator_recomputes(lab, browser, shots):
    url, token, folder = lab
    page = _open_and_run(browser, url, token, CHAPTER)
    calc = page.locator(".jp-OutputArea-output").filter(has_text="吸引力标准与权重").first
    calc.wait_for(timeout=120_000)
    calc.locator("img").first.wait_for(timeout=30_000)  # the bubble chart rendered
    summary = calc.locator("table.dataframe").first
    first_row = summary.locator("tbody tr").first
    # A 挖掘机厂 scores 9, 8, 7, 9 → 9×0.4 + 8×0.2 + 7×0.2 + 9×0.2 = 8.40 with the book's weights
    first_row.locator("td", has_text="8.40").wait_for(timeout=30_000)
    boxes = calc.locator("input[type=text]")
    assert boxes.nth(0).input_value() == "未来销售收入和利润" and boxes.nth(1).input_value() == "40"
    _type(boxes.nth(1), "30")  # weights now sum to 90: named inline
    calc.get_by_text("之和应为 100，当前为 90").wait_for(timeout=20_000)
    _type(boxes.nth(3), "30")  # 财务安全 20 → 30: sums to 100 again, attractiveness changes
    calc.locator(".kamlab-error").wait_for(state="detached", timeout=20_000)
    # recomputed: 9×0.3 + 8×0.3 + 7×0.2 + 9×0.2 = 8.30 after the two typed weights
    first_row.locator("td", has_text="8.30").wait_for(timeout=20_000)
    assert boxes.nth(1).input_value() == "30" and boxes.nth(3).input_value() == "30"
    assert first_row.locator("td").nth(0).inner_text().strip() == "A 挖掘机厂"
    page.screenshot(path=str(shots / "lab-wang-01.png"))
    page.close()


def test_unexpected_callback_error_shows_under_the_cell(lab, browser, shots):
    url, token, folder = lab
    page = _open_and_run(browser, url, token, "fault")
    calc = page.locator(".jp-OutputArea-output").filter(has_text="客户的采购标准").first
    calc.wait_for(timeout=60_000)
    ours = calc.locator("input[type=text]").nth(2)  # first criterion, 我方
    _type(ours, "9")
    message = calc.locator(".kamlab-unexpected")
    message.wait_for(timeout=20_000)
    assert "计算出错：RuntimeError：模拟的故障；你的输入已保留" in message.inner_text()
    assert ours.input_value() == "9"
    # and the answers of a chapter opened this way go beside it
    page.get_by_text(f"答案保存在 {folder.resolve() / 'book' / 'kamlab-answers'}").wait_for(timeout=20_000)
    page.screenshot(path=str(shots / "lab-callback-error.png"))
    page.close()
