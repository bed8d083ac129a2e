"""Stage 3: grade submission files into the gradebook (validation in :mod:`.validate`,
scoring in :mod:`.rubric`, SQL in :mod:`.gradebook`).

Each file is read, validated and scored on its own: any failure (a bad file, a number too
large to score, JSON nested 50,000 deep) becomes that file's rejection with a reason, and
the run goes on. The accepted files are then stored in one transaction. Grading the same
file again re-scores the same row (idempotent); a different file from the same learner for
the same exercise is a new version, and the latest version is the last *submitted*.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..spreadsheet import read_bytes
from . import gradebook, rubric
from .archive import MAX_ZIP, zip_members
from .keys import exercise_ids, load_key
from .progress import progress
from .validate import MAX_BYTES, Rejected, parse, utc_stamp


@dataclass(frozen=True)
class FileResult:
    """The outcome for one submission file: accepted, or rejected with a Chinese reason."""

    name: str
    accepted: bool
    reason: str = ""
    learner: str = ""
    exercise: str = ""
    skipped: bool = False  # accepted but not stored (another learner than ``learner=``)
    new: bool = False  # stored for the first time (False: the same file was already in the gradebook)


def score_all(data: dict[str, Any]) -> list[tuple[str, float, float, str, str, str]]:
    """(question id, score, max, answer text, expected, detail) for every question."""
    sheet, questions = load_key(data["exercise"])
    answers = data["answers"]
    out = []
    for q in sheet.questions:
        mark = rubric.score(questions[q.id], answers.get(q.id))
        out.append((q.id, float(mark.score), float(mark.max_score), rubric.as_text(answers.get(q.id, "")),
                    mark.expected, mark.detail))
    return out


def _item(data: dict[str, Any], raw: str) -> dict[str, Any]:
    return {"learner": data["learner"], "exercise": data["exercise"], "assignment": data["assignment"],
            "submitted_at": data["submitted_at_utc"], "signature": data["signature"], "raw": raw,
            "marks": score_all(data)}


def _check(raw: bytes, names: dict[str, str], tokens: dict[str, str], known: set[str]) -> dict[str, Any]:
    try:
        data = parse(raw, names, tokens, known)
        return _item(data, raw.decode("utf-8"))
    except Rejected:
        raise
    except RecursionError:
        raise Rejected("无法评分：答案嵌套过深") from None
    except (OverflowError, ValueError, TypeError, KeyError, InputError) as error:
        raise Rejected(f"无法评分：答案中有无法处理的值（{type(error).__name__}）") from None


def grade_into(con: gradebook.Book, files: Iterable[Path | tuple[str, bytes]], *, learner: str | None = None,
               show_progress: bool = False) -> list[FileResult]:
    """Grade files (paths, or ``(name, bytes)`` uploads) into an open gradebook."""
    files = list(files)
    # Removed learners' files are still accepted and kept (hidden from lists): their history stays whole.
    names, tokens, known = gradebook.roster(con, include_removed=True), gradebook.tokens(con), set(exercise_ids())
    results: list[FileResult] = []
    ready: list[tuple[int, dict[str, Any]]] = []
    items = progress(files, len(files), "评分 / grading") if show_progress else files
    for entry in items:
        name = entry[0] if isinstance(entry, tuple) else str(entry)
        if name.lower().endswith(".zip"):  # each member stands alone
            try:
                data = entry[1] if isinstance(entry, tuple) else read_bytes(entry, limit=MAX_ZIP, what="zip 文件")
            except InputError as error:
                results.append(FileResult(name, False, str(error).split("」", 1)[-1]))
                continue
            members, refused = zip_members(name, data)
            results += [FileResult(inner, False, reason) for inner, reason in refused]
            inner_results = grade_members(members, names, tokens, known, learner)
            for result, item in inner_results:
                results.append(result)
                if item is not None:
                    ready.append((len(results) - 1, item))
            continue
        try:
            raw = entry[1] if isinstance(entry, tuple) else read_bytes(entry, limit=MAX_BYTES, what="提交文件")
            item = _check(raw, names, tokens, known)
        except InputError as error:
            results.append(FileResult(name, False, str(error).split("」", 1)[-1]))
            continue
        except Rejected as error:
            results.append(FileResult(name, False, str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - one crafted file must never stop the run
            results.append(FileResult(name, False, f"无法读取或评分（{type(error).__name__}）"))
            continue
        skipped = bool(learner) and item["learner"] != learner
        results.append(FileResult(name, True, "", item["learner"], item["exercise"], skipped))
        if not skipped:
            ready.append((len(results) - 1, item))
    if ready:
        gradebook.store_submissions(con, [item for _, item in ready])
        for at, item in ready:
            results[at] = replace(results[at], new=bool(item.get("new")))
    return results


def grade_members(members: list[tuple[str, bytes]], names: dict[str, str], tokens: dict[str, str], known: set[str],
                  learner: str | None) -> list[tuple[FileResult, dict[str, Any] | None]]:
    """Check and score in-memory files (zip members): each its result and, when it is to be
    stored, its item."""
    out: list[tuple[FileResult, dict[str, Any] | None]] = []
    for name, raw in members:
        try:
            item = _check(raw, names, tokens, known)
        except (Rejected, InputError) as error:
            out.append((FileResult(name, False, str(error).split("」", 1)[-1]), None))
            continue
        except Exception as error:  # noqa: BLE001 - one crafted file must never stop the run
            out.append((FileResult(name, False, f"无法读取或评分（{type(error).__name__}）"), None))
            continue
        skipped = bool(learner) and item["learner"] != learner
        out.append((FileResult(name, True, "", item["learner"], item["exercise"], skipped), None if skipped else item))
    return out


def regrade_stored(con: gradebook.Book, learner: str | None = None) -> int:
    """Re-score stored submissions (all, or one learner's) from their raw JSON."""
    raws = gradebook.stored_raw(con, learner)
    items = []
    for raw in raws:
        data = json.loads(raw)
        data["submitted_at_utc"] = utc_stamp(data["submitted_at"])
        items.append(_item(data, raw))
    if items:
        gradebook.store_submissions(con, items)
    return len(items)


def expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files and folders on the command line → submission files (``*.json`` in folders).

    A path that does not exist is an error (a typo'd inbox); a folder with no ``.json`` file
    anywhere inside is an error too, and so is a broken link given by name. Inside a folder,
    sub-folders named ``*.json`` are skipped; broken links are kept and reported as rejections.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in (".json", ".zip") and not f.is_dir())
            if not found:
                raise InputError("提交文件", f"文件夹“{p}”中没有任何 .json 提交文件（或装有它们的 .zip）", str(p))
            out += found
        elif p.exists():
            out.append(p)
        elif p.is_symlink():
            raise InputError("提交文件", f"“{p}”是指向不存在文件的链接：请检查它指向的文件是否已被移动或删除", str(p))
        else:
            raise InputError("提交文件", f"找不到“{p}”：请检查路径是否拼错", str(p))
    return out


def grade(files: Sequence[str | Path | tuple[str, bytes]], *, db: str | Path, roster: dict[str, str] | None = None,
          learner: str | None = None, show_progress: bool = False) -> list[FileResult]:
    """Grade submission files (paths, folders, or ``(name, bytes)`` uploads) into ``db``.

    ``roster`` (from :func:`~kamlab.grading.roster.read_roster`) adds/renames learners and
    may create the gradebook; without it ``db`` must exist. ``learner`` grades only that
    learner's files. Returns one :class:`FileResult` per file, in order.
    """
    uploads = [f for f in files if isinstance(f, tuple)]
    on_disk = [f for f in files if not isinstance(f, tuple)]
    paths: list[Path | tuple[str, bytes]] = [*uploads, *(expand(on_disk) if on_disk else [])]
    con = gradebook.connect(db, create=roster is not None)
    try:
        if roster is not None:
            gradebook.set_roster(con, roster)
        if not gradebook.roster(con):
            raise InputError("名单", "成绩册中还没有名单：请先用 kamlab assign 布置练习，或加 --roster roster.csv")
        if learner and learner not in gradebook.roster(con):
            raise InputError("学号", f"“{learner}”不在名单中", learner)
        return grade_into(con, paths, learner=learner, show_progress=show_progress)
    finally:
        con.close()


def regrade(*, db: str | Path, learner: str | None = None) -> int:
    """Re-score every stored submission (or one learner's); returns how many."""
    con = gradebook.connect(db)
    try:
        if learner and learner not in gradebook.roster(con):
            raise InputError("学号", f"“{learner}”不在名单中", learner)
        return regrade_stored(con, learner)
    finally:
        con.close()
