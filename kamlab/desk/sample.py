"""A generated class for trying the desk, its tests and its figures.

:func:`answers` writes a plausible answer to every question of an exercise from its
key (numbers right or off, a choice, a sentence that hits some rubric points, a
filled worksheet, a four-quadrant proposition); :func:`signed` packs it as the
learner's notebook would (signed with the learner's token from the gradebook,
which ``assign`` made). Seeded, so the same class comes out every time.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from ..grading import gradebook, submit
from ..grading.keys import load_key

#: Five exercises with every kind of question the desk renders (texts, a worksheet, a proposition).
FIVE = ("wang-01-quantify", "wang-01-proposition", "ding-04-canvas", "wang-02-df-price", "ye-04-synergy")

_SENTENCES = ("客户吸引力高，但我方相对实力不足，应选择性投入资源。",
              "优先补齐交付与服务的短板，提升客户满意度。",
              "安排高层拜访，建立决策层关系，下一步制定季度计划。",
              "这份分析还不够具体，需要更多数据支持。")


def _number(q: dict[str, Any], rng: random.Random) -> str:
    expected = float(q["key"]["expected"])
    return f"{expected:g}" if rng.random() < 0.7 else f"{expected * rng.uniform(0.5, 1.5):.3g}"


def answer(q: dict[str, Any], rng: random.Random) -> Any:
    """A plausible answer to one question."""
    key, kind = q["key"], q["type"]
    if kind == "number":
        return _number(q, rng)
    if kind == "choice":
        expected = key["expected"][0] if isinstance(key["expected"], list) else key["expected"]
        return expected if rng.random() < 0.7 else "其他"
    if kind == "text":
        model = key.get("model_answer", "")
        return model if model and rng.random() < 0.4 else "".join(rng.sample(_SENTENCES, k=rng.randint(1, 3)))
    if kind == "worksheet":
        return {field: f"{label}：{rng.choice(_SENTENCES)}" for field, label in key["required"].items()}
    if kind == "inputs":
        return {name: value for name, value in key["expected"].items()}
    if kind == "table":
        columns = q.get("columns") or key.get("required", ["内容"])
        return [{c: f"{c}{i}" for c in columns} for i in range(int(key.get("min_rows", 1)))]
    if kind == "proposition":
        q1 = [{"指标": "保修故障率", "现状": "2.0", "目标": "0.8", "单位": "%", "年价值": "900000"},
              {"指标": "客户自有库存", "现状": "300", "目标": "180", "单位": "万元",
               "年价值": rng.choice(["120000", "12000"])}]
        return {"account": "北方重卡", "q1": q1, "q2": "驻厂工程师\n季度技术交流",
                "q3": rng.choice(["三年框架协议\n联合开发", ""]), "q4": [{"指标": "故障率", "频率": "每月", "负责人": "质量经理"}]}
    return ""


def answers(exercise: str, rng: random.Random) -> dict[str, Any]:
    """Answers to every question of ``exercise``."""
    sheet, questions = load_key(exercise)
    return {q.id: answer(questions[q.id], rng) for q in sheet.questions}


def signed(db: str | Path, learner: str, exercise: str, given: dict[str, Any],
           submitted_at: str | None = None) -> tuple[str, bytes]:
    """A submission as the learner's notebook writes it: (file name, JSON bytes)."""
    con = gradebook.connect(db, readonly=True)
    try:
        token = gradebook.tokens(con)[learner]
    finally:
        con.close()
    data = submit.pack(exercise, learner, given, f"{exercise}-sample", submitted_at, token=token)
    return submit.file_name(data), json.dumps(data, ensure_ascii=False).encode("utf-8")


def roster(n: int) -> dict[str, str]:
    """``n`` learners: L001 … with Chinese names."""
    family = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
    return {f"L{i:03d}": family[(i - 1) % len(family)] + given[(i * 7) % len(given)] for i in range(1, n + 1)}


def roster_csv(names: dict[str, str], encoding: str = "gbk") -> bytes:
    """The roster as Excel on Chinese Windows saves it (GBK CSV by default)."""
    lines = ["学号,姓名", *(f"{lid},{name}" for lid, name in names.items())]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
