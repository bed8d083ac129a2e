"""Worksheets: structure from data, required fields, exports."""

import pytest
from openpyxl import load_workbook

from kamlab import InputError
from kamlab.learner.worksheet import parse_worksheet

SHEET = parse_worksheet({"id": "t", "title": "测试表", "sections": [
    {"title": "一", "fields": [{"key": "a", "label": "甲", "required": True}, {"key": "b", "label": "乙"}]}]})


def test_required_fields_named():
    with pytest.raises(InputError, match="以下必填项为空：甲"):
        SHEET.check({"a": "  ", "b": "x"})
    assert SHEET.check({"a": " y ", "b": None}) == {"a": "y", "b": ""}


def test_exports(tmp_path):
    md = SHEET.to_markdown({"a": "回答甲"})
    assert "**甲**\n\n回答甲" in md and "（未填写）" in md
    path = SHEET.to_excel({"a": "回答甲"}, tmp_path / "t.xlsx")
    assert load_workbook(path)["工作表"]["C2"].value == "回答甲"


def test_duplicate_keys_rejected():
    with pytest.raises(InputError, match="重复"):
        parse_worksheet({"id": "t", "sections": [{"fields": [{"key": "a"}, {"key": "a"}]}]})
