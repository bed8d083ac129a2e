"""A chapter opens ready (issue 18 §1): a calculator cell's saved outputs are a Chinese line saying
what to click, then the widget with no raw-repr fallback.

Seen on main: a chapter opened fresh in JupyterLab showed ``VBox(children=(HTML(value='<b>维度权重…``
(an untrusted notebook falls back to ``text/plain``), and after a kernel restart “Error displaying
widget: model not found”. The browser side is checked in tests/browser/test_lab_ready.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from kamlab.widgets.ready import SITE_HINT, WIDGET_MIME

ROOT = Path(__file__).resolve().parents[1]


def _outputs(code: str) -> list[dict]:
    shell = InteractiveShell.instance()
    with capture_output() as captured:
        shell.run_cell(code)
    return [o.data for o in captured.outputs]


@pytest.mark.parametrize(("code", "kind"), [
    ("widgets.selection_widget(kamlab.load_sample('wang01_accounts'))", "计算器"),
    ("widgets.goals_widget()", "计算器"),
    ("widgets.quiz_widget('wang-01')", "自测题"),
    ("widgets.worksheet_widget('wang-02-account-plan')", "工作表"),
    ("widgets.exercise_answers('wang-00-status', folder=__import__('tempfile').mkdtemp()).sheet()", "答题卡"),
])
def test_a_widget_cell_says_what_to_click_and_never_shows_a_repr(code, kind):
    hint, widget = _outputs(f"import kamlab\nfrom kamlab import widgets\n{code}")
    assert hint["text/plain"] == f"▶ 这里是一个{kind}，还没有运行：请点菜单“运行 → 运行全部单元格”（或选中本格按 Shift+Enter）。"
    assert WIDGET_MIME not in hint and "kamlab-hint" in hint["text/html"]
    assert widget["text/plain"] == "" and widget[WIDGET_MIME]["model_id"]
    # the stylesheet hides the hint next to a live widget, and JupyterLab's English error node
    assert ":has(+ .jp-OutputArea-child .jupyter-widgets.widget-box) .kamlab-hint{display:none}" in hint["text/html"]
    assert ".lm-Panel.jp-OutputArea-output:not(:has(*)){display:none}" in hint["text/html"]


def test_the_static_site_says_it_shows_the_example_instead():
    css = (ROOT / "web" / "site_static" / "kamlab-site.css").read_text(encoding="utf-8")
    assert f'content: "{SITE_HINT}"' in css and ".kamlab-hint .kamlab-hint-lab { display: none !important; }" in css
    assert "JupyterLite" in SITE_HINT and "示例" in SITE_HINT
