"""Files a trainer drops into the desk's 收取 section, made safe before anything reads them.

An upload is a browser file (a ``.json`` submission, or a ``.zip`` of them). Its
declared size is checked before its bytes are touched; a zip member's size is
checked before it is opened and it is read at most ``limit + 1`` bytes (a zip can
lie about sizes). Names are reduced to a safe base name: absolute paths, ``..``
and drive letters are refused, never followed. Nothing is unpacked to disk by
the zip library and nothing is executed: files become bytes, and the bytes go
to grading (:func:`kamlab.grading.grade`), which parses them as JSON only and
keeps an accepted file's text in the gradebook; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

MAX_FILE = 256 * 1024          # one submission (the grader's own limit)
MAX_ZIP = 8 * 1024 * 1024      # one uploaded zip (the page's connection carries ≤ 10 MB at once)
MAX_MEMBERS = 2000             # files inside one zip
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
    text = str(name).replace("\\", "/")
    if not text.strip():
        return "文件名为空"
    if text.startswith("/") or re.match(r"^[A-Za-z]:", text):
        return "文件名是绝对路径，已拒收"
    if any(part == ".." for part in PurePosixPath(text).parts):
        return "文件名含有“..”，已拒收"
    if "\0" in text:
        return "文件名含有非法字符"
    return None


def safe_name(name: str, data: bytes) -> str:
    """A file name that is safe everywhere: the base name's letters (Chinese kept), a short
    hash of name and content (two uploads never collide), ``.json``."""
    base = PurePosixPath(str(name).replace("\\", "/")).name
    stem = _UNSAFE.sub("_", base.removesuffix(".json")).strip("._")[:60] or "submission"
    digest = hashlib.sha256(name.encode("utf-8", "replace") + b"\0" + data).hexdigest()[:8]
    return f"{stem}-{digest}.json"


def _from_zip(name: str, data: bytes) -> tuple[list[Incoming], list[Refused]]:
    files: list[Incoming] = []
    refused: list[Refused] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        return [], [Refused(name, f"不是有效的 zip 文件：{error}")]
    if len(members) > MAX_MEMBERS:
        return [], [Refused(name, f"zip 中文件过多（{len(members)} 个，上限 {MAX_MEMBERS}）")]
    for info in members:
        inner = f"{name}/{info.filename}"
        if info.is_dir() or PurePosixPath(info.filename).name.startswith(".") or "__MACOSX" in info.filename:
            continue
        problem = unsafe_name(info.filename)
        if problem:
            refused.append(Refused(inner, problem))
            continue
        if not info.filename.lower().endswith(".json"):
            refused.append(Refused(inner, "不是 .json 提交文件（zip 中只读取 .json）"))
            continue
        if info.file_size > MAX_FILE:
            refused.append(Refused(inner, f"文件过大（{info.file_size} 字节，上限 {MAX_FILE}）"))
            continue
        try:
            with archive.open(info) as handle:
                body = handle.read(MAX_FILE + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as error:
            refused.append(Refused(inner, f"无法从 zip 中读出：{error}"))
            continue
        if len(body) > MAX_FILE:
            refused.append(Refused(inner, f"文件过大（超过 {MAX_FILE} 字节）"))
            continue
        files.append(Incoming(inner, body))
    return files, refused


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
        if lower.endswith(".zip"):
            more, bad = _from_zip(name, data)
            files += more
            refused += bad
        else:
            files.append(Incoming(name, data))
    return files, refused
