"""The glossary: one CSV (``data/glossary.csv``: 中文, English, 章节, 释义) from
which the glossary page is generated."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .errors import InputError

COLUMNS = ["中文", "English", "章节", "释义"]

#: The book's part order (叶敦明, 王渊, 丁兴良); chapters sort by it, then by number.
COURSE_ORDER = ("ye", "wang", "ding")


def _chapter_key(chapter: pd.Series) -> pd.Series:
    course = chapter.str.split("-").str[0]
    rank = course.map({c: i for i, c in enumerate(COURSE_ORDER)}).fillna(len(COURSE_ORDER))
    return rank.astype(int).astype(str) + chapter


def load_glossary() -> pd.DataFrame:
    """All terms in book order (part, chapter), then by Chinese term; duplicates rejected."""
    with resources.files("kamlab").joinpath("data/glossary.csv").open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    if list(table.columns) != COLUMNS:
        raise InputError("术语表", f"列应为 {COLUMNS}，当前为 {list(table.columns)}", list(table.columns))
    dup = table["中文"].duplicated()
    if dup.any():
        raise InputError("术语表·中文", f"术语“{table['中文'][dup].iloc[0]}”重复", table["中文"][dup].iloc[0])
    return table.sort_values(["章节", "中文"], key=lambda col: _chapter_key(col) if col.name == "章节" else col,
                             kind="stable").reset_index(drop=True)
