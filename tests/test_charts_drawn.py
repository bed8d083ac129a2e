"""Every draw function, asserted on what it draws: bar lengths, points, labels, titles.

Each test builds a small result by hand (values checked in the comments) and reads
the artists back from the Figure, so a chart that drew the wrong numbers fails.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kamlab
from kamlab import charts


def _ticks(labels) -> list[str]:
    return [t.get_text() for t in labels]


def test_draw_goals_bars_are_the_three_targets():
    fig = charts.draw_goals(kamlab.set_targets(8000, 30, 6, 350, 1800, 20))
    ax = fig.axes[0]
    # 8000 × 30 % = 2400; 6 × 350 = 2100; 1800 × 1.2 = 2160
    assert [round(p.get_height(), 4) for p in ax.patches[:3]] == [2400, 2100, 2160]
    assert "相差 300 万元" in ax.get_title()


def test_draw_benchmark_radar_lines_and_boards():
    table = pd.DataFrame({"要素": ["产品技术", "质量稳定性", "交付速度", "服务响应", "价格竞争力", "品牌影响力"],
                          "我方": [8, 7, 9, 8, 6, 4], "行业龙头": [8, 9, 7, 7, 8, 9]})
    fig = charts.draw_benchmark(kamlab.compare_benchmark(table))
    ax = fig.axes[0]
    ours, leader = ax.lines[0].get_ydata().tolist(), ax.lines[1].get_ydata().tolist()
    assert ours == [8, 7, 9, 8, 6, 4, 8] and leader == [8, 9, 7, 7, 8, 9, 8]  # closed polygons
    labels = _ticks(ax.get_xticklabels())
    assert labels[2] == "交付速度\n（长板）" and labels[5] == "品牌影响力\n（短板）"  # +2 and −5


def test_draw_diagnosis_pairs_sales_and_profit_shares():
    accounts = pd.DataFrame({"客户": ["华北重工", "东海船舶"], "销售额": [300, 750], "净利润": [6, 60],
                             "品牌标杆价值": [3, 3], "供应商排名": [3, 2]})
    fig = charts.draw_diagnosis(kamlab.diagnose_accounts(accounts, 6000, 360))
    ax = fig.axes[0]
    widths = [round(p.get_width(), 4) for p in ax.patches]
    assert widths == [5.0, 12.5, 1.6667, 16.6667]  # sales 300/6000, 750/6000; profit 6/360, 60/360
    assert _ticks(ax.get_yticklabels()) == ["华北重工", "东海船舶"]


def test_draw_ladder_bars_are_the_item_scores():
    from kamlab.trust_ladder import ITEMS

    scores = dict(zip(ITEMS, (8, 7, 6, 5, 7, 5, 6, 3, 2), strict=True))
    fig = charts.draw_ladder(kamlab.assess_ladder(scores))
    heights = [round(p.get_height(), 4) for p in fig.axes[0].patches if p.get_height() > 0]
    assert heights[:9] == [8, 7, 6, 5, 7, 5, 6, 3, 2]
    assert "已登上第 2 级" in fig.axes[0].get_title()  # steps 6.5 and 6.0 reach 6; 2.5 does not


def test_draw_projection_bars_follow_the_table():
    result = kamlab.project_purchases(100, 0, 0, 200, years=3)
    fig = charts.draw_projection(result)
    ax = fig.axes[0]
    heights = [round(p.get_height(), 4) for p in ax.patches]
    assert heights == [100, 100, 100, 200, 200, 200]  # no growth: 100 a year vs the steady 200
    assert _ticks(ax.get_xticklabels()) == ["第1年", "第2年", "第3年"]


def test_draw_scorecard_lines_are_the_quarterly_scores():
    from kamlab.scorecard import DIMENSIONS, column

    rows = []
    for quarter, values in (("Q1", [3, 5, 5, 5, 3, 5, 4, 6]), ("Q2", [4, 7, 5, 6, 4, 5, 5, 5])):
        row = {"季度": quarter}
        for i, d in enumerate(DIMENSIONS):
            row[column(d, "定量")], row[column(d, "定性")] = values[2 * i], values[2 * i + 1]
        rows.append(row)
    result = kamlab.score_quarters(pd.DataFrame(rows))
    ax = charts.draw_scorecard(result).axes[0]
    total = ax.lines[-1]
    assert total.get_label() == "综合得分"
    assert total.get_ydata().tolist() == pytest.approx(result.table["综合得分"].tolist())
    assert _ticks(ax.get_xticklabels()) == ["Q1", "Q2"]


def test_draw_synergy_bars_are_the_scores():
    from kamlab.synergy import SYNERGIES

    fig = charts.draw_synergy(kamlab.score_synergies(dict(zip(SYNERGIES, (8, 6, 4, 7, 5), strict=True))))
    ax = fig.axes[0]
    assert [round(p.get_width(), 4) for p in ax.patches] == [8, 6, 4, 7, 5]
    assert "综合 6.00" in ax.get_title()  # equal weights: (8+6+4+7+5)/5


def test_draw_selection_places_bubbles_and_shows_the_weights():
    scored = kamlab.score_attractiveness({"甲": 60, "乙": 40}, pd.DataFrame(
        {"客户": ["A", "B"], "甲": [8, 2], "乙": [5, 5], "相对实力": [1.5, 0.5], "销售额": [10, 20]}))
    fig = charts.draw_selection(kamlab.selection_matrix(scored))
    ax = fig.axes[0]
    assert ax.collections[0].get_offsets().tolist() == [[1.5, 6.8], [0.5, 3.2]]
    assert {t.get_text() for t in ax.texts} >= {"A", "B", "战略客户", "精简客户"}
    assert fig.texts[0].get_text() == "吸引力 = 甲 60% + 乙 40%"


def test_draw_benefit_ranking_bars_per_supplier():
    needs = pd.DataFrame({"需求": ["交付", "质量"], "权重": [60, 40]})
    scores = pd.DataFrame({"供应商": ["我方", "对手"], "交付": [8, 6], "质量": [5, 9]})
    result = kamlab.rank_benefits(dict(zip(needs["需求"], needs["权重"], strict=True)), scores)
    ax = charts.draw_benefit_ranking(result).axes[0]
    assert sorted(round(p.get_width(), 4) for p in ax.patches) == [5, 6, 8, 9]
    assert _ticks(ax.get_yticklabels()) == ["交付（权重 60）", "质量（权重 40）"]


def test_draw_readiness_bars_are_the_driver_scores():
    from kamlab.global_readiness import DRIVERS

    scores = dict(zip(DRIVERS, (8, 6, 9, 7, 8, 4, 5, 6), strict=True))
    result = kamlab.assess_global_readiness(scores)
    ax = charts.draw_readiness(result).axes[0]
    assert [round(p.get_width(), 4) for p in ax.patches] == [8, 6, 9, 7, 8, 4, 5, 6]
    assert f"{result.score:.2f}" in ax.get_title() and result.score == 6.625  # 53 / 8


def test_draw_kraljic_places_items():
    purchases = kamlab.load_sample("wang_purchases")
    result = kamlab.classify_purchases(purchases)
    ax = charts.draw_kraljic(result).axes[0]
    expected = result.table[[result.x, result.y]].to_numpy(dtype=float).tolist()
    assert ax.collections[0].get_offsets().tolist() == expected
    assert set(result.table["品类"]) <= {t.get_text() for t in ax.texts}


def test_draw_lifetime_value_bars_and_cumulative_line():
    result = kamlab.customer_lifetime_value(100, 80, 10, years=3)
    ax = charts.draw_lifetime_value(result).axes[0]
    # 100 × 0.8/1.1, 100 × 0.64/1.21, 100 × 0.512/1.331
    assert [round(p.get_height(), 2) for p in ax.patches] == [72.73, 52.89, 38.47]
    assert ax.lines[0].get_ydata().round(2).tolist() == [72.73, 125.62, 164.09]


def test_draw_partnership_marks_the_account():
    from kamlab.partnership import DRIVERS, FACILITATORS

    result = kamlab.assess_partnership(dict.fromkeys(DRIVERS, 4), dict.fromkeys(DRIVERS, 4),
                                       dict.fromkeys(FACILITATORS, 3))
    ax = charts.draw_partnership(result).axes[0]
    point = ax.lines[0]
    assert (point.get_xdata()[0], point.get_ydata()[0]) == (result.facilitator_score, result.driver_score)
    assert any(t.get_text().startswith(f"本客户（{result.facilitator_score:.2f}") for t in ax.texts)


def test_draw_funnel_stages_and_totals():
    result = kamlab.forecast(kamlab.load_sample("wang_pipeline"))
    ax = charts.draw_funnel(result).axes[0]
    assert f"加权预测 {result.weighted_total:.0f}" in ax.get_title()
    stages = result.by_stage
    widths = [round(p.get_width(), 2) for p in ax.patches]
    n = len(stages)
    assert widths[:n] == stages["金额"].astype(float).round(2).tolist()  # pipeline value per stage
    assert widths[n:] == stages["加权金额"].astype(float).round(2).tolist()  # weighted, drawn inside
    assert round(sum(widths[n:]), 2) == round(result.weighted_total, 2)
    top = max(ax.get_yticklabels(), key=lambda t: t.get_position()[1])
    assert top.get_text() == f"{stages['阶段'].iloc[0]}（{stages['概率'].iloc[0]:g}%）"  # first stage on top


def test_draw_stage_bars_are_the_indicator_levels():
    from kamlab.relationship_stage import INDICATORS

    levels = dict.fromkeys(INDICATORS, 3)
    result = kamlab.diagnose_stage(levels)
    ax = charts.draw_stage(result).axes[0]
    assert [round(p.get_width(), 4) for p in ax.patches] == [3] * len(INDICATORS)
    assert result.name in ax.get_title()
