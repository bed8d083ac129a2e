"""Section 2, 组织与人: the structure chosen with its reasons and team form; roles from worksheets."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..errors import InputError
from .chapters import CALCULATORS, WORKSHEETS
from .result import Missing, Piece, SavedWork
from .saved import saved_input


def organisation_pieces(work: SavedWork) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    from .. import organisation

    for chapter in ("wang-01", "ye-04"):
        state = work.state(chapter, "organisation")
        if state is None:
            continue
        facts = {f.key: saved_input(state, f.key, i) for i, f in enumerate(organisation.FACTORS)}
        try:
            result = kamlab.choose_organisation(facts)
        except InputError as error:
            return [], [Missing(chapter, CALCULATORS[chapter]["organisation"], f"无法计算：{error}")]
        note = "（前两名并列，按更简单的结构优先）" if result.tied else ""
        forms = "；".join(f"{name}（{text}）" for name, text in organisation.TEAM_FORMS)
        lines = (f"推荐结构：{result.best}{note}。", *(f"理由：{r}" for r in result.reasons),
                 f"团队形式是另一个问题，不由结构推出（叶敦明第四讲），按大客户机会出现的频率和持续时间在三种中选择：{forms}。")
        tables = (("三种结构的得分", result.ranking), ("各因素的取值与理由", result.contributions))
        return [Piece(chapter, CALCULATORS[chapter]["organisation"], "组织结构与团队形式", lines, tables)], []
    return [], [Missing("wang-01", CALCULATORS["wang-01"]["organisation"])]


def worksheet_pieces(work: SavedWork, fields: Mapping[str, tuple[str, ...]], heading: str) -> list[Piece]:
    from ..learner.worksheet import load_worksheet

    pieces = []
    for sheet_id, keys in fields.items():
        answers = work.worksheets.get(sheet_id) or {}
        sheet = load_worksheet(sheet_id)
        labels = {f.key: f.label for f in sheet.fields}
        rows = [(labels.get(k, k), str(answers.get(k, "")).strip()) for k in keys if str(answers.get(k, "")).strip()]
        if rows:
            chapter = sheet_id.rsplit("-", 1)[0] if sheet_id.count("-") >= 2 else sheet_id
            chapter = next((c for c, ids in WORKSHEETS.items() if sheet_id in ids), chapter)
            pieces.append(Piece(chapter, sheet.title, heading, (),
                                ((sheet.title, pd.DataFrame(rows, columns=["项目", "内容"])),)))
    return pieces
