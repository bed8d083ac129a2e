"""Submissions in a zip, each member on its own.

A trainer collects a class's files into one zip (or a chat tool zips them). Every
``.json`` member is read by itself: a member that is corrupt (bad CRC, broken deflate
data), too large, encrypted, or named with an absolute path or ``..`` is refused with its
reason, and every other member still goes to grading. Nothing is unpacked to disk;
members become bytes. A zip that cannot be opened at all is one refusal.

:func:`zip_members` is what ``kamlab grade`` (a ``.zip`` path or upload) and the desk's
upload use.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from .validate import MAX_BYTES

MAX_ZIP = 8 * 1024 * 1024  # one zip of submissions
MAX_MEMBERS = 2000  # files inside one zip


def unsafe_member(name: str) -> str | None:
    """Why a member name cannot be used (absolute path, ``..``, NUL), or ``None``."""
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


def zip_members(name: str, data: bytes) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """The ``.json`` members of the zip ``data`` (called ``name``) as ``(name/member, bytes)``,
    and the members refused as ``(name/member, Chinese reason)``. Folders, hidden files
    and ``__MACOSX`` entries are passed over; one bad member never stops the others."""
    if len(data) > MAX_ZIP:
        return [], [(name, f"zip 文件过大（{len(data):,} 字节，上限 {MAX_ZIP:,}）")]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        return [], [(name, f"不是有效的 zip 文件（{error}）")]
    if len(members) > MAX_MEMBERS:
        return [], [(name, f"zip 中文件过多（{len(members)} 个，上限 {MAX_MEMBERS}）")]
    files: list[tuple[str, bytes]] = []
    refused: list[tuple[str, str]] = []
    for info in members:
        inner = f"{name}/{info.filename}"
        if info.is_dir() or PurePosixPath(info.filename).name.startswith(".") or "__MACOSX" in info.filename:
            continue
        problem = unsafe_member(info.filename)
        if problem:
            refused.append((inner, problem))
            continue
        if not info.filename.lower().endswith(".json"):
            refused.append((inner, "不是 .json 提交文件（zip 中只读取 .json）"))
            continue
        if info.file_size > MAX_BYTES:
            refused.append((inner, f"文件过大（{info.file_size:,} 字节，上限 {MAX_BYTES:,}）"))
            continue
        try:
            with archive.open(info) as handle:
                body = handle.read(MAX_BYTES + 1)  # a zip can lie about sizes
        except Exception as error:  # noqa: BLE001 - zlib.error, bad CRC, encryption …: this member only
            refused.append((inner, f"zip 中的这个文件已损坏，无法读出（{type(error).__name__}：{str(error)[:80]}）；"
                                   "其余文件照常评分"))
            continue
        if len(body) > MAX_BYTES:
            refused.append((inner, f"文件过大（超过 {MAX_BYTES:,} 字节）"))
            continue
        files.append((inner, body))
    return files, refused
