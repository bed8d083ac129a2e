"""我的大客户计划 in the notebook: the assembled plan, key accounts to mark, one export button.

In a learner's Jupyter session (a chapter is open, see :mod:`kamlab.widgets.chapter_work`)
the plan is built from the answer folder; when the chapter is run by nbval or the
book build it shows the plan of the book's example data instead, so the static
site and the checks never depend on anyone's saved work.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from pathlib import Path

import ipywidgets as W

from ..errors import InputError
from ..learner.answers import answers_dir
from ..learner.chapter_work import read_saved_work, save_assessed_account, save_key_accounts
from ..plan import KeyAccountPlan, account_rows, build_plan, example_work
from ..plan.export import to_html, write_plan
from ._base import error_html
from .chapter_work import XLSX_MIME, current_chapter
from .ready import ReadyDisplay

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class PlanWidget(ReadyDisplay, W.VBox):
    """The plan, a key-account picker, 刷新 and 导出计划 (Word, Excel and Markdown at once)."""

    ready_kind = "大客户计划"

    def __init__(self, folder: str | Path | None = None, live: bool | None = None) -> None:
        super().__init__()
        self.folder = Path(folder) if folder else None
        self.live = (current_chapter() is not None or folder is not None) if live is None else live
        self.notices = W.HTML()
        self.marked = W.SelectMultiple(description="重点客户", rows=6, layout=W.Layout(width="32em"),
                                     style={"description_width": "6em"})
        self.assessed = W.Dropdown(description="单客户评估针对", layout=W.Layout(width="32em"),
                                   style={"description_width": "8em"},
                                   tooltip="关系阶段、卡拉杰克矩阵、终生价值与留存率是为哪位客户做的")
        refresh = W.Button(description="刷新计划", icon="refresh")
        export = W.Button(description="导出计划（Word、Excel、Markdown）", icon="download", button_style="primary",
                          layout=W.Layout(width="auto"))
        refresh.on_click(lambda _: self.refresh())
        export.on_click(lambda _: self.export())
        self.author = W.Text(description="编制人", placeholder="写在计划封面上", layout=W.Layout(width="24em"),
                             style={"description_width": "4em"})
        self.links = W.HTML()
        self.view = W.HTML()  # the plan's markup (shown as is outside a learner's session)
        # In a learner's Jupyter the markup is shown as an output (in an Output widget): JupyterLab then
        # opens its chapter links in the same Lab, at the calculator, instead of reloading the page.
        self.page = W.Output()
        self.plan: KeyAccountPlan | None = None
        self._muted = False
        self.marked.observe(self._keys_changed, names="value")
        self.assessed.observe(self._assessed_changed, names="value")
        tip = W.HTML("<small>在下框中按住 Ctrl（Mac：⌘）可多选；不选时，选择矩阵上的“战略客户”即为重点客户。</small>")
        shown = self.page if self.live else self.view
        self.buttons = W.HBox([refresh, self.author, export])
        if not self.live:  # the static site and the checks: no kernel behind a button, so none is shown
            self.buttons.layout.display = "none"
            self.links.value = ("<p><small>网页版只显示示例计划，不能导出。要导出你自己的计划（Word、Excel、Markdown），"
                                "请在 JupyterLite、班级服务器或 JupyterLab 中打开本章并运行。</small></p>")
        self.children = [self.buttons, self.links, self.notices, self.marked, tip, self.assessed, shown]
        self.refresh()

    def refresh(self) -> KeyAccountPlan:
        """Read the saved work again and rebuild the plan."""
        if self.live:
            work, notices = read_saved_work(self.folder)
        else:
            work, notices = example_work(), []
        self.plan = build_plan(work)
        self.notices.value = "".join(error_html(InputError("答案文件", n)) for n in notices)
        if not self.live:
            self.notices.value += ("<p><small>这里显示的是用本书示例数据生成的计划。在 Jupyter 中打开本章，"
                                   "各章保存的你自己的数据会自动汇总到这里。</small></p>")
        names = [r.get("客户", "") for r in account_rows(work) if r.get("客户", "")]
        chosen = [n for n in self.plan.key_accounts if n in names]
        self._muted = True
        try:
            self.marked.options = names
            self.marked.value = tuple(chosen)
            self.assessed.options = [("（未指定）", ""), *[(n, n) for n in names]]
            self.assessed.value = work.assessed_account if work.assessed_account in names else ""
        finally:
            self._muted = False
        # Links to chapters: notebooks in a learner's Jupyter, pages in the static book.
        markup = to_html(self.plan, link_suffix=".ipynb" if self.live else ".html")
        self.view.value = at_calculators(markup, notebooks_dir()) if self.live else markup
        if self.live:
            self.page.outputs = ({"output_type": "display_data", "metadata": {},
                                  "data": {"text/html": LINK_CSS + self.view.value, "text/plain": ""}},)
        return self.plan

    def _keys_changed(self, change: dict) -> None:
        if self._muted or not self.live:
            return
        save_key_accounts(list(change["new"]), self.folder)
        self.refresh()

    def _assessed_changed(self, change: dict) -> None:
        if self._muted or not self.live:
            return
        save_assessed_account(change["new"] or "", self.folder)
        self.refresh()

    def export(self) -> dict[str, Path]:
        """Write the plan as .docx, .xlsx and .md into the answer folder (a new name each time) and offer them."""
        plan = self.plan or self.refresh()
        folder = self.folder or answers_dir()
        try:
            paths = write_plan(plan, folder, author=self.author.value.strip())
        except OSError as error:
            self.links.value = error_html(InputError("导出", f"无法写入文件夹“{folder}”：{error.strerror or error}"))
            return {}
        mimes = {"docx": DOCX_MIME, "xlsx": XLSX_MIME, "md": "text/markdown"}
        labels = {"docx": "Word", "xlsx": "Excel", "md": "Markdown"}
        links = []
        for kind, path in paths.items():
            data = base64.b64encode(path.read_bytes()).decode()
            links.append(f"<a download='{html.escape(path.name)}' href='data:{mimes[kind]};base64,{data}'>"
                         f"⬇ {labels[kind]}：{html.escape(path.name)}</a>")
        self.links.value = ("<p>" + "　".join(links) + f"<br><small>也已保存在 {html.escape(str(folder))}</small></p>")
        return paths


#: 还差 links look like links (JupyterLab styles output links too; this makes them unmistakable).
LINK_CSS = "<style>.kamlab-missing a{color:#0b63c4;text-decoration:underline;cursor:pointer}</style>"

_MISSING_LINK = re.compile(r"<a href='(?P<chapter>[\w-]+)\.ipynb'>(?P<text>还差：[^<]*)</a>")


def notebooks_dir() -> Path:
    """The folder of the notebook this kernel runs (the chapters sit beside it)."""
    session = os.environ.get("JPY_SESSION_NAME", "").strip()
    if session and Path(session).is_absolute():
        return Path(session).parent
    return Path.cwd()


def calculator_cell_id(notebook: Path, key: str) -> str:
    """The id of the cell in ``notebook`` that shows calculator ``key`` (``selection`` →
    the cell calling ``selection_widget(``), or "" when there is none."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return ""
    call = re.compile(rf"\b{re.escape(key)}_widget\(")
    for cell in cells:
        source = "".join(cell.get("source", [])) if isinstance(cell, dict) else ""
        if cell.get("cell_type") == "code" and call.search(source):
            return str(cell.get("id", ""))
    return ""


def at_calculators(markup: str, folder: Path) -> str:
    """The plan's 还差 links pointing at the calculator's cell (``wang-02.ipynb#cell-id=…``:
    JupyterLab scrolls there), where the chapter notebook beside the plan has it."""
    from ..plan import CALCULATORS

    def link(match: re.Match) -> str:
        chapter, text = match["chapter"], html.unescape(match["text"])
        tool = text.split(" · ", 1)[-1].split("（", 1)[0]
        key = next((k for k, name in CALCULATORS.get(chapter, {}).items() if name == tool), "")
        cell = calculator_cell_id(folder / f"{chapter}.ipynb", key) if key else ""
        target = f"{chapter}.ipynb" + (f"#cell-id={cell}" if cell else "")
        return f"<a href='{html.escape(target)}'>{match['text']}</a>"

    return _MISSING_LINK.sub(link, markup)


def plan_widget(folder: str | Path | None = None) -> PlanWidget:
    """我的大客户计划, ready to display."""
    return PlanWidget(folder)
