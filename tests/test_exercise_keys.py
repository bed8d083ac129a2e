"""Calculator-chapter exercises: every numeric and choice key is what the chapter's
live widget shows when a learner enters the scenario.

Each case below fills the exercise's widget the way the learner is told to (the
scenario's numbers typed into the same calculator, bound to a throw-away answer
folder) and returns the answers the widget then shows. The test compares them with
``exercises/src/<id>.key.json``, so a key can drift neither from the scenario nor
from the model. The hand arithmetic is in each key's ``model_answer`` and in the
comments here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kamlab.widgets import exercise_answers

ROOT = Path(__file__).resolve().parents[1]
CASES = {}


def case(exercise_id):
    def register(fn):
        CASES[exercise_id] = fn
        return fn
    return register


def rows(frame: pd.DataFrame) -> list[dict[str, str]]:
    return frame.astype(str).to_dict("records")


@case("ye-01-scorecard")
def _ye01(ex):
    from kamlab.scorecard import INPUT_COLUMNS
    from kamlab.widgets import scorecard_widget

    blank = pd.DataFrame([{c: "" for c in INPUT_COLUMNS} | {"季度": q} for q in ("2025Q1", "2025Q2")])
    w = ex.bind("scorecard", scorecard_widget(blank))
    w.weights.value = [{"维度": d, "权重": str(v)} for d, v in
                       zip(["纵向时间对比", "横向标杆对比", "垂直经销商评价", "平行大客户反馈"], [20, 20, 20, 40], strict=True)]
    w.share.value = 60
    w.scores.value = [["2025Q1", 6, 5, 4, 6, 5, 7, 6, 4], ["2025Q2", 7, 6, 5, 6, 6, 7, 5, 3]]
    t = w.result.table
    # Q1 0.2×(5.6 + 4.8 + 5.8) + 0.4×5.2 = 5.32; Q2 0.2×(6.6 + 5.4 + 6.4) + 0.4×4.2 = 5.36.
    return {"q1_overall": t["综合得分"][0], "q2_overall": t["综合得分"][1], "change": t["环比变化"][1],
            "weakest": "、".join(w.result.weakest)}  # one weakest dimension here (no tie)


@case("ye-02-screen")
def _ye02(ex):
    from kamlab.widgets import projection_widget, screen_widget

    candidates = pd.DataFrame({"客户": ["华北钢铁", "江南精密", "西部化工", "沿海造船", "中原纺机"],
                               "首单金额": [260, 40, 90, 120, 30], "首年增长率": [5, 30, 10, 10, 15],
                               "增速每年加快": [0, 10, 0, 5, 5], "行业影响力": [6, 5, 9, 4, 7]})
    screen = ex.bind("screen", screen_widget(candidates))
    screen.line.value, screen.horizon.value, screen.cut.value = 150, 5, 8
    verdict = dict(zip(screen.result.table["客户"], screen.result.table["判定"], strict=True))
    proj = ex.bind("projection", projection_widget(first=0, growth=0, acceleration=0, steady=0, years=2))
    proj.first.value, proj.growth.value, proj.accel.value, proj.steady.value, proj.years.value = 40, 30, 10, 150, 8
    r = proj.result
    # 40 → 52 → 72.8 → 109.2 → 174.72 (year 5 > 150); cumulative 1,280.39 ≥ 1,050 only in year 7.
    return {"count": len(screen.result.key_accounts), "jiangnan": verdict["江南精密"], "zhongyuan": verdict["中原纺机"],
            "year5": r.table["加速型客户"][4], "yearly_cross": r.yearly_cross, "cumulative_cross": r.cumulative_cross}


@case("ye-03-benchmark")
def _ye03(ex):
    from kamlab.widgets import benchmark_widget

    factors = ["产品技术", "质量稳定性", "交付速度", "服务响应", "价格竞争力", "品牌影响力"]
    w = ex.bind("benchmark", benchmark_widget(pd.DataFrame({"要素": factors, "我方": "", "行业龙头": ""})))
    w.table.value = rows(pd.DataFrame({"要素": factors, "我方": [7, 6, 8, 7, 6, 4], "行业龙头": [8.5, 9, 7, 7, 8, 9]}))
    w.gap.value = 1.5
    # Gaps −1.5, −3, +1, 0, −2, −5: four at or below −1.5; averages 38/6 and 48.5/6.
    ours, leader = w.result.averages
    return {"n_short": len(w.result.short_boards), "biggest": w.result.short_boards[0], "ours_avg": ours,
            "leader_avg": leader}


@case("ye-04-synergy")
def _ye04(ex):
    from kamlab.synergy import SYNERGIES
    from kamlab.widgets import synergy_widget

    w = ex.bind("synergy", synergy_widget({s: 0 for s in SYNERGIES}))
    ratings = [[6, 7, 5, 6, 6], [8, 8, 7, 9, 8], [7, 6, 7, 8, 7], [3, 2, 4, 3, 3], [5, 5, 6, 4, 5]]
    for s, r in zip(SYNERGIES, ratings, strict=True):
        w.sliders[s].value = sum(r) / 5  # 6, 8, 7, 3, 5
    # (6 + 8 + 7 + 3 + 5) × 0.2 = 5.8 → 部分协同.
    return {"total": w.result.total, "band": w.result.band, "weakest": w.result.weakest}


@case("ye-05-goals")
def _ye05(ex):
    from kamlab.widgets import goals_widget

    w = ex.bind("goals", goals_widget(benchmark_sales=0, target_ratio=0, resource_units=0, output_per_unit=0,
                                      base_sales=0, growth=0))
    for box, value in zip(w.inputs, [12000, 25, 8, 320, 2400, 15], strict=True):
        box.value = value
    # 12,000 × 25% = 3,000; 8 × 320 = 2,560; 2,400 × 1.15 = 2,760; spread 440.
    targets = dict(zip(w.result.table["方法"], w.result.table["目标"], strict=True))
    return {"benchmark": targets["标杆企业对比法"], "resource": targets["资源投入产出法"],
            "base": targets["基础销量比例法"], "spread": w.result.spread}


@case("ye-06-ladder")
def _ye06(ex):
    from kamlab.trust_ladder import ITEMS
    from kamlab.widgets import ladder_widget

    w = ex.bind("ladder", ladder_widget({i: 0 for i in ITEMS}))
    for item, score in zip(ITEMS, [8, 7, 7, 5, 6, 7, 5, 7, 6], strict=True):
        w.sliders[item].value = score
    w.threshold.value = 6.5
    means = dict(zip(w.result.steps["阶梯"], w.result.steps["平均分"], strict=True))
    # 27/4 = 6.75 reached; 18/3 = 6.0 < 6.5 not reached → level 1; lowest item of that step 便捷功能 (5).
    levels = ["0 级：信任阶梯未站稳", "1 级：信任阶梯", "2 级：差异化形象", "3 级：社会品牌"]
    return {"trust": means["信任阶梯"], "image": means["差异化形象"], "level": levels[w.result.level],
            "focus": w.result.next_focus}


@case("wang-02-pipeline")
def _wang02(ex):
    from kamlab.widgets import pipeline_widget

    names = ["华泰-年度框架", "华泰-新机型配套", "金桥-售后备件", "金桥-出口机型", "顺达-电动化改型", "顺达-年度框架"]
    clients = ["华泰机械", "华泰机械", "金桥重工", "金桥重工", "顺达农机", "顺达农机"]
    stages = ["商务公关", "方案打磨", "品牌推荐", "关键人私约", "信息收集", "意向达成"]
    amounts = [180, 260, 120, 150, 300, 90]
    w = ex.bind("pipeline", pipeline_widget(pd.DataFrame({"机会": names, "客户": clients, "阶段": "", "金额": amounts})))
    w.opportunities.value = rows(pd.DataFrame({"机会": names, "客户": clients, "阶段": stages, "金额": amounts}))
    w.probabilities.value = [{**r, "概率（%）": "25"} if r["阶段"] == "品牌推荐" else r for r in w.probabilities.value]
    r = w.result
    # 135 + 52 + 30 + 90 + 15 + 81 = 403 of 1,100; 450 − 403 = 47.
    weighted = dict(zip(r.table["机会"], r.table["加权金额"], strict=True))
    return {"total": r.total, "weighted": r.weighted_total, "gap": 450 - r.weighted_total,
            "largest": max(weighted, key=weighted.get)}



@case("wang-01-quantify")
def _wang01_quantify(ex):
    from kamlab.widgets import selection_widget, strength_widget

    strength = ex.bind("strength", strength_widget())
    strength.table.value = [{"标准": c, "权重": str(w), "我方": str(o), "最强对手": str(r)} for c, w, o, r in
                            zip(["产品与技术", "交付可靠性", "服务支持", "价格", "品牌声誉"], [30, 25, 20, 15, 10],
                                [8, 7, 6, 5, 7], [7, 8, 7, 6, 8], strict=True)]
    s = strength.result  # 6.8 / 7.2 ≈ 0.944
    blank = pd.DataFrame([{"客户": "华东重工", "销售额": 1200, "未来销售收入和利润": "", "财务安全": "",
                           "相互关系": "", "影响力": "", "相对实力": "", "易损性": ""}])
    w = ex.bind("selection", selection_widget(blank))
    # Vulnerability by hand from the scenario's factor table: 7×.3 + 6×.3 + 4×.2 + 3×.2 = 5.3.
    w.accounts.value = [{"客户": "华东重工", "销售额": "1200", "未来销售收入和利润": "8", "财务安全": "5",
                         "相互关系": "7", "影响力": "9", "相对实力": f"{s.relative:.2f}", "易损性": "5.3"}]
    first = w.result.table.iloc[0]  # 7.4 ≥ 5, 0.94 < 1 → 明星客户
    w.view.index = 1
    second = w.result.table.iloc[0]  # 7.4 ≥ 5, 5.3 ≥ 5 → 重点防守
    return {"attractiveness": first["吸引力"], "ours": s.ours, "rival": s.competitor, "relative": s.relative,
            "quadrant": first["象限"], "vulnerability": second["易损性"], "quadrant2": second["象限"]}


@case("wang-03-clv")
def _wang03(ex):
    from kamlab.widgets import lifetime_value_widget

    w = ex.bind("clv", lifetime_value_widget(0, 0, 0))
    w.margin.value, w.retention.value, w.discount.value = "150", 85, 8
    clv, lifetime = w.result.value, w.result.expected_lifetime  # 127.5 / 0.23 ≈ 554.35; 1 / 0.15 ≈ 6.67
    w.years.value = "5"
    five = w.result.value  # 118.06 + 92.91 + 73.13 + 57.55 + 45.30 ≈ 386.95
    w.years.value, w.retention.value = "", 90
    clv90 = w.result.value  # 135 / 0.18 = 750
    return {"clv": clv, "lifetime": lifetime, "five_years": five, "clv90": clv90, "uplift": clv90 - clv}


@case("wang-03-kraljic")
def _wang03_kraljic(ex):
    from kamlab.widgets import kraljic_widget

    names = ["齿轮箱", "叶片", "塔筒", "主轴轴承", "变流器功率模块", "通用轴承与标准件"]
    w = ex.bind("kraljic", kraljic_widget(pd.DataFrame({"品类": names, "利润影响": "", "供应风险": "", "采购额": ""})))
    w.items.value = rows(pd.DataFrame({"品类": names, "利润影响": [9, 9, 7, 8, 4, 3], "供应风险": [7, 4, 3, 6, 8, 2],
                                       "采购额": [30000, 25000, 18000, 9000, 3000, 800]}))
    t = w.result.table.set_index("品类")
    strategic = w.result.counts().loc["战略型", "采购额"]  # 齿轮箱 30,000 + 主轴轴承 9,000
    main, standard = t.loc["主轴轴承", "象限"], t.loc["通用轴承与标准件", "象限"]  # (8, 6) 战略型; (3, 2) 一般型
    w.items.value = [{**r, "供应风险": "4"} if r["品类"] == "主轴轴承" else r for r in w.items.value]
    after = w.result.table.set_index("品类").loc["主轴轴承", "象限"]  # (8, 4) → 杠杆型
    return {"main_bearing": main, "standard_parts": standard, "strategic_amount": strategic,
            "after_second_source": after}


@case("wang-03-partnership")
def _wang03_partnership(ex):
    from kamlab.partnership import DRIVERS, FACILITATORS
    from kamlab.widgets import partnership_widget

    w = ex.bind("partnership", partnership_widget((1, 1, 1, 1), (1, 1, 1, 1), (1, 1, 1, 1)))
    w.drivers.value = [{"驱动因素": d, "我方": str(o), "客户方": str(t)}
                       for d, o, t in zip(DRIVERS, [4, 3, 4, 5], [3, 3, 2, 3], strict=True)]
    w.facilitators.value = [{"促进因素": f, "共同评分": str(v)} for f, v in zip(FACILITATORS, [4, 4, 3, 3], strict=True)]
    r = w.result
    # Ours 4.0, theirs 2.75 → 2.75 (中); facilitators 3.5, on the edge → 高; (中, 高) → II 型.
    limiting = "客户方（北方风电）" if r.theirs < r.ours else "我方（博远）"
    return {"driver_score": r.driver_score, "facilitator_score": r.facilitator_score, "type": r.partnership_type,
            "limiting": limiting}


@case("wang-04-readiness")
def _wang04(ex):
    from kamlab.global_readiness import DRIVERS, EXTERNAL
    from kamlab.widgets import readiness_widget

    w = ex.bind("readiness", readiness_widget({d: "" for d in DRIVERS}))
    scores = dict(zip(DRIVERS, [9, 7, 8, 8, 7, 3, 4, 5], strict=True))
    w.table.value = [{**r, "权重": "15" if r["驱动因素"] in EXTERNAL else "10", "评分": str(scores[r["驱动因素"]])}
                     for r in w.table.value]
    r = w.result
    # 0.15 × 32 + 0.10 × 19 = 4.8 + 1.9 = 6.7 → 先试点; internal 19/4 = 4.75 < 5 → 内部驱动.
    return {"score": r.score, "internal": r.internal, "verdict": r.verdict, "constraint": r.constraint}


@case("ding-01-pareto")
def _ding01(ex):
    from kamlab.widgets import pareto_widget

    customers = pd.DataFrame({
        "客户": ["华信电子", "东岳化工", "通达物流", "明光玻璃", "新港船舶", "万丰纺织", "金鼎食品", "瑞达医药", "长江建材", "北辰机械"],
        "销售额": [900, 400, 650, 300, 500, 200, 150, 250, 100, 550],
        "利润": [120, 85, 60, 30, 18, 12, 8, 5, 2, -20]})
    w = ex.bind("pareto", pareto_widget(customers))
    w.top.value = 19  # a change, so the answer file is written; then back to the task's 20 %
    w.top.value = 20
    profit = w.result  # 205/320 = 64.06 %; three of ten reach 82.81 %; peak 340/320 = 106.25 %
    w.value.value = "销售额"
    sales = w.result  # (900 + 650) / 4,000 = 38.75 %
    loser = profit.table.loc[profit.table["利润"] < 0, "客户"].item()
    return {"top20_profit": profit.share_of_top(20), "for80": profit.percent_of_customers_for_share(80), "peak": profit.peak,
            "top20_sales": sales.share_of_top(20), "loss_maker": loser}


@case("ding-02-industry")
def _ding02(ex):
    from kamlab.widgets import industry_widget

    names = ["电力", "新能源汽车", "冶金", "水务"]
    scores = pd.DataFrame({"行业": names, "市场容量": [8, 9, 7, 5], "增长速度": [6, 9, 6, 6], "客户认知": [7, 6, 6, 7],
                           "竞争程度": [5, 4, 6, 7], "实施难易": [6, 5, 5, 8], "资金与信用": [8, 6, 5, 7],
                           "政府支持": [9, 8, 4, 8]})
    w = ex.bind("industry", industry_widget(pd.DataFrame({"行业": names})))
    w.scores.value = rows(scores)
    w.focus.value, w.potential.value = "7", "6"
    t = w.result.table.set_index("行业")
    # 电力 6.95; 新能源汽车 7.00 (on the line → 重点); 冶金 5.75 < 6 → 观察; 电力 and 水务 潜力.
    return {"power": t.loc["电力", "得分"], "ev": t.loc["新能源汽车", "优先级"], "metallurgy": t.loc["冶金", "优先级"],
            "n_potential": int((t["优先级"] == "潜力行业").sum())}


@case("ding-03-value")
def _ding03(ex):
    from kamlab.widgets import value_index_widget

    offers = pd.DataFrame({"方案": ["我方", "对手甲", "对手乙"], "价格": [130, 110, 95],
                           "品牌": [8, 8, 5], "技术": [9, 7, 6], "服务": [9, 6, 5], "行业标准": [8, 7, 6],
                           "反应速度": [9, 6, 7], "成功案例": [8, 7, 4], "公司规模": [7, 8, 5]})
    w = ex.bind("value", value_index_widget(pd.DataFrame({"方案": ["我方", "对手甲", "对手乙"]})))
    w.offers.value = rows(offers)
    t = w.result.table.set_index("方案")
    # 8.45 / 130 × 100 = 6.50; parity 110 × 8.45 / 6.90 ≈ 134.71.
    return {"ours": t.loc["我方", "价值分"], "ratio": t.loc["我方", "性价比"], "best": w.result.best(),
            "parity": w.result.parity_price("我方", "对手甲")}


def test_worksheet_exercise_scores_the_filled_parts(tmp_path):
    """ding-04-canvas: the canvas is bound like a calculator; its rubric counts the six required parts."""
    from kamlab.grading.keys import load_key
    from kamlab.grading.rubric import score
    from kamlab.widgets import worksheet_widget

    ex = exercise_answers("ding-04-canvas", tmp_path)
    canvas = ex.bind("canvas", worksheet_widget("ding-04-strategy-canvas", autosave=False))
    canvas.boxes["who"].value = "海川石化，战略客户，金字塔顶层的 VIP 客户"
    canvas.boxes["needs"].value = "明确：7×24 小时现场服务；潜在：全厂仪表三年内智能化替换"
    canvas.boxes["rivals"].value = "短"  # shorter than 10 characters: does not count
    saved = json.loads((tmp_path / "ding-04-canvas.json").read_text(encoding="utf-8"))
    assert saved["answers"]["widgets"]["canvas"]["who"].startswith("海川石化")
    assert not (tmp_path / "ding-04-strategy-canvas.json").exists()  # only the exercise's file is written
    _, questions = load_key("ding-04-canvas")
    mark = score(questions["canvas"], ex.collect()["canvas"])
    assert mark.score == 2.0 and mark.max_score == 6  # 2 of 6 parts filled → 6 × 2/6
    assert "在这个客户那里的主要对手" in mark.detail and "转换壁垒" in mark.detail
    # "Kernel restart": the canvas comes back from the exercise's answer file.
    again = exercise_answers("ding-04-canvas", tmp_path)
    restored = again.bind("canvas", worksheet_widget("ding-04-strategy-canvas", autosave=False))
    assert restored.boxes["rivals"].value == "短"
    assert score(questions["canvas"], None).score == 0  # nothing submitted, nothing earned

# --- the tests (below every case, so the parametrisation sees them all) ---

def _key(exercise_id):
    return json.loads((ROOT / f"exercises/src/{exercise_id}.key.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_key_matches_what_the_widget_shows(exercise_id, tmp_path):
    ex = exercise_answers(exercise_id, tmp_path)
    shown = CASES[exercise_id](ex)
    questions = {q["id"]: q for q in _key(exercise_id)["questions"]}
    assert shown, "the case checks nothing"
    for qid, value in shown.items():
        q = questions[qid]
        want = q["key"]["expected"]
        if q["type"] == "number":
            tol = max(q["key"].get("tolerance", 0), abs(want) * q["key"].get("relative", 0))
            assert abs(float(value) - want) <= tol + 1e-9, (qid, value, want)
        else:
            assert value in (want if isinstance(want, list) else [want]), (qid, value, want)
    # The learner's widget inputs were saved to the answer file as they were typed.
    saved = json.loads((tmp_path / f"{exercise_id}.json").read_text(encoding="utf-8"))
    assert saved["answers"]["widgets"]


def test_every_calculator_chapter_has_an_exercise():
    from kamlab.grading.keys import exercise_ids

    chapters = {_key(i)["chapter"] for i in exercise_ids()}
    assert {"ye-01", "ye-02", "ye-03", "ye-04", "ye-05", "ye-06", "wang-02", "wang-03", "wang-04",
            "ding-01", "ding-02", "ding-03", "ding-04"} <= chapters
