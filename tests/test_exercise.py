"""Exercises: the learner side is generated from the one source and leaks no key;
answers are saved as typed, restored on reopen, a bad file is set aside; export."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from kamlab.errors import InputError
from kamlab.grading.keys import exercise_ids, exercises_dir, load_key
from kamlab.learner.exercise import load_sheet, public_sheet
from kamlab.widgets import EditableTable, exercise_answers, proposition_widget, strength_widget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
IDS = exercise_ids()
REQUIRED = {"wang-00-status", "wang-01-organisation", "wang-01-quantify", "wang-01-proposition",
            "wang-02-df-price", "wang-02-j-rivals"}


def test_every_seed_case_has_an_exercise():
    assert REQUIRED <= set(IDS)
    assert exercises_dir() == ROOT / "exercises"


def _key_strings(key: dict) -> list[str]:
    """Every trainer-only string of a key: model answers, rubric labels, expected texts."""
    out: list[str] = []
    for q in key["questions"]:
        k = q.get("key", {})
        out += [k.get("model_answer", "")] + [r.get("label", "") for r in k.get("rubric", [])]
    return [s for s in out if len(s) >= 6]


def _learner_text(nb: dict) -> str:
    """Cell sources and outputs (not widget metadata) of a notebook."""
    parts = []
    for cell in nb["cells"]:
        parts.append("".join(cell["source"]))
        for out in cell.get("outputs", []):
            parts.append(json.dumps(out, ensure_ascii=False))
    return "\n".join(parts)


@pytest.mark.parametrize("exercise_id", IDS)
def test_no_key_text_leaks_into_the_learner_version(exercise_id):
    key = json.loads((ROOT / f"exercises/src/{exercise_id}.key.json").read_text(encoding="utf-8"))
    notebook = json.loads((ROOT / f"exercises/{exercise_id}.ipynb").read_text(encoding="utf-8"))
    learner = _learner_text(notebook)
    sheet = (ROOT / f"kamlab/data/exercises/{exercise_id}.json").read_text(encoding="utf-8")
    source = (ROOT / f"exercises/src/{exercise_id}.md").read_text(encoding="utf-8")
    notes = source.split('+++ {"tags": ["key"]}')[1].strip()
    assert "培训师要点" in notes and notes not in learner
    for line in filter(None, map(str.strip, notes.splitlines()[1:])):
        assert line not in learner
    for text in _key_strings(key):
        assert text not in learner and text not in sheet
    assert '"key"' not in sheet and "expected" not in sheet
    # Numeric answers appear nowhere in the learner's sources or outputs. Answers of one or two
    # characters (12, 60 …) are skipped: such numbers occur in any scenario text ("12 家大客户").
    for q in key["questions"]:
        want = q["key"].get("expected")
        if q["type"] == "number" and len(f"{want:g}") >= 3:
            shown = f"{want:,}" if want >= 1000 else f"{want:g}"
            assert not re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d,]|\.\d)", learner), (q["id"], shown)


@pytest.mark.parametrize("exercise_id", IDS)
def test_learner_files_are_generated_from_the_source(exercise_id):
    import build_exercises

    committed = json.loads((ROOT / f"exercises/{exercise_id}.ipynb").read_text(encoding="utf-8"))
    fresh = build_exercises.learner_version(exercise_id)
    assert ["".join(c["source"]) for c in committed["cells"]] == [c.source for c in fresh.cells]
    assert (ROOT / f"kamlab/data/exercises/{exercise_id}.json").read_text(encoding="utf-8") == \
        build_exercises.sheet_json(exercise_id)
    sheet, questions = load_key(exercise_id)
    assert load_sheet(exercise_id) == sheet  # public sheet and key agree on every question
    assert set(questions) == {q.id for q in sheet.questions}


def test_public_sheet_keeps_only_public_fields():
    key = {"exercise": "x", "questions": [{"id": "a", "label": "甲", "type": "number", "key": {"expected": 1}}]}
    assert public_sheet(key)["questions"] == [{"id": "a", "label": "甲", "type": "number"}]


def test_answers_saved_as_typed_and_restored_on_reopen(tmp_path):
    ex = exercise_answers("wang-01-quantify", tmp_path)
    strength = ex.bind("strength", strength_widget())
    rows = strength.table.value
    rows[0]["我方"] = "8"
    strength.table.value = rows
    ex.sheet()
    ex.boxes["attractiveness"].value = "7.4"
    saved = json.loads((tmp_path / "wang-01-quantify.json").read_text(encoding="utf-8"))
    assert saved["schema"] == "kamlab-answers" and saved["version"] == 1
    assert saved["answers"]["questions"]["attractiveness"] == "7.4"
    # "Kernel restart": a new object over the same folder gets everything back.
    again = exercise_answers("wang-01-quantify", tmp_path)
    restored = again.bind("strength", strength_widget())
    again.sheet()
    assert restored.table.value[0]["我方"] == "8"
    assert again.boxes["attractiveness"].value == "7.4"


def test_invalid_input_is_saved_too(tmp_path):
    ex = exercise_answers("wang-01-proposition", tmp_path)
    prop = ex.bind("proposition", proposition_widget(account="北方重卡"))
    prop.q1.value = [{"指标": "故障率", "现状": "abc"}]  # not a number: error shown, text still saved
    saved = json.loads((tmp_path / "wang-01-proposition.json").read_text(encoding="utf-8"))
    assert saved["answers"]["widgets"]["proposition"]["q1"][0]["现状"] == "abc"
    assert "kamlab-error" in prop.error.value


def test_corrupt_answer_file_is_moved_aside_with_a_chinese_notice(tmp_path):
    (tmp_path / "wang-01-organisation.json").write_text("{broken", encoding="utf-8")
    ex = exercise_answers("wang-01-organisation", tmp_path)
    assert "已损坏或不属于本练习" in ex.status.value
    assert len(list(tmp_path.glob("wang-01-organisation.corrupt-*.json"))) == 1
    table = ex.bind("roles", EditableTable(["岗位"], [{}]))
    table.value = [{"岗位": "大客户经理"}]
    assert json.loads((tmp_path / "wang-01-organisation.json").read_text(encoding="utf-8"))["answers"]["widgets"][
        "roles"] == [{"岗位": "大客户经理"}]


def test_stale_widget_state_is_skipped_and_the_rest_restored(tmp_path):
    ex = exercise_answers("wang-01-quantify", tmp_path)
    ex.store.save({"questions": {"attractiveness": "7"}, "widgets": {"strength": {"table": "not rows"}}})
    again = exercise_answers("wang-01-quantify", tmp_path)
    again.bind("strength", strength_widget())
    again.sheet()
    assert "未能恢复" in again.status.value
    assert again.boxes["attractiveness"].value == "7"


def test_export_own_answers_to_markdown_and_excel(tmp_path):
    import pandas as pd

    ex = exercise_answers("wang-00-status", tmp_path)
    ex.sheet()
    ex.boxes["dilemma"].value = "做不大"
    md = ex.export("md").read_text(encoding="utf-8")
    assert "# 现状分析与行动建议" in md and "做不大" in md and "（未作答）" in md
    frame = pd.read_excel(ex.export("xlsx"))
    assert frame.set_index("题号").loc["dilemma", "回答"] == "做不大"


def test_submit_button_packs_a_signed_file(tmp_path, monkeypatch):
    from kamlab.grading import submit

    monkeypatch.chdir(tmp_path)  # the notebook runs in the learner's folder, beside the pack from `kamlab assign`
    (tmp_path / "assignment.json").write_text(json.dumps(
        {"schema": "kamlab-pack", "learner": "L001", "token": "t0ken", "exercises": {"wang-00-status": "a1"}}),
        encoding="utf-8")
    ex = exercise_answers("wang-00-status", tmp_path)
    ex.sheet()
    ex.boxes["ka_share"].value = "60"
    data = json.loads(ex.submit("L001").read_text(encoding="utf-8"))
    assert data["answers"]["ka_share"] == "60" and data["assignment"] == "a1" and submit.verify(data, "t0ken")
    with pytest.raises(InputError, match="学号"):
        ex.submit("  ")
    with pytest.raises(InputError, match="只能提交自己的答案"):
        ex.submit("L002")


def _find(widget, kind, description=None):
    """Every descendant widget of ``kind`` (with that description)."""
    found = [widget] if isinstance(widget, kind) and description in (None, getattr(widget, "description", None)) else []
    for child in getattr(widget, "children", ()):
        found += _find(child, kind, description)
    return found


def test_the_answer_card_reads_numbers_as_the_grader_will(tmp_path):
    from kamlab.grading import rubric

    ex = exercise_answers("wang-01-proposition", tmp_path)
    ex.sheet()
    _, questions = load_key("wang-01-proposition")
    ex.boxes["failure_value"].value = "90万"
    assert "读作 900,000 元" in ex.notes["failure_value"].value
    assert rubric.score_number(questions["failure_value"], "90万").score == 2  # the grader reads the same
    ex.boxes["stock_value"].value = "十二万"
    assert "✗" in ex.notes["stock_value"].value and "12万" in ex.notes["stock_value"].value
    assert rubric.score_number(questions["stock_value"], "十二万").score == 0
    saved = json.loads((tmp_path / "wang-01-proposition.json").read_text(encoding="utf-8"))
    assert saved["answers"]["questions"]["stock_value"] == "十二万"  # kept as typed, nothing lost
    ex.boxes["failure_value"].value = "900000"
    assert ex.notes["failure_value"].value == ""  # a plain number needs no note


def test_generating_the_submission_lists_blanks_and_asks_first(tmp_path, monkeypatch):
    import ipywidgets as W

    monkeypatch.chdir(tmp_path)
    (tmp_path / "assignment.json").write_text(json.dumps(
        {"schema": "kamlab-pack", "learner": "L001", "token": "t0ken", "exercises": {"wang-00-status": "a1"}}),
        encoding="utf-8")
    ex = exercise_answers("wang-00-status", tmp_path)
    ex.sheet()
    ex.boxes["ka_share"].value = "六成"
    tools = ex.tools()
    (button,) = _find(tools, W.Button, "生成提交文件")
    (anyway,) = _find(tools, W.Button, "仍然生成提交文件")
    message = tools.children[-1]
    button.click()
    blank = [q for q in load_sheet("wang-00-status").questions if q.id != "ka_share"]
    assert f"还有 {len(blank) + 1} 题未作答或无法识别" in message.value and "当前为“六成”" in message.value
    assert all(q.label in message.value for q in blank)
    assert not (tmp_path / "submissions").exists() and anyway.layout.display is None  # nothing packed yet
    anyway.click()
    (written,) = (tmp_path / "submissions").iterdir()
    assert json.loads(written.read_text(encoding="utf-8"))["answers"]["ka_share"] == "六成"
    assert "原样</b>发给培训师" in message.value and anyway.layout.display == "none"
