"""Downloads from the desk: a folder as one zip, offered as a link in the page.

The link carries the zip itself (a ``data:`` URL with the ``download`` attribute),
so the download needs no extra route on the server and no file outside the
gradebook's folder; the zips a class produces (learner packs, feedback pages,
the report) are small (kilobytes per learner).
"""

from __future__ import annotations

import base64
import html
import io
import zipfile
from pathlib import Path

LINK_STYLE = ("display:inline-block;padding:4px 12px;border:1px solid #1f77b4;border-radius:4px;"
              "color:#1f77b4;text-decoration:none;margin:4px 0")


def zip_folder(folder: Path, prefix: str = "") -> bytes:
    """Every regular file under ``folder`` (sorted, paths relative to it, under ``prefix/``)."""
    folder = Path(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(folder).as_posix()
            archive.write(path, f"{prefix}/{rel}" if prefix else rel)
    return buffer.getvalue()


def download_link(data: bytes, filename: str, label: str, mime: str = "application/zip") -> str:
    """An ``<a download>`` link holding ``data`` (HTML for a widget)."""
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    kb = max(1, round(len(data) / 1024))
    return (f"<a class='kamlab-download' href='{href}' download='{html.escape(filename, quote=True)}' "
            f"style='{LINK_STYLE}'>⬇ {html.escape(label)}（{html.escape(filename)}，{kb} KB）</a>")
