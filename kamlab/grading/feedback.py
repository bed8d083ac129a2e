"""Stage 4: one HTML page per learner (answers, expected, score, trainer's comment).

Every piece of learner text, and every stored string, is HTML-escaped.
"""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

import pandas as pd

from . import gradebook
from .keys import load_key

_SAFE = re.compile(r"[^0-9A-Za-z_.-]+")
STYLE = ("body{font-family:'WenQuanYi Micro Hei',sans-serif;max-width:960px;margin:2em auto;padding:0 1em}"
         "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;"
         "vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0;font-family:inherit}")


def e(value: object) -> str:
    """HTML-escape anything."""
    return html.escape("" if value is None else str(value))


def page(learner: str, name: str, frame, comments: dict[tuple[str, str], str]) -> str:
    """The HTML page of one learner from their rows of :func:`gradebook.latest_scores`."""
    parts = [f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>反馈 {e(learner)}</title>"
             f"<style>{STYLE}</style></head><body><h1>练习反馈：{e(name)}（{e(learner)}）</h1>"]
    if frame.empty:
        parts.append("<p>尚未收到你的提交。</p>")
    for exercise, rows in frame.groupby("exercise_id", sort=True):
        sheet, questions = load_key(str(exercise))
        labels = {q.id: q.label for q in sheet.questions}
        total, top = rows["score"].sum(), rows["max_score"].sum()
        parts.append(f"<h2>{e(sheet.title)}</h2><p>第 {int(rows['version'].iloc[0])} 版提交，"
                     f"提交时间 {e(rows['submitted_at'].iloc[0])}；得分 <b>{total:g} / {top:g}</b></p>")
        overall = comments.get((learner, str(exercise)))
        if overall:
            parts.append(f"<p>培训师总评：{e(overall)}</p>")
        parts.append("<table><tr><th>题目</th><th>你的回答</th><th>参考答案 / 要点</th><th>得分</th>"
                     "<th>说明</th><th>培训师评语</th></tr>")
        for r in rows.itertuples():
            model = questions.get(r.question_id, {}).get("key", {}).get("model_answer", "")
            expected = e(r.expected) + (f"<br><small>示范：{e(model)}</small>" if model else "")
            manual = "（人工）" if pd.notna(r.manual_score) else ""
            parts.append(f"<tr><td>{e(labels.get(r.question_id, r.question_id))}</td><td><pre>{e(r.answer)}</pre></td>"
                         f"<td>{expected}</td><td>{r.score:g} / {r.max_score:g}{manual}</td>"
                         f"<td>{e(r.detail)}</td><td>{e(r.comment)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_feedback(db: str | Path, out: str | Path) -> list[Path]:
    """Write ``OUT/<learner id>.html`` for every learner in the roster."""
    con = gradebook.connect(db)
    try:
        scores, names, comments = gradebook.latest_scores(con), gradebook.roster(con), gradebook.overall_comments(con)
    finally:
        con.close()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for learner, name in names.items():
        path = out / f"{_SAFE.sub('_', learner)}.html"
        path.write_text(page(learner, name, scores[scores["learner_id"] == learner], comments), encoding="utf-8")
        written.append(path)
    return written


def main(args: argparse.Namespace) -> int:
    """``kamlab feedback --db gradebook.sqlite --out DIR``."""
    written = write_feedback(args.db, args.out)
    print(f"已生成 {len(written)} 份反馈页面 → {args.out} / feedback written")
    return 0
