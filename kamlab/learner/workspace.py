"""The learner's own copy of the chapters: running them never changes a tracked file.

JupyterLab saves a notebook's outputs when it is run (and autosaves every two minutes), so a
learner working in ``book/`` changed the repository's tracked ``.ipynb`` files and the next
``git pull`` conflicted. ``make lab`` therefore serves a **workspace** (``learner-work/``,
ignored by git) holding copies of ``book/`` and ``exercises/``; answers are saved beside the
copies (``learner-work/book/kamlab-answers/``) as before.

:func:`sync` is run before every start and is safe to run any number of times:

- a chapter missing from the workspace is copied;
- a chapter the learner only ran (its cells' text unchanged since it was copied) is replaced
  by the repository's version when that changed (after a ``git pull``);
- a chapter whose cells the learner edited is kept: it is renamed
  ``<name>（我的修改 YYYY-MM-DD）.ipynb`` and the new version copied beside it;
- answers saved under the old location (``book/kamlab-answers/``) are copied over once,
  never overwriting an answer file already in the workspace.

``.kamlab-sync.json`` in the workspace records, per file, the hashes of what was copied.
Usage: ``python -m kamlab.learner.workspace [WORKSPACE] [--source CHECKOUT]`` (defaults:
``learner-work`` in the checkout, and the checkout this package sits in).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The folders copied into the workspace, and the files of them that are.
FOLDERS = ("book", "exercises")
PATTERNS = ("*.ipynb", "*.md", "*.png", "*.jpg", "*.svg")
MANIFEST = ".kamlab-sync.json"
ANSWERS = "kamlab-answers"


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def cells_hash(raw: bytes) -> str:
    """A hash of what a learner could have written in a notebook: every cell's type and text
    (outputs, execution counts and metadata, which running changes, are left out)."""
    try:
        cells = json.loads(raw.decode("utf-8")).get("cells", [])
        text = json.dumps([[c.get("cell_type"), "".join(c.get("source", []))] for c in cells], ensure_ascii=False)
    except (ValueError, AttributeError, TypeError):
        return _sha(raw)
    return _sha(text.encode("utf-8"))


def _content_hash(path: Path) -> str:
    raw = path.read_bytes()
    return cells_hash(raw) if path.suffix == ".ipynb" else _sha(raw)


def _kept_name(path: Path) -> Path:
    stamp = date.today().isoformat()
    candidate = path.with_name(f"{path.stem}（我的修改 {stamp}）{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}（我的修改 {stamp}-{n}）{path.suffix}")
        n += 1
    return candidate


def sync(workspace: str | Path, source: str | Path = ROOT) -> list[str]:
    """Bring ``workspace`` up to date with ``source``'s chapters; returns what was done (Chinese lines)."""
    workspace, source = Path(workspace), Path(source)
    workspace.mkdir(parents=True, exist_ok=True)
    manifest_path = workspace / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    done: list[str] = []
    for folder in FOLDERS:
        origin = source / folder
        if not origin.is_dir():
            continue
        for pattern in PATTERNS:
            for src in sorted(origin.glob(pattern)):
                rel = f"{folder}/{src.name}"
                dst = workspace / rel
                new = src.read_bytes()
                entry = manifest.get(rel, {})
                if dst.exists():
                    if entry.get("source") == _sha(new):
                        continue  # the repository's version has not changed: the learner's copy stays
                    if entry.get("content") and _content_hash(dst) != entry["content"]:
                        kept = _kept_name(dst)
                        dst.rename(kept)
                        done.append(f"{rel} 有新版本；你改过的那份已保留为 {kept.name}")
                    else:
                        done.append(f"{rel} 已更新为新版本")
                else:
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    done.append(f"{rel} 已复制")
                dst.write_bytes(new)
                manifest[rel] = {"source": _sha(new), "content": _content_hash(dst)}
    old_answers = source / "book" / ANSWERS
    if old_answers.is_dir():
        target = workspace / "book" / ANSWERS
        for file in sorted(old_answers.glob("*.json")):
            if not (target / file.name).exists():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target / file.name)
                done.append(f"已把以前保存的答案 {file.name} 复制到工作区")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return done


def main(argv: list[str]) -> int:
    args = list(argv)
    source = ROOT
    if "--source" in args:
        at = args.index("--source")
        source = Path(args[at + 1])
        del args[at:at + 2]
    workspace = Path(args[0]) if args else source / "learner-work"
    lines = sync(workspace, source)
    for line in lines:
        print(line)
    print(f"学员工作区：{workspace}（运行各章不会改动仓库中的文件）")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
