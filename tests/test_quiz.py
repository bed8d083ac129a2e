"""Quiz data files: every chapter's quiz loads and grades."""

import json
from importlib import resources

import pytest

from kamlab import InputError
from kamlab.learner.quiz import _parse, load_quiz

QUIZ_DIR = resources.files("kamlab") / "data" / "quiz"
CHAPTERS = sorted(p.name[:-5] for p in QUIZ_DIR.iterdir() if p.name.endswith(".json"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_quiz_file_is_valid(chapter):
    quiz = load_quiz(chapter)
    assert quiz.questions
    key = [q.answer for q in quiz.questions]
    assert all(quiz.grade(key))


def test_grade_marks_unanswered_wrong():
    quiz = _parse({"questions": [{"q": "1+1", "options": ["1", "2"], "answer": 1, "explain": ""},
                                 {"q": "2+2", "options": ["4", "5"], "answer": 0}]}, "t")
    assert quiz.grade([1, None]) == [True, False]
    assert "答案：B" in quiz.key_html()


def test_bad_answer_index_named():
    with pytest.raises(InputError, match="第 1 题·answer"):
        _parse({"questions": [{"q": "x", "options": ["a", "b"], "answer": 2}]}, "t")


def test_missing_quiz_file():
    with pytest.raises(InputError, match="没有找到"):
        load_quiz("no-such-chapter")


def test_quiz_json_is_utf8_without_bom():
    for chapter in CHAPTERS:
        raw = (QUIZ_DIR / f"{chapter}.json").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        json.loads(raw.decode("utf-8"))
