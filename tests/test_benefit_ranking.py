"""客户效益需求与竞争排名评估表: weighted standing and per-need ranks."""

import pandas as pd
import pytest

from kamlab import InputError, load_sample
from kamlab.benefit_ranking import rank_benefits

NEEDS = {"交付可靠性": 40, "技术支持": 30, "价格": 30}


def grid(**rows):
    return pd.DataFrame([{"供应商": k, "交付可靠性": v[0], "技术支持": v[1], "价格": v[2]} for k, v in rows.items()])


def test_module_doc_example():
    # 我方 8×0.4 + 9×0.3 + 5×0.3 = 3.2 + 2.7 + 1.5 = 7.4
    # 对手A 7×0.4 + 6×0.3 + 8×0.3 = 2.8 + 1.8 + 2.4 = 7.0
    r = rank_benefits(NEEDS, grid(我方=(8, 9, 5), 对手A=(7, 6, 8)))
    assert r.standing["供应商"].tolist() == ["我方", "对手A"]
    assert r.standing["加权得分"].tolist() == [7.4, 7.0]
    assert r.our_rank == 1 and r.best_rival == "对手A" and r.lead == pytest.approx(0.4)
    price = r.by_need.set_index("需求").loc["价格"]
    # 价格: 5 − 8 = −3; weighted −3 × 30/100 = −0.9; we rank 2nd
    assert price["差距"] == -3 and price["加权差距"] == pytest.approx(-0.9) and price["我方排名"] == 2


def test_sample_grid_of_chapter():
    # 我方 8×.30 + 7×.25 + 8×.20 + 6×.15 + 9×.10 = 2.4 + 1.75 + 1.6 + 0.9 + 0.9 = 7.55
    # 甲   7×.30 + 9×.25 + 8×.20 + 5×.15 + 6×.10 = 2.1 + 2.25 + 1.6 + 0.75 + 0.6 = 7.30
    # 乙   6×.30 + 6×.25 + 5×.20 + 9×.15 + 7×.10 = 1.8 + 1.5 + 1.0 + 1.35 + 0.7 = 6.35
    needs = load_sample("wang_benefit_needs")
    r = rank_benefits(dict(zip(needs["需求"], needs["权重"], strict=True)), load_sample("wang_benefit_scores"))
    assert r.standing["加权得分"].tolist() == [7.55, 7.3, 6.35]
    # 技术支持与联合开发: 我方 8 = 甲 8 → tie, both rank 1
    assert r.by_need.set_index("需求").at["技术支持与联合开发", "我方排名"] == 1


def test_tie_shares_the_better_rank_and_lead_is_zero():
    # both 6×0.4 + 6×0.3 + 6×0.3 = 6.0
    r = rank_benefits(NEEDS, grid(我方=(6, 6, 6), 对手A=(6, 6, 6), 对手B=(2, 2, 2)))
    assert r.standing["排名"].tolist() == [1, 1, 3]
    assert r.lead == 0 and r.our_rank == 1


@pytest.mark.parametrize(
    ("needs", "rows", "field"),
    [
        ({"交付可靠性": 40, "技术支持": 30, "价格": 20}, {"我方": (1, 1, 1), "A": (1, 1, 1)}, "效益需求权重"),
        (NEEDS, {"我方": (11, 1, 1), "A": (1, 1, 1)}, "竞争排名评估表·“我方”·交付可靠性"),
        (NEEDS, {"我方": ("好", 1, 1), "A": (1, 1, 1)}, "交付可靠性"),
        (NEEDS, {"我方": (float("nan"), 1, 1), "A": (1, 1, 1)}, "交付可靠性"),
        (NEEDS, {"我们": (1, 1, 1), "A": (1, 1, 1)}, "没有“我方”"),
        (NEEDS, {"我方": (1, 1, 1)}, "至少需要一个竞争对手"),
    ],
)
def test_bad_input_names_the_field(needs, rows, field):
    with pytest.raises(InputError) as err:
        rank_benefits(needs, grid(**rows))
    assert field in str(err.value)


def test_empty_and_duplicate_suppliers_rejected():
    with pytest.raises(InputError, match="竞争排名评估表"):
        rank_benefits(NEEDS, pd.DataFrame(columns=["供应商", *NEEDS]))
    dup = pd.concat([grid(我方=(1, 1, 1)), grid(我方=(2, 2, 2))])
    with pytest.raises(InputError, match="重复"):
        rank_benefits(NEEDS, dup)


def test_chart_and_widget_show_error_inline_then_recover():
    from kamlab.widgets import benefit_ranking_widget

    needs, scores = load_sample("wang_benefit_needs"), load_sample("wang_benefit_scores")
    w = benefit_ranking_widget(needs, scores)
    assert w.result.our_score == 7.55
    w.needs.set_cell(0, 1, "35")  # weights now 105
    assert "效益需求权重" in w.error.value and "105" in w.error.value
    w.needs.set_cell(0, 1, "30")
    assert w.error.value == ""
