"""Kraljic matrix: a thin layer over :func:`draw_portfolio`."""

from __future__ import annotations

from matplotlib.figure import Figure

from .matrix import draw_portfolio


def draw_kraljic(result, title: str = "采购产品分类（Kraljic 矩阵）") -> Figure:
    """Bubble chart of purchased items: supply risk (x) × profit impact (y), size = 采购额."""
    return draw_portfolio(result, title=title, size_col="采购额", label_col="品类")
