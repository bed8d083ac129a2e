"""Global-KA readiness (启动全球大客户管理计划的诱因, 王渊 第四讲 一).

The course lists four external drivers (on the customer's side) and four
internal drivers (on ours) that trigger a global key-account programme. This
calculator turns them into a weighted 0–10 readiness score with
:mod:`kamlab.weighted`: each driver is scored 0–10 for one account, weights sum
to 100 (equal by default: 12.5 each, the book's choice), score × weight / 100,
summed. The external and internal halves are also shown separately (each
re-weighted to its own total) because a programme needs both: the customer must
want global service and we must be able to deliver it.

The reading of the score (:data:`LEVELS`) is **the book's own rule**: ≥ 7 start
a global programme; 5 – < 7 run a pilot first (as ABB did); < 5 manage the
account country by country for now. When either half is below 5 the weaker half
is named as the constraint.

Worked by hand (equal weights): external 8, 6, 9, 7; internal 8, 4, 5, 6 →
(8+6+9+7+8+4+5+6) × 12.5 / 100 = 53 × 0.125 = 6.625 → 先试点.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .errors import InputError
from .result import TableResult
from .weighted import Criteria, weighted_scores

EXTERNAL = ("当地供应商支持不到位", "借信息系统获取全球商务利益", "客户实行全球采购", "客户全球化运营")
INTERNAL = ("在客户全球化中看到机会", "当地子公司弱导致竞争力下降", "已有全球大客户管理系统", "运营基础设施能力提升")
DRIVERS = EXTERNAL + INTERNAL
DEFAULT_WEIGHTS = {d: 12.5 for d in DRIVERS}

#: (lower bound, verdict): the book's own reading of the score, highest first.
LEVELS = ((7.0, "启动全球大客户计划"), (5.0, "先选一两个客户试点"), (0.0, "暂按国家/区域管理"))


@dataclass(frozen=True)
class ReadinessResult(TableResult):
    """Readiness of one account for global KA management.

    Attributes:
        table: 驱动因素, 类别, 权重, 评分, 加权得分.
        score: the weighted 0–10 readiness; external, internal: each half on 0–10.
        verdict: from :data:`LEVELS`; constraint: the weaker half if below 5, else "".
    """

    table: pd.DataFrame
    score: float
    external: float
    internal: float
    verdict: str
    constraint: str

    def _repr_html_(self) -> str:
        note = f"；短板在{self.constraint}" if self.constraint else ""
        return (self.table.to_html(index=False, float_format=lambda v: f"{v:.3g}")
                + f"<p>准备度 {self.score:.2f}（外部 {self.external:.2f}，内部 {self.internal:.2f}）→ "
                  f"<b>{self.verdict}</b>{note}（判读规则为本书自拟）</p>")


def _half(criteria: Criteria, names: tuple[str, ...], scores: pd.Series) -> float:
    weights = [criteria.as_dict()[n] for n in names]
    total = sum(weights)
    if total == 0:
        return 0.0
    return float(sum(w * scores[n] for w, n in zip(weights, names, strict=True)) / total)


def assess_global_readiness(
    scores: Mapping[str, object],
    weights: Mapping[str, object] | Iterable[tuple[object, object]] | None = None,
) -> ReadinessResult:
    """Weighted readiness from 0–10 scores on the eight drivers (:data:`DRIVERS`).

    Args:
        scores: ``{driver: 0–10}`` for every driver.
        weights: ``{driver: weight}`` summing to 100 (default equal, 12.5 each).
    """
    criteria = Criteria.from_mapping(DEFAULT_WEIGHTS if weights is None else weights, "驱动因素权重")
    if set(criteria.names) != set(DRIVERS):
        odd = next(iter([d for d in DRIVERS if d not in criteria.names]
                        or [n for n in criteria.names if n not in DRIVERS]))
        raise InputError("驱动因素权重", f"应恰好包含八个驱动因素，“{odd}”缺失或多余", odd)
    frame = pd.DataFrame([{d: scores.get(d, "") for d in criteria.names}])
    total = float(weighted_scores(criteria, frame, "驱动因素评分").iloc[0])
    values = _checks.numeric_frame(frame, list(criteria.names), "驱动因素评分", 0, 10).iloc[0]
    w = criteria.as_dict()
    table = pd.DataFrame({"驱动因素": list(DRIVERS),
                          "类别": ["外部"] * len(EXTERNAL) + ["内部"] * len(INTERNAL),
                          "权重": [w[d] for d in DRIVERS],
                          "评分": [float(values[d]) for d in DRIVERS]})
    table["加权得分"] = (table["权重"] * table["评分"] / 100).round(4)
    external, internal = _half(criteria, EXTERNAL, values), _half(criteria, INTERNAL, values)
    verdict = next(v for low, v in LEVELS if total >= low - 1e-9)
    weaker = min((external, "外部驱动（客户侧）"), (internal, "内部驱动（我方）"))
    constraint = weaker[1] if weaker[0] < 5 else ""
    return ReadinessResult(table, round(total, 4), round(external, 4), round(internal, 4), verdict, constraint)
