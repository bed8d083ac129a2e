"""A learner's home on the class server, made ready before each start of their server.

:func:`prepare_home` is the hub's ``Spawner.pre_spawn_hook`` (it runs in the hub, as
root). The first time, it copies the chapters into ``~/章节/``; every time, it copies
exercises assigned since into ``~/练习/`` (never over a file already there, so answers
and edits stay) and rewrites ``~/从这里开始.md`` with each exercise's status. The home is
made private (mode 700): another learner's kernel cannot list or read it.
"""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

from .codes import load_json
from .startpage import FILE, chapters, exercise_rows, start_page, submitted_text
from .status import assigned_and_submitted

CHAPTERS = "章节"
EXERCISES = "练习"
FEEDBACK_PATH = "/services/kamlab-handin/feedback"


def _own(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)


def _copy_new(source: Path, target: Path, uid: int, gid: int) -> None:
    if not target.exists():
        shutil.copyfile(source, target)
        _own(target, uid, gid)


def prepare(home: Path, uid: int, gid: int, info: dict, who: str, learner: str) -> Path:
    """Copy what is missing into ``home`` and write the start page; return the page's path."""
    os.chmod(home, 0o700)
    chapters_dir, exercises_dir = home / CHAPTERS, home / EXERCISES
    for folder in (chapters_dir, exercises_dir):
        folder.mkdir(exist_ok=True)
        _own(folder, uid, gid)
    book = Path(info["book"])
    for notebook in book.glob("*.ipynb"):
        _copy_new(notebook, chapters_dir / notebook.name, uid, gid)
    if info.get("db"):
        assigned, handed = assigned_and_submitted(Path(info["db"]), learner) if learner else ([], {})
    else:  # Kubernetes: no gradebook in the learner's pod; every exercise shipped in the image
        assigned, handed = sorted(p.stem for p in Path(info["exercises"]).glob("*.ipynb")), {}
    statuses = {x: submitted_text(*v) for x, v in handed.items()}
    source = Path(info["exercises"])
    present = []
    for exercise in assigned:
        if (source / f"{exercise}.ipynb").is_file():
            _copy_new(source / f"{exercise}.ipynb", exercises_dir / f"{exercise}.ipynb", uid, gid)
            present.append(exercise)
    page = write_start_page(home, present, statuses, who)
    _own(page, uid, gid)
    return page


def write_start_page(home: Path, exercises: list[str], statuses: dict[str, str], who: str) -> Path:
    """(Re)write ``home/从这里开始.md`` (also called from the learner's kernel after a hand-in)."""
    text = start_page(chapters(home / CHAPTERS, CHAPTERS),
                      exercise_rows(exercises, home / EXERCISES, EXERCISES, statuses),
                      who=who, feedback_url=FEEDBACK_PATH, hand_in=True)
    page = home / FILE
    page.write_text(text, encoding="utf-8")
    return page


def prepare_home(class_file: str, spawner) -> None:
    """``Spawner.pre_spawn_hook``: ready the home of ``spawner.user`` (see the module docstring)."""
    info = load_json(Path(class_file))
    system = spawner.user.name
    entry = info.get("learners", {}).get(system, {})
    learner, name = entry.get("learner", ""), entry.get("name", "")
    who = f"{name}（学号 {learner}）" if name else (f"学号 {learner}" if learner else "培训师")
    if info.get("insecure"):  # --insecure-single-user: homes under the class's state folder, one system user
        home = Path(info["homes"]) / system
        home.mkdir(parents=True, exist_ok=True)
        prepare(home, os.getuid(), os.getgid(), info, who, learner)
    else:
        account = pwd.getpwnam(system)
        prepare(Path(account.pw_dir), account.pw_uid, account.pw_gid, info, who, learner)
    spawner.environment = {**spawner.environment, "KAMLAB_LEARNER": learner, "KAMLAB_WHO": who}


def main(argv: list[str] | None = None) -> int:
    """``python -m kamlab.classroom.home SOURCE [HOME]``: ready a home from ``SOURCE/book`` and
    ``SOURCE/exercises`` without a gradebook (a Kubernetes pod's postStart hook, as its own user)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    source, home = Path(args[0]), Path(args[1] if len(args) > 1 else Path.home())
    info = {"book": str(source / "book"), "exercises": str(source / "exercises")}
    prepare(home, os.getuid(), os.getgid(), info, os.environ.get("KAMLAB_WHO", ""), "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
