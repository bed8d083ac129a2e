"""Stage 5: the class overview, HTML (with charts) and Excel, to send as it is.

Per question (latest submission of each learner): mean score, spread (population
standard deviation, ``ddof=0``), mean score share and the share of learners with full
points. A learner × exercise table of score shares; provisional text scores (自动初评) and
manual scores to re-check (待复核) are marked; who has not submitted. Everything the
report needs is read and computed before the first file is written, so a problem (an
answer key removed, say) leaves nothing half-written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..spreadsheet import DATETIME, NUMBER, PERCENT, write_excel
from . import gradebook
from .due import late_text, lateness, penalty
from .htmlpage import DEFAULT_TZ, answer_text, e, local_time, page, stored_value, zone
from .keys import load_key
from .rubric import PROVISIONAL, RECHECK, score_state


def annotate(scores: pd.DataFrame) -> pd.DataFrame:
    """Add 题目 (Chinese label), 练习名称, 类型 and 状态 (人工 / 自动初评 / 待复核 / "") per row."""
    if scores.empty:
        return scores.assign(题目=[], 练习名称=[], 类型=[], 状态=[])
    keys = {x: load_key(x) for x in scores["exercise_id"].unique()}
    label = [keys[x][1].get(q, {}).get("label", q) for x, q in zip(scores["exercise_id"], scores["question_id"], strict=True)]
    questions = [keys[x][1].get(q, {}) for x, q in zip(scores["exercise_id"], scores["question_id"], strict=True)]
    kind = [q.get("type", "") for q in questions]
    state = [score_state(q, None if pd.isna(m) else m, bool(r))
             for q, m, r in zip(questions, scores["manual_score"], scores["needs_review"], strict=True)]
    return scores.assign(题目=label, 练习名称=[keys[x][0].title for x in scores["exercise_id"]], 类型=kind, 状态=state)


def statistics(scores: pd.DataFrame) -> pd.DataFrame:
    """Per exercise × question: 练习名称, 题目, 人数, 平均分, 标准差, 满分, 平均得分率, 答对比例 (shares 0…1)."""
    columns = ["练习", "练习名称", "题号", "题目", "人数", "平均分", "标准差", "满分", "平均得分率", "答对比例", "说明"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    scores = scores if "题目" in scores.columns else annotate(scores)
    g = scores.assign(full=(scores["score"] >= scores["max_score"] - 1e-9).astype(float)).groupby(
        ["exercise_id", "question_id"], sort=False)
    out = pd.DataFrame({
        "练习名称": g["练习名称"].first(), "题目": g["题目"].first(), "人数": g.size(), "平均分": g["score"].mean().round(3),
        "标准差": g["score"].std(ddof=0).round(3), "满分": g["max_score"].max(),
        "平均得分率": (g["score"].mean() / g["max_score"].max()).round(3), "答对比例": g["full"].mean().round(3),
        "说明": g["状态"].agg(lambda s: "含自动初评" if (s == PROVISIONAL).any() else "")}).reset_index()
    return out.rename(columns={"exercise_id": "练习", "question_id": "题号"})[columns]


def totals(scores: pd.DataFrame, names: dict[str, str], tz: str = DEFAULT_TZ,
           dues: dict[str, tuple[str, float | None]] | None = None) -> pd.DataFrame:
    """Per learner × exercise: 学号, 姓名, 练习, 练习名称, 版本, 提交时间, 迟交, 扣分, 总分, 满分,
    得分率, 状态. ``dues`` (exercise → (due UTC, late penalty share or None), from
    :func:`gradebook.due_dates`): a submission after its due date is 迟交 by how long, and
    with a penalty rule 扣分 is taken off 总分."""
    columns = ["学号", "姓名", "练习", "练习名称", "版本", "提交时间", "迟交", "扣分", "总分", "满分", "得分率", "状态"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    dues = dues or {}
    scores = scores if "状态" in scores.columns else annotate(scores)
    t = scores.groupby(["learner_id", "exercise_id"], sort=True).agg(
        练习名称=("练习名称", "first"), 版本=("version", "first"), 提交时间=("submitted_at", "first"),
        总分=("score", "sum"), 满分=("max_score", "sum"),
        待复核=("状态", lambda s: int((s == RECHECK).sum())), 初评=("状态", lambda s: int((s == PROVISIONAL).sum()))
    ).reset_index()
    late = [lateness(at, dues.get(x, (None, None))[0]) for at, x in zip(t["提交时间"], t["exercise_id"], strict=True)]
    t["迟交"] = [late_text(d) for d in late]
    t["扣分"] = [penalty(total, top, d, dues.get(x, (None, None))[1])
               for total, top, d, x in zip(t["总分"], t["满分"], late, t["exercise_id"], strict=True)]
    t["总分"] = (t["总分"] - t["扣分"]).round(2)
    t["得分率"] = (t["总分"] / t["满分"]).round(3)
    t["提交时间"] = pd.to_datetime([local_time(s, tz) for s in t["提交时间"]])
    t["状态"] = [("；".join(p for p in (f"{a} 题待复核" if a else "", f"{b} 题为自动初评" if b else "") if p))
               for a, b in zip(t["待复核"], t["初评"], strict=True)]
    t.insert(1, "姓名", t["learner_id"].map(names).fillna(""))
    return t.rename(columns={"learner_id": "学号", "exercise_id": "练习"})[columns]


def board(tot: pd.DataFrame, names: dict[str, str], titles: dict[str, str],
          owed: set[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Learner × exercise table of score shares (blank = not submitted), every learner, then
    each learner's 总分 (points over every exercise) and 总得分率 (those points over the
    points of the exercises they owe or submitted: ``owed`` (learner, exercise) pairs,
    every exercise when not given)."""
    frame = pd.DataFrame({"学号": list(names), "姓名": list(names.values())})
    for exercise, title in titles.items():
        shares = tot[tot["练习"] == exercise].set_index("学号")["得分率"]
        frame[title] = frame["学号"].map(shares).astype(float)
    tops = {x: load_key(x)[0].max_points for x in titles}
    done = {(r.学号, r.练习): (float(r.总分), float(r.满分)) for r in tot.itertuples(index=False)}
    points, shares = [], []
    for lid in frame["学号"]:
        mine = [x for x in titles if (lid, x) in done or owed is None or (lid, x) in owed]
        got = sum(done.get((lid, x), (0.0, 0.0))[0] for x in mine)
        top = sum(done.get((lid, x), (0.0, tops[x]))[1] for x in mine)
        points.append(round(got, 2))
        shares.append(round(got / top, 3) if top else None)
    frame["总分"], frame["总得分率"] = points, pd.Series(shares, dtype=float)
    return frame


def missing(scores: pd.DataFrame, names: dict[str, str], titles: dict[str, str],
            owed: set[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Learners of the roster with no submission, per exercise: only where the exercise was
    given to them (``owed`` (learner, exercise) pairs; every pair when not given)."""
    done = set(zip(scores["exercise_id"], scores["learner_id"], strict=True)) if not scores.empty else set()
    rows = [(x, t, lid, names[lid]) for x, t in titles.items() for lid in names
            if (x, lid) not in done and (owed is None or (lid, x) in owed)]
    return pd.DataFrame(rows, columns=["练习", "练习名称", "学号", "姓名"])


def details(scores: pd.DataFrame, names: dict[str, str], tz: str = DEFAULT_TZ) -> pd.DataFrame:
    """Every question of every latest submission, readable (answers never as JSON)."""
    columns = ["学号", "姓名", "练习", "题号", "题目", "回答", "得分", "满分", "自动分", "人工分", "状态", "说明", "评语", "提交时间"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    keys = {x: load_key(x)[1] for x in scores["exercise_id"].unique()}
    answers = [answer_text(keys[x].get(q, {}), stored_value(keys[x].get(q, {}), a))
               for x, q, a in zip(scores["exercise_id"], scores["question_id"], scores["answer"], strict=True)]
    return pd.DataFrame({
        "学号": scores["learner_id"], "姓名": scores["learner_id"].map(names).fillna(""), "练习": scores["exercise_id"],
        "题号": scores["question_id"], "题目": scores["题目"], "回答": answers, "得分": scores["score"],
        "满分": scores["max_score"], "自动分": scores["auto_score"], "人工分": scores["manual_score"],
        "状态": scores["状态"], "说明": scores["detail"], "评语": scores["comment"],
        "提交时间": pd.to_datetime([local_time(s, tz) for s in scores["submitted_at"]])})[columns]


#: Columns whose text must stay on one line (ids).
NO_BREAK = ("学号", "练习", "题号", "版本")


def _html_table(frame: pd.DataFrame, percent: tuple[str, ...] = (), number: tuple[str, ...] = ()) -> str:
    if frame.empty:
        return "<p>（无）</p>"

    def cell(column: str, value: object) -> str:
        # Ids, figures and times never break mid-string on a phone (the table scrolls instead).
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return "<td class='muted'>—</td>"
        if column in percent:
            return f"<td class='nw'>{100 * float(value):.1f}%</td>"
        if column in number:
            return f"<td class='nw'>{float(value):g}</td>"
        if isinstance(value, pd.Timestamp):
            return f"<td class='nw'>{value:%Y-%m-%d %H:%M}</td>"
        return f"<td class='nw'>{e(value)}</td>" if column in NO_BREAK else f"<td>{e(value)}</td>"

    head = "".join(f"<th>{e(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(cell(c, v) for c, v in zip(frame.columns, row, strict=True)) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<div class='wide'><table><tr>{head}</tr>{body}</table></div>"


#: What to do about scores still provisional or to be re-checked, said to a command-line user.
CLI_NEXT_STEP = "可用 kamlab review 导出复核清单，评阅后用 kamlab grade --manual-csv 导回"


def write_report(*, db: str | Path, out: str | Path, tz: str = DEFAULT_TZ,
                 next_step: str = CLI_NEXT_STEP) -> tuple[Path, Path]:
    """Write ``OUT/report.html`` (with PNG charts) and ``OUT/report.xlsx``; return both paths.
    ``next_step``: how the reader scores what is provisional (the desk names its own section)."""
    zone(tz)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("输出目录", f"“{out}”是一个文件，不是文件夹", str(out))
    con = gradebook.connect(db, readonly=True)
    try:
        raw_scores, names, exercises = gradebook.latest_scores(con), gradebook.roster(con), gradebook.class_exercises(con)
        dues, owed = gradebook.due_dates(con), gradebook.expected(con)
    finally:
        con.close()
    titles = {x: load_key(x)[0].title for x in exercises}
    scores = annotate(raw_scores)
    stats, tot = statistics(scores), totals(scores, names, tz, dues)
    table, absent = board(tot, names, titles, owed), missing(scores, names, titles, owed)
    detail = details(scores, names, tz)
    from ..charts.fonts import configure_fonts
    from ..charts.report import draw_difficulty, draw_distribution

    configure_fonts()
    figures = []
    for n, (exercise, title) in enumerate(titles.items(), start=1):
        s = stats[stats["练习"] == exercise]
        if s.empty:
            continue
        figures.append((f"chart-{n}-distribution.png", f"{title}：成绩分布",
                        draw_distribution(tot.loc[tot["练习"] == exercise, "得分率"].tolist(), title)))
        figures.append((f"chart-{n}-questions.png", f"{title}：各题难度",
                        draw_difficulty(s["题目"].tolist(), s["平均得分率"].tolist(), s["答对比例"].tolist(), title)))
    out.mkdir(parents=True, exist_ok=True)
    for name, _, fig in figures:
        fig.savefig(out / name, dpi=90)
    xlsx = write_excel(out / "report.xlsx", {
        "班级总表": table, "成绩总表": tot, "各题统计": stats, "未提交": absent, "明细": detail},
        formats={**{t: PERCENT for t in titles.values()}, "得分率": PERCENT, "平均得分率": PERCENT, "答对比例": PERCENT,
                 "总得分率": PERCENT, "平均分": NUMBER, "标准差": NUMBER, "总分": NUMBER, "扣分": NUMBER, "满分": NUMBER,
                 "得分": NUMBER, "自动分": NUMBER, "人工分": NUMBER, "提交时间": DATETIME})
    review = int((scores["状态"] == "待复核").sum()) if not scores.empty else 0
    provisional = int((scores["状态"] == PROVISIONAL).sum()) if not scores.empty else 0
    listing = "".join(f"<li>{e(t)}（{e(x)}）</li>" for x, t in titles.items())
    notes = [f"{provisional} 道需人工评阅的题（文字题、工作表、价值主张）的分数是自动初评" if provisional else "",
             f"{review} 个人工评分待复核（学员重交后改了答案）" if review else ""]
    marks = (f"<p class='muted'>其中 {'，'.join(n for n in notes if n)}：{e(next_step)}。</p>"
             if provisional or review else "")
    imgs = "".join(f"<figure><img src='{e(name)}' alt='{e(alt)}' style='max-width:100%'></figure>"
                   for name, alt, _ in figures)
    body = (f"<h1>班级概览</h1><p>名单 {len(names)} 人；练习：</p><ul>{listing}</ul>{marks}"
            f"<h2>学员 × 练习得分率</h2>{_html_table(table, percent=(*titles.values(), '总得分率'), number=('总分',))}"
            f"<h2>成绩</h2>{_html_table(tot.drop(columns=['练习']), percent=('得分率',), number=('总分', '满分', '扣分'))}"
            f"<h2>各题统计（平均分、标准差、平均得分率、满分人数比例）</h2>"
            f"{_html_table(stats.drop(columns=['练习']), percent=('平均得分率', '答对比例'), number=('平均分', '标准差', '满分'))}"
            f"<h2>图表</h2>{imgs or '<p>（尚无提交）</p>'}<h2>未提交</h2>{_html_table(absent)}"
            "<p>Excel 版：<a href='report.xlsx'>report.xlsx</a></p>")
    html_path = out / "report.html"
    html_path.write_text(page("班级概览", body), encoding="utf-8")
    return html_path, xlsx


def main(args: argparse.Namespace) -> int:
    """``kamlab report --db gradebook.sqlite --out DIR``."""
    html_path, xlsx = write_report(db=args.db, out=args.out, tz=args.tz)
    print(f"已生成班级概览：{html_path}，{xlsx}")
    return 0
