"""内部诊断四法: the key-account business seen from inside the firm (叶敦明 第三讲).

The course names four internal measures — 销售额占比, 利润净值, 品牌标杆价值贡献,
行业竞争地位 — and no more. This table is **the book's reading** of them, per key
account:

* 销售额占比 = account sales ÷ company sales (%);
* 利润净值 = the account's net profit; 净利率 = net profit ÷ sales (%);
  利润占比 = net profit ÷ company net profit (%);
* 品牌标杆价值 = a 0–10 team rating of how much the account is worth as a
  reference case for our brand;
* 行业竞争地位 = our rank among the account's suppliers (1 = first supplier).

The book's flags: 利润偏薄 when the account's net margin is below the company's;
品牌标杆 when brand value ≥ 7; 首选供应商 at rank 1; 地位待提升 at rank ≥ 3.

By hand (company 6,000 万元 sales, 360 万元 net profit = 6 %): an account with
300 sales and 6 profit has 300/6000 = 5 % of sales, 6/300 = 2 % margin (< 6 %:
利润偏薄) and 6/360 = 1.67 % of profit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _checks
from .result import TableResult

BRAND_CUT = 7
WEAK_RANK = 3
COLUMNS = ("客户", "销售额", "净利润", "品牌标杆价值", "供应商排名")


@dataclass(frozen=True)
class DiagnosisResult(TableResult):
    """Per-account internal diagnosis plus the key-account totals.

    Attributes:
        table: 客户, 销售额, 销售额占比(%), 净利润, 净利率(%), 利润占比(%),
            品牌标杆价值, 供应商排名, 诊断.
        company_sales, company_profit: the company totals (万元).
    """

    table: pd.DataFrame
    company_sales: float
    company_profit: float

    @property
    def totals(self) -> dict[str, float]:
        """Key-account sales share, profit share and net margin vs the company's (%)."""
        sales, profit = float(self.table["销售额"].sum()), float(self.table["净利润"].sum())
        return {
            "大客户销售额占比": round(100 * sales / self.company_sales, 4),
            "大客户利润占比": round(100 * profit / self.company_profit, 4) if self.company_profit else float("nan"),
            "大客户净利率": round(100 * profit / sales, 4) if sales else float("nan"),
            "公司净利率": round(100 * self.company_profit / self.company_sales, 4),
        }

    def _repr_html_(self) -> str:
        t = self.totals
        return self.table.to_html(index=False, float_format=lambda v: f"{v:,.2f}") + (
            f"<p>大客户合计：销售额占比 {t['大客户销售额占比']:.2f}%，利润占比 {t['大客户利润占比']:.2f}%，"
            f"净利率 {t['大客户净利率']:.2f}%（公司整体 {t['公司净利率']:.2f}%）</p>"
        )


def diagnose_accounts(accounts: pd.DataFrame, company_sales: object, company_profit: object) -> DiagnosisResult:
    """Build the internal diagnosis table.

    Args:
        accounts: columns 客户, 销售额 (万元, ≥ 0), 净利润 (万元, may be negative),
            品牌标杆价值 (0–10), 供应商排名 (integer ≥ 1).
        company_sales: the whole company's sales (万元, > 0, ≥ the accounts' sum).
        company_profit: the whole company's net profit (万元).
    """
    total = _checks.to_number(company_sales, "公司销售额")
    if total <= 0:
        raise _checks.InputError("公司销售额", f"应大于 0，当前为 {total:g}", company_sales)
    profit_total = _checks.to_number(company_profit, "公司净利润")
    _checks.non_empty(accounts, "大客户内部诊断表")
    for col in COLUMNS:
        if col not in accounts.columns:
            raise _checks.InputError("大客户内部诊断表", f"缺少列“{col}”", col)
    names = _checks.names(accounts["客户"], "大客户内部诊断表·客户")
    field = "大客户内部诊断表"
    sales = _checks.numeric_frame(accounts, ["销售额"], field, 0, None, row_label="客户")["销售额"]
    profit = _checks.numeric_frame(accounts, ["净利润"], field, row_label="客户")["净利润"]
    brand = _checks.numeric_frame(accounts, ["品牌标杆价值"], field, 0, 10, row_label="客户")["品牌标杆价值"]
    rank = _checks.numeric_frame(accounts, ["供应商排名"], field, 1, None, row_label="客户")["供应商排名"]
    if (rank != rank.round()).any():
        who = names[int((rank != rank.round()).to_numpy().argmax())]
        raise _checks.InputError(f"{field}·“{who}”·供应商排名", "应为整数（1 表示第一供应商）", None)
    if sales.sum() > total:
        raise _checks.InputError("公司销售额", f"小于大客户销售额合计 {sales.sum():g}，请检查", company_sales)
    company_margin = 100 * profit_total / total
    account_margin = (100 * profit / sales.where(sales > 0)).round(4)
    notes = []
    for m, b, r in zip(account_margin, brand, rank, strict=True):
        flags = []
        if m == m and m < company_margin:
            flags.append("利润偏薄")
        if b >= BRAND_CUT:
            flags.append("品牌标杆")
        if r == 1:
            flags.append("首选供应商")
        elif r >= WEAK_RANK:
            flags.append("地位待提升")
        notes.append("、".join(flags) or "—")
    table = pd.DataFrame({
        "客户": list(names), "销售额": sales.to_numpy(), "销售额占比(%)": (100 * sales / total).round(4).to_numpy(),
        "净利润": profit.to_numpy(), "净利率(%)": account_margin.to_numpy(),
        "利润占比(%)": ((100 * profit / profit_total).round(4) if profit_total else profit * float("nan")).to_numpy(),
        "品牌标杆价值": brand.to_numpy(), "供应商排名": rank.astype(int).to_numpy(), "诊断": notes,
    })
    return DiagnosisResult(table, total, profit_total)
