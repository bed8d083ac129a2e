"""我的大客户计划: one key-account plan assembled from a learner's saved work.

A learner who works through the book on their own company leaves with a plan in
five sections, each piece naming the chapter and the tool it came from:

1. 公司与大客户组合 — own accounts on the selection matrix (both views), Pareto, pyramid;
2. 组织与人 — the structure chosen with its reasons, the team form, the roles;
3. 重点客户 — for each key account its place on the matrix, and the single-account
   tools (six elements of its strategy, value proposition card, relationship stage,
   Kraljic position from the account's side, CLV and retention case), each on the page
   of the account it names;
4. 开发与目标 — pipeline and weighted forecast, next year's target by three methods;
5. 行动清单 — every action written in a worksheet, with owner and date where given.

Before the sections comes an executive summary (key accounts, next year's target,
where two tools disagree about an account, the three actions that matter most) and
one :class:`AccountPage` per key account (:mod:`.summary`). The Word, Excel and
Markdown files are written by :mod:`kamlab.plan.export`, which reads a plan and
imports nothing that builds one.

Pure: :func:`build_plan` takes a :class:`SavedWork` (what the answer files hold,
read by :mod:`kamlab.saved_work`) and recomputes every number with the models'
own functions. A piece that is not saved yet is listed as missing with the
chapter that fills it (“还差：王渊 第二讲 · 大客户开发管道”); a saved piece that
no longer computes says why. :func:`example_work` is the same work filled from
the running case (``kamlab/data/running_case.json``), as the closing chapter shows it.
"""

from .actions import parse_action
from .assemble import build_plan, progress_frame
from .chapters import (
    ACTION_FIELDS,
    CALCULATORS,
    CHAPTERS,
    KEY_QUADRANT,
    ROLE_FIELDS,
    SECTION_TITLES,
    WORKSHEETS,
    chapter_label,
)
from .example import example_work
from .key_accounts import SINGLE_ACCOUNT_TOOLS
from .result import AccountPage, Action, KeyAccountPlan, Missing, Piece, SavedWork, Section
from .saved import account_rows

__all__ = [
    "ACTION_FIELDS", "CALCULATORS", "CHAPTERS", "KEY_QUADRANT", "ROLE_FIELDS", "SECTION_TITLES",
    "SINGLE_ACCOUNT_TOOLS", "WORKSHEETS", "AccountPage", "Action", "KeyAccountPlan", "Missing", "Piece", "SavedWork",
    "Section", "account_rows", "build_plan", "chapter_label", "example_work", "parse_action", "progress_frame",
]
