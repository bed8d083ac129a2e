"""The learner's own data comes in easily and never goes out by accident (issue 18 §2).

Seen on main: 恢复示例数据 replaced the learner's accounts at once with no question and no undo;
headers 名称,金额 or an ERP export 客户名称,销售额（万元） were refused with 2,400–4,000 characters;
a file of names and sales only could not be imported; re-choosing the same file after a failed
import did nothing; the import button's tooltip read “null”; 下载模板 took two clicks; ``８`` and
``１２００`` typed with a Chinese IME were refused, and ye-05's boxes reverted letters silently.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

import kamlab
from kamlab import widgets
from kamlab.table_import import TableSpec, import_table
from kamlab.widgets import chapter_work as chapter_mod

SCORES = ["未来销售收入和利润", "财务安全", "相互关系", "影响力"]
SPEC = TableSpec.from_columns("客户评分", ["客户", "销售额", *SCORES, "相对实力", "易损性"], units={"销售额": "万元"})


@pytest.fixture
def wang01(learner_answers):
    widgets.chapter("wang-01")
    return widgets.selection_widget(kamlab.load_sample("wang01_accounts"))


def _upload(calc, raw: bytes, name: str) -> None:
    """What the browser does when a file is chosen: the FileUpload's value changes."""
    upload = calc.attachment.imports["accounts"][1]
    upload.value = ({"name": name, "type": "text/csv", "size": len(raw), "content": memoryview(raw),
                     "last_modified": datetime(2026, 12, 1, tzinfo=UTC)},)


# --- import messages and headers ----------------------------------------------------------------
def test_a_wrong_file_is_told_in_a_few_words_what_is_missing_and_what_was_found():
    with pytest.raises(kamlab.InputError) as caught:
        import_table("编号,数量,备注\n1,2,3\n".encode(), "我的.csv", SPEC)
    text = str(caught.value)
    assert len(text) < 120, len(text)  # was about 4,000 characters
    assert "找不到“客户”" in text and "“编号”、“数量”、“备注”" in text and "下载模板" in text


@pytest.mark.parametrize(("header", "sales"), [("名称,金额", "1200"), ("客户名称,销售额（万元）", "1200"),
                                                ("往来单位,价税合计(万元)", "1200"), ("客户全称,销售金额/万元", "1200")])
def test_names_and_sales_alone_import_with_scores_left_blank(header, sales):
    result = import_table(f"{header}\n华东电机,{sales}\n西南泵业,300\n".encode("gbk"), "erp.csv", SPEC)
    assert [r["客户"] for r in result.rows] == ["华东电机", "西南泵业"]
    assert result.rows[0]["销售额"] == "1200" and result.rows[0]["财务安全"] == ""
    assert result.missing == (*SCORES, "相对实力", "易损性")
    assert len(result.message) < 150


def test_a_partial_file_fills_the_calculator_and_marks_the_blanks(wang01):
    assert wang01.attachment.import_file("accounts", "客户名称,销售额（万元）\n华东电机,1250\n西南泵业,300\n"
                                         .encode("gbk"), "erp.csv")
    assert [r["客户"] for r in wang01.accounts.value] == ["华东电机", "西南泵业"]
    assert wang01.accounts.value[0]["销售额"] == "1250" and wang01.accounts.value[0]["财务安全"] == ""
    message = wang01.attachment.message.value
    assert "已从“erp.csv”导入 2 行" in message and "已留空，请在表格中补填" in message
    assert "华东电机" in wang01.error.value and "空白" in wang01.error.value  # the first blank is named
    chapter_mod.forget_stores()  # the partial list was saved: nothing to import twice
    again = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert [r["客户"] for r in again.accounts.value] == ["华东电机", "西南泵业"]


def test_an_import_may_bring_its_own_criteria(wang01):
    raw = ("客户,销售额,交付能力,付款信用,技术合作,相对实力,易损性\n"
           "华东电机,1250,9,8,6,1.2,4\n西南泵业,300,5,4,7,0.7,7\n").encode()
    assert wang01.attachment.import_file("accounts", raw, "own.csv")
    assert [r[0] for r in wang01.criteria.rows()] == ["交付能力", "付款信用", "技术合作"]
    assert [r[1] for r in wang01.criteria.rows()] == ["33.3", "33.3", "33.4"]
    assert wang01.accounts.columns == ["客户", "销售额", "交付能力", "付款信用", "技术合作", "相对实力", "易损性"]
    assert "kamlab-error" not in wang01.error.value
    table = wang01.result.table.set_index("客户")
    assert table.loc["华东电机", "吸引力"] == pytest.approx((9 * 33.3 + 8 * 33.3 + 6 * 33.4) / 100, abs=0.01)
    assert "设为吸引力标准" in wang01.attachment.message.value


def test_choosing_the_same_file_again_after_a_failed_import_imports_it(wang01):
    bad = "编号,数量\n1,2\n".encode()
    _upload(wang01, bad, "名单.csv")
    assert "找不到“客户”" in wang01.attachment.message.value
    wang01.attachment.message.value = ""
    _upload(wang01, bad, "名单.csv")  # the same file chosen again: the learner gets an answer again
    assert "找不到“客户”" in wang01.attachment.message.value


def test_import_button_has_a_chinese_tooltip_and_the_template_is_one_click(wang01):
    upload = wang01.attachment.imports["accounts"][1]
    assert upload.tooltip and "导入" in upload.tooltip
    link = wang01.attachment.downloads["accounts"].value
    assert link.startswith("<a ") and "download='wang-01-selection-accounts-模板.xlsx'" in link


# --- 恢复示例数据: ask first, back up, undo -----------------------------------------------------------
def _click(button) -> None:
    button._click_handlers(button)


def test_restoring_the_example_asks_first_keeps_a_backup_and_can_be_undone(wang01, learner_answers):
    wang01.accounts.set_cell(0, "客户", "我的客户甲")
    wang01.criteria.set_cell(0, "标准", "交付能力")
    mine = wang01.state()
    attachment = wang01.attachment
    _click(attachment.reset_button)
    assert attachment.question.layout.display != "none" and wang01.state() == mine  # only asked
    _click(attachment.cancel)
    assert attachment.question.layout.display == "none" and wang01.state() == mine
    _click(attachment.reset_button)
    _click(attachment.confirm)
    assert wang01.accounts.cell(0, "客户") == "A 挖掘机厂" and wang01.criteria.cell(0, "标准") == "未来销售收入和利润"
    backup = json.loads((learner_answers / "backups.json").read_text(encoding="utf-8"))["answers"]
    assert backup["wang-01"]["selection"]["accounts"][0]["客户"] == "我的客户甲"
    assert attachment.undo_button.layout.display != "none" and "撤销" in attachment.message.value
    chapter_mod.forget_stores()  # a kernel restart in between: the backup is on disk
    again = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert again.attachment.undo_button.layout.display != "none"
    _click(again.attachment.undo_button)
    assert again.state() == mine and again.attachment.undo_button.layout.display == "none"
    chapter_mod.forget_stores()
    assert widgets.selection_widget(kamlab.load_sample("wang01_accounts")).accounts.cell(0, "客户") == "我的客户甲"


# --- numbers as typed ----------------------------------------------------------------------------------
def test_full_width_digits_are_numbers_in_tables_and_boxes(learner_answers):
    calc = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    calc.accounts.set_cell(0, "财务安全", "８")
    calc.accounts.set_cell(0, "销售额", "１，２００")
    assert "kamlab-error" not in calc.error.value
    assert calc.result.table.set_index("客户").loc["A 挖掘机厂", "销售额"] == 1200
    goals = widgets.goals_widget()
    goals.inputs[0].value = "８０００"
    assert "kamlab-error" not in goals.error.value and goals.result.table is not None


def test_ye05_explains_letters_instead_of_reverting_them(learner_answers):
    goals = widgets.goals_widget()
    goals.inputs[1].value = "三十"
    assert goals.inputs[1].value == "三十"  # kept as typed
    assert "目标比例" in goals.error.value and "三十" in goals.error.value


def test_the_templates_notes_sheet_lists_no_money_units_for_score_columns():
    from kamlab.table_import import template_notes

    notes = template_notes(SPEC).set_index("列")
    assert "元" not in notes.loc["财务安全", "也可写作"] and "元" not in notes.loc["相对实力", "也可写作"]
    assert notes.loc["客户", "也可写作"].startswith("客户名称、名称")


# --- one behaviour for messages ---------------------------------------------------------------------
def test_a_bad_cell_is_named_as_on_screen_marked_and_the_old_result_greyed(learner_answers):
    calc = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    calc.accounts.set_cell(1, "财务安全", "abc")
    assert "「客户评分·“B 起重机厂”·财务安全」应为 0–10 之间的数字" in calc.error.value  # the heading above the table
    assert "吸引力评分表" not in calc.error.value
    children = list(calc.box.children)
    assert children.index(calc.error) == children.index(calc.accounts) + 1  # right under the table, not the chart
    box = calc.accounts._box(1, calc.accounts.columns.index("财务安全"))
    assert "kamlab-bad" in box._dom_classes
    assert "kamlab-stale" in calc.summary._dom_classes and "kamlab-stale" in calc.chart._dom_classes
    assert "仍是改动之前的" in calc.error.value
    calc.accounts.set_cell(1, "财务安全", "5")
    assert calc.error.value == "" and "kamlab-bad" not in box._dom_classes
    assert "kamlab-stale" not in calc.summary._dom_classes


def test_a_bad_cell_on_another_page_is_shown(learner_answers):
    frame = kamlab.load_sample("wang01_accounts")
    many = frame.loc[frame.index.repeat(12)].reset_index(drop=True)
    many["客户"] = [f"客户{i:02d}" for i in range(len(many))]
    calc = widgets.selection_widget(many)
    calc.accounts.set_cell(60, "影响力", "11")
    assert calc.accounts.page == 1 and "“客户60”" in calc.error.value


def test_a_bad_number_box_is_marked_with_the_message_under_it(learner_answers):
    goals = widgets.goals_widget()
    goals.inputs[0].value = "-5"
    assert "「标杆企业大客户销售额」" in goals.error.value and "kamlab-bad" in goals.inputs[0]._dom_classes
    children = list(goals.box.children)
    assert children.index(goals.error) == children.index(goals.inputs[0]) + 1


# --- one account list -----------------------------------------------------------------------------
TWELVE = "客户名称,销售额（万元）\n" + "".join(f"客户{i:02d},{100 * (i + 1)}\n" for i in range(12))


def test_accounts_imported_in_wang01_are_the_profiles_and_ye05s_list(learner_answers):
    widgets.chapter("wang-01")
    calc = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert calc.attachment.import_file("accounts", TWELVE.encode("gbk"), "erp.csv")
    chapter_mod.forget_stores()
    widgets.chapter("plan")
    form = widgets.profile_widget()
    assert "还没有导入客户名单" not in form.accounts.value
    assert "客户名单 12 家（来自王渊 第一讲（wang-01）的吸引力计算表）" in form.accounts.value
    form.company.value = "苏州精工"  # the profile is saved with the same 12, not none
    from kamlab.learner.chapter_work import load_profile

    assert load_profile()[0].account_names == [f"客户{i:02d}" for i in range(12)]
    chapter_mod.forget_stores()
    widgets.chapter("ye-05")
    goals = widgets.goals_widget()
    assert goals.inputs[4].value == "7800"  # 100 + 200 + … + 1200
    assert "基础销量取你的客户名单 12 家的销售额合计 7,800（来自公司档案" in goals.attachment.status.value


def test_the_profiles_upload_has_a_tooltip_and_takes_the_same_file_twice(learner_answers):
    widgets.chapter("plan")
    form = widgets.profile_widget()
    assert form.upload.tooltip and "导入" in form.upload.tooltip
    raw = "编号\n1\n".encode()
    item = {"name": "a.csv", "type": "text/csv", "size": len(raw), "content": memoryview(raw),
            "last_modified": datetime(2026, 12, 1, tzinfo=UTC)}
    form.company.value = "苏州精工"
    form.upload.value = (item,)
    assert "找不到“客户”" in form.message.value
    form.message.value = ""
    form.upload.value = (item,)
    assert "找不到“客户”" in form.message.value


# --- 还差 links -------------------------------------------------------------------------------------------
def test_missing_links_open_the_chapter_in_lab_at_the_calculator(learner_answers, monkeypatch):
    from pathlib import Path

    book = Path(__file__).resolve().parents[1] / "book"
    monkeypatch.setenv("JPY_SESSION_NAME", str(book / "plan.ipynb"))  # the plan opened in JupyterLab
    view = widgets.plan_widget()
    cells = json.loads((book / "wang-03.ipynb").read_text(encoding="utf-8"))["cells"]
    stage = next(c["id"] for c in cells if "stage_widget(" in "".join(c["source"]))
    assert f"<a href='wang-03.ipynb#cell-id={stage}'>还差：王渊 第三讲 · 关系阶段诊断</a>" in view.view.value
    # shown as an output, whose relative links JupyterLab opens in the same Lab (no page reload)
    assert view.page in view.children and view.view not in view.children
    [output] = view.page.outputs
    assert f"wang-03.ipynb#cell-id={stage}" in output["data"]["text/html"] and ".kamlab-missing a{" in output["data"]["text/html"]


def test_the_static_plan_page_has_no_inert_export_button(learner_answers):
    view = widgets.plan_widget()  # outside a learner's session: what the static site shows
    assert not view.live and view.buttons.layout.display == "none"
    assert "网页版只显示示例计划，不能导出" in view.links.value
    widgets.chapter("plan")
    live = widgets.plan_widget()
    assert live.buttons.layout.display != "none"


# --- small screens, long labels ------------------------------------------------------------------------
def test_view_buttons_are_as_wide_as_their_labels_and_tables_scroll_with_names_in_view(learner_answers):
    calc = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert calc.view.style.button_width == "auto"  # “选择矩阵（吸引力 × 相对实力）” was cut off
    grid = calc.accounts._grid
    assert grid.layout.overflow == "auto" and "kamlab-grid" in grid._dom_classes
    assert grid.layout.grid_template_columns.startswith("minmax(8em,")
    assert "kamlab-name-cell" in calc.accounts._box(0, 0)._dom_classes
    from kamlab.widgets.ready import CSS

    assert ".kamlab-grid .kamlab-name-cell{position:sticky;left:0" in CSS
