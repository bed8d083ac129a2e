"""Widget for the three goal-setting methods."""

from __future__ import annotations

import ipywidgets as W

from .. import goals as model
from ..charts.goals import draw_goals
from ._base import Calculator
from .number_box import NumberBox

_STYLE = {"description_width": "14em"}
_WIDE = W.Layout(width="30em")


class GoalsWidget(Calculator):
    """Six figures in, three targets and a comparison chart out."""

    state_names = ("benchmark_sales", "target_ratio", "resource_units", "output_per_unit", "base_sales", "growth")

    def __init__(self, benchmark_sales: float = 8000, target_ratio: float = 30, resource_units: float = 6,
                 output_per_unit: float = 350, base_sales: float = 1800, growth: float = 20) -> None:
        def box(value: float, label: str) -> NumberBox:
            return NumberBox(value=value, description=label, style=_STYLE, layout=_WIDE)

        self.inputs = [box(benchmark_sales, "标杆企业大客户销售额（万元）"), box(target_ratio, "目标比例（%）"),
                       box(resource_units, "资源投入单位（如大客户经理人数）"), box(output_per_unit, "单位产出（万元）"),
                       box(base_sales, "基础销量（万元）"), box(growth, "增长率（%）")]
        controls = [W.HTML("<b>标杆企业对比法</b>"), *self.inputs[:2], W.HTML("<b>资源投入产出法</b>"),
                    *self.inputs[2:4], W.HTML("<b>基础销量比例法</b>"), *self.inputs[4:]]
        super().__init__(controls, self._compute, draw_goals, lambda r: r._repr_html_(), watch=self.inputs)

    def start_from_accounts(self, accounts: list[dict[str, str]]) -> str:
        """Start 基础销量 from the learner's account list (its 销售额 summed); returns what is said."""
        from .._checks import to_number

        total = 0.0
        for row in accounts:
            try:
                total += to_number(row.get("销售额", ""), "销售额")
            except ValueError:
                return ""  # a blank or bad figure: keep the example rather than a wrong sum
        if not accounts or total <= 0:
            return ""
        self.inputs[4].value = f"{total:g}"
        return f"基础销量取你的客户名单 {len(accounts)} 家的销售额合计 {total:,.0f}"

    def _compute(self):
        return model.set_targets(*(w.value for w in self.inputs))


def goals_widget(**figures: float) -> GoalsWidget:
    """The goal-setting comparison, ready to display."""
    return GoalsWidget(**figures)
