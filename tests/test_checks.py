"""The shared learner-input checks."""

import math

import pandas as pd
import pytest

from kamlab import InputError, _checks


@pytest.mark.parametrize(("raw", "value"), [("1,200", 1200.0), (" 7.5 ", 7.5), ("８", 8.0), (3, 3.0)])
def test_to_number_accepts_typed_numbers(raw, value):
    assert _checks.to_number(raw, "销售额") == value


@pytest.mark.parametrize("raw", ["", "abc", None, True, math.nan, math.inf])
def test_to_number_rejects_with_field_name(raw):
    with pytest.raises(InputError) as err:
        _checks.to_number(raw, "销售额")
    assert err.value.field == "销售额"
    assert str(err.value).startswith("「销售额」")


def test_names_rejects_duplicates():
    with pytest.raises(InputError, match="名称“质量”重复"):
        _checks.names(["质量", "交付", " 质量 "], "采购标准")


def test_numeric_frame_first_bad_cell_by_position():
    frame = pd.DataFrame({"x": ["1", "2", "三"]})
    with pytest.raises(InputError) as err:
        _checks.numeric_frame(frame, ["x"], "表")
    assert err.value.field == "表·第 3 行·x"
