"""The book's chapters as the plan sees them: titles, the calculators and worksheets each saves,
which worksheet fields hold actions and roles."""

from __future__ import annotations

CHAPTERS: dict[str, tuple[str, str, str]] = {
    "ye-01": ("叶敦明", "第一讲", "企业营销战略诊断"),
    "ye-02": ("叶敦明", "第二讲", "深入把握大客户营销"),
    "ye-03": ("叶敦明", "第三讲", "大客户营销战略的诊断"),
    "ye-04": ("叶敦明", "第四讲", "大客户营销组织的三种类型"),
    "ye-05": ("叶敦明", "第五讲", "大客户营销组织的目标制定方式"),
    "ye-06": ("叶敦明", "第六讲", "品牌塑造与传播"),
    "wang-00": ("王渊", "前言", "大客户开发管理势在必行"),
    "wang-01": ("王渊", "第一讲", "大客户开发管理的前期准备"),
    "wang-02": ("王渊", "第二讲", "大客户的中期开发"),
    "wang-03": ("王渊", "第三讲", "大客户管理的后期维护"),
    "wang-04": ("王渊", "第四讲", "全球大客户管理"),
    "ding-01": ("丁兴良", "第一讲", "大客户是提升营销战略性的支柱"),
    "ding-02": ("丁兴良", "第二讲", "大客户战略营销：六步分析法"),
    "ding-03": ("丁兴良", "第三讲", "大客户开发：四度理论与九字诀"),
    "ding-04": ("丁兴良", "第四讲", "大客户管理与服务"),
}

#: chapter -> calculators saved in its answer file (store key -> tool name)
CALCULATORS: dict[str, dict[str, str]] = {
    "ye-01": {"scorecard": "四维评估计分卡"},
    "ye-02": {"projection": "采购量预测", "screen": "大客户筛选"},
    "ye-03": {"benchmark": "标杆对比", "diagnosis": "大客户内部诊断"},
    "ye-04": {"organisation": "组织结构选择模型", "synergy": "内部协同评估"},
    "ye-05": {"goals": "三种目标制定方法"},
    "ye-06": {"ladder": "价值三阶梯"},
    "wang-00": {},
    "wang-01": {"organisation": "组织结构选择模型", "strength": "相对业务实力",
                "selection": "大客户吸引力计算表与选择矩阵", "proposition": "四象限价值主张"},
    "wang-02": {"benefit_ranking": "利益排序", "pipeline": "大客户开发管道与加权预测"},
    "wang-03": {"lifetime_value": "客户终生价值", "stage": "关系阶段诊断",
                "kraljic": "卡拉杰克矩阵", "partnership": "伙伴关系评估"},
    "wang-04": {"readiness": "全球大客户管理准备度"},
    "ding-01": {"pareto": "80/20 分析", "pyramid": "客户金字塔", "value_scorecard": "客户价值计分卡",
                "retention": "留存率提升的价值"},
    "ding-02": {"industry": "行业优先级", "competition": "竞争对手对比"},
    "ding-03": {"value_index": "客户价值指数"},
    "ding-04": {},
}

#: chapter -> worksheets (saved in their own answer files)
WORKSHEETS: dict[str, tuple[str, ...]] = {
    "ye-03": ("ye-03-pest", "ye-03-five-forces"),
    "ye-04": ("ye-04-partners",),
    "wang-00": ("wang-00-current-state",),
    "wang-02": ("wang-02-account-plan",),
    "ding-03": ("ding-03-key-person",),
    "ding-04": ("ding-04-strategy-canvas",),
}

#: worksheet -> field keys that hold actions (one action per line)
ACTION_FIELDS: dict[str, tuple[str, ...]] = {
    "wang-00-current-state": ("in_action", "grow_action", "keep_action", "top_three"),
    "wang-02-account-plan": ("actions",),
    "ye-03-pest": ("actions",),
    "ding-03-key-person": ("s1_do", "s2_do", "s3_do", "gaps"),
    "ding-04-strategy-canvas": ("service", "review"),
}

#: worksheet -> field keys that describe roles and team (section 2)
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "ye-04-partners": ("air", "ground", "share", "upstream"),
    "ding-04-strategy-canvas": ("owner",),
}

SECTION_TITLES = ("公司与大客户组合", "组织与人", "重点客户", "开发与目标", "行动清单")

#: the selection matrix quadrant whose accounts are key when the learner marked none
KEY_QUADRANT = "HH"


def chapter_label(slug: str) -> str:
    """``王渊 第二讲 大客户的中期开发``."""
    course, lecture, title = CHAPTERS.get(slug, ("", slug, ""))
    return " ".join(p for p in (course, lecture, title) if p)
