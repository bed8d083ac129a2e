"""File names made from ids: unique and stable for every id.

``file_stem("张三")`` → ``"id-6a1f…"``; ``file_stem("2024 01")`` → ``"2024_01-…"``: a safe
ASCII slug for the eye plus the first 8 hex digits of the SHA-256 of the id itself, so two
ids never share a name (张三/李四, ``2024 01``/``2024_01``, look-alikes) and the same id
always gets the same name.
"""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]+")


def file_stem(identifier: str) -> str:
    """``<slug>-<hash8>`` for ``identifier`` (slug ``id`` when nothing ASCII is left)."""
    slug = _UNSAFE.sub("_", identifier).strip("._-")[:40] or "id"
    return f"{slug}-{hashlib.sha256(identifier.encode('utf-8')).hexdigest()[:8]}"
