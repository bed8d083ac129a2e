"""Generate the illustrative sample data of the 叶敦明 chapters (ye-01 … ye-06).

Every number is invented for teaching: a mid-sized industrial supplier (think of a
maker of hydraulic components selling to equipment makers). The chapters say so.
The random generator has a fixed seed, so running this script again rewrites the
same files byte for byte::

    .venv/bin/python scripts/data_ye.py

Files (all in ``kamlab/data/``):

* ``ye_scorecard.csv``  — four quarters of 四维评估法 scores (定量/定性, 0–10).
* ``ye_candidates.csv`` — five candidate accounts for the "is it big?" screen (the running case).
* ``ye_benchmark.csv``  — our scores and the industry leader's on six factors (set by hand).
* ``ye_internal.csv``   — the same five customers a year later: sales, net profit, brand value, rank
  (the running case, ``kamlab/data/running_case.json``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from kamlab import running_case

SEED = 20240601
DATA = Path(__file__).resolve().parents[1] / "kamlab" / "data"
DIMENSIONS = ("纵向时间对比", "横向标杆对比", "垂直经销商评价", "平行大客户反馈")


def scorecard(rng: np.random.Generator) -> pd.DataFrame:
    """Four quarters; scores drift upward by about one point over the year."""
    rows = []
    base = rng.integers(4, 7, size=(len(DIMENSIONS), 2))
    for q in range(4):
        row: dict[str, object] = {"季度": f"2024Q{q + 1}"}
        for i, dim in enumerate(DIMENSIONS):
            for j, kind in enumerate(("定量", "定性")):
                drift = q // 2 + rng.integers(-1, 2)
                row[f"{dim}·{kind}"] = int(np.clip(base[i, j] + drift, 0, 10))
        rows.append(row)
    return pd.DataFrame(rows)


def candidates(rng: np.random.Generator) -> pd.DataFrame:
    """The five candidate accounts of the running case (``kamlab/data/running_case.json``).

    Columns: first order (万元), first-year growth (%), the rise of that growth
    each year (percentage points), industry influence (0–10). ``rng`` is unused
    here and kept for a uniform signature.
    """
    return running_case.ye_candidates()


def benchmark(rng: np.random.Generator) -> pd.DataFrame:
    """Six success factors, set by hand so that long and short boards both appear.

    ``rng`` is unused here and kept for a uniform signature.
    """
    return pd.DataFrame({"要素": ["产品技术", "质量稳定性", "交付速度", "服务响应", "价格竞争力", "品牌影响力"],
                         "我方": [8, 7, 9, 8, 6, 4], "行业龙头": [8, 9, 7, 7, 8, 9]})


def internal(rng: np.random.Generator) -> pd.DataFrame:
    """The same five customers in the year after their first order (running case): sales and
    net profit (万元), brand value 0–10 (= ye-02's industry influence), our rank as supplier.
    ``rng`` is unused here and kept for a uniform signature."""
    return running_case.ye_internal()


def main() -> None:
    rng = np.random.default_rng(SEED)
    for name, frame in (("ye_scorecard", scorecard(rng)), ("ye_candidates", candidates(rng)),
                        ("ye_benchmark", benchmark(rng)), ("ye_internal", internal(rng))):
        frame.to_csv(DATA / f"{name}.csv", index=False)
        print(f"{name}.csv: {len(frame)} 行")


if __name__ == "__main__":
    main()
