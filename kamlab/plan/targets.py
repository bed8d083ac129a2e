"""Section 4, 开发与目标: pipeline and weighted forecast, next year's target by three methods."""

from __future__ import annotations

from .result import Missing, Piece, SavedWork
from .saved import gather, rows_frame, saved_input, saved_rows


def target_pieces(work: SavedWork, unit: str) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    def pipeline(state, tool: str) -> Piece:
        probabilities = {r.get("阶段", ""): r.get("概率（%）", "") for r in saved_rows(saved_input(state, "probabilities", 1))}
        result = kamlab.forecast(rows_frame(saved_rows(saved_input(state, "opportunities", 0))), probabilities or None)
        return Piece("wang-02", tool, "开发管道与加权预测",
                     (f"管道共 {len(result.table)} 个机会，总额 {result.total:,.1f} {unit}，"
                      f"加权预测 {result.weighted_total:,.1f} {unit}。",),
                     (("各阶段机会与加权金额", result.by_stage),), (("开发管道", "pipeline", result),))

    def goals(state, tool: str) -> Piece:
        names = ("benchmark_sales", "target_ratio", "resource_units", "output_per_unit", "base_sales", "growth")
        result = kamlab.set_targets(*(saved_input(state, n, i) for i, n in enumerate(names)))
        return Piece("ye-05", tool, "明年的大客户销售目标（三种方法）",
                     (f"三种方法给出 {result.low:,.0f}–{result.high:,.0f} {unit}，相差 {result.spread:,.0f} {unit}。",),
                     (("三种方法的目标", result.table),), (("三种方法对比", "goals", result),))

    pieces: list[Piece] = []
    missing: list[Missing] = []
    gather(work, "wang-02", "pipeline", pipeline, pieces, missing)
    gather(work, "ye-05", "goals", goals, pieces, missing)
    return pieces, missing
