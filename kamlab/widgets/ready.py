"""A chapter opens ready: every calculator cell says, in Chinese, what to click until it is live.

What a learner met on main (issue 18 §1): a chapter opened fresh in JupyterLab showed each
calculator's raw repr (``VBox(children=(HTML(value='<b>维度权重…``), because an untrusted
notebook's widget outputs fall back to ``text/plain``; after a kernel shutdown or a browser
reload they read “Error displaying widget: model not found”, in English.

Chosen fix (works wherever the notebook is opened — ``make lab``, a JupyterHub-served
JupyterLab, JupyterLite, Voilà — with no server setting and no JupyterLab extension):
a calculator is displayed as **two outputs**,

1. a one-line hint (``text/html`` and ``text/plain``) saying what to click, carrying a small
   stylesheet, then
2. the widget itself, whose ``text/plain`` fallback is empty.

- Fresh, untrusted notebook: the hint is shown (sanitized HTML keeps its text and the
  ``hidden`` attribute), the widget output shows its empty fallback: one Chinese line.
- Live: the stylesheet hides the hint when the output after it holds a rendered widget.
- Kernel gone (“model not found”): the stylesheet hides JupyterLab's English error node
  (a widget output with no element inside), so the hint is what is left.
- Static site: the site's stylesheet (``web/site_static/kamlab-site.css``) puts
  :data:`SITE_HINT` in its place: this is the book's example, and where to compute with one's
  own data (the notebook itself holds only the JupyterLab line).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as W

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

#: What to click, by what the cell holds.
LAB_HINT = "▶ 这里是一个{kind}，还没有运行：请点菜单“运行 → 运行全部单元格”（或选中本格按 Shift+Enter）。"
#: Shown on the static site instead (kept equal to ``web/site_static/kamlab-site.css``; a test checks).
SITE_HINT = ("这里显示的是本书的示例数据，网页上改动不会重新计算。要用自己的数字计算：点页首的 🚀 在 JupyterLite 中"
             "打开本章，或在班级服务器、下载本章后在 JupyterLab 中运行。")

#: Hides the hint next to a live widget and JupyterLab's English “model not found” node.
CSS = (
    "<style>"
    ".jp-OutputArea-child:has(+ .jp-OutputArea-child .jupyter-widgets.widget-box) .kamlab-hint{display:none}"
    # A widget output is a Lumino Panel; with no element inside it holds only "Loading widget..." or
    # "Error displaying widget: model not found" (no kernel, or it restarted). :has() cannot nest, so
    # the output itself is hidden, not its row.
    ".lm-Panel.jp-OutputArea-output:not(:has(*)){display:none}"
    ".kamlab-hint-lab{color:#5c3d00;background:#fff8e1;border-left:4px solid #f0a500;padding:6px 10px}"
    # a table wider than the screen (a 390 px phone) scrolls inside itself; its name column stays put
    ".kamlab-grid .kamlab-name-cell{position:sticky;left:0;z-index:2;"
    "background:var(--jp-layout-color0,var(--pst-color-background,#fff))}"
    "</style>"
)


def hint_bundle(kind: str = "计算器") -> dict[str, str]:
    """The hint output shown before a widget: what to click, in Lab and on the static site."""
    lab = LAB_HINT.format(kind=kind)
    markup = f"{CSS}<div class='kamlab-hint'><div class='kamlab-hint-lab'>{html.escape(lab)}</div></div>"
    return {"text/html": markup, "text/plain": lab}


def widget_bundle(widget: Any) -> dict[str, Any]:
    """The widget's display bundle with an empty text fallback (never a raw repr)."""
    bundle = widget._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    return {**data, "text/plain": ""}


def display_ready(widget: Any, kind: str = "计算器") -> None:
    """Display the hint, then ``widget`` (see the module docstring)."""
    from IPython.display import display

    display(hint_bundle(kind), raw=True)
    display(widget_bundle(widget), raw=True)


class ReadyDisplay:
    """Mixin for kamlab's own widgets that a chapter shows on their own (quiz, worksheet …)."""

    ready_kind = "练习"

    def _ipython_display_(self) -> None:
        display_ready(self, self.ready_kind)


class ReadyBox(ReadyDisplay, W.VBox):
    """A VBox shown with the hint (an exercise's answer sheet, its submit tools)."""

    def __init__(self, children: list, kind: str = "练习", **kwargs: Any) -> None:
        super().__init__(children, **kwargs)
        self.ready_kind = kind
