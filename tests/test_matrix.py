"""Two-by-two placement."""

import numpy as np
import pandas as pd
import pytest

from kamlab import InputError
from kamlab.matrix import place, quadrant_keys
from kamlab.selection import SELECTION_SCHEME


def test_quadrant_keys_cut_value_counts_as_high():
    # (x, y) with cuts x=1, y=5: (1,5) sits on both lines → HH
    keys = quadrant_keys(np.array([1.0, 0.5, 1.5, 0.2]), np.array([5.0, 8.0, 2.0, 4.99]), 1.0, 5.0)
    assert keys.tolist() == ["HH", "HL", "LH", "LL"]


def test_place_names_quadrants_and_strategies():
    frame = pd.DataFrame({"x": [2.0, 0.5], "y": [9.0, 1.0]})
    out = place(frame, "x", "y", SELECTION_SCHEME)
    assert out["象限"].astype(str).tolist() == ["战略客户", "精简客户"]
    assert out["策略"].astype(str).iloc[0].startswith("重点投入")


def test_with_cuts_validates_range():
    assert SELECTION_SCHEME.with_cuts(1.2, 6).x_cut == 1.2
    with pytest.raises(InputError, match="大客户吸引力分界线"):
        SELECTION_SCHEME.with_cuts(None, 11)
