"""我的大客户计划 out of the book: Word (.docx), Excel (.xlsx), Markdown and HTML.

- :func:`to_docx` — headings per section and piece, editable Word tables, the
  tools' charts embedded as PNG, and an East Asian font on every run and style
  (without ``w:eastAsia`` Word falls back to a Western font for Chinese).
- :func:`to_excel` — one sheet per section (every table of the section stacked,
  with 来源 and 表 columns to filter by), then 行动清单 and 进度, written with
  :func:`kamlab.spreadsheet.write_excel` (typed text never becomes a formula).
- :func:`to_markdown`, :func:`to_html` — the same content as text.

Long tables are cut to :data:`WORD_ROWS` rows in Word and HTML (the Excel file
holds every row).
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import pandas as pd

from .plan import KeyAccountPlan, Piece, chapter_label
from .text_clean import clean_text

#: East Asian font named on every Word run (present on Chinese Windows; WPS maps it too).
EAST_ASIAN_FONT = "宋体"
LATIN_FONT = "Calibri"
#: resolution of the charts in Word (15 cm wide: 90 dpi reads well on screen and on paper)
CHART_DPI = 90
#: longest table printed in Word / HTML; the Excel export has every row
WORD_ROWS = 40


def _fmt(value: object) -> str:
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    return "" if value is None else str(value)


def _head(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    return frame.head(WORD_ROWS), max(0, len(frame) - WORD_ROWS)


def _intro(plan: KeyAccountPlan) -> list[str]:
    p = plan.profile
    lines = [f"公司：{p.company}" + (f"；行业：{p.industry}" if p.industry else "") + f"；金额单位：{p.unit}。"]
    if plan.is_example:
        lines.append("本计划由本书的示例数据生成（虚构企业），用来展示计划的样子；在各章保存你自己的数据后重新生成。")
    return lines


# --- Markdown / HTML --------------------------------------------------------------------


def _md_table(frame: pd.DataFrame) -> str:
    shown, cut = _head(frame)
    cols = [str(c) for c in shown.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in shown.itertuples(index=False):
        lines.append("| " + " | ".join(_fmt(v).replace("|", "\\|").replace("\n", " ") for v in row) + " |")
    if cut:
        lines.append(f"\n（另有 {cut} 行，见 Excel 导出）")
    return "\n".join(lines)


def to_markdown(plan: KeyAccountPlan) -> str:
    """The plan as Markdown (headings, tables, missing pieces, progress)."""
    out = [f"# {plan.title}", "", *_intro(plan), ""]
    for section in plan.sections:
        out += [f"## {section.number}. {section.title}", ""]
        for piece in section.pieces:
            out += [f"### {piece.heading}", "", f"*{piece.source}*", ""]
            out += [*piece.lines, ""] if piece.lines else []
            for caption, frame in piece.tables:
                out += [f"**{caption}**", "", _md_table(frame), ""]
        for m in section.missing:
            out += [f"- {m.text}（见 [{chapter_label(m.chapter)}]({m.link})）"]
        out += [""]
    out += ["## 学习进度", "", _md_table(plan.progress.drop(columns=["链接"])), ""]
    return "\n".join(out)


def _html_table(frame: pd.DataFrame) -> str:
    shown, cut = _head(frame)
    text = shown.to_html(index=False, escape=True, na_rep="", float_format=lambda v: _fmt(v))
    return text + (f"<p><small>（另有 {cut} 行，见 Excel 导出）</small></p>" if cut else "")


def to_html(plan: KeyAccountPlan, link_suffix: str = ".ipynb") -> str:
    """The plan as HTML for the notebook (links to chapters end in ``link_suffix``)."""
    e = html.escape
    out = [f"<h3>{e(plan.title)}</h3>", *(f"<p>{e(t)}</p>" for t in _intro(plan))]
    for section in plan.sections:
        out.append(f"<h4>{section.number}. {e(section.title)}</h4>")
        for piece in section.pieces:
            out.append(f"<p><b>{e(piece.heading)}</b><br><small><i>{e(piece.source)}</i></small></p>")
            out += [f"<p>{e(t)}</p>" for t in piece.lines]
            for caption, frame in piece.tables:
                out.append(f"<p><small>{e(caption)}</small></p>{_html_table(frame)}")
        if section.missing:
            items = "".join(f"<li><a href='{e(m.chapter + link_suffix)}'>{e(m.text)}</a></li>" for m in section.missing)
            out.append(f"<ul class='kamlab-missing'>{items}</ul>")
    out.append("<h4>学习进度</h4>")
    rows = "".join(
        f"<tr><td><a href='{e(r['链接'].removesuffix('.ipynb') + link_suffix)}'>{e(r['章节'])}</a></td>"
        f"<td>{e(r['计算器'])}</td><td>{e(r['工作表'])}</td><td>{e(r['自测'])}</td></tr>"
        for _, r in plan.progress.iterrows())
    out.append("<table class='dataframe'><thead><tr><th>章节</th><th>计算器（已保存/共）</th>"
               f"<th>工作表（已完成/共）</th><th>自测</th></tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(out)


# --- Excel ------------------------------------------------------------------------------


def _section_frame(pieces: tuple[Piece, ...]) -> pd.DataFrame:
    blocks = []
    for piece in pieces:
        source = f"{chapter_label(piece.chapter)} · {piece.tool}" if piece.chapter else piece.tool
        if piece.lines:
            blocks.append(pd.DataFrame({"来源": source, "表": "说明", "内容": list(piece.lines)}))
        for caption, frame in piece.tables:
            block = frame.reset_index(drop=True).copy()
            block.columns = [str(c) for c in block.columns]
            block.insert(0, "表", caption)
            block.insert(0, "来源", source)
            blocks.append(block)
    if not blocks:
        return pd.DataFrame({"来源": [], "表": [], "内容": []})
    return pd.concat(blocks, ignore_index=True, sort=False)


def to_excel(plan: KeyAccountPlan, path: str | Path) -> Path:
    """One sheet per section (sheet ``1 公司与大客户组合`` …), then 行动清单 and 进度."""
    from .spreadsheet import write_excel

    sheets: dict[str, pd.DataFrame] = {}
    for section in plan.sections:
        frame = _section_frame(section.pieces)
        if section.missing:
            gaps = pd.DataFrame({"来源": [chapter_label(m.chapter) for m in section.missing],
                                 "表": "还差", "内容": [m.text for m in section.missing]})
            frame = pd.concat([frame, gaps], ignore_index=True, sort=False)
        sheets[f"{section.number} {section.title}"] = frame
    sheets["进度"] = plan.progress.drop(columns=["链接"])
    return write_excel(path, sheets)


# --- Word -------------------------------------------------------------------------------


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


def _run(paragraph, text: str, italic: bool = False):
    run = paragraph.add_run(clean_text(text))
    run.italic = italic or None
    _east_asian(run._r)
    return run


def _cell_xml(text: str, bold: bool = False) -> str:
    clean = html.escape(clean_text(text), quote=False)
    fonts = f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{EAST_ASIAN_FONT}"/>'
    return (f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:r><w:rPr>{fonts}'
            f'{"<w:b/>" if bold else ""}</w:rPr><w:t xml:space="preserve">{clean}</w:t></w:r></w:p></w:tc>')


def _docx_table(document, frame: pd.DataFrame) -> None:
    """An editable Word table (header row bold), its rows written as XML in one parse:
    python-docx's cell-by-cell API takes about a millisecond a cell."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    shown, cut = _head(frame)
    table = document.add_table(rows=0, cols=len(shown.columns))
    table.style = "Table Grid"
    rows = ["<w:tr>" + "".join(_cell_xml(str(c), bold=True) for c in shown.columns) + "</w:tr>"]
    rows += ["<w:tr>" + "".join(_cell_xml(_fmt(v)) for v in row) + "</w:tr>" for row in shown.itertuples(index=False)]
    body = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for tr in list(body):
        table._tbl.append(tr)
    if cut:
        _run(document.add_paragraph(), f"（另有 {cut} 行，见 Excel 导出）", italic=True)


def _picture(document, kind: str, result, caption: str) -> None:
    from .charts.plan import draw_plan_chart

    fig = draw_plan_chart(kind, result, title=caption)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=CHART_DPI, pil_kwargs={"compress_level": 1})
    buf.seek(0)
    from docx.shared import Cm

    document.add_picture(buf, width=Cm(15))
    _run(document.add_paragraph(), f"图：{caption}", italic=True)


def _styled(document, style_id: str):
    """A paragraph in a built-in style, set by its id (python-docx's lookup by name scans every
    style on each call: 4 ms a heading)."""
    paragraph = document.add_paragraph()
    paragraph._p.style = style_id
    return paragraph


def to_docx(plan: KeyAccountPlan, path: str | Path, charts: bool = True) -> Path:
    """The plan as a Word document a manager can edit; returns the path."""
    from docx import Document

    document = Document()
    for style in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        try:
            _east_asian(document.styles[style].element)
        except KeyError:
            continue
    _run(_styled(document, "Title"), plan.title)
    for line in _intro(plan):
        _run(document.add_paragraph(), line)
    for section in plan.sections:
        _run(_styled(document, "Heading1"), f"{section.number}. {section.title}")
        for piece in section.pieces:
            _run(_styled(document, "Heading2"), piece.heading)
            _run(document.add_paragraph(), piece.source, italic=True)
            for line in piece.lines:
                _run(document.add_paragraph(), line)
            for caption, frame in piece.tables:
                _run(document.add_paragraph(), caption).bold = True
                _docx_table(document, frame)
            if charts:
                for caption, kind, result in piece.charts:
                    _picture(document, kind, result, caption)
        for m in section.missing:
            _run(_styled(document, "ListBullet"), m.text)
    _run(_styled(document, "Heading1"), "学习进度")
    _docx_table(document, plan.progress.drop(columns=["链接"]))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
