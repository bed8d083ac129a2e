"""大客户组织结构选择模型: the book's rule table, worked by hand."""

import pytest

import kamlab
from kamlab import InputError
from kamlab.organisation import DEDICATED, MATRIX, REGIONAL, STRUCTURES, TEAM_FORMS

SMALL_LOCAL = dict(n_accounts=60, ka_share=10, spread=1, central_purchasing=1,
                   coordination=1, customisation=1, resources=1)


def test_many_small_local_accounts_choose_regional():
    # bands: n=60 高 (2,1,0); share 10 低 (2,0,0); spread 1 低 (2,0,1); purchasing 低 (2,0,0);
    # coordination 低 (2,0,0); customisation 低 (2,1,0); resources 低 (2,1,0)
    # 区域 = 2+2+2+2+2+2+2 = 14 ; 矩阵 = 1+0+0+0+0+1+1 = 3 ; 独立 = 0+0+1+0+0+0+0 = 1
    r = kamlab.choose_organisation(SMALL_LOCAL)
    assert r.ranking["结构"].tolist() == [REGIONAL, MATRIX, DEDICATED]
    assert r.ranking["得分"].tolist() == [14, 3, 1]
    assert not r.tied
    # the ranking answers the reporting structure only (issue 11 §2.7): no team-form column
    assert r.ranking.columns.tolist() == ["排名", "结构", "得分"]
    assert r.to_frame().columns.tolist() == ["排名", "结构", "得分"]


def test_team_forms_are_their_own_dimension():
    # 叶敦明's three forms, in his order, each with its description and nothing else:
    # no structure is keyed to a form, and no form name appears in any ranking
    assert [name for name, _ in TEAM_FORMS] == ["临时小组", "常设小组", "大客户部"]
    assert dict(TEAM_FORMS)["临时小组"] == "高层抽调人马、组团出击，项目结束即解散"
    assert dict(TEAM_FORMS)["大客户部"] == "营销经理专项负责，长期打阵地战"
    assert not set(dict(TEAM_FORMS)) & set(STRUCTURES)
    for facts in (SMALL_LOCAL, dict(n_accounts=5, ka_share=70, spread=5, central_purchasing=5,
                                    coordination=5, customisation=5, resources=5)):
        shown = kamlab.choose_organisation(facts).ranking.to_string()
        assert not [name for name, _ in TEAM_FORMS if name in shown]


def test_few_central_customised_accounts_choose_dedicated():
    facts = dict(n_accounts=5, ka_share=70, spread=5, central_purchasing=5,
                 coordination=5, customisation=5, resources=5)
    # n 低 (1,1,2); share 高 (0,1,2); spread 高 (0,2,1); purchasing 高 (0,1,2);
    # coordination 高 (0,1,2); customisation 高 (0,0,2); resources 高 (0,1,2)
    # 区域 1 ; 矩阵 1+1+2+1+1+0+1 = 7 ; 独立 2+2+1+2+2+2+2 = 13
    r = kamlab.choose_organisation(facts)
    assert r.best == DEDICATED
    assert r.ranking["得分"].tolist() == [13, 7, 1]
    assert "客户总部集中采购，需要与之对等的专门团队" in r.reasons


def test_tie_goes_to_the_simpler_structure_and_is_flagged():
    facts = dict(n_accounts=8, ka_share=60, spread=4, central_purchasing=5,
                 coordination=4, customisation=3, resources=3)
    # n 低 (1,1,2); share 高 (0,1,2); spread 高 (0,2,1); purchasing 高 (0,1,2);
    # coordination 高 (0,1,2); customisation 中 (0,2,1); resources 中 (0,2,0)
    # 区域 1 ; 矩阵 1+1+2+1+1+2+2 = 10 ; 独立 2+2+1+2+2+1+0 = 10 → tie, matrix first
    r = kamlab.choose_organisation(facts)
    assert r.tied and r.best == MATRIX
    assert r.ranking["得分"].tolist() == [10, 10, 1]


def test_band_edges():
    # 20 % share is 中 (low ends below 20), 50 % is 中, 50.5 % is 高
    bands = kamlab.choose_organisation({**SMALL_LOCAL, "ka_share": 20}).contributions
    assert bands.loc[bands["因素"] == "大客户收入占比", "档位"].item() == "中"
    bands = kamlab.choose_organisation({**SMALL_LOCAL, "ka_share": 50.5}).contributions
    assert bands.loc[bands["因素"] == "大客户收入占比", "档位"].item() == "高"


@pytest.mark.parametrize(("key", "value", "fragment"), [
    ("ka_share", 120, "「大客户收入占比」应在 0–100 之间，当前为 120"),
    ("n_accounts", "十个", "「大客户数量」应为数字，当前为文字“十个”"),
    ("spread", 0, "「客户网点地域分布」应在 1–5 之间"),
])
def test_bad_facts_named(key, value, fragment):
    with pytest.raises(InputError) as err:
        kamlab.choose_organisation({**SMALL_LOCAL, key: value})
    assert fragment in str(err.value)


def test_missing_fact_named():
    facts = dict(SMALL_LOCAL)
    del facts["resources"]
    with pytest.raises(InputError, match="可投入的资源"):
        kamlab.choose_organisation(facts)
