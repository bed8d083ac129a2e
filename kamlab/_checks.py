"""Shared input checks: numbers, ranges, names, weights, tables.

Private helpers used by every model. Each raises :class:`kamlab.InputError`
with a Chinese message naming the field.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from .errors import InputError

WEIGHT_TOTAL = 100.0
_TOL = 1e-6


def _fmt(x: float) -> str:
    """Format a number without a trailing .0 (40.0 -> '40')."""
    return f"{x:g}"


def _show(cell: object) -> str:
    """A learner-readable rendering of a cell: numbers plain, text in quotes."""
    if isinstance(cell, str):
        return f"“{cell}”" if cell.strip() else "空白"
    if isinstance(cell, bool) or cell is None:
        return "空白" if cell is None else repr(cell)
    try:
        number = float(cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return repr(cell)
    return "空白（NaN）" if math.isnan(number) else _fmt(number)


#: What a Chinese IME types instead of ASCII in a number: full-width digits and signs, the
#: ideographic space, the minus sign U+2212.
_NUMBER_CHARS = str.maketrans("０１２３４５６７８９．－＋，％　−", "0123456789.-+,% -")
#: Characters whose presence means a typed number needs :func:`number_text` before parsing.
NUMBER_MARKS = ",，０１２３４５６７８９．－＋％　−"


def number_text(text: str) -> str:
    """A typed number as ASCII: full-width digits/signs translated, spaces and thousands commas
    removed (``" １，２００ "`` → ``"1200"``, ``"８"`` → ``"8"``). Percent signs are kept."""
    return "".join(text.translate(_NUMBER_CHARS).split()).replace(",", "")


def to_number(value: object, field: str) -> float:
    """Parse one learner-typed value as a finite number.

    Accepts ints, floats and numeric strings (spaces, thousands commas and
    full-width digits are tolerated). Rejects booleans, blanks, text, NaN, inf.
    """
    if isinstance(value, bool) or value is None:
        raise InputError(field, f"应为数字，当前为空或无效（{value!r}）", value)
    if isinstance(value, str):
        text = number_text(value)
        if text == "":
            raise InputError(field, "不能为空，请填写一个数字", value)
        try:
            number = float(text)
        except ValueError:
            raise InputError(field, f"应为数字，当前为文字“{value}”", value) from None
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        raise InputError(field, f"应为数字，当前为 {value!r}", value)
    if math.isnan(number) or math.isinf(number):
        raise InputError(field, f"应为有限的数字，当前为 {value!r}", value)
    return number


#: Multipliers people type after a number: 12万 = 120 000.
SCALES = {"万": 1e4, "亿": 1e8}
#: How to write a number, shown when a typed answer is not understood.
NUMBER_FORMS = "可写 120000、12万、1,200、2.0% 这样的形式"


def typed_number(value: object, field: str, unit: str = "") -> float:
    """A number as people type it into an answer, for a question measured in ``unit``.

    The one parser for typed answers: used when an answer is saved (the answer card says
    what it read, or why not) and when it is graded. Understands full-width digits and
    signs (NFKC), spaces and thousands separators (via :func:`to_number`), 万 and 亿,
    the question's own unit written after the number (``7.4分``, ``1100万元``), and a
    trailing ``%``: as typed when the unit is ``%`` (``2.0%`` → 2.0), else a share
    (``94.4%`` → 0.944). A unit that begins with 万 takes ``1100万`` as 1100 (万元).
    """
    if not isinstance(value, str):
        return to_number(value, field)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).replace("−", "-")
    unit = re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit or ""))
    base = re.split(r"[(（]", unit)[0]  # 分（0–10） → 分
    for suffix in dict.fromkeys((unit, base)):
        if suffix and suffix != "%" and text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    percent = text.endswith("%")
    text = text.removesuffix("%")
    scale = 1.0
    if text[-1:] in SCALES:
        scale = 1.0 if base.startswith(text[-1]) else SCALES[text[-1]]
        text = text[:-1]
    if text == "" and value.strip():
        raise InputError(field, f"应为数字，当前为“{value.strip()}”：{NUMBER_FORMS}", value)
    try:
        number = to_number(text, field)
    except InputError as error:
        if not value.strip():
            raise
        raise InputError(field, f"应为数字，当前为“{value.strip()}”：{NUMBER_FORMS}", value) from error
    if percent and unit != "%":
        number /= 100
    return number * scale


def in_range(value: object, field: str, low: float, high: float) -> float:
    """Parse ``value`` and require ``low <= value <= high``."""
    number = to_number(value, field)
    if not low <= number <= high:
        raise InputError(
            field, f"应在 {_fmt(low)}–{_fmt(high)} 之间，当前为 {_fmt(number)}", value
        )
    return number


#: The largest figure any open-ended input accepts (10¹²: a trillion in any unit).
#: Beyond it sums and products overflow to infinity and charts fail; no real
#: account figure in 元 or 万元 comes near it.
MAX_FIGURE = 1e12


def percent(value: object, field: str, low: float, high: float, one_is_fraction: bool = False) -> float:
    """Parse a rate typed in percent (``80`` means 80 %) and require ``low..high``.

    A value strictly between 0 and 1 (and exactly 1 too when
    ``one_is_fraction``, as for a retention rate, where 1 % is never meant) looks
    like a fraction typed by mistake: the message suggests the percentage
    instead of computing with it.
    """
    number = to_number(value, field)
    if 0 < abs(number) < 1 or (one_is_fraction and number == 1):
        hundred = _fmt(round(number * 100, 6))
        raise InputError(field, f"请按百分数填写：{_fmt(number)} 表示 {_fmt(number)}%；若指 {hundred}%，请填 {hundred}",
                         value)
    return in_range(number, field, low, high)


def at_least(value: object, field: str, low: float = 0.0) -> float:
    """Parse ``value`` and require ``low <= value <= MAX_FIGURE``."""
    number = to_number(value, field)
    if number < low:
        raise InputError(field, f"不能小于 {_fmt(low)}，当前为 {_fmt(number)}", value)
    if number > MAX_FIGURE:
        raise InputError(field, f"数值过大（超过 10¹²，即一万亿），当前为 {_fmt(number)}；请检查单位", value)
    return number


def name_text(raw: object) -> str:
    """A typed name as text: stripped; blank for None and NaN; 5 and 5.0 read as "5"."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def names(values: Iterable[object], field: str) -> tuple[str, ...]:
    """Strip names and reject empty or duplicate ones (a duplicate is named as such)."""
    out: list[str] = []
    seen: set[str] = set()  # a set: 10,000 account names are checked in milliseconds
    for i, raw in enumerate(values, start=1):
        name = name_text(raw)
        if not name:
            raise InputError(field, f"第 {i} 项的名称为空，请填写名称", raw)
        if name in seen:
            raise InputError(field, f"名称“{name}”重复，每项名称须唯一", raw)
        seen.add(name)
        out.append(name)
    if not out:
        raise InputError(field, "为空，至少需要一项", values)
    return tuple(out)


def weights(
    items: Mapping[object, object] | Iterable[tuple[object, object]], field: str = "权重"
) -> dict[str, float]:
    """Validate criterion weights: names unique and non-empty, each 0–100, sum 100.

    ``items`` is ``{name: weight}`` or ``(name, weight)`` pairs; pairs keep a
    repeated name (a copied row), so it is reported as a duplicate rather than
    silently merged. Names are stripped before anything is keyed by them.
    """
    pairs = list(items.items()) if isinstance(items, Mapping) else [tuple(p) for p in items]
    keys = names([k for k, _ in pairs], f"{field}·名称")
    parsed = {k: in_range(v, f"{field}·{k}", 0, WEIGHT_TOTAL) for k, (_, v) in zip(keys, pairs, strict=True)}
    total = sum(parsed.values())
    if abs(total - WEIGHT_TOTAL) > _TOL:
        parts = " + ".join(f"{k} {_fmt(v)}" for k, v in parsed.items())
        raise InputError(
            field, f"之和应为 100，当前为 {_fmt(round(total, 6))}（{parts}）", total
        )
    return parsed


def stripped_headers(frame: pd.DataFrame, field: str) -> pd.DataFrame:
    """``frame`` with headers as stripped text; a header that occurs twice is an error."""
    headers = [name_text(c) for c in frame.columns]
    seen: set[str] = set()
    for header in headers:
        if header in seen:
            raise InputError(field, f"列“{header}”出现了两次，每列名称须唯一", header)
        seen.add(header)
    return frame if headers == list(frame.columns) else frame.set_axis(headers, axis=1)


def non_empty(rows: Sequence[object] | pd.DataFrame, field: str) -> None:
    """Reject an empty list or table."""
    if len(rows) == 0:
        raise InputError(field, "为空，请至少填写一行", rows)


def plain_text(cells: pd.Series | np.ndarray, marks: str = ",") -> bool:
    """True when every cell is a ``str`` without whitespace or any of ``marks``:
    cleaning such cells (strip, remove ``marks``) would change nothing, so the
    caller may parse them as they are (one pass instead of a string operation per step)."""
    values = cells.to_numpy() if isinstance(cells, pd.Series) else cells
    if not all(type(v) is str for v in values):
        return False
    joined = "".join(values)
    return len(joined.split()) <= 1 and not any(mark in joined for mark in marks)


def numeric_frame(
    frame: pd.DataFrame,
    columns: Sequence[str],
    field: str,
    low: float | None = None,
    high: float | None = None,
    row_label: str | None = None,
) -> pd.DataFrame:
    """Return ``frame[columns]`` as floats, vectorised, naming the first bad cell.

    The message names the table (``field``), the row (by ``row_label`` column or
    position) and the column of the first cell that is missing, non-numeric or
    out of ``[low, high]``.
    """
    non_empty(frame, field)
    frame = stripped_headers(frame, field)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(field, f"缺少列“{missing[0]}”", missing[0])
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        raw = frame[col]
        if (raw.dtype == object or pd.api.types.is_string_dtype(raw)) and plain_text(raw, NUMBER_MARKS):
            values = pd.Series(pd.to_numeric(raw.to_numpy(dtype=object), errors="coerce"), index=raw.index)
        elif raw.dtype == object or pd.api.types.is_string_dtype(raw):  # typed with an IME, commas, spaces
            cleaned = pd.Series([number_text(v) if isinstance(v, str) else v for v in raw.to_numpy(dtype=object)],
                                index=raw.index, dtype=object)
            values = pd.to_numeric(cleaned, errors="coerce")
        elif pd.api.types.is_bool_dtype(raw):
            values = pd.Series(np.nan, index=raw.index)
        else:
            values = pd.to_numeric(raw, errors="coerce")
        values = values.astype(float)
        bad = ~np.isfinite(values.to_numpy())
        if low is not None:
            bad |= values.to_numpy() < low
        if high is not None:
            bad |= values.to_numpy() > high
        if bad.any():
            pos = int(np.argmax(bad))
            who = (
                f"“{frame[row_label].iloc[pos]}”"
                if row_label and row_label in frame.columns
                else f"第 {pos + 1} 行"
            )
            cell = raw.iloc[pos]
            expected = "应为数字"
            if low is not None and high is not None:
                expected = f"应为 {_fmt(low)}–{_fmt(high)} 之间的数字"
            elif low is not None:
                expected = f"应为不小于 {_fmt(low)} 的数字"
            raise InputError(f"{field}·{who}·{col}", f"{expected}，当前为 {_show(cell)}", cell)
        out[col] = values
    return out
