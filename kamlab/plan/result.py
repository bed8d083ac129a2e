"""What the plan is made of: the saved work it reads, and the pieces, sections and plan it builds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..profile import EXAMPLE, CompanyProfile
from .chapters import CHAPTERS, chapter_label


@dataclass(frozen=True)
class SavedWork:
    """A learner's saved work, as read from the answer files.

    Attributes:
        calculators: chapter -> store key -> the calculator's raw inputs.
        worksheets: worksheet id -> field key -> text.
        quizzes: chapter -> {"answered": n, "correct": n, "total": n}.
        profile: the company profile.
        key_accounts: accounts the learner marked as key (empty: the 战略客户 quadrant).
        example: this is the book's example work, not a learner's.
        assessed_account: the key account the single-account tools (relationship stage,
            Kraljic, CLV, retention) were worked for; "" when not said.
    """

    calculators: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    worksheets: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    quizzes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    profile: CompanyProfile = EXAMPLE
    key_accounts: tuple[str, ...] = ()
    example: bool = False
    assessed_account: str = ""

    def state(self, chapter: str, key: str) -> Any:
        """A calculator's saved inputs, or None."""
        return (self.calculators.get(chapter) or {}).get(key)


@dataclass(frozen=True)
class Piece:
    """One tool's contribution to a section.

    Attributes:
        chapter: the chapter slug it came from; tool: the tool's name.
        heading: the piece's heading; lines: sentences to print.
        tables: (caption, frame) pairs; charts: (caption, kind, result) for the exporters.
        account: the key account it belongs to (section 3), or "".
    """

    chapter: str
    tool: str
    heading: str
    lines: tuple[str, ...] = ()
    tables: tuple[tuple[str, pd.DataFrame], ...] = ()
    charts: tuple[tuple[str, str, Any], ...] = ()
    account: str = ""

    @property
    def source(self) -> str:
        """``来自：王渊 第一讲 … · 大客户吸引力计算表与选择矩阵`` (a piece from many chapters: its tool only)."""
        if not self.chapter:
            return f"来自：{self.tool}"
        return f"来自：{chapter_label(self.chapter)} · {self.tool}"


@dataclass(frozen=True)
class Missing:
    """A piece not saved yet (or not computable), with the chapter that fills it."""

    chapter: str
    tool: str
    reason: str = ""

    @property
    def text(self) -> str:
        """``还差：王渊 第二讲 · 大客户开发管道与加权预测``."""
        course, lecture, _ = CHAPTERS.get(self.chapter, ("", self.chapter, ""))
        text = f"还差：{course} {lecture} · {self.tool}"
        return f"{text}（{self.reason}）" if self.reason else text

    @property
    def link(self) -> str:
        """The chapter notebook that fills it."""
        return f"{self.chapter}.ipynb"


@dataclass(frozen=True)
class Section:
    """One of the plan's five sections."""

    number: int
    title: str
    pieces: tuple[Piece, ...]
    missing: tuple[Missing, ...]


@dataclass(frozen=True)
class Action:
    """One action line from a worksheet."""

    text: str
    owner: str
    due: str
    chapter: str
    source: str


@dataclass(frozen=True)
class AccountPage:
    """Everything the plan says about one key account, for its own page.

    Attributes:
        account: the account's name.
        position: where it stands (selection matrix, second view, profit pyramid).
        notes: where the tools disagree about it, and what that asks of the manager.
        pieces: the tools worked for it (six elements, stage, CLV, Kraljic, proposition, retention).
        actions: the actions that name it (or come from its six-element worksheet).
    """

    account: str
    position: tuple[str, ...]
    notes: tuple[str, ...]
    pieces: tuple[Piece, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class KeyAccountPlan:
    """The assembled plan.

    Attributes:
        profile: whose plan it is.
        sections: the five sections in order.
        progress: per chapter: 章节, 计算器, 工作表, 自测 (done / total).
        actions: the action list of section 5.
        key_accounts: the accounts section 3 covers.
        is_example: built from the book's example data.
        summary: the executive summary's sentences.
        pages: one :class:`AccountPage` per key account.
        top_actions: the three actions the summary shows.
    """

    profile: CompanyProfile
    sections: tuple[Section, ...]
    progress: pd.DataFrame
    actions: tuple[Action, ...]
    key_accounts: tuple[str, ...]
    is_example: bool = False
    summary: tuple[str, ...] = ()
    pages: tuple[AccountPage, ...] = ()
    top_actions: tuple[Action, ...] = ()

    @property
    def missing(self) -> list[Missing]:
        """Every missing piece, section by section."""
        return [m for s in self.sections for m in s.missing]

    @property
    def title(self) -> str:
        """``某公司 大客户计划``."""
        return f"{self.profile.company} 大客户计划"

    def section(self, title: str) -> Section:
        """The section with this title."""
        return next(s for s in self.sections if s.title == title)

    def action_frame(self) -> pd.DataFrame:
        """Section 5 as a table."""
        return pd.DataFrame([(a.text, a.owner, a.due, chapter_label(a.chapter), a.source) for a in self.actions],
                            columns=["行动", "负责人", "时间", "章节", "出处"])

    def _repr_html_(self) -> str:
        from .export import to_html

        return to_html(self)
