"""班级: open or start a gradebook, import the roster, see the class."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as W

from ...errors import InputError
from ...grading.dburl import is_url
from ..upload_button import UploadButton
from .base import Section, ok, steps, table_html

MAX_ROSTER = 5 * 1024 * 1024


class RosterSection(Section):
    title = "班级"
    _loading = False

    def build(self) -> W.Widget:
        self.db_path = W.Text(value=self.book.shown, description="成绩册", layout=W.Layout(width="640px"))
        self.open_button = W.Button(description="打开 / 新建")
        self.upload = UploadButton(self.guard(self._uploaded), accept=".csv,.xlsx", description="导入名单",
                                   limit=MAX_ROSTER)
        self.table = W.HTML()
        self.learner = W.Text(description="学号", placeholder="如 L003", layout=W.Layout(width="240px"))
        self.remove_button = W.Button(description="移除学员")
        self.restore_button = W.Button(description="恢复学员")
        self.open_button.on_click(self.guard(lambda _: self.open()))
        self.remove_button.on_click(self.guard(lambda _: self.remove()))
        self.restore_button.on_click(self.guard(lambda _: self.restore()))
        note = W.HTML("<p>名单：CSV（UTF-8、带 BOM 的 UTF-8 或 Excel 中文版存的 GBK）或 .xlsx，表头为"
                      "<code>学号,姓名</code>。重复的学号会被指出（两行都列出），名单不会被部分导入。</p>")
        leave = W.HTML("<p style='margin:8px 0 0 0'>学员离开班级：移除后其提交与成绩保留，但不再出现在名单、"
                       "提交率、批改和反馈中；恢复后一切照旧。</p>")
        self.klass = W.Dropdown(options=[("全部学员", "")], value="", description="班级",
                                layout=W.Layout(width="320px"))
        self.klass.observe(self.guard(lambda _: None if self._loading else self.pick_class()), "value")
        return W.VBox([W.HBox([self.db_path, self.open_button]), self.klass, note, self.upload, leave,
                       W.HBox([self.learner, self.remove_button, self.restore_button]), self.status, self.table])

    def remove(self) -> None:
        lid = self._learner()
        name = steps().remove_learner(self.book.require(), lid)
        self.status.value = ok(f"已移除 {lid} {name}：提交与成绩保留，不再出现在名单、提交率、批改和反馈中（可随时恢复）")
        self.learner.value = ""
        self.book.changed("roster")

    def restore(self) -> None:
        lid = self._learner()
        name = steps().restore_learner(self.book.require(), lid)
        self.status.value = ok(f"已恢复 {lid} {name}：其提交与成绩重新计入")
        self.learner.value = ""
        self.book.changed("roster")

    def _learner(self) -> str:
        lid = self.learner.value.strip()
        if not lid:
            raise InputError("学号", "请先填写要移除或恢复的学员学号")
        return lid

    def pick_class(self) -> None:
        """Work in the picked class (every step then sees only its learners and exercises)."""
        from ...grading.gradebook import InClass

        base = str(self.book.path)  # the plain text, without a class picked before
        plain = base if is_url(base) else Path(base)
        self.book.path = InClass(base, self.klass.value, self.book.trainer) if self.klass.value else plain
        self.status.value = ok(f"班级：{self.klass.value or '全部学员'}")
        self.book.changed("opened")

    def _load_classes(self) -> None:
        names = steps().classes(str(self.book.path), self.book.trainer)
        picked = getattr(self.book.path, "klass", None)
        # A trainer picks among their classes only; without one, 全部学员 is the whole gradebook.
        options = ([] if self.book.trainer else [("全部学员", "")]) + [(n, n) for n in names]
        if list(self.klass.options) != options or self.klass.value != (picked or ""):
            keep = picked if picked in names else (names[0] if self.book.trainer and names else "")
            self._loading = True  # options being replaced: not the trainer picking
            try:
                self.klass.options = options or [("（没有可用的班级）", "")]
                self.klass.value = keep
            finally:
                self._loading = False
            if keep != (picked or ""):
                self.pick_class()

    def open(self) -> None:
        typed = self.db_path.value.strip()
        if not typed:
            raise InputError("成绩册", "路径不能为空")
        same = is_url(self.book.path) and typed == self.book.shown
        if same or is_url(typed):  # a database URL (shown without its password)
            self.book.path = self.book.path if same else typed
            self.status.value = ok(f"已打开 {self.book.shown}")
            self.book.changed("opened")
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            path = path / "gradebook.sqlite"
        self.book.path = path.resolve()
        self.status.value = ok(f"已打开 {self.book.shown}" if self.book.exists() else "新成绩册：导入名单后建立")
        self.book.changed("opened")

    def _uploaded(self, files: list[dict]) -> None:
        item = files[0]
        if int(item.get("size") or 0) > MAX_ROSTER:
            raise InputError("名单", f"文件“{item['name']}”过大（上限 5 MB）")
        roster = steps().import_roster(self.book.path, str(item["name"]), bytes(item["content"]))
        skipped = "；".join(reason for _, reason in getattr(roster, "skipped", []))
        self.status.value = ok(f"已导入名单“{item['name']}”：{len(roster)} 名学员" + (f"（{skipped}）" if skipped else ""))
        self.book.changed("roster")

    def refresh(self) -> None:
        """Redraw the class list from the gradebook."""
        if not self.book.exists():
            self.table.value = "<p><i>还没有名单。</i></p>"
            return
        self._load_classes()
        frame = steps().class_list(self.book.path)
        gone = int((frame["状态"] == "已移除").sum()) if "状态" in frame else 0
        count = f"<p>在班 {len(frame) - gone} 名学员" + (f"，已移除 {gone} 名（列在最后）" if gone else "") + "</p>"
        self.table.value = count + table_html(frame, "还没有名单。")
