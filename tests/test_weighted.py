"""Weighted scores: weights sum to 100, scores 0–10, result 0–10."""

import pandas as pd
import pytest

from kamlab import Criteria, InputError, weighted_scores


def test_weighted_score_worked_example():
    # 8×40/100 + 6×20/100 + 5×20/100 + 7×20/100 = 3.2 + 1.2 + 1.0 + 1.4 = 6.8
    c = Criteria.from_mapping({"a": 40, "b": 20, "c": 20, "d": 20})
    scores = pd.DataFrame({"a": [8, 10], "b": [6, 10], "c": [5, 0], "d": [7, 0]})
    # second row: 10×40/100 + 10×20/100 = 4 + 2 = 6.0
    assert weighted_scores(c, scores).round(6).tolist() == [6.8, 6.0]


def test_weighted_score_edges_zero_and_ten():
    c = Criteria.from_mapping({"a": 50, "b": 50})
    scores = pd.DataFrame({"a": [0, 10], "b": [0, 10]})
    assert weighted_scores(c, scores).tolist() == [0.0, 10.0]


def test_weights_must_sum_to_100_message_lists_parts():
    with pytest.raises(InputError) as err:
        Criteria.from_mapping({"未来销售收入和利润": 40, "财务安全": 20, "相互关系": 20, "影响力": 15})
    msg = str(err.value)
    assert "权重" in msg and "之和应为 100，当前为 95" in msg and "影响力 15" in msg


@pytest.mark.parametrize(
    ("weights", "fragment"),
    [
        ({"a": "四十", "b": 60}, "应为数字"),
        ({"a": -10, "b": 110}, "应在 0–100 之间"),
        ({"": 50, "b": 50}, "名称为空"),
        ({"a": float("nan"), "b": 100}, "有限的数字"),
    ],
)
def test_bad_weights_named(weights, fragment):
    with pytest.raises(InputError, match=fragment):
        Criteria.from_mapping(weights)


def test_score_out_of_range_names_row_and_column():
    c = Criteria.from_mapping({"质量": 100})
    with pytest.raises(InputError) as err:
        weighted_scores(c, pd.DataFrame({"名": ["甲", "乙"], "质量": [5, 11]}), "评分表", row_label="名")
    assert str(err.value).startswith("「评分表·“乙”·质量」应为 0–10 之间的数字，当前为 11")


def test_empty_table_rejected():
    c = Criteria.from_mapping({"质量": 100})
    with pytest.raises(InputError, match="为空"):
        weighted_scores(c, pd.DataFrame({"质量": []}))
