"""Shared widget plumbing: inline errors, a chart image, a recompute loop.

A :class:`Calculator` wires input widgets to a model function and a chart
function. On every change it calls the model; an :class:`~kamlab.InputError` is
shown inline in Chinese (no traceback) and the inputs are left exactly as the
learner typed them; otherwise the result table and the chart are redrawn in
place (the chart is a PNG in an ``Image`` widget, so it also shows in the static
HTML book).
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from typing import Any

import ipywidgets as W

from ..charts import configure_fonts
from ..errors import InputError

ERROR_STYLE = "color:#b00020;background:#fdecea;padding:6px 10px;border-radius:4px"


def error_html(error: Exception) -> str:
    """The inline error box for a message."""
    return f"<div class='kamlab-error' style='{ERROR_STYLE}'>⚠ {html.escape(str(error))}</div>"


def figure_png(fig) -> bytes:
    """Render a Figure to PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return buf.getvalue()


class Calculator:
    """Inputs → model → (table, chart), recomputed on every change.

    Args:
        controls: the input widgets, laid out top to bottom.
        compute: reads the inputs and returns a model result (may raise InputError).
        draw: takes the result and returns a matplotlib Figure (or None).
        describe: takes the result and returns HTML shown above the chart.
        watch: widgets whose ``value`` changes trigger a recompute (default: controls).
    """

    def __init__(
        self,
        controls: list[W.Widget],
        compute: Callable[[], Any],
        draw: Callable[[Any], Any] | None = None,
        describe: Callable[[Any], str] | None = None,
        watch: list[W.Widget] | None = None,
    ) -> None:
        configure_fonts()
        self.compute, self.draw, self.describe = compute, draw, describe
        self.error = W.HTML()
        self.summary = W.HTML()
        self.chart = W.Image(format="png", layout=W.Layout(max_width="720px"))
        self.result: Any = None
        self.listeners: list[Callable[[Calculator], None]] = []
        self.box = W.VBox([*controls, self.error, self.summary, self.chart])
        for widget in watch if watch is not None else controls:
            if hasattr(widget, "on_change"):  # EditableTable and other composite inputs
                widget.on_change(self.refresh)
            else:
                widget.observe(self.refresh, names="value")
        self.refresh()

    def refresh(self, *_: object) -> Any:
        """Recompute, then show either the error or the new table and chart."""
        try:
            result = self.compute()
        except InputError as error:
            self.error.value = error_html(error)
            return None
        self.error.value = ""
        self.result = result
        if self.describe is not None:
            self.summary.value = self.describe(result)
        if self.draw is not None:
            fig = self.draw(result)
            if fig is not None:
                self.chart.value = figure_png(fig)
        for listener in self.listeners:
            listener(self)
        return result

    def _repr_mimebundle_(self, **kwargs: object):
        return self.box._repr_mimebundle_(**kwargs)
