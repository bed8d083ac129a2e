"""A weighted score: criteria with weights summing to 100, scores on a 0–10 scale.

This is the arithmetic behind every scoring sheet in the book (大客户吸引力计算表,
business strength, vulnerability, industry attractiveness …): each item is scored
on each criterion, the score is multiplied by the criterion's weight and divided
by 100, and the products are summed. With weights summing to 100 and scores in
0–10 the result is again on the 0–10 scale.

Worked by hand: weights 40/20/20/20, scores 8/6/5/7 →
8×40/100 + 6×20/100 + 5×20/100 + 7×20/100 = 3.2 + 1.2 + 1.0 + 1.4 = 6.8.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

SCORE_MIN = 0.0
SCORE_MAX = 10.0


@dataclass(frozen=True)
class Criteria:
    """An ordered set of named criteria with weights summing to 100.

    Build it with :meth:`from_mapping`, which validates the weights and raises
    :class:`kamlab.InputError` naming the field when they are wrong.
    """

    names: tuple[str, ...]
    weights: tuple[float, ...]
    label: str = "权重"

    @classmethod
    def from_mapping(
        cls, weights: Mapping[object, object] | Iterable[tuple[object, object]], label: str = "权重"
    ) -> Criteria:
        """Validate ``{criterion name: weight}`` (or ``(name, weight)`` pairs, as a
        table's rows give them) and build the criteria. Names are stripped; a
        blank or repeated name is an :class:`kamlab.InputError` naming it."""
        parsed = _checks.weights(weights, label)
        return cls(tuple(parsed), tuple(parsed.values()), label)

    def as_dict(self) -> dict[str, float]:
        """The criteria as ``{name: weight}``."""
        return dict(zip(self.names, self.weights, strict=True))

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion: 标准, 权重."""
        return pd.DataFrame({"标准": self.names, "权重": self.weights})


def weighted_scores(
    criteria: Criteria,
    scores: pd.DataFrame,
    field: str = "评分表",
    row_label: str | None = None,
) -> pd.Series:
    """Weighted 0–10 score for every row of ``scores``.

    Args:
        criteria: the criteria and their weights.
        scores: one row per item, one column per criterion name (0–10).
        field: Chinese name of the table, used in error messages.
        row_label: a column naming each row, used in error messages.

    Returns:
        A float Series aligned with ``scores.index``.
    """
    values = _checks.numeric_frame(
        scores, criteria.names, field, SCORE_MIN, SCORE_MAX, row_label=row_label
    )
    weights = pd.Series(criteria.weights, index=criteria.names)
    return values.mul(weights, axis=1).sum(axis=1) / _checks.WEIGHT_TOTAL


@dataclass(frozen=True)
class ScoredTable(TableResult):
    """A table of items with their weighted 0–10 score in one added column.

    Attributes:
        criteria: the weighted criteria used.
        table: the input scores plus the score column.
        score_col: the name of the added column (e.g. ``吸引力``, ``价值分``).
    """

    criteria: Criteria
    table: pd.DataFrame
    score_col: str

    def _repr_html_(self) -> str:
        return self.table.to_html(index=False, float_format=lambda v: f"{v:.2f}")


def score_table(
    criteria: Criteria | Mapping[str, object],
    scores: pd.DataFrame,
    *,
    score_col: str,
    table_label: str,
    weight_label: str,
    name_col: str = "客户",
) -> ScoredTable:
    """Validate a score sheet (names unique, scores 0–10) and add its weighted score.

    Args:
        criteria: weighted criteria, or ``{name: weight}`` (weights sum 100).
        scores: one row per item: ``name_col`` plus one 0–10 column per criterion.
        score_col: the column to add, rounded to 4 decimals.
        table_label: the sheet's Chinese name in error messages (e.g. ``吸引力评分表``).
        weight_label: the weights' Chinese name in error messages (e.g. ``吸引力权重``).
        name_col: the column naming each item.
    """
    if not isinstance(criteria, Criteria):
        criteria = Criteria.from_mapping(criteria, weight_label)
    _checks.non_empty(scores, table_label)
    scores = _checks.stripped_headers(scores, table_label)
    if name_col in scores.columns:
        _checks.names(scores[name_col], f"{table_label}·{name_col}")
    total = weighted_scores(criteria, scores, table_label, row_label=name_col)
    return ScoredTable(criteria, scores.assign(**{score_col: total.round(4)}), score_col)
