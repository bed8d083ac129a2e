"""Reading a calculator's saved inputs: by name, or by position for calculators saved positionally."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .result import SavedWork


def saved_input(state: Any, name: str, position: int, default: Any = None) -> Any:
    """A saved input by its name, or by its position for calculators saved positionally."""
    if not isinstance(state, Mapping):
        return default
    if name in state:
        return state[name]
    return state.get(str(position), default)


def saved_rows(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        return []
    out = []
    for row in value:
        if isinstance(row, Mapping):
            out.append({str(k): "" if v is None else str(v) for k, v in row.items()})
    return out


def rows_frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows) if rows else pd.DataFrame()


def account_rows(work: SavedWork) -> list[dict[str, str]]:
    """The learner's account list: the profile's, else the selection calculator's, else none."""
    if not work.profile.is_example:
        return [dict(r) for r in work.profile.accounts]
    return saved_rows(saved_input(work.state("wang-01", "selection"), "accounts", 1))



def saved_lines(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]
