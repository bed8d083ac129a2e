"""An answer as a person reads it, and the key beside it (HTML, every string escaped).

A proposition is drawn as its four-quadrant card, a worksheet as labelled
fields, a table as a table, calculator inputs as name = value lines, a text as
paragraphs. Nothing here runs or trusts learner text: it is escaped wherever it
appears, because the desk shows it inside the trainer's browser.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..proposition import QUADRANT_TITLES

STRUCTURED = frozenset({"table", "inputs", "proposition", "worksheet"})
CARD = ("display:grid;grid-template-columns:1fr 1fr;gap:6px;margin:0")
QUADRANT = "border:1px solid #bbb;border-radius:4px;padding:6px 8px;background:#fafafa"
TEXT = "white-space:pre-wrap;margin:0;font-family:inherit;line-height:1.6"


def e(value: object) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value))


def stored_value(question: dict[str, Any], text: str) -> Any:
    """The answer as saved by the learner, from the gradebook's text column."""
    if question.get("type") in STRUCTURED and text:
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def _lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v or "").strip()]
    return [s for s in str(value or "").splitlines() if s.strip()]


def _rows(value: Any) -> list[dict]:
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _table(rows: list[dict], columns: list[str] | None = None) -> str:
    if not rows:
        return "<p><i>（空）</i></p>"
    columns = columns or list(dict.fromkeys(k for r in rows for k in r))
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(r.get(c, ''))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table class='kamlab-desk-table'><tr>{head}</tr>{body}</table>"


def proposition_card(value: Any) -> str:
    """The four quadrants side by side (2 × 2), whatever state the answer is in."""
    v = value if isinstance(value, dict) else {}
    q1 = [f"{r.get('指标', '')}：{r.get('现状', '')} → {r.get('目标', '')} {r.get('单位', '')}，"
          f"年价值 {r.get('年价值', '')} 元" for r in _rows(v.get("q1")) if any(str(x or "").strip() for x in r.values())]
    q4 = [f"{r.get('指标', '')}（{r.get('频率', '') or '未定'}，负责人：{r.get('负责人', '') or '未定'}）"
          for r in _rows(v.get("q4")) if str(r.get("指标", "") or "").strip()]
    quadrants = {1: q1, 2: _lines(v.get("q2")), 3: _lines(v.get("q3")), 4: q4}
    cells = "".join(
        f"<div style='{QUADRANT}'><b>{e(QUADRANT_TITLES[n])}</b>"
        + ("<ul style='margin:4px 0 0 1.2em;padding:0'>" + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>"
           if items else "<p style='margin:4px 0'><i>（空）</i></p>") + "</div>"
        for n, items in quadrants.items())
    account = str(v.get("account", "") or "").strip() or "（未写客户名称）"
    return f"<p style='margin:0 0 4px 0'>客户：<b>{e(account)}</b></p><div class='kamlab-card' style='{CARD}'>{cells}</div>"


def worksheet_fields(question: dict[str, Any], value: Any) -> str:
    """Each field under its label (the key's required parts first, then any other)."""
    v = value if isinstance(value, dict) else {}
    labels: dict[str, str] = dict(question.get("key", {}).get("required", {}))
    keys = list(labels) + [k for k in v if k not in labels]
    parts = [f"<p style='margin:6px 0 2px 0'><b>{e(labels.get(k, k))}</b></p>"
             f"<div style='{TEXT}'>{e(v.get(k, '')) or '<i>（空）</i>'}</div>" for k in keys]
    return "".join(parts) or "<p><i>（空）</i></p>"


def answer_html(question: dict[str, Any], value: Any) -> str:
    """The learner's answer to ``question`` for a person to read."""
    kind = question.get("type")
    if value is None or value == "" or value == {} or value == []:
        return "<p><i>（未作答）</i></p>"
    if kind == "proposition":
        return proposition_card(value)
    if kind == "worksheet":
        return worksheet_fields(question, value)
    if kind == "table" and isinstance(value, list):
        return _table(_rows(value), question.get("columns"))
    if kind == "inputs" and isinstance(value, dict):
        return "<ul>" + "".join(f"<li>{e(k)} = {e(x)}</li>" for k, x in value.items()) + "</ul>"
    unit = f" {question['unit']}" if kind == "number" and question.get("unit") else ""
    return f"<div style='{TEXT}'>{e(value)}{e(unit)}</div>"


def key_html(question: dict[str, Any], expected: str = "") -> str:
    """The model answer and the rubric points a trainer grades against."""
    key = question.get("key", {})
    parts = []
    if key.get("model_answer"):
        parts.append(f"<p style='margin:0 0 2px 0'><b>参考答案</b></p><div style='{TEXT}'>{e(key['model_answer'])}</div>")
    points = []
    if key.get("keywords"):
        need = key.get("need", len(key["keywords"]))
        points = [" / ".join(str(w).split("|")) for w in key["keywords"]]
        parts.append(f"<p style='margin:8px 0 2px 0'><b>评分要点</b>（命中 {e(need)} 项得满分）</p>")
    elif key.get("rubric"):
        points = [f"{item.get('label', item.get('check'))}（{item.get('points', '')} 分）" for item in key["rubric"]]
        parts.append("<p style='margin:8px 0 2px 0'><b>评分要点</b></p>")
    elif key.get("required") and question.get("type") == "worksheet":
        points = list(key["required"].values())
        parts.append(f"<p style='margin:8px 0 2px 0'><b>必填部分</b>（每项至少 {e(key.get('min_chars', 1))} 字）</p>")
    if points:
        parts.append("<ul style='margin:0 0 0 1.2em;padding:0'>" + "".join(f"<li>{e(p)}</li>" for p in points) + "</ul>")
    if not parts and expected:
        parts.append(f"<p style='margin:0'><b>参考答案</b>：{e(expected)}</p>")
    return "".join(parts) or "<p><i>（此题没有参考答案）</i></p>"
