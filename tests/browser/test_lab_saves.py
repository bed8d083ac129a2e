"""Nothing typed is lost, in the learner's own JupyterLab (`make lab`, Chromium): a weight typed
into wang-01's selection calculator is in the chapter's answer file, and after the kernel is
shut down and the chapter opened and run again, the calculator shows it again."""

from __future__ import annotations

import json
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
    saved = json.loads((folder / "book" / "kamlab-answers" / f"{CHAPTER}.json").read_text("utf-8"))
    weights = {r["标准"]: r["权重"] for r in saved["answers"]["calculators"]["selection"]["criteria"]}
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
