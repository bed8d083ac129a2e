"""Widget for 大客户组织结构选择模型."""

from __future__ import annotations

import ipywidgets as W

from .. import organisation as model
from ..charts import draw_organisation
from ._base import Calculator

_STYLE = {"description_width": "10em"}
_WIDE = W.Layout(width="32em")


class OrganisationWidget(Calculator):
    """Seven facts in, the three structures ranked with reasons out."""

    def __init__(self, facts: dict[str, object] | None = None) -> None:
        facts = facts or {"n_accounts": 12, "ka_share": 35, "spread": 3, "central_purchasing": 3,
                          "coordination": 3, "customisation": 3, "resources": 3}
        self.inputs: dict[str, W.Widget] = {}
        rows = []
        for f in model.FACTORS:
            if f.high == 5:
                w = W.IntSlider(value=int(facts[f.key]), min=1, max=5, description=f.label, style=_STYLE, layout=_WIDE)
            else:
                w = W.Text(value=str(facts[f.key]), description=f.label, style=_STYLE, layout=_WIDE,
                           continuous_update=False)
            self.inputs[f.key] = w
            rows.append(W.HBox([w, W.HTML(f"<small>{f.scale}</small>")]))
        self.state_names = tuple(self.inputs)
        super().__init__(rows, lambda: model.choose_organisation({k: w.value for k, w in self.inputs.items()}),
                         draw_organisation, self._describe, watch=list(self.inputs.values()))

    @staticmethod
    def _describe(result) -> str:
        return result._repr_html_()


def organisation_widget(facts: dict[str, object] | None = None) -> OrganisationWidget:
    """The organisation-structure choice calculator, ready to display."""
    return OrganisationWidget(facts)
