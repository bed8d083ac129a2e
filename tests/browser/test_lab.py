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


# --- issue 18: a chapter opens ready, and the learner's own data comes in and never goes out ---------
#: reads each widget cell's visible output text (cells are scrolled into view: Lab renders lazily)
OUTPUT_TEXTS = """async () => {
    const nb = window.jupyterapp.shell.currentWidget.content; const out = [];
    for (let i = 0; i < nb.widgets.length; i++) {
        const cell = nb.widgets[i];
        if (cell.model.type !== 'code' || !/_widget\\(/.test(cell.model.sharedModel.getSource())) continue;
        await nb.scrollToItem(i, 'start');
        let text = '';
        for (let wait = 0; wait < 50 && !text.trim(); wait++) {  // up to 10 s for the output to render
            await new Promise(r => setTimeout(r, 200));
            text = cell.outputArea ? cell.outputArea.node.innerText : '';
        }
        out.push(text);
    }
    return out;
}"""
NEVER = ("VBox(", "children=", "model not found", "Error displaying widget", "Loading widget")
HINT = "还没有运行：请点菜单“运行 → 运行全部单元格”"


def _open_fresh(browser, url: str, token: str, path: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/lab/workspaces/ready/tree/{path}?token={token}&reset")
    page.wait_for_function("(p) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
                           " return w && w.context && w.context.path === p && w.content.widgets.length > 10; }",
                           arg=path, timeout=60_000)
    return page


def _assert_hints_only(page, when: str) -> None:
    texts = page.evaluate(OUTPUT_TEXTS)
    assert len(texts) >= 5, (when, texts)
    for text in texts:
        assert HINT in text, (when, text[:200])
        assert not any(bad in text for bad in NEVER), (when, text[:200])


def _box_values(calc) -> list[str]:
    return calc.locator("input[type=text]").evaluate_all("boxes => boxes.map(b => b.value)")


def test_a_chapter_opens_ready_takes_own_data_and_undoes_a_restore(lab, browser, shots):
    url, token, folder = lab
    (folder / "fresh").mkdir(exist_ok=True)  # a folder of its own: its own kernel and answer files
    shutil.copy(ROOT / "book" / f"{CHAPTER}.ipynb", folder / "fresh")
    path = f"fresh/{CHAPTER}.ipynb"
    page = _open_fresh(browser, url, token, path)
    _assert_hints_only(page, "opened fresh")  # before Run All: one Chinese line, never a raw repr
    page.reload()
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.content.widgets.length > 10", timeout=60_000)
    _assert_hints_only(page, "reloaded")
    page.evaluate("""async () => { const panel = window.jupyterapp.shell.currentWidget;
        await panel.sessionContext.ready; await window.jupyterapp.commands.execute('notebook:run-all-cells'); }""")
    calc = page.locator(".jp-OutputArea").filter(has_text="吸引力标准与权重").first
    calc.locator("img").first.wait_for(timeout=120_000)  # live: chart drawn
    assert not calc.get_by_text(HINT).is_visible()  # the hint steps aside for the live calculator
    # a names-and-sales-only export from an ERP
    erp = "客户名称,销售额（万元）\n华东电机,1250\n西南泵业,300\n".encode("gbk")
    with page.expect_file_chooser() as chooser:  # the upload button opens the browser's file dialog
        calc.locator("button.widget-upload").first.click()
    chooser.value.set_files(files=[{"name": "ERP导出.csv", "mimeType": "text/csv", "buffer": erp}])
    calc.get_by_text("已从“ERP导出.csv”导入 2 行").wait_for(timeout=30_000)
    calc.get_by_text("已留空，请在表格中补填").wait_for(timeout=5_000)
    assert "华东电机" in _box_values(calc) and "A 挖掘机厂" not in _box_values(calc)
    calc.locator(".kamlab-error").first.wait_for(timeout=10_000)  # the blank scores are named
    calc.get_by_role("button", name="恢复示例数据").click()
    calc.get_by_text("用书中的示例替换本计算器的全部输入？").wait_for(timeout=10_000)
    assert "华东电机" in _box_values(calc)  # only asked so far
    calc.get_by_role("button", name="确定恢复").click()
    calc.get_by_text("已恢复书中的示例数据").wait_for(timeout=20_000)
    assert "A 挖掘机厂" in _box_values(calc) and "华东电机" not in _box_values(calc)
    calc.get_by_role("button", name="撤销：找回我的输入").click()
    calc.get_by_text("已找回恢复示例数据之前你的输入").wait_for(timeout=20_000)
    assert "华东电机" in _box_values(calc) and "A 挖掘机厂" not in _box_values(calc)
    page.screenshot(path=str(shots / "lab-ready-undo.png"))
    # saved (as autosave would), the kernel goes away, the page is reloaded: every calculator says what
    # to click, in Chinese, never JupyterLab's English "model not found"
    page.evaluate("async () => { await window.jupyterapp.commands.execute('docmanager:save'); }")
    page.evaluate("async () => { await window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.shutdown(); }")
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext.session === null"
                           " || !window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
                           " || window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'dead'",
                           timeout=30_000)
    page.reload()
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.content.widgets.length > 10", timeout=60_000)
    _assert_hints_only(page, "after a kernel shutdown and a reload")
    page.screenshot(path=str(shots / "lab-ready-after-shutdown.png"))
    page.close()
