"""Generate the learner side of every exercise from its one authoring source.

For each ``exercises/src/<id>.key.json`` (+ ``<id>.md``):

- ``kamlab/data/exercises/<id>.json``: the public question sheet (keys stripped);
- ``exercises/<id>.ipynb``: the learner notebook (cells tagged ``key``/``solution``
  stripped), executed in place with ``--execute`` so nbval has outputs to compare.

Usage: ``.venv/bin/python scripts/build_exercises.py [--execute] [ID ...]``. Answers
written while executing go to a temporary ``KAMLAB_ANSWERS_DIR``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jupytext

from kamlab.grading.assign import strip_key
from kamlab.learner.exercise import public_sheet

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "exercises" / "src"
DATA = ROOT / "kamlab" / "data" / "exercises"


def learner_version(exercise_id: str):
    """The learner notebook (no outputs) generated from the source."""
    nb = strip_key(jupytext.read(SRC / f"{exercise_id}.md"))
    nb.metadata.pop("jupytext", None)
    return nb


def sheet_json(exercise_id: str) -> str:
    """The public sheet's file text."""
    key = json.loads((SRC / f"{exercise_id}.key.json").read_text(encoding="utf-8"))
    return json.dumps(public_sheet(key), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    execute = "--execute" in argv
    ids = [a for a in argv if not a.startswith("--")] or sorted(
        p.name.removesuffix(".key.json") for p in SRC.glob("*.key.json"))
    DATA.mkdir(parents=True, exist_ok=True)
    for exercise_id in ids:
        (DATA / f"{exercise_id}.json").write_text(sheet_json(exercise_id), encoding="utf-8")
        out = ROOT / "exercises" / f"{exercise_id}.ipynb"
        jupytext.write(learner_version(exercise_id), out, fmt="ipynb")
        if execute:
            with tempfile.TemporaryDirectory() as tmp:
                env = {**os.environ, "KAMLAB_ANSWERS_DIR": tmp}
                subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.store_widget_state=False",
                                "--inplace", str(out)], check=True, env=env, cwd=out.parent)
        print(f"built {exercise_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
