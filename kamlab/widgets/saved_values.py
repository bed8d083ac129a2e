"""Why a saved value cannot go back into its input, and the one Chinese notice that says so.

A learner's chapter file (``kamlab-answers/<chapter>.json``) can be edited by hand:
``"abc"`` or ``[20]`` where a slider's number belongs, ``NaN``, ``Infinity``, ``10**400``.
:func:`unusable` tells, before anything is set, why such a value does not fit its
widget (a slider would otherwise keep NaN, or silently clamp ``Infinity`` to its
maximum); :func:`restore_notice` builds the single line the calculator shows, naming
each field as labelled on screen, the saved value and the default kept instead.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import ipywidgets as W
from ipywidgets.widgets.widget_float import _Float, _FloatRange
from ipywidgets.widgets.widget_int import _Int, _IntRange

#: Longest saved value quoted in full in a notice.
SHOWN_CHARS = 24


@dataclass(frozen=True)
class SavedProblem:
    """One saved value that could not be used: the field as on screen, the value, why, and what stays."""

    field: str
    value: object
    reason: str
    default: str


def _numeric(widget: object) -> bool:
    return isinstance(widget, _Float | _Int) and not isinstance(widget, _FloatRange | _IntRange)


def _as_number(value: object) -> float | None | str:
    """The value as a float, or a reason it is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return "不是数字"
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except OverflowError:
        return "超出可用范围"
    except ValueError:
        return "不是数字"
    if math.isnan(number):
        return "不是数字"
    if math.isinf(number):
        return "超出可用范围"
    return number


def unusable(widget: object, value: object) -> str | None:
    """Why ``value`` cannot be put into ``widget`` (Chinese), or None when it can be tried."""
    if _numeric(widget):
        number = _as_number(value)
        if isinstance(number, str):
            return number
        low, high = getattr(widget, "min", None), getattr(widget, "max", None)
        if low is not None and high is not None and not low <= number <= high:
            return f"不在 {shown_number(low)}–{shown_number(high)} 之间"
        return None
    if isinstance(widget, W.Text | W.Textarea) and not isinstance(value, str | None):
        number = _as_number(value)
        return number if isinstance(number, str) else None
    return None


def options_label(widget: object) -> str:
    """An input with no label of its own, named by its choices (“A/B”)."""
    labels = [str(o[0] if isinstance(o, tuple) else o) for o in getattr(widget, "options", ())]
    text = "/".join(labels)
    return f"选项 {text if len(text) <= 40 else text[:39] + '…'}" if labels else ""


def failed(widget: object) -> str:
    """The reason given when setting a value raised."""
    if hasattr(widget, "options"):
        return "不是可选项"
    if hasattr(widget, "columns"):
        return "不是表格数据"
    return "无法用于此项"


def shown_number(number: object) -> str:
    if isinstance(number, float) and math.isfinite(number) and number.is_integer():
        return str(int(number))
    return str(number)


def shown_value(value: object) -> str:
    """A saved value as quoted to the learner (long ones cut)."""
    if isinstance(value, float) and not math.isfinite(value):
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    elif isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = str(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS - 4]}…（共 {len(text)} 个字符）"


def shown_default(widget: object) -> str:
    """What the input holds now (its default), as said after “已改用”."""
    if hasattr(widget, "columns"):
        return "默认表格"
    label = getattr(widget, "label", None)
    if hasattr(widget, "options") and isinstance(label, str):
        return f"默认选项“{label}”"
    value = getattr(widget, "value", "")
    if isinstance(value, str):
        return f"默认值“{value}”" if value else "默认的空白"
    return f"默认值 {shown_number(value)}"


def restore_notice(problems: list[SavedProblem], restored_others: bool) -> str:
    """The one line naming every unusable saved value (empty when there is none)."""
    if not problems:
        return ""
    parts = [f"已保存的“{p.field}”值“{shown_value(p.value)}”{p.reason}，已改用{p.default}" for p in problems]
    tail = "其余已保存的输入均已恢复；" if restored_others else ""
    return "；".join(parts) + f"；{tail}原文件未改动（修改输入后才会保存新值）。"
