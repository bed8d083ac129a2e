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

from .._checks import number_text
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


#: Where :func:`account_list` found the learner's accounts (shown to the learner).
FROM_PROFILE, FROM_WANG01 = "公司档案", "王渊 第一讲（wang-01）的吸引力计算表"


def account_list(slug: str | None = None) -> tuple[list[dict[str, str]], str]:
    """The one account list every calculator starts from, and where it came from: the profile's,
    else the accounts saved in wang-01's selection calculator (imported or typed there), else none.
    ``slug`` is the chapter asking (wang-01 itself does not start from its own saves)."""
    profile, _ = load_profile()
    if not profile.is_example:
        return [dict(r) for r in profile.accounts], FROM_PROFILE
    if profile.use_example and profile.accounts:  # the learner chose the book's example
        return [], ""
    saved = store_for("wang-01").get("selection") if slug != "wang-01" else None
    rows = saved.get("accounts") if isinstance(saved, dict) else None
    kept = [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in rows
            if isinstance(r, dict) and str(r.get("客户", "")).strip()] if isinstance(rows, list) else []
    return kept, FROM_WANG01 if kept else ""


def _account_rows(slug: str) -> list[dict[str, str]]:
    return account_list(slug)[0]


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
        self.downloads: dict[str, W.HTML] = {}
        self.backups = BackupStore(slug)
        self.reset_button = W.Button(description="恢复示例数据", icon="undo", layout=W.Layout(width="auto"),
                                     tooltip="把本计算器恢复为书中的示例数据（先问你，并备份你的输入，可撤销）")
        self.reset_button.on_click(lambda _: self.ask_reset())
        self.confirm = W.Button(description="确定恢复", button_style="warning", layout=W.Layout(width="auto"))
        self.cancel = W.Button(description="取消", layout=W.Layout(width="auto"))
        self.confirm.on_click(lambda _: self.reset())
        self.cancel.on_click(lambda _: self._hide_question())
        self.question = W.HBox([W.HTML("<span>用书中的示例替换本计算器的全部输入？你的输入会先备份，可随时撤销。</span>"),
                                self.confirm, self.cancel], layout=W.Layout(display="none", flex_flow="row wrap"))
        self.undo_button = W.Button(description="撤销：找回我的输入", icon="history", layout=W.Layout(width="auto"),
                                    tooltip="回到恢复示例数据之前你的输入")
        self.undo_button.on_click(lambda _: self.undo_reset())
        self.undo_button.layout.display = None if self.backups.get(store_key(calculator)) is not None else "none"
        tools: list[W.Widget] = [self.reset_button, self.undo_button]
        self.imports: dict[str, tuple[EditableTable, W.FileUpload]] = {}
        for name, table in _tables(calculator):
            download = W.HTML(layout=W.Layout(width="auto"))
            upload = W.FileUpload(accept=".xlsx,.csv", multiple=False, description="导入 Excel/CSV",
                                  tooltip="从 Excel（.xlsx）或 CSV 文件导入这张表：按表头对应各列",
                                  layout=W.Layout(width="auto"))
            upload.observe(lambda change, n=name, t=table, u=upload: self._uploaded(n, t, u, change), names="value")
            self.imports[name] = (table, upload)
            self.downloads[name] = download
            tools += [download, upload]
        self.link = W.HTML()
        calculator.box.children = (W.HBox(tools, layout=W.Layout(flex_flow="row wrap")), self.question, self.link,
                                   self.message, *calculator.box.children, self.status)
        for name, (table, _upload) in self.imports.items():
            self._refresh_download(name, table)
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
            notice = getattr(self.calculator, "notice", None)
            if skipped and not (notice is not None and notice.value):  # else the calculator's own notice says it
                self.message.value = error_html(InputError(
                    "答案文件", f"有 {len(skipped)} 项已保存的输入与当前版本不符，未能恢复：{'、'.join(skipped)}"))
            self.status.value = f"<small>已恢复你上次保存的输入（{html.escape(str(self.store.path))}）</small>"
            return
        accounts, source = account_list(self.slug)
        if not accounts:
            return
        from ..profile import make_profile

        try:
            profile = make_profile("我的公司", accounts=accounts)
        except InputError:
            return
        started = ""
        for _name, (table, _upload) in self.imports.items():
            if table.columns and table.columns[0] == "客户":
                table.value = starting_rows(profile, table.columns, table.value)
                started = "已用你的客户名单作为起点"
        hook = getattr(self.calculator, "start_from_accounts", None)
        if hook is not None:
            started = hook(list(profile.accounts)) or started
        if started:
            self.status.value = (f"<small>{html.escape(started)}（来自{html.escape(source)}；"
                                 "点“恢复示例数据”回到书中示例）</small>")

    def save(self) -> None:
        """Save the calculator's inputs now."""
        path = self.store.put(self.key, self.calculator.state())
        if path is None:
            self.status.value = error_html(InputError("答案文件", self.store.notice or "无法保存：你的输入仍在页面上"))
            return
        self.status.value = f"<small>已自动保存到 {html.escape(str(path))}；{PLAN_NOTE}</small>"

    def ask_reset(self) -> None:
        """Ask before replacing the learner's inputs by the example."""
        self.question.layout.display = None

    def _hide_question(self) -> None:
        self.question.layout.display = "none"

    def reset(self) -> None:
        """Back to the book's example data, after a backup of the learner's inputs (see :meth:`undo_reset`)."""
        self._hide_question()
        current = self.calculator.state()
        if current != self.example and self.backups.put(self.key, current) is None:
            self.message.value = error_html(InputError("恢复示例数据", f"无法备份你的输入（{self.backups.notice}），未作改动"))
            return
        self.calculator.restore(self.example)
        self.save()
        self.undo_button.layout.display = None if self.backups.get(self.key) is not None else "none"
        self.message.value = "<small>已恢复书中的示例数据；你原来的输入已备份，点“撤销：找回我的输入”即可找回。</small>"

    def undo_reset(self) -> bool:
        """Put back the inputs backed up by the last :meth:`reset`."""
        backup = self.backups.get(self.key)
        if backup is None:
            self.message.value = error_html(InputError("撤销", "没有可找回的备份"))
            return False
        skipped = self.calculator.restore(backup) or []
        self.save()
        self.backups.put(self.key, None)
        self.undo_button.layout.display = "none"
        self.message.value = "<small>已找回恢复示例数据之前你的输入。</small>" + (
            error_html(InputError("撤销", f"有 {len(skipped)} 项未能找回：{'、'.join(skipped)}")) if skipped else "")
        return True

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

    def template_filename(self, name: str) -> str:
        return f"{self.slug}-{self.key}-{name}-模板.xlsx"

    def _refresh_download(self, name: str, table: EditableTable) -> None:
        """The 下载模板 link: one click downloads the template (built from the table's current columns)."""
        self.downloads[name].value = download_button_html(self.template_bytes(name, table), self.template_filename(name))

    def offer_template(self, name: str, table: EditableTable) -> None:
        """Refresh the table's template link (after its columns changed)."""
        self._refresh_download(name, table)

    def _uploaded(self, name: str, table: EditableTable, upload: W.FileUpload, change: dict) -> None:
        files = change.get("new") or ()
        if not files:
            return
        item = files[0]
        try:
            self.import_file(name, bytes(item["content"]), str(item.get("name", "上传的文件")))
        finally:
            upload.value = ()  # choosing the same file again (after fixing it) is a change again

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
        before, criteria_before = table.rows(), self._criteria_rows(table)
        note = self._own_criteria(table, spec, result)
        names = table.columns
        rows = [[r.get(c, "") if c in r else extra.get(c, "") for c in names]
                for r, extra in zip(result.rows, result.extras or ({},) * result.count, strict=True)]
        self._fill(table, rows, checked if not (result.missing or note) else [])  # lists: the table's own form
        partial = bool(result.missing) or bool(note)
        if not partial and (self.calculator.result is None or "kamlab-error" in self.calculator.error.value):
            table.value = before
            self._restore_criteria(table, criteria_before)
            self.message.value = (self.calculator.error.value or "") + "<small>导入未通过检查，已恢复原来的表格。</small>"
            return False
        text = result.message if not note else result.message.split("文件中没有")[0] + note
        self.message.value = f"<span style='color:#007a33'>✔ {html.escape(text)}</span>"
        if result.missing and not note:
            self.message.value += "<br><small>空白格已标出，补填后结果会自动重算。</small>"
        self._refresh_download(name, table)
        return True

    # --- an import's own criteria -----------------------------------------------------
    def _sheet_for(self, table: EditableTable) -> Any:
        sheet = getattr(self.calculator, "sheet", None)
        return sheet if sheet is not None and getattr(sheet, "items", None) is table else None

    def _criteria_rows(self, table: EditableTable) -> list[list[str]] | None:
        sheet = self._sheet_for(table)
        return sheet.criteria.rows() if sheet is not None else None

    def _restore_criteria(self, table: EditableTable, rows: list[list[str]] | None) -> None:
        sheet = self._sheet_for(table)
        if sheet is not None and rows is not None and sheet.criteria.rows() != rows:
            sheet.criteria.value = rows

    def _own_criteria(self, table: EditableTable, spec: TableSpec, result: Any) -> str:
        """When the file has none of the current criteria but score columns of its own, make those
        the criteria (equal weights, to adjust); returns what the learner is told, or ""."""
        sheet = self._sheet_for(table)
        if sheet is None:
            return ""
        criteria = [c for c in sheet.names() if c]
        if not criteria or any(c not in result.missing for c in criteria) or not result.extras:
            return ""
        own = [h for h in result.ignored if _scores(result.extras, h)]
        if not own:
            return ""
        weights = equal_weights(len(own))
        sheet.criteria.value = [[h, f"{w:g}"] for h, w in zip(own, weights, strict=True)]
        sheet.sync()
        self._refresh_download(next(n for n, (t, _u) in self.imports.items() if t is table), table)
        left = [c for c in result.missing if c not in criteria]
        return (f"已把文件中的 {len(own)} 个评分列（{'、'.join(own)}）设为{sheet.label.removesuffix('权重')}标准，"
                f"权重暂按平均分配（{'、'.join(f'{w:g}' for w in weights)}），请按重要性调整，合计 100。"
                + (f"文件中没有“{'”“'.join(left)}”列：已留空，请在表格中补填。" if left else ""))


def _scores(extras: Any, header: str) -> bool:
    """Whether a column the calculator does not use holds scores (numbers 0–10, some blanks allowed)."""
    cells = [str(r.get(header, "")).strip() for r in extras]
    filled = [c for c in cells if c]
    if not filled:
        return False
    try:
        return all(0 <= float(number_text(c)) <= 10 for c in filled)
    except ValueError:
        return False


def equal_weights(n: int) -> list[float]:
    """``n`` weights with one decimal summing to exactly 100 (the last takes the rounding)."""
    each = round(100 / n, 1)
    return [each] * (n - 1) + [round(100 - each * (n - 1), 1)]


def download_button_html(raw: bytes, filename: str, label: str = "下载模板") -> str:
    """A one-click download that looks like the toolbar's buttons (the file is in the link itself)."""
    data = base64.b64encode(raw).decode()
    return (f"<a class='jupyter-button widget-button kamlab-download' download='{html.escape(filename)}' "
            f"href='data:{XLSX_MIME};base64,{data}' title='下载 {html.escape(filename)}' "
            "style='display:inline-flex;align-items:center;padding:0 10px;text-decoration:none;color:inherit'>"
            f"⬇ {html.escape(label)}</a>")


class BackupStore:
    """The learner's inputs as they were before 恢复示例数据, one per calculator, in
    ``kamlab-answers/backups.json`` (kept across kernel restarts; the plan never reads it)."""

    def __init__(self, slug: str) -> None:
        from ..learner.answers import AnswerStore

        self.slug = slug
        self.store = AnswerStore("backups")
        self.notice = ""

    def get(self, key: str) -> Any:
        data = self.store.load()
        return (data.get(self.slug) or {}).get(key) if isinstance(data.get(self.slug), dict) else None

    def put(self, key: str, state: Any) -> Any:
        path = self.store.update({self.slug: {key: state}})
        self.notice = self.store.notice
        return path


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
