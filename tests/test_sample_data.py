"""Tests for kamlab.sample_data (the illustrative sample tables)."""

import pytest

import kamlab
from kamlab.sample_data import load_sample, sample_names


def test_load_sample_wang01_accounts_has_the_worked_case():
    table = load_sample("wang01_accounts")
    assert list(table.columns) == ["客户", "销售额", "未来销售收入和利润", "财务安全", "相互关系",
                                   "影响力", "相对实力", "易损性"]
    assert len(table) == 6
    first = table.iloc[0]
    assert first["客户"] == "A 挖掘机厂"
    assert first["销售额"] == 1200  # 万元
    assert first["相对实力"] == pytest.approx(1.2)  # 7.2 / 6.0, worked in the chapter


def test_wang01_accounts_attractiveness_matches_chapter():
    # A: 9×40/100 + 8×20/100 + 7×20/100 + 9×20/100 = 3.6 + 1.6 + 1.4 + 1.8 = 8.4
    # D: 5×40/100 + 4×20/100 + 6×20/100 + 5×20/100 = 2.0 + 0.8 + 1.2 + 1.0 = 5.0 (on the cut-line)
    result = kamlab.score_attractiveness(kamlab.DEFAULT_ATTRACTIVENESS, load_sample("wang01_accounts"))
    assert list(result.table["吸引力"]) == pytest.approx([8.4, 6.8, 6.0, 5.0, 4.6, 3.8])


def test_sample_names_lists_csv_tables_but_not_the_glossary():
    names = sample_names()
    assert "wang01_accounts" in names
    assert "glossary" not in names


def test_load_sample_unknown_name_names_the_field():
    with pytest.raises(kamlab.InputError, match="示例数据名称.*没有找到示例数据“nope”"):
        load_sample("nope")


def test_load_sample_glossary_is_not_a_sample():
    with pytest.raises(kamlab.InputError, match="示例数据名称"):
        load_sample("glossary")


@pytest.mark.parametrize("bad", ["../pyproject", "a/b", "", "wang01 accounts", None])
def test_load_sample_rejects_malformed_names(bad):
    with pytest.raises(kamlab.InputError, match="示例数据名称.*只能包含"):
        load_sample(bad)
