"""What every section of the desk is made of: the open gradebook, a status line that shows
kamlab's errors as one Chinese line, the page's tables and messages.

A section subclasses :class:`Section`, builds its widgets in :meth:`Section.build` and calls
the trainer's loop through :func:`steps` (imported on first use: pandas and the grading
stages load while the browser is still drawing the page).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import ipywidgets as W

from ...errors import InputError
from ...grading import dburl

OK_STYLE = "color:#1b5e20;background:#e8f5e9;padding:6px 10px;border-radius:4px"
ERR_STYLE = "color:#b00020;background:#fdecea;padding:6px 10px;border-radius:4px"
TABLE_CSS = ("<style>.kamlab-desk-table{border-collapse:collapse;margin:4px 0}"
             ".kamlab-desk-table td,.kamlab-desk-table th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
             "vertical-align:top}.kamlab-desk-table th{background:#f3f3f3}</style>")
NO_GRADEBOOK = "还没有成绩册：请先在“班级”中导入名单"


def steps():
    """The loop's functions (:mod:`kamlab.desk.steps`), imported on first use."""
    from .. import steps as loop

    return loop


def ok(text: str) -> str:
    return f"<div class='kamlab-ok' style='{OK_STYLE}'>✓ {html.escape(text)}</div>"


def err(text: str) -> str:
    return f"<div class='kamlab-error' style='{ERR_STYLE}'>⚠ {html.escape(text)}</div>"


def table_html(frame, empty: str = "（无）") -> str:
    """A DataFrame as an escaped HTML table."""
    if frame is None or frame.empty:
        return f"<p><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"{TABLE_CSS}<table class='kamlab-desk-table'><tr>{head}</tr>{body}</table>"


def guarded(status: W.HTML) -> Callable:
    """Decorator: run a handler, show kamlab's own errors as one Chinese line in ``status``;
    anything else is shown too (a callback error must never vanish in the kernel log)."""
    def wrap(fn):
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except InputError as error:
                status.value = err(str(error))
            except Exception as error:  # noqa: BLE001 - show, never lose, an unexpected failure
                status.value = err(f"出错了：{type(error).__name__}：{error}")
            return None
        return run
    return wrap


class Gradebook:
    """The gradebook the desk has open (a path, the file may not exist yet; or a database URL
    kept as text) and who to tell when the class or its submissions change."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.trainer: str | None = None  # then only this trainer's classes can be picked
        self._listeners: list[Callable[[str], None]] = []

    @property
    def shown(self) -> str:
        """The gradebook as the page may show it (a URL without its password)."""
        return dburl.shown(self.path) if dburl.is_url(self.path) else str(self.path)

    def exists(self) -> bool:
        return dburl.is_url(self.path) or Path(self.path).is_file()

    def require(self) -> Path | str:
        """The path (or URL), or an InputError when there is no gradebook yet."""
        if not self.exists():
            raise InputError("成绩册", NO_GRADEBOOK)
        return self.path

    def listen(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def changed(self, what: str) -> None:
        """Tell every section: ``"opened"``, ``"roster"`` or ``"submissions"``."""
        for listener in self._listeners:
            listener(what)


class Section:
    """One tab of the desk: its widgets (:attr:`widget`) and a status line for its errors."""

    title = ""

    def __init__(self, book: Gradebook) -> None:
        self.book = book
        self.status = W.HTML()
        self.guard = guarded(self.status)
        self.widget = self.build()

    def build(self) -> W.Widget:  # pragma: no cover - every section builds its own
        raise NotImplementedError

    def shown(self) -> None:
        """The trainer opened this tab (refresh what may have changed elsewhere)."""
