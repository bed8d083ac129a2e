"""Tables that trainers and learners bring and take away: CSV (UTF-8, UTF-8 with
BOM, GBK) and Excel ``.xlsx``, read and written the same way everywhere.

Reading — :func:`read_table`::

    frame = read_table("roster.csv", columns={"learner_id": ["学号", "learner_id"],
                                              "name": ["姓名", "name"]},
                       required=["learner_id"])

- ``source`` is a path or the file's bytes (an upload); ``filename`` names it in
  messages (and, for bytes, tells ``.xlsx`` from CSV; a ``PK`` zip header also does).
- CSV is decoded as ``utf-8-sig`` (UTF-8 with or without BOM), then ``gb18030``
  (a superset of GBK, what Excel on Chinese Windows saves as "CSV（逗号分隔）").
- ``columns`` maps each canonical column name to the headers accepted for it
  (matched case-insensitively, spaces ignored); the frame's columns are renamed to
  the canonical names, other columns are kept as they are. ``required`` lists the
  canonical names that must be present.
- Every cell comes back as a stripped ``str`` without control characters
  (:func:`kamlab.text_clean.clean_text`) (empty cells ``""``; Excel numbers as
  ``"2"``/``"1.5"``; dates as ISO text); rows with every cell empty are dropped.
- The frame's index is the row's **line number in the file** (header = line 1), so
  a caller can say where a bad value is: ``cell_error(filename, line, column, …)``.
- An ``.xlsx`` is refused before any reader opens it when its parts inflate past 64 MB
  (a deflate bomb) or a sheet's declared or used range reaches past 100,000 rows,
  500 columns or 2,000,000 cells (one cell at ``XFD1048576`` would otherwise make the
  reader allocate ≈ 549 GB): see :mod:`kamlab._xlsx_guard`.
- Paths are read only when they are regular files, never more than ``max_bytes``
  + 1 bytes (a FIFO, a device or a symlink to ``/dev/zero`` is refused).

Every problem is an :class:`~kamlab.errors.InputError` whose message is one Chinese
line naming the file (and the line and column where there is one).

Writing — :func:`write_excel` writes one or more frames as sheets with a bold,
frozen header row, filters, fitted column widths, number/percent/date-time formats,
and every text cell written as text (control characters and lone surrogates removed): a cell beginning with ``=``, ``+``, ``-`` or
``@`` never becomes a formula.
"""

from __future__ import annotations

import csv
import io
import math
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from ._xlsx_guard import check_xlsx
from .errors import InputError
from .text_clean import clean_text

#: Largest file :func:`read_table` accepts by default (5 MB: a roster or a review list of
#: a few thousand rows is far below).
MAX_BYTES = 5 * 1024 * 1024

#: Excel number formats for :func:`write_excel`'s ``formats``.
PERCENT = "0.0%"
NUMBER = "0.00"
INTEGER = "0"
DATETIME = "yyyy-mm-dd hh:mm"
TEXT = "@"

_FORMULA_START = ("=", "+", "-", "@")


def cell_error(filename: str, line: int | None, column: str | None, message: str) -> InputError:
    """The error for one place in a file: ``「文件 f」第 3 行“得分”列：message``."""
    where = (f"第 {line} 行" if line else "") + (f"“{column}”列" if column else "")
    return InputError(f"文件 {filename}", f"{where}：{message}" if where else message, column)


def read_bytes(path: str | Path, *, limit: int = MAX_BYTES, what: str = "文件") -> bytes:
    """The bytes of a regular file, refusing anything that is not one or is over ``limit``.

    The file is opened non-blocking (a FIFO cannot hang the caller), checked with
    ``fstat`` on the open descriptor (no race with a swapped file) and read up to
    ``limit + 1`` bytes only.
    """
    name = str(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(what, f"找不到文件“{name}”（是否拼错了路径，或是指向不存在文件的链接？）", name) from None
    except IsADirectoryError:
        raise InputError(what, f"“{name}”是一个文件夹，不是文件", name) from None
    except OSError as error:
        raise InputError(what, f"无法打开“{name}”：{error.strerror}", name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(what, f"“{name}”是一个文件夹，不是文件", name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(what, f"“{name}”不是普通文件（设备、管道或特殊文件一律不读）", name)
        if info.st_size > limit:
            raise InputError(what, f"“{name}”过大（{info.st_size:,} 字节，上限 {limit:,}）", name)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(what, f"“{name}”过大（超过上限 {limit:,} 字节）", name)
    return b"".join(chunks)


def _cell_text(value: object) -> str:
    kind = type(value)  # the two common cases first: a sheet of 80,000 cells is mostly these
    if kind is str:
        return clean_text(value).strip()  # type: ignore[arg-type]
    if kind is float:
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)  # type: ignore[attr-defined]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _decode(raw: bytes, filename: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"文件 {filename}", "无法识别文字编码：请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx 后再试")


def _csv_rows(raw: bytes, filename: str) -> list[list[str]]:
    text = _decode(raw, filename)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    try:
        return [[clean_text(cell).strip() for cell in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise InputError(f"文件 {filename}", f"不是有效的 CSV：{error}") from None


def _pick_sheet(names: Sequence[str], sheet: str | int, filename: str) -> int:
    """The index of ``sheet`` (a position or a name) among ``names``, or a Chinese error."""
    if isinstance(sheet, int):
        if sheet >= len(names):
            raise InputError(f"文件 {filename}", f"没有第 {sheet + 1} 个工作表")
        return sheet
    if sheet in names:
        return list(names).index(sheet)
    raise InputError(f"文件 {filename}", f"没有名为“{sheet}”的工作表（现有：{'、'.join(names)}）")


def _damaged(filename: str, error: Exception) -> InputError:
    return InputError(f"文件 {filename}", f"不是有效的 .xlsx 文件（{type(error).__name__}）："
                      "请在 Excel/WPS 中重新另存为 .xlsx")


def _xlsx_rows(raw: bytes, filename: str, sheet: str | int) -> list[list[str]]:
    """Rows of one worksheet as text. python-calamine (a Rust reader, ~7× faster than openpyxl
    on a 10,000-row sheet) when it is installed; openpyxl otherwise (e.g. in JupyterLite).
    Either reader gets the file only once :func:`kamlab._xlsx_guard.check_xlsx` has bounded
    what it inflates to and how far its sheets reach."""
    check_xlsx(raw, filename)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return _xlsx_rows_openpyxl(raw, filename, sheet)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as error:  # noqa: BLE001 - calamine raises several kinds for a damaged file
        raise _damaged(filename, error) from None
    index = _pick_sheet(book.sheet_names, sheet, filename)
    try:
        rows = book.get_sheet_by_index(index).to_python(skip_empty_area=False)
    except Exception as error:  # noqa: BLE001
        raise _damaged(filename, error) from None
    return [list(map(_cell_text, row)) for row in rows]


def _xlsx_rows_openpyxl(raw: bytes, filename: str, sheet: str | int) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _damaged(filename, error) from None
    try:
        ws = book.worksheets[_pick_sheet(book.sheetnames, sheet, filename)]
        return [list(map(_cell_text, row)) for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def _norm(header: str) -> str:
    return "".join(str(header).split()).lower().lstrip("\ufeff")


def read_table(source: str | Path | bytes, *, filename: str | None = None,
               columns: Mapping[str, Sequence[str]] | None = None, required: Iterable[str] = (),
               sheet: str | int = 0, max_bytes: int = MAX_BYTES) -> pd.DataFrame:
    """Read a CSV or ``.xlsx`` table into a frame of stripped strings, indexed by line number.

    See the module docstring for encodings, header aliases and errors.
    """
    if isinstance(source, bytes | bytearray):
        raw = bytes(source)
        filename = filename or "上传的文件"
        if len(raw) > max_bytes:
            raise InputError(f"文件 {filename}", f"过大（{len(raw):,} 字节，上限 {max_bytes:,}）")
    else:
        filename = filename or Path(source).name
        raw = read_bytes(source, limit=max_bytes, what=f"文件 {filename}")
    suffix = Path(filename).suffix.lower()
    if suffix == ".xls" or raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(f"文件 {filename}", "是旧版 Excel（.xls）格式：请另存为 .xlsx 或 CSV 后再试")
    if suffix in (".xlsx", ".xlsm") or raw[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(raw, filename, sheet)
    else:
        rows = _csv_rows(raw, filename)
    lines = [(n, row) for n, row in enumerate(rows, start=1)]
    header_at = next((i for i, (_, row) in enumerate(lines) if any(row)), None)
    if header_at is None:
        raise InputError(f"文件 {filename}", "是空的：第一行应为表头")
    header_line, header = lines[header_at]
    while header and not header[-1]:
        header = header[:-1]
    wanted = {_norm(alias): name for name, aliases in (columns or {}).items() for alias in (name, *aliases)}
    names: list[str] = []
    for i, cell in enumerate(header):
        name = wanted.get(_norm(cell), cell) if cell else f"列{i + 1}"
        if name in names:
            raise cell_error(filename, header_line, cell, "表头中出现了两次（或两个同义列名），请只保留一列")
        names.append(name)
    missing = [name for name in required if name not in names]
    if missing:
        accepted = "；".join(f"“{name}”可写作 " + "、".join(dict.fromkeys((columns or {}).get(name, [name])))
                            for name in missing)
        raise cell_error(filename, header_line, None, f"表头缺少必需的列（{accepted}）；现有表头：{'、'.join(header) or '（空）'}")
    data, index = [], []
    width = len(names)
    for n, row in lines[header_at + 1:]:
        if not any(row):
            continue
        if len(row) == width:  # the usual row: exactly the header's cells
            data.append(row)
            index.append(n)
            continue
        extra = [c for c in row[width:] if c]
        if extra:
            raise cell_error(filename, n, None, f"比表头多出 {len(row) - len(names)} 个单元格（“{extra[0]}”）：是否少了表头或多了逗号？")
        data.append([*row[:len(names)], *[""] * (len(names) - len(row))])
        index.append(n)
    frame = pd.DataFrame(data, columns=names, index=pd.Index(index, name="行号"), dtype=object)
    return frame.fillna("")


# --- writing --------------------------------------------------------------------------


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    longest = max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in text.splitlines()), default=0)
    return longest


def _default_format(series: pd.Series) -> str | None:
    if pd.api.types.is_datetime64_any_dtype(series):
        return DATETIME
    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_integer_dtype(series):
        return INTEGER
    if pd.api.types.is_float_dtype(series):
        return NUMBER
    return None


def _excel_value(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            return None
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def write_excel(path: str | Path, sheets: Mapping[str, pd.DataFrame], *,
                formats: Mapping[str, str] | None = None) -> Path:
    """Write ``sheets`` (sheet name → frame, index ignored) to an ``.xlsx`` file.

    Each sheet gets a bold, frozen header row, an autofilter and column widths fitted to
    the text (CJK characters count double, at most 60). ``formats`` maps a column name to
    an Excel number format (:data:`PERCENT` for shares stored as 0…1, :data:`NUMBER`,
    :data:`INTEGER`, :data:`DATETIME`, :data:`TEXT`); other columns get one by dtype
    (date-times, integers, floats). Time-zone-aware date-times are written as the local
    wall time they hold. Text is always written as text, never as a formula. Returns the path.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    formats = dict(formats or {})
    book = Workbook()
    book.remove(book.active)
    for sheet_name, frame in sheets.items():
        ws = book.create_sheet(clean_text(str(sheet_name))[:31])
        columns = [clean_text(str(c)) for c in frame.columns]
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="center")
        number_formats = [formats.get(c) or _default_format(frame.iloc[:, i]) for i, c in enumerate(columns)]
        widths = [_width(c) for c in columns]
        for r, row in enumerate(frame.itertuples(index=False), start=2):
            for c, raw in enumerate(row, start=1):
                value = _excel_value(raw)
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    value = clean_text(value)  # a control character or lone surrogate has no place in a cell
                    cell.value = value
                    cell.data_type = "s"  # never a formula, whatever the text begins with
                    if value.startswith(_FORMULA_START):
                        cell.quotePrefix = True
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.value = value
                    fmt = number_formats[c - 1]
                    if fmt and value is not None:
                        cell.number_format = fmt
                widths[c - 1] = max(widths[c - 1], 16 if isinstance(value, datetime) else _width(value))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(60, max(6, width + 2))
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(frame) + 1)}"
    if not book.worksheets:
        book.create_sheet("Sheet1")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
