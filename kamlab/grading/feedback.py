"""Stage 4: one HTML page per learner, to send as it is.

Per exercise of the class (assigned or submitted): the version and local submission time,
the total, and per question its Chinese label, the learner's answer rendered for a person
(the proposition as its four-quadrant card, worksheets as labelled fields), the score with
its kind (培训师评分 / 自动初评 / 复核中), the explanation, the expected answer and model
answer (unless held back with ``no_model_answers``) and the trainer's comment. Once a
person has scored an answer the page shows their score and comment only, never the
machine's ticks; the keyword checklist of a question a person judges is never shown. Exercises the
learner has not submitted are listed by title. File names are unique and stable per
learner id (:func:`~kamlab.grading.names.file_stem`). Every stored string is escaped.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..errors import InputError
from . import gradebook
from .due import due_text, late_text, lateness, penalty
from .htmlpage import DEFAULT_TZ, answer_html, e, local_time, page, zone
from .keys import check_exercise, load_key
from .names import file_stem
from .rubric import MANUAL, PROVISIONAL, RECHECK, needs_person, score_state

INDEX = "index.html"


def _score_tag(state: str) -> str:
    return {RECHECK: "<span class='tag review'>培训师复核中</span>", MANUAL: "<span class='tag manual'>培训师评分</span>",
            PROVISIONAL: "<span class='tag provisional'>自动初评</span>"}.get(state, "")


def _explanation(q: dict, row, state: str) -> str:
    """What the page says under the score. A person's score stands on its own (their comment
    follows), so the machine's ticks are not shown beside it; a free-text first estimate
    says so without listing the keywords it looked for."""
    if state in (MANUAL, RECHECK):
        return ""
    if state == PROVISIONAL and q.get("type") == "text":
        return "<p class='muted'>自动初评：按要点覆盖粗略估计，培训师评阅后以培训师的分数为准。</p>"
    note = "（自动初评，培训师评阅后以培训师的分数为准）" if state == PROVISIONAL else ""
    return f"<p><b>说明：</b>{e(row.detail)}{note}</p>"


def exercise_section(exercise: str, rows: pd.DataFrame, answers: dict, overall: str, *, model_answers: bool,
                     tz: str, due: tuple[str, float | None] | None = None) -> str:
    """One exercise of one learner's page (``due``: the exercise's due date and late penalty)."""
    sheet, questions = load_key(exercise)
    first = rows.iloc[0]
    total, top = rows["score"].sum(), rows["max_score"].sum()
    due_at, rate = due or (None, None)
    late = lateness(first["submitted_at"], due_at)
    taken = penalty(total, top, late, rate)
    when = f"第 {int(first['version'])} 版提交，提交时间 {e(local_time(first['submitted_at'], tz))}"
    if late:
        when += (f"（<span class='tag review'>{e(late_text(late))}</span>，截止 {e(due_text(due_at, tz))}"
                 + (f"，按迟交规则扣 {taken:g} 分" if taken else "") + "）")
    parts = [f"<h2>{e(sheet.title)}</h2><p>{when}；得分 <span class='score'>{total - taken:g} / {top:g}</span></p>"]
    if overall:
        parts.append(f"<p><b>培训师总评：</b>{e(overall)}</p>")
    for r in rows.itertuples():
        q = questions.get(r.question_id, {})
        label = q.get("label", r.question_id)
        state = score_state(q, None if pd.isna(r.manual_score) else r.manual_score, bool(r.needs_review))
        model = q.get("key", {}).get("model_answer", "") if model_answers else ""
        # A person judges these: the key's checklist (keywords, rubric items) is the trainer's, not an answer.
        expected = r.expected if model_answers and not needs_person(q) else ""
        parts.append(
            f"<section class='q'><h3>{e(label)}</h3>"
            f"<p><b>你的回答：</b></p>{answer_html(q, answers.get(r.question_id))}"
            f"<p><b>得分：</b><span class='score'>{r.score:g} / {r.max_score:g}</span>{_score_tag(state)}</p>"
            + _explanation(q, r, state)
            + (f"<p><b>参考答案 / 要点：</b>{e(expected)}</p>" if expected else "")
            + (f"<p><b>示范答案：</b>{e(model)}</p>" if model else "")
            + (f"<p><b>培训师评语：</b>{e(r.comment)}</p>" if r.comment else "")
            + "</section>")
    return "".join(parts)


def learner_page(learner: str, name: str, scores: pd.DataFrame, raws: dict[tuple[str, str], str],
                 comments: dict[tuple[str, str], str], exercises: list[str], titles: dict[str, str], *,
                 hide_models: set[str] | bool = False, tz: str = DEFAULT_TZ,
                 owed: set[tuple[str, str]] | None = None, dues: dict[str, tuple[str, float | None]] | None = None) -> str:
    """The HTML page of one learner from their rows of :func:`gradebook.latest_scores`.
    Exercises not submitted are listed only when they were given to the learner (``owed``
    (learner, exercise) pairs; all when not given)."""
    mine = scores[scores["learner_id"] == learner]
    who = f"{name}（{learner}）" if name else learner
    parts = [f"<h1>练习反馈：{e(who)}</h1>"]
    missing = [x for x in exercises if x not in set(mine["exercise_id"]) and (owed is None or (learner, x) in owed)]
    if missing:
        parts.append("<p><b>尚未收到以下练习的提交：</b></p><ul class='missing'>"
                     + "".join(f"<li>{e(titles.get(x, x))}</li>" for x in missing) + "</ul>")
    for exercise in [x for x in exercises if x in set(mine["exercise_id"])]:
        rows = mine[mine["exercise_id"] == exercise]
        raw = raws.get((learner, exercise), "{}")
        answers = json.loads(raw).get("answers", {}) if raw else {}
        show = not (hide_models is True or (isinstance(hide_models, set) and exercise in hide_models))
        parts.append(exercise_section(exercise, rows, answers, comments.get((learner, exercise), ""),
                                      model_answers=show, tz=tz, due=(dues or {}).get(exercise)))
    return page(f"练习反馈 {who}", "".join(parts))


def write_feedback(*, db: str | Path, out: str | Path, no_model_answers: Iterable[str] | bool = False,
                   tz: str = DEFAULT_TZ) -> list[Path]:
    """Write ``OUT/<learner slug+hash>.html`` for every learner in the roster, and
    ``OUT/index.html`` (for the trainer: which file belongs to whom); return the learner pages.

    ``no_model_answers``: ``True`` holds back expected and model answers for every
    exercise, or give the exercise ids to hold back.
    """
    zone(tz)  # an unknown time zone is refused before anything is written
    hide: set[str] | bool = no_model_answers if isinstance(no_model_answers, bool) else \
        {check_exercise(x) for x in no_model_answers}
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("输出目录", f"“{out}”是一个文件，不是文件夹", str(out))
    con = gradebook.connect(db, readonly=True)
    try:
        scores, names = gradebook.latest_scores(con), gradebook.roster(con)
        comments, raws, exercises = gradebook.overall_comments(con), gradebook.latest_raw(con), gradebook.class_exercises(con)
        owed, dues = gradebook.expected(con), gradebook.due_dates(con)
    finally:
        con.close()
    titles = {x: load_key(x)[0].title for x in exercises}
    pages = {learner: learner_page(learner, name, scores, raws, comments, exercises, titles, hide_models=hide, tz=tz,
                                   owed=owed, dues=dues)
             for learner, name in names.items()}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for learner, text in pages.items():
        path = out / f"{file_stem(learner)}.html"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    rows = "".join(f"<tr><td>{e(lid)}</td><td>{e(name)}</td><td><a href='{e(p.name)}'>{e(p.name)}</a></td></tr>"
                   for (lid, name), p in zip(names.items(), written, strict=True))
    (out / INDEX).write_text(page("反馈页面清单", "<h1>反馈页面清单（培训师用）</h1><p>把每位学员的页面发给本人。</p>"
                                  f"<table><tr><th>学号</th><th>姓名</th><th>文件</th></tr>{rows}</table>"),
                             encoding="utf-8")
    return written


def main(args: argparse.Namespace) -> int:
    """``kamlab feedback --db gradebook.sqlite --out DIR``."""
    hide = True if args.no_model_answers == [] else (args.no_model_answers or False)
    written = write_feedback(db=args.db, out=args.out, no_model_answers=hide, tz=args.tz)
    print(f"已生成 {len(written)} 份反馈页面 → {args.out}（清单：{Path(args.out) / INDEX}）")
    return 0
