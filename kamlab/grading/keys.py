"""Where exercises live, and their keys (the trainer's side, never shipped to learners).

Folder: ``$KAMLAB_EXERCISES_DIR`` if set, else the repository's ``exercises/``
(next to the ``kamlab`` package in a checkout), else ``./exercises``. Each
exercise has ``src/<id>.md`` (authoring notebook) and ``src/<id>.key.json``.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..learner.exercise import ExerciseSheet, parse_sheet


def exercises_dir() -> Path:
    """The exercises folder."""
    if os.environ.get("KAMLAB_EXERCISES_DIR"):
        return Path(os.environ["KAMLAB_EXERCISES_DIR"])
    checkout = Path(__file__).resolve().parents[2] / "exercises"
    return checkout if checkout.is_dir() else Path("exercises")


def exercise_ids(folder: Path | None = None) -> list[str]:
    """Ids of every exercise with a key."""
    src = (folder or exercises_dir()) / "src"
    return sorted(p.name.removesuffix(".key.json") for p in src.glob("*.key.json"))


@cache
def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_key(exercise_id: str, folder: Path | None = None) -> tuple[ExerciseSheet, dict[str, dict[str, Any]]]:
    """The exercise's sheet and, per question id, its full definition with ``key``."""
    path = (folder or exercises_dir()) / "src" / f"{exercise_id}.key.json"
    if not path.is_file():
        raise InputError("练习编号", f"没有找到练习“{exercise_id}”的答案要点（{path}）", exercise_id)
    data = _read(path.resolve())
    return parse_sheet(data), {q["id"]: q for q in data["questions"]}
