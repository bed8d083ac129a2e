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
from .matrix import MatrixScheme, Quadrant, place
from .weighted import Criteria, ScoredTable, score_table

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


#: The attractiveness sheet's result: a :class:`~kamlab.weighted.ScoredTable` whose
#: ``table`` has the added ``吸引力`` column (0–10).
AttractivenessResult = ScoredTable


def score_attractiveness(
    criteria: Criteria | dict[str, object], scores: pd.DataFrame, name_col: str = "客户"
) -> AttractivenessResult:
    """Score each account's attractiveness (大客户吸引力计算表).

    Args:
        criteria: weighted criteria, or a ``{name: weight}`` dict (weights sum 100).
        scores: one row per account: ``name_col`` plus one 0–10 column per criterion.
        name_col: the column naming the account.
    """
    return score_table(criteria, scores, score_col="吸引力", table_label="吸引力评分表",
                       weight_label="吸引力权重", name_col=name_col)


@dataclass(frozen=True)
class StrengthResult:
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

    def to_frame(self) -> pd.DataFrame:
        """The per-criterion table."""
        return self.table.copy()

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
class PortfolioResult:
    """Accounts placed on a 2×2 portfolio matrix.

    Attributes:
        table: 客户, 销售额, the two axis columns, 象限, 策略.
        scheme: the matrix (axes, cut-lines, quadrant names) used.
        x: name of the x column; y: name of the y column.
    """

    table: pd.DataFrame
    scheme: MatrixScheme
    x: str
    y: str

    def to_frame(self) -> pd.DataFrame:
        """One row per account with its quadrant and strategy."""
        return self.table.copy()

    def counts(self) -> pd.DataFrame:
        """Accounts and sales per quadrant, in the scheme's quadrant order."""
        grouped = self.table.groupby("象限", observed=False)
        return pd.DataFrame({"客户数": grouped.size(), "销售额": grouped["销售额"].sum()})

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.2f}")


def _portfolio(accounts: pd.DataFrame | ScoredTable, x: str, scheme: MatrixScheme, field: str) -> PortfolioResult:
    if isinstance(accounts, ScoredTable):
        accounts = accounts.table
    _checks.non_empty(accounts, field)
    for col in ("客户", "吸引力", x, "销售额"):
        if col not in accounts.columns:
            raise _checks.InputError(field, f"缺少列“{col}”", col)
    y_low, y_high = scheme.y_range
    values = pd.DataFrame({
        "客户": accounts["客户"],
        "吸引力": _checks.numeric_frame(accounts, ["吸引力"], field, y_low, y_high, row_label="客户")["吸引力"],
        x: _checks.numeric_frame(accounts, [x], field, *scheme.x_range, row_label="客户")[x],
        "销售额": _checks.numeric_frame(accounts, ["销售额"], field, 0, None, row_label="客户")["销售额"],
    })
    return PortfolioResult(place(values, x, "吸引力", scheme), scheme, x, "吸引力")


def selection_matrix(
    accounts: pd.DataFrame | ScoredTable, scheme: MatrixScheme = SELECTION_SCHEME
) -> PortfolioResult:
    """Place accounts by attractiveness (y) and relative strength (x).

    Args:
        accounts: the result of :func:`score_attractiveness`, or a table with columns ``客户``, ``吸引力`` (0–10), ``相对实力`` (ratio, 0–5)
            and ``销售额`` (current sales, ≥ 0; drawn as bubble size).
        scheme: axes, cut-lines and quadrant names (default :data:`SELECTION_SCHEME`).
    """
    return _portfolio(accounts, "相对实力", scheme, "大客户组合表")


def vulnerability_matrix(
    accounts: pd.DataFrame | ScoredTable, scheme: MatrixScheme = VULNERABILITY_SCHEME
) -> PortfolioResult:
    """Place accounts by attractiveness (y) and vulnerability 易损性 (x, 0–10)."""
    return _portfolio(accounts, "易损性", scheme, "大客户组合表")
