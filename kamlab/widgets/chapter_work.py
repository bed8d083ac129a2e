"""Nothing typed is ever lost: every calculator of a chapter saved to the chapter's answer file.

Every :class:`~kamlab.widgets._base.Calculator` created while a chapter is open is
*attached*: its inputs are restored from ``kamlab-answers/<chapter>.json`` (see
:mod:`kamlab.learner.chapter_work`), saved on every change, and a toolbar above it
offers 恢复示例数据 and, for each table a learner can bring (it names its rows and has three columns or more),
下载模板 and 导入 Excel/CSV (a table that names its rows: 客户, 品类, 机会 …). A calculator with nothing saved starts from the learner's
own account list when there is one (company profile, else the accounts imported in
wang-01) instead of the book's illustrative firm.

Which chapter is open:

1. :func:`chapter` called in the notebook (``widgets.chapter("wang-01")``), else
2. ``$KAMLAB_CHAPTER`` (set by the JupyterLite edition's first cell), else
3. the notebook a Jupyter server started this kernel for (``$JPY_SESSION_NAME``,
   set by Jupyter Server 2 when JupyterLab or Notebook 7 opens a notebook; elsewhere,
   e.g. VS Code or Voilà, call :func:`chapter`).

None of these is set when nbval, ``jupyter nbconvert --execute`` or the book build
run a chapter, so they always show the book's example data, never a learner's saves.
"""

from __future__ import annotations

import base64
import html
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as W
import pandas as pd

from ..errors import InputError
from ..learner.chapter_work import ChapterStore, load_profile
from ..plan import CHAPTERS
from ..profile import starting_rows
from ..table_import import TableSpec, import_table, write_template
from ._base import error_html
from .table import EditableTable

_explicit: str | None = None
_stores: dict[tuple[str, str], ChapterStore] = {}

#: headers whose cells hold words, never numbers
TEXT_COLUMNS = {"客户", "标准", "机会", "阶段", "品类", "行业", "竞争对手", "指标", "单位", "频率", "负责人",
                "需求", "供应商", "促进因素", "驱动因素", "因素", "名称", "项目"}
#: headers measured in money (the template's header shows the profile's unit)
MONEY_COLUMNS = {"销售额", "利润", "金额", "采购额", "年价值"}

#: a table's state name -> its Chinese name (messages, template sheet)
TABLE_TITLES = {"accounts": "客户评分表", "items": "采购品类表", "opportunities": "开发机会表",
                "scores": "评分表", "table": "数据表", "q1": "可量化价值表", "q4": "跟踪指标表"}

#: where a learner's work ends up (shown under every saved calculator)
PLAN_NOTE = "结课章节“我的大客户计划”会汇总各章的结果"

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chapter(slug: str | None) -> str | None:
    """Open ``slug``'s answer file for the calculators created from now on (None: stop saving)."""
    global _explicit
    _explicit = slug
    return slug


def current_chapter() -> str | None:
    """The chapter whose answer file calculators save to, or None (see the module docstring)."""
    if _explicit:
        return _explicit
    named = os.environ.get("KAMLAB_CHAPTER", "").strip()
    if named:
        return named
    session = os.environ.get("JPY_SESSION_NAME", "").strip()
    stem = Path(session).stem if session else ""
    return stem if stem in CHAPTERS or stem == "plan" else None


def store_for(slug: str) -> ChapterStore:
    """The chapter's store, one per chapter and answer folder in this kernel."""
    from ..learner.answers import answers_dir

    key = (slug, str(answers_dir()))
    if key not in _stores:
        _stores[key] = ChapterStore(slug)
    return _stores[key]


def forget_stores() -> None:
    """Drop the stores kept in memory (a test's way of restarting the kernel)."""
    _stores.clear()


def store_key(calculator: Any) -> str:
    """The name a calculator saves under: ``SelectionWidget`` → ``selection``."""
    name = getattr(calculator, "store_key", "") or type(calculator).__name__.removesuffix("Widget")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _tables(calculator: Any) -> list[tuple[str, EditableTable]]:
    names = calculator._names() if hasattr(calculator, "_names") else []
    inputs = getattr(calculator, "_inputs", [])
    # a table a learner brings names its rows (客户, 品类, 机会 …) and has two or more values:
    # criteria/weight pairs and single-row weight tables are typed, not imported
    return [(n, w) for n, w in zip(names, inputs, strict=False)
            if isinstance(w, EditableTable) and len(w.columns) >= 3 and table_spec(n, w).key]


def _account_rows(slug: str) -> list[dict[str, str]]:
    """The learner's own accounts: the profile's, else those saved in wang-01's selection."""
    profile, _ = load_profile()
    if not profile.is_example:
        return [dict(r) for r in profile.accounts]
    saved = store_for("wang-01").get("selection") if slug != "wang-01" else None
    rows = saved.get("accounts") if isinstance(saved, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def table_spec(name: str, table: EditableTable, unit: str = "万元") -> TableSpec:
    """A table's import spec: words where the example holds words, numbers elsewhere."""
    text = set()
    sample = [[table.cell(r, i) for i in range(len(table.columns))] for r in range(min(20, len(table)))]
    for i, column in enumerate(table.columns):
        cells = [row[i] for row in sample if row[i].strip()]
        numeric = bool(cells)
        for cell in cells:
            try:
                float(cell.replace(",", ""))
            except ValueError:
                numeric = False
                break
        if column in TEXT_COLUMNS or not numeric:
            text.add(column)
    units = {c: unit for c in table.columns if c in MONEY_COLUMNS}
    key = table.columns[0] if table.columns[0] in text else ""
    return TableSpec.from_columns(TABLE_TITLES.get(name, "数据表"), table.columns, text=text, units=units, key=key)


class Attachment:
    """What the chapter store adds to one calculator: save/restore, example reset, import."""

    def __init__(self, calculator: Any, slug: str) -> None:
        self.calculator, self.slug = calculator, slug
        self.store = store_for(slug)
        self.key = store_key(calculator)
        self.example = calculator.state()
        self.status = W.HTML(f"<small>本计算器的输入会自动保存；{PLAN_NOTE}</small>")
        self.message = W.HTML()
        reset = W.Button(description="恢复示例数据", icon="undo", layout=W.Layout(width="auto"),
                         tooltip="把本计算器恢复为书中的示例数据（你保存的输入将被替换）")
        reset.on_click(lambda _: self.reset())
        tools: list[W.Widget] = [reset]
        self.imports: dict[str, tuple[EditableTable, W.FileUpload]] = {}
        for name, table in _tables(calculator):
            download = W.Button(description="下载模板", icon="download", layout=W.Layout(width="auto"))
            upload = W.FileUpload(accept=".xlsx,.csv", multiple=False, description="导入 Excel/CSV",
                                  layout=W.Layout(width="auto"))
            download.on_click(lambda _b, n=name, t=table: self.offer_template(n, t))
            upload.observe(lambda change, n=name, t=table: self._uploaded(n, t, change), names="value")
            self.imports[name] = (table, upload)
            tools += [download, upload]
        self.link = W.HTML()
        calculator.box.children = (W.HBox(tools), self.link, self.message, *calculator.box.children, self.status)
        self._restore()
        if hasattr(calculator, "on_change"):
            calculator.on_change(lambda _state: self.save())
        else:
            calculator.input_listeners.append(lambda _c: self.save())

    # --- saving -----------------------------------------------------------------------
    def _restore(self) -> None:
        saved = self.store.get(self.key)
        if self.store.notice:
            self.message.value = error_html(InputError("答案文件", self.store.notice))
        if saved is not None:
            skipped = self.calculator.restore(saved) or []
            if skipped:
                self.message.value = error_html(InputError(
                    "答案文件", f"有 {len(skipped)} 项已保存的输入与当前版本不符，未能恢复：{'、'.join(skipped)}"))
            self.status.value = f"<small>已恢复你上次保存的输入（{html.escape(str(self.store.path))}）</small>"
            return
        accounts = _account_rows(self.slug)
        if not accounts:
            return
        from ..profile import make_profile

        profile = make_profile("我的公司", accounts=accounts)
        for _name, (table, _upload) in self.imports.items():
            if table.columns and table.columns[0] == "客户":
                table.value = starting_rows(profile, table.columns, table.value)
                self.status.value = "<small>已用你的客户名单作为起点（点“恢复示例数据”回到书中示例）</small>"

    def save(self) -> None:
        """Save the calculator's inputs now."""
        path = self.store.put(self.key, self.calculator.state())
        if path is None:
            self.status.value = error_html(InputError("答案文件", self.store.notice or "无法保存：你的输入仍在页面上"))
            return
        self.status.value = f"<small>已自动保存到 {html.escape(str(path))}；{PLAN_NOTE}</small>"

    def reset(self) -> None:
        """Back to the book's example data (the saved inputs are replaced by it)."""
        self.calculator.restore(self.example)
        self.save()
        self.message.value = "<small>已恢复书中的示例数据。</small>"

    # --- bring your own table ---------------------------------------------------------
    def _unit(self) -> str:
        return load_profile()[0].unit

    def template_bytes(self, name: str, table: EditableTable) -> bytes:
        """The .xlsx template for one table (headers, units, the first row as example)."""
        spec = table_spec(name, table, self._unit())
        example = dict(zip(table.columns, (table.cell(0, i) for i in range(len(table.columns))), strict=True)) \
            if len(table) else None
        with tempfile.TemporaryDirectory() as tmp:
            return write_template(Path(tmp) / "template.xlsx", spec, example).read_bytes()

    def offer_template(self, name: str, table: EditableTable) -> None:
        """Show a download link for the table's template."""
        data = base64.b64encode(self.template_bytes(name, table)).decode()
        filename = f"{self.slug}-{self.key}-{name}-模板.xlsx"
        self.link.value = (f"<a download='{html.escape(filename)}' href='data:{XLSX_MIME};base64,{data}'>"
                           f"⬇ 点此下载模板：{html.escape(filename)}</a>")

    def _uploaded(self, name: str, table: EditableTable, change: dict) -> None:
        files = change.get("new") or ()
        if not files:
            return
        item = files[0]
        self.import_file(name, bytes(item["content"]), str(item.get("name", "上传的文件")))

    def _validator(self, table: EditableTable, checked: list[object]) -> Callable[[pd.DataFrame], object]:
        """The calculator's own compute, run on the new rows without touching the table;
        its result is appended to ``checked`` (reused when the table takes those rows)."""
        def validate(frame: pd.DataFrame) -> object:
            table.frame = lambda: frame  # type: ignore[method-assign]
            try:
                result = self.calculator.compute()
            finally:
                del table.frame
            checked.append(result)
            return result
        return validate

    def _fill(self, table: EditableTable, rows: list[list[str]], checked: list[object]) -> None:
        """Put ``rows`` in ``table``; the recompute this triggers reuses the result that
        validation just computed from the same rows and inputs (a 10,000-row import
        would otherwise run the model twice)."""
        own = vars(self.calculator).get("compute")
        if not checked or own is None:
            table.value = rows
            return
        self.calculator.compute = lambda: checked[-1]
        try:
            table.value = rows
        finally:
            self.calculator.compute = own

    def import_file(self, name: str, raw: bytes, filename: str) -> bool:
        """Import a learner's file into table ``name``; on any problem nothing changes."""
        table, _upload = self.imports[name]
        spec = table_spec(name, table, self._unit())
        try:
            checked: list[object] = []
            result = import_table(raw, filename, spec, validate=self._validator(table, checked))
        except InputError as error:
            self.message.value = error_html(error) + "<small>表格未作任何改动。</small>"
            return False
        before = table.rows()
        self._fill(table, [[r[c] for c in spec.names] for r in result.rows], checked)  # lists: the table's own form
        if self.calculator.result is None or "kamlab-error" in self.calculator.error.value:
            table.value = before
            self.message.value = (self.calculator.error.value or "") + "<small>导入未通过检查，已恢复原来的表格。</small>"
            return False
        self.message.value = f"<span style='color:#007a33'>✔ {html.escape(result.message)}</span>"
        return True


def attach(calculator: Any) -> Attachment | None:
    """Attach ``calculator`` to the open chapter's answer file (no chapter open: nothing)."""
    slug = current_chapter()
    if not slug:
        return None
    attachment = Attachment(calculator, slug)
    calculator.attachment = attachment
    return attachment


def quiz_checked(answered: int, correct: int, total: int) -> None:
    """Save how far the open chapter's quiz got (the plan's progress overview reads it)."""
    slug = current_chapter()
    if slug and slug in CHAPTERS:
        store_for(slug).put_quiz(answered, correct, total)  # progress only: a failed save is not shown
