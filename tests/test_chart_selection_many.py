"""The selection chart with more accounts than it draws: the 2,000 largest by 销售额, and a note.

What is drawn is read through the figure's public artists (the axes' one scatter collection),
not the chart's private attributes."""

from __future__ import annotations

import pandas as pd
from matplotlib.collections import PathCollection

import kamlab
from kamlab.charts.selection import MAX_BUBBLES, SelectionChart


def _accounts(n: int) -> pd.DataFrame:
    """``n`` accounts with 销售额 1, 2, …, n; the three smallest stand at 相对实力 2.9, the rest at 1.5."""
    return pd.DataFrame({"客户": [f"客户{i}" for i in range(1, n + 1)],
                         "吸引力": [6.0] * n,
                         "相对实力": [2.9, 2.9, 2.9] + [1.5] * (n - 3),
                         "销售额": [float(i) for i in range(1, n + 1)]})


def _bubbles(chart):
    """The bubbles as drawn: the axes' only PathCollection (its scatter)."""
    [collection] = [c for c in chart.figure.axes[0].collections if isinstance(c, PathCollection)]
    return collection


def test_more_than_2000_accounts_draw_the_2000_largest_with_a_note():
    result = kamlab.selection_matrix(_accounts(2003))
    chart = SelectionChart().update(result)
    offsets = _bubbles(chart).get_offsets()
    assert MAX_BUBBLES == 2000
    assert len(offsets) == 2000
    # 销售额 1, 2, 3 (the three at x = 2.9) are the ones left out: every drawn bubble is at x = 1.5
    assert set(offsets[:, 0]) == {1.5}
    # bubble areas: 1500·sales/peak + 30, peak 2003; the smallest drawn (销售额 4) and the largest
    sizes = _bubbles(chart).get_sizes()
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
    assert len(_bubbles(chart).get_offsets()) == 2000
    assert 2.9 in set(_bubbles(chart).get_offsets()[:, 0])
    assert chart.note.get_text() == ""


def _label_boxes(chart, names):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    renderer = FigureCanvasAgg(chart.figure).get_renderer()
    boxes = {}
    for text in chart.figure.axes[0].texts:
        if text.get_text() in names:
            text.update_positions(renderer)  # the label itself, without its leader line
            boxes[text.get_text()] = Text.get_window_extent(text, renderer)
    return boxes


def test_labels_of_accounts_sharing_a_value_do_not_overlap():
    """Issue 18 §3: three accounts at 吸引力 6.1 had their names written over one another (also in Word)."""
    table = pd.DataFrame({"客户": ["华东电机", "西南泵业", "北方阀门", "A 挖掘机厂", "东海重工"],
                          "吸引力": [6.1, 6.1, 6.1, 8.0, 3.0], "相对实力": [1.0, 1.02, 1.05, 1.5, 0.5],
                          "销售额": [100.0, 200.0, 300.0, 400.0, 50.0]})
    chart = SelectionChart().update(kamlab.selection_matrix(table))
    boxes = _label_boxes(chart, set(table["客户"]))
    assert set(boxes) == set(table["客户"])  # every account is labelled
    pairs = [(a, b) for a in boxes for b in boxes if a < b and boxes[a].overlaps(boxes[b])]
    assert pairs == []
    # the largest of the three keeps its place on its bubble; the others carry a leader line to theirs
    texts = {t.get_text(): t for t in chart.figure.axes[0].texts}
    assert texts["北方阀门"].arrow_patch is None and texts["西南泵业"].arrow_patch is not None


def test_forty_accounts_are_all_labelled_without_overlap():
    import random

    rng = random.Random(1)
    table = pd.DataFrame({"客户": [f"客户{i:02d}" for i in range(40)],
                          "吸引力": [round(rng.uniform(3, 9), 1) for _ in range(40)],
                          "相对实力": [round(rng.uniform(0.3, 2), 1) for _ in range(40)],
                          "销售额": [rng.uniform(10, 500) for _ in range(40)]})
    boxes = _label_boxes(SelectionChart().update(kamlab.selection_matrix(table)), set(table["客户"]))
    assert len(boxes) == 40
    assert not any(boxes[a].overlaps(boxes[b]) for a in boxes for b in boxes if a < b)
