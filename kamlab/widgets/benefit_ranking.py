"""Widget for 客户效益需求与竞争排名评估表."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import benefit_ranking as model
from ..charts.benefit_ranking import draw_benefit_ranking
from ._base import Calculator
from .table import EditableTable


class BenefitRankingWidget(Calculator):
    """Edit the account's weighted benefit needs and the supplier scores.

    The score table's columns follow the needs table (rename, add, remove).
    """

    def __init__(self, needs: pd.DataFrame, scores: pd.DataFrame) -> None:
        self.needs = EditableTable(["需求", "权重"], needs.astype(str).to_dict("records"), widths=["14em", "6em"])
        self.scores = EditableTable(["供应商", *needs["需求"].astype(str)], scores.astype(str).to_dict("records"))
        self.needs.on_change(self._sync_columns)
        controls = [W.HTML("<b>客户的效益需求与权重（权重合计 100）</b>"), self.needs,
                    W.HTML("<b>客户眼中各供应商的表现（0–10 分；“我方”一行必填）</b>"), self.scores]
        super().__init__(controls, self._compute, draw_benefit_ranking, lambda r: r._repr_html_(),
                         watch=[self.needs, self.scores])

    def _sync_columns(self) -> None:
        wanted = ["供应商", *[r["需求"].strip() for r in self.needs.value]]
        if wanted != self.scores.columns:
            self.scores.set_columns(wanted)

    def _compute(self):
        needs = {r["需求"]: r["权重"] for r in self.needs.value}
        return model.rank_benefits(needs, self.scores.frame())


def benefit_ranking_widget(needs: pd.DataFrame, scores: pd.DataFrame) -> BenefitRankingWidget:
    """The benefit-needs vs competitor ranking calculator, ready to display."""
    return BenefitRankingWidget(needs, scores)
