"""What a manager reads first: the executive summary, and one page per key account.

Both are gathered from the sections already built, so they state the same numbers:

* :func:`account_pages` — for each key account (the first twenty of a long list, and every
  account a tool was worked for) its position (selection matrix and the
  profit pyramid), the tools' findings worked for it (six elements, relationship stage,
  CLV, Kraljic, proposition, retention) and the actions that name it. Where two tools
  disagree about the account (a strategic account in the pyramid's lower tiers, or one
  the second view marks for defence) the page says so: that is the decision to take to
  the boss, not something a score settles.
* :func:`executive_summary` — the key accounts, next year's target and the three actions
  that matter most: actions for key accounts first, those with an owner and a date before
  the rest, in the order they were written.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .result import AccountPage, Action, Piece, Section

#: pyramid tiers below which a strategic account is flagged (the two lower tiers)
LOWER_TIERS = ("中客户", "小客户")
STRATEGIC = "战略客户"


def _table(pieces: Sequence[Piece], caption: str) -> pd.DataFrame | None:
    for piece in pieces:
        for cap, frame in piece.tables:
            if cap == caption:
                return frame
    return None


#: the worksheet whose actions belong to the account it names
SIX_ELEMENTS_TITLE = "目标大客户战略六要素工作表"


def _mentions(action: Action, name: str, six_account: str = "") -> bool:
    return name in action.text or (name == six_account and action.source.startswith(SIX_ELEMENTS_TITLE))


def account_pages(sections: Sequence[Section], actions: Sequence[Action], keys: Sequence[str],
                  six_account: str = "") -> tuple[AccountPage, ...]:
    """One page per key account, from sections 1 and 3 and the action list (``six_account``: the
    account the six-element worksheet was written for; its actions go on that account's page)."""
    portfolio = [p for s in sections if s.number == 1 for p in s.pieces]
    key_section = [p for s in sections if s.number == 3 for p in s.pieces]
    matrix = _table(portfolio, "客户在选择矩阵上的位置")
    tiers = _table(portfolio, "各客户所在层级")
    pyramid_by = next((p.heading.removeprefix("客户金字塔（按").removesuffix("分层）") for p in portfolio
                       if p.heading.startswith("客户金字塔")), "")
    from .key_accounts import DETAILED_ACCOUNTS

    pages = []
    for name in keys:
        own = tuple(p for p in key_section if p.account == name and not p.heading.startswith("重点客户："))
        if not own and len(pages) >= DETAILED_ACCOUNTS:
            continue  # a long list: the overview table holds every key account, pages go to the first ones
        position, notes = [], []
        quadrant = ""
        if matrix is not None and name in set(matrix["客户"]):
            row = matrix.set_index("客户").loc[name]
            quadrant = str(row["象限"])
            position.append(f"销售额 {row['销售额']:,.0f}；吸引力 {row['吸引力']:.2f}，相对实力 {row['相对实力']:.2f}："
                            f"{quadrant}——{row['策略']}。")
            second = str(row.get("第二视角象限", "") or "")
            if second:
                position.append(f"第二视角（吸引力 × 易损性）：{second}。")
                if "防守" in second:
                    notes.append(f"第二视角把它标为“{second}”——它值得投入，也正被对手盯上，关系需要高层加固。")
        if tiers is not None and name in set(tiers["客户"]):
            tier = str(tiers.set_index("客户").loc[name, "层级"])
            position.append(f"客户金字塔（按{pyramid_by}）：{tier}。")
            if quadrant == STRATEGIC and tier in LOWER_TIERS:
                notes.append(f"两个工具结论不一致：选择矩阵上是{STRATEGIC}，按{pyramid_by}却在金字塔的{tier}层。"
                             "先查明利润薄的原因（价格、服务成本还是开发投入），再决定投入的条件，"
                             "例如把追加投入与提价或分担开发费用挂钩。")
        mine = tuple(a for a in actions if _mentions(a, name, six_account))
        pages.append(AccountPage(name, tuple(position), tuple(notes), own, mine))
    return tuple(pages)


def top_actions(actions: Sequence[Action], keys: Sequence[str], six_account: str = "", n: int = 3
                ) -> tuple[Action, ...]:
    """The ``n`` actions the summary shows: the first action of each key account in turn (those with an
    owner and a date before the rest), then the remaining ones in the same order, then any other action."""
    def ready(a: Action) -> int:
        return 0 if (a.owner and a.due) else 1

    queues = [sorted((a for a in actions if _mentions(a, k, six_account)), key=ready) for k in keys]
    chosen: list[Action] = []
    while len(chosen) < n and any(queues):
        for queue in queues:
            while queue and queue[0] in chosen:
                queue.pop(0)
            if queue and len(chosen) < n:
                chosen.append(queue.pop(0))
    rest = sorted((a for a in actions if a not in chosen), key=ready)
    return tuple(chosen + rest[: n - len(chosen)])


def executive_summary(sections: Sequence[Section], pages: Sequence[AccountPage], actions: Sequence[Action],
                      keys: Sequence[str], unit: str) -> tuple[str, ...]:
    """The summary's sentences: key accounts with their sales, next year's target, where the tools disagree."""
    lines = []
    portfolio = [p for s in sections if s.number == 1 for p in s.pieces]
    matrix = _table(portfolio, "客户在选择矩阵上的位置")
    if keys:
        text = f"重点客户 {len(keys)} 家：{'、'.join(keys)}"
        if matrix is not None:
            sales = matrix.set_index("客户")["销售额"]
            mine = float(sales.reindex(list(keys)).fillna(0).sum())
            text += f"，今年销售额合计 {mine:,.0f} {unit}，占全部 {len(sales)} 家客户 {float(sales.sum()):,.0f} {unit}的 "
            text += f"{100 * mine / float(sales.sum()):.0f}%" if float(sales.sum()) else "—"
        lines.append(text + "。")
    goals = next((p for s in sections if s.number == 4 for p in s.pieces if p.chapter == "ye-05"), None)
    if goals is not None:
        lines.append(f"明年大客户销售目标：{goals.lines[0]}")
    for page in pages:
        lines += [f"{page.account}：{note}" for note in page.notes]
    return tuple(lines)
