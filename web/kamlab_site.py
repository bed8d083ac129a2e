"""Sphinx extension for the published KAM Lab site (loaded via `local_extensions` in _config.yml).

- ``site_static/kamlab-site.css`` is added to every page: each calculator's output says, on the
  static site, that it shows the book's example and how to compute with one's own data.
- Each page's script list is de-duplicated. Jupyter Book 1.x registers some inline scripts twice
  (sphinx-thebe's `const THEBE_JS_URL = …`, sphinx-togglebutton's selector); the second `const`
  is a SyntaxError in the reader's console on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


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
    app.add_css_file("kamlab-site.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
