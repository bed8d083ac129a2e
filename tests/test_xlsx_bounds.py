"""An .xlsx is bounded before any reader opens it (issue 18 §2): a 5 KB file with one cell at
XFD1048576 made python-calamine allocate 549 GB and abort the process; a deflate bomb
inflated to hundreds of MB. Every entry point that reads a table is covered: the learner's
import, the trainer's roster and ``kamlab grade --manual-csv``."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from kamlab import _xlsx_guard
from kamlab.errors import InputError
from kamlab.spreadsheet import read_table

ROOT = Path(__file__).resolve().parents[1]
SHEET = "xl/worksheets/sheet1.xml"


def _workbook(far: bool = False) -> bytes:
    book = Workbook()
    ws = book.active
    ws.append(["客户", "销售额"])
    ws.append(["甲", 100])
    if far:
        ws["XFD1048576"] = 1
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _replace_sheet(raw: bytes, write_sheet) -> bytes:
    """The workbook with sheet1.xml written by ``write_sheet(stream)`` (streamed, deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == SHEET:
                with dst.open(SHEET, "w") as stream:
                    write_sheet(stream)
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def far_cell() -> bytes:
    """A tiny file whose one far cell declares a range of 1,048,576 × 16,384 cells."""
    return _workbook(far=True)


def far_cell_undeclared() -> bytes:
    """The same far cell with the <dimension> element removed: only the cell's own reference."""
    raw = far_cell()
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        xml = z.read(SHEET)
    start = xml.index(b"<dimension")
    xml = xml[:start] + xml[xml.index(b"/>", start) + 2:]
    return _replace_sheet(raw, lambda s: s.write(xml))


def _bomb_sheet(stream) -> None:
    stream.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                 b'spreadsheetml/2006/main"><sheetData>')
    for _ in range(80):  # 80 MB of spaces: deflates to ~80 KB
        stream.write(b" " * (1 << 20))
    stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>')


def bomb() -> bytes:
    return _replace_sheet(_workbook(), _bomb_sheet)


def lying_bomb() -> bytes:
    """The bomb with its headers claiming the sheet inflates to 1,000 bytes."""
    raw = bytearray(bomb())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        info = z.getinfo(SHEET)
    struct.pack_into("<I", raw, info.header_offset + 22, 1000)  # local header: uncompressed size
    central = raw.index(b"PK\x01\x02")
    while True:  # the central directory entry of the sheet
        name_len = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46:central + 46 + name_len] == SHEET.encode():
            break
        central = raw.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", raw, central + 24, 1000)
    return bytes(raw)


FIXTURES = {"far_cell": far_cell, "far_cell_undeclared": far_cell_undeclared, "bomb": bomb,
            "lying_bomb": lying_bomb}


def test_far_cell_fixture_is_small_and_the_bomb_small_too():
    assert len(far_cell()) < 6000
    assert len(bomb()) < 400_000


@pytest.mark.parametrize(("make", "words"), [
    (far_cell, "表格声明的范围到 XFD1048576（1,048,576 行 × 16,384 列），超过上限"),
    (far_cell_undeclared, "表格的内容到 B1048576（1,048,576 行"),
    (bomb, "解压后超过 64 MB"),
    (lying_bomb, "解压后超过 64 MB"),
])
def test_reader_refuses_before_reading_with_one_line(make, words):
    with pytest.raises(InputError) as caught:
        read_table(make(), filename="名单.xlsx")
    text = str(caught.value)
    assert words in text and "名单.xlsx" in text and "\n" not in text


def test_a_row_of_implicit_cells_counts_by_position():
    cells = b"<c><v>1</v></c>" * (_xlsx_guard.MAX_COLUMNS + 1)
    with pytest.raises(InputError, match="表格的内容到 SG1（1 行 × 501 列）"):
        _xlsx_guard._scan_sheet(b"<worksheet><sheetData><row>" + cells + b"</row></sheetData></worksheet>", "x.xlsx")
    rows = b"<x:row><x:c><x:v>1</x:v></x:c></x:row>" * (_xlsx_guard.MAX_ROWS + 1)  # prefixed, no r=
    with pytest.raises(InputError, match="100,001 行"):
        _xlsx_guard._scan_sheet(b"<x:worksheet><x:sheetData>" + rows + b"</x:sheetData></x:worksheet>", "x.xlsx")


def test_an_ordinary_workbook_still_reads():
    frame = read_table(_workbook(), filename="a.xlsx")
    assert frame.loc[2].tolist() == ["甲", "100"]


ENTRY_POINTS = textwrap.dedent("""
    import contextlib, io, json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    from kamlab.cli import main
    from kamlab.errors import InputError
    from kamlab.grading.roster import read_roster
    from kamlab.table_import import TableSpec, import_table
    spec = TableSpec.from_columns("客户评分", ["客户", "销售额"])
    out = {}
    for name in sys.argv[2:]:
        path = sys.argv[1] + "/" + name + ".xlsx"
        raw = open(path, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for entry, call in (("import", lambda: import_table(raw, name + ".xlsx", spec)),
                            ("roster", lambda: read_roster(path))):
            try:
                call()
                out[entry + ":" + name] = "read"
            except InputError as error:
                out[entry + ":" + name] = str(error)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["grade", "--db", sys.argv[1] + "/gb.sqlite", "--manual-csv", path])
        out["manual:" + name] = str(code) + " " + err.getvalue()
        out["grew:" + name] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
    print(json.dumps(out, ensure_ascii=False))
""")


def test_every_entry_point_refuses_in_a_process_with_bounded_memory(tmp_path):
    for name, make in FIXTURES.items():
        (tmp_path / f"{name}.xlsx").write_bytes(make())
    done = subprocess.run([sys.executable, "-c", ENTRY_POINTS, str(tmp_path), *FIXTURES],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    for name in FIXTURES:
        words = "解压后超过 64 MB" if "bomb" in name else "1,048,576 行"
        assert words in out[f"import:{name}"] and words in out[f"roster:{name}"], out
        code, message = out[f"manual:{name}"].split(" ", 1)
        assert code == "2" and message.startswith("错误：") and words in message and message.count("\n") == 1
        assert out[f"grew:{name}"] < 100, out  # MB of peak memory added by reading all three ways
    assert not (tmp_path / "gb.sqlite").exists()
