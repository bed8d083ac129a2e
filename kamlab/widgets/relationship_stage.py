"""Widget for the relationship-stage diagnosis: one choice per indicator."""

from __future__ import annotations

import ipywidgets as W

from .. import relationship_stage as model
from ..charts.relationship_stage import draw_stage
from ._base import Calculator


class StageWidget(Calculator):
    """Pick, for each indicator, the description that fits the account best."""

    state_names = tuple(model.INDICATORS)

    def __init__(self, levels: dict[str, int] | None = None) -> None:
        levels = levels or {k: 1 for k in model.INDICATORS}
        self.choices = {
            key: W.Dropdown(options=[(f"{i} {text}", i) for i, text in enumerate(texts, start=1)],
                            value=int(levels.get(key, 1)), description=key,
                            layout=W.Layout(width="34em"), style={"description_width": "6em"})
            for key, texts in model.INDICATORS.items()
        }
        super().__init__(list(self.choices.values()), self._compute, draw_stage, lambda r: r._repr_html_())

    def _compute(self):
        return model.diagnose_stage({k: w.value for k, w in self.choices.items()})


def stage_widget(levels: dict[str, int] | None = None) -> StageWidget:
    """The relationship-stage diagnosis, ready to display."""
    return StageWidget(levels)
