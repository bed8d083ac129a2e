"""Section 4, 开发与目标: pipeline and weighted forecast, next year's target by three methods."""

from __future__ import annotations

from ..errors import InputError
from .chapters import CALCULATORS
from .result import Missing, Piece, SavedWork
from .saved import rows_frame, saved_input, saved_rows


def target_pieces(work: SavedWork, unit: str) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    pieces: list[Piece] = []
    missing: list[Missing] = []
    state = work.state("wang-02", "pipeline")
    tool = CALCULATORS["wang-02"]["pipeline"]
    if state is None:
        missing.append(Missing("wang-02", tool))
    else:
        probabilities = {r.get("阶段", ""): r.get("概率（%）", "") for r in saved_rows(saved_input(state, "probabilities", 1))}
        try:
            result = kamlab.forecast(rows_frame(saved_rows(saved_input(state, "opportunities", 0))), probabilities or None)
            pieces.append(Piece("wang-02", tool, "开发管道与加权预测",
                                (f"管道共 {len(result.table)} 个机会，总额 {result.total:,.1f} {unit}，"
                                 f"加权预测 {result.weighted_total:,.1f} {unit}。",),
                                (("各阶段机会与加权金额", result.by_stage),), (("开发管道", "pipeline", result),)))
        except InputError as error:
            missing.append(Missing("wang-02", tool, f"无法计算：{error}"))
    state = work.state("ye-05", "goals")
    tool = CALCULATORS["ye-05"]["goals"]
    if state is None:
        missing.append(Missing("ye-05", tool))
    else:
        names = ("benchmark_sales", "target_ratio", "resource_units", "output_per_unit", "base_sales", "growth")
        try:
            goals = kamlab.set_targets(*(saved_input(state, n, i) for i, n in enumerate(names)))
            pieces.append(Piece("ye-05", tool, "明年的大客户销售目标（三种方法）",
                                (f"三种方法给出 {goals.low:,.0f}–{goals.high:,.0f} {unit}，相差 {goals.spread:,.0f} {unit}。",),
                                (("三种方法的目标", goals.table),), (("三种方法对比", "goals", goals),)))
        except (InputError, TypeError) as error:
            missing.append(Missing("ye-05", tool, f"无法计算：{error}"))
    return pieces, missing
