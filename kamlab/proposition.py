"""大客户四象限价值主张 (王渊 第一讲 五).

The course's four quadrants (no public source beyond the course; the structure
below is the book's reading of it):

1. 量化的功能/经济价值 — each entry is a metric with a baseline, a target, a unit
   and the annual value to the account in 元;
2. 心理价值的具体措施 — concrete measures that lower the account's perceived risk
   or raise its confidence;
3. 客户的具体承诺 — what the account commits to in return;
4. 双方跟踪措施 — indicators both sides track, how often and who owns them.

:func:`build_proposition` validates and returns a :class:`ValueProposition`
whose total quantified annual value is the sum of quadrant 1; it exports to
Markdown and Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import _checks
from .errors import InputError

QUADRANT_TITLES = {
    1: "第一象限：量化的功能与经济价值",
    2: "第二象限：心理价值的具体措施",
    3: "第三象限：客户对我们的具体承诺",
    4: "第四象限：双方跟踪合作进展的措施",
}


@dataclass(frozen=True)
class QuantifiedValue:
    """Quadrant 1 entry: a measured improvement and its annual value (元)."""

    metric: str
    baseline: float
    target: float
    unit: str
    annual_value: float


@dataclass(frozen=True)
class TrackingMeasure:
    """Quadrant 4 entry: a jointly tracked indicator."""

    indicator: str
    frequency: str
    owner: str


@dataclass(frozen=True)
class ValueProposition:
    """A validated four-quadrant value proposition for one account."""

    account: str
    quantified: tuple[QuantifiedValue, ...]
    psychological: tuple[str, ...]
    commitments: tuple[str, ...]
    tracking: tuple[TrackingMeasure, ...]

    @property
    def total_annual_value(self) -> float:
        """Sum of quadrant 1's annual values, in 元."""
        return float(sum(q.annual_value for q in self.quantified))

    def quadrant_lines(self) -> dict[int, list[str]]:
        """One display line per entry, by quadrant number."""
        return {
            1: [f"{q.metric}：{q.baseline:g} → {q.target:g} {q.unit}，年价值 {q.annual_value:,.0f} 元"
                for q in self.quantified],
            2: list(self.psychological),
            3: list(self.commitments),
            4: [f"{t.indicator}（{t.frequency}，负责人：{t.owner}）" for t in self.tracking],
        }

    def to_frame(self) -> pd.DataFrame:
        """Quadrant 1 as a table (指标, 现状, 目标, 单位, 年价值（元）)."""
        return pd.DataFrame(
            [(q.metric, q.baseline, q.target, q.unit, q.annual_value) for q in self.quantified],
            columns=["指标", "现状", "目标", "单位", "年价值（元）"],
        )

    def to_markdown(self) -> str:
        """The proposition as a Markdown document."""
        lines = [f"# {self.account}：四象限价值主张", ""]
        for n, entries in self.quadrant_lines().items():
            lines += [f"## {QUADRANT_TITLES[n]}", ""] + [f"- {e}" for e in entries] + [""]
        lines.append(f"**量化年价值合计：{self.total_annual_value:,.0f} 元**")
        return "\n".join(lines) + "\n"

    def to_excel(self, path: str | Path) -> Path:
        """Write one sheet per quadrant to ``path`` (.xlsx) and return the path."""
        path = Path(path)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            self.to_frame().to_excel(writer, sheet_name="第一象限", index=False)
            pd.DataFrame({"心理价值措施": self.psychological}).to_excel(writer, sheet_name="第二象限", index=False)
            pd.DataFrame({"客户承诺": self.commitments}).to_excel(writer, sheet_name="第三象限", index=False)
            pd.DataFrame(
                [(t.indicator, t.frequency, t.owner) for t in self.tracking],
                columns=["跟踪指标", "频率", "负责人"],
            ).to_excel(writer, sheet_name="第四象限", index=False)
        return path

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<td style='vertical-align:top;width:50%'><b>{QUADRANT_TITLES[n]}</b><ul>"
            + "".join(f"<li>{e}</li>" for e in entries) + "</ul></td>"
            + ("</tr><tr>" if n == 2 else "")
            for n, entries in self.quadrant_lines().items()
        )
        return (f"<table><tr>{cells}</tr></table>"
                f"<p>量化年价值合计：{self.total_annual_value:,.0f} 元</p>")


def _texts(items: Iterable[object], field: str) -> tuple[str, ...]:
    return tuple(s for s in (str(x).strip() for x in items if x is not None) if s)


def build_proposition(
    account: str,
    quantified: Iterable[Mapping[str, object]],
    psychological: Iterable[object],
    commitments: Iterable[object],
    tracking: Iterable[Mapping[str, object]],
) -> ValueProposition:
    """Validate the four quadrants and build the proposition.

    Args:
        account: the account's name.
        quantified: quadrant 1 rows with keys 指标, 现状, 目标, 单位, 年价值.
        psychological: quadrant 2 measures (text).
        commitments: quadrant 3 commitments (text).
        tracking: quadrant 4 rows with keys 指标, 频率, 负责人.

    Raises:
        InputError: an empty quadrant (all empty quadrants are named), an
            unquantified quadrant 1 entry, or a blank account name.
    """
    name = str(account or "").strip()
    if not name:
        raise InputError("客户名称", "不能为空", account)
    q1_rows = [r for r in quantified if any(str(v).strip() for v in r.values() if v is not None)]
    q2 = _texts(psychological, "第二象限")
    q3 = _texts(commitments, "第三象限")
    q4_rows = [r for r in tracking if str(r.get("指标", "") or "").strip()]
    empty = [QUADRANT_TITLES[n].split("：")[0] for n, rows in
             ((1, q1_rows), (2, q2), (3, q3), (4, q4_rows)) if not rows]
    if empty:
        raise InputError("价值主张", f"{'、'.join(empty)}为空，四个象限都需要至少一条内容", empty)
    q1 = []
    for i, row in enumerate(q1_rows, start=1):
        metric = str(row.get("指标", "") or "").strip()
        if not metric:
            raise InputError(f"第一象限·第 {i} 条·指标", "不能为空，请写明量化的指标", row)
        where = f"第一象限·{metric}"
        unit = str(row.get("单位", "") or "").strip()
        q1.append(QuantifiedValue(
            metric,
            _checks.typed_number(row.get("现状"), f"{where}·现状", unit),  # “2.0%” as typed
            _checks.typed_number(row.get("目标"), f"{where}·目标", unit),
            unit,
            _checks.at_least(_checks.typed_number(row.get("年价值"), f"{where}·年价值（元）", "元"),
                             f"{where}·年价值（元）", 0),
        ))
        if q1[-1].baseline == q1[-1].target:
            raise InputError(f"{where}·目标", "与现状相同，第一象限的指标须量化出改进幅度", row.get("目标"))
    q4 = [TrackingMeasure(str(r["指标"]).strip(), str(r.get("频率", "") or "").strip() or "未定",
                          str(r.get("负责人", "") or "").strip() or "未定") for r in q4_rows]
    return ValueProposition(name, tuple(q1), q2, q3, tuple(q4))
