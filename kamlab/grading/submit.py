"""Stage 2, learner side: pack saved answers into one submission file.

A submission is JSON and nothing else::

    {"schema": "kamlab-submission", "version": 1, "exercise": "wang-01-quantify",
     "assignment": "wang-01-quantify-20261126", "learner": "L001",
     "submitted_at": "2026-11-26T10:00:00+00:00", "answers": {"q1": "7.4", …},
     "checksum": "sha256:…"}

The checksum is SHA-256 over the canonical JSON of every other field (keys
sorted, no spaces, UTF-8), so a file damaged or edited after packing is caught
by the grader.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..learner.answers import AnswerStore, write_json_atomic

SCHEMA = "kamlab-submission"
VERSION = 1
_SAFE = re.compile(r"[^0-9A-Za-z_.-]+")


def canonical(data: dict[str, Any]) -> bytes:
    """Canonical JSON bytes of ``data`` without its checksum."""
    body = {k: v for k, v in data.items() if k != "checksum"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def checksum(data: dict[str, Any]) -> str:
    """``sha256:<hex>`` of :func:`canonical`."""
    return "sha256:" + hashlib.sha256(canonical(data)).hexdigest()


def pack(exercise: str, learner: str, answers: dict[str, Any], assignment: str = "",
         submitted_at: str | None = None) -> dict[str, Any]:
    """Build a submission (with its checksum) from question answers."""
    data = {"schema": SCHEMA, "version": VERSION, "exercise": exercise, "assignment": assignment or exercise,
            "learner": learner, "submitted_at": submitted_at or datetime.now(UTC).isoformat(timespec="seconds"),
            "answers": answers}
    data["checksum"] = checksum(data)
    return data


def file_name(data: dict[str, Any]) -> str:
    """A safe file name: ``<exercise>-<learner>-<timestamp>.json``."""
    stamp = _SAFE.sub("", str(data["submitted_at"]).replace(":", ""))
    return "-".join(_SAFE.sub("_", str(p)) for p in (data["exercise"], data["learner"], stamp)) + ".json"


def write(data: dict[str, Any], folder: str | Path) -> Path:
    """Write a submission atomically into ``folder`` and return its path."""
    path = Path(folder) / file_name(data)
    write_json_atomic(path, data)
    return path


def main(args: argparse.Namespace) -> int:
    """``kamlab submit EXERCISE --learner ID``: pack the saved answer file."""
    store = AnswerStore(args.exercise, Path(args.answers_dir) if args.answers_dir else None)
    saved = store.load()
    if store.notice:
        print(store.notice)
    questions = saved.get("questions", {}) if isinstance(saved.get("questions"), dict) else {}
    if not questions:
        print(f"没有找到练习“{args.exercise}”的已保存答案（{store.path}）。 / No saved answers found.")
        return 1
    data = pack(args.exercise, args.learner, questions, args.assignment or "")
    path = write(data, args.out)
    print(f"已生成提交文件 / Submission written: {path}")
    return 0
