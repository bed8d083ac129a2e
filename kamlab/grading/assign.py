"""Stage 1: learner versions of an exercise, one folder per learner.

The learner notebook ``exercises/<id>.ipynb`` is generated from the authoring
source ``exercises/src/<id>.md`` by :func:`strip_key` (cells tagged ``key`` or
``solution`` removed, the way nbgrader strips solutions); the key stays in
``exercises/src/<id>.key.json``. ``kamlab assign`` copies the learner notebook
into ``OUT/<learner id>/`` (or one shared ``OUT/shared/``) beside an
``assignment.json`` naming the assignment, the exercise and the learner, which
the notebook's submit button reads.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from datetime import UTC, datetime
from pathlib import Path

from ..learner.answers import write_json_atomic
from .grade import read_roster
from .keys import exercises_dir, load_key

KEY_TAGS = frozenset({"key", "solution"})


def strip_key(notebook):
    """A copy of an nbformat notebook without cells tagged ``key``/``solution``."""
    import copy

    out = copy.deepcopy(notebook)
    out.cells = [c for c in out.cells if not KEY_TAGS & set(c.get("metadata", {}).get("tags", []))]
    return out


def learner_notebook(exercise_id: str, folder: Path | None = None) -> Path:
    """The learner version's path (checked in, with outputs, under ``exercises/``)."""
    path = (folder or exercises_dir()) / f"{exercise_id}.ipynb"
    if not path.is_file():
        raise SystemExit(f"没有找到学员版笔记本 {path}：请先运行 scripts/build_exercises.py / learner notebook missing")
    return path


def assign(exercise_id: str, roster: dict[str, str], out: Path, assignment_id: str = "",
           shared: bool = False) -> list[Path]:
    """Write the learner folders; return the notebooks written."""
    load_key(exercise_id)  # an unknown exercise fails here, before anything is written
    source = learner_notebook(exercise_id)
    assignment_id = assignment_id or f"{exercise_id}-{datetime.now(UTC):%Y%m%d}"
    targets = {"shared": ""} if shared else {lid: lid for lid in roster}
    written = []
    for folder_name, learner in targets.items():
        folder = out / folder_name
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / source.name)
        write_json_atomic(folder / "assignment.json",
                          {"assignment": assignment_id, "exercise": exercise_id, "learner": learner})
        written.append(folder / source.name)
    write_json_atomic(out / "assignment.json", {"assignment": assignment_id, "exercise": exercise_id,
                                                "learners": sorted(roster)})
    with open(out / "roster.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["learner_id", "name"])
        writer.writerows(sorted(roster.items()))
    return written


def main(args: argparse.Namespace) -> int:
    """``kamlab assign EXERCISE --roster roster.csv --out DIR``."""
    roster = read_roster(args.roster)
    written = assign(args.exercise, roster, Path(args.out), args.id or "", args.shared)
    print(f"已为 {len(roster)} 名学员生成 {len(written)} 份练习 → {args.out} / assigned")
    return 0
