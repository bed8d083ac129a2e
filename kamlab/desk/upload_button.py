"""The desk's upload button: the button shows its name only (ipywidgets' FileUpload shows a
count, "导入名单 (0)", since the desk empties it after each upload).

The page (``upload_button.js``) sends the chosen files in one message; the kernel hands them on as
the same ``{"name", "size", "type", "content"}`` dicts FileUpload gives, so
:func:`kamlab.desk.uploads.unpack` checks them the same way. A file over ``limit`` arrives
without its bytes (its declared size is refused before anything is read).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

HERE = Path(__file__).resolve().parent


class UploadButton(anywidget.AnyWidget):
    """A button that opens the browser's file chooser; ``on_files(items)`` gets the files."""

    _esm = HERE / "upload_button.js"
    description = T.Unicode("").tag(sync=True)
    accept = T.Unicode("").tag(sync=True)
    multiple = T.Bool(False).tag(sync=True)
    limit = T.Int(8 * 1024 * 1024).tag(sync=True)

    def __init__(self, on_files: Callable[[list[dict[str, Any]]], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_files = on_files
        self.on_msg(self._received)

    def _received(self, _widget: Any, content: dict[str, Any], buffers: Sequence[Any]) -> None:
        if content.get("kind") != "files":
            return
        data = iter(buffers or [])
        items = []
        for meta in content.get("files", []):
            body = memoryview(next(data)) if meta.get("sent") else b""
            items.append({"name": str(meta.get("name", "")), "size": int(meta.get("size") or 0),
                          "type": str(meta.get("type", "")), "content": body})
        self.deliver(items)

    def deliver(self, items: list[dict[str, Any]]) -> None:
        """Hand chosen files to the section (tests call this as the page would)."""
        if items:
            self.on_files(items)
