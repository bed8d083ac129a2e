"""The plan's files as a boss receives them: opened with python-docx and openpyxl.

One export of the book's example plan (the 王渊 running case) is written once for the
module and read by every test.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import Image

from kamlab.plan import build_plan, example_work
from kamlab.plan.export import free_stem, plan_stem, to_docx, to_excel, write_plan
from kamlab.plan.export.docx import CHART_DPI_MIN, TEXT_MM

WHEN = dt.datetime(2027, 3, 1, 9, 30)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def plan():
    return build_plan(example_work())


@pytest.fixture(scope="module")
def files(plan, tmp_path_factory):
    return write_plan(plan, tmp_path_factory.mktemp("plan"), author="王经理", version="1.2", when=WHEN)


@pytest.fixture(scope="module")
def doc(files):
    return Document(str(files["docx"]))


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_word_page_is_a4_with_margins(doc):
    section = doc.sections[0]
    # Word stores twips: A4 is 11906 × 16838 twips = 210.0 × 297.0 mm
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210.0, 297.0)
    assert round(section.left_margin.mm, 1) == round(section.right_margin.mm, 1) == 25.0


def test_word_cover_names_company_author_date_and_version(doc):
    texts = _texts(doc)
    cover = texts[: texts.index("目录")]
    assert "示例液压元件企业（虚构） 大客户计划" in cover
    assert {"公司：示例液压元件企业（虚构）", "编制人：王经理", "日期：2027-03-01", "版本：1.2"} <= set(cover)


def test_word_core_properties_are_the_plans(doc):
    props = doc.core_properties
    assert props.author == "王经理" and props.title == "示例液压元件企业（虚构） 大客户计划"
    assert props.created.replace(tzinfo=None) == dt.datetime(2027, 3, 1, 9, 30) and props.version == "1.2"
    assert props.author != "python-docx"


def test_word_has_page_number_fields_a_toc_and_asks_word_to_update_them(doc):
    section = doc.sections[0]
    assert section.different_first_page_header_footer  # no number on the cover
    footer = section.footer.paragraphs[0]._p
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "第 " in section.footer.paragraphs[0].text
    body = [t.text.strip() for t in doc.element.body.iter(qn("w:instrText"))]
    assert body[0].startswith("TOC \\o")
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_word_starts_with_the_executive_summary_then_one_page_per_key_account(doc):
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads[0] == ("Heading 1", "执行摘要")
    titles = [t for _, t in heads]
    for title in ("1. 公司与大客户组合", "3. 重点客户", "重点客户：A 挖掘机厂", "重点客户：C 农机厂", "附录"):
        assert title in titles
    # each key account's heading is the first thing on a new page
    body = list(doc.element.body)
    for name in ("重点客户：A 挖掘机厂", "重点客户：C 农机厂"):
        at = next(i for i, el in enumerate(body) if el.tag == qn("w:p") and "".join(
            t.text for t in el.iter(qn("w:t"))) == name)
        breaks = [b.get(qn("w:type")) for b in body[at - 1].iter(qn("w:br"))]
        assert breaks == ["page"]
    page = titles[titles.index("重点客户：A 挖掘机厂"):titles.index("重点客户：C 农机厂")]
    assert {"目标大客户战略六要素", "关系阶段", "客户终生价值", "行动（负责人与时间）"} <= set(page)


def test_word_body_has_no_training_artefacts_the_appendix_has_them(plan, doc, tmp_path):
    texts = _texts(doc)
    body = texts[: texts.index("附录")]
    assert not any(t.startswith(("来自：", "还差：")) for t in body)
    assert not any("学习进度" in t for t in body)
    assert any(t.startswith("还差：") for t in texts[texts.index("附录"):])
    without = Document(str(to_docx(plan, tmp_path / "no-appendix.docx", charts=False, appendix=False)))
    assert "附录" not in _texts(without) and not any(t.startswith("还差：") for t in _texts(without))


def _table_with(doc, header: str):
    return next(t for t in doc.tables if header in [c.text for c in t.rows[0].cells])


def test_word_tables_repeat_their_header_and_size_columns_to_content(doc):
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    table = _table_with(doc, "策略")
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    header = [c.text for c in table.rows[0].cells]
    by = dict(zip(header, widths, strict=True))
    assert by["策略"] > 2 * by["象限"]  # the strategy text gets the room, not an equal share
    assert sum(widths) <= round(TEXT_MM * 1440 / 25.4) + len(widths)
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_word_uses_one_number_format_per_column(doc):
    table = _table_with(doc, "相对实力")
    header = [c.text for c in table.rows[0].cells]
    column = [row.cells[header.index("相对实力")].text for row in table.rows[1:]]
    # 1.2, 0.8, 1.5, 0.9, 1.3, 0.7: one decimal everywhere, and 吸引力 8.4 … 5.0 too (never "5")
    assert column == ["1.2", "0.8", "1.5", "0.9", "1.3", "0.7"]
    attractiveness = [row.cells[header.index("吸引力")].text for row in table.rows[1:]]
    assert attractiveness == ["8.4", "6.8", "6.0", "5.0", "4.6", "3.8"]


def test_word_charts_are_at_least_200_dpi_at_print_size(doc):
    shapes = list(doc.inline_shapes)
    assert len(shapes) >= 4
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = doc.part.related_parts[blip.embed].image
        pixels = Image.open(io.BytesIO(image.blob)).size[0]
        inches = shape.width / 914400
        assert pixels / inches >= CHART_DPI_MIN


def test_excel_gives_each_block_its_own_table_starting_in_column_a(files):
    book = load_workbook(files["xlsx"])
    assert book.sheetnames == ["执行摘要", "1 公司与大客户组合", "2 组织与人", "3 重点客户", "4 开发与目标",
                               "5 行动清单", "附录"]
    sheet = book["1 公司与大客户组合"]
    refs = [t.ref for t in sheet.tables.values()]
    assert len(refs) >= 4 and all(ref.startswith("A") for ref in refs)
    rows = [(int(ref.split(":")[0][1:]), int(ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))) for ref in refs]
    for (_a0, a1), (b0, _) in zip(sorted(rows), sorted(rows)[1:], strict=False):
        assert a1 < b0  # no two tables share a row
    matrix = next(t for t in sheet.tables.values() if sheet[t.ref.split(":")[0]].value == "客户"
                  and "策略" in [c.value for c in sheet[int(t.ref.split(":")[0][1:])]])
    top = int(matrix.ref.split(":")[0][1:])
    header = [c.value for c in sheet[top] if c.value is not None]
    assert header[:4] == ["客户", "销售额", "吸引力", "相对实力"]
    first = {h: sheet.cell(row=top + 1, column=j + 1) for j, h in enumerate(header)}
    assert first["吸引力"].value == pytest.approx(8.4) and first["吸引力"].number_format == "#,##0.0"
    assert first["销售额"].number_format == "#,##0"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["E"].width  # 策略 wider than 象限


def test_file_names_never_overwrite_an_earlier_export(plan, tmp_path):
    first = write_plan(plan, tmp_path, when=WHEN, charts=False)
    second = write_plan(plan, tmp_path, when=WHEN, charts=False)
    assert first["docx"].name == "示例液压元件企业（虚构）-大客户计划-2027-03-01.docx"
    assert second["docx"].name == "示例液压元件企业（虚构）-大客户计划-2027-03-01-2.docx"
    assert second["md"].stem == second["xlsx"].stem == second["docx"].stem
    assert free_stem(tmp_path, plan_stem(plan, WHEN.date())).endswith("-3")


def test_cli_writes_the_example_plan(tmp_path, capsys):
    from kamlab.cli import main

    assert main(["plan", "--example", "--out", str(tmp_path)]) == 0
    written = sorted(p.suffix for p in tmp_path.iterdir())
    assert written == [".docx", ".md", ".xlsx"]
    assert "大客户计划" in capsys.readouterr().out


def test_excel_export_of_an_empty_plan_still_opens(tmp_path):
    from kamlab.plan.result import SavedWork

    plan = build_plan(SavedWork())
    book = load_workbook(to_excel(plan, tmp_path / "x.xlsx"))
    assert "执行摘要" in book.sheetnames


def test_the_export_imports_nothing_that_builds_a_plan():
    """kamlab/plan/export sits below the plan: at import time it reaches only itself and the chapter list."""
    for path in (ROOT / "kamlab/plan/export").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level == 2:  # kamlab.plan's own modules
                assert node.module == "chapters", f"{path.name} imports ..{node.module}"
            if isinstance(node, ast.ImportFrom) and node.level >= 3:  # kamlab's leaf modules only
                assert node.module in {"text_clean"}, f"{path.name} imports ...{node.module}"
    result = ast.parse((ROOT / "kamlab/plan/result.py").read_text(encoding="utf-8"))
    top = [n.module for n in result.body if isinstance(n, ast.ImportFrom)]
    assert not any("export" in (m or "") for m in top)
    assert not (ROOT / "kamlab/plan_export.py").exists()


def test_the_example_plans_charts_have_no_overlapping_labels(plan):
    """Every text of each chart the Word file embeds (titles, tick labels, point labels) has its own room."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from kamlab.charts.plan import draw_plan_chart

    charts = [(cap, kind, res) for s in plan.sections for p in s.pieces for cap, kind, res in p.charts]
    assert [kind for _, kind, _ in charts] == ["portfolio", "portfolio", "pareto", "kraljic", "pipeline", "goals"]
    for caption, kind, result in charts:
        fig = draw_plan_chart(kind, result, title=caption)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text)
                 if t.get_visible() and t.get_text().strip()]
        clashes = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:] if box_a.overlaps(box_b)]
        assert clashes == [], f"{caption}: {clashes}"
