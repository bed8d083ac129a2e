"""Sphinx extension for the published KAM Lab site (loaded via `local_extensions` in _config.yml).

- ``site_static/kamlab-site.css`` is added to every page: each calculator's output says, on the
  static site, that it shows the book's example and how to compute with one's own data.
- Search finds every tool by its Chinese and its English name (卡拉杰克, 留存率, Kraljic …):
  each chapter page gets a hidden line of its tools' names (``search_terms.csv``, and the
  glossary's terms of that chapter), and those names are given to jieba as whole words
  (a user dictionary passed as ``html_search_options['dict']``): without it jieba indexed
  卡拉杰克 as 卡拉 + 杰克 and 留存率 as 留存 + 率, and the search found nothing.
- Each page's script list is de-duplicated. Jupyter Book 1.x registers some inline scripts twice
  (sphinx-thebe's `const THEBE_JS_URL = …`, sphinx-togglebutton's selector); the second `const`
  is a SyntaxError in the reader's console on every page.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from docutils import nodes

HERE = Path(__file__).parent
TERMS = HERE / "search_terms.csv"
GLOSSARY = HERE.parent / "kamlab" / "data" / "glossary.csv"


def chapter_terms() -> dict[str, list[str]]:
    """Chapter slug → the names a reader may search for (Chinese and English), in file order."""
    out: dict[str, list[str]] = {}
    for path, zh, en in ((TERMS, "中文", "English"), (GLOSSARY, "中文", "English")):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names = out.setdefault(row["章节"].strip(), [])
                for name in (row[zh].strip(), row[en].strip()):
                    if name and name not in names:
                        names.append(name)
    return out


def _chinese_words() -> list[str]:
    words = []
    for names in chapter_terms().values():
        words += [n for n in names if any(ord(ch) > 0x2E7F for ch in n) and " " not in n]
    return sorted(set(words))


def add_search_dictionary(app, config) -> None:
    """Give jieba the tools' Chinese names as whole words (unless the book sets its own dictionary)."""
    options = dict(config.html_search_options or {})
    if options.get("dict"):
        return
    path = Path(app.doctreedir) / "kamlab-search-dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{word} 200000\n" for word in _chinese_words()), encoding="utf-8")
    options["dict"] = str(path)
    config.html_search_options = options


def add_search_terms(app, doctree) -> None:
    """A hidden line with the chapter's tool names at the end of its page (indexed, not shown)."""
    slug = Path(app.env.docname).name
    names = chapter_terms().get(slug)
    if not names:
        return
    doctree.append(nodes.paragraph("", "　".join(names), classes=["kamlab-search-terms"]))


def _script_key(js: Any) -> tuple:
    # The same inline script comes once with filename None and once with "" (registered before
    # and after the builder started): both mean "no src".
    filename = getattr(js, "filename", js) or ""
    attributes = getattr(js, "attributes", {})
    return (str(filename), tuple(sorted((k, str(v)) for k, v in attributes.items())))


def dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for js in scripts:
        key = _script_key(js)
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


def add_site_static(app, config) -> None:
    """The folder of the site's own stylesheet (each static calculator says it shows the example:
    kamlab/widgets/ready.py)."""
    config.html_static_path.append(str(Path(__file__).parent / "site_static"))


def setup(app) -> dict:
    # After myst-nb (priority 500) has added the page's widget scripts.
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("config-inited", add_site_static)
    app.connect("config-inited", add_search_dictionary)
    app.connect("doctree-read", add_search_terms)
    app.add_css_file("kamlab-site.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
