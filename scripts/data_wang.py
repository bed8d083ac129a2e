"""Write the illustrative sample tables of chapters wang-02 and wang-03.

The same invented supplier as chapter wang-01 (a mid-sized maker of hydraulic
components, 液压元件) and its accounts A–F. Nothing here describes a real
company; amounts are in 万元.

* ``wang_benefit_needs.csv`` / ``wang_benefit_scores.csv``: 客户效益需求与竞争排名
  评估表 for account A (an excavator maker): five benefit needs weighted to 100
  and 0–10 scores for us and two competitors, hand-chosen so the chapter's
  arithmetic can be redone with a pencil (我方 7.55, 对手甲 7.30, 对手乙 6.35).
* ``wang_pipeline.csv``: sixteen open opportunities across the eight development
  stages, fixed counts per stage ``STAGE_COUNTS`` (3, 3, 2, 2, 2, 2, 1, 1: a
  funnel). Accounts and amounts are drawn with ``numpy.random.default_rng(SEED)``,
  ``SEED = 20240501``; amounts are lognormal around 150 万元, rounded to 5 万元,
  the size of an OEM hydraulic-component project.
* ``wang_purchases.csv``: account A's purchasing portfolio as the supplier
  imagines it (Kraljic): eight categories with 0–10 profit-impact and
  supply-risk scores and yearly purchase value; hand-chosen so every quadrant
  holds at least one category and our own category (液压系统) is strategic.

Run: ``.venv/bin/python scripts/data_wang.py``
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "kamlab" / "data"
SEED = 20240501
STAGES = ("信息收集", "过滤", "方案打磨", "品牌推荐", "挖掘需求", "关键人私约", "商务公关", "意向达成")

NEEDS = [("交付准时", 30), ("产品可靠性", 25), ("技术支持与联合开发", 20), ("总拥有成本", 15), ("本地服务响应", 10)]
SCORES = [
    ("我方", 8, 7, 8, 6, 9),
    ("对手甲（国际品牌）", 7, 9, 8, 5, 6),
    ("对手乙（本土低价）", 6, 6, 5, 9, 7),
]
PURCHASES = [
    # 品类, 利润影响, 供应风险, 采购额（万元/年）
    ("发动机", 9, 8, 42000),
    ("液压系统（泵阀马达）", 8, 7, 18000),
    ("钢板与结构件", 8, 3, 25000),
    ("轮胎", 6, 4, 6000),
    ("专用电控芯片", 3, 9, 1500),
    ("特种密封件", 3, 6, 900),
    ("紧固件", 2, 2, 1200),
    ("劳保与办公用品", 1, 1, 300),
]
ACCOUNTS = ("A 挖掘机厂", "B 起重机厂", "C 农机厂", "D 注塑机厂", "E 矿山设备厂", "F 小型机械厂")
STAGE_COUNTS = (3, 3, 2, 2, 2, 2, 1, 1)  # opportunities per stage: a funnel
PROJECTS = ("新机型配套", "年度框架", "售后备件", "出口机型", "电动化改型", "国产替代")


def pipeline() -> pd.DataFrame:
    """Sixteen opportunities: fixed stage counts, seeded accounts and amounts."""
    rng = np.random.default_rng(SEED)
    stages = np.repeat(np.arange(len(STAGES)), STAGE_COUNTS)
    n = len(stages)
    amounts = np.round(rng.lognormal(np.log(150), 0.6, size=n) / 5) * 5
    accounts = rng.choice(len(ACCOUNTS), size=n)
    rows = []
    for k in range(n):
        account = ACCOUNTS[accounts[k]]
        rows.append((f"P{k + 1:02d} {account[0]}-{PROJECTS[k % len(PROJECTS)]}", account,
                     STAGES[stages[k]], float(amounts[k])))
    return pd.DataFrame(rows, columns=["机会", "客户", "阶段", "金额"])


def main() -> list[Path]:
    """Write every table (UTF-8) and return the paths."""
    tables = {
        "wang_benefit_needs": pd.DataFrame(NEEDS, columns=["需求", "权重"]),
        "wang_benefit_scores": pd.DataFrame(SCORES, columns=["供应商", *[n for n, _ in NEEDS]]),
        "wang_pipeline": pipeline(),
        "wang_purchases": pd.DataFrame(PURCHASES, columns=["品类", "利润影响", "供应风险", "采购额"]),
    }
    paths = []
    for name, table in tables.items():
        path = DATA / f"{name}.csv"
        table.to_csv(path, index=False, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in main():
        print(p)
