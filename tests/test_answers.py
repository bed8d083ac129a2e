"""Answer files: atomic save, restore, corrupt file moved aside."""

import json

from kamlab.learner.answers import AnswerStore


def test_save_then_load_roundtrip(tmp_path):
    store = AnswerStore("ex-1", folder=tmp_path)
    store.save({"吸引力权重": {"财务安全": "20"}})
    again = AnswerStore("ex-1", folder=tmp_path)
    assert again.load() == {"吸引力权重": {"财务安全": "20"}}
    assert json.loads((tmp_path / "ex-1.json").read_text("utf-8"))["version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["ex-1.json"]  # no temp file left


def test_corrupt_file_moved_aside_with_notice(tmp_path):
    (tmp_path / "ex-1.json").write_text("{not json", encoding="utf-8")
    store = AnswerStore("ex-1", folder=tmp_path)
    assert store.load() == {}
    assert "已损坏" in store.notice
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 1 and names[0].startswith("ex-1.corrupt-")


def test_foreign_file_moved_aside(tmp_path):
    (tmp_path / "ex-1.json").write_text(json.dumps({"schema": "other", "answers": {}}), encoding="utf-8")
    store = AnswerStore("ex-1", folder=tmp_path)
    assert store.load() == {} and store.notice
