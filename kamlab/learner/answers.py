"""Learners' answers on disk: one JSON file per exercise or worksheet.

Location: ``$KAMLAB_ANSWERS_DIR`` if set, else ``./kamlab-answers/`` next to the
notebook. File ``<key>.json``::

    {"schema": "kamlab-answers", "version": 1, "key": "ye-03-pest",
     "saved_at": "2026-11-26T10:00:00+00:00", "answers": {...}}

Writes are atomic (temp file in the same folder, then ``os.replace``). A file
that is corrupt or not ours is moved aside as ``<key>.corrupt-<timestamp>.json``
and the learner gets a Chinese notice; work continues from an empty answer set.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = "kamlab-answers"
VERSION = 1


def answers_dir() -> Path:
    """The folder where answer files live."""
    return Path(os.environ.get("KAMLAB_ANSWERS_DIR", "kamlab-answers"))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_json_atomic(path: Path, data: object) -> None:
    """Write ``data`` as UTF-8 JSON to ``path`` via a temp file and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class AnswerStore:
    """Load and save one answer file.

    Attributes:
        key: the exercise or worksheet id (file stem).
        notice: a Chinese message for the learner when a bad file was set aside.
    """

    key: str
    folder: Path | None = None
    notice: str = ""
    answers: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        """The answer file's path."""
        return (self.folder or answers_dir()) / f"{self.key}.json"

    def load(self) -> dict[str, Any]:
        """Read saved answers; a corrupt or foreign file is moved aside."""
        path = self.path
        if not path.exists():
            self.answers = {}
            return self.answers
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and data.get("schema") == SCHEMA and data.get("key") == self.key
                    and data.get("version") == VERSION and isinstance(data.get("answers"), dict)):
                raise ValueError("not a kamlab answer file for this key")
        except (ValueError, UnicodeDecodeError):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            aside = path.with_name(f"{self.key}.corrupt-{stamp}.json")
            os.replace(path, aside)
            self.notice = (f"已保存的答案文件“{path.name}”已损坏或不属于本练习，已移至“{aside.name}”；"
                           "你可以从空白开始继续作答。")
            self.answers = {}
            return self.answers
        self.answers = data["answers"]
        return self.answers

    def save(self, answers: dict[str, Any]) -> Path:
        """Atomically save ``answers`` and return the path."""
        self.answers = dict(answers)
        write_json_atomic(self.path, {"schema": SCHEMA, "version": VERSION, "key": self.key,
                                      "saved_at": _now(), "answers": self.answers})
        return self.path
