"""A small stdlib progress bar for long runs (written to stderr)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int, label: str = "", stream=None, width: int = 30) -> Iterator[T]:
    """Yield ``items`` while drawing ``label [#####.....] n/total`` (about 50 updates at most)."""
    stream = stream or sys.stderr
    step = max(1, total // 50)
    n = 0
    for n, item in enumerate(items, start=1):
        if n % step == 0 or n == total:
            filled = int(width * n / max(total, 1))
            stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {n}/{total}")
            stream.flush()
        yield item
    if total:
        stream.write("\n")
        stream.flush()
