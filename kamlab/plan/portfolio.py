"""Section 1, 公司与大客户组合: the selection matrix (both views), Pareto and pyramid."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from .chapters import CALCULATORS
from .result import Missing, Piece, SavedWork
from .saved import rows_frame, saved_input, saved_rows


def selection_pieces(work: SavedWork, unit: str) -> tuple[list[Piece], list[Missing], Any]:
    import kamlab

    state = work.state("wang-01", "selection")
    tool = CALCULATORS["wang-01"]["selection"]
    if state is None:
        return [], [Missing("wang-01", tool)], None
    criteria = {r.get("标准", ""): r.get("权重", "") for r in saved_rows(saved_input(state, "criteria", 0))}
    accounts = rows_frame(saved_rows(saved_input(state, "accounts", 1)))
    try:
        scored = kamlab.score_attractiveness(kamlab.Criteria.from_mapping(criteria, "吸引力权重"), accounts).table
        y_cut = float(saved_input(state, "y_cut", 3, 5.0))
        x_cut = float(saved_input(state, "x_cut", 4, 1.0))
        chosen = kamlab.selection_matrix(scored, kamlab.SELECTION_SCHEME.with_cuts(x_cut, y_cut))
        views = [("选择矩阵（吸引力 × 相对实力）", "portfolio", chosen)]
        if "易损性" in scored.columns and (scored["易损性"].astype(str).str.strip() != "").all():
            second = kamlab.vulnerability_matrix(scored, kamlab.VULNERABILITY_SCHEME.with_cuts(
                float(saved_input(state, "v_cut", 5, kamlab.VULNERABILITY_SCHEME.x_cut)), y_cut))
            views.append(("第二视角（吸引力 × 易损性）", "portfolio", second))
    except (InputError, TypeError, ValueError) as error:
        return [], [Missing("wang-01", tool, f"已保存的输入无法计算：{error}")], None
    counts = chosen.counts().reset_index().rename(columns={"象限": "象限", "销售额": f"销售额（{unit}）"})
    lines = [f"共 {len(chosen.table)} 家客户；" + "；".join(
        f"{row['象限']} {int(row['客户数'])} 家" for _, row in counts.iterrows()) + "。"]
    table = chosen.table[["客户", "销售额", "吸引力", "相对实力", "象限", "策略"]].copy()
    if len(views) > 1:
        table["第二视角象限"] = views[1][2].table["象限"].to_numpy()
    tables = [("各象限客户数与销售额", counts), ("客户在选择矩阵上的位置", table)]
    piece = Piece("wang-01", tool, "大客户组合：选择矩阵与第二视角", tuple(lines), tuple(tables), tuple(views))
    return [piece], [], chosen


def pareto_pyramid_pieces(work: SavedWork, rows: list[dict[str, str]], unit: str) -> tuple[list[Piece], list[Missing]]:
    import kamlab

    pieces: list[Piece] = []
    missing: list[Missing] = []
    saved_p, saved_y = work.state("ding-01", "pareto"), work.state("ding-01", "pyramid")
    customers_rows = saved_rows(saved_input(saved_p, "customers", 9)) or rows
    if not customers_rows:
        return [], [Missing("wang-01", "导入我的客户名单"), Missing("ding-01", CALCULATORS["ding-01"]["pareto"])]
    customers = rows_frame(customers_rows)
    value = str(saved_input(saved_p, "value", 0, "利润"))
    if value not in customers.columns:
        value = "利润" if "利润" in customers.columns else "销售额"
    try:
        result = kamlab.pareto_analysis(customers, value=value)
        top = float(saved_input(saved_p, "top", 1, 20) or 20)
        summary = result.summary((10, top, 50) if top not in (10, 50) else (10, 20, 50))
        share = result.share_of_top(top)
        pieces.append(Piece("ding-01", CALCULATORS["ding-01"]["pareto"], f"80/20 分析（按{value}）",
                            (f"前 {top:g}% 的客户贡献了 {share:.1f}% 的{value}（{result.n} 家客户，合计 "
                             f"{result.total:,.1f} {unit}）。",), (("80/20 摘要", summary),),
                            (("帕累托曲线", "pareto", result),)))
    except InputError as error:
        missing.append(Missing("ding-01", CALCULATORS["ding-01"]["pareto"], f"无法计算：{error}"))
    by = str(saved_input(saved_y, "by", 0, value))
    if by not in customers.columns:
        by = value
    bands = [saved_input(saved_y, f"b{i}", i + 1) for i in range(4)]
    if any(b is None for b in bands):
        from ..pyramid import DEFAULT_BANDS

        bands = list(DEFAULT_BANDS)
    try:
        measures = [c for c in ("销售额", "毛利", "利润") if c in customers.columns]
        pyramid = kamlab.customer_pyramid(customers, by=by, bands=bands, measures=measures or None)
        summary = pyramid.summary()
        pieces.append(Piece("ding-01", CALCULATORS["ding-01"]["pyramid"], f"客户金字塔（按{by}分层）",
                            ("；".join(f"{row['层级']} {int(row['客户数'])} 家" + (
                                f"，占{by} {row[f'{by}占比%']:.1f}%" if f"{by}占比%" in summary else "")
                                for _, row in summary.iterrows()) + "。",),
                            (("各层客户", summary), ("各客户所在层级", pyramid.table[["客户", by, "层级"]]
                                                   .astype({"层级": str}).reset_index(drop=True)))))
    except InputError as error:
        missing.append(Missing("ding-01", CALCULATORS["ding-01"]["pyramid"], f"无法计算：{error}"))
    return pieces, missing
