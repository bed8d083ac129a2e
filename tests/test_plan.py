"""我的大客户计划 for a small generated company: saved work in, five sections and three exports out.

The company (numbers checked by hand):

======  ======  ====  =============  ========  ======  ===========
客户     销售额   利润   四项吸引力评分    吸引力     相对实力  象限
======  ======  ====  =============  ========  ======  ===========
甲       1000    120   9, 8, 7, 9      8.4       1.2     战略客户
乙        400     30   6, 6, 6, 6      6.0       0.8     明星客户
丙        300     20   3, 3, 3, 3      3.0       1.5     地位客户
丁        200     20   8, 6, 6, 6      6.8       1.1     战略客户
戊        100     10   2, 2, 2, 2      2.0       0.5     精简客户
======  ======  ====  =============  ========  ======  ===========

吸引力 = 0.4·未来 + 0.2·财务 + 0.2·关系 + 0.2·影响力 (甲: 3.6 + 1.6 + 1.4 + 1.8 = 8.4).
Pareto by 利润: total 200, top 20 % = 1 customer (甲) = 120/200 = 60 %.
Pipeline: 甲 方案打磨 100 × 20 % + 丁 意向达成 50 × 90 % = 20 + 45 = 65 of 150.
Targets: 8000 × 30 % = 2400; 6 × 350 = 2100; 1800 × 1.2 = 2160.
Organisation: 5 accounts, 60 % share, spread 2, purchasing/coordination/customisation 5,
resources 4 → 独立大客户团队 13, 大客户矩阵 5, 区域负责 3.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

import kamlab
from kamlab.learner.answers import AnswerStore
from kamlab.learner.chapter_work import (
    ChapterStore,
    read_saved_work,
    save_key_accounts,
    save_profile,
)
from kamlab.pipeline import DEFAULT_PROBABILITIES
from kamlab.plan import build_plan, example_work, parse_action
from kamlab.plan.export import to_markdown
from kamlab.profile import make_profile
from kamlab.table_import import TableSpec, import_table

SCORES = ["未来销售收入和利润", "财务安全", "相互关系", "影响力"]
COLUMNS = ["客户", "销售额", *SCORES, "相对实力", "易损性"]
SPEC = TableSpec.from_columns("客户评分", COLUMNS, units={"销售额": "万元"})
ACCOUNTS_CSV = (
    "客户名称,销售额（万元）,利润,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
    "甲,1000,120,9,8,7,9,1.2,6\n乙,400,30,6,6,6,6,0.8,4\n丙,300,20,3,3,3,3,1.5,3\n"
    "丁,200,20,8,6,6,6,1.1,7\n戊,100,10,2,2,2,2,0.5,2\n"
).encode("gbk")


def pipeline_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["机会名称", "客户", "阶段", "预计金额", "备注"])
    sheet.append(["O1 甲-扩产", "甲", "方案打磨", 100, ""])
    sheet.append(["O2 丁-框架", "丁", "意向达成", 50, "年底"])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@pytest.fixture
def company(tmp_path):
    """A learner's answer folder after importing their accounts and working four chapters."""
    accounts = import_table(ACCOUNTS_CSV, "客户.csv", SPEC).rows
    profile_rows = import_table(ACCOUNTS_CSV, "客户.csv",
                                TableSpec.from_columns("客户名单", ["客户", "销售额", "利润"])).rows
    save_profile(make_profile("苏州精工机械有限公司", "通用设备", "万元", profile_rows), tmp_path)
    pipeline_spec = TableSpec.from_columns("开发管道", ["机会", "客户", "阶段", "金额"],
                                           text=("机会", "客户", "阶段"), key="机会")
    opportunities = import_table(pipeline_xlsx(), "管道.xlsx", pipeline_spec).rows
    wang01 = ChapterStore("wang-01", tmp_path)
    wang01.put("selection", {"criteria": [{"标准": k, "权重": str(v)} for k, v in kamlab.DEFAULT_ATTRACTIVENESS.items()],
                             "accounts": list(accounts), "view": "选择矩阵（吸引力 × 相对实力）",
                             "y_cut": 5.0, "x_cut": 1.0})
    wang01.put("organisation", {"n_accounts": 5, "ka_share": 60, "spread": 2, "central_purchasing": 5,
                                "coordination": 5, "customisation": 5, "resources": 4})
    ChapterStore("wang-02", tmp_path).put("pipeline", {
        "opportunities": list(opportunities),
        "probabilities": [{"阶段": k, "概率（%）": str(v)}
                          for k, v in DEFAULT_PROBABILITIES.items()]})
    ye05 = ChapterStore("ye-05", tmp_path)
    ye05.put("goals", {"benchmark_sales": 8000, "target_ratio": 30, "resource_units": 6,
                       "output_per_unit": 350, "base_sales": 1800, "growth": 20})
    ye05.put_quiz(answered=4, correct=3, total=4)
    AnswerStore("wang-02-account-plan", tmp_path).save(
        {"actions": "1. 6 月底前拜访甲公司总经理（负责人：张伟）\n- 为丁准备框架协议"})
    return tmp_path


def test_saved_work_reads_every_chapter_file(company):
    work, notices = read_saved_work(company)
    assert notices == []
    assert set(work.calculators) == {"wang-01", "wang-02", "ye-05"}
    assert work.profile.company == "苏州精工机械有限公司"
    assert work.profile.account_names == ["甲", "乙", "丙", "丁", "戊"]
    assert work.quizzes["ye-05"] == {"answered": 4, "correct": 3, "total": 4}


def test_section_one_places_own_accounts_on_both_views(company):
    plan = build_plan(read_saved_work(company)[0])
    section = plan.section("公司与大客户组合")
    matrix = section.pieces[0]
    assert matrix.chapter == "wang-01" and matrix.tool == "大客户吸引力计算表与选择矩阵"
    table = dict(matrix.tables)["客户在选择矩阵上的位置"].set_index("客户")
    assert table.loc["甲", "吸引力"] == pytest.approx(8.4)
    assert table.loc["丁", "吸引力"] == pytest.approx(6.8)
    assert list(table["象限"]) == ["战略客户", "明星客户", "地位客户", "战略客户", "精简客户"]
    assert "第二视角象限" in table.columns  # the vulnerability view too
    assert [kind for _, kind, _ in matrix.charts] == ["portfolio", "portfolio"]
    pareto = section.pieces[1]
    assert pareto.lines[0].startswith("前 20% 的客户贡献了 60.0% 的利润（5 家客户，合计 200.0 万元）")


def test_sections_two_to_five_carry_the_learners_choices_and_numbers(company):
    plan = build_plan(read_saved_work(company)[0])
    org = plan.section("组织与人").pieces[0]
    assert org.lines[0] == "推荐结构：独立大客户团队。"
    assert list(dict(org.tables)["三种结构的得分"]["得分"]) == [13, 5, 3]
    assert plan.key_accounts == ("甲", "丁")  # the 战略客户 quadrant when none is marked
    pipeline, goals = plan.section("开发与目标").pieces
    assert pipeline.lines[0] == "管道共 2 个机会，总额 150.0 万元，加权预测 65.0 万元。"
    assert list(dict(goals.tables)["三种方法的目标"]["目标"]) == [2400, 2100, 2160]
    actions = plan.action_frame()
    assert list(actions["行动"]) == ["6 月底前拜访甲公司总经理（负责人：张伟）", "为丁准备框架协议"]
    assert list(actions["负责人"]) == ["张伟", ""] and list(actions["时间"]) == ["6 月底", ""]


def test_missing_pieces_name_the_chapter_that_fills_them(company):
    plan = build_plan(read_saved_work(company)[0])
    texts = [m.text for m in plan.missing]
    assert "还差：王渊 第三讲 · 关系阶段诊断" in texts
    assert "还差：王渊 第一讲 · 四象限价值主张" in texts
    assert "还差：丁兴良 第一讲 · 留存率提升的价值" in texts
    assert all(m.link.endswith(".ipynb") for m in plan.missing)
    progress = plan.progress.set_index("章节")
    assert progress.loc["王渊 第一讲 大客户开发管理的前期准备", "计算器"] == "2/4"
    assert progress.loc["叶敦明 第五讲 大客户营销组织的目标制定方式", "自测"] == "已完成（3/4 题正确）"
    assert progress.loc["王渊 第二讲 大客户的中期开发", "工作表"] == "0/1"  # only 行动计划 of six parts


def test_marked_key_accounts_replace_the_quadrant(company):
    save_key_accounts(["乙", "不存在的客户"], company)
    plan = build_plan(read_saved_work(company)[0])
    assert plan.key_accounts == ("乙",)


def test_markdown_export_lists_sections_and_missing_in_the_appendix(company):
    text = to_markdown(build_plan(read_saved_work(company)[0]))
    assert text.startswith("# 苏州精工机械有限公司 大客户计划")
    assert "## 4. 开发与目标" in text and "| 甲 | 1,000 |" in text
    body, appendix = text.split("## 附录")
    assert "还差" not in body and "来自：" not in body
    assert "- 还差：王渊 第三讲 · 关系阶段诊断" in appendix


def test_example_plan_is_complete_and_says_it_is_the_example():
    plan = build_plan(example_work())
    assert plan.is_example
    # the one gap: the single-account tools were worked for A, not for the second key account
    assert [m.text for m in plan.missing] == [
        "还差：王渊 第三讲 · 为“C 农机厂”做单客户评估（关系阶段、终生价值等）（在本章的计划里指定评估针对哪位客户）"]
    assert plan.key_accounts == ("A 挖掘机厂", "C 农机厂")
    # by gross margin (ding-01 tiers by profitability): A 300 + B 160 = 460 of 593 = 77.6 %
    pareto, pyramid = plan.section("公司与大客户组合").pieces[1:]
    assert pareto.lines[0] == "前 20% 的客户贡献了 77.6% 的毛利（6 家客户，合计 593.0 万元）。"
    # VIP = ceil(6 × 20 %) = 2 (A, B); 大客户 = ceil(6 × 50 %) − 2 = 1 (E 52); 中 = 5 − 3 = 2 (D 36, F 27); 小 = C 18
    assert pyramid.lines[0].startswith("VIP客户 2 家，占毛利 77.6%；大客户 1 家，占毛利 8.8%")
    tiers = dict(pyramid.tables)["各客户所在层级"].set_index("客户")["层级"]
    assert tiers["C 农机厂"] == "小客户"
    assert "虚构" in to_markdown(plan)


def test_example_plan_agrees_with_itself_and_with_the_running_case():
    """Targets above today's portfolio, the organisation counting the portfolio, A's margin one number."""
    from kamlab.plan.example import EXAMPLE_GOALS

    case = kamlab.load_case("wang")
    work = example_work()
    plan = build_plan(work)
    portfolio = sum(f["销售额"] for f in case.accounts.values())  # 1200 + 800 + 450 + 300 + 650 + 150
    assert portfolio == 3550
    goals = next(p for p in plan.section("开发与目标").pieces if p.chapter == "ye-05")
    targets = list(dict(goals.tables)["三种方法的目标"]["目标"])
    assert targets == [3750, 4080, pytest.approx(3976)]  # 12,500 × 30 %; 6 × 680; 3,550 × 1.12
    assert min(targets) > portfolio and EXAMPLE_GOALS["base_sales"] == portfolio
    assert work.state("wang-01", "organisation")["n_accounts"] == len(case.accounts) == 6
    a = case.account("A 挖掘机厂")
    assert float(work.state("wang-03", "lifetime_value")["margin"]) == a["毛利"] == 300
    assert work.state("ding-01", "retention")["margin"] == 300
    assert {k: work.state("wang-03", "stage")[k] for k in kamlab.STAGE_INDICATORS} == a["关系阶段"]
    page = plan.pages[0]
    clv = next(p for p in page.pieces if p.heading == "客户终生价值")
    # 300 × 0.8 / (1.1 − 0.8) = 800, the same as wang-03
    assert clv.lines[0] == "年均毛利 300 万元、保留率 80%、折现率 10%：客户终生价值 800.00 万元，预期合作 5.0 年。"
    stage = next(p for p in page.pieces if p.heading == "关系阶段")
    assert stage.lines[0] == "当前处于第 2 阶段：基础期；落后的指标：高层关系。"  # as wang-03 says


def test_each_key_account_gets_a_page_with_its_six_elements_stage_clv_and_actions():
    plan = build_plan(example_work())
    a, c = plan.pages
    assert a.account == "A 挖掘机厂" and c.account == "C 农机厂"
    headings = [p.heading for p in a.pieces]
    assert headings[0] == "目标大客户战略六要素"
    six = dict(a.pieces[0].tables)["战略六要素"].set_index("要素")["内容"]
    assert six["1. 绩效目标"].startswith("2027 年在 A 挖掘机厂的销售额从 1,200 万元增至 1,500 万元")
    assert {"关系阶段", "客户终生价值", "留存率提升的价值"} <= set(headings)
    assert [(x.owner, x.due) for x in a.actions] == [("王经理", "5 月底"), ("李工", "6 月 30 日"),
                                                     ("技术总监", "2027 年 Q3")]
    # C is strategic on the matrix but in the pyramid's bottom tier by gross margin: the page says so
    assert any("两个工具结论不一致" in note for note in c.notes)
    assert [x.text for x in plan.top_actions][:2] == [
        "5 月底前完成 A 挖掘机厂高层拜访（负责人：王经理）",
        "2027 年 3 月前与 C 农机厂重谈电动化改型件的价格与分担（负责人：销售总监）"]


def test_a_tool_that_names_its_account_lands_on_that_accounts_page(company):
    """The six-element sheet and the CLV calculator say which account they are about; the plan follows."""
    ChapterStore("wang-03", company).put("lifetime_value", {"account": "丁", "margin": "50", "retention": 90,
                                                            "discount": 10, "years": "", "timing": "end"})
    AnswerStore("wang-02-account-plan", company).save({"account": "甲", "goals": "2350→2800 万元，首选供应商",
                                                       "actions": "1. 6 月底前拜访甲公司总经理（负责人：张伟）"})
    plan = build_plan(read_saved_work(company)[0])
    pages = {p.account: p for p in plan.pages}
    assert [p.heading for p in pages["丁"].pieces] == ["客户终生价值"]
    assert [p.heading for p in pages["甲"].pieces] == ["目标大客户战略六要素"]
    assert dict(pages["甲"].pieces[0].tables)["战略六要素"]["内容"][0] == "2350→2800 万元，首选供应商"
    assert [x.owner for x in pages["甲"].actions] == ["张伟"]


def test_an_unusable_saved_calculator_is_reported_not_raised(tmp_path):
    ChapterStore("wang-02", tmp_path).put("pipeline", {"opportunities": [{"机会": "x", "客户": "y", "阶段": "乱写",
                                                                          "金额": "10"}], "probabilities": []})
    plan = build_plan(read_saved_work(tmp_path)[0])
    gap = next(m for m in plan.missing if m.chapter == "wang-02")
    assert gap.text.startswith("还差：王渊 第二讲 · 大客户开发管道与加权预测（无法计算：")
    assert "乱写" in gap.text


@pytest.mark.parametrize(("line", "owner", "due"), [
    ("6 月底前拜访甲公司总经理（负责人：张伟）", "张伟", "6 月底"),
    ("2027 年 Q3 前提交联合开发方案（李工负责）", "李工", "2027 年 Q3"),
    ("2027-03-15 完成年度评审 @王芳", "王芳", "2027-03-15"),
    ("建立大客户档案", "", ""),
])
def test_owner_and_date_are_read_where_given(line, owner, due):
    assert parse_action(line) == (owner, due)


def test_section_three_goes_account_by_account(company):
    from kamlab.learner.chapter_work import save_assessed_account

    ChapterStore("wang-03", company).put("lifetime_value", {"margin": "50", "retention": 90, "discount": 10,
                                                            "years": "", "timing": "end"})
    save_assessed_account("丁", company)
    plan = build_plan(read_saved_work(company)[0])
    headings = [(p.heading, p.account) for p in plan.section("重点客户").pieces]
    # the six-element sheet names no account, so like the CLV it is taken as worked for the assessed one
    assert headings == [("重点客户名单", ""), ("重点客户：甲", "甲"), ("重点客户：丁", "丁"),
                        ("目标大客户战略六要素", "丁"), ("客户终生价值", "丁")]
    clv = plan.section("重点客户").pieces[-1]
    # 50 × 0.9 / (1 + 0.1 − 0.9) = 45 / 0.2 = 225 (margin at year end, infinite horizon)
    assert clv.lines[0] == "年均毛利 50 万元、保留率 90%、折现率 10%：客户终生价值 225.00 万元，预期合作 10.0 年。"


def test_a_long_key_account_list_gets_headings_for_the_first_twenty_only():
    from kamlab.plan.key_accounts import DETAILED_ACCOUNTS, by_account

    keys = [f"客户{i:02d}" for i in range(30)]
    pieces = by_account([], None, keys, assessed="")
    assert DETAILED_ACCOUNTS == 20
    assert [p.heading for p in pieces] == [f"重点客户：客户{i:02d}" for i in range(20)]


def test_a_long_key_account_list_gets_pages_for_the_first_twenty_and_every_assessed_one():
    from kamlab.perf.plan import full_work

    plan = build_plan(full_work(500))
    assert len(plan.key_accounts) > 100
    assessed = {p.account for s in plan.sections for p in s.pieces if s.number == 3 and p.account
                and not p.heading.startswith("重点客户：")} & set(plan.key_accounts)
    assert 20 <= len(plan.pages) <= 20 + len(assessed)
    assert assessed <= {page.account for page in plan.pages}
