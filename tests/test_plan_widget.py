"""A new learner, end to end: profile, own accounts imported in wang-01, three more chapters, the Word plan."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import Workbook

import kamlab
from kamlab import widgets
from kamlab.learner.chapter_work import load_profile

ACCOUNTS = ("客户名称,销售额（万元）,利润,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
            "华东电机,1250,150,9,8,7,9,1.2,4\n西南泵业,300,20,6,4,6,5,0.7,7\n北方阀门,500,40,8,7,7,7,1.3,3\n"
            ).encode("gbk")


def pipeline_xlsx() -> bytes:
    book = Workbook()
    book.active.append(["机会", "客户", "阶段", "金额"])
    book.active.append(["华东-扩产线", "华东电机", "关键人私约", 200])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@pytest.fixture
def learner(learner_answers):
    return learner_answers


def test_profile_form_outside_a_session_neither_reads_nor_writes(learner):
    from kamlab.learner.chapter_work import save_profile
    from kamlab.profile import make_profile

    save_profile(make_profile("某学员的公司"))
    form = widgets.profile_widget()
    assert form.company.value == ""  # nbval and the book build never show a learner's profile
    form.company.value = "别的公司"
    assert "只有在 Jupyter 中打开本章时才能保存档案" in form.message.value
    assert load_profile()[0].company == "某学员的公司"


def test_profile_form_imports_the_account_list_and_refuses_bad_files(learner):
    widgets.chapter("plan")
    form = widgets.profile_widget()
    assert not form.import_accounts(ACCOUNTS, "客户.csv")
    assert "请先填写公司名称" in form.message.value
    form.company.value = "苏州精工机械有限公司"
    form.unit.value = "万元"
    assert not form.import_accounts("编号,数量\n甲,1\n".encode(), "bad.csv")
    assert "找不到“客户”" in form.message.value and load_profile()[0].accounts == ()
    assert form.import_accounts(ACCOUNTS, "客户.csv")
    profile = load_profile()[0]
    assert profile.company == "苏州精工机械有限公司" and profile.account_names == ["华东电机", "西南泵业", "北方阀门"]
    assert profile.accounts[0]["利润"] == "150"
    form.use_example.value = True
    assert load_profile()[0].is_example and "当前各章使用本书示例" in form.accounts.value


def test_outside_a_learners_session_the_plan_shows_the_books_example(learner):
    view = widgets.plan_widget()
    assert view.plan.is_example and "A 挖掘机厂" in view.view.value
    assert "本书示例数据" in view.notices.value
    assert "href='wang-03.html'" in view.view.value  # the static book links pages, not notebooks


def test_new_learner_end_to_end_ends_with_a_word_plan(learner):
    widgets.chapter("plan")
    form = widgets.profile_widget()
    form.company.value = "苏州精工机械有限公司"
    form.industry.value = "通用设备"
    # wang-01: import own accounts into the selection calculator, choose the organisation
    widgets.chapter("wang-01")
    selection = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert selection.attachment.import_file("accounts", ACCOUNTS, "我的客户.csv")
    organisation = widgets.organisation_widget()
    list(organisation.inputs.values())[0].value = "3"
    # ding-01: the retention case; wang-02: own pipeline; ye-05: next year's target
    widgets.chapter("ding-01")
    widgets.retention_widget().retention.value = 85
    widgets.chapter("wang-02")
    pipe = widgets.pipeline_widget(kamlab.load_sample("wang_pipeline"))
    assert pipe.attachment.import_file("opportunities", pipeline_xlsx(), "管道.xlsx")
    widgets.chapter("ye-05")
    widgets.goals_widget().inputs[4].value = 2000.0
    widgets.chapter("plan")
    view = widgets.plan_widget()
    plan = view.plan
    assert not plan.is_example and plan.title == "苏州精工机械有限公司 大客户计划"
    assert plan.key_accounts == ("华东电机", "北方阀门")
    assert "<a href='wang-03.ipynb'>还差：王渊 第三讲 · 关系阶段诊断</a>" in view.view.value
    view.marked.value = ("西南泵业",)
    assert view.plan.key_accounts == ("西南泵业",)
    paths = view.export()
    doc = Document(str(paths["docx"]))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {"华东电机", "西南泵业", "北方阀门", "关键人私约"} <= cells
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "管道共 1 个机会，总额 200.0 万元，加权预测 120.0 万元。" in text
    assert "三种方法给出 2,100–2,400 万元" in text  # 2000 × 1.2 = 2400, 6 × 350 = 2100, 8000 × 30 % = 2400
    assert len(doc.inline_shapes) >= 4
    assert paths["xlsx"].exists() and paths["md"].read_text(encoding="utf-8").startswith("# 苏州精工机械有限公司")
    assert f"苏州精工机械有限公司-大客户计划-{paths['docx'].stem.rsplit('-大客户计划-', 1)[1]}.docx" in view.links.value
    assert paths['docx'].name.startswith("苏州精工机械有限公司-大客户计划-20")  # dated, never overwritten
