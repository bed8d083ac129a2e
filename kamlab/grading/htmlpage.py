"""Shared pieces of the trainer's pages and lists: escaping, the page shell (readable on a
390 px phone, printable), local times, and answers rendered for a person — the
four-quadrant proposition as its card, worksheets as labelled fields, tables as tables —
never raw JSON. Every piece of learner text is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from ..proposition import QUADRANT_TITLES

DEFAULT_TZ = "Asia/Shanghai"

STYLE = """
*{box-sizing:border-box}
body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;
 max-width:960px;margin:1.5em auto;padding:0 12px;line-height:1.6;color:#222;overflow-wrap:anywhere}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #4C72B0;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f0f3f8}
.wide{overflow-x:auto}
.nw{white-space:nowrap;overflow-wrap:normal;word-break:keep-all}
.q{border:1px solid #d8dde6;border-radius:6px;padding:.6em .8em;margin:.8em 0;break-inside:avoid}
.q h3{font-size:1.05em;margin:.1em 0 .4em}
.score{font-weight:bold;white-space:nowrap}
.muted{color:#666;font-size:.92em}
.tag{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;margin-left:.3em}
.tag.provisional{background:#fff3cd;color:#7a5b00}.tag.review{background:#f8d7da;color:#842029}
.tag.manual{background:#d1e7dd;color:#0f5132}
.quadrants{display:grid;grid-template-columns:1fr 1fr;gap:6px}
.quadrant{border:1px solid #c9d3e3;border-radius:4px;padding:.4em .6em;background:#f8fafd}
.quadrant h4{margin:0 0 .3em;font-size:.95em}
dl.fields{margin:0}dl.fields dt{font-weight:bold;margin-top:.4em}dl.fields dd{margin:0 0 0 1em;white-space:pre-wrap}
pre{white-space:pre-wrap;margin:0;font-family:inherit}
ul.missing li{color:#842029}
@media (max-width:600px){body{margin:.6em auto;padding:0 8px}.quadrants{grid-template-columns:1fr}
 td,th{padding:3px 4px;font-size:.95em}}
@media print{body{max-width:none;margin:0;font-size:11pt}a{color:inherit;text-decoration:none}
 .q,.quadrant,tr{break-inside:avoid}h2{break-after:avoid}}
"""


def e(value: object) -> str:
    """HTML-escape anything (``None`` → ``""``)."""
    return html.escape("" if value is None else str(value))


def page(title: str, body: str) -> str:
    """A complete UTF-8 HTML page with the shared style."""
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><link rel='icon' href='data:,'>"
            f"<title>{e(title)}</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>")


def zone(name: str = DEFAULT_TZ):
    """A time zone by IANA name (Asia/Shanghai falls back to UTC+8 without tz data)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == DEFAULT_TZ:
            return timezone(timedelta(hours=8), "CST")
        from ..errors import InputError

        raise InputError("时区", f"不认识时区“{name}”：请写 IANA 名称，如 Asia/Shanghai", name) from None


def local_time(stamp: str, tz: str = DEFAULT_TZ) -> str:
    """``2026-11-26T10:00:00+00:00`` → ``2026-11-26 18:00`` in ``tz``."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M")


def _lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [s for s in str(value or "").splitlines() if s.strip()]


def _rows(value: Any) -> list[dict[str, Any]]:
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "<p class='muted'>（未填写）</p>"
    columns = list(dict.fromkeys(k for r in rows for k in r))
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(r.get(c, ''))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<div class='wide'><table><tr>{head}</tr>{body}</table></div>"


def _quadrant_items(value: dict[str, Any]) -> dict[int, list[str]]:
    q1 = [" ".join(f"{k}：{v}" for k, v in r.items() if str(v).strip()) for r in _rows(value.get("q1"))]
    q4 = [" ".join(f"{k}：{v}" for k, v in r.items() if str(v).strip()) for r in _rows(value.get("q4"))]
    return {1: q1, 2: _lines(value.get("q2")), 3: _lines(value.get("q3")), 4: q4}


def _field_labels(question: dict[str, Any], value: dict[str, Any]) -> dict[str, str]:
    labels = dict(question.get("key", {}).get("required", {}))
    return {**labels, **{k: k for k in value if k not in labels}}


def answer_html(question: dict[str, Any], value: Any) -> str:
    """The learner's answer as HTML for a person (never raw JSON)."""
    kind = question.get("type")
    if value is None or value == "" or value == {} or value == []:
        return "<p class='muted'>（未作答）</p>"
    if kind == "proposition" and isinstance(value, dict):
        items = _quadrant_items(value)
        cells = "".join(
            f"<div class='quadrant'><h4>{e(QUADRANT_TITLES[n])}</h4>"
            + ("<ul>" + "".join(f"<li>{e(x)}</li>" for x in items[n]) + "</ul>" if items[n] else
               "<p class='muted'>（未填写）</p>") + "</div>" for n in (1, 2, 3, 4))
        account = str(value.get("account", "") or "").strip()
        return (f"<p>客户：{e(account) or '（未命名）'}</p>" if account else "") + f"<div class='quadrants'>{cells}</div>"
    if kind == "worksheet" and isinstance(value, dict):
        labels = _field_labels(question, value)
        return "<dl class='fields'>" + "".join(
            f"<dt>{e(label)}</dt><dd>{e(value.get(field, '')) or '<span class=muted>（未填写）</span>'}</dd>"
            for field, label in labels.items()) + "</dl>"
    if kind == "table":
        return _table(_rows(value))
    if kind == "inputs" and isinstance(value, dict):
        return _table([{"输入项": k, "数值": v} for k, v in value.items()])
    if isinstance(value, dict | list):  # an unexpected shape: still readable, never a JSON dump
        return _table(_rows(value)) if _rows(value) else f"<pre>{e(answer_text(question, value))}</pre>"
    return f"<pre>{e(value)}</pre>"


def answer_text(question: dict[str, Any], value: Any) -> str:
    """The learner's answer as plain text (for Excel lists), never raw JSON."""
    kind = question.get("type")
    if value is None or value == "":
        return ""
    if kind == "proposition" and isinstance(value, dict):
        items = _quadrant_items(value)
        parts = [f"客户：{value.get('account', '')}"] if value.get("account") else []
        for n in (1, 2, 3, 4):
            parts.append(f"{QUADRANT_TITLES[n]}：" + ("；".join(items[n]) or "（未填写）"))
        return "\n".join(parts)
    if kind == "worksheet" and isinstance(value, dict):
        return "\n".join(f"{label}：{value.get(field, '') or '（未填写）'}"
                         for field, label in _field_labels(question, value).items())
    if isinstance(value, list):
        return "\n".join("；".join(f"{k}：{v}" for k, v in r.items()) if isinstance(r, dict) else str(r) for r in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}：{v}" for k, v in value.items())
    return str(value)


def stored_value(question: dict[str, Any], text: str) -> Any:
    """An answer as stored in the gradebook's ``scores.answer`` back to its value
    (JSON for structured question types; text answers stay text)."""
    if question.get("type") not in ("number", "choice", "text") and text.startswith(("{", "[")):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text
