"""Scoring one answer against its key: numbers with tolerances, choices, texts,
tables, calculator inputs, the four-quadrant proposition and worksheets.

Every scorer takes the question (with its ``key``) and the learner's saved
answer (plain JSON) and returns a :class:`Mark`: points, the expected answer as
text and a Chinese explanation. Nothing here executes learner text; the
proposition rubric reuses :func:`kamlab.build_proposition`'s validation.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import _checks
from ..errors import InputError
from ..proposition import build_proposition


@dataclass(frozen=True)
class Mark:
    """The automatic score of one answer."""

    score: float
    max_score: float
    expected: str
    detail: str


#: Question types a person must judge: their automatic score is only a first estimate
#: (自动初评) until a trainer scores them. A key may say so for any other question with
#: ``"needs_person": true`` (or opt out with ``false``).
NEEDS_PERSON = frozenset({"text", "worksheet", "proposition"})

#: Score states, one per answer (see :func:`score_state`).
MANUAL, PROVISIONAL, RECHECK, AUTOMATIC = "人工", "自动初评", "待复核", ""


def needs_person(question: Mapping[str, Any] | Any) -> bool:
    """Whether a person must judge ``question`` (a key's question dict, or anything with
    ``type``): free text, worksheets and propositions, or a question the key marks so.
    The one definition used by ``kamlab review``, the report, the feedback pages and the desk."""
    if isinstance(question, Mapping):
        flag, kind = question.get("needs_person"), question.get("type", "")
    else:
        flag, kind = getattr(question, "needs_person", None), getattr(question, "type", "")
    return bool(flag) if isinstance(flag, bool) else kind in NEEDS_PERSON


def score_state(question: Mapping[str, Any] | Any, manual_score: float | None, needs_review: bool = False) -> str:
    """How an answer's score stands: 待复核 (scored by a person, then the answer changed),
    人工 (a person scored it), 自动初评 (a person must judge it and has not yet) or ``""``
    (an automatic score that stands on its own)."""
    if needs_review:
        return RECHECK
    if manual_score is not None and not (isinstance(manual_score, float) and math.isnan(manual_score)):
        return MANUAL
    return PROVISIONAL if needs_person(question) else AUTOMATIC


def _fmt(x: float) -> str:
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


def score_number(q: dict[str, Any], value: Any) -> Mark:
    """Full points when within ``tolerance`` (absolute) or ``relative`` (share) of ``expected``."""
    key, points = q["key"], float(q.get("points", 1))
    expected = float(key["expected"])
    tol = max(float(key.get("tolerance", 0)), abs(expected) * float(key.get("relative", 0)))
    shown = f"{_fmt(expected)}（允许误差 ±{_fmt(tol)}）"
    if value is None or (isinstance(value, str) and not value.strip()):
        return Mark(0, points, shown, "未作答")
    try:
        number = _checks.typed_number(value, q["label"], q.get("unit", ""))
    except InputError:
        return Mark(0, points, shown, f"“{value}”不是数字（{_checks.NUMBER_FORMS}）")
    if abs(number - expected) <= tol + 1e-9:
        return Mark(points, points, shown, "正确")
    return Mark(0, points, shown, f"回答 {_fmt(number)}，与参考答案相差 {_fmt(number - expected)}")


def score_choice(q: dict[str, Any], value: Any) -> Mark:
    """Full points when the choice is the expected one (or one of several)."""
    key, points = q["key"], float(q.get("points", 1))
    accepted = key["expected"] if isinstance(key["expected"], list) else [key["expected"]]
    shown = " 或 ".join(map(str, accepted))
    if not value:
        return Mark(0, points, shown, "未作答")
    ok = str(value).strip() in accepted
    return Mark(points if ok else 0, points, shown, "正确" if ok else "选择有误")


def score_text(q: dict[str, Any], value: Any) -> Mark:
    """Keyword coverage: each of ``keywords`` found counts, ``need`` found earns full points.

    A provisional score: the trainer reviews texts and may set a manual score.
    """
    key, points = q["key"], float(q.get("points", 1))
    words = [str(w) for w in key.get("keywords", [])]
    text = str(value or "").strip()
    shown = "要点：" + "、".join(w.replace("|", "/") for w in words) if words else "由培训师评阅"
    if len(text) < int(key.get("min_chars", 1)):
        return Mark(0, points, shown, f"未作答或过短（少于 {key.get('min_chars', 1)} 字）")
    if not words:
        return Mark(0, points, shown, "待培训师人工评分")
    hits = {w: next((alt for alt in w.split("|") if alt in text), "") for w in words}
    found = [hit for hit in hits.values() if hit]
    absent = [w.replace("|", "/") for w, hit in hits.items() if not hit]
    need = min(int(key.get("need", len(words))), len(words))
    score = round(points * min(1.0, len(found) / need), 2)
    detail = f"命中要点：{'、'.join(found) or '无'}"
    if absent:
        detail += f"；未提到：{'、'.join(absent)}"
    detail += f"（满分需提到 {need} 个要点）"  # provisional or not is the answer's state (rubric.score_state)
    return Mark(score, points, shown, detail)


def score_table(q: dict[str, Any], value: Any) -> Mark:
    """At least ``min_rows`` rows with every column in ``required`` filled."""
    key, points = q["key"], float(q.get("points", 1))
    need, required = int(key.get("min_rows", 1)), list(key.get("required", q.get("columns", [])))
    shown = f"至少 {need} 行完整填写（{'、'.join(required)}）"
    rows = value if isinstance(value, list) else []
    full = [r for r in rows if isinstance(r, dict) and all(str(r.get(c, "") or "").strip() for c in required)]
    score = round(points * min(1.0, len(full) / need), 2)
    return Mark(score, points, shown, f"完整的行数 {len(full)}/{need}")


def score_inputs(q: dict[str, Any], value: Any) -> Mark:
    """Share of the calculator's inputs equal (within ``tolerance``) to the scenario's."""
    key, points = q["key"], float(q.get("points", 1))
    expected: dict[str, Any] = key["expected"]
    tol = float(key.get("tolerance", 0))
    given = value if isinstance(value, dict) else {}
    wrong = []
    for name, want in expected.items():
        try:
            ok = abs(_checks.to_number(given.get(name), name) - float(want)) <= tol + 1e-9
        except InputError:
            ok = False
        if not ok:
            wrong.append(name)
    score = round(points * (len(expected) - len(wrong)) / len(expected), 2)
    shown = "；".join(f"{k}={v}" for k, v in expected.items())
    detail = "全部录入正确" if not wrong else f"与情境不符的输入：{'、'.join(wrong)}"
    return Mark(score, points, shown, detail)


def score_proposition(q: dict[str, Any], value: Any) -> Mark:
    """Rubric checks on the four quadrants, validated by :func:`build_proposition`.

    Checks (each with ``points`` in the key's ``rubric`` list): ``four_quadrants``
    (all four filled), ``quantified`` (quadrant 1 valid: numbers, a change from
    baseline), ``min_metrics`` (at least ``n`` quadrant-1 rows) and ``total``
    (total annual value within ``relative`` of ``expected``).
    """
    key, points = q["key"], float(q.get("points", 1))
    v = value if isinstance(value, dict) else {}
    lines = [s for s in str(v.get("q2", "") or "").splitlines() if s.strip()]
    commits = [s for s in str(v.get("q3", "") or "").splitlines() if s.strip()]
    q1 = [r for r in v.get("q1", []) if isinstance(r, dict)] if isinstance(v.get("q1"), list) else []
    q4 = [r for r in v.get("q4", []) if isinstance(r, dict)] if isinstance(v.get("q4"), list) else []
    passed: dict[str, bool] = {}
    prop = None
    try:
        prop = build_proposition(str(v.get("account", "") or "").strip() or "（未命名客户）", q1, lines, commits, q4)
        passed["four_quadrants"] = passed["quantified"] = True
        problem = ""
    except InputError as error:
        passed["four_quadrants"] = error.field != "价值主张"
        passed["quantified"] = False
        problem = str(error)
    earned, notes, shown = 0.0, [], []
    for item in key["rubric"]:
        check = item["check"]
        if check == "min_metrics":
            ok = prop is not None and len(prop.quantified) >= int(item["n"])
        elif check == "total":
            want = float(item["expected"])
            ok = prop is not None and abs(prop.total_annual_value - want) <= want * float(item.get("relative", 0.05))
        else:
            ok = passed[check]
        earned += float(item["points"]) if ok else 0.0
        notes.append(f"{'✓' if ok else '✗'} {item['label']}")
        shown.append(item["label"])
    if problem:
        notes.append(problem)
    return Mark(round(min(earned, points), 2), points, "；".join(shown), "；".join(notes))


def score_worksheet(q: dict[str, Any], value: Any) -> Mark:
    """Share of the key's ``required`` parts (``{field key: label}``) filled with at
    least ``min_chars`` characters. A provisional score: the trainer reads the content."""
    key, points = q["key"], float(q.get("points", 1))
    required: dict[str, str] = key["required"]
    need = int(key.get("min_chars", 1))
    given = value if isinstance(value, dict) else {}
    empty = [label for field, label in required.items() if len(str(given.get(field, "") or "").strip()) < need]
    score = round(points * (len(required) - len(empty)) / len(required), 2)
    shown = f"必填部分（每项至少 {need} 字）：" + "、".join(required.values())
    detail = "必填部分均已填写（内容由培训师评阅）" if not empty else f"未填或过短：{'、'.join(empty)}"
    return Mark(score, points, shown, detail)


SCORERS = {"number": score_number, "choice": score_choice, "text": score_text, "table": score_table,
           "inputs": score_inputs, "proposition": score_proposition, "worksheet": score_worksheet}


def score(q: dict[str, Any], value: Any) -> Mark:
    """Score one answer with the scorer for its question type."""
    return SCORERS[q["type"]](q, value)


def as_text(value: Any) -> str:
    """An answer stored in the gradebook: JSON text (strings as themselves)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
