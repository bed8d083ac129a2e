"""The plan's charts: each piece of 我的大客户计划 names a chart kind and a model result.

:func:`draw_plan_chart` draws it with the tool's own chart function, so the plan
shows exactly what the chapter showed.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

#: chart kind -> the draw function's name in :mod:`kamlab.charts`
KINDS = {"portfolio": "draw_portfolio", "pareto": "draw_pareto", "pipeline": "draw_funnel",
         "goals": "draw_goals", "kraljic": "draw_kraljic"}


def draw_plan_chart(kind: str, result: Any, title: str = "") -> Figure:
    """The chart of one plan piece (``kind`` is one of :data:`KINDS`)."""
    from .. import charts

    if kind not in KINDS:
        raise ValueError(f"unknown plan chart kind {kind!r}")
    draw = getattr(charts, KINDS[kind])
    if kind == "portfolio":
        return draw(result, title=title)
    return draw(result)
