"""``kamlab``: the trainer's command line. It only parses arguments and calls each
stage's ``main`` (see :mod:`kamlab.grading`). Help and argparse's own words are in
Chinese (with English beside the verbs' help). A user mistake anywhere is one Chinese
line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from contextlib import contextmanager
from importlib import import_module

from sqlalchemy.exc import SQLAlchemyError

from .errors import InputError
from .grading.dburl import fault

DESCRIPTION = """KAM Lab 培训师工具：布置练习、收集提交、评分、复核、反馈与班级报告。
KAM Lab trainer tools: assign exercises, collect submissions, grade, review, give feedback, report.

示例 / Example:
  kamlab exercises
  kamlab assign wang-01-quantify --roster roster.csv --out class/ --db gradebook.sqlite --due "2026-12-10 18:00"
  kamlab packs --db gradebook.sqlite --class class/ --out packs/
  kamlab submit wang-01-quantify --pack class/L001 --out inbox/
  kamlab grade inbox/ --db gradebook.sqlite
  kamlab review --db gradebook.sqlite --out review.xlsx
  kamlab grade --db gradebook.sqlite --manual-csv review.xlsx
  kamlab feedback --db gradebook.sqlite --out feedback/
  kamlab report --db gradebook.sqlite --out report/
  kamlab roster --db gradebook.sqlite list"""

#: argparse's own messages, in Chinese.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的%(type)s值：%(value)r",
    "expected one argument": "需要一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "expected at most one argument": "最多只能有一个参数值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
}


def _zh(text: str) -> str:
    return ARGPARSE_ZH.get(text, text)


def _nzh(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "需要 %s 个参数值"
    return _zh(singular if n == 1 else plural)


@contextmanager
def chinese_argparse():
    """argparse's own words (usage, errors, -h) in Chinese while the block runs."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _zh, _nzh
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (sub-commands exercises, assign, submit, grade, review, feedback, report, roster, packs, desk)."""
    with chinese_argparse():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="kamlab", description=DESCRIPTION, formatter_class=fmt)
    parser.add_argument("--class", dest="klass", metavar="班级",
                        help="只在这个班级中工作（名单、练习、截止时间、报告）；assign 时不存在则建立 / work in one class")
    parser.add_argument("--trainer", metavar="培训师", help="以这位培训师的身份（只能进入其负责的班级） / as this trainer")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令 / command")

    sub.add_parser("exercises", help="列出可布置的练习（编号与标题） / list assignable exercises",
                   description="列出可布置的练习编号与中文标题。\nList assignable exercise ids with their titles.",
                   formatter_class=fmt)

    p = sub.add_parser("assign", help="为名单中每位学员生成练习 / give each learner the exercise",
                       description="为名单中每位学员生成学员版练习（不含答案要点）和个人提交令牌；首次运行时建立成绩册。\n"
                                   "Write the learner version (key stripped) and a personal signing token into one\n"
                                   "folder per learner; creates the gradebook the first time.",
                       formatter_class=fmt)
    p.add_argument("exercise", metavar="练习编号", help="练习编号，如 wang-01-quantify（kamlab exercises 列出全部） / exercise id")
    p.add_argument("--roster", metavar="名单", required=True, help="名单（CSV 或 .xlsx，列：学号,姓名） / roster CSV or xlsx")
    p.add_argument("--out", metavar="路径", required=True, help="输出目录 / output folder")
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件（不存在时新建），如 gradebook.sqlite / gradebook file")
    p.add_argument("--id", metavar="作业编号", help="作业编号（默认：练习编号-日期） / assignment id")
    p.add_argument("--shared", action="store_true", help="只生成一份共享版本（无令牌，仅供自学） / one shared copy")
    p.add_argument("--due", metavar="截止时间", help="截止时间，如 \"2026-12-10 18:00\"（按 --tz 时区） / due date")
    p.add_argument("--late-penalty", metavar="百分比", help="迟交每（开始的）一天扣总分的百分比，如 10；默认不扣 / "
                                          "percent off per day late (off by default)")
    p.add_argument("--tz", metavar="时区", default="Asia/Shanghai", help="截止时间所用时区（默认 Asia/Shanghai） / time zone")

    p = sub.add_parser("submit", help="把已保存的答案打包成签名的提交文件 / pack and sign saved answers",
                       description="学员端：把自动保存的答案打包成一个用个人令牌签名的 JSON 提交文件。\n"
                                   "Learner side: pack the auto-saved answers into one signed JSON file.",
                       formatter_class=fmt)
    p.add_argument("exercise", metavar="练习编号", help="练习编号 / exercise id")
    p.add_argument("--pack", metavar="文件夹", help="个人练习文件夹（含 assignment.json；默认为答案目录的上一级或当前目录） / "
                                  "the learner's folder")
    p.add_argument("--learner", metavar="学号", help="学号（可省略；须与练习文件夹一致） / learner id")
    p.add_argument("--answers-dir", metavar="文件夹", help="答案目录（默认：有 --pack 时为 <练习文件夹>/kamlab-answers，否则 "
                                         "kamlab-answers/） / answers folder")
    p.add_argument("--out", metavar="路径", default="submissions", help="输出目录（默认 submissions/） / output folder")
    p.add_argument("--yes", action="store_true", help="有未作答或无法识别的题时不再询问，按现状提交 / pack without asking")

    p = sub.add_parser("grade", help="校验并评分，写入成绩册；记录人工评分 / grade into the gradebook",
                       description="校验提交文件（只读取 JSON，绝不执行其中任何内容）并按答案要点评分，写入成绩册。\n"
                                   "不带提交文件时重新评分成绩册中已存的提交；人工评分永不被覆盖。\n"
                                   "Validate submissions (JSON only, nothing executed) and score them into the\n"
                                   "gradebook. Without files, re-grade stored submissions. Manual scores are kept.",
                       formatter_class=fmt)
    p.add_argument("submissions", nargs="*", metavar="提交文件", help="提交文件或目录 / submission files or folders")
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--roster", metavar="名单", help="名单（CSV 或 .xlsx）：新增或更名学员 / roster (adds or renames learners)")
    p.add_argument("--learner", metavar="学号", help="只评这一位学员 / grade only this learner")
    p.add_argument("--manual", nargs=3, metavar=("学号", "练习", "题号"),
                   help="一条人工评分/评语（题号写 - 表示总评） / one manual score or comment (- = overall)")
    p.add_argument("--score", metavar="分数", help="人工分数（0 到该题满分） / manual score (0 … points)")
    p.add_argument("--comment", metavar="评语", help="评语 / comment")
    p.add_argument("--confirm", action="store_true", help="学员改了答案后，确认原人工分仍然有效 / keep the old score")
    p.add_argument("--remove", action="store_true", help="撤销这条人工评分和评语 / undo a manual score")
    p.add_argument("--manual-csv", metavar="文件", help="导入人工评分表（复核清单 review.xlsx，或 CSV：学号,练习,题号,得分,评语） / "
                                        "import manual scores")
    p.add_argument("--quiet", action="store_true", help="不显示进度条 / no progress bar")

    p = sub.add_parser("review", help="导出待人工评阅的答案清单（Excel） / review list for manual grading",
                       description="把仍需培训师评阅的答案（文字题、工作表、学员改答后待复核的分数）写入一个 Excel 清单；\n"
                                   "在 Excel/WPS 中填写“得分”“评语”两列后，用 kamlab grade --manual-csv 导回。\n"
                                   "Write the answers that still need a person to one Excel list; fill in score and\n"
                                   "comment, then import it with kamlab grade --manual-csv.", formatter_class=fmt)
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--out", metavar="路径", required=True, help="输出文件，如 review.xlsx / output .xlsx")
    p.add_argument("--exercise", metavar="练习", help="只列这一个练习 / one exercise only")
    p.add_argument("--all", action="store_true", help="也列出已人工评分的答案 / include answers already scored")

    p = sub.add_parser("feedback", help="为每位学员生成反馈页面（HTML） / one HTML page per learner",
                       description="为每位学员生成一页 HTML 反馈（手机可读、可打印）。\n"
                                   "One HTML page per learner (readable on a phone, printable).", formatter_class=fmt)
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--out", metavar="路径", required=True, help="输出目录 / output folder")
    p.add_argument("--no-model-answers", nargs="*", metavar="练习",
                   help="不显示示范答案：不写练习编号表示全部练习 / hold back model answers (all, or these)")
    p.add_argument("--tz", metavar="时区", default="Asia/Shanghai", help="显示时间所用时区（默认 Asia/Shanghai） / time zone")

    p = sub.add_parser("report", help="生成班级概览（HTML 图表 + Excel） / class overview (HTML with charts + Excel)",
                       description="生成班级概览（HTML 图表 + Excel）。\nClass overview (HTML with charts + Excel).",
                       formatter_class=fmt)
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--out", metavar="路径", required=True, help="输出目录 / output folder")
    p.add_argument("--tz", metavar="时区", default="Asia/Shanghai", help="显示时间所用时区（默认 Asia/Shanghai） / time zone")

    p = sub.add_parser("packs", help="每位学员一个练习包（zip，含学员须知） / one zip per learner",
                       description="把 kamlab assign 生成的班级文件夹拆成每位学员一个 zip（学号-姓名.zip，含学员须知），\n"
                                   "逐个发给本人；整个班级文件夹含全部学员的令牌，只留给培训师。\n"
                                   "One zip per learner (with a one-page notice) from the class folder; the whole\n"
                                   "class folder holds every token and stays with the trainer.", formatter_class=fmt)
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--class", dest="class_dir", metavar="文件夹", required=True,
                   help="kamlab assign 的输出目录 / the class folder written by assign")
    p.add_argument("--out", metavar="路径", required=True, help="输出目录 / output folder")
    p.add_argument("--tz", metavar="时区", default="Asia/Shanghai", help="截止时间所用时区（默认 Asia/Shanghai） / time zone")

    p = sub.add_parser("roster", help="查看名单，移除或恢复学员 / list, remove or restore learners",
                       description="查看成绩册中的名单；移除的学员保留提交与成绩，但不再出现在名单、未提交清单、统计和反馈中，\n"
                                   "可随时恢复。\nList the class; a removed learner keeps their history but leaves lists and\n"
                                   "rates until restored.", formatter_class=fmt)
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    actions = p.add_subparsers(dest="action", required=True, metavar="操作 / action")
    q = actions.add_parser("list", help="列出在班学员 / list learners", formatter_class=fmt,
                           description="列出在班学员及已提交的练习数。\nList learners and how many exercises each submitted.")
    q.add_argument("--all", action="store_true", help="也列出已移除的学员 / include removed learners")
    for verb, zh, en in (("remove", "移除学员（保留其提交与成绩）", "remove a learner, keeping their history"),
                         ("restore", "恢复已移除的学员", "restore a removed learner")):
        q = actions.add_parser(verb, help=f"{zh} / {en}", description=f"{zh}。\n{en[0].upper() + en[1:]}.",
                               formatter_class=fmt)
        q.add_argument("learner", metavar="学号", help="学号 / learner id")

    p = sub.add_parser("class", help="班级：建立、指定培训师、学院概览 / classes and the academy overview",
                       description="一个成绩册中的多个班级。add：建立班级并指定培训师；list：各班学员、完成率、平均得分率\n"
                                   "（--out 另存 academy.xlsx）。在某个班级中工作：kamlab --class 班级名 命令 …\n"
                                   "Several classes in one gradebook. add: make a class and name its trainers; list: the\n"
                                   "academy overview. Work in one class: kamlab --class NAME <command> ….",
                       formatter_class=fmt)
    p.add_argument("action", choices=["add", "list"], metavar="操作", help="add 或 list")
    p.add_argument("name", nargs="?", metavar="班级名", help="班级名（add 时） / class name")
    p.add_argument("--trainer", action="append", dest="trainer", metavar="培训师",
                   help="该班培训师（可重复） / a trainer of the class (repeatable)")
    p.add_argument("--db", metavar="文件或地址", required=True, help="成绩册 / gradebook")
    p.add_argument("--out", metavar="路径", help="学院概览 academy.xlsx 的输出目录 / output folder")

    p = sub.add_parser("db", help="成绩册维护：升级旧版本建立的成绩册 / gradebook maintenance (upgrade)",
                       description="成绩册维护。upgrade：把旧版本 kamlab 建立的成绩册升级到当前格式（SQLite 文件先在旁边备份，\n"
                                   "PostgreSQL 在一个事务中完成）。\n"
                                   "Gradebook maintenance. upgrade: bring a gradebook made by an older kamlab up to date\n"
                                   "(a SQLite file is backed up beside itself first; PostgreSQL in one transaction).",
                       formatter_class=fmt)
    p.add_argument("action", choices=["upgrade"], metavar="操作", help="upgrade：升级成绩册格式 / upgrade the schema")
    p.add_argument("--db", metavar="文件或地址", required=True,
                   help="成绩册文件或数据库地址（postgresql+psycopg://…） / gradebook file or database URL")

    p = sub.add_parser("desk", help="在浏览器中打开培训师工作台 / open the trainer's desk in the browser",
                       description="启动培训师工作台（Voilà 网页）：班级、布置、收取、批改、反馈、报告，一页完成。\n"
                                   "默认只在本机（127.0.0.1）可访问；用 --host 在局域网开放时必须使用令牌或密码。\n"
                                   "Start the trainer's desk (a Voilà page): class, assign, collect, grade,\n"
                                   "feedback, report. Loopback only unless --host; then a token or password is required.",
                       formatter_class=fmt)
    p.add_argument("--db", metavar="文件", default="gradebook.sqlite", help="成绩册文件（默认 gradebook.sqlite） / gradebook file")
    p.add_argument("--port", metavar="端口", type=int, default=8866, help="端口（默认 8866） / port")
    p.add_argument("--host", metavar="地址", help="监听地址（默认 127.0.0.1；局域网用 0.0.0.0） / address to listen on")
    p.add_argument("--token", metavar="令牌", help="访问令牌（--host 时默认随机生成） / access token")
    p.add_argument("--password", action="store_true", help="改用密码（启动时输入） / ask for a password instead")
    p = sub.add_parser("plan", help="导出大客户计划（Word、Excel、Markdown） / write the key-account plan",
                       description="把大客户计划写成 Word、Excel 和 Markdown 三个文件（文件名带日期，不覆盖旧文件）。\n"
                                   "--example 写出书中虚构示例企业的完整计划。\n"
                                   "Write the key-account plan as .docx, .xlsx and .md (dated names, never overwritten).",
                       formatter_class=fmt)
    p.add_argument("--example", action="store_true", help="书中的示例计划（虚构企业） / the book's example plan")
    p.add_argument("--answers", metavar="路径", help="学员的答案文件夹（默认：当前的答案文件夹） / answer folder")
    p.add_argument("--out", metavar="路径", default=".", help="输出目录（默认当前目录） / output folder")
    p.add_argument("--author", metavar="姓名", help="封面上的编制人 / author on the cover")
    p.add_argument("--version", metavar="版本", default="1.0", help="封面上的版本（默认 1.0） / version")
    p.add_argument("--no-appendix", action="store_true", help="不附出处、还差和进度 / leave the appendix out")
    p = sub.add_parser("classroom", help="启动课堂服务器（JupyterHub） / start the class server (JupyterHub)",
                       description="启动课堂服务器：学员用浏览器以学号和登录码登录，在自己的 JupyterLab 中作答、提交、看反馈；\n"
                                   "培训师的工作台在 /services/kamlab-desk/。需要 root（为每位学员建立系统账号）。\n"
                                   "Start the class server (JupyterHub): learners log in with 学号 + login code.",
                       formatter_class=fmt)
    p.add_argument("--roster", metavar="文件", required=True, help="名单（学号,姓名） / roster file")
    p.add_argument("--db", metavar="文件", required=True, help="成绩册文件 / gradebook file")
    p.add_argument("--ip", metavar="地址", help="监听地址（默认 127.0.0.1；教室局域网用 0.0.0.0） / address")
    p.add_argument("--port", metavar="端口", type=int, default=8000, help="端口（默认 8000） / port")
    p.add_argument("--assign", metavar="练习", nargs="+", help="布置的练习编号 / exercises to assign")
    p.add_argument("--idle-timeout", metavar="秒", type=int, default=3600,
                   help="学员服务器空闲多久后停止（默认 3600 秒） / stop idle servers after")
    p.add_argument("--insecure-single-user", action="store_true",
                   help="不安全的演示模式：不需要 root，但所有学员共用一个系统账号，彼此不隔离 / demo only, no isolation")
    return parser


STAGES = {"exercises": "keys", "assign": "assign", "submit": "submit", "grade": "grade_cli", "review": "review",
          "feedback": "feedback", "report": "report", "roster": "roster", "packs": "packs",
          "db": "db_cli", "class": "academy"}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kamlab`` command."""
    with chinese_argparse():
        args = _build_parser().parse_args(argv)
    try:
        module = {"desk": "kamlab.desk.launch", "plan": "kamlab.plan.export.files",
                  "classroom": "kamlab.classroom.start"}.get(args.command) or f"kamlab.grading.{STAGES[args.command]}"
        if getattr(args, "klass", None) and args.command != "class":
            from .grading import gradebook

            with gradebook.in_class(args.klass, args.trainer):
                return int(import_module(module).main(args) or 0)
        return int(import_module(module).main(args) or 0)
    except InputError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    except OSError as error:  # a folder that cannot be written, a disk that is full …
        where = f"“{error.filename}”" if error.filename else ""
        print(f"错误：无法读写{where}：{error.strerror or error}（请检查路径和权限）", file=sys.stderr)
        return 2
    except (sqlite3.Error, SQLAlchemyError) as error:  # a fault the gradebook did not name: still one line, no secret
        print(f"错误：{fault(str(getattr(args, 'db', '成绩册')), error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
