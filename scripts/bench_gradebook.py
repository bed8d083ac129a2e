"""Gradebook figures on SQLite and PostgreSQL (issue 19), printed:

1. N submissions (default 10,000) graded into a fresh gradebook, as ``kamlab grade`` does
   (read, check the signature, score, one transaction), on each back end;
2. the desk's grading-by-question view (every learner's latest answer to one question,
   with automatic and manual scores) for a class of 200;
3. the academy overview (``kamlab class list``) over 20 classes × 30 learners × 10
   exercises (6,000 graded submissions), and for comparison one class report (HTML with
   charts + Excel) over all 600 learners.

``python scripts/bench_gradebook.py [--pg URL] [--n 10000]``: without ``--pg`` a
throw-away PostgreSQL is started (tests/pgserver.py) and stopped at the end; with it, the
URL must name an empty database or schema (its password is never printed).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kamlab.desk import sample, steps  # noqa: E402
from kamlab.grading import gradebook, submit  # noqa: E402
from kamlab.grading.academy import overview  # noqa: E402
from kamlab.grading.dburl import shown  # noqa: E402
from kamlab.grading.grade import grade_into  # noqa: E402
from kamlab.grading.keys import exercise_ids  # noqa: E402
from kamlab.grading.report import write_report  # noqa: E402
from kamlab.perf.grading import TOKEN, generate  # noqa: E402

X, Q = "wang-01-quantify", "strategy"


def _graded(db: str, roster: dict[str, str], paths: list[Path], classes: int = 0,
            exercises: list[str] | None = None) -> float:
    if classes:  # the roster split into classes, each given every exercise
        ids = list(roster)
        size = len(ids) // classes
        for k in range(classes):
            with gradebook.in_class(f"班级{k + 1:02d}", f"培训师{k % 5 + 1}"):
                con = gradebook.connect(db, create=True)
                gradebook.set_roster(con, {lid: roster[lid] for lid in ids[k * size:(k + 1) * size]})
                for ex in exercises or []:
                    gradebook.record_assignment(con, ex, "bench", ids[k * size:(k + 1) * size])
                con.close()
    con = gradebook.connect(db, create=True)
    try:
        gradebook.set_roster(con, roster)
        gradebook.ensure_tokens(con, roster, lambda: TOKEN)
        start = time.perf_counter()
        results = grade_into(con, paths)
        elapsed = time.perf_counter() - start
    finally:
        con.close()
    bad = [r for r in results if not r.accepted]
    assert not bad, bad[:3]
    return elapsed


def _class(folder: Path, learners: int, exercises: list[str], seed: int = 7) -> tuple[dict[str, str], list[Path]]:
    rng = random.Random(seed)
    roster = {f"C{i:04d}": f"学员{i}" for i in range(learners)}
    folder.mkdir(parents=True)
    paths = []
    for lid in roster:
        for ex in exercises:
            data = submit.pack(ex, lid, sample.answers(ex, rng), "bench", "2026-11-26T10:00:00+00:00", token=TOKEN)
            paths.append(submit.write(data, folder))
    return roster, paths


def run(pg: str, n: int, tmp: Path) -> list[str]:
    lines = []
    inbox = tmp / "inbox"
    roster = generate(n, inbox)
    paths = sorted(inbox.glob("*.json"))
    for name, db in (("SQLite", str(tmp / "big.sqlite")), ("PostgreSQL", _fresh(pg, "big"))):
        t = _graded(db, roster, paths)
        lines.append(f"grade {n:,} submissions into {name}: {t:.1f} s ({1000 * t / n:.2f} ms each; goal ≤ 10 s on PostgreSQL)")

    roster, paths = _class(tmp / "class200", 200, [X])
    for name, db in (("SQLite", str(tmp / "c200.sqlite")), ("PostgreSQL", _fresh(pg, "c200"))):
        _graded(db, roster, paths)
        for lid in list(roster)[::3]:
            steps.save_score(db, lid, X, Q, 1.0)
        start = time.perf_counter()
        answers = steps.question_answers(db, X, Q)
        t = time.perf_counter() - start
        assert len(answers) == 200
        lines.append(f"desk grading-by-question view, class of 200, {name}: {t:.2f} s (goal ≤ 1 s)")

    exercises = exercise_ids()[:10]
    roster, paths = _class(tmp / "academy", 20 * 30, exercises)
    for name, db in (("SQLite", str(tmp / "academy.sqlite")), ("PostgreSQL", _fresh(pg, "academy"))):
        _graded(db, roster, paths, classes=20, exercises=exercises)
        start = time.perf_counter()
        summary, detail = overview(db=db)
        t = time.perf_counter() - start
        assert len(summary) == 20 and len(detail) == 200 and (summary["完成率"] == 1).all()
        lines.append(f"academy overview, 20 classes × 30 learners × {len(exercises)} exercises "
                     f"({len(paths):,} submissions), {name}: {t:.2f} s (goal ≤ 5 s)")
        start = time.perf_counter()
        con = gradebook.connect(db, readonly=True)
        rows = len(gradebook.latest_scores(con))
        con.close()
        read = time.perf_counter() - start
        start = time.perf_counter()
        write_report(db=db, out=tmp / f"report-{name}")
        t = time.perf_counter() - start
        lines.append(f"20×30 learners × {len(exercises)} exercises ({len(paths):,} submissions), {name}: "
                     f"gradebook read {read:.2f} s ({rows:,} score rows); whole class report (HTML, charts, Excel) "
                     f"{t:.1f} s (no goal; the Excel writing takes most of it)")
    return lines


_SERVER = None


def _fresh(pg: str | None, name: str) -> str:
    """A fresh schema on the throw-away server, or the given URL (used as it is)."""
    if _SERVER is not None:
        return _SERVER.fresh()
    return pg


def main(argv: list[str] | None = None) -> int:
    global _SERVER
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="an empty PostgreSQL database (postgresql+psycopg://…); default: throw-away")
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args(argv)
    server = None
    if not args.pg:
        from pgserver import Server

        server = Server()
        _SERVER = server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            where = shown(args.pg) if args.pg else "throw-away server"
            print(f"PostgreSQL: {where}", flush=True)
            for line in run(args.pg, args.n, Path(tmp)):
                print(line, flush=True)
    finally:
        if server is not None:
            server.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
