"""Section 5, 行动清单: every action line of the worksheets, with owner and date where given."""

from __future__ import annotations

import re

from .chapters import ACTION_FIELDS, CALCULATORS, WORKSHEETS
from .result import Action, SavedWork
from .saved import saved_input, saved_rows

_OWNER = re.compile(r"(?:负责人|责任人|负责|owner)\s*[:：]\s*([^，,；;。）)\s]+)|[（(]([^（）()]{1,12}?)负责[）)]|@(\S+)")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*月(?:底|初|中旬)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?:底|初|中旬|前)?"
                   r"|\d{4}\s*年\s*Q[1-4]|Q[1-4]|第[一二三四]季度|\d+\s*(?:天|周|个月)内")


def parse_action(text: str) -> tuple[str, str]:
    """The owner and the date written in an action line, where given (else "")."""
    owner_match = _OWNER.search(text)
    owner = next((g for g in owner_match.groups() if g), "") if owner_match else ""
    date_match = _DATE.search(text)
    return owner.strip(), date_match.group(0).strip() if date_match else ""


def action_list(work: SavedWork) -> list[Action]:
    from ..learner.worksheet import load_worksheet

    out: list[Action] = []
    for sheet_id, keys in ACTION_FIELDS.items():
        answers = work.worksheets.get(sheet_id) or {}
        if not answers:
            continue
        sheet = load_worksheet(sheet_id)
        labels = {f.key: f.label for f in sheet.fields}
        chapter = next(c for c, ids in WORKSHEETS.items() if sheet_id in ids)
        for key in keys:
            for line in str(answers.get(key, "") or "").splitlines():
                line = re.sub(r"^\s*(?:[-*•·]|\d+[.、)）])\s*", "", line).strip()
                if line:
                    owner, due = parse_action(line)
                    out.append(Action(line, owner, due, chapter, f"{sheet.title} · {labels.get(key, key)}"))
    state = work.state("wang-01", "proposition")
    for row in saved_rows(saved_input(state, "q4", 4)):
        if row.get("指标", "").strip():
            out.append(Action(f"跟踪“{row['指标'].strip()}”（{row.get('频率', '').strip() or '频率未定'}）",
                              row.get("负责人", "").strip(), row.get("频率", "").strip(), "wang-01",
                              f"{CALCULATORS['wang-01']['proposition']} · 跟踪与衡量"))
    return out
