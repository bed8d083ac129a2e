"""``kamlab db upgrade --db …``: bring a gradebook made by an older kamlab up to date
(:func:`~kamlab.grading.gradebook.upgrade`)."""

from __future__ import annotations

import argparse

from . import dburl, gradebook


def main(args: argparse.Namespace) -> int:
    done = gradebook.upgrade(args.db)
    where = dburl.parse(args.db).shown
    if done.before == done.after:
        print(f"成绩册“{where}”已是最新格式（格式 {done.after}），无需升级")
        return 0
    copy = f"；升级前的副本：{done.backup}" if done.backup else "（在一个事务中完成）"
    print(f"成绩册“{where}”已从格式 {done.before} 升级到格式 {done.after}{copy}")
    return 0
