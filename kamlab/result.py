"""Results whose data is one table: the shared ``to_frame``.

Most model results hold their rows in ``table`` (a DataFrame) next to a few
figures; :class:`TableResult` gives them one ``to_frame`` (a copy the caller may
change without touching the result).
"""

from __future__ import annotations

import pandas as pd


class TableResult:
    """Mixin for a (frozen) dataclass result with a ``table`` field."""

    table: pd.DataFrame

    def to_frame(self) -> pd.DataFrame:
        """The result's table, as a copy safe to change."""
        return self.table.copy()
