"""Generate the illustrative sample data for the 丁兴良 chapters (ding-01 … ding-04).

Run ``.venv/bin/python scripts/data_ding.py``; it rewrites ``kamlab/data/ding_*.csv``.
Everything is **illustrative**, not real company data: an imagined industrial
supplier (pumps, valves and automation parts) with ~300 customers. The random
generator is seeded with ``SEED = 20200423`` (the date on the course slides), so
the files are identical on every run.

Files:
- ``ding_customers.csv``: 300 customers: 客户, 行业, 销售额 (万元/年), 毛利率 (%),
  服务成本 (万元/年), 利润 (万元/年) = 销售额 × 毛利率 − 服务成本. A few very
  large buyers get deep discounts and heavy service, so ranking by revenue and by
  profit disagree (the course's misconceptions 单一指标 and 大额产品=大客户).
- ``ding_industries.csv``: eight target industries scored 0–10 on the seven
  industry factors of seed 004 (10 = most favourable to us).
- ``ding_competitors.csv``: product lines × suppliers, competitive strength 0–10.
- ``ding_offers.csv``: four offers for one tender: price (万元) and 0–10 scores on
  the value criteria of seed 003.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20200423
N_CUSTOMERS = 300
OUT = Path(__file__).resolve().parents[1] / "kamlab" / "data"

INDUSTRIES = ["电力", "化工", "冶金", "市政水务", "石油石化", "制药", "食品饮料", "建筑楼宇"]
INDUSTRY_P = [0.16, 0.16, 0.12, 0.14, 0.08, 0.10, 0.12, 0.12]
FACTORS = ["市场容量", "增长速度", "客户认知", "竞争程度", "实施难易", "资金与信用", "政府支持"]


def customers(rng: np.random.Generator) -> pd.DataFrame:
    """300 customers with a heavy-tailed revenue and a profit that is not revenue."""
    sales = rng.lognormal(mean=3.0, sigma=1.35, size=N_CUSTOMERS)  # 万元; median ≈ 20
    margin = rng.normal(28, 5, size=N_CUSTOMERS).clip(12, 42)  # gross margin %
    # the biggest buyers negotiate harder: margin falls with size
    big = sales > np.quantile(sales, 0.93)
    margin[big] -= rng.uniform(8, 14, size=big.sum())
    # service cost: a fixed part (visits, quotes) plus a part that grows with demands
    service = 0.6 + 0.05 * sales + rng.gamma(1.2, 0.6, size=N_CUSTOMERS)
    service[big] += 0.06 * sales[big]
    table = pd.DataFrame({
        "客户": [f"客户{i:03d}" for i in range(1, N_CUSTOMERS + 1)],
        "行业": rng.choice(INDUSTRIES, size=N_CUSTOMERS, p=INDUSTRY_P),
        "销售额": sales.round(1),
        "毛利率": margin.round(1),
        "服务成本": service.round(1),
    })
    table["利润"] = (table["销售额"] * table["毛利率"] / 100 - table["服务成本"]).round(2)
    return table


def industries(rng: np.random.Generator) -> pd.DataFrame:
    """Eight industries × seven factors, integer scores 2–9."""
    base = rng.integers(3, 9, size=(len(INDUSTRIES), len(FACTORS)))
    scores = pd.DataFrame(base, columns=FACTORS)
    scores.insert(0, "行业", INDUSTRIES)
    # a couple of deliberate profiles so the three priority classes all appear
    scores.loc[0, FACTORS] = [9, 6, 8, 5, 7, 8, 8]  # 电力: big, solvent, policy-backed
    scores.loc[3, FACTORS] = [7, 8, 6, 6, 6, 7, 9]  # 市政水务
    scores.loc[5, FACTORS] = [4, 7, 5, 4, 5, 6, 4]  # 制药
    scores.loc[7, FACTORS] = [5, 3, 4, 3, 6, 3, 4]  # 建筑楼宇: crowded, slow payers
    return scores


def competitors() -> pd.DataFrame:
    """Product lines × suppliers, strength 0–10 (hand-set illustration)."""
    return pd.DataFrame({
        "产品线": ["离心泵", "计量泵", "调节阀", "变频控制柜", "远程运维服务"],
        "我方": [9, 6, 5, 8, 8],
        "对手甲": [8, 5, 7, 6, 4],
        "对手乙": [6, 8, 6, 5, 3],
        "对手丙": [5, 4, 8, 8, 6],
    })


def offers() -> pd.DataFrame:
    """Four offers for one tender (hand-set illustration)."""
    return pd.DataFrame({
        "方案": ["我方", "对手甲", "对手乙", "对手丙"],
        "价格": [112, 100, 92, 135],
        "品牌": [8, 7, 5, 9],
        "技术": [8, 7, 6, 9],
        "服务": [9, 6, 5, 7],
        "行业标准": [7, 7, 6, 8],
        "反应速度": [9, 6, 6, 6],
        "成功案例": [7, 8, 4, 9],
        "公司规模": [6, 7, 5, 9],
    })


def main() -> None:
    rng = np.random.default_rng(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    customers(rng).to_csv(OUT / "ding_customers.csv", index=False)
    industries(rng).to_csv(OUT / "ding_industries.csv", index=False)
    competitors().to_csv(OUT / "ding_competitors.csv", index=False)
    offers().to_csv(OUT / "ding_offers.csv", index=False)


if __name__ == "__main__":
    main()
