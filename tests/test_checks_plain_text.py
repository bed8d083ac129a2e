"""numeric_frame's one-pass parse of plain text cells gives the same numbers and messages as the cleaning."""

from __future__ import annotations

import pandas as pd
import pytest

from kamlab import InputError
from kamlab._checks import numeric_frame, plain_text


def test_plain_text_is_only_text_without_spaces_or_marks():
    assert plain_text(pd.Series(["1", "2.5", ""], dtype=object))
    assert not plain_text(pd.Series(["1", " 2"], dtype=object))
    assert not plain_text(pd.Series(["1,000"], dtype=object))
    assert not plain_text(pd.Series([1, "2"], dtype=object))
    assert not plain_text(pd.Series(["50%"], dtype=object), marks="%")


def test_plain_and_cleaned_columns_read_the_same_numbers():
    frame = pd.DataFrame({"客户": ["甲", "乙", "丙"], "a": ["1", "2.5", "10"], "b": ["1,000", " 2 ", "3"]},
                         dtype=object)
    out = numeric_frame(frame, ["a", "b"], "表", 0, None, row_label="客户")
    assert out["a"].tolist() == [1.0, 2.5, 10.0]
    assert out["b"].tolist() == [1000.0, 2.0, 3.0]


def test_a_bad_plain_cell_is_named_as_before():
    frame = pd.DataFrame({"客户": ["甲", "乙"], "a": ["3", "abc"]}, dtype=object)
    with pytest.raises(InputError) as caught:
        numeric_frame(frame, ["a"], "评分表", 0, 10, row_label="客户")
    assert str(caught.value) == "「评分表·“乙”·a」应为 0–10 之间的数字，当前为 “abc”"
