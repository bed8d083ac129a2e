"""Widget for the competitor-strength grid."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from ..charts.competition import draw_competition
from ..competition import competitor_grid
from ._base import Calculator
from .table import EditableTable


class CompetitionWidget(Calculator):
    """Edit the product × supplier grid; see the heatmap and our position."""

    state_names = ("grid", "strong", "margin")

    def __init__(self, grid: pd.DataFrame) -> None:
        self.grid = EditableTable(list(grid.columns), grid.astype(str).to_dict("records"))
        self.strong = W.Text(value="7", description="强 ≥", continuous_update=False, layout=W.Layout(width="12em"))
        self.margin = W.Text(value="1", description="领先分差", continuous_update=False,
                             layout=W.Layout(width="12em"))
        controls = [W.HTML("<b>各产品线的竞争力评分（0–10；“我方”一列是自己）</b>"), self.grid,
                    W.HBox([self.strong, self.margin])]
        super().__init__(controls, self._compute, draw_competition, lambda r: r._repr_html_(),
                         watch=[self.grid, self.strong, self.margin])

    def _compute(self):
        return competitor_grid(self.grid.frame(), strong=self.strong.value, margin=self.margin.value)


def competition_widget(grid: pd.DataFrame) -> CompetitionWidget:
    """The competitor-grid calculator, ready to display."""
    return CompetitionWidget(grid)
