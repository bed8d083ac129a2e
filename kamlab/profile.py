"""A learner's company profile: the starting point of every calculator.

The book's calculators start from an illustrative firm (the sample tables in
``kamlab/data``). A learner who works on their own company enters its name,
industry and unit of money once, and brings their own account list (imported in
wang-01 or in the profile form). Every chapter's table calculator then starts from
those accounts instead of the example's; :data:`EXAMPLE` (``use_example=True``) is
one click back to the book's example.

Pure: the widget layer reads and saves the profile (``kamlab-answers/profile.json``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import InputError
from .text_clean import clean_text

#: Units of money a learner may choose; the book's examples use 万元.
UNITS = ("元", "千元", "万元", "百万元", "亿元")


@dataclass(frozen=True)
class CompanyProfile:
    """Who the plan is for.

    Attributes:
        company: the learner's company name.
        industry: its industry.
        unit: unit of money used in every calculator (one of :data:`UNITS`).
        accounts: the learner's account list, rows of text keyed by header
            (``客户``, ``销售额``, ``利润`` and any other column they brought).
        use_example: start calculators from the book's example, not these accounts.
    """

    company: str
    industry: str = ""
    unit: str = "万元"
    accounts: tuple[dict[str, str], ...] = field(default=())
    use_example: bool = False

    @property
    def is_example(self) -> bool:
        """Calculators start from the book's example data."""
        return self.use_example or not self.accounts

    @property
    def account_names(self) -> list[str]:
        """The learner's account names, in order."""
        return [r.get("客户", "") for r in self.accounts if r.get("客户", "")]

    def with_accounts(self, rows: Sequence[Mapping[str, object]]) -> CompanyProfile:
        """The same profile with a new account list (and no longer the example)."""
        return replace(self, accounts=_rows(rows), use_example=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, as saved."""
        return {"company": self.company, "industry": self.industry, "unit": self.unit,
                "accounts": [dict(r) for r in self.accounts], "use_example": self.use_example}


#: The book's illustrative firm (used when the learner has not entered a profile).
EXAMPLE = CompanyProfile(company="示例企业（本书虚构）", industry="工程机械配套", unit="万元", use_example=True)


def _rows(rows: Sequence[Mapping[str, object]]) -> tuple[dict[str, str], ...]:
    return tuple({clean_text(str(k)).strip(): "" if v is None else clean_text(str(v)).strip() for k, v in r.items()}
                 for r in rows)


def make_profile(company: object, industry: object = "", unit: object = "万元",
                 accounts: Sequence[Mapping[str, object]] = (), use_example: bool = False) -> CompanyProfile:
    """A checked profile: a company name, a known unit, accounts with unique names."""
    name = clean_text(str(company or "")).strip()
    if not name:
        raise InputError("公司名称", "不能为空：请填写你所在公司的名称")
    if len(name) > 60:
        raise InputError("公司名称", f"过长（{len(name)} 个字），请不超过 60 个字", name)
    unit_text = str(unit or "").strip()
    if unit_text not in UNITS:
        raise InputError("金额单位", f"应为 {'、'.join(UNITS)} 之一，当前为“{unit_text}”", unit_text)
    rows = _rows(accounts)
    seen: set[str] = set()
    for i, row in enumerate(rows, 1):
        account = row.get("客户", "")
        if not account:
            raise InputError("客户名单", f"第 {i} 行的“客户”为空", i)
        if account in seen:
            raise InputError("客户名单", f"客户“{account}”出现了两次（第 {i} 行）", account)
        seen.add(account)
    return CompanyProfile(name, clean_text(str(industry or "")).strip(), unit_text, rows, bool(use_example))


def profile_from_dict(data: object) -> CompanyProfile:
    """A saved profile back; anything unusable gives an ``InputError`` (the caller keeps the example)."""
    if not isinstance(data, Mapping):
        raise InputError("公司档案", "保存的档案格式不对，已改用本书示例")
    accounts = data.get("accounts", [])
    if not isinstance(accounts, list) or not all(isinstance(r, Mapping) for r in accounts):
        raise InputError("公司档案", "保存的客户名单格式不对，已改用本书示例")
    return make_profile(data.get("company", ""), data.get("industry", ""), data.get("unit", "万元"),
                        accounts, bool(data.get("use_example", False)))


def recover_profile(data: object) -> tuple[CompanyProfile, str] | None:
    """What can be kept of a saved profile that :func:`profile_from_dict` refuses.

    A repeated or blank account name keeps the first row of each name (the others are
    named in the returned Chinese note); a profile whose company, unit or list is
    unusable is not recovered (``None``).
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("accounts", []), list):
        return None
    kept: list[Mapping[str, object]] = []
    seen: set[str] = set()
    dropped: list[str] = []
    for i, row in enumerate(data.get("accounts", []), 1):
        if not isinstance(row, Mapping):
            return None
        name = "" if row.get("客户") is None else str(row.get("客户")).strip()
        if not name or name in seen:
            dropped.append(f"第 {i} 行（{'空名称' if not name else '重复的“' + name + '”'}）")
            continue
        seen.add(name)
        kept.append(row)
    try:
        profile = make_profile(data.get("company", ""), data.get("industry", ""), data.get("unit", "万元"),
                               kept, bool(data.get("use_example", False)))
    except InputError:
        return None
    return profile, f"保留了 {len(kept)} 家客户，略去 {'、'.join(dropped[:5])}{'等' if len(dropped) > 5 else ''}"


def starting_rows(profile: CompanyProfile, columns: Sequence[str],
                  example: Sequence[Mapping[str, object]]) -> list[dict[str, str]]:
    """A table calculator's first rows: the learner's accounts in its columns, or the example.

    Columns the learner's list does not have are left blank for them to fill
    (the calculator names the first blank cell); the example is returned as text
    when the profile is the example or has no accounts.
    """
    if profile.is_example or "客户" not in columns:
        return [{c: "" if r.get(c) is None else str(r.get(c)) for c in columns} for r in example]
    return [{c: row.get(c, "") for c in columns} for row in profile.accounts]


def money_label(profile: CompanyProfile, what: str = "销售额") -> str:
    """A header with the profile's unit: ``销售额（万元）``."""
    return f"{what}（{profile.unit}）"
