"""Benchmarks named in the foundation issue; prints figures, asserts nothing.

Run ``python -m kamlab.perf.calculators`` (or ``make bench``). Targets: ``import kamlab``
≤ 0.3 s; one widget recompute + redraw ≤ 50 ms (median of 20); a 10,000-row
account table built ≤ 1 s (issue 14: it pages); the selection
matrix for 1,000,000 generated accounts ≤ 1 s and ≥ 50× faster than a per-row
Python loop doing the same validation and placement.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

N_ACCOUNTS = 1_000_000


def _import_time(runs: int = 5) -> float:
    code = "import time; t = time.perf_counter(); import kamlab; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def _widget_redraw(runs: int = 20) -> float:
    from ..widgets import selection_widget

    accounts = pd.DataFrame({
        "客户": ["华东重工", "宏远汽车", "北方电力", "精工模具", "海川船舶", "中联泵业"],
        "销售额": [1200, 800, 300, 200, 100, 50],
        "未来销售收入和利润": [8, 6, 5, 4, 3, 2], "财务安全": [7, 5, 5, 6, 5, 4],
        "相互关系": [6, 4, 4, 7, 4, 3], "影响力": [8, 5, 5, 3, 5, 2],
        "相对实力": [1.3, 0.7, 1.4, 0.9, 1.1, 0.5], "易损性": [4, 6, 5, 5, 3, 7],
    })
    widget = selection_widget(accounts)
    times = []
    for i in range(runs):
        start = time.perf_counter()
        # 华东重工's first score, typed as a learner would: recompute + redraw through the observer
        widget.accounts.set_cell(0, 2, str(7 + i % 2))
        times.append(time.perf_counter() - start)
    assert widget.error.value == "", widget.error.value
    return statistics.median(times)


def _large_table(n: int = 10_000) -> tuple[float, float]:
    """Seconds to build a 10,000-row account table, and a selection calculator on it."""
    from ..selection import DEFAULT_ATTRACTIVENESS
    from ..widgets import EditableTable, selection_widget

    rng = np.random.default_rng(14)
    accounts = pd.DataFrame({"客户": np.char.add("客户", np.arange(n).astype(str)),
                             "销售额": rng.gamma(2.0, 300.0, n).round(1),
                             **{c: rng.integers(0, 11, n) for c in DEFAULT_ATTRACTIVENESS},
                             "相对实力": rng.uniform(0.2, 3, n).round(2), "易损性": rng.integers(0, 11, n)})
    start = time.perf_counter()
    table = EditableTable(list(accounts.columns), accounts.astype(str).to_dict("records"))
    build = time.perf_counter() - start
    assert len(table) == n
    start = time.perf_counter()
    widget = selection_widget(accounts)
    whole = time.perf_counter() - start
    assert widget.error.value == "" and len(widget.result.table) == n, widget.error.value
    return build, whole


def _generated_accounts(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(2026)
    return pd.DataFrame({
        "客户": np.char.add("客户", np.arange(n).astype(str)),
        "吸引力": rng.uniform(0, 10, n).round(2),
        "相对实力": rng.uniform(0.2, 3, n).round(2),
        "销售额": rng.gamma(2.0, 300.0, n).round(1),
    })


def _loop_selection(accounts: pd.DataFrame) -> list[str]:
    """The same validation and placement as selection_matrix, one row at a time.

    This is what the model would cost written naively: every cell through the
    package's scalar validators (the learner-facing checks), then an if/else.
    """
    from .._checks import at_least, in_range
    from ..selection import SELECTION_SCHEME as s

    names = {k: q.name for k, q in s.quadrants.items()}
    out = []
    for row in accounts.itertuples(index=False):
        attr = in_range(row.吸引力, f"大客户组合表·“{row.客户}”·吸引力", *s.y_range)
        strength = in_range(row.相对实力, f"大客户组合表·“{row.客户}”·相对实力", *s.x_range)
        at_least(row.销售额, f"大客户组合表·“{row.客户}”·销售额", 0)
        key = ("H" if attr >= s.y_cut else "L") + ("H" if strength >= s.x_cut else "L")
        out.append(names[key])
    return out


def main() -> None:
    """Print every figure with its target."""
    from .. import selection_matrix

    print(f"import kamlab                       {_import_time():.3f} s   (target ≤ 0.3 s)")
    print(f"widget recompute + redraw (median)  {_widget_redraw() * 1000:.1f} ms  (target ≤ 50 ms)")
    build, whole = _large_table()
    print(f"10,000-row account table, built     {build:.3f} s   (target ≤ 1 s; paged, 50 rows shown)")
    print(f"selection calculator on it, shown   {whole:.3f} s   (compute + chart + first page)")
    accounts = _generated_accounts(N_ACCOUNTS)
    start = time.perf_counter()
    result = selection_matrix(accounts)
    vector = time.perf_counter() - start
    start = time.perf_counter()
    looped = _loop_selection(accounts)
    loop = time.perf_counter() - start
    assert looped == result.table["象限"].astype(str).tolist()
    print(f"selection matrix, {N_ACCOUNTS:,} accounts   {vector:.3f} s   (target ≤ 1 s)")
    print(f"same, per-row Python loop           {loop:.3f} s")
    print(f"speed-up                            {loop / vector:.0f}×     (target ≥ 50×)")


if __name__ == "__main__":
    main()
