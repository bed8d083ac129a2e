"""Control characters and lone surrogates never reach a Word or Excel file (issue 18 §2).

Seen on main: a company name, an action line or a saved value holding ``\\x01``/``\\x0b`` or a
lone surrogate (``\\ud800``, what a broken paste or a hand-edited ``"\\ud800"`` escape leaves)
made python-docx/openpyxl refuse the plan's export, and a lone surrogate typed into a form
could not even be saved (UTF-8 cannot encode it).
"""

from __future__ import annotations

import json

from docx import Document
from openpyxl import load_workbook

from kamlab.learner.answers import SCHEMA, AnswerStore
from kamlab.learner.chapter_work import read_saved_work
from kamlab.plan import build_plan, example_work
from kamlab.plan.export import to_docx, to_excel
from kamlab.text_clean import clean_text, clean_value


def test_clean_text_drops_what_no_xml_file_may_hold_and_keeps_the_rest():
    assert clean_text("华东\x01电机\ud800\x0b") == "华东电机"
    assert clean_text("第一行\r\n第二行\r第三行\t（完）") == "第一行\n第二行\n第三行\t（完）"
    assert clean_text("A 挖掘机厂　＃１") == "A 挖掘机厂　＃１"  # full-width space and signs are text
    assert clean_value({"客户\x02": ["甲\udc80", 3, None]}) == {"客户": ["甲", 3, None]}


def _write(folder, key, answers):
    # json.dumps escapes a lone surrogate as "\ud800": exactly what a hand-edited file holds
    text = json.dumps({"schema": SCHEMA, "version": 1, "key": key, "answers": answers})
    (folder / f"{key}.json").write_text(text, encoding="utf-8")


def test_a_plan_with_control_characters_everywhere_exports_to_word_and_excel(tmp_path):
    example = example_work()
    selection = dict(example.calculators["wang-01"]["selection"])
    accounts = [dict(r) for r in selection["accounts"]]
    accounts[0]["客户"] = "华东\x01电机\ud800"
    selection["accounts"] = accounts
    _write(tmp_path, "wang-01", {"calculators": {"selection": selection}})
    _write(tmp_path, "profile", {"company": "苏州\x0b精工\udc80", "industry": "机械", "unit": "万元",
                                 "accounts": [], "use_example": False})
    _write(tmp_path, "wang-02-account-plan", {"actions": "1. 5 月底前拜访\x07华东电机（负责人：王\ud83d经理）"})
    work, notices = read_saved_work(tmp_path)
    assert notices == []
    plan = build_plan(work)
    docx = to_docx(plan, tmp_path / "plan.docx")
    xlsx = to_excel(plan, tmp_path / "plan.xlsx")
    document = Document(str(docx))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for row in t.rows for c in row.cells])
    cells = "\n".join(str(c.value) for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows() for c in row)
    assert "苏州精工" in text and "拜访华东电机（负责人：王经理）" in text
    assert "华东电机" in cells and "拜访华东电机" in cells
    for bad in ("\x01", "\x07", "\x0b", "\ud800", "\udc80", "\ud83d"):
        assert bad not in text and bad not in cells


def test_a_lone_surrogate_typed_into_a_form_is_saved_cleaned(tmp_path):
    store = AnswerStore("wang-02-account-plan", tmp_path)
    store.load()
    assert store.update({"actions": "拜访\ud800客户\x01"}) is not None
    assert json.loads((tmp_path / "wang-02-account-plan.json").read_text(encoding="utf-8"))["answers"] == {
        "actions": "拜访客户"}


def test_a_learners_import_is_cleaned(tmp_path):
    from kamlab.table_import import TableSpec, import_table

    spec = TableSpec.from_columns("客户名单", ["客户", "销售额"])
    result = import_table("客户,销售额\n华东\x01电机,100\n".encode(), "a.csv", spec)
    assert result.rows[0]["客户"] == "华东电机"
