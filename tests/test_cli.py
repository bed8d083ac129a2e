"""The kamlab command: help in Chinese and English, each verb wired to its stage."""

from __future__ import annotations

import pytest

from kamlab.cli import build_parser, main


@pytest.mark.parametrize("verb", ["assign", "submit", "grade", "feedback", "report"])
def test_every_verb_has_help_in_chinese_and_english(verb, capsys):
    with pytest.raises(SystemExit) as done:
        main([verb, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "--" in text and " / " in text  # bilingual "中文 / English" help lines
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) and any(ch.isascii() and ch.isalpha() for ch in text)


def test_grade_without_a_roster_says_so(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "x.json"), "--db", str(tmp_path / "gb.sqlite")]) == 2
    assert "名单" in capsys.readouterr().err


def test_unknown_exercise_is_refused_before_anything_is_written(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("学号,姓名\nL1,甲\n", encoding="utf-8")
    with pytest.raises(Exception, match="没有找到练习"):
        main(["assign", "no-such", "--roster", str(roster), "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()
    assert build_parser().prog == "kamlab"
