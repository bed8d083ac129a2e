"""The weighted score sheet as a widget part: a criteria table whose rows are
the score columns of an item table (:mod:`kamlab.weighted` is its model).

Used by the attractiveness sheet (selection), the value scorecard, the value
index and the benefit ranking. Criterion row *i* owns score column *i*: a
rename relabels that column and keeps its values, even while the new name is
still used by another row; adding or removing the last criterion adds or
removes the last score column. Nothing is keyed by a name until the model has
checked the names (blank, repeated) and named the culprit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .._checks import name_text
from ..weighted import Criteria
from .table import EditableTable


class WeightedSheet:
    """Two linked tables: criteria (name, weight) and items scored on them.

    Args:
        criteria: the starting ``{criterion: weight}``.
        items: the starting item table (lead columns, one column per criterion, trail columns).
        lead: the item table's columns before the criteria (e.g. ``客户``, ``销售额``).
        trail: its columns after the criteria (e.g. ``相对实力``, ``易损性``).
        label: the weights' Chinese name in messages (e.g. ``吸引力权重``).
        name_header: the criteria table's name column (``标准``, ``需求``).
    """

    def __init__(self, criteria: Mapping[str, object], items: pd.DataFrame, *, lead: Sequence[str],
                 trail: Sequence[str] = (), label: str, name_header: str = "标准",
                 criteria_widths: Sequence[str] = ("14em", "6em")) -> None:
        self.lead, self.trail, self.label, self.name_header = list(lead), list(trail), label, name_header
        self.criteria = EditableTable([name_header, "权重"], [(k, v) for k, v in criteria.items()],
                                      widths=list(criteria_widths))
        columns = [*self.lead, *[str(k) for k in criteria], *self.trail]
        self.items = EditableTable(columns, items.astype(str).to_dict("records"))
        self.criteria.on_change(self.sync)

    def names(self) -> list[str]:
        """The criterion names as typed, stripped (blanks and repeats included)."""
        return [name_text(row[0]) for row in self.criteria.rows()]

    def sync(self) -> None:
        """Relabel/add/remove the item table's score columns to follow the criteria rows."""
        names = self.names()
        wanted = [*self.lead, *names, *self.trail]
        if wanted == self.items.columns:
            return
        n_lead, n_old = len(self.lead), len(self.items.columns) - len(self.lead) - len(self.trail)
        sources: list[int | None] = list(range(n_lead))
        sources += [n_lead + i if i < n_old else None for i in range(len(names))]
        sources += [n_lead + n_old + j for j in range(len(self.trail))]
        self.items.set_columns(wanted, sources=sources)

    def weights(self) -> Criteria:
        """The criteria, validated (raises :class:`kamlab.InputError`)."""
        return Criteria.from_mapping([(row[0], row[1]) for row in self.criteria.rows()], self.label)

    def frame(self) -> pd.DataFrame:
        """The item table as text, headers as shown."""
        return self.items.frame()
