"""Saved files that are not what the code expects (issue 18 §2): one Chinese notice each, the
file set aside (kept, never overwritten), nothing else lost, no traceback.

Seen on main: a GBK answer file crashed ``exercise_answers()``; a GBK ``profile.json`` crashed
the profile form; a GBK ``wang-01.json`` stopped every calculator of the chapter and the plan;
NaN/Infinity/10**400 typed into a saved chapter crashed the plan's assembly; a profile with a
repeated account name loaded as the example and the next edit saved it with 0 of 30 accounts.
"""

from __future__ import annotations

import json

import pytest

import kamlab
from kamlab import widgets
from kamlab.learner.answers import SCHEMA
from kamlab.learner.chapter_work import load_profile, read_saved_work
from kamlab.plan import build_plan
from kamlab.widgets import chapter_work as chapter_mod
from kamlab.widgets import exercise_answers
from kamlab.widgets.profile import ProfileWidget

EXERCISE = "wang-00-status"


def _document(key: str, answers: dict) -> dict:
    return {"schema": SCHEMA, "version": 1, "key": key, "saved_at": "2026-12-01T08:00:00+00:00", "answers": answers}


def _aside(folder, key):
    return sorted(folder.glob(f"{key}.corrupt-*.json"))


def test_a_gbk_answer_file_is_set_aside_with_one_notice(tmp_path):
    raw = json.dumps(_document(EXERCISE, {"questions": {"diagnosis": "份额偏低"}}), ensure_ascii=False).encode("gbk")
    (tmp_path / f"{EXERCISE}.json").write_bytes(raw)
    ex = exercise_answers(EXERCISE, tmp_path)
    assert "不是 UTF-8 编码" in ex.status.value and "已移至" in ex.status.value
    [aside] = _aside(tmp_path, EXERCISE)
    assert aside.read_bytes() == raw  # kept byte for byte
    ex.sheet()
    ex.boxes["ka_share"].value = "35"
    assert json.loads((tmp_path / f"{EXERCISE}.json").read_text(encoding="utf-8"))["answers"]["questions"] == {
        "ka_share": "35"}


def test_a_gbk_profile_is_set_aside_and_the_form_opens(tmp_path):
    raw = json.dumps(_document("profile", {"company": "苏州精工", "unit": "万元", "accounts": []}),
                     ensure_ascii=False).encode("gbk")
    (tmp_path / "profile.json").write_bytes(raw)
    form = ProfileWidget(folder=tmp_path)
    assert "不是 UTF-8 编码" in form.message.value and "profile.corrupt-" in form.message.value
    assert _aside(tmp_path, "profile")[0].read_bytes() == raw


def test_a_gbk_chapter_file_leaves_its_calculators_and_the_plan_working(learner_answers):
    folder = learner_answers
    raw = json.dumps(_document("wang-01", {"calculators": {"selection": {"y_cut": 6.0, "view": "华东电机"}}}),
                     ensure_ascii=False).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    (folder / "wang-01.json").write_bytes(raw)
    widgets.chapter("wang-01")
    calc = widgets.selection_widget(kamlab.load_sample("wang01_accounts"))
    assert "不是 UTF-8 编码" in calc.attachment.message.value
    assert list(calc.result.table["客户"])[:2] == ["A 挖掘机厂", "B 起重机厂"]  # the example computes
    chapter_mod.forget_stores()
    work, notices = read_saved_work(folder)
    assert notices == [] and build_plan(work) is not None  # the file was already set aside, once
    assert _aside(folder, "wang-01")[0].read_bytes() == raw


@pytest.mark.parametrize("edited", ["NaN", "Infinity", "-Infinity", "1e400", "1" + "0" * 400])
def test_numbers_no_calculation_can_use_are_a_notice_not_a_crashed_plan(tmp_path, edited):
    text = json.dumps(_document("wang-01", {"calculators": {"selection": {"y_cut": 6.0, "x_cut": 1.0}}}))
    (tmp_path / "wang-01.json").write_text(text.replace("6.0", edited), encoding="utf-8")
    (tmp_path / "wang-02.json").write_text(json.dumps(_document("wang-02", {"quiz": {"answered": 2, "correct": 1,
                                                                                      "total": 5}})), encoding="utf-8")
    work, notices = read_saved_work(tmp_path)
    assert len(notices) == 1 and "含有无法使用的数值" in notices[0] and "wang-01.corrupt-" in notices[0]
    assert build_plan(work) is not None
    assert work.quizzes == {"wang-02": {"answered": 2, "correct": 1, "total": 5}}  # nothing else lost
    assert _aside(tmp_path, "wang-01")[0].read_text(encoding="utf-8").count(edited) == 1


def test_a_repeated_account_name_keeps_the_list_and_the_original_file(tmp_path):
    accounts = [{"客户": f"客户{i:02d}", "销售额": str(100 + i)} for i in range(30)] + [{"客户": "客户03", "销售额": "1"}]
    original = json.dumps(_document("profile", {"company": "苏州精工", "industry": "", "unit": "万元",
                                                "accounts": accounts, "use_example": False}), ensure_ascii=False)
    (tmp_path / "profile.json").write_text(original, encoding="utf-8")
    profile, notice = load_profile(tmp_path)
    assert len(profile.accounts) == 30 and profile.company == "苏州精工"
    assert "客户“客户03”出现了两次（第 31 行）" in notice and "保留了 30 家客户，略去 第 31 行（重复的“客户03”）" in notice
    assert _aside(tmp_path, "profile")[0].read_text(encoding="utf-8") == original
    (tmp_path / "profile.json").write_text(original, encoding="utf-8")  # as the form meets it
    form = ProfileWidget(folder=tmp_path)  # the next edit saves the 30 accounts, not 0
    assert "保留了 30 家客户" in form.message.value
    form.industry.value = "通用设备"
    saved = json.loads((tmp_path / "profile.json").read_text(encoding="utf-8"))["answers"]
    assert len(saved["accounts"]) == 30 and saved["industry"] == "通用设备"
