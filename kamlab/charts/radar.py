"""Radar (spider) chart: several named series over the same criteria."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ._base import PALETTE, new_figure


def draw_radar(
    labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    title: str = "",
    max_value: float = 10.0,
) -> Figure:
    """Draw each series (name → values, one per label) on a shared radar."""
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
