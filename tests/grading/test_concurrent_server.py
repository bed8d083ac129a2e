"""Four processes grade and score into one PostgreSQL gradebook at once: nothing is lost,
nothing is doubled, every row is checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gbsql import sql
from gradingkit import EX, RIGHT, make_db, put

from kamlab.grading import submit

WORKER = """
import sys
from pathlib import Path
from kamlab.grading import grade, set_manual
url, k, inbox, shared = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
for round_ in range(2):  # grade, score, grade again (the same files: idempotent), score again
    results = grade([inbox, shared], db=url)
    assert all(r.accepted for r in results), [r.reason for r in results if not r.accepted]
    for i in range(5):
        lid = f"P{k}{i}"
        set_manual(db=url, learner=lid, exercise="wang-01-quantify", question="strategy", score=(k + i + round_) % 3)
        set_manual(db=url, learner=lid, exercise="wang-01-quantify", question="", comment=f"进程 {k} 第 {round_} 轮")
print("ok")
"""


def test_four_processes_grading_and_scoring_at_once_lose_nothing(postgres, tmp_path):
    learners = {f"P{k}{i}": f"学员{k}{i}" for k in range(4) for i in range(5)}
    url = make_db(tmp_path, learners, db=postgres.fresh())
    tokens = {lid: f"secret-of-{lid}" for lid in learners}
    shared = tmp_path / "shared"
    shared.mkdir()
    for i in range(5):  # graded by all four processes: still one row each
        put(shared, submit.pack(EX, f"P0{i}", {**RIGHT, "ours": "1"}, "a1", "2026-11-26T08:00:00+00:00",
                                token=tokens[f"P0{i}"]), f"shared-{i}.json")
    for k in range(4):
        inbox = tmp_path / f"inbox{k}"
        inbox.mkdir()
        for i in range(5):
            lid = f"P{k}{i}"
            for v, at in enumerate(("2026-11-26T09:00:00+00:00", "2026-11-26T10:00:00+00:00")):
                answers = {**RIGHT, "rival": str(v)}  # v0 rival 0 (wrong), v1 rival 1 (wrong too), ours right
                put(inbox, submit.pack(EX, lid, answers, "a1", at, token=tokens[lid]), f"{lid}-{v}.json")
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, str(k), str(tmp_path / f"inbox{k}"), str(shared)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for k in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err[-2000:] for _, err in outs]
    assert postgres.password not in "".join(out + err for out, err in outs)

    # 20 learners × 2 versions + 5 shared files, each once; 8 questions each.
    assert sql(url, "SELECT COUNT(*) FROM submissions") == [(45,)]
    per = sql(url, "SELECT s.learner_id, s.submitted_at, COUNT(c.question_id), SUM(c.score) FROM submissions s "
                   "JOIN scores c ON c.submission_id = s.id GROUP BY s.id, s.learner_id, s.submitted_at")
    assert len(per) == 45 and all(n == 8 for _, _, n, _ in per)
    # Right everywhere but rival (1 point): 11 of 12 in both versions; the shared ones got ours (1 point) wrong.
    assert {(lid, at): total for lid, at, _, total in per} == {
        **{(lid, at): 11.0 for lid in learners for at in ("2026-11-26T09:00:00+00:00", "2026-11-26T10:00:00+00:00")},
        **{(f"P0{i}", "2026-11-26T08:00:00+00:00"): 11.0 for i in range(5)}}
    manual = sql(url, "SELECT learner_id, question_id, score, comment FROM manual ORDER BY learner_id, question_id")
    expected = []
    for lid in sorted(learners):
        k, i = int(lid[1]), int(lid[2])
        expected += [(lid, "", None, f"进程 {k} 第 1 轮"), (lid, "strategy", float((k + i + 1) % 3), "")]
    assert manual == expected
    assert sql(url, "SELECT COUNT(*) FROM exercises") == [(1,)]
