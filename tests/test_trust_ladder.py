"""价值三阶梯 self-assessment: step means, order of climbing, next focus, bad input."""

import pytest

from kamlab import InputError
from kamlab.trust_ladder import ITEMS, assess_ladder


def _scores(*values):
    return dict(zip(ITEMS, values, strict=True))


def test_ladder_two_steps_reached():
    r = assess_ladder(_scores(8, 7, 6, 5, 7, 5, 6, 3, 2))
    # 8+7+6+5 = 26, /4 = 6.5; 7+5+6 = 18, /3 = 6.0 (the line counts); 3+2 = 5, /2 = 2.5
    assert list(r.steps["平均分"]) == pytest.approx([6.5, 6.0, 2.5])
    assert list(r.steps["达到"]) == ["是", "是", "否"]
    assert r.level == 2
    assert r.next_focus == "公众认知"


def test_ladder_higher_step_does_not_count_without_the_lower():
    # trust 5,5,5,5 = 5.0 < 6 → level 0 although the design step scores 9
    r = assess_ladder(_scores(5, 5, 5, 5, 9, 9, 9, 9, 9))
    assert r.level == 0
    assert r.next_focus == "产品信任"  # tie at 5: first item of the step
    top = assess_ladder(_scores(*[6] * 9))
    assert top.level == 3 and top.next_focus is None


def test_ladder_threshold_moves_the_level():
    r = assess_ladder(_scores(8, 7, 6, 5, 7, 5, 6, 3, 2), threshold=6.5)
    assert r.level == 1  # 6.0 < 6.5
    assert r.next_focus == "产品外观"  # lowest of 7, 5, 6


def test_ladder_bad_input():
    with pytest.raises(InputError, match="品牌评分·风险信任"):
        assess_ladder(_scores(8, 11, 6, 5, 7, 5, 6, 3, 2))
    with pytest.raises(InputError, match="品牌评分·工业设计"):
        assess_ladder(_scores(8, 7, 6, 5, "好", 5, 6, 3, 2))
    with pytest.raises(InputError, match="公众认知"):
        assess_ladder(dict(list(_scores(*[5] * 9).items())[:8]))
    with pytest.raises(InputError, match="达标线"):
        assess_ladder(_scores(*[5] * 9), threshold=float("nan"))
