"""The book's example work: every plan input filled from the sample data."""

from __future__ import annotations

from ..profile import EXAMPLE
from .result import SavedWork


def example_work() -> SavedWork:
    """Every plan input filled from the book's sample data (what each calculator starts with)."""
    import kamlab

    from ..relationship_stage import INDICATORS

    accounts = kamlab.load_sample("wang01_accounts").astype(str).to_dict("records")
    criteria = [{"标准": k, "权重": str(v)} for k, v in kamlab.DEFAULT_ATTRACTIVENESS.items()]
    opportunities = kamlab.load_sample("wang_pipeline").astype(str).to_dict("records")
    from ..pipeline import DEFAULT_PROBABILITIES

    calculators = {
        "wang-01": {
            "selection": {"criteria": criteria, "accounts": accounts, "view": "选择矩阵（吸引力 × 相对实力）",
                          "y_cut": 5.0, "x_cut": 1.0},
            "organisation": {"n_accounts": 12, "ka_share": 35, "spread": 4, "central_purchasing": 3,
                             "coordination": 4, "customisation": 3, "resources": 2},
            "proposition": {"account": "A 挖掘机厂",
                            "q1": [{"指标": "停机时间", "现状": "40", "目标": "25", "单位": "小时/年", "年价值": "300000"}],
                            "q2": "项目经理驻厂，问题 24 小时内响应", "q3": "交付准时率不低于 98%",
                            "q4": [{"指标": "停机时间", "频率": "每季度", "负责人": "客户经理"}]},
        },
        "ding-01": {"pareto": {"value": "销售额", "top": 20.0},  # the same six accounts as wang-01
                    "pyramid": {"by": "销售额", "b0": 20.0, "b1": 30.0, "b2": 30.0, "b3": 20.0},
                    "retention": {"retention": 80.0, "cut": 5.0, "margin": 10.0, "growth": 5.0, "discount": 10.0,
                                  "years": 20, "acquisition": 15.0}},
        "wang-02": {"pipeline": {"opportunities": opportunities,
                                 "probabilities": [{"阶段": k, "概率（%）": str(v)} for k, v in DEFAULT_PROBABILITIES.items()]}},
        "wang-03": {"lifetime_value": {"margin": "100", "retention": 80.0, "discount": 10.0, "years": "", "timing": "end"},
                    "stage": dict(zip(INDICATORS, [3, 2, 3, 2, 2, 3], strict=False)),
                    "kraljic": {"items": kamlab.load_sample("wang_purchases").astype(str).to_dict("records"),
                                "y_cut": 5.0, "x_cut": 5.0}},
        "ye-05": {"goals": {"benchmark_sales": 8000, "target_ratio": 30, "resource_units": 6,
                            "output_per_unit": 350, "base_sales": 1800, "growth": 20}},
    }
    worksheets = {
        "wang-02-account-plan": {"actions": "1. 5 月底前完成 A 挖掘机厂高层拜访（负责人：王经理）\n"
                                            "2. 2027 年 Q3 前为 B 起重机厂提交联合开发方案（李工负责）"},
        "wang-00-current-state": {"top_three": "建立大客户档案，6 月 30 日前完成"},
        "ye-04-partners": {"air": "总部大客户部负责高层关系与框架协议", "ground": "经销商负责日常交付与回款"},
    }
    return SavedWork(calculators, worksheets, {}, EXAMPLE, (), example=True, assessed_account="A 挖掘机厂")
