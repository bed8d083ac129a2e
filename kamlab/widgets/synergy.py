"""Widget for the five-synergies checklist (五种内部协同效应)."""

from __future__ import annotations

import ipywidgets as W

from .. import synergy as model
from ..charts.synergy import draw_synergy
from ._base import Calculator

_STYLE = {"description_width": "16em"}
_WIDE = W.Layout(width="40em")


class SynergyWidget(Calculator):
    """One 0–10 slider per synergy (equal weights)."""

    def __init__(self, scores: dict[str, float] | None = None) -> None:
        scores = scores or {s: 5 for s in model.SYNERGIES}
        self.sliders = {s: W.FloatSlider(value=float(scores.get(s, 5)), min=0, max=10, step=0.5, description=s,
                                         style=_STYLE, layout=_WIDE) for s in model.SYNERGIES}
        controls = [W.HTML("<b>为每种协同效应打分（0 = 完全没有，10 = 非常到位）</b>"), *self.sliders.values()]
        super().__init__(controls, self._compute, draw_synergy, lambda r: r._repr_html_(),
                         watch=list(self.sliders.values()))

    def _compute(self):
        return model.score_synergies({s: w.value for s, w in self.sliders.items()})


def synergy_widget(scores: dict[str, float] | None = None) -> SynergyWidget:
    """The five-synergies checklist, ready to display."""
    return SynergyWidget(scores)
