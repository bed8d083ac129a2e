"""The review list: one Excel file of every answer that still needs a person.

Rows: every answer a person must judge (:func:`~kamlab.grading.rubric.needs_person`: free
text, worksheets, propositions) without a manual score yet, and every manual score
marked 待复核 (the learner resubmitted and changed that answer). Columns: 学号, 姓名, 练习,
练习名称, 题号, 题目, 回答, 自动初评, 满分, 状态, 原人工分, 原评语, then the empty 得分
and 评语 the trainer fills in Excel/WPS. ``kamlab grade --manual-csv review.xlsx`` reads
it back (unfilled rows are skipped; filled ones are checked like any manual score).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..spreadsheet import NUMBER, write_excel
from . import gradebook
from .htmlpage import answer_text, stored_value
from .keys import check_exercise, load_key
from .manual import answer_check
from .rubric import PROVISIONAL, RECHECK, needs_person, score_state

COLUMNS = ["学号", "姓名", "练习", "练习名称", "题号", "题目", "回答", "自动初评", "满分", "状态", "原人工分", "原评语",
           "得分", "评语", "答案校验"]
#: Column widths (characters) of the review list; 题目, 回答 and 评语 wrap.
WIDTHS = {"题目": 30, "回答": 60, "状态": 28, "原评语": 24, "评语": 40}


def review_rows(scores: pd.DataFrame, names: dict[str, str], *, exercise: str | None = None,
                include_done: bool = False) -> pd.DataFrame:
    """The review list from :func:`gradebook.latest_scores` rows (pure)."""
    rows = []
    for r in scores.itertuples():
        if exercise and r.exercise_id != exercise:
            continue
        sheet, questions = load_key(r.exercise_id)
        q = questions.get(r.question_id, {})
        kind = score_state(q, None if pd.isna(r.manual_score) else r.manual_score, bool(r.needs_review))
        if kind == RECHECK:
            state = "待复核：学员重交后改了答案，请重新打分，或在“得分”栏重填原分以确认"
        elif kind == PROVISIONAL:  # a comment alone is not a score: still listed, with the comment
            state = "待评阅（自动分为初评）"
        elif include_done and needs_person(q):
            state = "已人工评分"
        else:
            continue
        rows.append({"学号": r.learner_id, "姓名": names.get(r.learner_id, ""), "练习": r.exercise_id,
                     "练习名称": sheet.title, "题号": r.question_id, "题目": q.get("label", r.question_id),
                     "回答": answer_text(q, stored_value(q, r.answer)), "自动初评": float(r.auto_score),
                     "满分": float(r.max_score), "状态": state,
                     "原人工分": float(r.manual_score) if pd.notna(r.manual_score) else None,
                     "原评语": r.comment or "", "得分": None, "评语": "", "答案校验": answer_check(r.answer)})
    return pd.DataFrame(rows, columns=COLUMNS)


def review_frame(*, db: str | Path, exercise: str | None = None, include_done: bool = False) -> pd.DataFrame:
    """The review list as a frame (columns :data:`COLUMNS`), read from ``db`` read-only."""
    if exercise:
        check_exercise(exercise)
    con = gradebook.connect(db, readonly=True)
    try:
        scores, names = gradebook.latest_scores(con), gradebook.roster(con)
    finally:
        con.close()
    return review_rows(scores, names, exercise=exercise, include_done=include_done)


def write_review(*, db: str | Path, out: str | Path, exercise: str | None = None, include_done: bool = False) -> int:
    """Write the review list to ``out`` (.xlsx); returns the number of rows."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise InputError("输出文件", f"“{out}”应以 .xlsx 结尾（复核清单是一个 Excel 文件）", str(out))
    if out.is_dir():
        raise InputError("输出文件", f"“{out}”是一个文件夹：请给出文件名，如 review.xlsx", str(out))
    frame = review_frame(db=db, exercise=exercise, include_done=include_done)
    write_excel(out, {"待评阅": frame}, formats={"自动初评": NUMBER, "满分": NUMBER, "原人工分": NUMBER, "得分": NUMBER})
    _make_fillable(out, len(frame))
    return len(frame)


def _make_fillable(path: Path, rows: int) -> None:
    """Readable widths with 题目/回答/评语 wrapped, and Excel data validation on 得分 (a
    number from 0 to the row's 满分: Excel/WPS refuse anything else as it is typed)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = load_workbook(path)
    ws = book.active
    letter = {name: get_column_letter(COLUMNS.index(name) + 1) for name in COLUMNS}
    for name, width in WIDTHS.items():
        ws.column_dimensions[letter[name]].width = width
        for r in range(2, rows + 2):
            ws[f"{letter[name]}{r}"].alignment = Alignment(wrap_text=True, vertical="top")
    if rows:
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2=f"{letter['满分']}2",
                              allow_blank=True, showErrorMessage=True, showInputMessage=True,
                              errorTitle="得分超出范围", error="得分应为 0 到该题满分（“满分”列）之间的数字",
                              promptTitle="得分", prompt="填 0 到该题满分之间的数字")
        rule.add(f"{letter['得分']}2:{letter['得分']}{rows + 1}")
        ws.add_data_validation(rule)
    book.save(path)


def main(args: argparse.Namespace) -> int:
    """``kamlab review --db gradebook.sqlite --out review.xlsx``."""
    n = write_review(db=args.db, out=args.out, exercise=args.exercise, include_done=args.all)
    print(f"已写出 {n} 条待评阅答案 → {args.out}；填写“得分”“评语”后运行 kamlab grade --db {args.db} --manual-csv {args.out}")
    return 0
