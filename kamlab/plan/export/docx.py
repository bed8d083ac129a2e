"""The plan as a Word document to hand a boss.

A4 with 2.5 cm margins; a cover (company, 编制人, date, version) without a page number;
a table of contents field (Word fills it when the file is opened: ``updateFields``);
``第 X 页，共 Y 页`` in the footer (PAGE and NUMPAGES fields); the executive summary on
its own page, one page per key account, the appendix last. Tables: columns sized to
their content, the header row repeated on every page, one number format per column,
numbers right-aligned. Charts are embedded at :data:`CHART_DPI_MIN` dpi or more at
their printed size. Every run and style names an East Asian font (without
``w:eastAsia`` Word falls back to a Western font for Chinese).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path
from typing import TYPE_CHECKING

from ...text_clean import clean_text
from ._format import column_formats, content_widths, shares
from .outline import Block, cover_lines, outline
from .text import head

if TYPE_CHECKING:
    from ..result import KeyAccountPlan

EAST_ASIAN_FONT = "宋体"
LATIN_FONT = "Calibri"
#: A4 and its margins (mm); the text is 160 mm wide
PAGE_MM = (210, 297)
MARGIN_MM = 25
TEXT_MM = PAGE_MM[0] - 2 * MARGIN_MM
#: charts are printed this wide (cm) at no less than CHART_DPI_MIN dots per inch
CHART_CM = 15
CHART_DPI_MIN = 200
_TWIPS_PER_MM = 1440 / 25.4


def _east_asian(element, font: str = EAST_ASIAN_FONT) -> None:
    """Set ``w:eastAsia`` (and the Latin font) on a run's or a style's ``w:rFonts``."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _run(paragraph, text: str, italic: bool = False, bold: bool = False, size: float | None = None):
    from docx.shared import Pt

    run = paragraph.add_run(clean_text(text))
    run.italic = italic or None
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    _east_asian(run._r)
    return run


def _styled(document, style_id: str):
    """A paragraph in a built-in style, set by its id (lookup by name scans every style: 4 ms a call)."""
    paragraph = document.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, TOC …) in ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        return run

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    _run(paragraph, placeholder or "1")
    char("end")


def _cell(text: str, width: int, right: bool, bold: bool = False) -> str:
    clean = html.escape(clean_text(text), quote=False)
    fonts = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{EAST_ASIAN_FONT}"/>'
    jc = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{jc}<w:r><w:rPr>{fonts}'
            f'{"<w:b/>" if bold else ""}<w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">{clean}</w:t></w:r></w:p></w:tc>')


def _table(document, caption: str, frame) -> None:
    """An editable Word table: fixed column widths sized to content, a repeating header row,
    one number format per column. Rows are written as XML in one parse (python-docx's
    cell-by-cell API takes about a millisecond a cell)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    shown, cut = head(frame)
    formats = column_formats(shown)
    total = round(TEXT_MM * _TWIPS_PER_MM)
    widths = [round(w) for w in shares(content_widths(shown, formats), total)]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = "".join(_cell(str(c), w, f.numeric, bold=True) for c, w, f in zip(shown.columns, widths, formats,
                                                                               strict=True))
    rows = [f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>"]
    for row in shown.itertuples(index=False):
        cells = "".join(_cell(f.text(v), w, f.numeric) for v, w, f in zip(row, widths, formats, strict=True))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    tbl = parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" '
                    f'w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
                    f'{"".join(rows)}</w:tbl>')
    title = document.add_paragraph()
    if caption:
        _run(title, caption, bold=True, size=10)
    title.paragraph_format.keep_with_next = True
    title._p.addnext(tbl)
    if cut:
        _run(document.add_paragraph(), f"（另有 {cut} 行，见 Excel 文件）", italic=True)
    document.add_paragraph()


def _picture(document, kind: str, result, caption: str) -> None:
    from docx.shared import Cm

    from ...charts.plan import draw_plan_chart

    fig = draw_plan_chart(kind, result, title=caption)
    width_in = fig.get_size_inches()[0]
    dpi = max(CHART_DPI_MIN, CHART_DPI_MIN * (CHART_CM / 2.54) / width_in) * 1.1
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches=None, pil_kwargs={"compress_level": 1})
    buf.seek(0)
    document.add_picture(buf, width=Cm(CHART_CM))
    _run(document.add_paragraph(), f"图：{caption}", italic=True, size=9)


def _page_setup(document) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.different_first_page_header_footer = True  # no page number on the cover
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centred
    _run(footer, "第 ")
    _field(footer, "PAGE")
    _run(footer, " 页，共 ")
    _field(footer, "NUMPAGES")
    _run(footer, " 页")
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _properties(document, plan: KeyAccountPlan, author: str, version: str, when: dt.datetime) -> None:
    props = document.core_properties
    props.title = plan.title
    props.subject = "大客户计划"
    props.author = author or plan.profile.company
    props.last_modified_by = author or plan.profile.company
    props.created = props.modified = when
    props.revision = 1
    props.version = version
    props.language = "zh-CN"
    props.keywords = "大客户计划; KAM"
    props.comments = "由 KAM Lab 生成" + ("（示例：虚构企业）" if plan.is_example else "")


def _cover(document, plan: KeyAccountPlan, author: str, date: str, version: str) -> None:
    from docx.enum.text import WD_BREAK

    for _ in range(6):
        document.add_paragraph()
    title = _styled(document, "Title")
    title.alignment = 1
    _run(title, plan.title)
    for label, value in cover_lines(plan, author, date, version):
        line = document.add_paragraph()
        line.alignment = 1
        _run(line, f"{label}：{value}", size=14)
    if plan.is_example:
        note = document.add_paragraph()
        note.alignment = 1
        _run(note, "示例：企业与数字均为虚构", italic=True)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading = document.add_paragraph()
    _run(heading, "目录", bold=True, size=16)
    _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "（目录：打开文件后按 F9 或右键“更新域”生成）")


def to_docx(plan: KeyAccountPlan, path: str | Path, charts: bool = True, author: str = "", version: str = "1.0",
            when: dt.datetime | None = None, appendix: bool = True) -> Path:
    """The plan as a Word document a manager can edit and hand on; returns the path."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    when = when or dt.datetime.now().replace(microsecond=0)
    document = Document()
    for style in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "List Bullet"):
        try:
            _east_asian(document.styles[style].element)
        except KeyError:
            continue
    _page_setup(document)
    _properties(document, plan, author, version, when)
    _cover(document, plan, author, when.date().isoformat(), version)
    page_pending = True  # the summary starts on a new page after the table of contents
    for block in outline(plan, appendix):
        if block.kind == "page":
            page_pending = True
            continue
        if page_pending:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            page_pending = False
        _block(document, block, charts)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _block(document, block: Block, charts: bool) -> None:
    if block.kind == "heading":
        _run(_styled(document, f"Heading{block.level}"), block.text)
    elif block.kind == "text":
        _run(document.add_paragraph(), block.text)
    elif block.kind == "bullets":
        for item in block.items:
            _run(_styled(document, "ListBullet"), item)
    elif block.kind == "table":
        _table(document, block.caption, block.frame)
    elif block.kind == "chart" and charts and block.chart is not None:
        _picture(document, block.chart[0], block.chart[1], block.caption)
