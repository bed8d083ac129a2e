"""The book's example work: every plan input filled from the 王渊 running case.

The firm, its six accounts, A's margin, stage levels and the rest come from
:mod:`kamlab.running_case` (``kamlab/data/running_case.json``), so the example plan
states the same facts as the chapters. Everything is fictional.

The example is meant to agree with itself:

* the organisation inputs count the six accounts of the portfolio, whose 3,550 万元 are
  about 44 % of the firm's 8,000 万元;
* next year's targets start from those 3,550 万元 (3,550 × 1.12 = 3,976; the benchmark's
  12,500 × 30 % = 3,750; 6 account managers × 680 = 4,080), so every method asks for growth;
* the 80/20 view and the pyramid rank by 毛利 (ding-01 tiers by profitability, not sales);
* the CLV and the retention case of account A both use A's 300 万元 gross margin.
"""

from __future__ import annotations

from dataclasses import replace

from ..profile import EXAMPLE
from ..running_case import load_case, wang_accounts
from .result import SavedWork

#: the account the example's single-account tools and six-element sheet are worked for
EXAMPLE_ACCOUNT = "A 挖掘机厂"

#: next year's targets by the three methods (ye-05), for the example's six accounts
EXAMPLE_GOALS = {"benchmark_sales": 12500, "target_ratio": 30, "resource_units": 6,
                 "output_per_unit": 680, "base_sales": 3550, "growth": 12}

#: the six elements of A's account plan (王渊 第二讲), as a manager would fill them
EXAMPLE_ACCOUNT_PLAN = {
    "account": EXAMPLE_ACCOUNT,
    "goals": "2027 年在 A 挖掘机厂的销售额从 1,200 万元增至 1,500 万元，份额从 7% 提高到约 8%；"
             "成为小型机多路阀的首选供应商",
    "focus": "小型机多路阀替代对手乙；参与客户新机型的早期设计",
    "statement": "在 A 挖掘机厂最看重的交付准时上，我们比两家对手都好；可靠性用数据证明已接近国际品牌",
    "contacts": "采购经理（决策参与）、研发部液压工程师（技术把关）、生产副总（使用）",
    "rivals": "对手乙（小型机多路阀）；对手甲（中型机、大型机）",
    "value_prop": "见四象限价值主张：停机时间每年减少 15 小时",
    "actions": "1. 5 月底前完成 A 挖掘机厂高层拜访（负责人：王经理）\n"
               "2. 6 月 30 日前向 A 挖掘机厂提交小型机多路阀替代方案与交付记录（负责人：李工）\n"
               "3. 2027 年 Q3 前参加 A 挖掘机厂新机型的联合设计评审（负责人：技术总监）",
    "resources": "技术部 2 人 × 3 个月做替代验证；样阀 10 套；总经理参加高层拜访（均已同意）",
    "budget": "开发与样品费用 35 万元",
    "forecast": "",  # filled from the pipeline's sample opportunities, see example_work()
}


def example_work() -> SavedWork:
    """Every plan input filled from the running case (what each calculator starts with)."""
    import kamlab

    from ..pipeline import DEFAULT_PROBABILITIES

    case = load_case("wang")
    a = case.account(EXAMPLE_ACCOUNT)
    accounts = wang_accounts(margin=True).astype(str).to_dict("records")
    criteria = [{"标准": k, "权重": str(v)} for k, v in kamlab.DEFAULT_ATTRACTIVENESS.items()]
    opportunities = kamlab.load_sample("wang_pipeline").astype(str).to_dict("records")
    portfolio_sales = sum(f["销售额"] for f in case.accounts.values())
    ka_share = round(100 * portfolio_sales / case.company["公司销售额"])
    calculators = {
        "wang-01": {
            "selection": {"criteria": criteria, "accounts": accounts, "view": "选择矩阵（吸引力 × 相对实力）",
                          "y_cut": 5.0, "x_cut": 1.0},
            "organisation": {"n_accounts": len(case.accounts), "ka_share": ka_share, "spread": 4,
                             "central_purchasing": 3, "coordination": 4, "customisation": 3, "resources": 2},
            "proposition": {"account": EXAMPLE_ACCOUNT,
                            "q1": [{"指标": "停机时间", "现状": "40", "目标": "25", "单位": "小时/年", "年价值": "300000"}],
                            "q2": "项目经理驻厂，问题 24 小时内响应", "q3": "交付准时率不低于 98%",
                            "q4": [{"指标": "停机时间", "频率": "每季度", "负责人": "客户经理"}]},
        },
        "ding-01": {"pareto": {"value": "毛利", "top": 20.0},
                    "pyramid": {"by": "毛利", "b0": 20.0, "b1": 30.0, "b2": 30.0, "b3": 20.0},
                    "retention": {"account": EXAMPLE_ACCOUNT, "retention": float(a["保留率"]), "cut": 5.0,
                                  "margin": float(a["毛利"]), "growth": 0.0, "discount": 10.0, "years": 20,
                                  "acquisition": 0.0}},
        "wang-02": {"pipeline": {"opportunities": opportunities,
                                 "probabilities": [{"阶段": k, "概率（%）": str(v)} for k, v in DEFAULT_PROBABILITIES.items()]}},
        "wang-03": {"lifetime_value": {"account": EXAMPLE_ACCOUNT, "margin": str(a["毛利"]),
                                       "retention": float(a["保留率"]), "discount": 10.0, "years": "", "timing": "end"},
                    "stage": {"account": EXAMPLE_ACCOUNT, **a["关系阶段"]},
                    "kraljic": {"account": EXAMPLE_ACCOUNT,
                                "items": kamlab.load_sample("wang_purchases").astype(str).to_dict("records"),
                                "y_cut": 5.0, "x_cut": 5.0}},
        "ye-05": {"goals": dict(EXAMPLE_GOALS)},
    }
    mine = [r for r in opportunities if r["客户"] == EXAMPLE_ACCOUNT]
    forecast = "；".join(f"{r['机会']} {float(r['金额']):g} 万元（{r['阶段']}，按 {DEFAULT_PROBABILITIES[r['阶段']]}% "
                        f"加权 {float(r['金额']) * DEFAULT_PROBABILITIES[r['阶段']] / 100:g} 万元）" for r in mine)
    worksheets = {
        "wang-02-account-plan": {**EXAMPLE_ACCOUNT_PLAN, "forecast": f"管道中的机会：{forecast}"},
        "wang-00-current-state": {"top_three": "6 月 30 日前建立六个大客户的档案（负责人：销售总监）"},
        "ye-04-partners": {"air": "总部大客户部负责高层关系与框架协议", "ground": "经销商负责日常交付与回款"},
        "ding-04-strategy-canvas": {"review": "2027 年 3 月前与 C 农机厂重谈电动化改型件的价格与分担（负责人：销售总监）"},
    }
    profile = replace(EXAMPLE, company=case.company["公司名称"], industry=case.company["行业"])
    return SavedWork(calculators, worksheets, {}, profile, (), example=True, assessed_account=EXAMPLE_ACCOUNT)
