"""Section 3, 重点客户: account by account, the proposition card and the single-account tools."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .chapters import CALCULATORS, KEY_QUADRANT
from .result import Missing, Piece, SavedWork
from .saved import gather, rows_frame, saved_input, saved_lines, saved_rows


def key_account_names(work: SavedWork, chosen: Any) -> tuple[str, ...]:
    if chosen is None:
        return tuple(work.key_accounts)
    names = [str(n) for n in chosen.table["客户"]]
    marked = [n for n in work.key_accounts if n in names]
    if marked:
        return tuple(marked)
    quadrant = chosen.scheme.quadrants[KEY_QUADRANT].name
    return tuple(str(n) for n in chosen.table.loc[chosen.table["象限"] == quadrant, "客户"])


def key_account_pieces(work: SavedWork, chosen: Any, keys: Sequence[str], unit: str
                        ) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    from .. import kraljic

    pieces: list[Piece] = []
    missing: list[Missing] = []
    if chosen is not None and keys:
        table = chosen.table.set_index("客户").loc[list(keys), ["销售额", "吸引力", "相对实力", "象限", "策略"]]
        pieces.append(Piece("wang-01", CALCULATORS["wang-01"]["selection"], "重点客户名单",
                            (f"重点客户：{'、'.join(keys)}。",), (("重点客户在选择矩阵上的位置", table.reset_index()),)))
    elif chosen is not None:
        missing.append(Missing("wang-01", "标记重点客户", "选择矩阵上还没有战略客户，也没有手动标记"))
    def named(state) -> str:
        return str(saved_input(state, "account", -1, "") or "").strip()

    def proposition(state, tool: str) -> Piece:
        prop = kamlab.build_proposition(
            str(saved_input(state, "account", 0, "")), saved_rows(saved_input(state, "q1", 1)),
            saved_lines(saved_input(state, "q2", 2)), saved_lines(saved_input(state, "q3", 3)),
            saved_rows(saved_input(state, "q4", 4)))
        return Piece("wang-01", tool, f"价值主张卡：{prop.account}",
                     (f"可量化的年价值合计 {prop.total_annual_value:,.0f} 元。",),
                     (("四象限价值主张", prop.to_frame()),), account=prop.account)

    def stage(state, tool: str) -> Piece:
        from ..relationship_stage import INDICATORS, STAGES

        result = kamlab.diagnose_stage({k: saved_input(state, k, i, 1) for i, k in enumerate(INDICATORS)})
        gaps = "、".join(result.gaps) or "无"
        return Piece("wang-03", tool, "关系阶段",
                     (f"当前处于第 {result.stage} 阶段：{STAGES[result.stage - 1]}；落后的指标：{gaps}。",),
                     (("各指标所处阶段", result.table),), account=named(state))

    def purchases(state, tool: str) -> Piece:  # Kraljic, from the account's side
        scheme = kraljic.KRALJIC_SCHEME.with_cuts(float(saved_input(state, "x_cut", 2, 5.0)),
                                                  float(saved_input(state, "y_cut", 1, 5.0)))
        result = kamlab.classify_purchases(rows_frame(saved_rows(saved_input(state, "items", 0))), scheme)
        cols = [c for c in ("品类", "利润影响", "供应风险", "采购额", "象限", "供应商视角") if c in result.table]
        return Piece("wang-03", tool, "客户眼中的我们：卡拉杰克矩阵",
                     ("站在客户的采购立场看我方所供品类的位置，以及对我方的含义。",),
                     (("客户采购品类的位置", result.table[cols]),), (("卡拉杰克矩阵", "kraljic", result),),
                     account=named(state))

    def lifetime_value(state, tool: str) -> Piece:
        years = saved_input(state, "years", 3, "")
        clv = kamlab.customer_lifetime_value(saved_input(state, "margin", 0), saved_input(state, "retention", 1),
                                             saved_input(state, "discount", 2), years if str(years).strip() else None,
                                             str(saved_input(state, "timing", 4, "end")), unit=unit)
        return Piece("wang-03", tool, "客户终生价值",
                     (f"年均毛利 {clv.margin:g} {unit}、保留率 {clv.retention:g}%、折现率 {clv.discount:g}%："
                      f"客户终生价值 {clv.value:,.2f} {unit}，预期合作 {clv.expected_lifetime:.1f} 年。",),
                     account=named(state))

    def retention(state, tool: str) -> Piece:
        names = ("margin", "growth", "discount", "years", "acquisition")
        assumptions = kamlab.RetentionAssumptions(**{
            n: float(saved_input(state, n, i + 2)) if n != "years" else int(float(saved_input(state, n, i + 2)))
            for i, n in enumerate(names) if saved_input(state, n, i + 2) is not None})
        case = kamlab.retention_uplift(saved_input(state, "retention", 0, 80), saved_input(state, "cut", 1, 5), assumptions)
        return Piece("ding-01", tool, "留存率提升的价值",
                     (f"留存率从 {case.base:g}% 提高到 {case.improved:g}%：单个客户净现值从 "
                      f"{case.npv_base:,.1f} 增至 {case.npv_improved:,.1f} {unit}。",), account=named(state))

    six = six_elements(work)
    if six is not None:
        pieces.append(six)
    gather(work, "wang-01", "proposition", proposition, pieces, missing)
    gather(work, "wang-03", "stage", stage, pieces, missing)
    gather(work, "wang-03", "kraljic", purchases, pieces, missing)
    gather(work, "wang-03", "lifetime_value", lifetime_value, pieces, missing)
    gather(work, "ding-01", "retention", retention, pieces, missing)
    return by_account(pieces, chosen, keys, work.assessed_account), missing


#: key accounts given a heading of their own in section 3 (the rest are in its overview table)
DETAILED_ACCOUNTS = 20

#: single-account tools of section 3 (worked for one account at a time)
SINGLE_ACCOUNT_TOOLS = ("stage", "kraljic", "lifetime_value", "retention")

#: the six elements of 王渊 第二讲's account plan: worksheet field -> element
SIX_ELEMENTS = (("goals", "1. 绩效目标"), ("focus", "2. 战略重点"), ("statement", "3. 定位：定位陈述"),
                ("contacts", "3. 定位：目标联系人"), ("rivals", "3. 定位：目标竞争对手"),
                ("value_prop", "3. 定位：价值主张"), ("actions", "4. 行动计划"), ("resources", "5. 资源投入"),
                ("budget", "6. 预算"), ("forecast", "6. 销售预测"))
SIX_ELEMENTS_SHEET = "wang-02-account-plan"


def six_elements(work: SavedWork) -> Piece | None:
    """The six elements of one account's strategy (王渊 第二讲), on that account's page."""
    import pandas as pd

    answers = work.worksheets.get(SIX_ELEMENTS_SHEET) or {}
    rows = [(label, str(answers.get(key, "") or "").strip()) for key, label in SIX_ELEMENTS]
    rows = [(label, text) for label, text in rows if text]
    if not rows:
        return None
    account = str(answers.get("account", "") or "").strip()
    return Piece("wang-02", "目标大客户战略六要素工作表", "目标大客户战略六要素", (),
                 (("战略六要素", pd.DataFrame(rows, columns=["要素", "内容"])),), account=account)


def by_account(pieces: list[Piece], chosen: Any, keys: Sequence[str], assessed: str) -> list[Piece]:
    """Section 3 account by account: each key account, then the pieces worked for it; the rest last."""
    from dataclasses import replace

    single = {CALCULATORS[c][k] for c in ("wang-03", "ding-01") for k in SINGLE_ACCOUNT_TOOLS if k in CALCULATORS[c]}
    single.add("目标大客户战略六要素工作表")
    pieces = [replace(p, account=p.account or assessed) if p.tool in single else p for p in pieces]
    overview = [p for p in pieces if p.heading == "重点客户名单"]
    rest = [p for p in pieces if p not in overview]
    ordered = list(overview)
    rows = chosen.table.set_index("客户") if chosen is not None else None
    detailed = 0
    for key in keys:
        own = [p for p in rest if p.account == key]
        if not own and detailed >= DETAILED_ACCOUNTS:
            continue  # a long list: the overview table above holds every key account
        detailed += 1
        line = f"{key}："
        if rows is not None and key in rows.index:
            row = rows.loc[key]
            line += f"吸引力 {row['吸引力']:.2f}，相对实力 {row['相对实力']:.2f}，{row['象限']}——{row['策略']}。"
        ordered.append(Piece("wang-01", CALCULATORS["wang-01"]["selection"], f"重点客户：{key}", (line,),
                             account=key))
        ordered += own
    others = [p for p in rest if p.account not in keys]
    if others:
        note = "以下评估尚未指定针对哪位重点客户：" if not assessed else f"以下评估针对“{assessed}”（不在重点客户中）："
        ordered.append(Piece("", "王渊第一讲、第三讲，丁兴良第一讲", "其他评估", (note,)))
        ordered += others
    return ordered
