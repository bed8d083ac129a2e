"""Tests for kamlab.competition (competitor-strength grid)."""

import pandas as pd
import pytest

from kamlab import InputError, competitor_grid

GRID = pd.DataFrame({"产品线": ["离心泵", "计量泵", "变频柜"], "我方": [9, 6, 8],
                     "对手甲": [8, 5, 6], "对手乙": [6, 8, 5], "对手丙": [5, 4, 8]})


def test_grid_gap_and_status_by_hand():
    r = competitor_grid(GRID)
    # 离心泵 9 − 8 = +1 → 领先; 计量泵 6 − 8 = −2 → 落后; 变频柜 8 − 8 = 0 → 相持
    assert list(r.table["差距"]) == [1, -2, 0]
    assert list(r.table["态势"]) == ["领先", "落后", "相持"]
    assert list(r.table["最强对手"]) == ["对手甲", "对手乙", "对手丙"]


def test_grid_strong_weak_labels_and_threshold():
    r = competitor_grid(GRID, strong=8)
    assert list(r.labels().loc["离心泵"]) == ["强", "强", "弱", "弱"]  # 9, 8 ≥ 8
    r = competitor_grid(GRID, strong=9)
    assert list(r.labels().loc["离心泵"]) == ["强", "弱", "弱", "弱"]


def test_grid_margin_zero_and_tied_rivals():
    t = pd.DataFrame({"产品线": ["泵"], "我方": [7], "甲": [7], "乙": [7]})
    r = competitor_grid(t, margin=0)
    assert r.table["态势"][0] == "领先"  # gap 0 ≥ margin 0
    assert r.table["最强对手"][0] == "甲"  # a tie names the first rival


@pytest.mark.parametrize(
    ("table", "kwargs", "field"),
    [
        (GRID.drop(columns=["我方"]), {}, "缺少列"),
        (GRID[["产品线", "我方"]], {}, "竞争对手"),
        (GRID.assign(对手甲=[8, 11, 6]), {}, "对手甲"),
        (GRID.assign(对手甲=[8, "x", 6]), {}, "对手甲"),
        (GRID.iloc[:0], {}, "竞争力评分表"),
        (GRID.assign(产品线=["泵", "泵", "柜"]), {}, "重复"),
        (GRID, {"strong": 12}, "竞争力强的分界"),
        (GRID, {"margin": -1}, "分差"),
    ],
)
def test_grid_bad_input(table, kwargs, field):
    with pytest.raises(InputError, match=field):
        competitor_grid(table, **kwargs)


def test_grid_chart_and_widget():
    from kamlab.charts import draw_competition
    from kamlab.widgets import competition_widget

    fig = draw_competition(competitor_grid(GRID))
    assert "9" in [t.get_text().split("\n")[0] for t in fig.axes[0].texts]
    w = competition_widget(GRID)
    assert w.error.value == "" and "领先" in w.summary.value
    w.strong.value = "abc"
    assert "竞争力强的分界" in w.error.value
