"""Figures of issue 13: ``python -m kamlab.perf.plan``.

1. Assembling 我的大客户计划 for a company with 500 accounts and every chapter that
   feeds the plan filled, including writing the .docx (with its charts): budget 2 s.
2. Importing a 10,000-row account sheet into the selection calculator (read, check
   every cell, the model's own check, table replaced, result and chart redrawn):
   budget 1 s, for a CSV (GBK) and for an .xlsx.

Each figure is the median of three warm runs (imports and fonts loaded once first).
"""

from __future__ import annotations

import io
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

SCORES = ("未来销售收入和利润", "财务安全", "相互关系", "影响力")
COLUMNS = ("客户", "销售额", *SCORES, "相对实力", "易损性")


def accounts(n: int, seed: int = 13) -> list[dict[str, str]]:
    """``n`` generated accounts in the selection calculator's columns (plus 利润)."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        sales = round(rng.uniform(20, 2000), 1)
        rows.append({"客户": f"客户{i:05d}", "销售额": str(sales), **{s: str(rng.randint(1, 10)) for s in SCORES},
                     "相对实力": str(round(rng.uniform(0.3, 2.5), 2)), "易损性": str(rng.randint(1, 10)),
                     "利润": str(round(sales * rng.uniform(-0.02, 0.2), 1))})
    return rows


def full_work(n: int):
    """A SavedWork with ``n`` accounts and every plan input filled."""
    from dataclasses import replace

    from ..plan import example_work
    from ..profile import make_profile

    rows = accounts(n)
    work = example_work()
    calculators = {k: dict(v) for k, v in work.calculators.items()}
    calculators["wang-01"]["selection"] = {**calculators["wang-01"]["selection"],
                                           "accounts": [{c: r[c] for c in COLUMNS} for r in rows]}
    calculators["ding-01"]["pareto"] = {"value": "利润", "top": 20.0,
                                        "customers": [{"客户": r["客户"], "销售额": r["销售额"], "利润": r["利润"]}
                                                      for r in rows]}
    stages = ("信息收集", "过滤", "方案打磨", "品牌推荐", "挖掘需求", "关键人私约", "商务公关", "意向达成")
    calculators["wang-02"]["pipeline"] = {**calculators["wang-02"]["pipeline"], "opportunities": [
        {"机会": f"机会{i:04d}", "客户": rows[i % n]["客户"], "阶段": stages[i % 8], "金额": str(50 + i % 200)}
        for i in range(n)]}
    profile = make_profile("性能测试公司", "通用设备", "万元",
                           [{"客户": r["客户"], "销售额": r["销售额"], "利润": r["利润"]} for r in rows])
    worksheets = {**work.worksheets, "wang-02-account-plan": {"actions": "\n".join(
        f"{m} 月底前完成第 {m} 批客户拜访（负责人：经理{m}）" for m in range(1, 13))}}
    return replace(work, calculators=calculators, worksheets=worksheets, profile=profile, example=False)


def _median(run, repeat: int = 3) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``run`` (CPU time: what the figure is on an idle machine)."""
    run()  # warm
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def plan_seconds(n: int = 500) -> tuple[float, float]:
    """Median (wall, CPU) seconds to build the plan for ``n`` accounts and write its .docx."""
    from ..plan import build_plan
    from ..plan.export import to_docx

    work = full_work(n)
    with tempfile.TemporaryDirectory() as tmp:
        return _median(lambda: to_docx(build_plan(work), Path(tmp) / "plan.docx"))


def sheet_bytes(n: int, kind: str) -> bytes:
    """A generated account sheet of ``n`` rows as GBK CSV or .xlsx."""
    rows = accounts(n)
    if kind == "csv":
        lines = [",".join(COLUMNS)] + [",".join(r[c] for c in COLUMNS) for r in rows]
        return ("\n".join(lines) + "\n").encode("gbk")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(list(COLUMNS))
    for r in rows:
        sheet.append([r["客户"], *(float(r[c]) for c in COLUMNS[1:])])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def import_seconds(n: int = 10_000, kind: str = "csv") -> tuple[float, float]:
    """Median (wall, CPU) seconds to import an ``n``-row sheet into the selection calculator (wang-01 open)."""
    import kamlab

    from ..widgets import chapter, selection_widget
    from ..widgets.chapter_work import forget_stores

    raw = sheet_bytes(n, kind)
    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("KAMLAB_ANSWERS_DIR")
        os.environ["KAMLAB_ANSWERS_DIR"] = tmp
        forget_stores()
        chapter("wang-01")
        try:
            calc = selection_widget(kamlab.load_sample("wang01_accounts"))

            def run() -> None:
                assert calc.attachment.import_file("accounts", raw, f"客户.{kind}"), calc.attachment.message.value

            return _median(run)
        finally:
            chapter(None)
            forget_stores()
            if old is None:
                os.environ.pop("KAMLAB_ANSWERS_DIR", None)
            else:
                os.environ["KAMLAB_ANSWERS_DIR"] = old


def main() -> None:
    """Print the figures (wall clock, and this process's CPU time: the two differ on a busy machine)."""
    wall, cpu = plan_seconds(500)
    print(f"plan for 500 accounts, every chapter filled, incl. .docx: {wall:.2f} s wall, {cpu:.2f} s CPU (budget 2 s)")
    for kind in ("csv", "xlsx"):
        wall, cpu = import_seconds(10_000, kind)
        print(f"import 10,000-row account sheet ({kind}) into the selection calculator: "
              f"{wall:.2f} s wall, {cpu:.2f} s CPU (budget 1 s)")


if __name__ == "__main__":
    main()
