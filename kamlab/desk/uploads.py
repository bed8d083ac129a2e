"""Files a trainer drops into the desk's 收取 section, made safe before anything reads them.

An upload is a browser file (a ``.json`` submission, or a ``.zip`` of them). Its
declared size is checked before its bytes are touched; a zip member's size is
checked before it is opened and it is read at most ``limit + 1`` bytes (a zip can
lie about sizes); each member stands alone (:func:`kamlab.grading.archive.zip_members`),
so one corrupt member is refused and the others are graded. Names are reduced to a safe base name: absolute paths, ``..``
and drive letters are refused, never followed. Nothing is unpacked to disk by
the zip library and nothing is executed: files become bytes, and the bytes go
to grading (:func:`kamlab.grading.grade`), which parses them as JSON only and
keeps an accepted file's text in the gradebook; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..grading.archive import unsafe_member, zip_members

MAX_FILE = 256 * 1024          # one submission (the grader's own limit)
MAX_ZIP = 8 * 1024 * 1024      # one uploaded zip (the page's connection carries ≤ 10 MB at once)
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Incoming:
    """One submission file taken from an upload: its original name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Refused:
    """A file refused before grading, with the Chinese reason."""

    name: str
    reason: str


def unsafe_name(name: str) -> str | None:
    """The reason a name cannot be used, or None. Absolute paths and ``..`` are refused."""
    return unsafe_member(name)


def safe_name(name: str, data: bytes) -> str:
    """A file name that is safe everywhere: the base name's letters (Chinese kept), a short
    hash of name and content (two uploads never collide), ``.json``."""
    base = PurePosixPath(str(name).replace("\\", "/")).name
    stem = _UNSAFE.sub("_", base.removesuffix(".json")).strip("._")[:60] or "submission"
    digest = hashlib.sha256(name.encode("utf-8", "replace") + b"\0" + data).hexdigest()[:8]
    return f"{stem}-{digest}.json"


def unpack(uploads: Iterable[Mapping[str, Any]]) -> tuple[list[Incoming], list[Refused]]:
    """Browser uploads (``{"name", "size", "content"}`` as ipywidgets' FileUpload gives
    them) → submission files to grade, and files refused with their reason."""
    files: list[Incoming] = []
    refused: list[Refused] = []
    for item in uploads:
        name = str(item.get("name", ""))
        problem = unsafe_name(name)
        if problem:
            refused.append(Refused(name, problem))
            continue
        lower = name.lower()
        limit = MAX_ZIP if lower.endswith(".zip") else MAX_FILE
        declared = int(item.get("size") or 0)
        if declared > limit:
            refused.append(Refused(name, f"文件过大（{declared} 字节，上限 {limit}）"))
            continue
        if not (lower.endswith(".zip") or lower.endswith(".json")):
            refused.append(Refused(name, "只接受 .json 提交文件或装有它们的 .zip"))
            continue
        content = item.get("content", b"")
        if len(content) > limit:  # the declared size was wrong
            refused.append(Refused(name, f"文件过大（{len(content)} 字节，上限 {limit}）"))
            continue
        data = bytes(content)
        if lower.endswith(".zip"):  # each member stands alone: a corrupt one never stops the others
            more, bad = zip_members(name, data)
            files += [Incoming(n, d) for n, d in more]
            refused += [Refused(n, reason) for n, reason in bad]
        else:
            files.append(Incoming(name, data))
    return files, refused
