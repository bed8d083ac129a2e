"""The plan as an Excel workbook: one sheet per part, one real Excel table per block.

Sheets in reading order: 执行摘要, the five sections, 附录. On a sheet each block is a
heading row, then its own Excel table (a header row with filters, the column's number
format, a banded style), then a blank row: no table shares a header row with another, and
every table starts in column A. Column widths fit the widest table cell in that column.
Text is always written as text, never as a formula, whatever it begins with.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from ...text_clean import clean_text
from ._format import column_formats, display_width
from .outline import APPENDIX, SUMMARY, Block, cover_lines, outline

if TYPE_CHECKING:
    from ..result import KeyAccountPlan

TABLE_STYLE = "TableStyleMedium2"
MAX_WIDTH = 60
_BAD_SHEET = str.maketrans({c: " " for c in "[]:*?/\\"})


def _value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value if isinstance(value, int | float | bool) else clean_text(str(value))


def _put(sheet, row: int, column: int, value: object):
    cell = sheet.cell(row=row, column=column, value=_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula
    return cell


def _sheets(plan: KeyAccountPlan, appendix: bool) -> list[tuple[str, list[Block]]]:
    sheets: list[tuple[str, list[Block]]] = []
    for block in outline(plan, appendix):
        if block.kind == "heading" and block.level == 1:
            name = block.text.replace(". ", " ", 1) if block.text[:1].isdigit() else block.text
            sheets.append((name.translate(_BAD_SHEET)[:31], []))
        elif sheets and block.kind != "page":
            sheets[-1][1].append(block)
    return sheets


def to_excel(plan: KeyAccountPlan, path: str | Path, author: str = "", date: str = "", version: str = "1.0",
             appendix: bool = True) -> Path:
    """Write the workbook; returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    book = Workbook()
    book.remove(book.active)
    n_tables = 0
    for name, blocks in _sheets(plan, appendix):
        sheet = book.create_sheet(name)
        widths: dict[int, int] = {}
        _put(sheet, 1, 1, f"{plan.title} · {name}").font = Font(size=14, bold=True)
        row = 3
        if name == SUMMARY:
            for label, value in cover_lines(plan, author, date, version):
                _put(sheet, row, 1, label).font = Font(bold=True)
                _put(sheet, row, 2, value)
                row += 1
            row += 1
        for block in blocks:
            if block.kind == "heading":
                _put(sheet, row, 1, block.text).font = Font(bold=True, size=12 if block.level == 2 else 11)
                row += 1
            elif block.kind == "text":
                _put(sheet, row, 1, block.text)
                row += 1
            elif block.kind == "bullets":
                for item in block.items:
                    _put(sheet, row, 1, f"• {item}")
                    row += 1
            elif block.kind == "table" and block.frame is not None and len(block.frame.columns):
                frame = block.frame
                formats = column_formats(frame)
                seen: set[str] = set()
                for j, column in enumerate(frame.columns, start=1):
                    header = str(column) or f"列{j}"
                    while header in seen:
                        header += "′"
                    seen.add(header)
                    _put(sheet, row, j, header).font = Font(bold=True)
                    widths[j] = max(widths.get(j, 0), display_width(header) + 3)
                for i, values in enumerate(frame.itertuples(index=False), start=1):
                    for j, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
                        cell = _put(sheet, row + i, j, value)
                        if fmt.numeric and isinstance(cell.value, int | float):
                            cell.number_format = fmt.excel
                        else:
                            cell.alignment = Alignment(wrap_text=True, vertical="top")
                        widths[j] = max(widths.get(j, 0), display_width(fmt.text(value)) + 2)
                last = row + max(1, len(frame))
                if not len(frame):
                    for j in range(1, len(frame.columns) + 1):
                        _put(sheet, last, j, "")
                n_tables += 1
                ref = f"A{row}:{get_column_letter(len(frame.columns))}{last}"
                table = Table(displayName=f"Plan_T{n_tables}", ref=ref)
                table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
                sheet.add_table(table)
                row = last + 2
        for j, width in widths.items():
            sheet.column_dimensions[get_column_letter(j)].width = min(MAX_WIDTH, max(8, width))
        if name == APPENDIX:
            sheet.sheet_properties.tabColor = "BBBBBB"
    book.properties.title = plan.title
    book.properties.creator = author or plan.profile.company
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path
