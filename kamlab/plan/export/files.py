"""Writing the plan's three files side by side, never over an earlier export.

File names say whose plan, what and when: ``<公司>-大客户计划-2027-03-01.docx`` (and
``.xlsx``, ``.md``); a second export on the same day gets ``-2``, then ``-3`` …, the same
number for all three files. :func:`main` is the ``kamlab plan`` command's stage.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..result import KeyAccountPlan

SUFFIXES = (".docx", ".xlsx", ".md")
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def plan_stem(plan: KeyAccountPlan, when: dt.date) -> str:
    """``示例液压元件企业（本书虚构）-大客户计划-2027-03-01`` (characters a file system refuses become ``_``)."""
    company = _UNSAFE.sub("_", plan.profile.company).strip("_") or "大客户计划"
    return f"{company}-大客户计划-{when.isoformat()}"


def free_stem(folder: Path, stem: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` …: the first for which none of the three files exists yet."""
    candidate, n = stem, 1
    while any((folder / f"{candidate}{s}").exists() for s in SUFFIXES):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def write_plan(plan: KeyAccountPlan, folder: str | Path, author: str = "", version: str = "1.0",
               when: dt.datetime | None = None, appendix: bool = True, charts: bool = True) -> dict[str, Path]:
    """Write .docx, .xlsx and .md into ``folder`` under a new name; returns {"docx": …, "xlsx": …, "md": …}."""
    from .docx import to_docx
    from .text import to_markdown
    from .xlsx import to_excel

    when = when or dt.datetime.now().replace(microsecond=0)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = free_stem(folder, plan_stem(plan, when.date()))
    date = when.date().isoformat()
    paths = {"docx": to_docx(plan, folder / f"{stem}.docx", charts=charts, author=author, version=version,
                             when=when, appendix=appendix),
             "xlsx": to_excel(plan, folder / f"{stem}.xlsx", author=author, date=date, version=version,
                              appendix=appendix)}
    md = folder / f"{stem}.md"
    md.write_text(to_markdown(plan, author=author, date=date, version=version, appendix=appendix), encoding="utf-8")
    paths["md"] = md
    return paths


def main(args) -> int:
    """``kamlab plan``: the example plan (``--example``) or the plan from an answer folder, as three files."""
    from ...learner.chapter_work import read_saved_work
    from .. import build_plan, example_work

    if args.example:
        work = example_work()
    else:
        work, notices = read_saved_work(args.answers)
        for notice in notices:
            print(f"注意：{notice}")
    paths = write_plan(build_plan(work), args.out, author=args.author or "", version=args.version,
                       appendix=not args.no_appendix)
    for path in paths.values():
        print(path)
    return 0
