"""The grading keyboard of the desk's 批改 section: 得分, 评语 and the shortcut box.

ipywidgets send a text box's value as widget state, and state updates made while the kernel
is busy are merged into one (the last value wins), so scores typed ahead ~30 ms apart were
lost or, when the kernel emptied the box while the next score was being typed, run together
("6.5" and "6" → 6.56). Here the browser side (``keyboard.js``, an anywidget) sends every
command as its own numbered message and empties the shortcut box itself; the kernel handles
the messages one by one, in the order they were typed. Comments are sent on every keystroke,
and a score or command typed without Enter is sent when the page goes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets as T

HERE = Path(__file__).resolve().parent


class GradingKeys(anywidget.AnyWidget):
    """Score, comment and shortcut boxes; ``on_message(kind, text, final)`` gets each one."""

    _esm = HERE / "keyboard.js"
    _css = """
    .kamlab-keys{display:flex;flex-direction:column;gap:6px;width:100%}
    .kamlab-score-row{display:flex;align-items:center;gap:8px}
    .kamlab-score{width:90px;padding:3px 6px}
    .kamlab-comment{width:100%;box-sizing:border-box;font-family:inherit;padding:4px}
    .kamlab-shortcut{width:100%;box-sizing:border-box;padding:4px}
    """
    help = T.Unicode("").tag(sync=True)
    comment_help = T.Unicode("评语（输入即保存；Esc 或 Tab 回到快捷键框）").tag(sync=True)
    #: What the page shows: score text, max, kind (人工/自动初评), comment, ack (last message handled).
    shown = T.Dict({}).tag(sync=True)
    focus = T.Dict({}).tag(sync=True)

    def __init__(self, on_message: Callable[[str, str, bool], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_message = on_message
        self.ack = 0
        self._focus_count = 0
        self.on_msg(self._received)

    def _received(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        self.receive(content)

    def receive(self, content: dict[str, Any]) -> None:
        """Handle one message from the page (tests call this as the page would)."""
        kind, text = str(content.get("kind", "")), str(content.get("text", ""))
        self.ack = max(self.ack, int(content.get("seq") or 0))
        self.on_message(kind, text, bool(content.get("final")))

    def show(self, score: str, max_score: str, kind: str, comment: str) -> None:
        """Put an answer's score and comment in the boxes."""
        self.shown = {"score": score, "max": max_score, "kind": kind, "comment": comment, "ack": self.ack,
                      "rev": self.shown.get("rev", 0) + 1}

    def focus_on(self, target: str) -> None:
        """Move the page's focus to ``keys``, ``comment`` or ``score``."""
        self._focus_count += 1
        self.focus = {"target": target, "n": self._focus_count}
