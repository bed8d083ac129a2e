"""The glossary: one CSV (``data/glossary.csv``: 中文, English, 章节, 释义) from
which the glossary page is generated."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from .errors import InputError

COLUMNS = ["中文", "English", "章节", "释义"]


def load_glossary() -> pd.DataFrame:
    """All terms, sorted by chapter then Chinese term; duplicates rejected."""
    with resources.files("kamlab").joinpath("data/glossary.csv").open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    if list(table.columns) != COLUMNS:
        raise InputError("术语表", f"列应为 {COLUMNS}，当前为 {list(table.columns)}", list(table.columns))
    dup = table["中文"].duplicated()
    if dup.any():
        raise InputError("术语表·中文", f"术语“{table['中文'][dup].iloc[0]}”重复", table["中文"][dup].iloc[0])
    return table.sort_values(["章节", "中文"], kind="stable").reset_index(drop=True)
