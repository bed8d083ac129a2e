"""Shared widget plumbing: inline errors, a chart image, a recompute loop.

A :class:`Calculator` wires input widgets to a model function and a chart
function. On every change it calls the model; an :class:`~kamlab.InputError` is
shown inline in Chinese (no traceback) and the inputs are left exactly as the
learner typed them; any other error raised while computing, describing or
drawing is shown inline too ("计算出错：…；你的输入已保留", the traceback for a
trainer in a collapsed ``<details>``), logged, and never lost in the kernel's
log. Otherwise the result table and the chart are redrawn in place (the chart
is a PNG in an ``Image`` widget, so it also shows in the static HTML book).

State: :meth:`Calculator.state` returns the learner's raw inputs as JSON-able
values (named by the subclass's ``state_names`` or by position) and
:meth:`Calculator.restore` puts them back; :meth:`Calculator.bind` hands the
calculator to an exercise's answer file so inputs are saved as they change and
restored on reopen (see :mod:`kamlab.widgets.exercise`).
:meth:`Calculator.on_change` calls back with that state dict on every input
change (before the recompute, so a model error never stops a save): the hook
for per-chapter persistence, without touching each widget.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import re
import traceback
from collections.abc import Callable
from typing import Any

import ipywidgets as W
import pandas as pd

from ..errors import InputError

LOG = logging.getLogger("kamlab.widgets")
ERROR_STYLE = "color:#b00020;background:#fdecea;padding:6px 10px;border-radius:4px"
#: How a bad field and a stale result look (sent with every error box: the page has no other stylesheet).
MARK_CSS = ("<style>.kamlab-bad input,.kamlab-bad textarea,input.kamlab-bad{border:2px solid #b00020!important;"
            "background:#fdecea!important;color:#000!important}"
            ".kamlab-stale{opacity:.4;filter:grayscale(1)}</style>")
#: Said under the error when an older result is still on screen.
STALE_NOTE = "下方的结果和图仍是改动之前的（已变灰）；改正后会自动更新。"


def error_html(error: Exception) -> str:
    """The inline error box for a message."""
    return f"<div class='kamlab-error' style='{ERROR_STYLE}'>⚠ {html.escape(str(error))}</div>"


def unexpected_error_html(error: BaseException) -> str:
    """The inline box for an error that is not the learner's: a Chinese line,
    and the traceback for a trainer, collapsed."""
    detail = "".join(traceback.format_exception(error)).strip()
    return (f"<div class='kamlab-error kamlab-unexpected' style='{ERROR_STYLE}'>"
            f"⚠ 计算出错：{html.escape(type(error).__name__)}：{html.escape(str(error))}；你的输入已保留。"
            "<details><summary>给培训师的详细信息</summary>"
            f"<pre style='white-space:pre-wrap;font-size:11px'>{html.escape(detail)}</pre></details></div>")


def download_link(filename: str, text: str, label: str = "下载当前输入（Markdown）") -> str:
    """An HTML link that downloads ``text`` as ``filename`` from the page itself
    (works when nothing can be written on the server's disk)."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (f"<a download='{html.escape(filename)}' href='data:text/markdown;charset=utf-8;base64,{data}'>"
            f"{html.escape(label)}</a>")


def export_failed_html(error: OSError, stem: str, markdown: str) -> str:
    """The message for an export the disk refused, with the work as a download."""
    reason = error.strerror or type(error).__name__
    return error_html(InputError("导出", f"无法写入文件（{reason}）；你的输入已保留，可用下面的链接直接下载")) + \
        download_link(f"{stem}.md", markdown)


#: Rows shown in a calculator's result table; longer results say how many are hidden.
TABLE_ROWS = 50


def table_html(frame: pd.DataFrame, limit: int = TABLE_ROWS) -> str:
    """A result table as escaped HTML, at most ``limit`` rows (the rest counted)."""
    shown = frame.head(limit)
    out = shown.to_html(index=False, escape=True, float_format=lambda v: f"{v:.2f}")
    if len(frame) > limit:
        out += f"<p><small>共 {len(frame)} 行，此处显示前 {limit} 行。</small></p>"
    return out


def figure_png(fig) -> bytes:
    """Render a Figure to PNG bytes."""
    buf = io.BytesIO()
    # Fast zlib level: the redraw budget is 50 ms and the PNG grows by only ~10 %.
    fig.savefig(buf, format="png", dpi=80, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def _stateful(widget: object) -> bool:
    """A widget whose ``value`` is a learner input (not a label or an output)."""
    if isinstance(widget, W.HTML | W.HTMLMath | W.Label | W.Image | W.Button):
        return False
    return hasattr(widget, "state") or hasattr(widget, "value")


class Calculator:
    """Inputs → model → (table, chart), recomputed on every change.

    Args:
        controls: the input widgets, laid out top to bottom.
        compute: reads the inputs and returns a model result (may raise InputError).
        draw: takes the result and returns a matplotlib Figure (or None).
        describe: takes the result and returns HTML shown above the chart.
        watch: widgets whose ``value`` changes trigger a recompute (default: controls).

    Subclasses may set ``state_names`` (one name per watched input widget, in
    order) so saved answers read ``{"account": …}`` rather than ``{"0": …}``.
    """

    state_names: tuple[str, ...] = ()

    def __init__(
        self,
        controls: list[W.Widget],
        compute: Callable[[], Any],
        draw: Callable[[Any], Any] | None = None,
        describe: Callable[[Any], str] | None = None,
        watch: list[W.Widget] | None = None,
    ) -> None:
        self.compute, self.draw, self.describe = compute, draw, describe
        self.error = W.HTML()
        #: one Chinese line when saved inputs could not all be restored (see :meth:`restore`)
        self.notice = W.HTML()
        self.summary = W.HTML()
        # Hidden until a chart is drawn: an empty Image shows as a broken picture
        # in the static HTML book (e.g. calculators with ``draw=None``).
        self.chart = W.Image(format="png", layout=W.Layout(max_width="720px", display="none"))
        self.result: Any = None
        self.listeners: list[Callable[[Calculator], None]] = []
        self.input_listeners: list[Callable[[Calculator], None]] = []
        self._muted = False
        self._changes: list[Callable[[dict[str, Any]], None]] = []
        self._inputs = [w for w in (watch if watch is not None else controls) if _stateful(w)]
        self._controls = list(controls)
        self._marked: Any = None
        self.box = W.VBox([self.notice, *controls, self.error, self.summary, self.chart])
        for widget in watch if watch is not None else controls:
            if hasattr(widget, "on_change"):  # EditableTable and other composite inputs
                widget.on_change(self.refresh)
            else:
                widget.observe(self.refresh, names="value")
        self.refresh()
        # the chapter's answer file, when one is open (kamlab.widgets.chapter_work)
        from .chapter_work import attach

        attach(self)

    def refresh(self, *_: object) -> Any:
        """Recompute, then show either the error or the new table and chart."""
        if self._muted:
            return None
        for listener in self.input_listeners:
            listener(self)
        if self._changes:
            state = self.state()
            for callback in self._changes:
                callback(state)
        try:
            result = self.compute()
            summary = self.describe(result) if self.describe is not None else None
            fig = self.draw(result) if self.draw is not None else None
            png = figure_png(fig) if fig is not None else None
        except InputError as error:
            self._show_input_error(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown to the learner, never swallowed
            LOG.exception("calculator %s failed", type(self).__name__)
            self.error.value = unexpected_error_html(error)
            return None
        self._clear_marks()
        self.error.value = ""
        self.result = result
        if summary is not None:
            self.summary.value = summary
        if png is not None:
            self.chart.value = png
            self.chart.layout.display = None
        for listener in self.listeners:
            listener(self)
        return result

    # --- one behaviour for every message -----------------------------------
    def _heading_before(self, widget: W.Widget) -> str:
        """The on-screen heading of an input: the HTML just above it, tags and brackets removed."""
        if widget not in self._controls:
            return ""
        for control in reversed(self._controls[:self._controls.index(widget)]):
            if isinstance(control, W.HTML):
                text = re.sub(r"<[^>]+>", "", control.value)
                return re.split(r"[（(]", html.unescape(text), maxsplit=1)[0].strip()
        return ""

    def _locate(self, error: InputError) -> tuple[Any, str, tuple[int | None, int] | None]:
        """The input an error is about, the field as named on screen, and the table cell."""
        from .table import EditableTable

        parts = str(error.field).split("·")
        for widget in self._inputs:
            if isinstance(widget, EditableTable):
                cell = widget.find_cell(parts[1:])
                if cell is not None:
                    heading = self._heading_before(widget)
                    return widget, "·".join([heading or parts[0], *parts[1:]]), cell
        for widget in self._inputs:
            label = re.split(r"[（(]", str(getattr(widget, "description", "")), maxsplit=1)[0].strip()
            if label and parts[0].strip() == label:
                return widget, str(error.field), None
        return None, str(error.field), None

    def _show_input_error(self, error: InputError) -> None:
        """Name the field as it is on screen, show the message next to it, mark it, grey the old result."""
        self._clear_marks()
        widget, field, cell = self._locate(error)
        message = str(error)[len(f"「{error.field}」"):] if str(error).startswith(f"「{error.field}」") else str(error)
        shown = InputError(field, message, error.value)
        stale = self.result is not None
        self.error.value = MARK_CSS + error_html(shown) + (f"<small>{STALE_NOTE}</small>" if stale else "")
        if stale:
            self.summary.add_class("kamlab-stale")
            self.chart.add_class("kamlab-stale")
        if widget is None:
            return
        if cell is not None:
            widget.mark(*cell)
        else:
            widget.add_class("kamlab-bad")
        self._marked = widget
        self._move_error_after(widget)

    def _move_error_after(self, widget: W.Widget) -> None:
        children = [c for c in self.box.children if c is not self.error]
        if widget in children:
            at = children.index(widget) + 1
            self.box.children = (*children[:at], self.error, *children[at:])

    def _clear_marks(self) -> None:
        marked, self._marked = self._marked, None
        if marked is not None:
            if hasattr(marked, "unmark"):
                marked.unmark()
            else:
                marked.remove_class("kamlab-bad")
        for widget in (self.summary, self.chart):
            if "kamlab-stale" in widget._dom_classes:
                widget.remove_class("kamlab-stale")

    # --- saved state --------------------------------------------------------
    def _names(self) -> list[str]:
        if len(self.state_names) == len(self._inputs):
            return list(self.state_names)
        return [str(i) for i in range(len(self._inputs))]

    def state(self) -> dict[str, Any]:
        """The learner's raw inputs, JSON-able, by input name."""
        out: dict[str, Any] = {}
        for name, widget in zip(self._names(), self._inputs, strict=True):
            value = widget.state() if hasattr(widget, "state") else widget.value
            out[name] = list(value) if isinstance(value, tuple) else value
        return out

    def restore(self, state: dict[str, Any]) -> list[str]:
        """Put saved inputs back, then recompute once.

        Values that no longer fit (an option that was removed, a wrong type, a
        hand-edited ``"abc"``, ``[20]``, NaN or ``Infinity`` where a number belongs)
        are skipped and their names returned, so one stale entry never stops
        the rest of the learner's work from coming back; :attr:`notice` then says,
        in one Chinese line, which field (as labelled on screen) kept its default
        instead of which saved value.
        """
        from .saved_values import SavedProblem, failed, restore_notice, shown_default, unusable

        skipped: list[str] = []
        problems: list[SavedProblem] = []
        self.notice.value = ""
        if not isinstance(state, dict):
            return list(self._names())
        self._muted = True
        try:
            for name, widget in zip(self._names(), self._inputs, strict=True):
                if name not in state:
                    continue
                value = state[name]
                default = shown_default(widget)
                reason = unusable(widget, value)
                if reason is None:
                    try:
                        if hasattr(widget, "restore"):
                            widget.restore(value)
                        else:
                            widget.value = value
                    except Exception:  # noqa: BLE001 - a stale value must not lose the rest
                        reason = failed(widget)
                if reason is not None:
                    skipped.append(name)
                    problems.append(SavedProblem(self._field_label(name, widget), value, reason, default))
        finally:
            self._muted = False
        self.refresh()
        restored_others = any(n in state for n in self._names() if n not in skipped)
        text = restore_notice(problems, restored_others)
        self.notice.value = (f"<div class='kamlab-notice' style='{ERROR_STYLE}'>⚠ {html.escape(text)}</div>"
                             if text else "")
        return skipped

    def _field_label(self, name: str, widget: W.Widget) -> str:
        """An input as labelled on screen: its description, else the heading above it."""
        description = str(getattr(widget, "description", "") or "").strip()
        if description:
            return description
        from .saved_values import options_label

        heading = self._heading_before(widget) if hasattr(widget, "columns") else ""
        return heading or options_label(widget) or f"第 {self._names().index(name) + 1} 项输入"

    def on_change(self, callback: Callable[[dict[str, Any]], None]) -> None:
        """Call ``callback(state())`` whenever the learner changes an input
        (before the recompute, so an error in the model never stops a save)."""
        self._changes.append(callback)

    def bind(self, answers: Any, name: str) -> Calculator:
        """Save this calculator's inputs in ``answers`` (an exercise's answer
        file) under ``name`` as they change; restore them now if saved."""
        answers.bind(name, self)
        return self

    def _repr_mimebundle_(self, **kwargs: object):
        return self.box._repr_mimebundle_(**kwargs)

    def _ipython_display_(self) -> None:
        """In a notebook: a Chinese line saying what to click until the calculator is live, then the
        calculator (see :mod:`kamlab.widgets.ready`)."""
        from .ready import display_ready

        display_ready(self.box, "计算器")
