"""Worksheets: structured forms (PEST, five forces, account plan, canvas …).

A worksheet is data: ``kamlab/data/worksheets/<id>.json``::

    {"id": "ye-03-pest", "title": "PEST 分析工作表", "intro": "…",
     "sections": [{"title": "政治（P）", "fields": [
         {"key": "p_policy", "label": "相关政策", "hint": "…", "required": true}]}]}

:class:`Worksheet` validates answers (required fields named when empty) and
exports them to Markdown and Excel. The widget (:mod:`kamlab.widgets.worksheet`)
saves answers as they change through :class:`kamlab.learner.answers.AnswerStore`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from .export import AnswerDocument
from .packaged import packaged_json


@dataclass(frozen=True)
class Field:
    """One answer box."""

    key: str
    label: str
    hint: str = ""
    required: bool = False


@dataclass(frozen=True)
class Section:
    """A titled group of fields."""

    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Worksheet(AnswerDocument):
    """A worksheet's structure."""

    EXCEL_SHEET = "工作表"

    id: str
    title: str
    intro: str
    sections: tuple[Section, ...]

    @property
    def fields(self) -> list[Field]:
        """All fields in order."""
        return [f for s in self.sections for f in s.fields]

    def check(self, answers: dict[str, object]) -> dict[str, str]:
        """Clean answers (strings, stripped); raise naming every empty required field."""
        clean = {f.key: str(answers.get(f.key, "") or "").strip() for f in self.fields}
        missing = [f.label for f in self.fields if f.required and not clean[f.key]]
        if missing:
            raise InputError(self.title, f"以下必填项为空：{'、'.join(missing)}", missing)
        return clean

    def to_frame(self, answers: dict[str, object]) -> pd.DataFrame:
        """One row per field: 部分, 项目, 回答."""
        return pd.DataFrame(
            [(s.title, f.label, str(answers.get(f.key, "") or "").strip()) for s in self.sections for f in s.fields],
            columns=["部分", "项目", "回答"],
        )

    def to_markdown(self, answers: dict[str, object]) -> str:
        """The filled worksheet as Markdown."""
        lines = [f"# {self.title}", ""]
        for s in self.sections:
            lines += [f"## {s.title}", ""]
            for f in s.fields:
                text = str(answers.get(f.key, "") or "").strip() or "（未填写）"
                lines += [f"**{f.label}**", "", text, ""]
        return "\n".join(lines)


def parse_worksheet(data: object) -> Worksheet:
    """Build a :class:`Worksheet` from its JSON data, naming what is wrong."""
    if not isinstance(data, dict) or "id" not in data or not isinstance(data.get("sections"), list):
        raise InputError("工作表定义", "应包含 id 与 sections 列表", None)
    sections = []
    seen: set[str] = set()
    for s in data["sections"]:
        fields = []
        for f in s.get("fields", []):
            key = str(f.get("key", "")).strip()
            if not key or key in seen:
                raise InputError(f"工作表 {data['id']}·字段", f"key “{key}” 为空或重复", key)
            seen.add(key)
            fields.append(Field(key, str(f.get("label", key)), str(f.get("hint", "")), bool(f.get("required", False))))
        sections.append(Section(str(s.get("title", "")), tuple(fields)))
    return Worksheet(str(data["id"]), str(data.get("title", data["id"])), str(data.get("intro", "")), tuple(sections))


def load_worksheet(worksheet_id: str) -> Worksheet:
    """Load ``data/worksheets/<id>.json``."""
    return parse_worksheet(packaged_json("worksheets", worksheet_id,
                                         InputError("工作表", f"没有找到“{worksheet_id}”", worksheet_id)))
