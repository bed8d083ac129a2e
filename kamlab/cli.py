"""``kamlab``: the trainer's command line. It only parses arguments and calls
each stage's ``main`` (see :mod:`kamlab.grading`). Help is in Chinese and English.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

DESCRIPTION = """KAM Lab 培训师工具：布置练习、收集提交、评分、反馈与班级报告。
KAM Lab trainer tools: assign exercises, collect submissions, grade, give feedback, report.

示例 / Example:
  kamlab assign wang-01-quantify --roster roster.csv --out class/
  kamlab submit wang-01-quantify --learner L001 --out submissions/
  kamlab grade submissions/ --roster roster.csv --db gradebook.sqlite
  kamlab feedback --db gradebook.sqlite --out feedback/
  kamlab report --db gradebook.sqlite --out report/"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (sub-commands assign, submit, grade, feedback, report)."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="kamlab", description=DESCRIPTION, formatter_class=fmt)
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令 / command")

    p = sub.add_parser("assign", help="为名单中每位学员生成练习 / give each learner the exercise",
                       description="为名单中每位学员生成学员版练习（不含答案要点）。\n"
                                   "Write the learner version (key stripped) into one folder per learner.",
                       formatter_class=fmt)
    p.add_argument("exercise", help="练习编号，如 wang-01-quantify / exercise id")
    p.add_argument("--roster", required=True, help="名单 CSV（learner_id,name 或 学号,姓名） / roster CSV")
    p.add_argument("--out", required=True, help="输出目录 / output folder")
    p.add_argument("--id", help="作业编号（默认：练习编号-日期） / assignment id")
    p.add_argument("--shared", action="store_true", help="只生成一份共享版本 / one shared copy")

    p = sub.add_parser("submit", help="把已保存的答案打包成提交文件 / pack saved answers",
                       description="学员端：把自动保存的答案打包成一个带校验和的 JSON 提交文件。\n"
                                   "Learner side: pack the auto-saved answers into one checksummed JSON file.",
                       formatter_class=fmt)
    p.add_argument("exercise", help="练习编号 / exercise id")
    p.add_argument("--learner", required=True, help="学号 / learner id")
    p.add_argument("--answers-dir", help="答案目录（默认 kamlab-answers/） / answers folder")
    p.add_argument("--assignment", help="作业编号 / assignment id")
    p.add_argument("--out", default="submissions", help="输出目录（默认 submissions/） / output folder")

    p = sub.add_parser("grade", help="校验并评分，写入成绩册 / validate and grade into the gradebook",
                       description="校验提交文件（只读取 JSON，绝不执行其中任何内容）并按答案要点评分，写入 SQLite 成绩册。\n"
                                   "不带提交文件时重新评分成绩册中已存的提交；人工评分永不被覆盖。\n"
                                   "Validate submissions (JSON only, nothing executed) and score them into the\n"
                                   "SQLite gradebook. Without files, re-grade stored submissions. Manual scores\n"
                                   "are never overwritten.", formatter_class=fmt)
    p.add_argument("submissions", nargs="*", help="提交文件或目录 / submission files or folders")
    p.add_argument("--db", required=True, help="成绩册 SQLite 文件 / gradebook file")
    p.add_argument("--roster", help="名单 CSV（首次评分时必需） / roster CSV (needed the first time)")
    p.add_argument("--learner", help="只评这一位学员 / grade only this learner")
    p.add_argument("--manual", nargs=3, metavar=("学号", "练习", "题号"),
                   help="记录人工评分/评语（题号写 - 表示总评） / record a manual score or comment (- = overall)")
    p.add_argument("--score", type=float, help="人工分数 / manual score")
    p.add_argument("--comment", help="评语 / comment")
    p.add_argument("--manual-csv", help="导入人工评分 CSV（learner_id,exercise_id,question_id,score,comment） / import")
    p.add_argument("--quiet", action="store_true", help="不显示进度条 / no progress bar")

    for name, text, en in (("feedback", "为每位学员生成反馈页面（HTML）", "one HTML page per learner"),
                           ("report", "生成班级概览（HTML 图表 + Excel）", "class overview (HTML with charts + Excel)")):
        p = sub.add_parser(name, help=f"{text} / {en}", description=f"{text}。\n{en}.", formatter_class=fmt)
        p.add_argument("--db", required=True, help="成绩册 SQLite 文件 / gradebook file")
        p.add_argument("--out", required=True, help="输出目录 / output folder")

    p = sub.add_parser("desk", help="在浏览器中打开培训师工作台 / open the trainer's desk in the browser",
                       description="启动培训师工作台（Voilà 网页）：班级、布置、收取、批改、反馈、报告，一页完成。\n"
                                   "默认只在本机（127.0.0.1）可访问；用 --host 在局域网开放时必须使用令牌或密码。\n"
                                   "Start the trainer's desk (a Voilà page): class, assign, collect, grade,\n"
                                   "feedback, report. Loopback only unless --host; then a token or password is required.",
                       formatter_class=fmt)
    p.add_argument("--db", default="gradebook.sqlite", help="成绩册 SQLite 文件（默认 gradebook.sqlite） / gradebook file")
    p.add_argument("--port", type=int, default=8866, help="端口（默认 8866） / port")
    p.add_argument("--host", help="监听地址（默认 127.0.0.1；局域网用 0.0.0.0） / address to listen on")
    p.add_argument("--token", help="访问令牌（--host 时默认随机生成） / access token")
    p.add_argument("--password", action="store_true", help="改用密码（启动时输入） / ask for a password instead")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kamlab`` command."""
    args = build_parser().parse_args(argv)
    module = "kamlab.desk.launch" if args.command == "desk" else f"kamlab.grading.{args.command}"
    return int(import_module(module).main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
