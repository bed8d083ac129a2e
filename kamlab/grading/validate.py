"""Validating one submission file: bytes in, checked data out, or :class:`Rejected`.

Security: a submission is read as bytes (regular files only, at most :data:`MAX_BYTES`
+ 1 bytes), parsed with ``json`` and nothing else; no learner code or pickle is ever
loaded or run. A submission is rejected, with a Chinese reason, when it is too large, not
valid JSON (NaN/Infinity and absurd nesting included), of another schema, an old unsigned
file, missing a field or with a field of the wrong type, from a learner not in the roster
or without a token, for an unknown exercise or question, or when its signature does not
match the learner's token.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from . import submit
from .keys import exercise_ids, load_key

MAX_BYTES = 256 * 1024
FIELDS = {"schema": str, "version": int, "exercise": str, "assignment": str, "learner": str,
          "submitted_at": str, "answers": dict, "signature": str}
#: What each field is called in a message (the JSON name follows in brackets).
FIELD_NAMES = {"schema": "格式标识", "version": "版本", "exercise": "练习编号", "assignment": "作业编号", "learner": "学号",
               "submitted_at": "提交时间", "answers": "答案", "signature": "签名"}
TYPE_NAMES = {str: "文字", int: "整数", dict: "一组答案（JSON 对象）"}
ANSWER_TYPES: dict[str, tuple[type, ...]] = {
    "number": (str, int, float), "choice": (str,), "text": (str,), "table": (list,),
    "inputs": (dict,), "proposition": (dict,), "worksheet": (dict,)}


class Rejected(ValueError):
    """A submission that cannot be graded; ``str()`` is the reason in Chinese."""


def _field(name: str) -> str:
    return f"“{FIELD_NAMES.get(name, name)}”（{name}）"


def _wrong_type(name: str, kind: type, value: Any) -> Rejected:
    shown = f"文字“{value[:20]}”" if isinstance(value, str) else f"{json.dumps(value, ensure_ascii=False)[:20]}"
    return Rejected(f"字段{_field(name)}应为{TYPE_NAMES.get(kind, kind.__name__)}，当前为 {shown}")


def _no_constants(name: str) -> None:
    raise ValueError(f"非法数值 {name}")


def utc_stamp(text: str) -> str:
    """An ISO time stamp as UTC ISO text (no zone = UTC), for ordering versions."""
    moment = datetime.fromisoformat(text)
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def parse(raw: bytes, roster: dict[str, str], tokens: dict[str, str], known: set[str] | None = None) -> dict[str, Any]:
    """Validate one submission's bytes; return the data or raise :class:`Rejected`.

    ``known``: the exercise ids with a key (looked up when not given)."""
    if len(raw) > MAX_BYTES:
        raise Rejected(f"文件过大（{len(raw):,} 字节，上限 {MAX_BYTES:,}）")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except RecursionError:
        raise Rejected("不是有效的提交文件：JSON 嵌套过深") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise Rejected(f"不是有效的 JSON：{str(error)[:120]}") from None
    if not isinstance(data, dict) or data.get("schema") != submit.SCHEMA:
        raise Rejected("不是 kamlab 提交文件：应是学员在练习末尾点“生成提交文件”（或 kamlab submit）得到的 .json 文件")
    if not isinstance(data.get("version"), int) or isinstance(data.get("version"), bool):
        raise _wrong_type("version", int, data.get("version"))
    if data["version"] == 1 or "checksum" in data and "signature" not in data:
        raise Rejected("旧版未签名的提交文件，不再接受：请学员在新布置的练习文件夹中重新生成提交文件")
    if data.get("version") != submit.VERSION:
        raise Rejected(f"提交格式版本为 {str(data.get('version'))[:20]}，本程序只接受 {submit.VERSION}")
    for name, kind in FIELDS.items():
        if name not in data:
            raise Rejected(f"缺少字段{_field(name)}")
        if not isinstance(data[name], kind) or isinstance(data[name], bool):
            raise _wrong_type(name, kind, data[name])
    try:
        data["submitted_at_utc"] = utc_stamp(data["submitted_at"])
    except ValueError:
        raise Rejected(f"提交时间“{data['submitted_at'][:40]}”不是 ISO 时间") from None
    learner = data["learner"]
    if learner not in roster:
        raise Rejected(f"学号“{learner[:40]}”不在名单中")
    if data["exercise"] not in (known if known is not None else set(exercise_ids())):
        raise Rejected(f"没有编号为“{data['exercise'][:60]}”的练习")
    if not tokens.get(learner):
        raise Rejected(f"学员“{learner}”还没有提交令牌：请先用 kamlab assign 为其布置练习（令牌写在其练习文件夹中）")
    if not submit.verify({k: v for k, v in data.items() if k != "submitted_at_utc"}, tokens[learner]):
        raise Rejected(f"签名不符：文件在打包后被改动过，或不是用学员“{learner}”本人的练习文件夹生成的")
    _, questions = load_key(data["exercise"])
    for qid, value in data["answers"].items():
        if qid not in questions:
            raise Rejected(f"未知题号“{qid[:40]}”")
        if value is not None and (not isinstance(value, ANSWER_TYPES[questions[qid]["type"]]) or isinstance(value, bool)):
            raise Rejected(f"第“{qid}”题的答案类型不符")
    return data
