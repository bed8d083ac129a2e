"""The plan assembled: five sections, the action list and the progress overview."""

from __future__ import annotations

import pandas as pd

from .actions import action_list
from .chapters import CALCULATORS, CHAPTERS, ROLE_FIELDS, SECTION_TITLES, WORKSHEETS, chapter_label
from .key_accounts import key_account_names, key_account_pieces
from .people import organisation_pieces, worksheet_pieces
from .portfolio import pareto_pyramid_pieces, selection_pieces
from .result import KeyAccountPlan, Missing, Piece, SavedWork, Section
from .saved import account_rows
from .summary import account_pages, executive_summary, top_actions
from .targets import target_pieces


def _filled(work: SavedWork, sheet_id: str) -> bool:
    from ..learner.worksheet import load_worksheet

    answers = work.worksheets.get(sheet_id) or {}
    sheet = load_worksheet(sheet_id)
    required = [f for f in sheet.fields if f.required] or sheet.fields
    return all(str(answers.get(f.key, "") or "").strip() for f in required)


def progress_frame(work: SavedWork) -> pd.DataFrame:
    """Per chapter: calculators saved, worksheets filled, quiz done (“2/4”, “是/否”)."""
    rows = []
    for slug in CHAPTERS:
        calcs = CALCULATORS[slug]
        saved = sum(1 for k in calcs if work.state(slug, k) is not None)
        sheets = WORKSHEETS.get(slug, ())
        done = sum(1 for s in sheets if _filled(work, s))
        quiz = work.quizzes.get(slug) or {}
        answered, total = int(quiz.get("answered", 0) or 0), int(quiz.get("total", 0) or 0)
        rows.append({"章节": chapter_label(slug), "计算器": f"{saved}/{len(calcs)}" if calcs else "—",
                     "工作表": f"{done}/{len(sheets)}" if sheets else "—",
                     "自测": (f"已完成（{int(quiz.get('correct', 0))}/{total} 题正确）" if total and answered >= total
                            else f"已答 {answered}/{total}" if total else "未做"),
                     "链接": f"{slug}.ipynb"})
    return pd.DataFrame(rows, columns=["章节", "计算器", "工作表", "自测", "链接"])


# --- assembly ---------------------------------------------------------------------------


def build_plan(work: SavedWork) -> KeyAccountPlan:
    """Assemble the five sections, the action list and the progress overview."""
    unit = work.profile.unit
    rows = account_rows(work)
    s1, m1, chosen = selection_pieces(work, unit)
    p2, m2 = pareto_pyramid_pieces(work, rows, unit)
    org, m_org = organisation_pieces(work)
    keys = key_account_names(work, chosen)
    s3, m3 = key_account_pieces(work, chosen, keys, unit)
    s4, m4 = target_pieces(work, unit)
    actions = action_list(work)
    roles = worksheet_pieces(work, ROLE_FIELDS, "角色与分工")
    m_roles = [] if roles else [Missing("ye-04", "大客户组织与经销商、上游厂商的协作工作表")]
    action_piece: list[Piece] = []
    m5: list[Missing] = []
    if actions:
        frame = pd.DataFrame([(a.text, a.owner, a.due, f"{chapter_label(a.chapter)} · {a.source}") for a in actions],
                             columns=["行动", "负责人", "时间", "出处"])
        action_piece = [Piece("", "各章工作表与价值主张（每行注明出处）", "行动清单", (f"共 {len(actions)} 项行动。",),
                              (("行动清单", frame),))]
    if not (work.worksheets.get("wang-02-account-plan") or {}).get("actions"):
        m5.append(Missing("wang-02", "目标大客户战略六要素工作表 · 行动计划"))
    if not work.worksheets.get("wang-00-current-state"):
        m5.append(Missing("wang-00", "现状诊断工作表 · 行动建议"))
    sections = (
        Section(1, SECTION_TITLES[0], tuple(s1 + p2), tuple(m1 + m2)),
        Section(2, SECTION_TITLES[1], tuple(org + roles), tuple(m_org + m_roles)),
        Section(3, SECTION_TITLES[2], tuple(s3), tuple(m3)),
        Section(4, SECTION_TITLES[3], tuple(s4), tuple(m4)),
        Section(5, SECTION_TITLES[4], tuple(action_piece), tuple(m5)),
    )
    six_account = str((work.worksheets.get("wang-02-account-plan") or {}).get("account", "") or "").strip()
    six_account = six_account or work.assessed_account
    pages = account_pages(sections, actions, keys, six_account)
    unassessed = [page.account for page in pages if not page.pieces]
    if unassessed:  # said in the appendix, not on the boss's pages
        gaps = tuple(Missing("wang-03", f"为“{name}”做单客户评估（关系阶段、终生价值等）",
                             "在本章的计划里指定评估针对哪位客户") for name in unassessed)
        sections = tuple(s if s.number != 3 else Section(s.number, s.title, s.pieces, s.missing + gaps)
                         for s in sections)
    return KeyAccountPlan(work.profile, sections, progress_frame(work), tuple(actions), keys,
                          is_example=work.example, summary=executive_summary(sections, pages, actions, keys, unit),
                          pages=pages, top_actions=top_actions(actions, keys, six_account))
