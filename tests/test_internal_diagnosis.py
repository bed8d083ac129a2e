"""内部诊断: sales share, net profit, brand value, competitive position — by hand."""

import pandas as pd
import pytest

from kamlab import InputError
from kamlab.internal_diagnosis import diagnose_accounts

ACCOUNTS = pd.DataFrame({"客户": ["华北重工", "东海船舶", "江南精机"], "销售额": [300, 750, 550],
                         "净利润": [6, 60, 11], "品牌标杆价值": [3, 3, 7], "供应商排名": [3, 2, 1]})


def test_diagnosis_shares_margins_and_flags():
    r = diagnose_accounts(ACCOUNTS, 6000, 360)
    t = r.table.set_index("客户")
    # 华北重工: 300/6000 = 5 %; 6/300 = 2 % < company 360/6000 = 6 %; 6/360 = 1.6667 %
    assert t.loc["华北重工", "销售额占比(%)"] == pytest.approx(5.0)
    assert t.loc["华北重工", "净利率(%)"] == pytest.approx(2.0)
    assert t.loc["华北重工", "利润占比(%)"] == pytest.approx(1.6667)
    assert t.loc["华北重工", "诊断"] == "利润偏薄、地位待提升"  # rank 3
    assert t.loc["东海船舶", "诊断"] == "—"  # 60/750 = 8 % ≥ 6 %, brand 3, rank 2
    assert t.loc["江南精机", "诊断"] == "利润偏薄、品牌标杆、首选供应商"
    # totals: (300+750+550)/6000 = 1600/6000 = 26.6667 %; 77/360 = 21.3889 %; 77/1600 = 4.8125 %
    assert r.totals == pytest.approx({"大客户销售额占比": 26.6667, "大客户利润占比": 21.3889,
                                      "大客户净利率": 4.8125, "公司净利率": 6.0})


def test_diagnosis_margin_equal_to_company_is_not_thin():
    one = pd.DataFrame({"客户": ["甲"], "销售额": [100], "净利润": [6], "品牌标杆价值": [7], "供应商排名": [2]})
    t = diagnose_accounts(one, 1000, 60).table
    assert t.loc[0, "诊断"] == "品牌标杆"  # 6 % equals 6 %: not thin; brand 7 ≥ 7


def test_diagnosis_bad_input():
    with pytest.raises(InputError, match="公司销售额"):
        diagnose_accounts(ACCOUNTS, 0, 10)
    with pytest.raises(InputError, match="公司销售额"):
        diagnose_accounts(ACCOUNTS, 1000, 10)  # smaller than 1600 of the accounts
    with pytest.raises(InputError, match="大客户内部诊断表"):
        diagnose_accounts(ACCOUNTS.iloc[0:0], 6000, 360)
    bad = ACCOUNTS.copy()
    bad.loc[1, "供应商排名"] = 0
    with pytest.raises(InputError, match="“东海船舶”·供应商排名"):
        diagnose_accounts(bad, 6000, 360)
    half = ACCOUNTS.astype({"供应商排名": float}).copy()
    half.loc[2, "供应商排名"] = 1.5
    with pytest.raises(InputError, match="“江南精机”·供应商排名"):
        diagnose_accounts(half, 6000, 360)
    text = ACCOUNTS.astype(object).copy()
    text.loc[0, "销售额"] = "三百"
    with pytest.raises(InputError, match="“华北重工”·销售额"):
        diagnose_accounts(text, 6000, 360)
    with pytest.raises(InputError, match="公司净利润"):
        diagnose_accounts(ACCOUNTS, 6000, "abc")
