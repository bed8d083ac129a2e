"""Widget for 客户效益需求与竞争排名评估表."""

from __future__ import annotations

import ipywidgets as W
import pandas as pd

from .. import benefit_ranking as model
from ..charts.benefit_ranking import draw_benefit_ranking
from ._base import Calculator
from .weighted import WeightedSheet


class BenefitRankingWidget(Calculator):
    """Edit the account's weighted benefit needs and the supplier scores.

    The score table's columns follow the needs table (rename, add, remove).
    """

    def __init__(self, needs: pd.DataFrame, scores: pd.DataFrame) -> None:
        weights = dict(zip(needs["需求"].astype(str), needs["权重"].astype(str), strict=True))
        self.sheet = WeightedSheet(weights, scores, lead=["供应商"], label="效益需求权重", name_header="需求")
        self.needs, self.scores = self.sheet.criteria, self.sheet.items
        controls = [W.HTML("<b>客户的效益需求与权重（权重合计 100）</b>"), self.needs,
                    W.HTML("<b>客户眼中各供应商的表现（0–10 分；“我方”一行必填）</b>"), self.scores]
        super().__init__(controls, self._compute, draw_benefit_ranking, lambda r: r._repr_html_(),
                         watch=[self.needs, self.scores])

    def _compute(self):
        return model.rank_benefits(self.sheet.weights(), self.sheet.frame())


def benefit_ranking_widget(needs: pd.DataFrame, scores: pd.DataFrame) -> BenefitRankingWidget:
    """The benefit-needs vs competitor ranking calculator, ready to display."""
    return BenefitRankingWidget(needs, scores)
