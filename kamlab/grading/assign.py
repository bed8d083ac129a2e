"""Stage 1: learner versions of an exercise, one folder per learner.

The learner notebook ``exercises/<id>.ipynb`` is generated from the authoring
source ``exercises/src/<id>.md`` by :func:`strip_key` (cells tagged ``key`` or
``solution`` removed, the way nbgrader strips solutions); the key stays in
``exercises/src/<id>.key.json``. ``kamlab assign`` copies the learner notebook into
``OUT/<learner id>/`` beside the learner's pack ``assignment.json`` (learner id, their
secret signing token, and every exercise assigned into that folder: a second exercise
is added, never overwrites the first). Tokens are made once per learner and kept in the
gradebook, which ``assign`` creates when it does not exist yet.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..learner.answers import write_json_atomic
from . import gradebook, submit
from .due import check_penalty, due_text, parse_due
from .htmlpage import DEFAULT_TZ
from .keys import check_exercise, exercises_dir
from .roster import read_roster

KEY_TAGS = frozenset({"key", "solution"})
CLASS_FILE = "class.json"


def strip_key(notebook):
    """A copy of an nbformat notebook without cells tagged ``key``/``solution``."""
    import copy

    out = copy.deepcopy(notebook)
    out.cells = [c for c in out.cells if not KEY_TAGS & set(c.get("metadata", {}).get("tags", []))]
    return out


def learner_notebook(exercise_id: str, folder: Path | None = None) -> Path:
    """The learner version's path (checked in, with outputs, under ``exercises/``)."""
    path = (folder or exercises_dir()) / f"{exercise_id}.ipynb"
    if not path.is_file():
        raise InputError("练习编号", f"没有找到学员版笔记本 {path}：请先运行 scripts/build_exercises.py", exercise_id)
    return path


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        raise InputError("输出目录", f"{path} 已存在但无法读取：请换一个输出目录，或删去该文件") from None
    return data if isinstance(data, dict) else {}


def assign(exercise: str, *, roster: dict[str, str], out: str | Path, db: str | Path, assignment_id: str = "",
           shared: bool = False, due: str | datetime | None = None, late_penalty: float | str | None = None,
           tz: str = DEFAULT_TZ) -> list[Path]:
    """Write one folder per learner (or one shared copy); return the notebooks written.

    Everything is checked before the first file is written: the exercise id, the output
    folder (not a file), the gradebook, the due date. A shared copy has no token: its
    submissions cannot be signed, so it is for self-study only. Learners removed from the
    class (``kamlab roster remove``) get no folder. ``due`` (``2026-12-10 18:00`` in ``tz``)
    and ``late_penalty`` (percent per started day late; off by default): see :mod:`.due`.
    """
    check_exercise(exercise)
    source = learner_notebook(exercise)
    due_at = parse_due(due, tz) if due else None
    rate = check_penalty(late_penalty)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError("输出目录", f"“{out}”是一个文件，不是文件夹：请给出一个文件夹路径", str(out))
    for lid in roster:
        if (out / lid).exists() and not (out / lid).is_dir():
            raise InputError("输出目录", f"“{out / lid}”是一个文件，不能作为学员文件夹", str(out / lid))
    assignment_id = assignment_id or f"{exercise}-{datetime.now(UTC):%Y%m%d}"
    con = gradebook.connect(db, create=True)
    try:
        gradebook.set_roster(con, roster)
        gone = gradebook.removed(con)
        roster = {lid: name for lid, name in roster.items() if lid not in gone}
        gradebook.record_assignment(con, exercise, assignment_id, [] if shared else list(roster), due_at, rate)
        tokens = {} if shared else gradebook.ensure_tokens(con, roster, lambda: secrets.token_urlsafe(24))
    finally:
        con.close()
    written = []
    for lid in (["shared"] if shared else list(roster)):
        folder = out / lid
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / source.name)
        if shared:
            continue
        pack = _read_json(folder / submit.PACK_FILE)
        exercises = pack.get("exercises") if pack.get("learner") == lid and isinstance(pack.get("exercises"), dict) else {}
        write_json_atomic(folder / submit.PACK_FILE, {"schema": submit.PACK_SCHEMA, "learner": lid, "token": tokens[lid],
                                                      "exercises": {**exercises, exercise: assignment_id}})
        written.append(folder / source.name)
    if shared:
        written.append(out / "shared" / source.name)
    manifest = _read_json(out / CLASS_FILE)
    assigned = manifest.get("exercises") if isinstance(manifest.get("exercises"), dict) else {}
    write_json_atomic(out / CLASS_FILE, {"schema": "kamlab-class", "exercises": {
        **assigned, exercise: {"assignment": assignment_id, "learners": sorted(roster), "shared": shared}}})
    frame = pd.DataFrame({"学号": list(roster), "姓名": list(roster.values())})
    frame.to_csv(out / "roster.csv", index=False, encoding="utf-8-sig")
    return written


def main(args: argparse.Namespace) -> int:
    """``kamlab assign EXERCISE --roster roster.csv --out DIR --db gradebook.sqlite [--due …]``."""
    check_exercise(args.exercise)
    roster = read_roster(args.roster)
    for _, note in roster.skipped:
        print(note)
    written = assign(args.exercise, roster=roster, out=args.out, db=args.db, assignment_id=args.id or "",
                     shared=args.shared, due=args.due, late_penalty=args.late_penalty, tz=args.tz)
    due = f"；截止 {due_text(parse_due(args.due, args.tz), args.tz)}（{args.tz}）" if args.due else ""
    if args.late_penalty:
        due += f"，迟交每天扣总分的 {float(args.late_penalty):g}%"
    if args.shared:
        print(f"已生成共享版本 → {Path(args.out) / 'shared'}（不含提交令牌，仅供自学，提交无法评分）")
    else:
        skipped = len(roster) - len(written)
        note = f"（{skipped} 名已移除的学员未生成）" if skipped else ""
        print(f"已为 {len(written)} 名学员生成 {len(written)} 份练习{note} → {args.out}；提交令牌已存入 {args.db}{due}")
    return 0
