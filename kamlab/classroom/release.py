"""Releasing feedback to the learners' 我的反馈 (the trainer's action, from the desk in the hub).

:func:`release` runs the feedback stage (:func:`kamlab.grading.feedback.write_feedback`,
the same pages ``kamlab feedback`` writes) into the class's ``released-feedback/`` folder
and records when; the hand-in service then shows each learner their own page only.
Releasing again replaces the pages with the current grades; :func:`withdraw` hides them.
:func:`release_panel` is the desk's widget for it (shown under the desk in the hub).
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from ..grading.feedback import write_feedback
from ..grading.names import file_stem
from .paths import ClassPaths

MARK = "released.json"


def release(db: Path, *, no_model_answers: bool = False) -> int:
    """Write every learner's page into the released folder; returns how many."""
    target = ClassPaths(Path(db)).released
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    pages = write_feedback(db=db, out=staging, no_model_answers=no_model_answers)
    (staging / MARK).write_text(json.dumps({"released_at": datetime.now(UTC).isoformat(timespec="seconds"),
                                            "pages": len(pages)}), encoding="utf-8")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return len(pages)


def withdraw(db: Path) -> None:
    """Hide released feedback again."""
    shutil.rmtree(ClassPaths(Path(db)).released, ignore_errors=True)


def released_page(db: Path, learner: str) -> str | None:
    """The released page of ``learner`` (HTML), or ``None`` when nothing is released for them."""
    folder = ClassPaths(Path(db)).released
    if not (folder / MARK).is_file():
        return None
    try:
        return (folder / f"{file_stem(learner)}.html").read_text(encoding="utf-8")
    except OSError:
        return None


def release_panel(db: Path):
    """The desk's 发布反馈 panel: release (optionally without model answers), or withdraw."""
    import ipywidgets as W

    hold = W.Checkbox(description="不显示参考答案", value=False)
    go = W.Button(description="发布反馈给学员", icon="paper-plane", button_style="primary")
    back = W.Button(description="撤回", icon="undo")
    status = W.HTML()

    def run(_button) -> None:
        try:
            count = release(db, no_model_answers=hold.value)
        except Exception as error:  # noqa: BLE001 - shown to the trainer, never a traceback
            status.value = f"<span style='color:#b00'>发布失败：{error}</span>"
            return
        status.value = f"已发布 {count} 份反馈：学员在自己的“我的反馈”中只能看到本人的一份。"

    def undo(_button) -> None:
        withdraw(db)
        status.value = "已撤回：学员的“我的反馈”暂时为空。"

    go.on_click(run)
    back.on_click(undo)
    return W.VBox([W.HTML("<h3>发布反馈（课堂服务器）</h3><p>把当前成绩和评语生成反馈页，发到每位学员的“我的反馈”。"
                          "之后改了分数，再点一次发布即可更新。</p>"), W.HBox([hold, go, back]), status],
                  layout=W.Layout(border="1px solid #ccc", padding="8px", margin="12px 0"))
