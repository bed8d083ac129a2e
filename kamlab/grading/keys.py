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
    return _CHECKOUT if _CHECKOUT.is_dir() else Path("exercises")


_CHECKOUT = Path(__file__).resolve().parents[2] / "exercises"


def exercise_ids(folder: Path | None = None) -> list[str]:
    """Ids of every exercise with a key."""
    src = (folder or exercises_dir()) / "src"
    return sorted(p.name.removesuffix(".key.json") for p in src.glob("*.key.json"))


@cache
def _parsed(path: str, _mtime_ns: int) -> tuple[ExerciseSheet, dict[str, dict[str, Any]]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return parse_sheet(data), {q["id"]: q for q in data["questions"]}


def load_key(exercise_id: str, folder: Path | None = None) -> tuple[ExerciseSheet, dict[str, dict[str, Any]]]:
    """The exercise's sheet and, per question id, its full definition with ``key``."""
    path = (folder or exercises_dir()) / "src" / f"{exercise_id}.key.json"
    try:
        if "/" in exercise_id or "\\" in exercise_id:
            raise FileNotFoundError(path)
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise InputError("练习编号", f"没有找到练习“{exercise_id}”的答案要点（{path}）", exercise_id) from None
    return _parsed(str(path), mtime)


def exercise_titles(folder: Path | None = None) -> dict[str, str]:
    """Assignable exercise id → Chinese title."""
    return {x: load_key(x, folder)[0].title for x in exercise_ids(folder)}


def check_exercise(exercise_id: str, folder: Path | None = None) -> str:
    """``exercise_id`` if it has a key; else an :class:`InputError` suggesting the nearest ids."""
    ids = exercise_ids(folder)
    if exercise_id in ids:
        return exercise_id
    import difflib

    near = difflib.get_close_matches(exercise_id, ids, n=3, cutoff=0.3)
    hint = f"；是否想用：{'、'.join(near)}" if near else ""
    raise InputError("练习编号", f"没有编号为“{exercise_id}”的练习{hint}（kamlab exercises 列出全部练习）", exercise_id)


def main(args) -> int:
    """``kamlab exercises``: every assignable exercise id with its Chinese title."""
    titles = exercise_titles()
    width = max(map(len, titles), default=0)
    for exercise, title in titles.items():
        print(f"{exercise:<{width}}  {title}")
    return 0
