"""Importing a learner's own table (xlsx, CSV in UTF-8/BOM/GBK) and its template."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

import kamlab
from kamlab import InputError
from kamlab.table_import import TableSpec, import_table, template_frame, write_template

COLUMNS = ["客户", "销售额", "未来销售收入和利润", "财务安全", "相互关系", "影响力", "相对实力", "易损性"]
SPEC = TableSpec.from_columns("客户评分", COLUMNS, text=("客户",), units={"销售额": "万元"})


def check_selection(frame):
    """The selection calculator's own checks (attractiveness, then the matrix)."""
    scored = kamlab.score_attractiveness(kamlab.DEFAULT_ATTRACTIVENESS, frame).table
    return kamlab.selection_matrix(scored)


def gbk_csv() -> bytes:
    # Excel on Chinese Windows: GBK, columns in another order, an alias header with the
    # unit, one extra column, thousands separators
    text = ("备注,客户名称,相对实力,销售额（万元）,影响力,相互关系,财务安全,未来销售收入和利润,易损性\n"
            "老客户,华东电机,1.2,\"1,250\",8,7,9,9,4\n"
            ",西南泵业,0.7,300,5,6,4,6,7\n")
    return text.encode("gbk")


def test_gbk_csv_maps_columns_by_header_in_any_order():
    result = import_table(gbk_csv(), "我的客户.csv", SPEC, validate=check_selection)
    assert result.count == 2
    assert result.ignored == ("备注",)
    first = result.rows[0]
    assert list(first) == COLUMNS  # the calculator's order, whatever the file's
    assert first["客户"] == "华东电机" and first["销售额"] == "1250" and first["相对实力"] == "1.2"
    assert result.rows[1]["易损性"] == "7"
    assert result.message == "已从“我的客户.csv”导入 2 行。未使用的列：备注。"


def test_utf8_bom_csv_and_xlsx_read_the_same_rows():
    text = "客户,销售额,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n甲,100,5,5,5,5,1,5\n"
    bom = import_table(("\ufeff" + text).encode("utf-8"), "a.csv", SPEC)
    book = Workbook()
    sheet = book.active
    for line in text.strip().splitlines():
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in line.split(",")])
    buf = io.BytesIO()
    book.save(buf)
    xlsx = import_table(buf.getvalue(), "a.xlsx", SPEC)
    assert bom.rows == xlsx.rows == ({"客户": "甲", "销售额": "100", "未来销售收入和利润": "5", "财务安全": "5",
                                      "相互关系": "5", "影响力": "5", "相对实力": "1", "易损性": "5"},)


def test_wrong_headers_name_the_missing_column():
    raw = "单位编号,数量\n甲,100\n".encode()
    with pytest.raises(InputError) as caught:
        import_table(raw, "x.csv", SPEC)
    assert str(caught.value) == ("「文件 x.csv」找不到“客户”（也可写作 客户名称、名称、客户名）列。文件中的表头：“单位编号”、“数量”。"
                                 "请点“下载模板”对照表头，改好后再导入")


def test_text_in_a_numeric_column_names_line_and_column():
    raw = ("客户,销售额,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
           "甲,100,5,5,5,5,1,5\n乙,一百,5,5,5,5,1,5\n").encode()
    with pytest.raises(InputError) as caught:
        import_table(raw, "x.csv", SPEC)
    assert str(caught.value) == "「文件 x.csv」第 3 行“销售额”列：应为数字，当前为“一百”"


def test_model_check_failure_is_reported_and_nothing_returned():
    raw = ("客户,销售额,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
           "甲,100,12,5,5,5,1,5\n").encode()
    with pytest.raises(InputError) as caught:
        import_table(raw, "x.csv", SPEC, validate=check_selection)
    message = str(caught.value)
    assert message.startswith("「文件 x.csv」内容未通过客户评分的检查，未导入：")
    assert "未来销售收入和利润" in message and "12" in message


def test_duplicate_and_blank_names_are_refused():
    head = "客户,销售额,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n"
    with pytest.raises(InputError, match="第 3 行“客户”列：“甲”与第 2 行重复"):
        import_table((head + "甲,1,5,5,5,5,1,5\n甲,2,5,5,5,5,1,5\n").encode(), "x.csv", SPEC)
    with pytest.raises(InputError, match="第 2 行“客户”列：为空"):
        import_table((head + ",1,5,5,5,5,1,5\n").encode(), "x.csv", SPEC)


@pytest.mark.parametrize(("raw", "name", "expected"), [
    (b"", "empty.csv", "是空的"),
    (b"\xef\xbb\xbf\r\n\r\n", "blank.csv", "是空的"),
    ("客户,销售额,未来销售收入和利润,财务安全,相互关系,影响力,相对实力,易损性\n".encode(), "head.csv", "只有表头，没有数据行"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.png", "不是表格文件（.png）"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "renamed.csv", "不是 Excel（.xlsx）或 CSV 表格"),
    (b"PK\x03\x04broken zip", "broken.xlsx", "不是有效的 .xlsx 文件"),
])
def test_bad_files_get_one_chinese_message(raw, name, expected):
    with pytest.raises(InputError) as caught:
        import_table(raw, name, SPEC)
    assert expected in str(caught.value)
    assert name in str(caught.value)


def test_a_5_mb_file_is_refused_before_reading():
    raw = b"a,b\n" + b"1,2\n" * (5 * 1024 * 1024 // 4)
    assert len(raw) > 5 * 1024 * 1024
    with pytest.raises(InputError) as caught:
        import_table(raw, "big.csv", SPEC)
    assert "过大" in str(caught.value) and "5,242,880" in str(caught.value)


def test_template_has_units_and_an_example_row_and_imports_back(tmp_path):
    example = {"客户": "A 挖掘机厂", "销售额": "1200", "未来销售收入和利润": "9", "财务安全": "8",
               "相互关系": "7", "影响力": "9", "相对实力": "1.2", "易损性": "6.0"}
    frame = template_frame(SPEC, example)
    assert list(frame.columns)[:2] == ["客户", "销售额（万元）"]
    path = write_template(tmp_path / "模板.xlsx", SPEC, example)
    book = load_workbook(path)
    assert book.sheetnames == ["客户评分", "说明"]
    sheet = book["客户评分"]
    assert [c.value for c in sheet[1]][:2] == ["客户", "销售额（万元）"]
    assert sheet["B2"].value == 1200 and sheet["G2"].value == 1.2  # numbers, not text
    back = import_table(path.read_bytes(), "模板.xlsx", SPEC, validate=check_selection)
    assert back.rows == ({**example, "易损性": "6"},)
