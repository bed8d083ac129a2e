"""Every calculator of a chapter remembers what was typed, offers the example back, and imports tables."""

from __future__ import annotations

import json

import pytest

import kamlab
from kamlab import widgets
from kamlab.learner.chapter_work import ChapterStore, save_profile
from kamlab.profile import make_profile
from kamlab.widgets import chapter_work as chapter_mod

ACCOUNTS_GBK = ("客户名称,销售额（万元）,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性,备注\n"
                "华东电机,1250,9,8,7,9,1.2,4,老客户\n西南泵业,300,6,4,6,5,0.7,7,\n").encode("gbk")


@pytest.fixture
def answers(learner_answers):
    return learner_answers


def selection():
    return widgets.selection_widget(kamlab.load_sample("wang01_accounts"))


def test_no_chapter_open_means_nothing_saved_or_restored(answers):
    calc = selection()
    assert getattr(calc, "attachment", None) is None
    calc.y_cut.value = 6.0
    assert list(answers.iterdir()) == []


def test_a_session_started_for_a_chapter_saves_its_calculators(answers, monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "/home/learner/book/wang-01.ipynb")
    assert chapter_mod.current_chapter() == "wang-01"
    calc = selection()
    calc.y_cut.value = 6.0
    saved = json.loads((answers / "wang-01.json").read_text(encoding="utf-8"))
    assert saved["answers"]["calculators"]["selection"]["y_cut"] == 6.0
    monkeypatch.setenv("JPY_SESSION_NAME", "exercises/wang-01-quantify.ipynb")
    assert chapter_mod.current_chapter() is None  # exercises keep their own answer files


def test_inputs_come_back_after_a_restart_and_example_is_one_click_away(answers):
    widgets.chapter("wang-01")
    calc = selection()
    rows = calc.accounts.value
    rows[0]["相对实力"] = "2.5"
    calc.accounts.value = rows
    calc.x_cut.value = 1.4
    chapter_mod.forget_stores()  # as after a kernel restart: only the file remains
    again = selection()
    assert again.accounts.value[0]["相对实力"] == "2.5" and again.x_cut.value == 1.4
    again.attachment.reset()
    assert again.accounts.value[0]["相对实力"] == "1.2" and again.x_cut.value == 1.0
    chapter_mod.forget_stores()
    assert selection().accounts.value[0]["相对实力"] == "1.2"


def test_two_calculators_of_one_chapter_share_its_file(answers):
    widgets.chapter("wang-01")
    calc = selection()
    org = widgets.organisation_widget()
    calc.y_cut.value = 7.0
    first = next(iter(org.inputs.values()))
    first.value = "40"
    stored = ChapterStore("wang-01").calculators
    assert stored["selection"]["y_cut"] == 7.0 and stored["organisation"]["n_accounts"] == "40"


def test_import_a_gbk_csv_into_the_selection_calculator(answers):
    widgets.chapter("wang-01")
    calc = selection()
    assert calc.attachment.import_file("accounts", ACCOUNTS_GBK, "我的客户.csv")
    assert [r["客户"] for r in calc.accounts.value] == ["华东电机", "西南泵业"]
    assert "已从“我的客户.csv”导入 2 行。未使用的列：备注。" in calc.attachment.message.value
    assert list(calc.result.table["客户"]) == ["华东电机", "西南泵业"]
    chapter_mod.forget_stores()
    assert [r["客户"] for r in selection().accounts.value] == ["华东电机", "西南泵业"]


@pytest.mark.parametrize(("raw", "name", "expected"), [
    ("单位编号,数量\n甲,1\n".encode(), "wrong.csv", "找不到“客户”（也可写作 客户名称、名称、客户名）列。文件中的表头：“单位编号”、“数量”"),
    (ACCOUNTS_GBK.replace(b"1250", "很多".encode("gbk")), "text.csv", "第 2 行“销售额”列：应为数字，当前为“很多”"),
    (b"", "empty.csv", "是空的"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "photo.png", "不是表格文件"),
    (ACCOUNTS_GBK.replace(b",9,8,7,9,", b",19,8,7,9,"), "range.csv", "内容未通过客户评分表的检查，未导入：「吸引力评分表·“华东电机”·未来销售收入和利润」应为 0–10 之间的数字"),
])
def test_a_bad_import_says_why_in_chinese_and_changes_nothing(answers, raw, name, expected):
    widgets.chapter("wang-01")
    calc = selection()
    before = calc.accounts.value
    assert not calc.attachment.import_file("accounts", raw, name)
    assert expected in calc.attachment.message.value
    assert "表格未作任何改动" in calc.attachment.message.value
    assert calc.accounts.value == before
    assert not (answers / "wang-01.json").exists()  # nothing was saved either


def test_a_5_mb_upload_is_refused(answers):
    widgets.chapter("wang-01")
    calc = selection()
    before = calc.accounts.value
    assert not calc.attachment.import_file("accounts", b"x" * (5 * 1024 * 1024 + 1), "big.csv")
    assert "过大" in calc.attachment.message.value and calc.accounts.value == before


def test_template_download_holds_headers_units_and_an_example_row(answers):
    from io import BytesIO

    from openpyxl import load_workbook

    widgets.chapter("wang-01")
    calc = selection()
    book = load_workbook(BytesIO(calc.attachment.template_bytes("accounts", calc.accounts)))
    assert book.sheetnames == ["客户评分表", "说明"]
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["客户", "销售额（万元）", "未来销售收入和利润"]
    assert [c.value for c in sheet[2]][:2] == ["A 挖掘机厂", 1200]
    link = calc.attachment.downloads["accounts"].value  # one click: the download is there from the start
    assert "download='wang-01-selection-accounts-模板.xlsx'" in link and "⬇ 下载模板" in link


def test_other_chapters_start_from_the_learners_accounts(answers):
    save_profile(make_profile("苏州精工", "通用设备", "万元",
                              [{"客户": "甲", "销售额": "1000"}, {"客户": "乙", "销售额": "400"}]))
    widgets.chapter("ding-01")
    card = widgets.value_scorecard_widget(kamlab.load_sample("wang01_accounts")[["客户"]].assign(
        利润贡献=5, 增长潜力=5, 合作关系=5, 信用与回款=5, 行业影响力=5))
    assert [r["客户"] for r in card.scores.value] == ["甲", "乙"]
    card.attachment.reset()
    assert card.scores.value[0]["客户"] == "A 挖掘机厂"


def test_quiz_progress_is_saved_for_the_plan(answers):
    widgets.chapter("wang-01")
    quiz = widgets.quiz_widget("wang-01")
    quiz.choices[0].value = 0
    quiz.check()
    saved = ChapterStore("wang-01").quiz
    assert saved["answered"] == 1 and saved["total"] == len(quiz.choices)


def test_every_table_calculator_of_the_sample_chapters_offers_import(answers):
    widgets.chapter("ding-01")
    customers = kamlab.load_sample("ding_customers")
    found = {
        "pareto": sorted(widgets.pareto_widget(customers).attachment.imports),
        "pyramid": sorted(widgets.pyramid_widget(customers).attachment.imports),
        "selection": sorted(selection().attachment.imports),
        "pipeline": sorted(widgets.pipeline_widget(kamlab.load_sample("wang_pipeline")).attachment.imports),
        "kraljic": sorted(widgets.kraljic_widget(kamlab.load_sample("wang_purchases")).attachment.imports),
        "industry": sorted(widgets.industry_widget(kamlab.load_sample("ding_industries")).attachment.imports),
    }
    assert found == {"pareto": ["customers"], "pyramid": ["customers"], "selection": ["accounts"],
                     "pipeline": ["opportunities"], "kraljic": ["items"], "industry": ["scores"]}


def test_pareto_starts_from_the_learners_accounts_and_imports_a_list(answers):
    save_profile(make_profile("苏州精工", accounts=[{"客户": "甲", "销售额": "900", "利润": "90"},
                                                  {"客户": "乙", "销售额": "100", "利润": "10"}]))
    widgets.chapter("ding-01")
    pareto = widgets.pareto_widget(kamlab.load_sample("ding_customers"))
    assert pareto.customers.value == [{"客户": "甲", "利润": "90", "销售额": "900"},
                                      {"客户": "乙", "利润": "10", "销售额": "100"}]
    assert pareto.result.share_of_top(50) == 90.0  # 甲 90 of 100
    raw = "客户,利润,销售额,备注\n丙,30,300,x\n丁,10,100,\n戊,10,100,\n".encode("gbk")
    assert pareto.attachment.import_file("customers", raw, "客户.csv")
    assert pareto.result.n == 3 and pareto.result.share_of_top(34) == 80.0  # top ceil(1.02) = 2 customers: 丙 30 + 丁 10 = 40 of 50


def test_every_calculator_the_plan_reads_is_a_widget_that_saves_under_that_name():
    import inspect

    from kamlab.plan import CALCULATORS
    from kamlab.widgets._base import Calculator

    keys = {chapter_mod.store_key(cls.__new__(cls)) for _, cls in inspect.getmembers(widgets, inspect.isclass)
            if issubclass(cls, Calculator)}
    wanted = {key for tools in CALCULATORS.values() for key in tools}
    assert wanted <= keys, sorted(wanted - keys)


def test_two_open_copies_of_a_chapter_keep_each_others_calculators(answers):
    first, second = ChapterStore("wang-01"), ChapterStore("wang-01")  # two tabs on the same chapter
    first.put("selection", {"y_cut": 6.0})
    second.put("organisation", {"n_accounts": "8"})
    first.put_quiz(answered=2, correct=1, total=5)
    saved = ChapterStore("wang-01")
    assert saved.calculators == {"selection": {"y_cut": 6.0}, "organisation": {"n_accounts": "8"}}
    assert saved.quiz == {"answered": 2, "correct": 1, "total": 5}


def test_hand_edited_saved_values_get_one_notice_naming_the_field_and_the_file_is_kept(answers):
    """issue 18 §2: "abc" and [20] where sliders' numbers belong, the rest of the chapter's saves still come back."""
    widgets.chapter("wang-01")
    calc = selection()
    rows = calc.accounts.value
    rows[0]["相对实力"] = "2.5"
    calc.accounts.value = rows
    calc.vulnerability_cut.value = 7.5
    path = answers / "wang-01.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["answers"]["calculators"]["selection"].update({"y_cut": "abc", "x_cut": [20]})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    chapter_mod.forget_stores()
    again = selection()
    assert again.accounts.value[0]["相对实力"] == "2.5" and again.vulnerability_cut.value == 7.5
    assert again.y_cut.value == 5.0 and again.x_cut.value == 1.0  # the defaults, on screen
    notice = again.notice.value
    assert "已保存的“吸引力分界”值“abc”不是数字，已改用默认值 5" in notice
    assert "已保存的“实力分界”值“[20]”不是数字，已改用默认值 1" in notice
    assert "原文件未改动" in notice and notice.count("kamlab-notice") == 1
    assert "未能恢复" not in again.attachment.message.value  # one notice, not two
    assert path.read_bytes() == before  # nothing on disk lost until the learner edits
    again.y_cut.value = 6.0
    saved = json.loads(path.read_text(encoding="utf-8"))["answers"]["calculators"]["selection"]
    assert saved["y_cut"] == 6.0 and saved["accounts"][0]["相对实力"] == "2.5"
