"""Stage 3: validate submissions and score them into the gradebook.

Security: a submission is read as bytes, size-checked, parsed with ``json`` and
nothing else; no learner code or pickle is ever loaded or run. A submission is
rejected, with a reason and nothing written, when it is over
:data:`MAX_BYTES`, not valid JSON (NaN/Infinity included), of another schema or
version, missing a field or with a field of the wrong type, from a learner not in
the roster, for an unknown exercise or question, or when its checksum does not
match. Each accepted file is stored raw with its scores in one transaction.
Grading the same file again re-scores the same row (idempotent); a different
file from the same learner for the same exercise is a new version.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from . import gradebook, rubric, submit
from .keys import exercise_ids, load_key
from .progress import progress

MAX_BYTES = 256 * 1024
FIELDS = {"schema": str, "version": int, "exercise": str, "assignment": str, "learner": str,
          "submitted_at": str, "answers": dict, "checksum": str}
ANSWER_TYPES: dict[str, tuple[type, ...]] = {
    "number": (str, int, float), "choice": (str,), "text": (str,), "table": (list,),
    "inputs": (dict,), "proposition": (dict,), "worksheet": (dict,)}


class Rejected(ValueError):
    """A submission that cannot be graded; ``str()`` is the reason (Chinese / English)."""


def _no_constants(name: str) -> None:
    raise ValueError(f"非法数值 {name}")


def parse(raw: bytes, roster: dict[str, str]) -> dict[str, Any]:
    """Validate one submission's bytes; return the data or raise :class:`Rejected`."""
    if len(raw) > MAX_BYTES:
        raise Rejected(f"文件过大（{len(raw)} 字节，上限 {MAX_BYTES}） / file too large")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError) as error:
        raise Rejected(f"不是有效的 JSON：{error} / invalid JSON") from None
    if not isinstance(data, dict) or data.get("schema") != submit.SCHEMA:
        raise Rejected("不是 kamlab 提交文件（schema 不符） / not a kamlab submission")
    if data.get("version") != submit.VERSION:
        raise Rejected(f"提交格式版本为 {data.get('version')!r}，本程序只接受 {submit.VERSION} / wrong schema version")
    for name, kind in FIELDS.items():
        if name not in data:
            raise Rejected(f"缺少字段“{name}” / missing field")
        if not isinstance(data[name], kind) or isinstance(data[name], bool):
            raise Rejected(f"字段“{name}”类型应为 {kind.__name__} / wrong type")
    try:
        datetime.fromisoformat(data["submitted_at"])
    except ValueError:
        raise Rejected(f"提交时间“{data['submitted_at']}”不是 ISO 时间 / bad timestamp") from None
    if data["learner"] not in roster:
        raise Rejected(f"学号“{data['learner']}”不在名单中 / learner not in roster")
    if data["exercise"] not in exercise_ids():
        raise Rejected(f"没有编号为“{data['exercise']}”的练习 / unknown exercise")
    if submit.checksum(data) != data["checksum"]:
        raise Rejected("校验和不符：文件在打包后被改动或已损坏 / checksum mismatch")
    _, questions = load_key(data["exercise"])
    for qid, value in data["answers"].items():
        if qid not in questions:
            raise Rejected(f"未知题号“{qid}” / unknown question")
        if value is not None and (not isinstance(value, ANSWER_TYPES[questions[qid]["type"]]) or isinstance(value, bool)):
            raise Rejected(f"第“{qid}”题的答案类型不符 / wrong answer type")
    return data


def score_all(data: dict[str, Any]) -> list[tuple[str, rubric.Mark, str]]:
    """(question id, mark, answer text) for every question of the exercise."""
    sheet, questions = load_key(data["exercise"])
    answers = data["answers"]
    return [(q.id, rubric.score(questions[q.id], answers.get(q.id)), rubric.as_text(answers.get(q.id, "")))
            for q in sheet.questions]


def store(con: sqlite3.Connection, data: dict[str, Any], raw: str) -> int:
    """Store the raw submission and its scores in one transaction; return its row id."""
    marks = score_all(data)
    with con:
        row = con.execute("SELECT id FROM submissions WHERE learner_id = ? AND exercise_id = ? AND checksum = ?",
                          (data["learner"], data["exercise"], data["checksum"])).fetchone()
        if row is None:
            (version,) = con.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM submissions "
                                     "WHERE learner_id = ? AND exercise_id = ?",
                                     (data["learner"], data["exercise"])).fetchone()
            cur = con.execute(
                "INSERT INTO submissions (learner_id, exercise_id, assignment_id, version, submitted_at, "
                "received_at, checksum, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (data["learner"], data["exercise"], data["assignment"], version, data["submitted_at"],
                 gradebook.now(), data["checksum"], raw))
            sid = int(cur.lastrowid)
        else:
            sid = int(row[0])
            con.execute("DELETE FROM scores WHERE submission_id = ?", (sid,))
        con.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(sid, qid, m.score, m.max_score, answer, m.expected, m.detail) for qid, m, answer in marks])
    return sid


def grade_files(con: sqlite3.Connection, paths: Iterable[Path], learner: str | None = None,
                show_progress: bool = True) -> tuple[list[int], list[tuple[Path, str]]]:
    """Grade submission files; return (stored row ids, [(path, reason) rejected])."""
    paths = list(paths)
    names = gradebook.roster(con)
    done, rejected = [], []
    items = progress(paths, len(paths), "评分 / grading") if show_progress else paths
    for path in items:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise Rejected(f"文件过大（{path.stat().st_size} 字节，上限 {MAX_BYTES}） / file too large")
            raw = path.read_bytes()
            data = parse(raw, names)
        except Rejected as error:
            rejected.append((path, str(error)))
            continue
        if learner and data["learner"] != learner:
            continue
        done.append(store(con, data, raw.decode("utf-8")))
    return done, rejected


def regrade_stored(con: sqlite3.Connection, learner: str | None = None) -> int:
    """Re-score stored submissions (all, or one learner's) from their raw JSON."""
    sql, args = "SELECT raw FROM submissions", ()
    if learner:
        sql, args = sql + " WHERE learner_id = ?", (learner,)
    rows = con.execute(sql, args).fetchall()
    for (raw,) in rows:
        store(con, json.loads(raw), raw)
    return len(rows)


def read_roster(path: str | Path) -> dict[str, str]:
    """Roster CSV → {learner id: name}. Columns ``learner_id,name`` or ``学号,姓名``."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = {}
    for row in rows:
        lid = (row.get("learner_id") or row.get("学号") or "").strip()
        if lid:
            out[lid] = (row.get("name") or row.get("姓名") or "").strip()
    if not out:
        raise SystemExit(f"名单“{path}”为空或缺少 learner_id/学号 列 / empty roster")
    return out


def _import_manual(con: sqlite3.Connection, path: str) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        score = (row.get("score") or "").strip()
        gradebook.set_manual(con, row["learner_id"].strip(), row["exercise_id"].strip(),
                             (row.get("question_id") or "").strip(), float(score) if score else None,
                             (row.get("comment") or "").strip())
    return len(rows)


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.json")) if p.is_dir() else [p]
    return out


def main(args: argparse.Namespace) -> int:
    """``kamlab grade``: grade files, regrade stored ones, or record manual scores."""
    con = gradebook.connect(args.db)
    try:
        if args.roster:
            gradebook.set_roster(con, read_roster(args.roster))
        if args.manual:
            learner, exercise, question = args.manual
            gradebook.set_manual(con, learner, exercise, "" if question == "-" else question, args.score,
                                 args.comment or "")
            print("已记录人工评分/评语 / manual score recorded")
            return 0
        if args.manual_csv:
            print(f"已导入 {_import_manual(con, args.manual_csv)} 条人工评分 / manual rows imported")
            return 0
        if not gradebook.roster(con):
            print("成绩册中还没有名单：请加 --roster roster.csv / no roster yet", file=sys.stderr)
            return 2
        if not args.submissions:
            n = regrade_stored(con, args.learner)
            print(f"已重新评分 {n} 份已存提交 / re-graded {n} stored submissions")
            return 0
        done, rejected = grade_files(con, _expand(args.submissions), args.learner, not args.quiet)
        for path, reason in rejected:
            print(f"已拒收 / rejected {path}: {reason}", file=sys.stderr)
        print(f"已评分 {len(done)} 份，拒收 {len(rejected)} 份 / graded {len(done)}, rejected {len(rejected)}")
        return 1 if rejected else 0
    finally:
        con.close()
