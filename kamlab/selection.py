"""大客户吸引力计算表 and 大客户定量选择模型 (王渊 第一讲 四).

Three steps, following Malcolm McDonald's published method for key-account
portfolio analysis (the directional-policy matrix applied to accounts):

1. **Attractiveness** (吸引力): the selling firm's own criteria, weighted to 100,
   each account scored 0–10 → weighted 0–10 (:func:`score_attractiveness`).
2. **Business strength** (企业商业能力): the *account's* buying criteria, weighted
   to 100; we rate ourselves and the strongest competitor 0–10 on each →
   relative strength = our weighted score ÷ the competitor's (competitor = 1)
   (:func:`business_strength`).
3. **Selection matrix** (定量选择模型): each account placed by attractiveness
   (y) and relative strength (x), bubble size = sales (:func:`selection_matrix`);
   the second view the course names places attractiveness against the account's
   vulnerability (易损性) (:func:`vulnerability_matrix`).

Cut-lines are parameters: by default attractiveness 5 (mid-scale) and relative
strength 1.0 (level with the best competitor); vulnerability 5.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .matrix import QUADRANT as QUADRANT
from .matrix import STRATEGY as STRATEGY
from .matrix import MatrixScheme, Quadrant, place
from .result import TableResult
from .weighted import Criteria, ScoredTable, score_table

#: Column names of the selection tool's tables: the model writes them, the chart
#: (:mod:`kamlab.charts.selection`) and the widget (:mod:`kamlab.widgets.selection`) read them.
ACCOUNT = "客户"
SALES = "销售额"
ATTRACTIVENESS = "吸引力"
STRENGTH = "相对实力"
VULNERABILITY = "易损性"

#: The four selection criteria of seed 001; the weights are the book's illustration.
DEFAULT_ATTRACTIVENESS = {"未来销售收入和利润": 40, "财务安全": 20, "相互关系": 20, "影响力": 20}

#: Typical buying criteria an industrial account judges suppliers on (McDonald);
#: the weights are the book's illustration.
DEFAULT_BUYING_CRITERIA = {"产品与技术": 30, "交付可靠性": 25, "服务支持": 20, "价格": 15, "品牌声誉": 10}

#: The book's own proposal for 易损性 (no public definition exists).
DEFAULT_VULNERABILITY = {"竞争对手攻势": 30, "客户转换供应商的难易": 30, "关系集中于少数联系人": 20, "客户自身经营风险": 20}

SELECTION_SCHEME = MatrixScheme(
    x_label="相对业务实力（我方 ÷ 最强对手）",
    y_label="大客户吸引力",
    x_cut=1.0,
    y_cut=5.0,
    x_range=(0.0, 5.0),
    y_range=(0.0, 10.0),
    quadrants={
        "HH": Quadrant("HH", "战略客户", "重点投入：深化合作，追求长期增长"),
        "HL": Quadrant("HL", "明星客户", "选择性投资：补齐短板，提升我方实力"),
        "LH": Quadrant("LH", "地位客户", "维持：守住份额，控制服务成本"),
        "LL": Quadrant("LL", "精简客户", "精简：标准化服务，交由渠道覆盖"),
    },
    source="McDonald 的大客户组合分析；象限名称参照 Woodburn & McDonald (2011)",
)

VULNERABILITY_SCHEME = MatrixScheme(
    x_label="大客户易损性",
    y_label="大客户吸引力",
    x_cut=5.0,
    y_cut=5.0,
    quadrants={
        "HH": Quadrant("HH", "重点防守", "高层介入，加固关系，防止流失"),
        "HL": Quadrant("HL", "稳固发展", "在稳固的基础上扩大份额"),
        "LH": Quadrant("LH", "审慎投入", "不为留住而过度让利"),
        "LL": Quadrant("LL", "常规维护", "标准化服务，定期回顾"),
    },
    source="本书自拟（课程只给出名称，公开资料无定义）",
)


@dataclass(frozen=True)
class AttractivenessResult(ScoredTable):
    """The attractiveness sheet's result: a :class:`~kamlab.weighted.ScoredTable`
    whose ``table`` has the added :data:`ATTRACTIVENESS` column (0–10) and whose
    ``criteria`` are the weights used. :func:`selection_matrix` accepts it as is."""


def score_attractiveness(
    criteria: Criteria | dict[str, object], scores: pd.DataFrame, name_col: str = ACCOUNT
) -> AttractivenessResult:
    """Score each account's attractiveness (大客户吸引力计算表).

    Args:
        criteria: weighted criteria, or a ``{name: weight}`` dict (weights sum 100).
        scores: one row per account: ``name_col`` plus one 0–10 column per criterion.
        name_col: the column naming the account.
    """
    scored = score_table(criteria, scores, score_col=ATTRACTIVENESS, table_label="吸引力评分表",
                         weight_label="吸引力权重", name_col=name_col)
    return AttractivenessResult(scored.criteria, scored.table, scored.score_col)


@dataclass(frozen=True)
class StrengthResult(TableResult):
    """Our business strength in one account against its strongest competitor.

    Attributes:
        table: 标准, 权重, 我方, 最强对手, 我方加权, 对手加权 per buying criterion.
        ours: our weighted score (0–10).
        competitor: the strongest competitor's weighted score (0–10).
        relative: ``ours / competitor`` (competitor = 1.0).
    """

    table: pd.DataFrame
    ours: float
    competitor: float
    relative: float

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False) + (
            f"<p>我方加权得分 {self.ours:.2f}，最强对手 {self.competitor:.2f}，"
            f"相对业务实力 {self.relative:.2f}</p>"
        )


def business_strength(table: pd.DataFrame) -> StrengthResult:
    """Relative business strength in one account.

    Args:
        table: one row per buying criterion of the account with columns
            ``标准`` (name), ``权重`` (sum 100), ``我方`` and ``最强对手`` (0–10).
    """
    _checks.non_empty(table, "客户采购标准表")
    for col in ("标准", "权重", "我方", "最强对手"):
        if col not in table.columns:
            raise _checks.InputError("客户采购标准表", f"缺少列“{col}”", col)
    criteria = Criteria.from_mapping(list(zip(table["标准"], table["权重"], strict=True)), "采购标准权重")
    rated = _checks.numeric_frame(table, ["我方", "最强对手"], "客户采购标准表", 0, 10, row_label="标准")
    w = pd.Series(criteria.weights, index=table.index)
    out = pd.DataFrame({"标准": list(criteria.names), "权重": list(criteria.weights)})
    out["我方"] = rated["我方"].to_numpy()
    out["最强对手"] = rated["最强对手"].to_numpy()
    out["我方加权"] = (rated["我方"] * w / 100).round(4).to_numpy()
    out["对手加权"] = (rated["最强对手"] * w / 100).round(4).to_numpy()
    ours = float((rated["我方"] * w).sum() / 100)
    comp = float((rated["最强对手"] * w).sum() / 100)
    if comp == 0:
        raise _checks.InputError("客户采购标准表·最强对手", "加权得分为 0，无法计算相对实力（对手至少有一项得分应大于 0）", comp)
    return StrengthResult(out, round(ours, 4), round(comp, 4), round(ours / comp, 4))


@dataclass(frozen=True)
class PortfolioResult(TableResult):
    """Accounts placed on a 2×2 portfolio matrix.

    Attributes:
        table: :data:`ACCOUNT`, :data:`SALES`, the two axis columns, :data:`QUADRANT`, :data:`STRATEGY`.
        scheme: the matrix (axes, cut-lines, quadrant names) used.
        x: name of the x column; y: name of the y column.
        criteria: the attractiveness criteria and weights behind the y axis, when
            the accounts came from :func:`score_attractiveness` (else None).
    """

    table: pd.DataFrame
    scheme: MatrixScheme
    x: str
    y: str
    criteria: Criteria | None = None

    def counts(self) -> pd.DataFrame:
        """Accounts and sales per quadrant, in the scheme's quadrant order."""
        grouped = self.table.groupby(QUADRANT, observed=False)
        return pd.DataFrame({"客户数": grouped.size(), SALES: grouped[SALES].sum()})

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.2f}")


def _portfolio(accounts: pd.DataFrame | ScoredTable, x: str, scheme: MatrixScheme, field: str) -> PortfolioResult:
    criteria = accounts.criteria if isinstance(accounts, ScoredTable) else None
    if isinstance(accounts, ScoredTable):
        accounts = accounts.table
    _checks.non_empty(accounts, field)
    for col in (ACCOUNT, ATTRACTIVENESS, x, SALES):
        if col not in accounts.columns:
            raise _checks.InputError(field, f"缺少列“{col}”", col)
    y_low, y_high = scheme.y_range
    values = pd.DataFrame({
        ACCOUNT: accounts[ACCOUNT],
        ATTRACTIVENESS: _checks.numeric_frame(accounts, [ATTRACTIVENESS], field, y_low, y_high,
                                              row_label=ACCOUNT)[ATTRACTIVENESS],
        x: _checks.numeric_frame(accounts, [x], field, *scheme.x_range, row_label=ACCOUNT)[x],
        SALES: _checks.numeric_frame(accounts, [SALES], field, 0, None, row_label=ACCOUNT)[SALES],
    })
    return PortfolioResult(place(values, x, ATTRACTIVENESS, scheme), scheme, x, ATTRACTIVENESS, criteria)


def selection_matrix(
    accounts: pd.DataFrame | ScoredTable, scheme: MatrixScheme = SELECTION_SCHEME
) -> PortfolioResult:
    """Place accounts by attractiveness (y) and relative strength (x).

    Args:
        accounts: the result of :func:`score_attractiveness` (its criteria travel
            with the result), or a table with columns ``客户``, ``吸引力`` (0–10),
            ``相对实力`` (ratio, 0–5) and ``销售额`` (current sales, ≥ 0; bubble size).
        scheme: axes, cut-lines and quadrant names (default :data:`SELECTION_SCHEME`).
    """
    return _portfolio(accounts, STRENGTH, scheme, "大客户组合表")


def vulnerability_matrix(
    accounts: pd.DataFrame | ScoredTable, scheme: MatrixScheme = VULNERABILITY_SCHEME
) -> PortfolioResult:
    """Place accounts by attractiveness (y) and vulnerability 易损性 (x, 0–10)."""
    return _portfolio(accounts, VULNERABILITY, scheme, "大客户组合表")
