"""Classes (班级) in one gradebook: ``kamlab class add`` and the academy overview across
classes (``kamlab class list``): per class its trainers, learners, completion and average
rate, and per class × exercise the same (rates are of the latest version, manual scores
counted; late penalties are not applied here)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..errors import InputError
from . import gradebook

SUMMARY = ["班级", "培训师", "学员", "练习", "应交", "已交", "完成率", "平均得分率"]
DETAIL = ["班级", "练习", "学员", "已交", "完成率", "平均得分率"]


def overview(*, db: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per class, one row per class × exercise), classes in name order. The
    gradebook is read once (not once per class)."""
    con = gradebook.connect(db, readonly=True)
    try:
        trainers, members, plans = gradebook.classes(con), gradebook.class_members(con), gradebook.class_plans(con)
        order, unassigned = gradebook.class_exercises(con), set(gradebook.unassigned_exercises(con))
        owed_all, latest = gradebook.expected(con), gradebook.latest_scores(con)
    finally:
        con.close()
    rates: dict[tuple[str, str], float] = {}
    if not latest.empty:
        sums = latest.groupby(["learner_id", "exercise_id"])[["score", "max_score"]].sum()
        rates = {key: (row.score / row.max_score if row.max_score else 0.0) for key, row in sums.iterrows()}
    summary, detail = [], []
    for klass, who in trainers.items():
        learners = set(members[klass])
        planned = set(plans[klass]) | unassigned
        exercises = [ex for ex in order if ex in planned]
        owed = {(lid, ex) for lid, ex in owed_all if lid in learners and ex in planned}
        done = {pair for pair in owed if pair in rates}
        got = [rates[p] for p in done]
        summary.append([klass, "、".join(who), len(learners), len(exercises), len(owed), len(done),
                        len(done) / len(owed) if owed else None, sum(got) / len(got) if got else None])
        for ex in exercises:
            ex_owed = {p for p in owed if p[1] == ex}
            ex_got = [rates[p] for p in ex_owed if p in rates]
            detail.append([klass, ex, len(ex_owed), len(ex_got), len(ex_got) / len(ex_owed) if ex_owed else None,
                           sum(ex_got) / len(ex_got) if ex_got else None])
    return pd.DataFrame(summary, columns=SUMMARY), pd.DataFrame(detail, columns=DETAIL)


def main(args: argparse.Namespace) -> int:
    """``kamlab class add NAME [--trainer WHO …]`` / ``kamlab class list [--out DIR]``."""
    if args.action == "add":
        name = (args.name or "").strip()
        if not name:
            raise InputError("班级", "班级名称不能为空")
        con = gradebook.connect(args.db, create=True)
        try:
            gradebook.add_class(con, name, args.trainer or [])
            who = gradebook.classes(con)[name]
        finally:
            con.close()
        print(f"班级“{name}”：培训师 {'、'.join(who) or '（未指定，任何培训师可用）'}")
        return 0
    summary, detail = overview(db=args.db)
    if summary.empty:
        print("成绩册中还没有班级：用 kamlab --class 班级名 assign … 布置练习即建立班级")
        return 0
    for row in summary.itertuples(index=False):
        share = "—" if row.完成率 is None or pd.isna(row.完成率) else f"{row.完成率:.0%}"
        rate = "—" if row.平均得分率 is None or pd.isna(row.平均得分率) else f"{row.平均得分率:.0%}"
        print(f"{row.班级}（培训师：{row.培训师 or '未指定'}）：{row.学员} 名学员，{row.练习} 个练习，"
              f"完成 {row.已交}/{row.应交}（{share}），平均得分率 {rate}")
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(out / "academy.xlsx") as writer:
            summary.to_excel(writer, sheet_name="各班概况", index=False)
            detail.to_excel(writer, sheet_name="各班各练习", index=False)
        print(f"已生成学院概览：{out / 'academy.xlsx'}")
    return 0
