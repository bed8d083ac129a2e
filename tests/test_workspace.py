"""Running chapters never changes a tracked file (issue 18 §1): `make lab` serves a synced copy.

Seen on main: running chapters in `make lab` changed five tracked .ipynb files (outputs saved,
autosave), so a later `git pull` conflicted.
"""

from __future__ import annotations

import json
from pathlib import Path

from kamlab.learner.workspace import MANIFEST, sync

ROOT = Path(__file__).resolve().parents[1]


def _nb(*sources: str, outputs: str = "") -> bytes:
    cells = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None,
              "outputs": [{"output_type": "stream", "name": "stdout", "text": outputs}] if outputs else [],
              "source": s} for i, s in enumerate(sources)]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode()


def _checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "book" / "kamlab-answers").mkdir(parents=True)
    (repo / "exercises").mkdir()
    (repo / "book" / "wang-01.ipynb").write_bytes(_nb("print(1)"))
    (repo / "book" / "wang-02.ipynb").write_bytes(_nb("print(2)"))
    (repo / "exercises" / "ye-05-goals.ipynb").write_bytes(_nb("ex.sheet()"))
    (repo / "book" / "kamlab-answers" / "wang-01.json").write_text('{"old": 1}', encoding="utf-8")
    return repo


def test_the_workspace_holds_copies_and_running_them_leaves_the_checkout_alone(tmp_path):
    repo, work = _checkout(tmp_path), tmp_path / "work"
    done = sync(work, repo)
    assert (work / "book" / "wang-01.ipynb").read_bytes() == (repo / "book" / "wang-01.ipynb").read_bytes()
    assert (work / "exercises" / "ye-05-goals.ipynb").exists() and (work / MANIFEST).exists()
    assert json.loads((work / "book" / "kamlab-answers" / "wang-01.json").read_text(encoding="utf-8")) == {"old": 1}
    assert "book/wang-01.ipynb 已复制" in done
    # the learner runs wang-01 (outputs saved): the checkout's file is not the one changed
    (work / "book" / "wang-01.ipynb").write_bytes(_nb("print(1)", outputs="1\n"))
    assert sync(work, repo) == []  # idempotent; the learner's run is kept
    assert b"1\\n" in (work / "book" / "wang-01.ipynb").read_bytes()
    assert (repo / "book" / "wang-01.ipynb").read_bytes() == _nb("print(1)")


def test_after_a_pull_run_chapters_update_and_edited_ones_are_kept(tmp_path):
    repo, work = _checkout(tmp_path), tmp_path / "work"
    sync(work, repo)
    (work / "book" / "wang-01.ipynb").write_bytes(_nb("print(1)", outputs="1\n"))  # only run
    (work / "book" / "wang-02.ipynb").write_bytes(_nb("print(2)  # 我的笔记"))  # edited by the learner
    (repo / "book" / "wang-01.ipynb").write_bytes(_nb("print('new 1')"))  # git pull
    (repo / "book" / "wang-02.ipynb").write_bytes(_nb("print('new 2')"))
    done = sync(work, repo)
    assert (work / "book" / "wang-01.ipynb").read_bytes() == _nb("print('new 1')")
    assert (work / "book" / "wang-02.ipynb").read_bytes() == _nb("print('new 2')")
    [kept] = (work / "book").glob("wang-02（我的修改 *）.ipynb")
    assert kept.read_bytes() == _nb("print(2)  # 我的笔记")
    assert any("你改过的那份已保留为" in line for line in done)
    (work / "book" / "kamlab-answers" / "wang-01.json").write_text('{"new": 2}', encoding="utf-8")
    sync(work, repo)  # an answer already in the workspace is never overwritten by the old location's
    assert json.loads((work / "book" / "kamlab-answers" / "wang-01.json").read_text(encoding="utf-8")) == {"new": 2}


def test_make_lab_serves_the_workspace_and_git_ignores_it():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LAB_DIR ?= $(CURDIR)/learner-work" in makefile
    assert '-m kamlab.learner.workspace "$(LAB_DIR)" --source "$(CURDIR)"' in makefile
    assert "learner-work/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
