"""Bring your own table: a calculator's table from an .xlsx or CSV file, and its template.

A :class:`TableSpec` describes what a calculator's table expects: its columns in
order, which are numbers (and in what unit), which may be left blank, and the
other headers people write for each column (客户名称 for 客户, 销售收入 for 销售额,
the unit spelled into the header, …)::

    spec = TableSpec.from_columns("客户评分", ["客户", "销售额", "相对实力"],
                                  text=("客户",), units={"销售额": "万元"})
    result = import_table(upload_bytes, "我的客户.csv", spec, validate=check)

:func:`import_table` reads the file with :func:`kamlab.spreadsheet.read_table`
(CSV in UTF-8, UTF-8 with BOM or GBK; ``.xlsx``; at most 5 MB), maps columns by
header whatever their order, ignores extra columns (and says which), checks every
number cell and every name, and then runs the model's own check (``validate``,
given the new rows as a frame of strings). Any problem is one
:class:`~kamlab.InputError` in Chinese naming the file, the line and the column;
nothing is returned, so the caller's current table stays as it was.

:func:`template_frame` is the template a learner downloads: the expected headers
with their units and one example row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import _checks
from .errors import InputError
from .spreadsheet import MAX_BYTES, cell_error, read_table
from .text_clean import clean_text

#: Headers people commonly use for a column, besides its own name (Kingdee/Yonyou/SAP exports
#: in Chinese included). A unit in brackets after a header (销售额（万元）, 价税合计(元)) is ignored
#: when matching, so no unit variants are listed.
ALIASES: dict[str, tuple[str, ...]] = {
    "客户": ("客户名称", "名称", "客户名", "客户简称", "客户全称", "往来单位", "往来单位名称", "单位名称",
             "购货单位", "购买方", "公司", "公司名称", "客户编码名称", "customer", "account", "name"),
    "销售额": ("销售收入", "销售金额", "金额", "营业额", "营业收入", "年销售额", "本年销售额", "本期销售额",
               "累计销售额", "价税合计", "含税金额", "不含税金额", "收入", "销售", "sales", "revenue"),
    "利润": ("毛利", "毛利额", "销售毛利", "利润额", "毛利润", "年利润", "profit", "margin"),
    "相对实力": ("我方相对实力", "竞争实力", "业务实力", "relative strength", "strength"),
    "易损性": ("脆弱性", "vulnerability"),
    "机会": ("项目", "机会名称", "项目名称", "商机", "商机名称", "opportunity"),
    "阶段": ("所处阶段", "销售阶段", "商机阶段", "stage"),
    "金额": ("预计金额", "合同金额", "机会金额", "商机金额", "amount", "value"),
    "品类": ("采购品类", "物料", "物料名称", "category", "item"),
    "采购额": ("年采购额", "采购金额", "spend"),
    "标准": ("评价标准", "指标", "criterion"),
    "权重": ("weight",),
    "行业": ("行业名称", "industry"),
    "竞争对手": ("对手", "competitor"),
}

#: File endings the import accepts.
SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class Column:
    """One expected column.

    Attributes:
        name: the calculator's header (e.g. ``"销售额"``).
        numeric: cells must be numbers.
        unit: shown in the template's header (``销售额（万元）``) and accepted back.
        required: the column must be in the file (else it is filled with blanks).
        aliases: other headers accepted for it.
    """

    name: str
    numeric: bool = True
    unit: str = ""
    required: bool = True
    aliases: tuple[str, ...] = ()

    @property
    def header(self) -> str:
        """The template's header: the name with its unit."""
        return f"{self.name}（{self.unit}）" if self.unit else self.name

    def accepted(self) -> list[str]:
        """Every header accepted for this column (a unit in brackets after any of them is accepted too)."""
        return list(dict.fromkeys([self.name, *self.aliases, *ALIASES.get(self.name, ())]))


@dataclass(frozen=True)
class TableSpec:
    """What a calculator's table expects.

    Attributes:
        title: the table's Chinese name, used in messages and as the sheet name.
        columns: the expected columns, in the calculator's order.
        key: the column naming each row (must be filled and unique), or ``""``.
    """

    title: str
    columns: tuple[Column, ...]
    key: str = "客户"

    @classmethod
    def from_columns(cls, title: str, names: Sequence[str], text: Iterable[str] = ("客户",),
                     units: Mapping[str, str] | None = None, optional: Iterable[str] = (),
                     key: str | None = None) -> TableSpec:
        """A spec from a calculator's headers: ``text`` columns hold words, the rest numbers."""
        text, optional, units = set(text), set(optional), dict(units or {})
        columns = tuple(Column(n, numeric=n not in text, unit=units.get(n, ""), required=n not in optional)
                        for n in names)
        if key is None:
            key = next((n for n in names if n in text), "")
        return cls(title, columns, key)

    @property
    def names(self) -> list[str]:
        """The calculator's headers in order."""
        return [c.name for c in self.columns]


@dataclass(frozen=True)
class ImportResult:
    """A table read from a learner's file.

    Attributes:
        rows: one dict per data row, the calculator's headers as keys, cells as text.
        filename: the file's name.
        ignored: headers in the file that the calculator does not use.
        missing: the calculator's columns the file does not have: left blank, to be filled in
            (the model's own check is not run on such a partial table).
        extras: per row, the cells of the ignored columns (a calculator may take them as its own
            criteria, see :mod:`kamlab.widgets.chapter_work`).
    """

    rows: tuple[dict[str, str], ...]
    filename: str
    ignored: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extras: tuple[dict[str, str], ...] = ()

    @property
    def count(self) -> int:
        """Rows read."""
        return len(self.rows)

    def frame(self) -> pd.DataFrame:
        """The rows as a frame of strings."""
        return pd.DataFrame(list(self.rows), columns=list(self.rows[0]) if self.rows else None)

    @property
    def message(self) -> str:
        """What a learner is told after a successful import."""
        text = f"已从“{self.filename}”导入 {self.count} 行。"
        if self.ignored:
            text += f"未使用的列：{'、'.join(self.ignored)}。"
        if self.missing:
            text += f"文件中没有“{'”“'.join(self.missing)}”列：已留空，请在表格中补填。"
        return text


def _looks_binary(raw: bytes) -> bool:
    head = raw[:2048]
    return b"\x00" in head and not head.startswith(b"PK\x03\x04")


#: What the cleaning of a number cell removes or translates (a column without any is parsed as it is).
_MARKS = "%" + _checks.NUMBER_MARKS


def import_table(source: bytes | str | Path, filename: str, spec: TableSpec,
                 validate: Callable[[pd.DataFrame], object] | None = None,
                 max_bytes: int = MAX_BYTES) -> ImportResult:
    """Read a learner's file into rows for ``spec``'s calculator, or raise one Chinese error.

    Args:
        source: the file's bytes (an upload) or its path.
        filename: the name the learner sees in messages.
        spec: the calculator's expected table.
        validate: the model's own check, called with the new rows (a frame of
            strings in the calculator's column order); its ``InputError`` is passed on.
        max_bytes: the largest file accepted.
    """
    where = f"文件 {filename}"
    suffix = Path(filename).suffix.lower()
    if suffix and suffix not in SUFFIXES and suffix != ".xls":
        raise InputError(where, f"不是表格文件（{suffix}）：请上传 Excel（.xlsx）或 CSV 文件")
    if isinstance(source, bytes | bytearray):
        if len(source) > max_bytes:
            raise InputError(where, f"过大（{len(source):,} 字节，上限 {max_bytes:,}）：请只保留需要的行和列")
        if not source.strip():
            raise InputError(where, "是空的：第一行应为表头，下面每行一条记录")
        if _looks_binary(bytes(source)):
            raise InputError(where, "不是 Excel（.xlsx）或 CSV 表格：请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再试")
    frame = read_table(source, filename=filename, max_bytes=max_bytes)
    headers = [str(h) for h in frame.columns]
    frame = frame.rename(columns=match_headers(list(frame.columns), spec, filename))
    columns = set(spec.names)
    ignored = tuple(str(c) for c in frame.columns if c not in columns)
    if spec.key and spec.key not in frame.columns:
        raise InputError(where, missing_message(spec, [spec.key], headers))
    missing = tuple(c.name for c in spec.columns if c.required and c.name not in frame.columns)
    if not spec.key and missing:
        raise InputError(where, missing_message(spec, list(missing), headers))
    if frame.empty:
        raise InputError(where, "只有表头，没有数据行")
    n = len(frame)
    lines = [int(i) for i in frame.index]
    problems: list[tuple[int, int, str, str]] = []  # (row position, column position, column, message)
    cleaned: dict[str, pd.Series] = {}
    for ci, column in enumerate(spec.columns):
        if column.name not in frame.columns:
            cleaned[column.name] = pd.Series([""] * n, dtype=object)
            continue
        cells = pd.Series([clean_text(str(v)).strip() for v in frame[column.name].to_numpy()], dtype=object)
        if column.numeric:
            empty = cells == ""
            if _checks.plain_text(cells, _MARKS):  # nothing to clean: typed plain numbers (or words)
                plain = cells
            else:  # full-width digits from an IME, thousands commas, a percent sign
                plain = pd.Series([_checks.number_text(c).rstrip("%") for c in cells], dtype=object)
            numbers = pd.to_numeric(plain, errors="coerce")
            bad = ~empty & ~np.isfinite(numbers.to_numpy(dtype=float))
            if bad.any():
                pos = int(bad.argmax())
                problems.append((pos, ci, column.name, f"应为数字，当前为“{cells.iloc[pos]}”"))
            if column.required and empty.any() and column.name not in missing:
                problems.append((int(empty.argmax()), ci, column.name, "为空：请填写一个数字"))
            cells = plain.where(~empty, "")
        cleaned[column.name] = cells
    if spec.key:
        names = cleaned[spec.key]
        empty = names == ""
        if empty.any():
            problems.append((int(empty.argmax()), -1, spec.key, "为空：每一行都要写明名称"))
        repeated = names.duplicated() & ~empty
        if repeated.any():
            pos = int(repeated.argmax())
            first = int((names == names.iloc[pos]).argmax())
            problems.append((pos, -1, spec.key, f"“{names.iloc[pos]}”与第 {lines[first]} 行重复"))
    if problems:
        pos, _, column_name, message = min(problems)
        raise cell_error(filename, lines[pos], column_name, message)
    headers = spec.names
    rows = [dict(zip(headers, values, strict=True))
            for values in zip(*(cleaned[h].tolist() for h in headers), strict=True)]
    extras = tuple(dict(zip(ignored, values, strict=True))
                   for values in frame[list(ignored)].itertuples(index=False, name=None)) if ignored else ()
    result = ImportResult(tuple(rows), filename, ignored, missing, extras)
    if validate is not None and not missing:
        try:
            validate(result.frame())
        except InputError as error:
            raise InputError(where, f"内容未通过{spec.title}的检查，未导入：{error}", error.value) from None
    return result


_UNIT_SUFFIX = re.compile(r"\s*(?:[（(][^（）()]*[）)]|/\s*\S+)\s*$")


def _norm(header: str) -> str:
    return "".join(str(header).split()).lower().lstrip("\ufeff")


def match_headers(headers: Sequence[str], spec: TableSpec, filename: str = "上传的文件") -> dict[str, str]:
    """Which of a file's ``headers`` is which of ``spec``'s columns: ``{file header: column}``.

    A header matches a column by its name or one of its aliases, case and spaces ignored, with
    or without a unit in brackets after it (``销售额（万元）``, ``价税合计(元)``, ``利润/万元``). A
    column's own name wins over another column's alias (a table with a 金额 column keeps it).
    Two headers for one column: one Chinese error.
    """
    own = {_norm(c.name): c.name for c in spec.columns}
    table: dict[str, str] = {}
    for column in spec.columns:
        for alias in column.accepted():
            table.setdefault(_norm(alias), column.name)
    table.update(own)
    found: dict[str, str] = {}
    for header in headers:
        text = str(header)
        name = table.get(_norm(text)) or table.get(_norm(_UNIT_SUFFIX.sub("", text)))
        if name is None:
            continue
        if name in found.values():
            first = next(h for h, n in found.items() if n == name)
            raise InputError(f"文件 {filename}", f"“{first}”和“{text}”都对应“{name}”列：请只保留一列")
        found[text] = name
    return found


def missing_message(spec: TableSpec, missing: Sequence[str], found: Sequence[str]) -> str:
    """A few lines: which columns are missing (with a few other names for each), what the file has."""
    by_name = {c.name: c for c in spec.columns}
    parts = []
    for name in missing:
        others = [a for a in by_name[name].accepted()[1:] if not a.isascii()][:3]
        parts.append(f"“{name}”" + (f"（也可写作 {'、'.join(others)}）" if others else ""))
    shown = "、".join(f"“{h}”" for h in found[:8]) + ("等" if len(found) > 8 else "")
    return (f"找不到{'、'.join(parts)}列。文件中的表头：{shown or '（无）'}。"
            "请点“下载模板”对照表头，改好后再导入")


def template_frame(spec: TableSpec, example: Mapping[str, object] | None = None) -> pd.DataFrame:
    """The downloadable template: headers with units and one example row."""
    example = dict(example or {})
    row = {c.header: example.get(c.name, "") for c in spec.columns}
    for c in spec.columns:
        value = row[c.header]
        if c.numeric and value not in ("", None):
            try:
                row[c.header] = _checks.to_number(value, c.name)
            except InputError:
                row[c.header] = value
    return pd.DataFrame([row], columns=[c.header for c in spec.columns])


def template_notes(spec: TableSpec) -> pd.DataFrame:
    """The template's second sheet: what each column means and which other headers are accepted."""
    rows = [{"列": c.header, "内容": ("数字" + (f"，单位：{c.unit}" if c.unit else "")) if c.numeric else "文字",
             "必填": "是" if c.required else "否", "也可写作": "、".join(c.accepted()[1:7]) or "—"}
            for c in spec.columns]
    return pd.DataFrame(rows, columns=["列", "内容", "必填", "也可写作"])


def write_template(path: str | Path, spec: TableSpec, example: Mapping[str, object] | None = None) -> Path:
    """Write the template (.xlsx: the table sheet first, then 说明) and return its path."""
    from .spreadsheet import write_excel

    return write_excel(path, {spec.title[:31]: template_frame(spec, example), "说明": template_notes(spec)})
