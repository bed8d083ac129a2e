"""What the trainer grades against, beside the learner's answer: the model answer and the
rubric points (HTML, every string escaped).

The answer itself is drawn by the trainer's loop (:func:`kamlab.grading.htmlpage.answer_html`:
a proposition as its four-quadrant card, a worksheet as labelled fields, never raw JSON), the
same as on the feedback pages; :data:`ANSWER_CSS` gives its classes their look inside the desk
without restyling the rest of the page.
"""

from __future__ import annotations

import html
from typing import Any

TEXT = "white-space:pre-wrap;margin:0;font-family:inherit;line-height:1.6"

#: The feedback pages' answer classes, scoped to ``.kamlab-answer``.
ANSWER_CSS = """<style>
.kamlab-answer pre{white-space:pre-wrap;margin:0;font-family:inherit;line-height:1.6}
.kamlab-answer .muted{color:#666}
.kamlab-answer .quadrants{display:grid;grid-template-columns:1fr 1fr;gap:6px}
.kamlab-answer .quadrant{border:1px solid #c9d3e3;border-radius:4px;padding:.4em .6em;background:#f8fafd}
.kamlab-answer .quadrant h4{margin:0 0 .3em;font-size:.95em}
.kamlab-answer .quadrant ul{margin:0 0 0 1.2em;padding:0}
.kamlab-answer dl.fields{margin:0}.kamlab-answer dl.fields dt{font-weight:bold;margin-top:.4em}
.kamlab-answer dl.fields dd{margin:0 0 0 1em;white-space:pre-wrap}
.kamlab-answer table{border-collapse:collapse}.kamlab-answer td,.kamlab-answer th{border:1px solid #ccc;padding:3px 6px}
</style>"""


def e(value: object) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value))


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
