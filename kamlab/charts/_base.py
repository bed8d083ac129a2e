"""Shared figure plumbing: a new Figure not tied to pyplot's global state."""

from __future__ import annotations

from matplotlib.figure import Figure

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
    if margins is None:
        fig = Figure(figsize=(width, height), layout="constrained")
    else:
        fig = Figure(figsize=(width, height))
        left, right, bottom, top = margins
        fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)
    ax = fig.add_subplot(projection="polar" if polar else None)
    return fig, ax
