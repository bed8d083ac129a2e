"""The shared table reader/writer: every encoding Excel writes, .xlsx, bounded reads of
regular files only, errors by line and column, and a writer that never makes a formula."""

from __future__ import annotations

import os
from datetime import datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from kamlab.errors import InputError
from kamlab.spreadsheet import PERCENT, read_bytes, read_table, write_excel

COLUMNS = {"learner_id": ["学号", "learner id"], "name": ["姓名"]}
TEXT = "学号,姓名\nL001,张三\n\nL002,李四\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_every_encoding_excel_writes(tmp_path, encoding):
    path = tmp_path / "r.csv"
    path.write_bytes(TEXT.encode(encoding))
    frame = read_table(path, columns=COLUMNS, required=["learner_id"])
    assert list(frame.columns) == ["learner_id", "name"]
    assert frame.to_dict("index") == {2: {"learner_id": "L001", "name": "张三"},
                                      4: {"learner_id": "L002", "name": "李四"}}  # index = line in the file


def test_xlsx_from_bytes_numbers_as_text(tmp_path):
    path = write_excel(tmp_path / "r.xlsx", {"名单": pd.DataFrame({"学号": ["L1"], "得分": [2.0], "半": [1.5]})})
    frame = read_table(path.read_bytes(), filename="upload.xlsx")
    assert frame.loc[2].tolist() == ["L1", "2", "1.5"]


def test_missing_required_column_names_the_file_and_the_aliases(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("编号,姓名\nL1,甲\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"文件 r.csv.*第 1 行.*缺少.*“learner_id”可写作 学号、learner id"):
        read_table(path, columns=COLUMNS, required=["learner_id"])


def test_extra_cells_reported_by_line(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("学号,姓名\nL1,甲\nL2,乙,多余\n", encoding="utf-8")
    with pytest.raises(InputError, match="第 3 行.*多出 1 个单元格"):
        read_table(path, columns=COLUMNS)


def test_undecodable_and_old_excel_files_are_one_chinese_line(tmp_path):
    with pytest.raises(InputError, match="无法识别文字编码"):
        read_table(b"\xff\xfe\x00\xd8\x00", filename="x.csv")
    with pytest.raises(InputError, match=r"旧版 Excel（.xls）"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", filename="x.xls")
    with pytest.raises(InputError, match="不是有效的 .xlsx"):
        read_table(b"PK\x03\x04garbage", filename="x.xlsx")


def test_reads_only_regular_files_and_never_past_the_limit(tmp_path):
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="不是普通文件"):
        read_bytes(tmp_path / "zero.csv")
    os.mkfifo(tmp_path / "fifo.csv")
    with pytest.raises(InputError, match="不是普通文件"):
        read_bytes(tmp_path / "fifo.csv")  # would hang on a blocking open
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(InputError, match="文件夹"):
        read_bytes(tmp_path / "dir.csv")
    (tmp_path / "dangling.csv").symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError, match="找不到文件"):
        read_bytes(tmp_path / "dangling.csv")
    (tmp_path / "big.csv").write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="过大"):
        read_bytes(tmp_path / "big.csv", limit=10)
    assert read_bytes(tmp_path / "big.csv", limit=11) == b"x" * 11


def test_writer_formats_header_filters_and_never_writes_a_formula(tmp_path):
    frame = pd.DataFrame({"学号": ["L1", "L2"], "评语": ["=HYPERLINK(\"http://x\")", "+1"],
                          "得分率": [0.5, 0.25], "总分": [3, 4],
                          "提交时间": pd.to_datetime(["2026-11-26 18:00", "2026-11-27 09:30"])})
    path = write_excel(tmp_path / "out.xlsx", {"成绩": frame}, formats={"得分率": PERCENT})
    ws = load_workbook(path)["成绩"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E3"
    assert all(cell.font.bold for cell in ws[1])
    assert ws["B2"].data_type == "s" and ws["B2"].value == "=HYPERLINK(\"http://x\")"
    assert ws["B3"].data_type == "s"
    assert ws["C2"].number_format == PERCENT and ws["C2"].value == 0.5
    assert ws["D2"].number_format == "0" and ws["D2"].value == 3
    assert ws["E2"].is_date and ws["E2"].value == datetime(2026, 11, 26, 18, 0)
    assert ws.column_dimensions["B"].width >= len('=HYPERLINK("http://x")')
    assert ws.column_dimensions["A"].width < 10
