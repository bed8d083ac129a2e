"""Stage 2, learner side: pack saved answers into one signed submission file.

A submission is JSON and nothing else::

    {"schema": "kamlab-submission", "version": 2, "exercise": "wang-01-quantify",
     "assignment": "wang-01-quantify-20261126", "learner": "L001",
     "submitted_at": "2026-11-26T10:00:00+00:00", "answers": {"q1": "7.4", …},
     "signature": "hmac-sha256:…"}

The signature is HMAC-SHA256, keyed with the learner's secret token, over the canonical
JSON of every other field (keys sorted, no spaces, UTF-8). ``kamlab assign`` gives each
learner a random token, keeps it in the gradebook and writes it only into that learner's
pack (``assignment.json`` in the learner's folder), so a file edited after packing, or
packed under another learner's id, fails the grader's check. A learner who hands their
own token to someone else can still be impersonated: tokens are like passwords.

The pack ``assignment.json`` (one per learner folder, holding every exercise assigned)::

    {"schema": "kamlab-pack", "learner": "L001", "token": "…",
     "exercises": {"wang-01-quantify": "wang-01-quantify-20261126", …}}
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..learner.answers import AnswerStore, write_json_atomic
from .names import file_stem

SCHEMA = "kamlab-submission"
VERSION = 2
PACK_SCHEMA = "kamlab-pack"
PACK_FILE = "assignment.json"
SIGNATURE_PREFIX = "hmac-sha256:"
_STAMP = re.compile(r"[^0-9T]+")


def canonical(data: dict[str, Any]) -> bytes:
    """Canonical JSON bytes of ``data`` without its signature (or an old checksum)."""
    body = {k: v for k, v in data.items() if k not in ("signature", "checksum")}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(data: dict[str, Any], token: str) -> str:
    """``hmac-sha256:<hex>`` of :func:`canonical` keyed with the learner's ``token``."""
    return SIGNATURE_PREFIX + hmac.new(token.encode("utf-8"), canonical(data), hashlib.sha256).hexdigest()


def verify(data: dict[str, Any], token: str) -> bool:
    """Whether ``data["signature"]`` was made with ``token`` (constant-time compare)."""
    return bool(token) and hmac.compare_digest(str(data.get("signature", "")), sign(data, token))


def pack(exercise: str, learner: str, answers: dict[str, Any], assignment: str = "",
         submitted_at: str | None = None, *, token: str) -> dict[str, Any]:
    """Build a submission signed with the learner's ``token``."""
    data = {"schema": SCHEMA, "version": VERSION, "exercise": exercise, "assignment": assignment or exercise,
            "learner": learner, "submitted_at": submitted_at or datetime.now(UTC).isoformat(timespec="seconds"),
            "answers": answers}
    data["signature"] = sign(data, token)
    return data


def file_name(data: dict[str, Any]) -> str:
    """A safe, unique file name: ``<exercise>-<learner slug+hash>-<timestamp>.json``."""
    stamp = _STAMP.sub("", str(data["submitted_at"]))[:15]
    return f"{file_stem(str(data['exercise']))[:-9]}-{file_stem(str(data['learner']))}-{stamp}.json"


def write(data: dict[str, Any], folder: str | Path) -> Path:
    """Write a submission atomically into ``folder`` and return its path."""
    path = Path(folder) / file_name(data)
    write_json_atomic(path, data)
    return path


def read_pack(folder: str | Path) -> dict[str, Any]:
    """The learner's pack (``assignment.json`` in ``folder``): learner, token, exercises."""
    path = Path(folder) / PACK_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("作业文件", f"没有找到 {path}：请在培训师布置的练习文件夹中提交（kamlab assign 生成）") from None
    except (OSError, ValueError) as error:
        raise InputError("作业文件", f"{path} 无法读取（{error}）：请向培训师重新索取练习文件夹") from None
    if not isinstance(data, dict) or data.get("schema") != PACK_SCHEMA or not data.get("token") \
            or not isinstance(data.get("exercises"), dict):
        raise InputError("作业文件", f"{path} 是旧版或共享版本，不含提交令牌：请向培训师索取新布置的个人练习文件夹")
    return data


def submit_answers(exercise: str, *, answers: dict[str, Any], pack_dir: str | Path, out: str | Path,
                   learner: str | None = None) -> Path:
    """Sign ``answers`` with the pack's token and write the submission into ``out``.

    ``learner``, when given, must be the pack's learner (a learner cannot sign for another).
    """
    data = read_pack(pack_dir)
    if learner and learner.strip() != data["learner"]:
        raise InputError("学号", f"“{learner}”与本练习文件夹的学员“{data['learner']}”不符：只能提交自己的答案", learner)
    if exercise not in data["exercises"]:
        raise InputError("练习编号", f"本练习文件夹中没有布置练习“{exercise}”（已布置：{'、'.join(data['exercises'])}）", exercise)
    return write(pack(exercise, data["learner"], answers, data["exercises"][exercise], token=data["token"]), out)


def _confirmed(problems: list[str], yes: bool) -> bool:
    """Whether to pack answers with ``problems``: ``--yes``, or the learner says so at a
    terminal. Without a terminal (a script) and without ``--yes``, nothing is packed."""
    if not problems or yes:
        return True
    print(f"还有 {len(problems)} 题未作答或无法识别，提交后按现状评分：", file=sys.stderr)
    for line in problems:
        print(f"  - {line}", file=sys.stderr)
    if not sys.stdin.isatty():
        raise InputError("答案", f"有 {len(problems)} 题未作答或无法识别（见上）：补全后再提交，或加 --yes 按现状提交")
    try:
        reply = input("仍要生成提交文件吗？输入 y 确认，直接回车取消：")
    except EOFError:
        reply = ""
    return reply.strip().lower() in ("y", "yes", "是")


def main(args: argparse.Namespace) -> int:
    """``kamlab submit EXERCISE [--pack DIR] [--yes]``: sign and pack the saved answer file
    (answers from ``--answers-dir``, else ``<pack>/kamlab-answers`` when ``--pack`` is given)."""
    from ..learner.exercise import load_sheet

    pack_dir = Path(args.pack) if args.pack else (Path(args.answers_dir).parent if args.answers_dir else Path("."))
    read_pack(pack_dir)  # a missing or old pack is reported before anything else
    folder = Path(args.answers_dir) if args.answers_dir else (pack_dir / "kamlab-answers" if args.pack else None)
    store = AnswerStore(args.exercise, folder)
    saved = store.load()
    if store.notice:
        print(store.notice)
    questions = saved.get("questions", {}) if isinstance(saved.get("questions"), dict) else {}
    if not questions:
        raise InputError("答案", f"没有找到练习“{args.exercise}”的已保存答案（{store.path}）：请先在笔记本中作答")
    problems = [f"{q.label}：{why}" for q, why in load_sheet(args.exercise).problems(questions)]
    if not _confirmed(problems, args.yes):
        print("已取消，未生成提交文件。", file=sys.stderr)
        return 1
    path = submit_answers(args.exercise, answers=questions, pack_dir=pack_dir, out=args.out, learner=args.learner)
    print(f"已生成提交文件 / Submission written: {path}\n下一步：把这个文件原样发给培训师（按培训师说明的方式），不要修改它；"
          "改了答案可重新生成再发，培训师以最后一次提交为准。")
    return 0
