"""标杆法: our scores against the industry leader's, long and short boards (叶敦明 第三讲).

The course's fourth external method: aim at the leading firm, work out the
factors that matter most in the industry, and show our long boards (长板) and
short boards (短板) on a radar chart so the firm knows what to improve.

The classification is **the book's own** (the course draws the radar, it gives
no rule): on each factor, gap = ours − leader (both 0–10).
gap ≥ 0 → 长板 (level with or ahead of the leader); gap ≤ −``short_gap`` → 短板;
in between → 略逊. Short boards are listed largest gap first.

By hand: ours 8, 7, 9, 8, 6, 4 against 8, 9, 7, 7, 8, 9 → gaps 0, −2, +2, +1, −2, −5
→ long boards 产品技术, 交付速度, 服务响应; short boards (gap ≤ −2) 品牌影响力,
质量稳定性, 价格竞争力; averages 42/6 = 7.0 against 48/6 = 8.0.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

LONG, NEAR, SHORT = "长板", "略逊", "短板"


@dataclass(frozen=True)
class BenchmarkResult(TableResult):
    """Factor-by-factor comparison with the benchmark firm.

    Attributes:
        table: 要素, 我方, 标杆, 差距, 判定.
        leader: the benchmark firm's label (e.g. 行业龙头).
        short_gap: the gap at or beyond which a factor is a short board.
    """

    table: pd.DataFrame
    leader: str
    short_gap: float

    @property
    def long_boards(self) -> list[str]:
        """Factors where we are level with or ahead of the leader."""
        return list(self.table.loc[self.table["判定"] == LONG, "要素"])

    @property
    def short_boards(self) -> list[str]:
        """Short boards, largest gap first (ties keep the table order)."""
        short = self.table[self.table["判定"] == SHORT]
        return list(short.sort_values("差距", kind="stable")["要素"])

    @property
    def averages(self) -> tuple[float, float]:
        """Mean score: ours, the leader's."""
        return round(float(self.table["我方"].mean()), 4), round(float(self.table["标杆"].mean()), 4)

    def _repr_html_(self) -> str:
        ours, lead = self.averages
        return self.table.to_html(index=False) + (
            f"<p>长板：{'、'.join(self.long_boards) or '无'}；短板（按差距从大到小）："
            f"{'、'.join(self.short_boards) or '无'}；平均分 我方 {ours:.2f}，{self.leader} {lead:.2f}</p>"
        )


def compare_benchmark(
    table: pd.DataFrame, leader_col: str = "行业龙头", short_gap: object = 2
) -> BenchmarkResult:
    """Compare our 0–10 scores with the benchmark firm's on each factor.

    Args:
        table: columns 要素, 我方 and ``leader_col`` (0–10), one row per factor (≥ 3
            factors, so the radar has an area).
        leader_col: the column holding the benchmark firm's scores.
        short_gap: how far behind (points, > 0) counts as a short board.
    """
    gap = _checks.to_number(short_gap, "短板标准")
    if not 0 < gap <= 10:
        raise _checks.InputError("短板标准", f"应在 0–10 之间且大于 0，当前为 {gap:g}", short_gap)
    _checks.non_empty(table, "标杆对比表")
    for col in ("要素", "我方", leader_col):
        if col not in table.columns:
            raise _checks.InputError("标杆对比表", f"缺少列“{col}”", col)
    factors = _checks.names(table["要素"], "标杆对比表·要素")
    if len(factors) < 3:
        raise _checks.InputError("标杆对比表·要素", f"至少需要 3 个要素才能画雷达图，当前为 {len(factors)} 个", len(factors))
    values = _checks.numeric_frame(table, ["我方", leader_col], "标杆对比表", 0, 10, row_label="要素")
    out = pd.DataFrame({"要素": list(factors), "我方": values["我方"].to_numpy(),
                        "标杆": values[leader_col].to_numpy()})
    out["差距"] = (out["我方"] - out["标杆"]).round(4)
    out["判定"] = [LONG if d >= 0 else SHORT if d <= -gap else NEAR for d in out["差距"]]
    return BenchmarkResult(out, leader_col, gap)
