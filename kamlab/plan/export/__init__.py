"""我的大客户计划 out of the book: Word (.docx), Excel (.xlsx), Markdown and HTML.

The export sits below the plan: it reads a :class:`kamlab.plan.KeyAccountPlan` and imports
nothing that builds one, so nothing runs back up. One outline (:mod:`.outline`) is rendered
by each format: :func:`to_docx` (A4, cover, table of contents, page numbers, one page per
key account, appendix), :func:`to_excel` (one Excel table per block), :func:`to_markdown`
and :func:`to_html`; :func:`write_plan` writes the three files under a name that never
overwrites an earlier export.
"""

from .docx import to_docx
from .files import free_stem, plan_stem, write_plan
from .text import to_html, to_markdown
from .xlsx import to_excel

__all__ = ["free_stem", "plan_stem", "to_docx", "to_excel", "to_html", "to_markdown", "write_plan"]
