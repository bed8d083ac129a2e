"""Text that can go into a Word or Excel file: control characters and lone surrogates removed.

A company name pasted from a web page, an action line typed with an IME, or a saved
value edited by hand can hold characters no XML file may contain: C0 control
characters other than tab, line feed and carriage return (``\\x01``, ``\\x0b`` …),
the noncharacters U+FFFE/U+FFFF, and lone UTF-16 surrogates (``\\ud800``, which a
broken paste or a JSON ``"\\ud800"`` escape leaves behind). python-docx and openpyxl
refuse them and the export fails; JSON with a lone surrogate cannot even be saved as
UTF-8. :func:`clean_text` drops them (a carriage return becomes a line feed), so
what a learner typed is kept, minus characters that have no visible form.

Used where text enters (the profile, an imported table) and where it leaves (the
Excel writer, the Word plan), so a value saved before this existed is cleaned too.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters no XML 1.0 document may hold, and lone surrogates.
_UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without characters a Word/Excel file cannot hold; ``\\r\\n``/``\\r`` → ``\\n``."""
    if text.isprintable():  # the usual case: nothing to do (isprintable is False for every removed char)
        return text
    return _UNUSABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_unusable(text: str) -> bool:
    """Whether :func:`clean_text` would remove something from ``text``."""
    return bool(_UNUSABLE.search(text))


def clean_value(value: Any) -> Any:
    """``value`` with every string in it cleaned (dicts, lists and tuples walked; keys too)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_value(v) for v in value)
    return value
