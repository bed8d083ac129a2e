"""Copy check (issue 11 §1): the book's prose shares no run of ≥ 20 Chinese characters
with a seed, outside short marked quotations and the reviewed term-list allow-list."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import copy_check  # noqa: E402

SEED_002 = "002_55b817bf23f77e2b.txt"


@pytest.fixture(scope="module")
def seeds():
    try:
        return copy_check.load_seeds()
    except FileNotFoundError as e:  # CI and the worktrees have ../shared beside the clone
        pytest.fail(str(e))


@pytest.fixture(scope="module")
def index(seeds):
    return copy_check.SeedIndex(seeds)


def _runs(index, markdown, allow=()):
    return copy_check.shared_runs(markdown, index, list(allow), "planted", "cell 0")


def test_normalisation_traditional_pinyin_punctuation():
    # seed 002's title, traditional with stray pinyin → simplified Chinese characters only
    raw = "大客戶營(yíng)銷(xiāo)：戰(zhàn)略先行、建管並重, Part 1"
    text = copy_check.han_only(copy_check.to_simplified(copy_check.drop_pinyin(raw)))
    assert text == "大客户营销战略先行建管并重"
    assert copy_check.drop_pinyin("销售(SEO)推广") == "销售(SEO)推广"  # Latin without tone marks stays


def test_planted_sentence_from_a_traditional_seed_fails(index):
    # Seed 002 (traditional, with pinyin) line 9, retyped in simplified with new punctuation:
    planted = ("本书认为：大客户组织的绩效考核与目标管理，则是大客户营销效率的内在管理要素，"
               "新建的组织尤其如此。")
    runs = _runs(index, planted)
    assert len(runs) == 1
    run = runs[0]
    assert run.seed_line == f"{SEED_002}:9"
    assert run.text.startswith("大客户组织的绩效考核与目标管理则是大客户营销效率的内在管理要素")
    assert run.length == 31
    assert "planted cell 0" in str(run) and f"{SEED_002}:9" in str(run)


def test_nineteen_characters_pass_twenty_fail(index):
    # seed 000 line 3: 理解大客户营销在企业组织营销中的地位,掌握企业营销战略的诊断方法
    base = "理解大客户营销在企业组织营销中的地位掌握企业营销战略的诊断方法"
    assert _runs(index, "甲乙" + base[:19] + "丙丁") == []
    assert [r.length for r in _runs(index, "甲乙" + base[:20] + "丙丁")] == [20]


def test_short_marked_quotation_is_exempt_long_one_is_not(index):
    sentence = "大客户组织的绩效考核与目标管理则是大客户营销效率的内在管理要素"  # 31 characters
    assert _runs(index, f"课程的原话是：“{sentence}”。") == []
    assert _runs(index, f"> {sentence}") == []
    too_long = sentence + "特别是那些刚刚建立大客户营销组织的企业"  # 49 > MAX_QUOTE
    assert len(copy_check.han_only(too_long)) > copy_check.MAX_QUOTE
    assert len(_runs(index, f"“{too_long}”")) == 1
    # a quotation cuts the text: no run is joined across it
    assert _runs(index, "大客户组织的绩效考核与“目标”管理则是大客户营销效率的内在管理要素") == []


def test_allow_list_exempts_only_runs_inside_an_entry(index):
    terms = "信息共享平台、精通业务管理的销售总监、与公司决策层的互动、主要部门负责人的客户服务意识"
    entry = copy_check.han_only(terms)
    assert len(_runs(index, terms)) == 1
    assert _runs(index, terms, allow=[entry]) == []
    # the same list run on into copied prose is still caught
    assert len(_runs(index, "形成五种内部协同效应：" + terms, allow=[entry])) == 1


def test_allow_list_file_is_short_and_names_only():
    entries = copy_check.load_allowlist()
    assert 0 < len(entries) <= 20
    assert all(len(e) <= 60 for e in entries)


SOURCES = sorted({source for source, _, _ in copy_check.learner_texts()})


@pytest.fixture(scope="module")
def book_runs(seeds):
    start = time.perf_counter()
    runs = copy_check.check(seeds=seeds)
    return runs, time.perf_counter() - start


@pytest.mark.parametrize("source", SOURCES)
def test_every_chapter_in_its_own_words(book_runs, source):
    runs = [r for r in book_runs[0] if r.source == source]
    assert not runs, "与种子材料相同的连续文字（≥ 20 个汉字）：\n" + "\n".join(map(str, runs))


def test_whole_book_checked_in_under_two_seconds(book_runs):
    assert len(SOURCES) >= 15 + 19  # 15 chapters (+ intro, glossary) and the exercise texts
    assert book_runs[1] < 2.0


def test_self_references_are_counted_per_chapter():
    texts = [("wang-01", "cell 1", "本书自拟的规则；这本书适合谁"), ("wang-01", "cell 2", "虚构的示例"),
             ("ye-02", "cell 0", "本书")]
    assert copy_check.self_references(texts) == {"wang-01": 2, "ye-02": 1}


def test_the_book_says_本书_far_less_than_before():
    """Issue 20 §5: about 300 before the sources were explained once in the introduction."""
    counts = copy_check.self_references()
    assert sum(counts.values()) <= 200 and counts["wang-01"] <= 25  # 178 and 19 when this was written
