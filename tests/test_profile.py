"""The learner's company profile: checked once, the starting point of every table calculator."""

from __future__ import annotations

import pytest

from kamlab import InputError
from kamlab.learner.chapter_work import load_profile, save_profile
from kamlab.profile import EXAMPLE, make_profile, profile_from_dict, starting_rows

ACCOUNTS = [{"客户": "甲", "销售额": "1000", "利润": "120"}, {"客户": "乙", "销售额": "400", "利润": "30"}]
EXAMPLE_ROWS = [{"客户": "A 挖掘机厂", "销售额": 1200, "相对实力": 1.2}]


def test_profile_needs_a_name_a_known_unit_and_unique_accounts():
    with pytest.raises(InputError, match="「公司名称」不能为空"):
        make_profile("  ")
    with pytest.raises(InputError, match="「金额单位」应为 元、千元、万元、百万元、亿元 之一，当前为“美元”"):
        make_profile("甲公司", unit="美元")
    with pytest.raises(InputError, match="「客户名单」客户“甲”出现了两次（第 2 行）"):
        make_profile("甲公司", accounts=[ACCOUNTS[0], ACCOUNTS[0]])


def test_calculators_start_from_the_learners_accounts_in_their_own_columns():
    profile = make_profile("苏州精工", "通用设备", "万元", ACCOUNTS)
    rows = starting_rows(profile, ["客户", "销售额", "相对实力"], EXAMPLE_ROWS)
    assert rows == [{"客户": "甲", "销售额": "1000", "相对实力": ""}, {"客户": "乙", "销售额": "400", "相对实力": ""}]


def test_one_click_back_to_the_books_example():
    profile = make_profile("苏州精工", accounts=ACCOUNTS, use_example=True)
    assert starting_rows(profile, ["客户", "销售额", "相对实力"], EXAMPLE_ROWS) == [
        {"客户": "A 挖掘机厂", "销售额": "1200", "相对实力": "1.2"}]
    assert starting_rows(EXAMPLE, ["客户", "销售额"], EXAMPLE_ROWS) == [{"客户": "A 挖掘机厂", "销售额": "1200"}]


def test_profile_round_trips_through_its_answer_file(tmp_path):
    profile = make_profile("苏州精工", "通用设备", "千元", ACCOUNTS)
    save_profile(profile, tmp_path)
    assert load_profile(tmp_path) == (profile, "")
    assert load_profile(tmp_path / "nothing-yet") == (EXAMPLE, "")


def test_a_hand_edited_profile_falls_back_to_the_example_with_a_notice(tmp_path):
    with pytest.raises(InputError, match="保存的客户名单格式不对"):
        profile_from_dict({"company": "甲", "accounts": "not a list"})
    (tmp_path / "profile.json").write_text("{broken", encoding="utf-8")
    profile, notice = load_profile(tmp_path)
    assert profile == EXAMPLE and "已损坏" in notice
