"""Heatmap of a product × supplier competitive-strength grid."""

from __future__ import annotations

from matplotlib.figure import Figure

from ._base import new_figure


def draw_competition(result, title: str = "") -> Figure:
    """Cells coloured by score (0–10) and labelled with the score and 强/弱."""
    grid = result.grid
    labels = result.labels()
    fig, ax = new_figure(1.3 * grid.shape[1] + 2.5, 0.6 * grid.shape[0] + 1.6)
    image = ax.imshow(grid.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=10, aspect="auto")
    ax.set_xticks(range(grid.shape[1]), [str(c) for c in grid.columns])
    ax.set_yticks(range(grid.shape[0]), [str(i) for i in grid.index])
    ax.xaxis.tick_top()
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            v = float(grid.iat[i, j])
            ax.text(j, i, f"{v:g}\n{labels.iat[i, j]}", ha="center", va="center", fontsize=9,
                    color="white" if v >= 6.5 else "black")
    ours = list(grid.columns).index(result.ours)
    ax.add_patch(_frame(ours, grid.shape[0]))
    fig.colorbar(image, ax=ax, shrink=0.8, label="竞争力（0–10）")
    ax.set_title(title or f"竞争对手竞争力（≥ {result.strong:g} 为强；框内为我方）", fontsize=11)
    return fig


def _frame(column: int, rows: int):
    from matplotlib.patches import Rectangle

    return Rectangle((column - 0.5, -0.5), 1, rows, fill=False, edgecolor="#D55E00", lw=2)
