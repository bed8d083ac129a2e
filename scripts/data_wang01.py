"""Write ``kamlab/data/wang01_accounts.csv``: the worked case of chapter wang-01.

An illustrative industrial supplier of hydraulic components (液压元件) and six of
its accounts, all invented by the book and held once in ``kamlab/data/running_case.json``
(the running case). The values are hand-chosen (no random
numbers) so that the chapter's arithmetic can be redone with a pencil:

* 销售额: current annual sales to the account, in 万元 (150–1,200 万元, the range
  of a mid-sized hydraulic supplier's larger OEM customers);
* 未来销售收入和利润, 财务安全, 相互关系, 影响力: the four selection criteria of
  王渊's course, each scored 0–10 by the supplier's team;
* 相对实力: our weighted score on the account's buying criteria divided by the
  strongest competitor's (account A is worked in the chapter: 7.2 / 6.0 = 1.2);
* 易损性: the book's own vulnerability score, 0–10 (account A is worked in the
  chapter: 8×30/100 + 6×30/100 + 5×20/100 + 4×20/100 = 6.0).

With the default weights 40/20/20/20 the attractiveness scores are 8.4, 6.8,
6.0, 5.0 (exactly on the default cut-line), 4.6 and 3.8, so every quadrant of
the selection matrix gets at least one account.

Run: ``.venv/bin/python scripts/data_wang01.py``
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kamlab import running_case

OUT = Path(__file__).resolve().parents[1] / "kamlab" / "data" / "wang01_accounts.csv"

def build() -> pd.DataFrame:
    """The account table as a DataFrame (the running case, ``kamlab/data/running_case.json``)."""
    return running_case.wang_accounts()


def main() -> Path:
    """Write the CSV (UTF-8) and return its path."""
    build().to_csv(OUT, index=False, encoding="utf-8")
    return OUT


if __name__ == "__main__":
    print(main())
