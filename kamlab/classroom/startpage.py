"""The 从这里开始 page: the learner's assigned exercises with their status, then the chapters.

It is a Markdown file (``从这里开始.md``) that JupyterLab opens as a rendered preview
(set as the default viewer for Markdown in the learner's settings). Links are relative to
the folder the page sits in, so the same page serves ``make lab`` (the repository's
``book/`` and ``exercises/``) and a learner's home on the class server (``章节/`` and
``练习/``). :func:`start_page` only builds text; :func:`chapters` and
:func:`exercise_rows` read what is on disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

FILE = "从这里开始.md"
COURSES = {"ye": "叶敦明《工业企业大客户营销》", "wang": "王渊《大客户营销与管理》",
           "ding": "丁兴良《大客户营销策略》"}
LAST = ("plan", "glossary")  # the capstone and the glossary close the list


@dataclass(frozen=True)
class Chapter:
    """A chapter notebook: path relative to the page, title, course heading."""

    path: str
    title: str
    course: str


@dataclass(frozen=True)
class ExerciseRow:
    """An assigned exercise on the page."""

    id: str
    title: str
    chapter: str
    path: str
    status: str


def submitted_text(version: int, when: str) -> str:
    """“已提交（第 n 版 · 时间）”, what the learner sees after handing in."""
    return f"已提交（第 {version} 版 · {when}）"


def status(answers_file: Path, submitted: str | None) -> str:
    """未开始 / 已作答（未提交） / 已提交（第 n 版 · 时间） (``submitted``: that text, when handed in)."""
    if submitted:
        return submitted
    try:
        saved = json.loads(answers_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "未开始"
    answers = saved.get("answers", {}) if isinstance(saved, dict) else {}
    return "已作答（未提交）" if isinstance(answers, dict) and answers.get("questions") else "未开始"


def _title(notebook: Path) -> str:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return notebook.stem
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            text = "".join(cell.get("source", "")).strip().splitlines()
            if text:
                return text[0].lstrip("# ").strip()
    return notebook.stem


def chapters(folder: Path, relative: str) -> list[Chapter]:
    """The chapter notebooks in ``folder`` (linked as ``relative/<file>``), in course order."""
    found = [p for p in folder.glob("*.ipynb") if not p.name.startswith(".")]

    def order(p: Path) -> tuple:
        course = p.stem.split("-")[0]
        rank = list(COURSES).index(course) if course in COURSES else len(COURSES) + (LAST.index(p.stem) if p.stem in LAST else 0)
        return (rank, p.stem)

    return [Chapter(f"{relative}/{p.name}", _title(p), COURSES.get(p.stem.split("-")[0], "结课与附录"))
            for p in sorted(found, key=order)]


def exercise_rows(ids: list[str], folder: Path, relative: str, submitted: dict[str, str]) -> list[ExerciseRow]:
    """Rows for the assigned exercises found in ``folder`` (answers in ``folder/kamlab-answers``);
    ``submitted``: exercise → “已提交（…）” text."""
    from ..errors import InputError
    from ..learner.exercise import load_sheet

    rows = []
    for exercise in ids:
        try:
            sheet = load_sheet(exercise)
        except InputError:  # a notebook of the learner's own in the exercises folder
            continue
        rows.append(ExerciseRow(exercise, sheet.title, sheet.chapter, f"{relative}/{exercise}.ipynb",
                                status(folder / "kamlab-answers" / f"{exercise}.json", submitted.get(exercise))))
    return rows


def _link(text: str, path: str) -> str:
    return f"[{text}]({quote(path)})"


def start_page(chapter_list: list[Chapter], exercises: list[ExerciseRow], *, who: str = "",
               feedback_url: str = "", hand_in: bool = False) -> str:
    """The page's Markdown."""
    lines = ["# 从这里开始", ""]
    lines.append(f"你好，{who}。" if who else "欢迎来到 KAM Lab 大客户营销实训。")
    lines += ["点下面的链接打开练习或章节；在计算器里的输入和答题卡的回答都会自动保存在你自己的文件夹中。", ""]
    if exercises:
        lines += ["## 布置的练习" if hand_in else "## 练习", "", "| 练习 | 章节 | 状态 |", "|---|---|---|"]
        lines += [f"| {_link(r.title, r.path)} | {r.chapter} | {r.status} |" for r in exercises]
        lines.append("")
        if hand_in:
            lines += ["做完后点练习末尾的 **提交** 按钮，答案直接交给培训师；改了可以再交，以最后一次为准。", ""]
    if feedback_url:
        lines += ["## 我的反馈", "", f"[打开我的反馈]({feedback_url})（培训师发布反馈后可以看到，只有你本人能看到自己的反馈）", ""]
    lines += ["## 各章", ""]
    course = None
    for chapter in chapter_list:
        if chapter.course != course:
            course = chapter.course
            lines += ["", f"**{course}**", ""]
        lines.append(f"- {_link(chapter.title, chapter.path)}")
    lines.append("")
    return "\n".join(lines)


def write_for_checkout(root: Path) -> Path:
    """``make lab``: the page in the repository's root, linking ``book/`` and every exercise."""
    from ..grading.keys import exercise_ids

    exercises = root / "exercises"
    ids = [x for x in exercise_ids(exercises) if (exercises / f"{x}.ipynb").is_file()]
    text = start_page(chapters(root / "book", "book"), exercise_rows(ids, exercises, "exercises", {}))
    page = root / FILE
    page.write_text(text, encoding="utf-8")
    return page


if __name__ == "__main__":
    import sys

    print(write_for_checkout(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
