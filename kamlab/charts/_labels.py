"""Point labels that do not overlap: a greedy placement, cheap enough for a redraw on every keystroke.

Accounts often share a value (three at 吸引力 6.1 and similar 相对实力): labels written at
their points then sit on top of each other, on screen and in the Word plan. Each label's
box is estimated from its text (a CJK character is about one font size wide, other
characters about 0.6 of it) in display pixels, without rendering; labels are placed in
order (largest bubble first), each at the first free position among: on its point, then
stepped up and down by one line at a time, then to the right and left. A label moved off
its point gets a thin leader line back to it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _width(text: str, size_px: float) -> float:
    return sum(1.05 * size_px if ord(ch) > 0x2E7F else 0.62 * size_px for ch in text) + 4


def _offsets(limit: int = 8) -> list[tuple[float, float]]:
    """Candidate offsets in lines (dx in label widths, dy in line heights), nearest first."""
    out = [(0.0, 0.0)]
    for step in range(1, limit + 1):
        out += [(0.0, step), (0.0, -step)]
    for step in range(1, limit + 1):
        out += [(0.6, step - 1), (-0.6, step - 1), (0.6, -step), (-0.6, -step)]
    return out


def place_labels(ax, xs: Sequence[float], ys: Sequence[float], names: Sequence[str], order: Sequence[int],
                 fontsize: float = 9) -> list:
    """Annotate ``names`` at (``xs``, ``ys``) (data coordinates) without overlaps; returns the texts.

    ``order`` gives the placing order (most important first). The axes limits must be final.
    """
    fig = ax.figure
    size_px = fontsize * fig.dpi / 72
    line = size_px * 1.5  # the CJK font's box (ascent + descent) is about 1.4 font sizes high
    to_px = ax.transData.transform
    points = to_px(np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])) \
        if len(xs) else np.empty((0, 2))
    placed: list[tuple[float, float, float, float]] = []
    texts: list = [None] * len(names)
    for i in order:
        name = str(names[i])
        w, h = _width(name, size_px), line
        px, py = points[i]
        for ox, oy in _offsets():
            cx, cy = px + ox * w, py + oy * line
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                break
        placed.append(box)
        dx, dy = (cx - px) * 72 / fig.dpi, (cy - py) * 72 / fig.dpi  # pixels → points
        moved = abs(dx) > 0.5 or abs(dy) > 0.5
        texts[i] = ax.annotate(name, (xs[i], ys[i]), xytext=(dx, dy), textcoords="offset points",
                               ha="center", va="center", fontsize=fontsize,
                               arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "#777777",
                                           "shrinkA": 0, "shrinkB": 2} if moved else None)
    return [t for t in texts if t is not None]
