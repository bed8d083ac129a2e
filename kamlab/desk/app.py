"""The trainer's desk: six sections of ipywidgets over one gradebook, in tabs.

班级 → 布置 → 收取 → 批改 → 反馈 → 报告, one module each in :mod:`kamlab.desk.sections`.
Every action calls :mod:`kamlab.desk.steps` (the trainer's loop, as the command line
runs it). A mistake shows as one Chinese line in the section where it happened (never a
traceback); what the trainer typed stays where it was.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as W

from ..grading.dburl import is_url
from .sections.assign import AssignSection
from .sections.base import Gradebook, Section
from .sections.collect import CollectSection
from .sections.feedback import FeedbackSection
from .sections.grade import GradeSection
from .sections.report import ReportSection
from .sections.roster import RosterSection

ENV_DB = "KAMLAB_DESK_DB"


def _kernel_loop():
    """The kernel's running event loop, or None outside a kernel (then nothing is deferred)."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Desk:
    """The whole desk for the gradebook at ``db`` (a path; it may not exist yet)."""

    def __init__(self, db: str | Path | None = None, *, defer: bool = False) -> None:
        db = str(db or os.environ.get(ENV_DB) or "gradebook.sqlite")
        self.book = Gradebook(db if is_url(db) else Path(db).resolve())
        # A trainer (kamlab --trainer, or the class server's user) sees only their classes.
        self.book.trainer = os.environ.get("KAMLAB_DESK_TRAINER") or None
        if os.environ.get("KAMLAB_DESK_CLASS"):
            from ..grading.gradebook import InClass

            self.book.path = InClass(str(self.book.path), os.environ["KAMLAB_DESK_CLASS"], self.book.trainer)
        self.header = W.HTML()
        self.roster = RosterSection(self.book)
        self.assign = AssignSection(self.book)
        self.collect = CollectSection(self.book)
        self.grade = GradeSection(self.book)
        self.feedback = FeedbackSection(self.book)
        self.report = ReportSection(self.book)
        self.sections: list[Section] = [self.roster, self.assign, self.collect, self.grade, self.feedback,
                                        self.report]
        self.tabs = W.Tab(children=[s.widget for s in self.sections],
                          titles=[f"{i}. {s.title}" for i, s in enumerate(self.sections, 1)])
        self.tabs.observe(self._tab_changed, "selected_index")
        self.book.listen(self._changed)
        self.widget = W.VBox([self.header, self.tabs], layout=W.Layout(max_width="1200px"))
        self._show_header()
        loop = _kernel_loop() if defer else None
        if loop is not None:
            # Fill the sections once the cell has finished: the page is sent to the browser
            # first, and the gradebook is read while the browser loads its scripts.
            self.roster.table.value = "<p><i>正在读取成绩册…</i></p>"
            loop.call_later(0.01, self.roster.guard(self.load))
        else:
            self.load()

    @property
    def db(self) -> Path | str:
        return self.book.path

    def load(self) -> None:
        """Read the exercises and the gradebook into the sections."""
        self.assign.load()
        self.roster.refresh()

    def _ipython_display_(self) -> None:  # pragma: no cover - display hook
        from IPython.display import display

        display(self.widget)

    def _show_header(self) -> None:
        state = "" if self.book.exists() else "（尚未建立：导入名单即可建立）"
        self.header.value = (f"<h2 style='margin:4px 0'>KAM Lab 培训师工作台</h2>"
                             f"<p style='margin:0 0 6px 0'>成绩册：<code>{html.escape(self.book.shown)}</code>{state}</p>")

    def _changed(self, what: str) -> None:
        self._show_header()
        self.roster.guard(self.roster.refresh)()
        if what in ("opened", "submissions"):
            self.grade.guard(self.grade.load_exercises)()

    def _tab_changed(self, change: dict) -> None:
        self.sections[change["new"]].shown()
