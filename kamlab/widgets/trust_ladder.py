"""Widget for the value-ladder (价值三阶梯) self-assessment."""

from __future__ import annotations

import ipywidgets as W

from .. import trust_ladder as model
from ..charts.trust_ladder import draw_ladder
from ._base import Calculator

_STYLE = {"description_width": "8em"}


class LadderWidget(Calculator):
    """One 0–10 slider per item, grouped by step, plus the threshold."""

    def __init__(self, scores: dict[str, float] | None = None, threshold: float = 6) -> None:
        scores = scores or {i: 5 for i in model.ITEMS}
        self.sliders = {i: W.FloatSlider(value=float(scores.get(i, 5)), min=0, max=10, step=0.5, description=i,
                                         style=_STYLE) for i in model.ITEMS}
        self.threshold = W.FloatSlider(value=threshold, min=0, max=10, step=0.5, description="达标线", style=_STYLE)
        controls: list[W.Widget] = []
        for step, items in model.LADDER:
            controls += [W.HTML(f"<b>{step}</b>"), *(self.sliders[i] for i in items)]
        controls.append(self.threshold)
        super().__init__(controls, self._compute, draw_ladder, lambda r: r._repr_html_(),
                         watch=[*self.sliders.values(), self.threshold])

    def _compute(self):
        return model.assess_ladder({i: w.value for i, w in self.sliders.items()}, self.threshold.value)


def ladder_widget(scores: dict[str, float] | None = None, threshold: float = 6) -> LadderWidget:
    """The value-ladder self-assessment, ready to display."""
    return LadderWidget(scores, threshold)
