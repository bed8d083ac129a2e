"""Search finds every tool by its Chinese and English name (issue 18 §3).

Seen on the built site: 卡拉杰克 and 留存率 returned nothing although both tools are in the book:
jieba indexed them as 卡拉 + 杰克 and 留存 + 率. A one-page Sphinx build with the site's extension
and the book's search settings shows the index holding them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "web"))

import kamlab_site  # noqa: E402

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / 'web')!r})
extensions = ["kamlab_site"]
language = "zh_CN"
html_search_language = "zh"
master_doc = "index"
"""


def test_every_chapter_lists_its_tools_in_both_languages():
    terms = kamlab_site.chapter_terms()
    assert {"卡拉杰克", "卡拉杰克矩阵", "Kraljic matrix"} <= set(terms["wang-03"])
    assert {"留存率", "retention rate"} <= set(terms["ding-01"])
    from kamlab.plan import CALCULATORS

    for chapter, tools in CALCULATORS.items():  # every calculator of every chapter is searchable
        assert set(tools.values()) <= set(terms.get(chapter, [])), chapter


def test_the_search_index_holds_the_tools_names(tmp_path):
    src = tmp_path / "src"
    (src / "book").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text("首页\n====\n\n.. toctree::\n\n   book/wang-03\n   book/ding-01\n", encoding="utf-8")
    (src / "book" / "wang-03.rst").write_text("第三讲\n======\n\n采购品类的分类。\n", encoding="utf-8")
    (src / "book" / "ding-01.rst").write_text("第一讲\n======\n\n客户的价值。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "out" / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"Search\.setIndex\((\{.*\})\)", index, re.S).group(1))
    terms = data["terms"]
    assert {"卡拉杰克", "留存率", "kraljic"} <= set(terms)
    page = (tmp_path / "out" / "book" / "wang-03.html").read_text(encoding="utf-8")
    assert "kamlab-search-terms" in page and "kamlab-site.css" in page
