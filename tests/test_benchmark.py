"""标杆法: long and short boards against the leader, checked by hand."""

import pandas as pd
import pytest

from kamlab import InputError
from kamlab.benchmark import compare_benchmark

TABLE = pd.DataFrame({"要素": ["产品技术", "质量稳定性", "交付速度", "服务响应", "价格竞争力", "品牌影响力"],
                      "我方": [8, 7, 9, 8, 6, 4], "行业龙头": [8, 9, 7, 7, 8, 9]})


def test_benchmark_long_and_short_boards():
    r = compare_benchmark(TABLE)
    # gaps: 8−8=0, 7−9=−2, 9−7=+2, 8−7=+1, 6−8=−2, 4−9=−5
    assert list(r.table["差距"]) == [0, -2, 2, 1, -2, -5]
    assert r.long_boards == ["产品技术", "交付速度", "服务响应"]  # gap ≥ 0, a tie counts as long
    # short (gap ≤ −2), largest first; the two −2s keep table order
    assert r.short_boards == ["品牌影响力", "质量稳定性", "价格竞争力"]
    assert r.averages == (7.0, 8.0)  # 42/6 and 48/6


def test_benchmark_stricter_line_turns_short_into_near():
    r = compare_benchmark(TABLE, short_gap=3)
    assert r.short_boards == ["品牌影响力"]  # only −5 ≤ −3
    assert list(r.table.loc[r.table["差距"] == -2, "判定"]) == ["略逊", "略逊"]


def test_benchmark_bad_input():
    with pytest.raises(InputError, match="短板标准"):
        compare_benchmark(TABLE, short_gap=0)
    with pytest.raises(InputError, match="标杆对比表"):
        compare_benchmark(TABLE.iloc[0:0])
    with pytest.raises(InputError, match="至少需要 3 个要素"):
        compare_benchmark(TABLE.iloc[:2])
    bad = TABLE.astype(object).copy()
    bad.loc[3, "我方"] = "高"
    with pytest.raises(InputError, match="“服务响应”·我方"):
        compare_benchmark(bad)
    dup = TABLE.copy()
    dup.loc[1, "要素"] = "产品技术"
    with pytest.raises(InputError, match="重复"):
        compare_benchmark(dup)
    nan = TABLE.astype(float, errors="ignore").copy()
    nan.loc[0, "行业龙头"] = float("nan")
    with pytest.raises(InputError, match="行业龙头"):
        compare_benchmark(nan)
