"""nbval's cell tag instead of a ``# NBVAL_IGNORE_OUTPUT`` comment learners read (issue 18 §1), by an
idempotent script that changes nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import nbval_tags  # noqa: E402

NOTEBOOK = {"cells": [
    {"cell_type": "code", "execution_count": 3, "id": "a1", "metadata": {"execution": {"x": 1}},
     "outputs": [{"data": {"text/plain": "x"}, "metadata": {}, "output_type": "display_data"}],
     "source": ["# NBVAL_IGNORE_OUTPUT\n", "widgets.goals_widget()"]},
    {"cell_type": "code", "execution_count": 1, "id": "a0", "metadata": {"tags": ["remove-input"]}, "outputs": [],
     "source": ["import kamlab"]},
    {"cell_type": "code", "execution_count": 2, "id": "a2", "metadata": {}, "outputs": [],
     "source": ["print(1)  # NBVAL_IGNORE_OUTPUT stays: not the first line"]},
    {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# NBVAL_IGNORE_OUTPUT in prose"]}],
    "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}

MYST = """```{code-cell} ipython3
# NBVAL_IGNORE_OUTPUT
ex.sheet()
```

```{code-cell} ipython3
:tags: [remove-input]

# NBVAL_IGNORE_OUTPUT
ex.tools()
```

```{code-cell} ipython3
print(2)
```
"""


def _text(nb: dict) -> str:
    return json.dumps(nb, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def test_a_notebooks_comment_becomes_the_tag_and_plumbing_and_calculators_fold():
    new = json.loads(nbval_tags.fix_notebook_text(_text(NOTEBOOK)))
    widget, plumbing, printed, prose = new["cells"]
    assert widget["source"] == ["widgets.goals_widget()"]
    assert widget["metadata"] == {"execution": {"x": 1}, "jupyter": {"source_hidden": True}, "tags": ["nbval-ignore-output"]}
    assert widget["outputs"] == NOTEBOOK["cells"][0]["outputs"] and widget["id"] == "a1"
    assert plumbing["metadata"] == {"jupyter": {"source_hidden": True}, "tags": ["remove-input"]}
    assert printed == NOTEBOOK["cells"][2] and prose == NOTEBOOK["cells"][3]  # untouched
    assert new["metadata"] == NOTEBOOK["metadata"]


def test_the_script_is_idempotent_on_notebooks_and_myst_sources():
    once = nbval_tags.fix_notebook_text(_text(NOTEBOOK))
    assert nbval_tags.fix_notebook_text(once) == once
    myst = nbval_tags.fix_myst_text(MYST)
    assert myst == ("```{code-cell} ipython3\n:tags: [nbval-ignore-output]\n\nex.sheet()\n```\n\n"
                    "```{code-cell} ipython3\n:tags: [remove-input, nbval-ignore-output]\n\nex.tools()\n```\n\n"
                    "```{code-cell} ipython3\nprint(2)\n```\n")
    assert nbval_tags.fix_myst_text(myst) == myst


def test_no_book_or_exercise_file_still_carries_the_comment():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "nbval_tags.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout
    for path in [*ROOT.glob("book/*.ipynb"), *ROOT.glob("exercises/**/*.ipynb"), *ROOT.glob("exercises/src/*.md")]:
        assert "NBVAL_IGNORE_OUTPUT" not in path.read_text(encoding="utf-8"), path
