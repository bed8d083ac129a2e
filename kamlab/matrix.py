"""Two-by-two placement: put items on a matrix by two scores and two cut-lines.

Used by the KA selection matrix, the attractiveness/vulnerability view, Kraljic's
purchasing portfolio and every other 2×2 in the book. Placement is vectorised
(numpy), so a million accounts take a fraction of a second.

Convention: a value equal to a cut-line counts as *high* (``>=``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _checks

#: Quadrant keys: (y high?, x high?)
HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW = "HH", "HL", "LH", "LL"
QUADRANT_KEYS = (HIGH_HIGH, HIGH_LOW, LOW_HIGH, LOW_LOW)


@dataclass(frozen=True)
class Quadrant:
    """One cell of a 2×2: its name and the strategy it implies."""

    key: str
    name: str
    strategy: str


@dataclass(frozen=True)
class MatrixScheme:
    """Axis labels, cut-lines and the four named quadrants of a 2×2 matrix.

    ``quadrants`` maps the keys ``HH``, ``HL``, ``LH``, ``LL`` (y first, then x)
    to :class:`Quadrant`.
    """

    x_label: str
    y_label: str
    x_cut: float
    y_cut: float
    quadrants: dict[str, Quadrant]
    x_range: tuple[float, float] = (0.0, 10.0)
    y_range: tuple[float, float] = (0.0, 10.0)
    source: str = ""

    def with_cuts(self, x_cut: object = None, y_cut: object = None) -> MatrixScheme:
        """A copy with new cut-lines, validated to lie inside the axis ranges."""
        new_x = self.x_cut if x_cut is None else _checks.in_range(x_cut, f"{self.x_label}分界线", *self.x_range)
        new_y = self.y_cut if y_cut is None else _checks.in_range(y_cut, f"{self.y_label}分界线", *self.y_range)
        return MatrixScheme(
            self.x_label, self.y_label, new_x, new_y, self.quadrants,
            self.x_range, self.y_range, self.source,
        )


def quadrant_codes(x: np.ndarray | pd.Series, y: np.ndarray | pd.Series, x_cut: float, y_cut: float) -> np.ndarray:
    """Vectorised quadrant index into :data:`QUADRANT_KEYS` (HH=0, HL=1, LH=2, LL=3)."""
    x_low = np.asarray(x, dtype=float) < x_cut
    y_low = np.asarray(y, dtype=float) < y_cut
    return y_low.astype(np.int8) * 2 + x_low.astype(np.int8)


def quadrant_keys(x: np.ndarray | pd.Series, y: np.ndarray | pd.Series, x_cut: float, y_cut: float) -> np.ndarray:
    """Vectorised quadrant key (``HH``/``HL``/``LH``/``LL``) for each (x, y)."""
    return np.array(QUADRANT_KEYS)[quadrant_codes(x, y, x_cut, y_cut)]


#: The columns :func:`place` adds (charts and widgets read them by these names).
QUADRANT = "象限"
STRATEGY = "策略"


def place(frame: pd.DataFrame, x: str, y: str, scheme: MatrixScheme) -> pd.DataFrame:
    """Add :data:`QUADRANT` (象限) and :data:`STRATEGY` (策略) columns from ``x`` and ``y``."""
    codes = quadrant_codes(frame[x].to_numpy(), frame[y].to_numpy(), scheme.x_cut, scheme.y_cut)
    quadrants = [scheme.quadrants[k] for k in QUADRANT_KEYS]
    return frame.assign(**{  # a new frame; the caller's frame is left untouched
        QUADRANT: pd.Categorical.from_codes(codes, categories=[q.name for q in quadrants]),
        STRATEGY: pd.Categorical.from_codes(codes, categories=[q.strategy for q in quadrants]),
    })
