"""Nothing typed is lost, in the learner's own JupyterLab (`make lab`, Chromium): a weight typed
into wang-01's selection calculator is in the chapter's answer file, and after the kernel is
shut down and the chapter opened and run again, the calculator shows it again."""

from __future__ import annotations

import json
import time
import urllib.request

from test_lab import CHAPTER, _open_and_run, _type, lab  # noqa: F401 - `lab` is the server fixture


def _shutdown_sessions(url: str, token: str) -> None:
    with urllib.request.urlopen(f"{url}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(f"{url}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


def _calculator(page):
    calc = page.locator(".jp-OutputArea-output").filter(has_text="吸引力标准与权重").first
    calc.wait_for(timeout=120_000)
    calc.locator("img").first.wait_for(timeout=30_000)
    return calc


def test_a_typed_weight_survives_a_kernel_restart_in_jupyterlab(lab, browser):  # noqa: F811
    url, token, folder = lab
    page = _open_and_run(browser, url, token, CHAPTER)
    calc = _calculator(page)
    for control in ("恢复示例数据", "下载模板", "导入 Excel/CSV"):  # the chapter's toolbar above the calculator
        calc.get_by_text(control).first.wait_for(timeout=20_000)
    boxes = calc.locator("input[type=text]")
    _type(boxes.nth(1), "25")
    _type(boxes.nth(3), "35")
    calc.get_by_text("已自动保存到").first.wait_for(timeout=20_000)
    path = folder / "book" / "kamlab-answers" / f"{CHAPTER}.json"
    deadline = time.monotonic() + 30
    while True:  # the second typed weight reaches the file a moment after the first
        saved = json.loads(path.read_text("utf-8"))
        weights = {r["标准"]: r["权重"] for r in saved["answers"]["calculators"]["selection"]["criteria"]}
        if weights["财务安全"] == "35" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert weights["未来销售收入和利润"] == "25" and weights["财务安全"] == "35"
    page.close()
    _shutdown_sessions(url, token)  # the kernel is gone: only the file remains
    page = _open_and_run(browser, url, token, CHAPTER)
    calc = _calculator(page)
    boxes = calc.locator("input[type=text]")
    page.wait_for_function("el => el.value === '25'", arg=boxes.nth(1).element_handle(), timeout=30_000)
    assert boxes.nth(3).input_value() == "35"
    calc.get_by_text("已恢复你上次保存的输入").first.wait_for(timeout=20_000)
    page.close()


ACCOUNTS_GBK = ("客户名称,销售额（万元）,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
                "华东电机,1250,9,8,7,9,1.2,4\n西南泵业,300,6,4,6,5,0.7,7\n北方阀门,500,8,7,7,7,1.3,3\n").encode("gbk")


def test_a_new_learner_imports_accounts_and_downloads_the_word_plan(lab, browser, tmp_path):  # noqa: F811
    import shutil

    from docx import Document
    from test_lab import ROOT

    url, token, folder = lab
    # A fresh kernel, as a learner opening the chapter tomorrow: reconnecting to a kernel that an
    # earlier test's closed page left behind made the first run-all wait over three minutes.
    _shutdown_sessions(url, token)
    shutil.copy(ROOT / "book" / "plan.ipynb", folder / "book")
    csv = tmp_path / "我的客户.csv"
    csv.write_bytes(ACCOUNTS_GBK)
    page = _open_and_run(browser, url, token, CHAPTER)
    calc = _calculator(page)
    with page.expect_file_chooser() as chooser:  # the learner clicks 导入 Excel/CSV and picks the file
        calc.locator(".widget-upload").first.dispatch_event("click")
    chooser.value.set_files(str(csv))
    calc.get_by_text("已从“我的客户.csv”导入 3 行").wait_for(timeout=30_000)
    calc.get_by_text("华东电机").first.wait_for(timeout=20_000)
    page.close()
    page = _open_and_run(browser, url, token, "plan")
    export = page.get_by_role("button", name="导出计划（Word、Excel、Markdown）")
    export.wait_for(timeout=120_000)
    page.get_by_text("北方阀门").first.wait_for(timeout=30_000)  # the learner's accounts, not the example
    export.click()
    page.get_by_text("-大客户计划-").first.wait_for(timeout=60_000)  # Word：<公司>-大客户计划-<日期>.docx
    page.close()
    [word] = (folder / "book" / "kamlab-answers").glob("*-大客户计划-*.docx")
    doc = Document(str(word))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {"华东电机", "西南泵业", "北方阀门"} <= cells
