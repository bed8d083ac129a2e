"""五种内部协同效应 checklist: hand-checked totals, bands, weakest link, bad input."""

import pytest

from kamlab import InputError
from kamlab.synergy import SYNERGIES, score_synergies


def _scores(*values):
    return dict(zip(SYNERGIES, values, strict=True))


def test_synergy_equal_weights():
    r = score_synergies(_scores(8, 6, 4, 7, 5))
    # (8+6+4+7+5) × 20/100 = 30 × 0.2 = 6.0 → 部分协同 (5 ≤ 6 < 7)
    assert r.total == pytest.approx(6.0)
    assert r.band == "部分协同"
    assert r.weakest == "与公司决策层的互动"
    assert list(r.table["加权得分"]) == pytest.approx([1.6, 1.2, 0.8, 1.4, 1.0])


def test_synergy_band_edges_and_tie():
    # all 7 → exactly 7.0 → 协同良好 (the line counts as reached); tie → first synergy is weakest
    r = score_synergies(_scores(7, 7, 7, 7, 7))
    assert (r.total, r.band, r.weakest) == (7.0, "协同良好", "信息共享平台")
    # weights 40/15/15/15/15: 2×0.4 + 6×0.15×4 = 0.8 + 3.6 = 4.4 → 协同不足
    w = dict(zip(SYNERGIES, (40, 15, 15, 15, 15), strict=True))
    low = score_synergies(_scores(2, 6, 6, 6, 6), w)
    assert low.total == pytest.approx(4.4) and low.band == "协同不足"


def test_synergy_bad_input():
    with pytest.raises(InputError, match="协同权重"):
        score_synergies(_scores(5, 5, 5, 5, 5), dict(zip(SYNERGIES, (20, 20, 20, 20, 10), strict=True)))
    with pytest.raises(InputError, match="信息共享平台"):
        score_synergies(_scores(11, 5, 5, 5, 5))
    with pytest.raises(InputError, match="与公司决策层的互动"):
        score_synergies(_scores(5, 5, "较好", 5, 5))
    with pytest.raises(InputError, match="跨部门团队的开放式合作文化"):
        score_synergies(dict(list(_scores(5, 5, 5, 5, 5).items())[:4]))
    with pytest.raises(InputError, match="精通业务管理的销售总监"):
        score_synergies(_scores(5, float("nan"), 5, 5, 5))
