"""How a plan table is printed: one number format per column, and column widths to content.

A column of numbers gets one number of decimals (the most any of its values needs, at most
two), thousands separators, and the same format in Word, Markdown, HTML and Excel: “1” and
“1.3” never sit in one column. Text widths count a Chinese character as two.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

import pandas as pd

#: most decimals a column shows
MAX_DECIMALS = 2


@dataclass(frozen=True)
class ColumnFormat:
    """One column's format: numeric with ``decimals``, or text."""

    numeric: bool
    decimals: int = 0

    def text(self, value: object) -> str:
        """The value as printed."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        if self.numeric and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{value:,.{self.decimals}f}"
        return str(value)

    @property
    def excel(self) -> str:
        """The Excel number format (``#,##0`` or ``#,##0.00``)."""
        return "#,##0" + ("." + "0" * self.decimals if self.decimals else "") if self.numeric else "@"


def _decimals(value: float) -> int:
    for d in range(MAX_DECIMALS + 1):
        if abs(round(value, d) - value) < 1e-9 * max(1.0, abs(value)):
            return d
    return MAX_DECIMALS


def column_formats(frame: pd.DataFrame) -> list[ColumnFormat]:
    """One :class:`ColumnFormat` per column of ``frame``."""
    formats = []
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            numbers = [float(v) for v in values if pd.notna(v)]
            formats.append(ColumnFormat(True, max((_decimals(v) for v in numbers), default=0)))
        else:
            formats.append(ColumnFormat(False))
    return formats


def display_width(text: str) -> int:
    """Width in half-width characters (a Chinese character counts two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def content_widths(frame: pd.DataFrame, formats: list[ColumnFormat], cap: int = 40) -> list[int]:
    """Each column's width in half-width characters: its widest cell or header, at least 4, at most ``cap``."""
    widths = []
    for column, fmt in zip(frame.columns, formats, strict=True):
        cells = [display_width(fmt.text(v)) for v in frame[column]]
        widths.append(min(cap, max(4, display_width(str(column)), *cells)))
    return widths


def shares(widths: list[int], total: float, floor: float = 0.08) -> list[float]:
    """Split ``total`` between columns in proportion to ``widths``, no column under ``floor`` of it."""
    if not widths:
        return []
    raw = [w / sum(widths) for w in widths]
    lifted = [max(floor, r) for r in raw]
    scale = sum(lifted)
    return [total * r / scale for r in lifted]
