"""The chapter skeleton and house style of /work/coord/house-style.md (issue 11 §5).

Checked over the 15 chapter notebooks (not intro or glossary):

1. the first cell is exactly one H1 ``# 第X讲 标题`` (wang-00: ``# 前言 标题``) with one ASCII
   space after the numbering word, and no other H1 in the chapter;
2. the first H2 of the chapter is ``## 学习目标`` and that section is a list;
4. the chapter ends with ``## 案例练习``, ``## 自测``, ``## 本章小结``, ``## 出处与延伸阅读``,
   in this order, each exactly once;
5. no ASCII ``"`` and no 「」 in markdown prose (code, fences, link targets and HTML
   tags are not prose);
6. no file paths or code names in markdown prose (inline code included; link targets and
   ``给培训师`` admonitions are exempt).

Item 3 (``## 一、…`` body numbering) is a convention, not checked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = [f"ye-0{i}" for i in range(1, 7)] + [f"wang-0{i}" for i in range(5)] + [f"ding-0{i}" for i in range(1, 5)]

CLOSING = ["案例练习", "自测", "本章小结", "出处与延伸阅读"]
TITLE = re.compile(r"^# (第[一二三四五六七八九十]+讲|前言|导论) (?=\S)[^\n]*$")
FENCE = re.compile(r"^\s*(`{3,}|:{3,})\s*(.*)$")
CODE_DIRECTIVES = {"code-cell", "code-block", "code", "sourcecode", "math", "raw", "eval-rst"}
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)、])\s+\S")
CODE_NAMES = [r"\.py\b", r"\.ipynb\b", r"\.json\b", r"\.csv\b", r"scripts/", r"exercises/", r"kamlab-answers/",
              r"\bkamlab\.", r"_widget\(", r"\w\(\.\.\.\)"]


@dataclass(frozen=True)
class Line:
    cell: int
    text: str
    depth: int  # how many directive fences (admonitions, notes …) enclose the line


def prose_lines(cells: list[dict]) -> list[Line]:
    """Markdown lines a learner reads: code fences, directive options and trainer notes dropped."""
    out = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        stack: list[tuple[str, int, str]] = []  # (fence char, length, kind)
        for raw in "".join(cell["source"]).splitlines():
            fence = FENCE.match(raw)
            if fence:
                marker, info = fence.group(1), fence.group(2).strip()
                top = stack[-1] if stack else None
                if top and not info and marker[0] == top[0] and len(marker) >= top[1]:
                    stack.pop()
                    continue
                if top is None or top[2] not in ("code", "trainer"):
                    name = re.match(r"\{([\w-]+)\}\s*(.*)", info)
                    if name is None or name.group(1) in CODE_DIRECTIVES:
                        kind = "code"
                    elif name.group(1) == "admonition" and "给培训师" in name.group(2):
                        kind = "trainer"
                    else:
                        kind = "directive"
                        if name.group(2):  # an admonition's title is prose
                            out.append(Line(index, name.group(2), len(stack) + 1))
                    stack.append((marker[0], len(marker), kind))
                    continue
            if any(kind in ("code", "trainer") for _, _, kind in stack):
                continue
            if stack and re.match(r"^\s*:[\w-]+:", raw):  # a directive option such as :class: tip
                continue
            out.append(Line(index, raw, len(stack)))
    return out


def without_markup(text: str, keep_inline_code: bool) -> str:
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"<[^>\n]+>", " ", text)  # HTML tags and autolinks
    if not keep_inline_code:
        text = re.sub(r"`[^`]*`", " ", text)
    return text


def headings(lines: list[Line], level: int) -> list[Line]:
    mark = "#" * level + " "
    return [line for line in lines if line.depth == 0 and line.text.startswith(mark)]


def title_problems(cells: list[dict]) -> list[str]:
    first = cells[0]
    text = "".join(first["source"]).strip()
    problems = []
    if first["cell_type"] != "markdown" or not TITLE.match(text.splitlines()[0] if text else ""):
        problems.append(f"cell 0 is not one H1 “# 第X讲 标题”: {text[:40]!r}")
    h1 = headings(prose_lines(cells), 1)
    if len(h1) != 1:
        problems.append(f"{len(h1)} H1 headings: {[(h.cell, h.text) for h in h1]}")
    return problems


def objectives_problems(cells: list[dict]) -> list[str]:
    lines = prose_lines(cells)
    h2 = headings(lines, 2)
    if not h2 or h2[0].text.strip() != "## 学习目标":
        return [f"first H2 is {h2[0].text if h2 else None!r}, not “## 学习目标”"]
    start = lines.index(h2[0])
    section = []
    for line in lines[start + 1:]:
        if line.depth == 0 and line.text.startswith("#"):
            break
        section.append(line.text)
    problems = [] if any(LIST_ITEM.match(t) for t in section) else ["“## 学习目标” has no list of objectives"]
    if sum(h.text.strip() == "## 学习目标" for h in h2) != 1:
        problems.append("“## 学习目标” appears more than once")
    return problems


def closing_problems(cells: list[dict]) -> list[str]:
    names = [h.text[3:].strip() for h in headings(prose_lines(cells), 2)]
    problems = [f"“## {n}” appears {names.count(n)} times" for n in CLOSING if names.count(n) != 1]
    if names[-4:] != CLOSING:
        problems.append(f"last H2 sections are {names[-4:]}, not {CLOSING}")
    return problems


def quote_problems(cells: list[dict]) -> list[str]:
    found = []
    for line in prose_lines(cells):
        text = without_markup(line.text, keep_inline_code=False)
        for mark in ('"', "「", "」"):
            if mark in text:
                at = text.index(mark)
                found.append(f"cell {line.cell}: {mark} in …{text[max(0, at - 15):at + 15]}…")
    return found


def code_name_problems(cells: list[dict]) -> list[str]:
    found = []
    for line in prose_lines(cells):
        text = without_markup(line.text, keep_inline_code=True)
        for pattern in CODE_NAMES:
            hit = re.search(pattern, text)
            if hit:
                found.append(f"cell {line.cell}: {hit.group(0)!r} in …{text[max(0, hit.start() - 20):hit.end() + 10]}…")
    return found


def chapter(slug: str) -> list[dict]:
    return json.loads((ROOT / "book" / f"{slug}.ipynb").read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("slug", CHAPTERS)
def test_chapter_follows_the_house_style(slug):
    cells = chapter(slug)
    problems = (title_problems(cells) + objectives_problems(cells) + closing_problems(cells)
                + quote_problems(cells) + code_name_problems(cells))
    assert not problems, f"{slug}:\n" + "\n".join(problems)


# --- the checks can fail: planted defects in a tiny chapter ---

def _md(*sources: str) -> list[dict]:
    return [{"cell_type": "markdown", "source": [s]} for s in sources]


GOOD = ["# 第一讲 标题", "## 学习目标\n\n- 说出三种结构。\n\n## 一、正文\n\n他说“好”。",
        "## 案例练习\n\n- 练习一", "## 自测", "## 本章小结\n\n- 小结", "## 出处与延伸阅读\n\n- 出处"]


def test_a_chapter_in_house_style_passes():
    cells = _md(*GOOD)
    assert not (title_problems(cells) + objectives_problems(cells) + closing_problems(cells)
                + quote_problems(cells) + code_name_problems(cells))


@pytest.mark.parametrize("title", ["# 第一讲  标题", "# 第一讲　标题", "## 第一讲 标题", "# 第1讲 标题"])
def test_a_malformed_title_is_caught(title):
    assert title_problems(_md(title, *GOOD[1:]))


def test_a_second_h1_is_caught():
    assert title_problems(_md(*GOOD[:2], "# 另一个标题", *GOOD[2:]))


def test_objectives_in_an_admonition_are_caught():
    moved = "```{admonition} 学习目标\n:class: tip\n\n1. 说出三种结构。\n```\n\n## 一、正文"
    assert objectives_problems(_md(GOOD[0], moved, *GOOD[2:]))


def test_closing_sections_out_of_order_or_renamed_are_caught():
    assert closing_problems(_md(*GOOD[:2], GOOD[3], GOOD[2], *GOOD[4:]))
    assert closing_problems(_md(*GOOD[:5], "## 出处\n\n- 出处"))


def test_ascii_quotes_in_prose_and_admonitions_are_caught_but_not_in_code():
    assert quote_problems(_md('他说"好"。'))
    assert quote_problems(_md("```{note}\n课程说\"好\"。\n```"))
    assert quote_problems(_md("「好」"))
    assert not quote_problems(_md('```python\nx = "a"\n```', '见 `f("a")` 与 [链接](https://x.org/"a")'))


def test_code_names_in_prose_are_caught_except_for_trainers():
    assert code_name_problems(_md("数据由 `scripts/data_ding.py` 生成。"))
    assert code_name_problems(_md("用 `kamlab.SELECTION_SCHEME.with_cuts(...)` 改分界线。"))
    assert code_name_problems(_md("打开 `exercises/wang-00-status.ipynb`。"))
    trainer = "```{admonition} 给培训师\n:class: note\n\n用 `kamlab.choose_organisation` 复核。\n```"
    assert not code_name_problems(_md(trainer, "用计算器复核。"))
