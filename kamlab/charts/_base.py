"""Shared figure plumbing: a new Figure not tied to pyplot's global state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from .fonts import configure_fonts

#: The book's palette (colour-blind safe, Okabe–Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
QUADRANT_COLOURS = {"HH": "#009E73", "HL": "#0072B2", "LH": "#E69F00", "LL": "#999999"}


def new_figure(
    width: float = 7.0,
    height: float = 5.0,
    polar: bool = False,
    margins: tuple[float, float, float, float] | None = None,
) -> tuple[Figure, object]:
    """A Figure with one Axes (polar if asked), created without pyplot.

    By default the layout is "constrained" (labels never clipped). Charts that
    redraw on every keystroke pass fixed ``margins`` (left, right, bottom, top
    as figure fractions), which renders about a third faster.
    """
    configure_fonts()  # on the first figure, not at import: importing never needs the font
    if margins is None:
        fig = Figure(figsize=(width, height), layout="constrained")
    else:
        fig = Figure(figsize=(width, height))
        left, right, bottom, top = margins
        fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)
    ax = fig.add_subplot(projection="polar" if polar else None)
    return fig, ax


def draw_radar(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    title: str = "",
    max_value: float = 10.0,
) -> Figure:
    """A radar (spider) chart: each series (name → values, one per label) on shared axes.

    A chart form several tools draw their results with (benchmark, value scorecard).
    """
    fig, ax = new_figure(6, 6, polar=True)
    angles = np.linspace(0, 2 * np.pi, len(labels), endpoint=False)
    closed = np.append(angles, angles[0])
    for colour, (name, values) in zip(PALETTE, series.items(), strict=False):
        vals = np.append(np.asarray(values, dtype=float), float(values[0]))
        ax.plot(closed, vals, color=colour, lw=2, label=name)
        ax.fill(closed, vals, color=colour, alpha=0.15)
    ax.set_xticks(angles, labels)
    ax.set_ylim(0, max_value)
    ax.legend(loc="upper right", bbox_to_anchor=(1.15, 1.1))
    if title:
        ax.set_title(title, pad=24)
    return fig
