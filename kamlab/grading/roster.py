"""Reading the roster: a CSV (UTF-8, UTF-8 with BOM, GBK) or ``.xlsx`` with the columns
``学号,姓名`` (or ``learner_id,name``), read through :func:`kamlab.spreadsheet.read_table`.

Learner ids become folder and file names, so they are checked here, when the roster is
read: 1–64 characters, letters (Chinese included), digits, space, ``_``, ``-`` and
``.``; not beginning with ``.`` or a space and not ending with a space. So ``../x``,
``/etc`` or ``a\\b`` are refused before anything is written. A duplicate id is an error
naming both lines. Rows that are not learners are skipped and named: a footer such as
``合计 | 4 人`` (an id like 合计/总计/小计/共计, or a name like ``4 人``). Control characters
(BEL, ESC …, pasted from other systems) never reach a name or an id: every cell is
cleaned when the table is read (:mod:`kamlab.text_clean`).

The class in the gradebook is listed, and learners removed and restored, with
:func:`roster_frame`, :func:`remove_learner` and :func:`restore_learner` (``kamlab roster``).
A removed learner keeps their submissions and scores but leaves lists, rates and pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..spreadsheet import cell_error, read_table
from ..text_clean import clean_text
from . import gradebook

COLUMNS = {"learner_id": ["学号", "learner id", "id", "编号"], "name": ["姓名", "名字"]}
ALLOWED = "字母（含汉字）、数字、空格、下划线 _、连字符 - 和点 .，不以点或空格开头，最长 64 个字符"
_ID = re.compile(r"[^\W][\w .\-]{0,63}")


def check_id(learner: str) -> str | None:
    """Why ``learner`` cannot be a learner id (Chinese), or ``None`` when it is fine."""
    if not learner:
        return "学号为空"
    if not _ID.fullmatch(learner) or learner.endswith(" ") or "\x00" in learner:
        return f"学号“{learner}”含不允许的字符或格式（允许：{ALLOWED}）"
    return None


#: Ids that mark a footer or summary row, not a learner (compared without spaces, any case).
FOOTER_IDS = frozenset({"合计", "总计", "小计", "共计", "总数", "人数", "统计", "total", "sum", "count"})
_HEADCOUNT = re.compile(r"(共|合计|总计)?\s*\d+\s*(人|名|位)\s*", re.IGNORECASE)


def _one_line(text: str) -> str:
    """A name on one line: tabs and line breaks pasted from other systems become spaces, and
    control characters (BEL, ESC …, which broke the Excel writer) are dropped (the shared reader
    already drops them; this keeps a roster given as a dict from another source as safe)."""
    return " ".join(clean_text(str(text)).split())


class Roster(dict[str, str]):
    """{learner id: name} in file order, with ``skipped``: (line, reason) of rows that were
    not learners (a 合计 footer …)."""

    skipped: list[tuple[int, str]]


def is_footer(learner: str, name: str) -> bool:
    """Whether a row is a footer or summary (``合计 | 4 人``), not a learner."""
    return learner.replace(" ", "").lower() in FOOTER_IDS or bool(_HEADCOUNT.fullmatch(name or ""))


def read_roster(source: str | Path | bytes, *, filename: str | None = None) -> Roster:
    """Roster file (path or bytes) → {learner id: name}, in file order (a :class:`Roster`)."""
    if isinstance(source, str | Path) and filename is None:
        filename = Path(source).name
    frame = read_table(source, filename=filename, columns=COLUMNS, required=["learner_id"])
    name = filename or "名单"
    out = Roster()
    out.skipped = []
    lines: dict[str, int] = {}
    for line, row in frame.iterrows():
        learner = row["learner_id"]  # control characters already dropped by read_table (kamlab.text_clean)
        if not learner:
            if any(row):
                raise cell_error(name, int(line), "学号", "学号为空")
            continue
        if is_footer(learner, _one_line(row.get("name", "") or "")):
            out.skipped.append((int(line), f"第 {line} 行“{learner}”是合计/统计行，不是学员，已跳过"))
            continue
        problem = check_id(learner)
        if problem:
            raise cell_error(name, int(line), "学号", problem)
        if learner in lines:
            raise cell_error(name, int(line), "学号", f"学号“{learner}”重复：第 {lines[learner]} 行已有，请删去其中一行")
        lines[learner] = int(line)
        out[learner] = _one_line(row["name"]) if "name" in frame.columns else ""
    if not out:
        raise InputError(f"文件 {name}", "名单中没有任何学员（第一行应为表头：学号,姓名）")
    return out


def roster_frame(*, db: str | Path, include_removed: bool = False) -> pd.DataFrame:
    """The class as a frame: 学号, 姓名, 状态 (在班 / 已移除), 已提交练习 (exercises submitted).
    Removed learners only with ``include_removed`` (listed after the others)."""
    con = gradebook.connect(db, readonly=True)
    try:
        names, gone = gradebook.roster(con), gradebook.removed(con) if include_removed else {}
        done = gradebook.submission_counts(con)
    finally:
        con.close()
    rows = [(lid, n, "在班") for lid, n in names.items()] + [(lid, n, "已移除") for lid, n in gone.items()]
    return pd.DataFrame([(lid, n, state, int(done.get(lid, 0))) for lid, n, state in rows],
                        columns=["学号", "姓名", "状态", "已提交练习"])


def _set_removed(db: str | Path, learner: str, remove: bool) -> str:
    con = gradebook.connect(db)
    try:
        every = gradebook.roster(con, include_removed=True)
        if learner not in every:
            raise InputError("学号", f"“{learner}”不在名单中（kamlab roster list 列出全部学员）", learner)
        if not gradebook.set_removed(con, learner, remove):
            raise InputError("学号", f"“{learner}”{'已经移除' if remove else '本来就在班'}，无需再{'移除' if remove else '恢复'}",
                             learner)
        return every[learner]
    finally:
        con.close()


def remove_learner(*, db: str | Path, learner: str) -> str:
    """Take a learner off the class (their submissions and scores are kept, hidden from
    lists, rates and pages); returns their name. Undo with :func:`restore_learner`."""
    return _set_removed(db, learner, True)


def restore_learner(*, db: str | Path, learner: str) -> str:
    """Bring a removed learner back with all their history; returns their name."""
    return _set_removed(db, learner, False)


def main(args) -> int:
    """``kamlab roster --db G list [--all] | remove ID | restore ID``."""
    if args.action == "list":
        frame = roster_frame(db=args.db, include_removed=args.all)
        for r in frame.itertuples(index=False):
            mark = "（已移除）" if r.状态 == "已移除" else ""
            print(f"{r.学号}\t{r.姓名}{mark}\t已提交 {r.已提交练习} 个练习")
        active = int((frame["状态"] == "在班").sum())
        con = gradebook.connect(args.db, readonly=True)
        try:
            gone = len(gradebook.removed(con))
        finally:
            con.close()
        print(f"共 {active} 名学员在班" + (f"；另有 {gone} 名已移除（--all 一并列出，restore 学号 恢复）" if gone else ""))
        return 0
    learner = args.learner
    if args.action == "remove":
        name = remove_learner(db=args.db, learner=learner)
        print(f"已移除 {learner} {name}：提交与成绩仍保留在成绩册中，不再出现在名单、未提交清单、统计和反馈中；"
              f"可用 kamlab roster --db {args.db} restore {learner} 恢复")
    else:
        name = restore_learner(db=args.db, learner=learner)
        print(f"已恢复 {learner} {name}，其提交与成绩一并恢复")
    return 0
