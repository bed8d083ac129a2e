"""大客户组织结构选择模型 (王渊 第一讲 二; 叶敦明 第四讲).

Ranks the three structures of seed 001 — 区域负责 (regional ownership), 大客户矩阵
(KA matrix) and 独立大客户团队 (dedicated KA team) — from facts about the firm and
its key-account portfolio. The structure answers one question only: who owns a key
account and whom they report to.

叶敦明's three team forms (临时小组 / 常设小组 / 大客户部) answer a second, separate
question — how long the account team lives (for one project, standing, or a
department of its own) — and any form can sit inside any structure (issue 11 §2.7).
They are kept here as their own description, :data:`TEAM_FORMS`, with no mapping
to the structures and no part in the ranking.

There is no published scoring formula for this choice (Woodburn 2009 and Homburg,
Workman & Jensen 2002 describe the configurations, not a rule). The rule table
below is **the book's own**: every fact is put in a low / middle / high band, and
each band gives each structure 0–2 points with the reason written beside it. The
structure with most points ranks first; on a tie the simpler, cheaper structure
ranks first and the result says it was a tie.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from . import _checks

REGIONAL, MATRIX, DEDICATED = "区域负责", "大客户矩阵", "独立大客户团队"
STRUCTURES = (REGIONAL, MATRIX, DEDICATED)  # simplest first: the tie-break order

#: 叶敦明's team forms as (name, description): how long the team lives, not whom it
#: reports to. A separate dimension from :data:`STRUCTURES`; no structure implies a form.
TEAM_FORMS: tuple[tuple[str, str], ...] = (
    ("临时小组", "高层抽调人马、组团出击，项目结束即解散"),
    ("常设小组", "销售干将牵头搭班子，跨区域打歼灭战"),
    ("大客户部", "营销经理专项负责，长期打阵地战"),
)


@dataclass(frozen=True)
class Factor:
    """One input fact: its label, scale and band edges (low ≤ a, high ≥ b)."""

    key: str
    label: str
    scale: str
    low: float
    high: float
    low_max: float
    high_min: float


FACTORS = (
    Factor("n_accounts", "大客户数量", "个（1–500）", 1, 500, 10, 36),
    Factor("ka_share", "大客户收入占比", "%（0–100）", 0, 100, 19.999, 50.001),
    Factor("spread", "客户网点地域分布", "1 集中在一个区域 … 5 遍布全国或海外", 1, 5, 2, 4),
    Factor("central_purchasing", "客户采购集中度", "1 各工厂自行采购 … 5 总部集中采购", 1, 5, 2, 4),
    Factor("coordination", "跨部门协同需求", "1 销售一人即可 … 5 研发、生产、物流都要参与", 1, 5, 2, 4),
    Factor("customisation", "定制化程度", "1 标准品 … 5 每单都需定制方案", 1, 5, 2, 4),
    Factor("resources", "可投入的资源", "1 只能兼职 … 5 可组建专职团队", 1, 5, 2, 4),
)

#: (factor key, band) -> ((区域负责, 矩阵, 独立团队) points, reason)
RULES: dict[tuple[str, str], tuple[tuple[int, int, int], str]] = {
    ("n_accounts", "低"): ((1, 1, 2), "大客户只有少数几个，可以为每个客户配专人"),
    ("n_accounts", "中"): ((0, 2, 1), "大客户数量适中，适合由大客户经理跨区协调"),
    ("n_accounts", "高"): ((2, 1, 0), "大客户数量多，专职团队覆盖不过来，宜纳入区域体系"),
    ("ka_share", "低"): ((2, 0, 0), "大客户收入占比低，不值得为它改组织"),
    ("ka_share", "中"): ((0, 2, 1), "大客户已是重要收入来源，需要专人统筹"),
    ("ka_share", "高"): ((0, 1, 2), "大客户是收入主体，值得设专门组织"),
    ("spread", "低"): ((2, 0, 1), "客户网点集中在一个区域，区域经理就近即可覆盖"),
    ("spread", "中"): ((1, 1, 1), "客户网点分布在少数几个区域"),
    ("spread", "高"): ((0, 2, 1), "客户网点跨越多个区域，需要一人统一协调各区"),
    ("central_purchasing", "低"): ((2, 0, 0), "各地工厂自行采购，就近服务更重要"),
    ("central_purchasing", "中"): ((0, 2, 0), "采购部分集中，总部与工厂两头都要照顾"),
    ("central_purchasing", "高"): ((0, 1, 2), "客户总部集中采购，需要与之对等的专门团队"),
    ("coordination", "低"): ((2, 0, 0), "跨部门协同需求低，销售自己就能服务好"),
    ("coordination", "中"): ((0, 2, 1), "需要若干部门配合，矩阵式协调即可"),
    ("coordination", "高"): ((0, 1, 2), "研发、生产、物流都要深度参与，需要专门团队牵头"),
    ("customisation", "低"): ((2, 1, 0), "以标准品为主，无需专门的方案团队"),
    ("customisation", "中"): ((0, 2, 1), "部分定制，需要大客户经理整合资源"),
    ("customisation", "高"): ((0, 0, 2), "高度定制，需要长期稳定的专属团队"),
    ("resources", "低"): ((2, 1, 0), "资源有限，独立团队难以为继"),
    ("resources", "中"): ((0, 2, 0), "资源足以支撑少量专职大客户经理"),
    ("resources", "高"): ((0, 1, 2), "资源充足，可以组建专职团队"),
}


@dataclass(frozen=True)
class OrganisationFacts:
    """Facts about the firm and its key accounts (scales in :data:`FACTORS`)."""

    n_accounts: float
    ka_share: float
    spread: float
    central_purchasing: float
    coordination: float
    customisation: float
    resources: float


@dataclass(frozen=True)
class OrganisationResult:
    """The three structures ranked, with the reasons that drove the ranking.

    Attributes:
        facts: the validated inputs.
        ranking: 排名, 结构, 得分 (best first); team forms are a separate question.
        contributions: one row per factor: 因素, 取值, 档位, the points per structure, 理由.
        tied: True when the top two structures have the same score.
    """

    facts: OrganisationFacts
    ranking: pd.DataFrame
    contributions: pd.DataFrame
    tied: bool

    @property
    def best(self) -> str:
        """The first-ranked structure."""
        return str(self.ranking["结构"].iloc[0])

    @property
    def reasons(self) -> list[str]:
        """Reasons that gave the first-ranked structure its full 2 points."""
        return list(self.contributions.loc[self.contributions[self.best] == 2, "理由"])

    def to_frame(self) -> pd.DataFrame:
        """The ranking table."""
        return self.ranking.copy()

    def _repr_html_(self) -> str:
        note = "（前两名并列，按更简单的结构优先）" if self.tied else ""
        items = "".join(f"<li>{r}</li>" for r in self.reasons)
        return self.ranking.to_html(index=False) + f"<p>推荐：{self.best}{note}</p><ul>{items}</ul>"


def band(factor: Factor, value: float) -> str:
    """The band (低/中/高) a value falls in."""
    if value <= factor.low_max:
        return "低"
    if value >= factor.high_min:
        return "高"
    return "中"


def choose_organisation(facts: OrganisationFacts | dict[str, object]) -> OrganisationResult:
    """Rank 区域负责 / 大客户矩阵 / 独立大客户团队 for the given facts.

    Args:
        facts: an :class:`OrganisationFacts` or a dict with the same keys; values
            may be strings typed by a learner and are validated against the
            scales in :data:`FACTORS`.
    """
    raw = facts if isinstance(facts, dict) else {f.name: getattr(facts, f.name) for f in fields(facts)}
    parsed: dict[str, float] = {}
    rows = []
    for factor in FACTORS:
        if factor.key not in raw:
            raise _checks.InputError(factor.label, "未填写", None)
        value = _checks.in_range(raw[factor.key], factor.label, factor.low, factor.high)
        parsed[factor.key] = value
        level = band(factor, value)
        points, reason = RULES[(factor.key, level)]
        rows.append({"因素": factor.label, "取值": value, "档位": level,
                     **dict(zip(STRUCTURES, points, strict=True)), "理由": reason})
    contributions = pd.DataFrame(rows)
    totals = contributions[list(STRUCTURES)].sum()
    order = sorted(STRUCTURES, key=lambda s: (-totals[s], STRUCTURES.index(s)))
    ranking = pd.DataFrame({
        "排名": range(1, 4),
        "结构": order,
        "得分": [int(totals[s]) for s in order],
    })
    tied = bool(totals[order[0]] == totals[order[1]])
    return OrganisationResult(OrganisationFacts(**parsed), ranking, contributions, tied)
