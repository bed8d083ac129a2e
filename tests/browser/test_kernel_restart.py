"""A real kernel is restarted between a learner's edits and every value comes back (wang-01, wang-03, ye-05)."""

from __future__ import annotations

import json
import os

import pytest

jupyter_client = pytest.importorskip("jupyter_client")

EDIT = r"""
import json, kamlab
from kamlab import widgets
sel = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))  # wang-01: from the session's notebook
rows = sel.accounts.value; rows[1]["相对实力"] = "1.7"; sel.accounts.value = rows
sel.y_cut.value = 6.5
org = widgets.organisation_widget()
list(org.inputs.values())[1].value = "70"
widgets.chapter("wang-03")
clv = widgets.lifetime_value_widget(100, 80, 10)
clv.retention.value = 88; clv.margin.value = "120"
kr = widgets.kraljic_widget(kamlab.load_sample("wang_purchases"))
kr.x_cut.value = 6.0
widgets.chapter("ye-05")
goals = widgets.goals_widget()
goals.inputs[0].value = "９０００"  # typed with a Chinese IME: full-width digits
print(json.dumps({"selection": sel.state(), "organisation": org.state(), "clv": clv.state(),
                  "kraljic": kr.state(), "goals": goals.state()}, ensure_ascii=False))
"""

READ = r"""
import json, kamlab
from kamlab import widgets
sel = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
org = widgets.organisation_widget()
widgets.chapter("wang-03")
clv = widgets.lifetime_value_widget(100, 80, 10)
kr = widgets.kraljic_widget(kamlab.load_sample("wang_purchases"))
widgets.chapter("ye-05")
goals = widgets.goals_widget()
print(json.dumps({"selection": sel.state(), "organisation": org.state(), "clv": clv.state(),
                  "kraljic": kr.state(), "goals": goals.state()}, ensure_ascii=False))
"""


def run_in_fresh_kernel(code: str, env: dict[str, str]) -> dict:
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(env=env)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        out: list[str] = []

        def hook(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            if msg["msg_type"] == "error":
                out.append("ERROR " + msg["content"]["evalue"])

        reply = client.execute_interactive(code, output_hook=hook, timeout=120)
        assert reply["content"]["status"] == "ok", "".join(out)
        return json.loads("".join(out).strip().splitlines()[-1])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_every_value_comes_back_after_a_kernel_restart(tmp_path):
    env = {**os.environ, "KAMLAB_ANSWERS_DIR": str(tmp_path / "answers"),
           "JPY_SESSION_NAME": str(tmp_path / "book" / "wang-01.ipynb")}
    env.pop("KAMLAB_CHAPTER", None)
    before = run_in_fresh_kernel(EDIT, env)
    after = run_in_fresh_kernel(READ, env)
    assert after == before
    assert after["selection"]["accounts"][1]["相对实力"] == "1.7" and after["selection"]["y_cut"] == 6.5
    assert 88 in after["clv"].values() and "120" in after["clv"].values()
    assert after["goals"]["benchmark_sales"] in ("９０００", "9000")  # default 8000: the typed value came back
    assert sorted(p.name for p in (tmp_path / "answers").iterdir()) == ["wang-01.json", "wang-03.json", "ye-05.json"]
