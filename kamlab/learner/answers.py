"""Learners' answers on disk: one JSON file per exercise or worksheet.

Location: ``$KAMLAB_ANSWERS_DIR`` if set, else ``./kamlab-answers/`` next to the
notebook. File ``<key>.json``::

    {"schema": "kamlab-answers", "version": 1, "key": "ye-03-pest",
     "saved_at": "2026-11-26T10:00:00+00:00", "answers": {...}}

Writes are atomic (temp file in the same folder, then ``os.replace``) and
partial: :meth:`AnswerStore.update` re-reads the file under a lock and changes
only the answers that changed, so two forms on the same exercise never blank
each other. A file that is corrupt or not ours is moved aside as
``<key>.corrupt-<timestamp>.json`` (never overwriting an earlier one) and the
learner gets a Chinese notice; a folder or file that cannot be read or written
gives a notice too, and the answers stay in memory (exportable) while nothing on
disk is overwritten.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..text_clean import clean_value

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

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
        # Indented (readable) while small; a large file (a 10,000-row table) is written compact:
        # json's indenting encoder is pure Python, ~10x slower than the compact C encoder.
        text = json.dumps(data, ensure_ascii=False)
        if len(text) < 100_000:
            text = json.dumps(data, ensure_ascii=False, indent=1)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the answer file's folder while it is re-read and
    written (other writers wait; no lock file is left behind). Where ``fcntl`` is
    missing (Windows) the atomic replace alone protects the file."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _why(error: OSError) -> str:
    """A short Chinese reason for a file-system error."""
    if isinstance(error, PermissionError):
        return "没有读写权限"
    if isinstance(error, IsADirectoryError):
        return "该位置是一个文件夹"
    if isinstance(error, NotADirectoryError | FileExistsError):
        return "上级路径是一个文件，不是文件夹"
    return error.strerror or type(error).__name__


class _NotANumber(ValueError):
    """A saved number no calculation can use (``NaN``, ``Infinity``, ``1e400``, ``10**400``)."""


def _refuse_number(name: str) -> float:
    raise _NotANumber(name)


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NotANumber(text)
    return value


def _finite_int(text: str) -> int:
    value = int(text)
    if abs(value) > 1 << 53:  # past what a float holds exactly; 10**400 cannot become a float at all
        raise _NotANumber(text[:20])
    return value


def _valid(data: object, key: str) -> bool:
    return (isinstance(data, dict) and data.get("schema") == SCHEMA and data.get("key") == key
            and data.get("version") == VERSION and isinstance(data.get("answers"), dict))


@dataclass
class AnswerStore:
    """Load and save one answer file.

    Saving never fails loudly: a folder that cannot be written, a folder where
    the file should be, or a file that cannot be read sets :attr:`notice` (one
    Chinese sentence), keeps the answers in memory (:attr:`answers`) and
    overwrites nothing; :meth:`update` then returns ``None``.

    Attributes:
        key: the exercise or worksheet id (file stem).
        notice: a Chinese message for the learner (a file set aside, a save that failed).
        answers: the answers as last loaded or saved (the in-memory copy).
        writable: False once the file could not be read: it is then never overwritten.
    """

    key: str
    folder: Path | None = None
    notice: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    writable: bool = True

    @property
    def path(self) -> Path:
        """The answer file's path."""
        return (self.folder or answers_dir()) / f"{self.key}.json"

    def load(self) -> dict[str, Any]:
        """Read saved answers; a corrupt or foreign file is moved aside."""
        self.answers = self._read() or {}
        return self.answers

    def set_aside(self, reason: str) -> None:
        """Move the current file aside (``<key>.corrupt-<time>[-n].json``, never
        overwriting an earlier one) and tell the learner why."""
        path = self.path
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{self.key}.corrupt-{stamp}.json")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{self.key}.corrupt-{stamp}-{n}.json")
        try:
            os.replace(path, aside)
        except OSError as error:
            self.writable = False
            self.notice = (f"答案文件“{path.name}”{reason}，且无法移开（{_why(error)}）；"
                           "本页输入只保留在内存中，不会覆盖该文件，请用“导出”保存。")
            return
        self.notice = f"已保存的答案文件“{path.name}”{reason}，已移至“{aside.name}”；你可以从空白开始继续作答。"

    def _read(self) -> dict[str, Any] | None:
        """The file's answers; None (with a notice) when it is missing, unreadable or set aside."""
        path = self.path
        try:
            if path.is_dir():
                raise IsADirectoryError(str(path))
            if not path.exists():
                return None
            raw = path.read_bytes()
        except OSError as error:
            self.writable = False
            self.notice = (f"无法读取答案文件“{path}”（{_why(error)}）；本页输入只保留在内存中，"
                           "不会覆盖该文件，请用“导出”保存。")
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.set_aside("不是 UTF-8 编码（可能被记事本等编辑器另存过）")
            return None
        try:
            data = json.loads(text, parse_constant=_refuse_number, parse_float=_finite, parse_int=_finite_int)
        except _NotANumber:
            self.set_aside("含有无法使用的数值（NaN、Infinity 或超出范围的数，可能被手工编辑过）")
            return None
        except ValueError:
            data = None
        if not _valid(data, self.key):
            self.set_aside("已损坏或不属于本练习")
            return None
        return clean_value(data["answers"])  # a "\ud800" escape or a control character typed by hand

    def update(self, changes: dict[str, Any]) -> Path | None:
        """Save only what changed, merged into the file as it is now.

        Under a lock, the file is re-read and each top-level key of ``changes``
        replaces the saved one, except that a dict merges into a saved dict
        (``{"questions": {"q1": …}}`` leaves other questions alone). Two answer
        objects for the same file therefore never blank each other's answers.
        Returns the path, or ``None`` with :attr:`notice` set when nothing could
        be written (the answers stay in memory).
        """
        changes = clean_value(changes)  # a lone surrogate cannot be written as UTF-8 at all
        merged = self._merge(self.answers, changes)
        if not self.writable:
            self.answers = merged
            return None
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(path):
                current = self._read()
                if not self.writable:
                    self.answers = merged
                    return None
                self.answers = self._merge(current or {}, changes)
                write_json_atomic(path, {"schema": SCHEMA, "version": VERSION, "key": self.key,
                                         "saved_at": _now(), "answers": self.answers})
        except OSError as error:
            self.answers = merged
            self.notice = (f"答案无法保存到“{path}”（{_why(error)}）；你的输入仍保留在本页，"
                           "可用“导出”另存，或设置 KAMLAB_ANSWERS_DIR 指向一个可写的文件夹。")
            return None
        return path

    def save(self, answers: dict[str, Any]) -> Path | None:
        """Save ``answers`` as the whole answer set (see :meth:`update` for the rules)."""
        return self.update({k: v for k, v in answers.items()} | {k: _DELETE for k in self.answers
                                                                   if k not in answers})

    @staticmethod
    def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        out = dict(base)
        for key, value in changes.items():
            if value is _DELETE:
                out.pop(key, None)
            elif isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = {**out[key], **value}
            else:
                out[key] = value
        return out


_DELETE = object()
