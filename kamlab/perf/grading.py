"""Benchmark: grade 1,000 generated submissions; prints the time (target ≤ 5 s).

``python -m kamlab.perf.grading [N]``. Submissions are for
``wang-01-proposition`` (the heaviest rubric: it validates a four-quadrant
proposition per learner) and ``wang-01-quantify``, alternating, written to a
temporary folder, then graded into a fresh gradebook exactly as ``kamlab grade``
does (bounded read, validation, signature check, scoring, one transaction for the run).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from ..grading import gradebook, submit
from ..grading.grade import grade_into

TOKEN = "bench-token"


def generate(n: int, folder: Path, seed: int = 1) -> dict[str, str]:
    """Write ``n`` submissions into ``folder``; return the roster."""
    rng = random.Random(seed)
    roster = {f"L{i:04d}": f"学员{i}" for i in range(n)}
    for i, learner in enumerate(roster):
        if i % 2:
            answers = {"attractiveness": f"{rng.uniform(6.5, 8):.2f}", "ours": "6.8", "rival": "7.2",
                       "relative": f"{rng.uniform(0.9, 1):.2f}", "quadrant": rng.choice(["明星客户", "战略客户"]),
                       "strategy": "选择性投入，补齐交付可靠性的短板" * rng.randint(1, 3)}
            exercise = "wang-01-quantify"
        else:
            q1 = [{"指标": "保修故障率", "现状": "2.0", "目标": "0.8", "单位": "%", "年价值": str(rng.choice([900000, 90000]))},
                  {"指标": "客户自有库存", "现状": "300", "目标": "180", "单位": "万元", "年价值": "120000"}]
            answers = {"failure_value": "900000", "stock_value": str(rng.choice([120000, 12000])),
                       "proposition": {"account": "北方重卡", "q1": q1, "q2": "驻厂工程师\n季度技术交流",
                                       "q3": rng.choice(["三年框架协议", ""]),
                                       "q4": [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]}}
            exercise = "wang-01-proposition"
        submit.write(submit.pack(exercise, learner, answers, "bench", token=TOKEN), folder)
    return roster


def run(n: int = 1000) -> float:
    """Generate and grade ``n`` submissions; return the grading time in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "inbox"
        roster = generate(n, folder)
        con = gradebook.connect(Path(tmp) / "gb.sqlite", create=True)
        gradebook.set_roster(con, roster)
        gradebook.ensure_tokens(con, roster, lambda: TOKEN)
        paths = sorted(folder.glob("*.json"))
        start = time.perf_counter()
        results = grade_into(con, paths)
        elapsed = time.perf_counter() - start
        con.close()
    rejected = [r for r in results if not r.accepted]
    assert len(results) == n and not rejected, rejected[:3]
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Print the figure."""
    argv = sys.argv[1:] if argv is None else argv
    n = int(argv[0]) if argv else 1000
    elapsed = run(n)
    print(f"grade: {n} submissions in {elapsed:.2f} s ({1000 * elapsed / n:.2f} ms each; target ≤ 5 s for 1,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
