"""The running cases hold each fact once; the chapters' prose agrees with them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import kamlab
from kamlab import running_case as rc

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[tuple[str, str]]:
    """(where, text) for every cell of the book and the exercises, and the exercise sources."""
    out = []
    for path in sorted([*ROOT.glob("book/*.ipynb"), *ROOT.glob("exercises/*.ipynb")]):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            out.append((f"{path.relative_to(ROOT)} cell {i}", "".join(cell["source"])))
    for path in sorted([*ROOT.glob("exercises/src/*"), *ROOT.glob("kamlab/data/quiz/*.json"),
                        *ROOT.glob("kamlab/data/worksheets/*.json"), ROOT / "book/intro.md"]):
        out.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    return out


TEXTS = _texts()


def test_book_prose_agrees_with_the_running_cases():
    problems = [str(c) for where, text in TEXTS for c in rc.check_text(text, where)]
    assert problems == []


def test_every_way_of_stating_a_fact_is_used_somewhere():
    """A statement pattern that matches nothing would check nothing: each one is found at least once."""
    used = {s.pattern for where, text in TEXTS for s in rc.find_statements(text, where)}
    for key in rc.CASES:
        for spec in rc.load_case(key).statements:
            assert spec["pattern"] in used, f"{key}: {spec['field']} is never stated this way ({spec['pattern']})"


def test_a_planted_contradiction_is_reported():
    """ye-02 says 华北重工's first order is 600; a chapter saying 650 is caught, naming the fact."""
    text = "- 华北重工：首单 650 ≥ 200，**单次量大**。"
    problems = rc.check_text(text, "planted")
    assert [(p.statement.account, p.statement.field, p.statement.said, p.statement.held) for p in problems] == [
        ("华北重工", "首单金额", "650", 600)]
    assert "华北重工·首单金额 写作 650，案例数据为 600" in str(problems[0])


def test_two_chapters_stating_different_margins_for_a_are_caught():
    """wang-03 and wang-04 both state A's gross margin: a chapter saying 100 while another says 300 fails."""
    wang03 = "A 挖掘机厂每年给我们带来毛利 100 万元，保留率 80%"
    wang04 = "| 中国 | 1,200 | 25% | 300 |"
    assert [p.statement.said for p in rc.check_text(wang03 + "\n" + wang04)] == ["100"]


def test_a_stated_stage_must_match_the_levels_held():
    text = "我方与 A 挖掘机厂：接触面 3（x）、供应地位 2（x）、信息共享 3（x）、联合计划 4（x）、高层关系 2（x）、转换成本 3（x）"
    [problem] = rc.check_text(text)
    assert problem.statement.field == "关系阶段"


def test_a_country_without_a_subsidiary_cannot_be_said_to_have_one():
    assert rc.check_text("我方在巴西没有子公司") and not rc.check_text("我方在泰国没有子公司")
    assert rc.check_text("泰国子公司") and not rc.check_text("巴西子公司亏损")


def test_sample_tables_are_the_running_case():
    for name, frame in (("ye_candidates", rc.ye_candidates()), ("ye_internal", rc.ye_internal()),
                        ("wang01_accounts", rc.wang_accounts())):
        pd.testing.assert_frame_equal(kamlab.load_sample(name), frame, check_dtype=False)


def test_ye_case_agrees_with_itself():
    """Verdicts are what the screen computes; second-year sales = first order × (1 + growth); profit = sales × margin."""
    case = rc.load_case("ye")
    screen = kamlab.screen_accounts(rc.ye_candidates(), large_order=200, horizon=5, influence_cut=7).table
    verdicts = dict(zip(screen["客户"], screen["判定"], strict=True))
    for name, facts in case.accounts.items():
        assert verdicts[name].removeprefix("大客户：") == facts["判定"]
        assert facts["第二年销售额"] == pytest.approx(facts["首单金额"] * (1 + facts["首年增长率"] / 100))
        assert facts["净利润"] == pytest.approx(facts["第二年销售额"] * facts["净利率"] / 100)
    # 华北重工: first order 600 ≥ 200 → 单次量大; 600 × 1.05 = 630 in the second year
    assert case.account("华北重工")["第二年销售额"] == 630


def test_wang_case_agrees_with_itself():
    case = rc.load_case("wang")
    for facts in case.accounts.values():
        assert facts["毛利"] == pytest.approx(facts["销售额"] * facts["毛利率"] / 100)
    a = case.account("A 挖掘机厂")
    assert a["毛利"] == 300  # 1,200 × 25 %
    assert round(a["销售额"] / a["液压采购额"] * 100) == a["份额"]  # 1,200 ÷ 18,000 ≈ 6.7 %
    stage = kamlab.diagnose_stage(a["关系阶段"])
    assert (stage.name, stage.gaps) == (a["关系阶段名称"], (a["关系短板"],))  # 1,2,2,3,3,3 → 2.5 → 基础期
    assert a["全球准备度"][5] == a["当地子公司评分"]
    assert set(a["海外工厂"]) <= set(case.company["有子公司的国家"]) | set(case.company["没有子公司的国家"])
