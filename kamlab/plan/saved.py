"""Reading a calculator's saved inputs: by name, or by position for calculators saved positionally."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from .chapters import CALCULATORS
from .result import Missing, Piece, SavedWork


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


def gather(work: SavedWork, chapter: str, key: str, build: Callable[[Any, str], Piece],
           pieces: list[Piece], missing: list[Missing]) -> None:
    """Add one calculator's piece of the plan, or say why it is missing.

    ``build(state, tool)`` turns the calculator's saved state into a :class:`Piece`. Nothing saved:
    listed as missing. Saved inputs that no longer compute (a ``ValueError``, which every
    ``InputError`` is, or a ``TypeError`` from a hand-edited file): listed as missing, with the reason.
    """
    tool = CALCULATORS[chapter][key]
    state = work.state(chapter, key)
    if state is None:
        missing.append(Missing(chapter, tool))
        return
    try:
        pieces.append(build(state, tool))
    except (TypeError, ValueError) as error:
        missing.append(Missing(chapter, tool, f"无法计算：{error}"))
