"""Widget cells carry nbval's cell tag instead of a ``# NBVAL_IGNORE_OUTPUT`` comment, and
cells a learner need not read open folded in JupyterLab.

For every code cell of the notebooks (``*.ipynb``) and MyST notebook sources (``*.md`` with
``{code-cell}`` blocks) under the folders given (default: ``book`` and ``exercises``):

1. a first source line ``# NBVAL_IGNORE_OUTPUT`` is removed and the cell gets the tag
   ``nbval-ignore-output`` (nbval reads the tag; learners no longer see the comment, in Lab or
   on the static site);
2. in ``.ipynb`` files, a cell tagged ``nbval-ignore-output`` (a calculator: the learner reads
   the calculator, not the call), ``remove-input`` or ``hide-input`` (plumbing) gets
   ``"jupyter": {"source_hidden": true}``, so JupyterLab shows its input folded.

Idempotent: a second run changes nothing, and nothing else in a file changes (outputs,
other metadata, cell ids, the JSON layout nbformat writes: one-space indent, UTF-8, a final
newline). Usage::

    .venv/bin/python scripts/nbval_tags.py [--check] [FOLDER_OR_FILE ...]

``--check`` changes nothing and exits 1 when some file would change (listing it).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMENT = "# NBVAL_IGNORE_OUTPUT"
TAG = "nbval-ignore-output"
FOLD = {TAG, "remove-input", "hide-input"}


def _strip_comment(lines: list[str]) -> tuple[list[str], bool]:
    """``lines`` without a leading ``# NBVAL_IGNORE_OUTPUT`` line; whether it was there."""
    if lines and lines[0].strip() == COMMENT:
        return lines[1:], True
    return lines, False


def fix_cell(cell: dict) -> bool:
    """Apply both rules to one notebook cell (a dict as in the .ipynb); True if it changed."""
    if cell.get("cell_type") != "code":
        return False
    before = json.dumps(cell, sort_keys=True, ensure_ascii=False)
    source = cell.get("source", [])
    text = "".join(source) if isinstance(source, list) else source
    lines, had = _strip_comment(text.splitlines(keepends=True))
    metadata = cell.setdefault("metadata", {})
    tags = list(metadata.get("tags", []))
    if had:
        new_text = "".join(lines)
        cell["source"] = new_text.splitlines(keepends=True) if isinstance(source, list) else new_text
        if TAG not in tags:
            tags.append(TAG)
        metadata["tags"] = tags
    if FOLD & set(tags):
        jupyter = metadata.setdefault("jupyter", {})
        jupyter["source_hidden"] = True
    if not metadata:
        cell["metadata"] = {}
    return json.dumps(cell, sort_keys=True, ensure_ascii=False) != before


def fix_notebook_text(text: str) -> str:
    """The .ipynb text with every cell fixed, written the way nbformat writes it."""
    notebook = json.loads(text)
    changed = [fix_cell(cell) for cell in notebook.get("cells", [])]
    if not any(changed):
        return text
    return json.dumps(notebook, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


_FENCE = re.compile(r"^(```+)\{code-cell\}[^\n]*\n", re.M)
_TAGS = re.compile(r"^:tags:\s*\[(.*)\]\s*$")


def fix_myst_text(text: str) -> str:
    """A MyST notebook source with each ``{code-cell}``'s comment turned into a ``:tags:`` option."""
    out: list[str] = []
    pos = 0
    for fence in _FENCE.finditer(text):
        if fence.start() < pos:
            continue
        out.append(text[pos:fence.end()])
        close = text.find(f"\n{fence.group(1)}", fence.end() - 1)
        close = len(text) if close < 0 else close + 1
        body = text[fence.end():close].splitlines(keepends=True)
        options = []
        while body and body[0].startswith(":") and re.match(r"^:[\w-]+:", body[0]):
            options.append(body.pop(0))
        blank = []
        if options and body and not body[0].strip():
            blank.append(body.pop(0))
        code, had = _strip_comment(body)
        if had:
            tag_lines = [i for i, line in enumerate(options) if _TAGS.match(line.rstrip("\n"))]
            if tag_lines:
                i = tag_lines[0]
                tags = [t.strip() for t in _TAGS.match(options[i].rstrip("\n")).group(1).split(",") if t.strip()]
                if TAG not in tags:
                    tags.append(TAG)
                options[i] = f":tags: [{', '.join(tags)}]\n"
            else:
                options.append(f":tags: [{TAG}]\n")
            blank = ["\n"]
        out.append("".join(options) + "".join(blank) + "".join(code))
        pos = close
    out.append(text[pos:])
    return "".join(out)


def fix_file(path: Path) -> str | None:
    """The file's new text, or None when it needs no change."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        new = fix_notebook_text(text)
    elif path.suffix == ".md" and "{code-cell}" in text:
        new = fix_myst_text(text)
    else:
        return None
    return None if new == text else new


def files(targets: list[str]) -> list[Path]:
    out: list[Path] = []
    for target in targets or ["book", "exercises"]:
        path = Path(target) if Path(target).is_absolute() else ROOT / target
        if path.is_file():
            out.append(path)
            continue
        out += sorted(p for p in path.rglob("*") if p.suffix in (".ipynb", ".md")
                      and ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts)
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = []
    for path in files([a for a in argv if not a.startswith("--")]):
        new = fix_file(path)
        if new is None:
            continue
        changed.append(path)
        if not check:
            path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("would change " if check else "changed ") + str(path.relative_to(ROOT)))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
