"""Widget for 标杆法 (benchmark radar)."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import benchmark as bench
from ..charts.benchmark import draw_benchmark
from ._base import Calculator
from .table import EditableTable

_STYLE = {"description_width": "9em"}


class BenchmarkWidget(Calculator):
    """Edit factors and both firms' scores; the radar marks long and short boards."""

    def __init__(self, table: pd.DataFrame, leader_col: str = "行业龙头") -> None:
        self.leader_col = leader_col
        self.table = EditableTable(["要素", "我方", leader_col], table.astype(str).to_dict("records"))
        self.gap = W.FloatSlider(value=2, min=0.5, max=5, step=0.5, description="短板标准（落后分数）", style=_STYLE)
        controls = [W.HTML("<b>经营要素评分（0–10）</b>"), self.table, self.gap]
        super().__init__(controls, self._compute, draw_benchmark, lambda r: r._repr_html_(),
                         watch=[self.table, self.gap])

    def _compute(self):
        return bench.compare_benchmark(self.table.frame(), self.leader_col, self.gap.value)


def benchmark_widget(table: pd.DataFrame, leader_col: str = "行业龙头") -> BenchmarkWidget:
    """The benchmark radar calculator, ready to display."""
    return BenchmarkWidget(table, leader_col)
