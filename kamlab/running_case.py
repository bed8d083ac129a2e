"""The book's running cases, each fact held once (``kamlab/data/running_case.json``).

Two fictional firms run through the book: the 叶敦明 chapters' hydraulic-component
maker with five customers (ye-02, ye-03), and the 王渊 chapters' hydraulic-component
maker with its accounts A–F (wang-00 … wang-04, and the plan's example). Every number
is invented for teaching.

The sample tables the chapters load are built from these facts
(:func:`ye_candidates`, :func:`ye_internal`, :func:`wang_accounts`), and the plan's
example reads them too. Prose that states a fact is checked against it:
:func:`check_text` finds each way a chapter states a fact (the ``statements`` of the
data file: a regular expression whose group ``v`` captures the value said) and
returns a :class:`Contradiction` for every value that differs from the one held here.
Two chapters cannot then state different values for the same fact without one of
them being reported.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

CASES = ("ye", "wang")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


@cache
def _data() -> dict[str, Any]:
    text = resources.files("kamlab").joinpath("data/running_case.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class RunningCase:
    """One running case: its firm, its accounts and the ways prose states their facts."""

    key: str
    title: str
    company: Mapping[str, Any]
    accounts: Mapping[str, Mapping[str, Any]]
    statements: tuple[Mapping[str, Any], ...]

    def account(self, name: str) -> Mapping[str, Any]:
        """One account's facts (KeyError names the account)."""
        return self.accounts[name]

    def value(self, field: str, account: str = "") -> Any:
        """A fact: an account's field, or the company's when ``account`` is empty."""
        return self.accounts[account][field] if account else self.company[field]

    def frame(self, fields: Iterable[str]) -> pd.DataFrame:
        """The accounts as a table: 客户 then ``fields``, in the data file's order."""
        fields = list(fields)
        return pd.DataFrame([{"客户": name, **{f: facts[f] for f in fields}} for name, facts in self.accounts.items()],
                            columns=["客户", *fields])


def load_case(key: str) -> RunningCase:
    """The running case ``"ye"`` or ``"wang"``."""
    case = _data()[key]
    return RunningCase(key, case["title"], case["company"], case["accounts"], tuple(case["statements"]))


# --- the sample tables built from the facts ---------------------------------------------

def ye_candidates() -> pd.DataFrame:
    """ye-02's five candidates: first order (万元), growth, its rise a year, influence."""
    return load_case("ye").frame(["首单金额", "首年增长率", "增速每年加快", "行业影响力"])


def ye_internal() -> pd.DataFrame:
    """ye-03's internal diagnosis: the same five customers in the year after the first order.

    Sales are that second year's (first order × (1 + first-year growth)); 品牌标杆价值 is the
    same 0–10 score as ye-02's 行业影响力.
    """
    frame = load_case("ye").frame(["第二年销售额", "净利润", "行业影响力", "供应商排名"])
    return frame.rename(columns={"第二年销售额": "销售额", "行业影响力": "品牌标杆价值"})


WANG_ACCOUNT_COLUMNS = ("销售额", "未来销售收入和利润", "财务安全", "相互关系", "影响力", "相对实力", "易损性")


def wang_accounts(margin: bool = False) -> pd.DataFrame:
    """wang-01's six accounts (sales in 万元, the four criteria 0–10, strength, vulnerability);
    with ``margin`` also each account's 毛利 (万元)."""
    return load_case("wang").frame([*WANG_ACCOUNT_COLUMNS, *(("毛利",) if margin else ())])


# --- prose against the facts ------------------------------------------------------------

@dataclass(frozen=True)
class Statement:
    """A fact found stated in a text."""

    case: str
    account: str
    field: str
    said: Any
    held: Any
    where: str
    excerpt: str
    pattern: str = ""

    @property
    def agrees(self) -> bool:
        return _same(self.said, self.held)


@dataclass(frozen=True)
class Contradiction:
    """A fact stated with a value that differs from the one held in the running case."""

    statement: Statement

    def __str__(self) -> str:
        s = self.statement
        who = f"{s.account}·" if s.account else ""
        return f"{s.where}：{who}{s.field} 写作 {s.said}，案例数据为 {s.held}（“{s.excerpt}”）"


def _number(text: str) -> float | None:
    text = text.replace(",", "").strip()
    if text in _CN_DIGITS:
        return float(_CN_DIGITS[text])
    try:
        return float(text)
    except ValueError:
        return None


def _numbers(value: Any) -> list[float] | None:
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list | tuple):
        out = [_number(str(v)) for v in value]
    else:
        text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", str(value).strip())  # 1,200 is one number
        parts = re.split(r"[、,，|\s]+", text)
        out = [_number(p) for p in parts if p]
    return None if any(v is None for v in out) else [float(v) for v in out]  # type: ignore[arg-type]


def _same(said: Any, held: Any) -> bool:
    if isinstance(held, list) and held and isinstance(held[0], str):  # a set of names: "member"
        return str(said) in held
    a, b = _numbers(said), _numbers(held)
    if a is not None and b is not None:
        return len(a) == len(b) and all(abs(x - y) <= 1e-6 * max(1.0, abs(y)) for x, y in zip(a, b, strict=True))
    return str(said).strip() == str(held).strip()


def find_statements(text: str, where: str = "", cases: Iterable[str] = CASES) -> list[Statement]:
    """Every running-case fact stated in ``text``, with the value said and the value held."""
    found: list[Statement] = []
    for key in cases:
        case = load_case(key)
        for spec in case.statements:
            field, pattern = spec["field"], spec["pattern"]
            if "{name}" in pattern:
                targets = [n for n, facts in case.accounts.items() if field in facts]
            else:
                targets = [spec.get("account", "")]
            for account in targets:
                regex = re.compile(pattern.replace("{name}", re.escape(account)))
                held = case.value(field, account)
                for match in regex.finditer(text):
                    groups = match.groupdict()
                    if spec.get("product"):  # "20 批、每批 5 套": the fact is the product
                        said: Any = f"{math.prod(float(v) for v in groups.values()):g}"
                    else:
                        said = groups["v"] if "v" in groups else dict(groups)
                    excerpt = match.group(0)[:60]
                    found.append(Statement(key, account, field, said, held, where, excerpt, pattern))
    return found


def check_text(text: str, where: str = "", cases: Iterable[str] = CASES) -> list[Contradiction]:
    """The running-case facts ``text`` states with a value other than the one held."""
    return [Contradiction(s) for s in find_statements(text, where, cases) if not s.agrees]
