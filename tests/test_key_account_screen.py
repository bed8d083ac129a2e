"""Is this a key account? Projection and three-meaning screen, checked by hand."""

import pandas as pd
import pytest

from kamlab import InputError
from kamlab.key_account_screen import project_purchases, screen_accounts


def test_projection_accelerating_against_steady():
    r = project_purchases(50, 20, 10, 120, years=6)
    # 50; 50×1.2 = 60; 60×1.3 = 78; 78×1.4 = 109.2; 109.2×1.5 = 163.8; 163.8×1.6 = 262.08
    assert list(r.table["加速型客户"]) == pytest.approx([50, 60, 78, 109.2, 163.8, 262.08])
    assert list(r.table["增长率(%)"])[1:] == [20, 30, 40, 50, 60]
    # yearly: 163.8 > 120 first in year 5
    assert r.yearly_cross == 5
    # cumulative: 50, 110, 188, 297.2, 461, 723.08 vs 120, 240, 360, 480, 600, 720 → year 6
    assert r.table["加速型累计"].iloc[-1] == pytest.approx(723.08)
    assert r.cumulative_cross == 6


def test_projection_no_cross_and_equal_counts_as_caught_up():
    r = project_purchases(100, 0, 0, 200, years=3)
    # flat 100 a year never passes 200
    assert r.yearly_cross is None and r.cumulative_cross is None
    tie = project_purchases(100, 0, 0, 100, years=2)
    # equal yearly purchase is not "more"; equal cumulative counts as caught up in year 1
    assert tie.yearly_cross is None and tie.cumulative_cross == 1


def test_projection_bad_inputs_named():
    with pytest.raises(InputError, match="首年采购额"):
        project_purchases(0, 10, 0, 100)
    with pytest.raises(InputError, match="首年增长率"):
        project_purchases(50, "快", 0, 100)
    with pytest.raises(InputError, match="稳定大客户年采购额"):
        project_purchases(50, 10, 0, float("nan"))
    with pytest.raises(InputError, match="增速每年加快"):
        project_purchases(50, 10, -50, 100, years=10)  # 10 − 50×… drops below −100 %


CANDIDATES = pd.DataFrame({"客户": ["华北重工", "江南精机", "西部矿机", "东海船舶"],
                           "首单金额": [600, 40, 80, 150], "首年增长率": [5, 30, 10, 5],
                           "增速每年加快": [0, 20, 0, 0], "行业影响力": [4, 3, 8, 5]})


def test_screen_each_meaning():
    r = screen_accounts(CANDIDATES, large_order=200, horizon=5, influence_cut=7)
    t = r.table.set_index("客户")
    assert t.loc["华北重工", "判定"] == "大客户：单次量大"  # 600 ≥ 200
    # 40, 52, 78, 132.6, 251.94 ≥ 200 in year 5
    assert t.loc["江南精机", "第5年采购额"] == pytest.approx(251.94)
    assert t.loc["江南精机", "判定"] == "大客户：加速成长"
    assert t.loc["西部矿机", "判定"] == "大客户：行业影响力大"  # 80×1.1⁴ = 117.128 < 200, influence 8 ≥ 7
    # 150×1.05⁴ = 182.33 < 200, influence 5 < 7
    assert t.loc["东海船舶", "判定"] == "暂不列为大客户"
    assert r.key_accounts == ["华北重工", "江南精机", "西部矿机"]


def test_screen_lines_are_inclusive():
    one = pd.DataFrame({"客户": ["甲"], "首单金额": [200], "首年增长率": [0], "增速每年加快": [0], "行业影响力": [7]})
    t = screen_accounts(one, 200, 5, 7).table
    assert t.loc[0, "判定"] == "大客户：单次量大、行业影响力大"
    assert t.loc[0, "加速成长"] == "–"  # already big, so not counted as "small but growing"


def test_screen_bad_table():
    with pytest.raises(InputError, match="候选客户表"):
        screen_accounts(CANDIDATES.iloc[0:0])
    bad = CANDIDATES.astype(object).copy()
    bad.loc[2, "行业影响力"] = 12
    with pytest.raises(InputError, match="“西部矿机”·行业影响力"):
        screen_accounts(bad)
    dup = CANDIDATES.copy()
    dup.loc[1, "客户"] = "华北重工"
    with pytest.raises(InputError, match="重复"):
        screen_accounts(dup)
    with pytest.raises(InputError, match="大单标准"):
        screen_accounts(CANDIDATES, large_order=0)
