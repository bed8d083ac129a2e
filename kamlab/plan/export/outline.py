"""The plan as a document: one outline that every format renders the same way.

Order (what a boss reads first comes first):

1. 执行摘要 — key accounts, next year's target, where the tools disagree, the three
   actions that matter most (with owner and date);
2. the five sections; section 3 gives each key account a page of its own (position,
   six elements, relationship stage, CLV and the other single-account tools, its actions);
3. 附录 (optional) — where each piece came from, what is still missing, the learner's progress.

Training artefacts (sources, 还差, progress) live only in the appendix, so a manager
can leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..chapters import chapter_label

if TYPE_CHECKING:  # the outline reads a plan; it never imports the package that builds one
    from ..result import KeyAccountPlan, Piece

SUMMARY = "执行摘要"
APPENDIX = "附录"
ACTION_COLUMNS = ["行动", "负责人", "时间"]


@dataclass(frozen=True)
class Block:
    """One element of the document.

    ``kind`` is ``heading`` (``level`` 1–3), ``text``, ``bullets`` (``items``), ``table``
    (``caption``, ``frame``), ``chart`` (``caption``, ``chart``: (kind, result)) or ``page``
    (a page break).
    """

    kind: str
    text: str = ""
    level: int = 1
    items: tuple[str, ...] = ()
    caption: str = ""
    frame: pd.DataFrame | None = None
    chart: tuple[str, Any] | None = None
    links: tuple[str, ...] = ()


def _piece(piece: Piece, level: int) -> list[Block]:
    out = [Block("heading", piece.heading, level)]
    out += [Block("text", line) for line in piece.lines]
    for caption, frame in piece.tables:
        out.append(Block("table", caption=caption, frame=frame.reset_index(drop=True)))
    for caption, kind, result in piece.charts:
        out.append(Block("chart", caption=caption, chart=(kind, result)))
    return out


def _actions(actions) -> pd.DataFrame:
    return pd.DataFrame([(a.text, a.owner or "未写明", a.due or "未写明") for a in actions], columns=ACTION_COLUMNS)


def cover_lines(plan: KeyAccountPlan, author: str, date: str, version: str) -> list[tuple[str, str]]:
    """The cover's label/value pairs."""
    p = plan.profile
    lines = [("公司", p.company)] + ([("行业", p.industry)] if p.industry else [])
    lines += [("编制人", author or "（请填写）"), ("日期", date), ("版本", version), ("金额单位", p.unit)]
    return lines


def outline(plan: KeyAccountPlan, appendix: bool = True) -> list[Block]:
    """The plan's body as blocks (the cover and table of contents are each format's own)."""
    out: list[Block] = [Block("heading", SUMMARY, 1)]
    if plan.is_example:
        out.append(Block("text", "本计划由书中贯穿全书的虚构案例生成（企业与数字均为虚构），用来展示一份完整的计划。"))
    out += [Block("text", line) for line in plan.summary]
    if plan.top_actions:
        out += [Block("heading", "最重要的三项行动", 2), Block("table", frame=_actions(plan.top_actions))]
    for section in plan.sections:
        out += [Block("page"), Block("heading", f"{section.number}. {section.title}", 1)]
        if section.number == 3:
            out += _key_accounts(plan, section.pieces)
            continue
        if section.number == 5 and plan.actions:
            out += [Block("text", f"共 {len(plan.actions)} 项行动。"),
                    Block("table", caption="行动清单", frame=_actions(plan.actions))]
            continue
        for piece in section.pieces:
            out += _piece(piece, 2)
    if appendix:
        out += _appendix(plan)
    return out


def _key_accounts(plan: KeyAccountPlan, pieces: tuple[Piece, ...]) -> list[Block]:
    out: list[Block] = []
    for piece in pieces:
        if piece.heading == "重点客户名单":
            out += [Block("text", line) for line in piece.lines]
            out += [Block("table", caption=c, frame=f.reset_index(drop=True)) for c, f in piece.tables]
    for page in plan.pages:
        out += [Block("page"), Block("heading", f"重点客户：{page.account}", 2)]
        out += [Block("heading", "位置", 3), *(Block("text", line) for line in page.position)]
        if page.notes:
            out += [Block("heading", "需要决定的事", 3), Block("bullets", items=page.notes)]
        for piece in page.pieces:
            out += _piece(piece, 3)
        if page.actions:
            out += [Block("heading", "行动（负责人与时间）", 3), Block("table", frame=_actions(page.actions))]
    shown = {p.account for p in plan.pages}
    others = [p for p in pieces if p.heading != "重点客户名单" and not p.heading.startswith("重点客户：")
              and p.account not in shown and p.heading != "其他评估"]
    if others:
        out += [Block("page"), Block("heading", "其他客户的评估", 2)]
        for piece in others:
            out += _piece(piece, 3)
    return out


def sources_frame(plan: KeyAccountPlan) -> pd.DataFrame:
    """Where each piece of the plan came from (chapter and tool)."""
    rows = []
    for section in plan.sections:
        for piece in section.pieces:
            where = chapter_label(piece.chapter) if piece.chapter else "多章"
            rows.append((f"{section.number}. {section.title}", piece.heading + (f"（{piece.account}）" if piece.account
                                                                              and piece.account not in piece.heading
                                                                              else ""), where, piece.tool))
    return pd.DataFrame(rows, columns=["部分", "内容", "章节", "工具"])


def _appendix(plan: KeyAccountPlan) -> list[Block]:
    out = [Block("page"), Block("heading", APPENDIX, 1),
           Block("text", "附录供编制人核对：每一部分的出处、还没有完成的部分和学习进度。交给上级时可以不附。"),
           Block("heading", "A. 出处", 2), Block("table", caption="出处", frame=sources_frame(plan))]
    missing = plan.missing
    out.append(Block("heading", "B. 还差", 2))
    out.append(Block("bullets", items=tuple(m.text for m in missing), links=tuple(m.link for m in missing))
               if missing else Block("text", "没有还差的部分。"))
    out += [Block("heading", "C. 学习进度", 2),
            Block("table", caption="学习进度", frame=plan.progress.drop(columns=["链接"]))]
    return out
