"""Bounds an ``.xlsx`` file must meet before any reader opens it.

An ``.xlsx`` is a zip of XML parts. Two small files can take a whole machine down:

- a 5 KB sheet with one cell at ``XFD1048576``: a reader that builds the sheet as a
  rectangle allocates 1,048,576 × 16,384 cells (≈ 549 GB: the process aborts);
- a deflate bomb: 0.4 MB that inflates to hundreds of MB.

:func:`check_xlsx` inflates every part itself, counting what the compressed data
really produces (not what the zip's headers declare), stops at
:data:`MAX_UNCOMPRESSED`, then scans each worksheet's XML for its declared dimension,
its rows and its cells (explicit ``r="B7"`` references or implicit positions) and
refuses a sheet wider, longer or larger than the bounds. Only then may
python-calamine or openpyxl read the file.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from .errors import InputError

#: Largest total the parts of one workbook may inflate to.
MAX_UNCOMPRESSED = 64 * 1024 * 1024
#: Most rows, columns and cells (rows × columns of the used rectangle) a sheet may span.
MAX_ROWS = 100_000
MAX_COLUMNS = 500
MAX_CELLS = 2_000_000
#: Most parts a workbook may hold.
MAX_PARTS = 2_000

_TAG = re.compile(rb"""<(?:[\w.-]+:)?(row|c)(?=[\s/>])(?:[^>]*?\sr\s*=\s*["']([A-Za-z]{0,3})(\d{1,9})["'])?[^>]*>""")
_DIMENSION = re.compile(rb"""<(?:[\w.-]+:)?dimension\b[^>]*\sref\s*=\s*["']([^"']*)["']""")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,9})")


def _column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode("ascii").upper():
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _refuse(filename: str, message: str) -> InputError:
    return InputError(f"文件 {filename}", message)


def _inflated_too_much(filename: str) -> InputError:
    return _refuse(filename, f"解压后超过 {MAX_UNCOMPRESSED // (1024 * 1024)} MB（疑似压缩炸弹或超大表格）："
                   "请只保留需要的行和列，另存后再试")


def _too_big(filename: str, rows: int, columns: int, what: str) -> InputError:
    return _refuse(filename, f"{what}到 {_column_letters(columns)}{rows}（{rows:,} 行 × {columns:,} 列），"
                   f"超过上限（{MAX_ROWS:,} 行、{MAX_COLUMNS} 列、{MAX_CELLS:,} 个单元格）：请只保留需要的行和列，另存后再试")


def _check_area(filename: str, rows: int, columns: int, what: str) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _too_big(filename, rows, columns, what)


def _inflate(raw: bytes, info: zipfile.ZipInfo, budget: int, filename: str, keep: bool) -> tuple[int, bytes]:
    """How many bytes the part's compressed data inflates to (at most ``budget``, or an
    error), and those bytes when ``keep``."""
    start = info.header_offset
    header = raw[start:start + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _refuse(filename, "不是有效的 .xlsx 文件（压缩包结构损坏）：请在 Excel/WPS 中重新另存为 .xlsx")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    begin = start + 30 + name_len + extra_len
    data = raw[begin:begin + info.compress_size]
    over = _inflated_too_much(filename)
    if info.compress_type == zipfile.ZIP_STORED:
        if len(data) > budget:
            raise over
        return len(data), data
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _refuse(filename, "使用了 Excel 不用的压缩方式：请在 Excel/WPS 中重新另存为 .xlsx")
    inflater = zlib.decompressobj(-15)
    chunks: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending and not inflater.eof:
            chunk = inflater.decompress(pending, min(1 << 20, budget - size + 1))
            pending = inflater.unconsumed_tail
            size += len(chunk)
            if size > budget:
                raise over
            if keep:
                chunks.append(chunk)
            if not chunk and not pending:
                break
        tail = inflater.flush(budget - size + 1)
    except zlib.error:
        raise _refuse(filename, "不是有效的 .xlsx 文件（压缩数据损坏）：请在 Excel/WPS 中重新另存为 .xlsx") from None
    size += len(tail)
    if size > budget:
        raise over
    chunks.append(tail)
    return size, b"".join(chunks) if keep else b""


def _scan_sheet(xml: bytes, filename: str) -> None:
    """Refuse a worksheet whose declared dimension or cells reach past the bounds."""
    declared = _DIMENSION.search(xml)
    if declared:
        end = declared.group(1).decode("ascii", "replace").split(":")[-1]
        cell = _CELL.fullmatch(end.strip())
        if cell:
            _check_area(filename, int(cell.group(2)), _column_number(cell.group(1)), "表格声明的范围")
    row = max_row = max_column = column = cells = 0
    numbers: dict[bytes, int] = {}
    for match in _TAG.finditer(xml):
        tag, letters, digits = match.groups()
        if tag == b"row":
            row = int(digits) if digits else row + 1
            column = 0
            if row > max_row:
                max_row = row
        else:
            cells += 1
            if letters:
                column = numbers.get(letters) or numbers.setdefault(letters, _column_number(letters))
                if int(digits) > max_row:
                    max_row = int(digits)
            else:
                column += 1
            if column > max_column:
                max_column = column
        if max_row > MAX_ROWS or max_column > MAX_COLUMNS or cells > MAX_CELLS:
            break
    _check_area(filename, max_row, max_column, "表格的内容")


def check_xlsx(raw: bytes, filename: str) -> None:
    """Raise one Chinese :class:`InputError` unless ``raw`` is an ``.xlsx`` within the bounds."""
    try:
        book = zipfile.ZipFile(io.BytesIO(raw))
        parts = book.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # not a zip at all: the reader says the file is damaged
    if len(parts) > MAX_PARTS:
        raise _refuse(filename, f"包含 {len(parts):,} 个部件，不像 Excel 工作簿：请重新另存为 .xlsx")
    budget = MAX_UNCOMPRESSED
    for info in parts:
        if info.file_size > budget:  # declared already too large: no need to inflate
            raise _inflated_too_much(filename)
        name = info.filename.lower()
        sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
        size, data = _inflate(raw, info, budget, filename, keep=sheet)
        budget -= size
        if sheet:
            _scan_sheet(data, filename)
