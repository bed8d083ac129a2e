"""The answer store under hostile conditions (issue 14 §1): no lost answer, no traceback.

Two forms writing one file, a folder that refuses writes, a path that is a file or
a folder, an unreadable file, a hand-edited file, two corruptions in one second:
each gives one Chinese notice, keeps the inputs in memory, and overwrites nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kamlab.learner import answers as store_module
from kamlab.learner.answers import AnswerStore
from kamlab.widgets import exercise_answers, worksheet_widget

EXERCISE = "wang-00-status"  # questions ka_share, wallet_share (number), dilemma (choice), diagnosis, actions (text)


def _saved(folder: Path, key: str = EXERCISE) -> dict:
    return json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))["answers"]


# --- two writers ------------------------------------------------------------------------------
def test_two_exercise_forms_lose_nothing(tmp_path):
    first = exercise_answers(EXERCISE, tmp_path)
    first.sheet()
    second = exercise_answers(EXERCISE, tmp_path)  # a second tab, opened before anything was typed
    second.sheet()
    first.boxes["ka_share"].value = "35"
    second.boxes["wallet_share"].value = "20"
    first.boxes["diagnosis"].value = "份额偏低"
    assert _saved(tmp_path)["questions"] == {"ka_share": "35", "wallet_share": "20", "diagnosis": "份额偏低"}
    assert second.collect()["ka_share"] == "35"  # the other form's answer is not blanked on submit
    second.save()
    assert _saved(tmp_path)["questions"]["ka_share"] == "35"


def test_two_worksheet_forms_lose_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("KAMLAB_ANSWERS_DIR", str(tmp_path))
    first, second = worksheet_widget("wang-00-current-state"), worksheet_widget("wang-00-current-state")
    a, b = list(first.boxes)[:2]
    first.boxes[a].value = "甲的回答"
    second.boxes[b].value = "乙的回答"
    saved = _saved(tmp_path, "wang-00-current-state")
    assert saved[a] == "甲的回答" and saved[b] == "乙的回答"


# --- folders and files that refuse --------------------------------------------------------------
def test_unwritable_folder_gives_one_notice_and_keeps_inputs(tmp_path, monkeypatch):
    ex = exercise_answers(EXERCISE, tmp_path)
    ex.sheet()

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module.tempfile, "mkstemp", refuse)  # what a read-only folder does
    ex.boxes["ka_share"].value = "35"
    ex.boxes["wallet_share"].value = "20"
    assert "答案无法保存到" in ex.status.value and "没有读写权限" in ex.status.value
    assert "你的输入仍保留在本页" in ex.status.value and "download=" in ex.status.value
    assert ex.collect()["ka_share"] == "35" and ex.store.answers["questions"]["wallet_share"] == "20"


def test_answers_dir_that_is_a_file(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KAMLAB_ANSWERS_DIR", str(blocker))
    ex = exercise_answers(EXERCISE)
    ex.sheet()
    ex.boxes["ka_share"].value = "35"
    assert "上级路径是一个文件" in ex.status.value
    assert blocker.read_text(encoding="utf-8") == "x" and ex.collect()["ka_share"] == "35"


def test_folder_where_the_answer_file_should_be(tmp_path):
    (tmp_path / f"{EXERCISE}.json").mkdir()
    (tmp_path / f"{EXERCISE}.json" / "keep.txt").write_text("mine", encoding="utf-8")
    ex = exercise_answers(EXERCISE, tmp_path)
    assert "该位置是一个文件夹" in ex.status.value
    ex.sheet()
    ex.boxes["ka_share"].value = "35"
    assert (tmp_path / f"{EXERCISE}.json" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert ex.collect()["ka_share"] == "35"


def test_unreadable_file_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / f"{EXERCISE}.json"
    original = json.dumps({"schema": "kamlab-answers", "version": 1, "key": EXERCISE,
                           "answers": {"questions": {"ka_share": "50"}}})
    path.write_text(original, encoding="utf-8")
    real = Path.read_bytes

    def unreadable(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    ex = exercise_answers(EXERCISE, tmp_path)
    assert "无法读取答案文件" in ex.status.value and "不会覆盖该文件" in ex.status.value
    ex.sheet()
    ex.boxes["wallet_share"].value = "20"
    monkeypatch.setattr(Path, "read_bytes", real)
    assert path.read_text(encoding="utf-8") == original
    assert ex.collect()["wallet_share"] == "20"


def test_hand_edited_questions_list_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / f"{EXERCISE}.json"
    edited = {"schema": "kamlab-answers", "version": 1, "key": EXERCISE,
              "answers": {"questions": ["35", "20"], "widgets": {}}}
    path.write_text(json.dumps(edited), encoding="utf-8")
    ex = exercise_answers(EXERCISE, tmp_path)
    assert "“questions”部分格式不对" in ex.status.value
    aside = list(tmp_path.glob(f"{EXERCISE}.corrupt-*.json"))
    assert len(aside) == 1 and json.loads(aside[0].read_text(encoding="utf-8")) == edited
    ex.sheet()
    ex.boxes["ka_share"].value = "35"
    assert _saved(tmp_path)["questions"] == {"ka_share": "35"}


def test_two_corruptions_in_one_second_keep_both_copies(tmp_path):
    for text in ("{first", "{second"):
        (tmp_path / "ex.json").write_text(text, encoding="utf-8")
        AnswerStore("ex", tmp_path).load()
    kept = sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("ex.corrupt-*.json"))
    assert kept == ["{first", "{second"]


def test_store_update_merges_under_the_file_as_it_is_now(tmp_path):
    a, b = AnswerStore("ex", tmp_path), AnswerStore("ex", tmp_path)
    a.load(), b.load()
    a.update({"questions": {"q1": "1"}, "widgets": {"w": [1]}})
    b.update({"questions": {"q2": "2"}})
    assert AnswerStore("ex", tmp_path).load() == {"questions": {"q1": "1", "q2": "2"}, "widgets": {"w": [1]}}
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
