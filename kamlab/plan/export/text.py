"""The plan as Markdown (a file to keep) and as HTML (the notebook's view)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from ._format import column_formats
from .outline import Block, cover_lines, outline

if TYPE_CHECKING:
    from ..result import KeyAccountPlan

#: longest table printed in Word, Markdown and HTML; the Excel file holds every row
WORD_ROWS = 40


def head(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The rows printed, and how many were left out."""
    return frame.head(WORD_ROWS), max(0, len(frame) - WORD_ROWS)


def _md_table(frame: pd.DataFrame) -> str:
    shown, cut = head(frame)
    formats = column_formats(shown)
    cols = [str(c) for c in shown.columns]
    align = ["---:" if f.numeric else "---" for f in formats]
    lines = ["| " + " | ".join(cols) + " |", "| " + " | ".join(align) + " |"]
    for row in shown.itertuples(index=False):
        cells = (f.text(v).replace("|", "\\|").replace("\n", " ") for f, v in zip(formats, row, strict=True))
        lines.append("| " + " | ".join(cells) + " |")
    if cut:
        lines.append(f"\n（另有 {cut} 行，见 Excel 文件）")
    return "\n".join(lines)


def to_markdown(plan: KeyAccountPlan, author: str = "", date: str = "", version: str = "1.0",
                appendix: bool = True) -> str:
    """The plan as Markdown."""
    out = [f"# {plan.title}", ""]
    out += [f"- {label}：{value}" for label, value in cover_lines(plan, author, date, version)] + [""]
    for block in outline(plan, appendix):
        if block.kind == "heading":
            out += ["#" * (block.level + 1) + " " + block.text, ""]
        elif block.kind == "text":
            out += [block.text, ""]
        elif block.kind == "bullets":
            out += [f"- {item}" for item in block.items] + [""]
        elif block.kind == "table":
            out += ([f"**{block.caption}**", ""] if block.caption else []) + [_md_table(block.frame), ""]
        elif block.kind == "chart":
            out += [f"*图：{block.caption}（见 Word 文件）*", ""]
    return "\n".join(out)


def _html_table(frame: pd.DataFrame) -> str:
    shown, cut = head(frame)
    formats = column_formats(shown)
    e = html.escape
    head_row = "".join(f"<th>{e(str(c))}</th>" for c in shown.columns)
    rows = "".join("<tr>" + "".join(
        f"<td style='text-align:{'right' if f.numeric else 'left'}'>{e(f.text(v))}</td>"
        for f, v in zip(formats, row, strict=True)) + "</tr>" for row in shown.itertuples(index=False))
    text = f"<table class='dataframe'><thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table>"
    return text + (f"<p><small>（另有 {cut} 行，见 Excel 文件）</small></p>" if cut else "")


def _html_block(block: Block, link_suffix: str) -> str:
    e = html.escape
    if block.kind == "heading":
        level = min(6, block.level + 3)
        return f"<h{level}>{e(block.text)}</h{level}>"
    if block.kind == "text":
        return f"<p>{e(block.text)}</p>"
    if block.kind == "bullets":
        if block.links:
            items = "".join(f"<li><a href='{e(link.removesuffix('.ipynb') + link_suffix)}'>{e(item)}</a></li>"
                            for item, link in zip(block.items, block.links, strict=True))
            return f"<ul class='kamlab-missing'>{items}</ul>"
        return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + "</ul>"
    if block.kind == "table":
        caption = f"<p><small>{e(block.caption)}</small></p>" if block.caption else ""
        return caption + _html_table(block.frame)
    if block.kind == "chart":
        return f"<p><small><i>图：{e(block.caption)}（见 Word 文件）</i></small></p>"
    return "<hr>" if block.kind == "page" else ""


def to_html(plan: KeyAccountPlan, link_suffix: str = ".ipynb") -> str:
    """The plan as HTML for the notebook (links to chapters end in ``link_suffix``)."""
    out = [f"<h3>{html.escape(plan.title)}</h3>"]
    out += [_html_block(b, link_suffix) for b in outline(plan, appendix=True)]
    return "\n".join(t for t in out if t)
