"""四维评估法 scorecard: hand-checked numbers and bad input."""

import pandas as pd
import pytest

from kamlab import InputError
from kamlab.scorecard import DIMENSIONS, column, score_quarters, weakest_text


def _frame(rows):
    """rows: (quarter, [quant, qual] × 4 dimensions)."""
    data = []
    for quarter, values in rows:
        row = {"季度": quarter}
        for i, d in enumerate(DIMENSIONS):
            row[column(d, "定量")] = values[2 * i]
            row[column(d, "定性")] = values[2 * i + 1]
        data.append(row)
    return pd.DataFrame(data)


CASE = _frame([("Q1", [3, 5, 5, 5, 3, 5, 4, 6]), ("Q2", [4, 7, 5, 6, 4, 5, 5, 5])])


def test_scorecard_equal_weights_half_quant():
    result = score_quarters(CASE)
    t = result.table
    # Q1 dimensions: (3+5)/2=4, (5+5)/2=5, (3+5)/2=4, (4+6)/2=5 → (4+5+4+5)×25/100 = 4.5
    assert list(t.loc[0, list(DIMENSIONS)]) == [4.0, 5.0, 4.0, 5.0]
    assert t.loc[0, "综合得分"] == pytest.approx(4.5)
    # Q2: 5.5, 5.5, 4.5, 5 → 20.5 × 25/100 = 5.125; 环比 5.125 − 4.5 = 0.625
    assert t.loc[1, "综合得分"] == pytest.approx(5.125)
    assert t.loc[1, "环比变化"] == pytest.approx(0.625)
    assert pd.isna(t.loc[0, "环比变化"])
    assert result.weakest == ("垂直经销商评价",)  # 4.5 is the lowest in Q2


def test_scorecard_quant_only_and_custom_weights():
    weights = {"纵向时间对比": 40, "横向标杆对比": 20, "垂直经销商评价": 20, "平行大客户反馈": 20}
    result = score_quarters(CASE, weights, quant_share=100)
    # Q1 quant only: 3×40/100 + 5×20/100 + 3×20/100 + 4×20/100 = 1.2 + 1 + 0.6 + 0.8 = 3.6
    assert result.table.loc[0, "综合得分"] == pytest.approx(3.6)


def test_scorecard_tie_for_weakest_reports_every_tied_dimension():
    same = _frame([("Q1", [5] * 8)])
    result = score_quarters(same)
    assert result.table.loc[0, "综合得分"] == pytest.approx(5.0)
    assert result.weakest == DIMENSIONS  # all four at 5.0: a four-way tie, not the first one
    assert weakest_text(result.weakest) == "纵向时间对比、横向标杆对比、垂直经销商评价、平行大客户反馈（4 个维度并列）"


def test_scorecard_sample_q4_is_a_three_way_tie():
    # The book's sample (ye-01), 2024Q4 at 50 % quant: (5+6)/2 = 5.5, (6+5)/2 = 5.5,
    # (6+6)/2 = 6.0, (5+6)/2 = 5.5 → three dimensions tie at 5.5; 垂直经销商评价 is not among them.
    q4 = _frame([("2024Q3", [5, 8, 5, 7, 5, 7, 4, 8]), ("2024Q4", [5, 6, 6, 5, 6, 6, 5, 6])])
    result = score_quarters(q4)
    assert list(result.latest[list(DIMENSIONS)]) == [5.5, 5.5, 6.0, 5.5]
    assert result.weakest == ("纵向时间对比", "横向标杆对比", "平行大客户反馈")
    assert "3 个维度并列" in result._repr_html_()
    # at 100 % quant the tie breaks: 5, 6, 6, 5 → 纵向 and 平行 tie at 5
    assert score_quarters(q4, quant_share=100).weakest == ("纵向时间对比", "平行大客户反馈")
    # at 0 % quant (qualitative only): 6, 5, 6, 6 → 横向标杆对比 alone
    assert weakest_text(score_quarters(q4, quant_share=0).weakest) == "横向标杆对比"


def test_scorecard_weights_must_sum_to_100():
    with pytest.raises(InputError, match="维度权重"):
        score_quarters(CASE, {d: 20 for d in DIMENSIONS})


def test_scorecard_unknown_dimension_rejected():
    with pytest.raises(InputError, match="不是四维评估法的维度"):
        score_quarters(CASE, {"销量": 100})


def test_scorecard_score_out_of_range_names_quarter_and_column():
    bad = CASE.copy()
    bad.loc[1, column("横向标杆对比", "定性")] = 11
    with pytest.raises(InputError, match="季度评分表·“Q2”·横向标杆对比·定性"):
        score_quarters(bad)


def test_scorecard_text_and_nan_rejected():
    bad = CASE.astype(object).copy()
    bad.loc[0, column("纵向时间对比", "定量")] = "好"
    with pytest.raises(InputError, match="纵向时间对比·定量"):
        score_quarters(bad)
    nan = CASE.astype(float, errors="ignore").copy()
    nan.loc[0, column("平行大客户反馈", "定性")] = float("nan")
    with pytest.raises(InputError, match="平行大客户反馈·定性"):
        score_quarters(nan)


def test_scorecard_empty_duplicate_and_share():
    with pytest.raises(InputError, match="季度评分表"):
        score_quarters(CASE.iloc[0:0])
    dup = CASE.copy()
    dup["季度"] = ["Q1", "Q1"]
    with pytest.raises(InputError, match="季度"):
        score_quarters(dup)
    with pytest.raises(InputError, match="定量占比"):
        score_quarters(CASE, quant_share=120)
