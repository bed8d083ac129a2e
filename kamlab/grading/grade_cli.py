"""``kamlab grade``: the command-line branching over the grading stages (grade files,
re-grade stored ones, one manual score, undo, import a table of manual scores)."""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError
from .grade import grade, regrade
from .manual import import_manual, remove_manual, set_manual
from .roster import read_roster


def main(args: argparse.Namespace) -> int:
    """Run the branch the arguments ask for; print one line per outcome."""
    manual_flags = [f for f, on in (("--score", args.score is not None), ("--comment", args.comment is not None),
                                    ("--confirm", args.confirm), ("--remove", args.remove)) if on]
    if manual_flags and not args.manual:
        raise InputError("参数", f"{'、'.join(manual_flags)} 只能与 --manual 学号 练习 题号 一起使用")
    if args.manual and (args.submissions or args.manual_csv):
        raise InputError("参数", "--manual 不能与提交文件或 --manual-csv 同时使用：请分开运行")
    if args.manual:
        learner, exercise, question = args.manual
        if args.remove:
            if args.score is not None or args.comment is not None or args.confirm:
                raise InputError("参数", "--remove 不能与 --score、--comment 或 --confirm 同时使用")
            remove_manual(db=args.db, learner=learner, exercise=exercise, question=question)
            print(f"已撤销人工评分/评语：{learner} {exercise} {question}")
            return 0
        target = set_manual(db=args.db, learner=learner, exercise=exercise, question=question, score=args.score,
                            comment=args.comment, confirm=args.confirm)
        print(f"已记录人工评分/评语：{target.learner} {target.exercise} {target.question or '总评'}")
        return 0
    if args.manual_csv:
        if args.submissions:
            raise InputError("参数", "--manual-csv 不能与提交文件同时使用：请分开运行")
        n = import_manual(args.manual_csv, db=args.db)
        print(f"已导入 {n} 条人工评分/评语（{args.manual_csv}）")
        return 0
    roster = read_roster(args.roster) if args.roster else None
    for _, note in getattr(roster, "skipped", []):
        print(note)
    if not args.submissions:
        if roster is not None:
            from . import gradebook

            con = gradebook.connect(args.db, create=True)
            try:
                gradebook.set_roster(con, roster)
            finally:
                con.close()
        n = regrade(db=args.db, learner=args.learner)
        print(f"已重新评分 {n} 份已存提交（没有新增提交；人工评分保持不变）")
        return 0
    results = grade(args.submissions, db=args.db, roster=roster, learner=args.learner, show_progress=not args.quiet)
    rejected = [r for r in results if not r.accepted]
    for r in rejected:
        print(f"已拒收 {r.name}：{r.reason}", file=sys.stderr)
    done = sum(r.accepted and not r.skipped for r in results)
    fresh = sum(r.new for r in results)
    again = f"（新增 {fresh} 份；其余 {done - fresh} 份此前已在成绩册中，只是重新评分）" if done > fresh else ""
    print(f"已评分 {done} 份，拒收 {len(rejected)} 份{again}")
    return 1 if rejected else 0
