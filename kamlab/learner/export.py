"""Exporting the learner's own work: one place that names and writes the files.

Exercises, worksheets and the value-proposition card all export to Markdown and
Excel beside the answer files (``$KAMLAB_ANSWERS_DIR`` or ``./kamlab-answers``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from .answers import answers_dir

KINDS = ("md", "xlsx")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class AnswerDocument:
    """Mixin for a learner document (exercise sheet, worksheet) whose answers
    read as one table (``to_frame(answers)``): the one Excel export."""

    #: the sheet name in the exported workbook
    EXCEL_SHEET = "我的答案"

    def to_frame(self, answers: dict[str, Any]) -> pd.DataFrame:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_excel(self, answers: dict[str, Any], path: str | Path) -> Path:
        """Write the answers to an .xlsx file (one sheet) and return the path."""
        path = Path(path)
        self.to_frame(answers).to_excel(path, sheet_name=self.EXCEL_SHEET, index=False)
        return path


def safe_stem(name: str) -> str:
    """``name`` usable as a file name on every system: path separators and the
    characters Windows forbids become ``_`` (``华东/一厂`` → ``华东_一厂``)."""
    stem = _UNSAFE.sub("_", str(name)).strip(" .")
    return stem or "未命名"


def export_file(stem: str, kind: str, markdown: Callable[[], str], excel: Callable[[Path], object],
                folder: Path | None = None) -> Path:
    """Write ``<folder>/<stem>.md`` (from ``markdown()``) or ``.xlsx`` (``excel(path)``).

    ``folder`` defaults to the answers folder. Raises ``ValueError`` for an
    unknown kind and ``OSError`` when the folder cannot be written (callers show
    it in Chinese and offer a download instead).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}")
    path = (folder or answers_dir()) / f"{safe_stem(stem)}.{kind}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "md":
        path.write_text(markdown(), encoding="utf-8")
    else:
        excel(path)
    return path
