"""Content defects of issue 20 §4, each checked where it was found (chapter, quiz or exercise key).

Each test reads the text a learner sees and fails on the wording that was wrong before.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cells(chapter: str) -> list[str]:
    nb = json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]]


def _cell(chapter: str, marker: str) -> str:
    [text] = [c for c in _cells(chapter) if marker in c]
    return text


def _outputs(chapter: str, marker: str) -> str:
    nb = json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    [cell] = [c for c in nb["cells"] if marker in "".join(c["source"])]
    return "".join("".join(o.get("text", "")) for o in cell.get("outputs", []))


def _key(exercise: str) -> str:
    return (ROOT / "exercises" / "src" / f"{exercise}.key.json").read_text(encoding="utf-8")


def test_ding01_tiers_round_up_like_the_pyramid_model():
    text = _cell("ding-01", "### 工具：客户金字塔")
    assert "四舍五入" not in text and "进一位" in text
    from kamlab.pareto import top_count

    assert top_count(6, 20) == 2  # 6 × 20 % = 1.2 → 2, as the text now says


def test_wang02_raw_and_weighted_gaps_are_told_apart_and_the_quiz_agrees():
    text = _cell("wang-02", "先看权重再下结论")
    assert "差 3 分" in text and "−0.50" in text and "−0.45" in text and "拖累总分最多的是可靠性" in text
    assert all(len(s) < 130 for s in text.replace("\n", "。").split("。"))  # no 130-character sentences
    quiz = (ROOT / "kamlab/data/quiz/wang-02.json").read_text(encoding="utf-8")
    assert "行动计划应先补它" not in quiz and "可靠性落后 2 分却因权重 25 拖累 −0.50" in quiz


def test_wang02_tender_ceiling_is_rounded_down():
    # 40 + 13 + 40 × 450 ÷ P ≥ 87.50: 521.74 gives 87.49994, so the safe bid is 521.73
    assert 53 + 18000 / 521.74 < 87.5 <= 53 + 18000 / 521.73
    assert math.floor(18000 / 34.5 * 100) / 100 == 521.73
    assert "**521.73 万元**" in _cell("wang-02", "18,000 ÷ P ≥ 34.50")
    assert "不被对手甲反超的最高报价：521.73 万元" in _outputs("wang-02", "ceiling = math.floor")


def test_clv_chapters_explain_four_paid_years_against_five():
    assert "r / (1 − r) = 0.8 / 0.2 = **4 年**" in _cell("wang-03", "### 1. 管理客户终生价值")
    assert "0.8 ÷ (1 − 0.8) = 4 年" in _cell("ding-01", "**与王渊第三讲的客户终生价值对照。**")


def test_j_rivals_lots_have_a_timeline_for_weak_before_strong():
    text = (ROOT / "exercises/src/wang-02-j-rivals.md").read_text(encoding="utf-8")
    assert "6 月开标、7 月定标" in text and "9 月开标、10 月定标" in text


def test_pipeline_key_counts_shunda_in_the_forecast():
    key = _key("wang-02-pipeline")
    assert "本季度不计入" not in key and "只占 15 万元（300 × 5%）" in key


def test_canvas_key_uses_social_capital_in_ding04s_sense():
    key = _key("ding-04-canvas")
    assert "最薄弱的是借助客户的社会资本" not in key and "口碑和人脉为我们带来新的客户资源" in key
    assert "借助大客户的口碑和人脉网络" in _cell("ding-04", "用好大客户的社会资本")


def test_ding01_and_ding02_agree_on_the_four_segments():
    assert "客户的四种细分" in _cell("ding-02", "## 四、第三步")
    ding01 = _cell("ding-01", "## 六、客户价值计分卡与客户的四种")
    assert "课程材料没有展开这两个工具的内容" not in ding01 and "第二讲第四节" in ding01


def test_quantify_concentration_text_matches_its_score():
    text = (ROOT / "exercises/src/wang-01-quantify.md").read_text(encoding="utf-8")
    assert "大多集中在一位采购经理" not in text and "四成左右集中在一位采购经理" in text
    assert '"华东重工得分": [7, 6, 4, 3]' in text  # 4 < the 5 that wang-01 gives A's half-concentration
    assert "关系有一半集中在一位采购经理身上（5 分）" in _cell("wang-01", "#### 视角二")


def test_no_lessons_read_into_bare_names():
    assert "读出的提示" not in _cell("wang-02", "特吕茨机械的包装箱")
    tiers = _cell("ding-01", "## 五、金字塔模型")
    assert "服务尊严" not in tiers and "被尊重的地位" not in tiers
    quiz = (ROOT / "kamlab/data/quiz/wang-00.json").read_text(encoding="utf-8")
    assert "为例要说明的" not in quiz and "材料只有案例名称" in quiz


def test_citations_carry_their_titles():
    refs = _cell("wang-01", "## 出处与延伸阅读")
    assert "Woodburn, D. & McDonald, M. (2011). *Key Account Management: The Definitive Guide* (3rd ed.)" in refs
    assert "*Key Customers" not in refs and "Millman, T. & Wilson, K. (1995).（" not in refs
    assert "*Organising for Key Account Management*" in refs and "12 steps to key account management portfolio" in refs
    assert "原文未能核实" in _cell("ding-03", "## 出处与延伸阅读")
    assert "“天龙八部”是课程自己的名称" in _cell("ding-04", "## 一、天龙八部与五个台阶")


def test_ye01_quotes_the_seeds_wording():
    text = "".join(_cells("ye-01"))
    assert "质量双结合" not in text and text.count("质化、量化双结合") >= 2


def test_two_seed_points_of_ding_are_taught():
    text = _cell("ding-04", "## 三、大客户营销战略的四个关键")
    assert "最小的成本实现最大的收益" in text and "营销策略必须与企业的战略结合" in text
    assert "市场份额做大的重要手段" in text
