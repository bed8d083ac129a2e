"""The kamlab command: help in Chinese (argparse's own words too), `python -m kamlab`,
`kamlab exercises`, and every misuse as one Chinese line, a non-zero exit and nothing
left behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamlab.cli import build_parser, main

EX = "wang-01-quantify"
VERBS = ["exercises", "assign", "submit", "grade", "review", "feedback", "report", "roster", "packs"]


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help_in_chinese_with_english_beside(verb, capsys):
    with pytest.raises(SystemExit) as done:
        main([verb, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：kamlab") and "显示本帮助并退出" in text and "选项" in text
    assert "usage:" not in text and "show this help" not in text
    assert " / " in text or verb == "exercises"  # bilingual "中文 / English" option lines (exercises has none)


def test_argparse_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as done:
        main(["report", "--out", "x"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "用法：kamlab report" in err and "kamlab report：错误：缺少必需的参数：--db" in err
    with pytest.raises(SystemExit):
        main(["nonsense"])
    assert "无效的选择：'nonsense'" in capsys.readouterr().err


def test_python_dash_m_kamlab_works_like_kamlab():
    done = subprocess.run([sys.executable, "-m", "kamlab", "exercises"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert f"{EX}  " in done.stdout and "针对一个标杆大客户进行定量计算" in done.stdout
    assert len(done.stdout.splitlines()) == 21  # every assignable exercise, one per line


def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("学号,姓名\nL001,张三\n", encoding="utf-8")
    return path


def misuse(tmp_path: Path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "x.json").mkdir()
    (tmp_path / "broken.json").symlink_to(tmp_path / "gone.json")
    yield ["assign", "wang-01-quantfy", "--roster", "roster.csv", "--out", "class", "--db", "new.sqlite"], \
        "是否想用：wang-01-quantify"
    yield ["assign", EX, "--roster", "roster.csv", "--out", "afile", "--db", "new.sqlite"], "是一个文件，不是文件夹"
    yield ["assign", EX, "--roster", "no-roster.csv", "--out", "class", "--db", "new.sqlite"], "找不到文件“no-roster.csv”"
    yield ["grade", "inbx", "--roster", "roster.csv", "--db", "new.sqlite"], "找不到“inbx”"
    yield ["grade", "inbox", "--roster", "no-roster.csv", "--db", "new.sqlite"], "找不到文件“no-roster.csv”"
    yield ["grade", "x.json", "--roster", "roster.csv", "--db", "new.sqlite"], "文件夹“x.json”中没有任何 .json"
    yield ["grade", "--db", "new.sqlite", "--score", "1"], "只能与 --manual"
    yield ["feedback", "--db", "new.sqlite", "--out", "fb", "--tz", "Mars/Base"], "不认识时区"
    yield ["review", "--db", "new.sqlite", "--out", "review.csv"], "应以 .xlsx 结尾"
    yield ["assign", EX, "--roster", "roster.csv", "--out", "class", "--db", "afile/gb.sqlite"], "所在的文件夹“afile”不存在"
    yield ["submit", EX, "--out", "inbox"], "没有找到 assignment.json"
    yield ["grade", "broken.json", "--roster", "roster.csv", "--db", "new.sqlite"], "是指向不存在文件的链接"


@pytest.mark.parametrize("case", range(12))
def test_misuse_is_one_chinese_line_and_leaves_nothing_behind(tmp_path, monkeypatch, capsys, case):
    monkeypatch.chdir(tmp_path)
    roster(tmp_path)
    argv, words = list(misuse(tmp_path))[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1 and words in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no gradebook, no folder, no file


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    assert main(["assign", EX, "--roster", str(roster(tmp_path)), "--out", "class", "--db", "gb.sqlite"]) == 0
    capsys.readouterr()
    assert main(["feedback", "--db", "gb.sqlite", "--out", "afile/fb"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：无法读写“afile/fb”") and err.count("\n") == 1


def test_broken_link_in_the_inbox_is_a_rejection_not_a_crash(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox/broken.json").symlink_to(tmp_path / "gone.json")
    assert main(["grade", "inbox", "--roster", str(roster(tmp_path)), "--db", "gb.sqlite", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "已拒收 inbox/broken.json：" in captured.err and "找不到文件" in captured.err
    assert "已评分 0 份，拒收 1 份" in captured.out


def test_report_after_an_answer_key_was_removed(tmp_path, monkeypatch, capsys):
    from kamlab.grading.keys import exercises_dir

    folder = tmp_path / "exercises"
    shutil.copytree(exercises_dir(), folder)
    monkeypatch.setenv("KAMLAB_EXERCISES_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    assert main(["assign", EX, "--roster", str(roster(tmp_path)), "--out", "class", "--db", "gb.sqlite"]) == 0
    (folder / "src" / f"{EX}.key.json").unlink()
    assert main(["report", "--db", "gb.sqlite", "--out", "rep"]) == 2
    err = capsys.readouterr().err
    assert f"没有找到练习“{EX}”的答案要点" in err and err.count("\n") == 1
    assert not (tmp_path / "rep").exists()
    assert build_parser().prog == "kamlab"


def test_submit_lists_blanks_and_asks_before_packing(tmp_path, monkeypatch, capsys):
    from kamlab.learner.answers import AnswerStore

    monkeypatch.chdir(tmp_path)
    assert main(["assign", EX, "--roster", str(roster(tmp_path)), "--out", "class", "--db", "gb.sqlite"]) == 0
    AnswerStore(EX, tmp_path / "class/L001/kamlab-answers").save({"questions": {"attractiveness": "7.4", "ours": "六点八"}})
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    replies = iter(["", "y"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(replies))
    assert main(["submit", EX, "--pack", "class/L001", "--out", "inbox"]) == 1  # Enter: cancelled
    err = capsys.readouterr().err
    assert "还有 7 题未作答或无法识别" in err and "我方在华东重工采购标准上的加权得分：应为数字，当前为“六点八”" in err
    assert "最强对手的加权得分：未作答" in err and "已取消" in err and not (tmp_path / "inbox").exists()
    assert main(["submit", EX, "--pack", "class/L001", "--out", "inbox"]) == 0  # y: packed as it is
    assert "原样发给培训师" in capsys.readouterr().out and len(list((tmp_path / "inbox").iterdir())) == 1
