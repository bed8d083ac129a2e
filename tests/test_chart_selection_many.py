"""The selection chart with more accounts than it draws: the 2,000 largest by 销售额, and a note."""

from __future__ import annotations

import pandas as pd

import kamlab
from kamlab.charts.selection import MAX_BUBBLES, SelectionChart


def _accounts(n: int) -> pd.DataFrame:
    """``n`` accounts with 销售额 1, 2, …, n; the three smallest stand at 相对实力 2.9, the rest at 1.5."""
    return pd.DataFrame({"客户": [f"客户{i}" for i in range(1, n + 1)],
                         "吸引力": [6.0] * n,
                         "相对实力": [2.9, 2.9, 2.9] + [1.5] * (n - 3),
                         "销售额": [float(i) for i in range(1, n + 1)]})


def test_more_than_2000_accounts_draw_the_2000_largest_with_a_note():
    result = kamlab.selection_matrix(_accounts(2003))
    chart = SelectionChart().update(result)
    offsets = chart._bubbles.get_offsets()
    assert MAX_BUBBLES == 2000
    assert len(offsets) == 2000
    # 销售额 1, 2, 3 (the three at x = 2.9) are the ones left out: every drawn bubble is at x = 1.5
    assert set(offsets[:, 0]) == {1.5}
    # bubble areas: 1500·sales/peak + 30, peak 2003; the smallest drawn (销售额 4) and the largest
    sizes = chart._bubbles.get_sizes()
    assert round(min(sizes), 3) == round(1500 * 4 / 2003 + 30, 3) == 32.996
    assert max(sizes) == 1530.0
    assert chart.note.get_text() == "共 2,003 家客户，图中显示销售额最大的 2,000 家"
    # the x axis still spans every account: 2.9 × 1.15 = 3.335
    assert round(chart.ax.get_xlim()[1], 3) == 3.335
    # the result keeps every account
    assert len(result.table) == 2003


def test_2000_accounts_are_all_drawn_without_a_note():
    chart = SelectionChart().update(kamlab.selection_matrix(_accounts(2003)))
    chart.update(kamlab.selection_matrix(_accounts(2000)))
    assert len(chart._bubbles.get_offsets()) == 2000
    assert 2.9 in set(chart._bubbles.get_offsets()[:, 0])
    assert chart.note.get_text() == ""
