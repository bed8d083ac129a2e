"""The trainer's desk: six sections of ipywidgets over one gradebook.

班级 → 布置 → 收取 → 批改 → 反馈 → 报告. Every action calls :mod:`kamlab.desk.steps`
(the trainer's loop, as the command line runs it). A mistake shows as one
Chinese line in the section where it happened (never a traceback); what the
trainer typed stays where it was.
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as W

from ..errors import InputError
from .answer_view import ANSWER_CSS, key_html
from .grading_queue import GradingQueue
from .uploads import unpack
from .zips import download_link, zip_folder

ENV_DB = "KAMLAB_DESK_DB"
TITLES = ("班级", "布置", "收取", "批改", "反馈", "报告")
OK_STYLE = "color:#1b5e20;background:#e8f5e9;padding:6px 10px;border-radius:4px"
ERR_STYLE = "color:#b00020;background:#fdecea;padding:6px 10px;border-radius:4px"
TABLE_CSS = ("<style>.kamlab-desk-table{border-collapse:collapse;margin:4px 0}"
             ".kamlab-desk-table td,.kamlab-desk-table th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
             "vertical-align:top}.kamlab-desk-table th{background:#f3f3f3}</style>")
KEY_HELP = ("快捷键（在此输入后按回车）：分数 = 给分并下一份 · f 满分并下一份 · z 零分并下一份 · "
            "n 下一份 · p 上一份 · c 写评语 · r 显示/隐藏姓名")


def _steps():
    """The loop's functions, imported on first use: pandas and the grading stages load while
    the browser is still drawing the page (see :meth:`Desk.load`)."""
    from . import steps

    return steps


def _kernel_loop():
    """The kernel's running event loop, or None outside a kernel (then nothing is deferred)."""
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def ok(text: str) -> str:
    return f"<div class='kamlab-ok' style='{OK_STYLE}'>✓ {html.escape(text)}</div>"


def err(text: str) -> str:
    return f"<div class='kamlab-error' style='{ERR_STYLE}'>⚠ {html.escape(text)}</div>"


def table_html(frame, empty: str = "（无）") -> str:
    """A DataFrame as an escaped HTML table."""
    if frame is None or frame.empty:
        return f"<p><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"{TABLE_CSS}<table class='kamlab-desk-table'><tr>{head}</tr>{body}</table>"


def guarded(status: W.HTML) -> Callable:
    """Decorator: run a handler, show kamlab's own errors as one Chinese line in ``status``;
    anything else is shown too (a callback error must never vanish in the kernel log)."""
    def wrap(fn):
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except InputError as error:
                status.value = err(str(error))
            except Exception as error:  # noqa: BLE001 - show, never lose, an unexpected failure
                status.value = err(f"出错了：{type(error).__name__}：{error}")
            return None
        return run
    return wrap


class Desk:
    """The whole desk for the gradebook at ``db`` (a path; it may not exist yet)."""

    def __init__(self, db: str | Path | None = None, *, defer: bool = False) -> None:
        self.db = Path(db or os.environ.get(ENV_DB) or "gradebook.sqlite").resolve()
        self.header = W.HTML()
        self.sections = [self._class_section(), self._assign_section(), self._collect_section(),
                         self._grade_section(), self._feedback_section(), self._report_section()]
        self.tabs = W.Tab(children=self.sections, titles=[f"{i}. {t}" for i, t in enumerate(TITLES, 1)])
        self.tabs.observe(self._tab_changed, "selected_index")
        self.widget = W.VBox([self.header, self.tabs], layout=W.Layout(max_width="1200px"))
        self._show_header()
        loop = _kernel_loop() if defer else None
        if loop is not None:
            # Fill the sections once the cell has finished: the page is sent to the browser
            # first, and the gradebook is read while the browser loads its scripts.
            self.class_table.value = "<p><i>正在读取成绩册…</i></p>"
            loop.call_later(0.01, guarded(self.class_status)(self.load))
        else:
            self.load()

    def load(self) -> None:
        """Read the exercises and the gradebook into the sections."""
        self.pick.options = [(x.label, x.id) for x in _steps().exercises()]
        self.pick.rows = min(12, len(self.pick.options))
        self.refresh_class()

    def _ipython_display_(self) -> None:  # pragma: no cover - display hook
        from IPython.display import display

        display(self.widget)

    # --- 班级 ------------------------------------------------------------------------

    def _show_header(self) -> None:
        state = "" if self.db.is_file() else "（尚未建立：导入名单即可建立）"
        self.header.value = (f"<h2 style='margin:4px 0'>KAM Lab 培训师工作台</h2>"
                             f"<p style='margin:0 0 6px 0'>成绩册：<code>{html.escape(str(self.db))}</code>{state}</p>")

    def _class_section(self) -> W.Widget:
        self.db_path = W.Text(value=str(self.db), description="成绩册", layout=W.Layout(width="640px"))
        self.open_button = W.Button(description="打开 / 新建")
        self.roster_upload = W.FileUpload(accept=".csv,.xlsx", multiple=False, description="导入名单")
        self.class_status = W.HTML()
        self.class_table = W.HTML()
        self.open_button.on_click(guarded(self.class_status)(lambda _: self._open()))
        self.roster_upload.observe(guarded(self.class_status)(self._roster_uploaded), "value")
        note = W.HTML("<p>名单：CSV（UTF-8、带 BOM 的 UTF-8 或 Excel 中文版存的 GBK）或 .xlsx，表头为"
                      "<code>学号,姓名</code>。重复的学号会被指出（两行都列出），名单不会被部分导入。</p>")
        return W.VBox([W.HBox([self.db_path, self.open_button]), note, self.roster_upload,
                       self.class_status, self.class_table])

    def _open(self) -> None:
        path = Path(self.db_path.value.strip()).expanduser()
        if not self.db_path.value.strip():
            raise InputError("成绩册", "路径不能为空")
        if path.is_dir():
            path = path / "gradebook.sqlite"
        self.db = path.resolve()
        self._show_header()
        self.class_status.value = ok(f"已打开 {self.db}" if self.db.is_file()
                                     else "新成绩册：导入名单后建立")
        self.refresh_class()

    def _roster_uploaded(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        if int(item.get("size") or 0) > 5 * 1024 * 1024:
            raise InputError("名单", f"文件“{item['name']}”过大（上限 5 MB）")
        roster = _steps().import_roster(self.db, str(item["name"]), bytes(item["content"]))
        self.class_status.value = ok(f"已导入名单“{item['name']}”：{len(roster)} 名学员")
        self.roster_upload.value = ()
        self._show_header()
        self.refresh_class()

    def refresh_class(self) -> None:
        if not self.db.is_file():
            self.class_table.value = "<p><i>还没有名单。</i></p>"
            return
        frame = _steps().class_list(self.db)
        self.class_table.value = f"<p>共 {len(frame)} 名学员</p>" + table_html(frame, "还没有名单。")

    # --- 布置 ------------------------------------------------------------------------

    def _assign_section(self) -> W.Widget:
        self.pick = W.SelectMultiple(options=[], rows=12, description="练习", layout=W.Layout(width="640px"))
        self.shared = W.RadioButtons(options=[("每位学员一个文件夹（含个人提交令牌）", False),
                                              ("一份共享版本", True)], value=False)
        self.assign_button = W.Button(description="生成学员包", button_style="primary")
        self.assign_status = W.HTML()
        self.assign_link = W.HTML()
        self.assign_button.on_click(guarded(self.assign_status)(lambda _: self._assign()))
        return W.VBox([W.HTML("<p>选择练习（按住 Ctrl 可多选），生成每位学员的练习包并下载为一个 zip。</p>"),
                       self.pick, self.shared, self.assign_button, self.assign_status, self.assign_link])

    def _assign(self) -> None:
        chosen = list(self.pick.value)
        if not chosen:
            raise InputError("练习", "请至少选择一个练习")
        self.assign_link.value = ""
        out = _steps().assign(self.db, chosen, shared=self.shared.value)
        data = zip_folder(out, "class")
        self.assign_status.value = ok(f"已生成 {len(chosen)} 个练习的学员包 → {out}")
        self.assign_link.value = download_link(data, "学员练习包.zip", "下载学员练习包")

    # --- 收取 ------------------------------------------------------------------------

    def _collect_section(self) -> W.Widget:
        self.submissions_upload = W.FileUpload(accept=".json,.zip", multiple=True, description="上传提交文件")
        self.progress = W.IntProgress(min=0, max=1, value=0, description="评分", layout=W.Layout(visibility="hidden"))
        self.collect_status = W.HTML()
        self.rejected = W.HTML()
        self.submissions_upload.observe(guarded(self.collect_status)(self._submissions_uploaded), "value")
        return W.VBox([W.HTML("<p>一次可选多个 .json 提交文件，或一个装有它们的 .zip。只读取 JSON，"
                              "绝不执行其中任何内容；被拒收的文件逐一列出原因，不写入成绩册。</p>"),
                       self.submissions_upload, self.progress, self.collect_status, self.rejected])

    def _submissions_uploaded(self, change: dict) -> None:
        uploads = change["new"]
        if not uploads:
            return
        if not self.db.is_file():
            raise InputError("成绩册", "还没有成绩册：请先在“班级”中导入名单")
        files, refused = unpack(uploads)
        self.progress.max, self.progress.value = max(1, len(files)), 0
        self.progress.layout.visibility = "visible"

        def step(done: int, total: int) -> None:
            self.progress.value = done

        started = time.perf_counter()
        results = _steps().grade_uploads(self.db, [(f.name, f.data) for f in files], on_progress=step)
        seconds = time.perf_counter() - started
        accepted = [r for r in results if r.accepted]
        bad = [(f.name, f.reason) for f in refused] + [(r.name, r.reason) for r in results if not r.accepted]
        text = f"已评分 {len(accepted)} 份，拒收 {len(bad)} 份（用时 {seconds:.1f} 秒）"
        self.collect_status.value = ok(text) if not bad else err(text)
        import pandas as pd

        self.rejected.value = ("<p><b>拒收的文件</b>（均未写入成绩册）：</p>"
                               + table_html(pd.DataFrame(bad, columns=["文件", "原因"]))) if bad else ""
        self.submissions_upload.value = ()
        self.refresh_class()
        self._load_exercises()

    # --- 批改 ------------------------------------------------------------------------

    def _grade_section(self) -> W.Widget:
        self.queue: GradingQueue | None = None
        self._questions: dict[str, dict[str, Any]] = {}
        self._loading = False
        self.g_exercise = W.Dropdown(description="练习", layout=W.Layout(width="480px"))
        self.g_question = W.Dropdown(description="题目", layout=W.Layout(width="480px"))
        self.g_start = W.Button(description="开始批改", button_style="primary")
        self.g_status = W.HTML()
        self.g_who = W.HTML()
        self.g_reveal = W.ToggleButton(description="显示姓名", value=False)
        self.g_answer = W.HTML(layout=W.Layout(width="55%", border="1px solid #ddd", padding="6px"))
        self.g_key = W.HTML(layout=W.Layout(width="45%", border="1px solid #ddd", padding="6px"))
        self.g_score = W.BoundedFloatText(min=0, max=1, step=0.5, description="得分",
                                          layout=W.Layout(width="180px"), continuous_update=False)
        self.g_max = W.HTML()
        self.g_full = W.Button(description="满分")
        self.g_zero = W.Button(description="零分")
        self.g_undo = W.Button(description="撤销人工评分")
        self.g_comment = W.Textarea(placeholder="评语（输入即保存）", layout=W.Layout(width="100%", height="4.5em"),
                                    continuous_update=True)
        self.g_prev = W.Button(description="上一份")
        self.g_next = W.Button(description="下一份")
        # Commands end with Enter (continuous_update=False): the value then arrives as one message,
        # so a score typed quickly is never read half-typed.
        self.g_keys = W.Text(placeholder=KEY_HELP, layout=W.Layout(width="100%"), continuous_update=False)
        self.g_saved = W.HTML()
        guard = guarded(self.g_status)
        self.g_exercise.observe(guard(lambda c: self._load_questions()), "value")
        self.g_start.on_click(guard(lambda _: self.open_question()))
        self.g_reveal.observe(guard(self._reveal), "value")
        self.g_score.observe(guard(self._score_typed), "value")
        self.g_full.on_click(guard(lambda _: self._score_button("full")))
        self.g_zero.on_click(guard(lambda _: self._score_button("zero")))
        self.g_undo.on_click(guard(lambda _: self.undo()))
        self.g_comment.observe(guard(self._comment_typed), "value")
        self.g_prev.on_click(guard(lambda _: self.move(-1)))
        self.g_next.on_click(guard(lambda _: self.move(+1)))
        self.g_keys.observe(guard(self._key_typed), "value")
        self.g_card = W.VBox([
            W.HBox([self.g_who, self.g_reveal], layout=W.Layout(justify_content="space-between")),
            W.HBox([self.g_answer, self.g_key]),
            W.HBox([self.g_score, self.g_max, self.g_full, self.g_zero, self.g_undo]),
            self.g_comment,
            W.HBox([self.g_prev, self.g_next, self.g_saved]),
            self.g_keys,
        ], layout=W.Layout(display="none"))
        return W.VBox([W.HTML("<p>按题批改：选一道题，逐份查看全班的回答。需要人工评阅的题（文字题、工作表、"
                              "价值主张）标有“✎”；姓名默认隐藏；答案改动过的（待复核）排在最前。</p>"),
                       W.HBox([self.g_exercise, self.g_question, self.g_start]), self.g_status, self.g_card])

    def _load_exercises(self) -> None:
        if not self.db.is_file():
            return
        titles = {x.id: x.label for x in _steps().exercises()}
        ids = _steps().class_exercises(self.db)
        current = self.g_exercise.value
        self.g_exercise.options = [(titles.get(x, x), x) for x in ids]
        if ids:
            self.g_exercise.value = current if current in ids else ids[0]
        self._load_questions()

    def _load_questions(self) -> None:
        xid = self.g_exercise.value
        if not xid:
            self.g_question.options = []
            return
        sheet, questions = _steps().load_key(xid)
        self._questions = questions
        options = []
        for q in sheet.questions:
            kind = questions[q.id]["type"]
            mark = "✎ " if kind in _steps().NEEDS_PERSON else ""
            options.append((f"{mark}{q.label}（{questions[q.id].get('points', 1):g} 分）", q.id))
        self.g_question.options = options
        first = next((qid for _, qid in options if questions[qid]["type"] in _steps().NEEDS_PERSON), None)
        if options:
            self.g_question.value = first or options[0][1]

    def open_question(self, exercise: str | None = None, question: str | None = None) -> GradingQueue:
        """Load every answer to one question and show the first."""
        if exercise:
            if exercise not in {value for _, value in self.g_exercise.options}:
                self._load_exercises()
            self.g_exercise.value = exercise
        if question:
            self.g_question.value = question
        xid, qid = self.g_exercise.value, self.g_question.value
        if not xid or not qid:
            raise InputError("题目", "请先选择练习和题目（收取提交之后才有可批改的回答）")
        self.queue = GradingQueue(xid, qid, _steps().question_answers(self.db, xid, qid))
        self.queue.reveal = self.g_reveal.value
        self.g_status.value = self.g_saved.value = ""
        self.g_card.layout.display = "flex"
        self.show()
        self.g_keys.focus()
        return self.queue

    def show(self) -> None:
        """Draw the current answer (score box, comment, position, key)."""
        q = self.queue
        if q is None:
            return
        a = q.current
        question = self._questions.get(q.question_id, {})
        self._loading = True
        try:
            if a is None:
                self.g_who.value = "<p>这道题还没有人提交。</p>"
                self.g_answer.value = self.g_key.value = ""
                return
            badge = (" <span class='kamlab-review' style='background:#fff3cd;padding:1px 6px;border-radius:3px'>"
                     "待复核：答案在人工评分后改过</span>") if a.review else ""
            kind = "人工" if a.manual_score is not None else "自动初评"
            self.g_who.value = (f"<h3 class='kamlab-who' style='margin:2px 0'>{html.escape(q.label(a))}{badge}</h3>"
                                f"<p class='kamlab-position' style='margin:0'>{html.escape(q.position())}</p>")
            from ..grading.htmlpage import answer_html, stored_value

            self.g_answer.value = (f"{ANSWER_CSS}<p style='margin:0 0 4px 0;color:#555'>学员的回答</p>"
                                   f"<div class='kamlab-answer'>{answer_html(question, stored_value(question, a.answer))}</div>")
            self.g_key.value = (key_html(question) + f"<p style='margin:8px 0 0 0'>自动初评：<b>{a.auto_score:g}</b>"
                                f" / {a.max_score:g}<br><small>{html.escape(a.detail)}</small></p>")
            self.g_score.max = a.max_score
            self.g_score.value = a.score
            self.g_max.value = f"<span style='line-height:32px'>/ {a.max_score:g}（{kind}）</span>"
            self.g_comment.value = a.comment
        finally:
            self._loading = False

    # saving ------------------------------------------------------------------------

    def save_score(self, score: float) -> None:
        """Save the current answer's manual score (checked by the loop's own validation)."""
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        _steps().save_score(self.db, a.learner_id, q.exercise_id, q.question_id, score)
        q.update(a.learner_id, manual_score=score, review=False)
        self._saved(f"已保存：{q.label(a)} {score:g} 分")

    def save_comment(self, comment: str) -> None:
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        _steps().save_comment(self.db, a.learner_id, q.exercise_id, q.question_id, comment)
        q.update(a.learner_id, comment=comment)
        self._saved("评语已保存")

    def undo(self) -> None:
        q = self.queue
        a = q.current if q else None
        if a is None:
            return
        _steps().remove_score(self.db, a.learner_id, q.exercise_id, q.question_id)
        q.update(a.learner_id, manual_score=None, comment="", review=False)
        self.show()
        self._saved("已撤销人工评分与评语")

    def _saved(self, text: str) -> None:
        self.g_saved.value = f"<span class='kamlab-saved' style='color:#1b5e20;line-height:32px'>✓ {html.escape(text)}</span>"
        if self.queue:
            self.g_who.value = self.g_who.value.split("<p class='kamlab-position'")[0] + (
                f"<p class='kamlab-position' style='margin:0'>{html.escape(self.queue.position())}</p>")

    def move(self, step: int) -> None:
        if self.queue:
            self.queue.go(self.queue.index + step)
            self.show()

    # handlers ----------------------------------------------------------------------

    def _score_typed(self, change: dict) -> None:
        if not self._loading:
            self.save_score(float(change["new"]))

    def _score_button(self, which: str) -> None:
        a = self.queue.current if self.queue else None
        if a is not None:
            self.save_score(a.max_score if which == "full" else 0.0)
            self.show()
            self.g_keys.focus()

    def _comment_typed(self, change: dict) -> None:
        if not self._loading:
            self.save_comment(change["new"])

    def _reveal(self, change: dict) -> None:
        self.g_reveal.description = "隐藏姓名" if change["new"] else "显示姓名"
        if self.queue:
            self.queue.reveal = bool(change["new"])
            self.show()

    def _key_typed(self, change: dict) -> None:
        """A command typed in the shortcut box and ended with Enter: a score, or one letter."""
        text = (change["new"] or "").strip().lower().replace("，", ".").replace("。", ".")
        if not text or self.queue is None:
            return
        self.g_keys.value = ""
        a = self.queue.current
        if text in ("f", "z") and a is not None:
            self.save_score(a.max_score if text == "f" else 0.0)
            self.queue.next()
        elif text == "n":
            self.queue.next()
        elif text == "p":
            self.queue.previous()
        elif text == "r":
            self.g_reveal.value = not self.g_reveal.value
            return
        elif text == "c":
            self.g_comment.focus()
            return
        else:
            try:
                score = float(text)
            except ValueError:
                raise InputError("快捷键", f"“{text}”不是分数也不是快捷键：{KEY_HELP}") from None
            self.save_score(score)
            self.queue.next()
        self.g_status.value = ""
        self.show()

    # --- 反馈 ------------------------------------------------------------------------

    def _feedback_section(self) -> W.Widget:
        self.with_model = W.Checkbox(value=True, description="在反馈中显示参考答案", indent=False)
        self.hold_back = W.SelectMultiple(options=[], rows=4, description="暂不公布",
                                          layout=W.Layout(width="640px"))
        self.fb_button = W.Button(description="生成全部反馈", button_style="primary")
        self.fb_status = W.HTML()
        self.fb_link = W.HTML()
        self.fb_pick = W.Dropdown(description="预览", layout=W.Layout(width="480px"))
        self.fb_preview = W.HTML()
        self._fb_pages: dict[str, Path] = {}
        self.fb_button.on_click(guarded(self.fb_status)(lambda _: self.make_feedback()))
        self.fb_pick.observe(guarded(self.fb_status)(lambda c: self._preview()), "value")
        return W.VBox([W.HTML("<p>为每位学员生成一页反馈（回答、得分、评语；可选参考答案），预览任意一页，"
                              "全部下载为一个 zip。</p>"),
                       self.with_model,
                       W.HTML("<p style='margin:0'>下面选中的练习暂不公布参考答案（其余照常显示；按住 Ctrl 可多选）：</p>"),
                       self.hold_back, self.fb_button, self.fb_status, self.fb_link, self.fb_pick, self.fb_preview])

    def make_feedback(self) -> list[Path]:
        if not self.db.is_file():
            raise InputError("成绩册", "还没有成绩册：请先在“班级”中导入名单")
        hold: bool | list[str] = (list(self.hold_back.value) or False) if self.with_model.value else True
        pages = _steps().feedback(self.db, hold_back=hold)
        out = _steps().folder(self.db, "feedback")
        labels = _steps().page_labels(self.db, pages)
        self._fb_pages = dict(zip(labels, pages, strict=True))
        self.fb_status.value = ok(f"已生成 {len(pages)} 份反馈页面 → {out}")
        self.fb_link.value = download_link(zip_folder(out, "feedback"), "学员反馈.zip", "下载全部反馈")
        self.fb_pick.options = labels
        self.fb_pick.value = labels[0] if labels else None
        self._preview()
        return pages

    def _preview(self) -> None:
        path = self._fb_pages.get(self.fb_pick.value or "")
        if path is None:
            self.fb_preview.value = ""
            return
        doc = html.escape(path.read_text(encoding="utf-8"), quote=True)
        self.fb_preview.value = (f"<iframe class='kamlab-preview' sandbox='' srcdoc=\"{doc}\" "
                                 "style='width:100%;height:520px;border:1px solid #ccc'></iframe>")

    # --- 报告 ------------------------------------------------------------------------

    def _report_section(self) -> W.Widget:
        self.rp_button = W.Button(description="生成班级报告", button_style="primary")
        self.rp_status = W.HTML()
        self.rp_links = W.HTML()
        self.rp_body = W.VBox()
        self.rp_button.on_click(guarded(self.rp_status)(lambda _: self.make_report()))
        return W.VBox([W.HTML("<p>班级概览：学员 × 练习得分表、各题统计与图表；可下载 Excel 与 HTML 版。</p>"),
                       self.rp_button, self.rp_status, self.rp_links, self.rp_body])

    def make_report(self) -> None:
        if not self.db.is_file():
            raise InputError("成绩册", "还没有成绩册：请先在“班级”中导入名单")
        html_path, xlsx = _steps().report(self.db)
        out = html_path.parent
        self.rp_status.value = ok(f"已生成班级报告 → {out}")
        self.rp_links.value = (download_link(xlsx.read_bytes(), "班级报告.xlsx", "下载 Excel",
                                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                               + " " + download_link(zip_folder(out, "report"), "班级报告.zip", "下载 HTML（含图表）"))
        self.rp_body.children = [W.HTML(self._report_view(html_path))]

    def _report_view(self, html_path: Path) -> str:
        """The stage's own report page in a sandboxed frame, its chart images inlined."""
        import base64

        text = html_path.read_text(encoding="utf-8")
        for png in html_path.parent.glob("*.png"):
            uri = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")
            for quote in ("'", '"'):
                text = text.replace(f"src={quote}{html.escape(png.name)}{quote}", f"src={quote}{uri}{quote}")
        return (f"<iframe class='kamlab-report' sandbox='' srcdoc=\"{html.escape(text, quote=True)}\" "
                "style='width:100%;height:900px;border:1px solid #ccc'></iframe>")

    # --- navigation -----------------------------------------------------------------

    def _tab_changed(self, change: dict) -> None:
        if change["new"] == 3 and not self.g_exercise.options:
            guarded(self.g_status)(self._load_exercises)()
        if change["new"] == 4 and self.db.is_file():
            guarded(self.fb_status)(self._load_hold_back)()

    def _load_hold_back(self) -> None:
        titles = {x.id: x.label for x in _steps().exercises()}
        chosen = set(self.hold_back.value)
        ids = _steps().class_exercises(self.db)
        self.hold_back.options = [(titles.get(x, x), x) for x in ids]
        self.hold_back.value = tuple(x for x in ids if x in chosen)
