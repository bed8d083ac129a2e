"""Stage 5: the class overview: score distribution, per-question difficulty,
who has not submitted; HTML with charts and an Excel workbook.

Per question (latest submission of each learner): mean score, spread (population
standard deviation, ``ddof=0``), and the share of learners with full points.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from . import gradebook
from .feedback import STYLE, e
from .keys import load_key


def statistics(scores: pd.DataFrame) -> pd.DataFrame:
    """Per exercise × question: 人数, 平均分, 标准差, 满分, 答对比例."""
    if scores.empty:
        return pd.DataFrame(columns=["练习", "题号", "人数", "平均分", "标准差", "满分", "答对比例"])
    g = scores.assign(full=(scores["score"] >= scores["max_score"] - 1e-9).astype(float)).groupby(
        ["exercise_id", "question_id"], sort=False)
    out = pd.DataFrame({
        "人数": g.size(), "平均分": g["score"].mean().round(3), "标准差": g["score"].std(ddof=0).round(3),
        "满分": g["max_score"].max(), "答对比例": g["full"].mean().round(3)}).reset_index()
    return out.rename(columns={"exercise_id": "练习", "question_id": "题号"})


def totals(scores: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per learner × exercise: 总分, 满分, 得分率."""
    if scores.empty:
        return pd.DataFrame(columns=["学号", "姓名", "练习", "版本", "总分", "满分", "得分率"])
    t = scores.groupby(["learner_id", "exercise_id"], sort=True).agg(
        版本=("version", "first"), 总分=("score", "sum"), 满分=("max_score", "sum")).reset_index()
    t["得分率"] = (t["总分"] / t["满分"]).round(3)
    t.insert(1, "姓名", t["learner_id"].map(names))
    return t.rename(columns={"learner_id": "学号", "exercise_id": "练习"})


def missing(scores: pd.DataFrame, names: dict[str, str], exercises: list[str]) -> pd.DataFrame:
    """Learners of the roster with no submission, per exercise."""
    rows = [(x, lid, names[lid]) for x in exercises for lid in names
            if scores[(scores["exercise_id"] == x) & (scores["learner_id"] == lid)].empty]
    return pd.DataFrame(rows, columns=["练习", "学号", "姓名"])


def _charts(tot: pd.DataFrame, stats: pd.DataFrame, out: Path) -> list[Path]:
    from ..charts import configure_fonts
    from ..charts._base import PALETTE, new_figure

    configure_fonts()
    paths = []
    for exercise in stats["练习"].unique():
        fig, ax = new_figure(7, 3.2)
        share = 100 * tot.loc[tot["练习"] == exercise, "得分率"]
        ax.hist(share, bins=[0, 20, 40, 60, 80, 100], color=PALETTE[0], edgecolor="white")
        ax.set(xlabel="得分率（%）", ylabel="人数", title=f"{exercise}：成绩分布")
        path = out / f"{exercise}-分布.png"
        fig.savefig(path, dpi=90)
        paths.append(path)
        s = stats[stats["练习"] == exercise]
        fig, ax = new_figure(7, 3.2)
        ax.bar(s["题号"], 100 * s["平均分"] / s["满分"], color=PALETTE[1], label="平均得分率")
        ax.plot(s["题号"], 100 * s["答对比例"], "o", color=PALETTE[3], label="满分人数比例")
        ax.set(ylim=(0, 105), ylabel="%", title=f"{exercise}：各题难度")
        ax.legend(loc="lower right")
        path = out / f"{exercise}-各题.png"
        fig.savefig(path, dpi=90)
        paths.append(path)
    return paths


def write_report(db: str | Path, out: str | Path) -> tuple[Path, Path]:
    """Write ``OUT/report.html`` (with PNG charts) and ``OUT/report.xlsx``."""
    con = gradebook.connect(db)
    try:
        scores, names = gradebook.latest_scores(con), gradebook.roster(con)
        exercises = [r[0] for r in con.execute("SELECT DISTINCT exercise_id FROM submissions ORDER BY 1")]
    finally:
        con.close()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stats, tot, absent = statistics(scores), totals(scores, names), missing(scores, names, exercises)
    charts = _charts(tot, stats, out)
    xlsx = out / "report.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        tot.to_excel(writer, sheet_name="成绩总表", index=False)
        stats.to_excel(writer, sheet_name="各题统计", index=False)
        absent.to_excel(writer, sheet_name="未提交", index=False)
        scores.to_excel(writer, sheet_name="明细", index=False)
    titles = {x: load_key(x)[0].title for x in exercises}

    def table(frame: pd.DataFrame) -> str:
        if frame.empty:
            return "<p>（无）</p>"
        head = "".join(f"<th>{e(c)}</th>" for c in frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False))
        return f"<table><tr>{head}</tr>{body}</table>"

    listing = "".join(f"<li>{e(x)}：{e(t)}</li>" for x, t in titles.items())
    imgs = "".join(f"<p><img src='{e(p.name)}' alt='{e(p.stem)}'></p>" for p in charts)
    html_path = out / "report.html"
    html_path.write_text(
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>班级概览</title><style>{STYLE}</style>"
        f"</head><body><h1>班级概览</h1><p>名单 {len(names)} 人；练习：</p><ul>{listing}</ul>"
        f"<h2>成绩</h2>{table(tot)}<h2>各题统计（平均分、标准差、满分人数比例）</h2>{table(stats)}"
        f"<h2>图表</h2>{imgs}<h2>未提交</h2>{table(absent)}<p>Excel 版：<a href='report.xlsx'>report.xlsx</a></p>"
        "</body></html>", encoding="utf-8")
    return html_path, xlsx


def main(args: argparse.Namespace) -> int:
    """``kamlab report --db gradebook.sqlite --out DIR``."""
    html_path, xlsx = write_report(args.db, args.out)
    print(f"已生成班级概览 / report written: {html_path}, {xlsx}")
    return 0
