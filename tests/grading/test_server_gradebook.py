"""A gradebook on PostgreSQL: each fault is one Chinese line without the URL's password, and
nothing is half-written; a server gone mid-grade rolls back and a rerun finishes."""

from __future__ import annotations

import logging

import psycopg
import pytest
from gbsql import set_tokens, sql
from gradingkit import EX, ROSTER, TOKENS, put, signed

from kamlab.cli import main
from kamlab.grading import gradebook


def one_line(capsys, words: str, secret: str) -> str:
    out, err = capsys.readouterr()
    assert words in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert secret not in out + err
    return err


@pytest.fixture
def url(postgres):
    """A fresh schema holding a gradebook with the kit's roster and tokens."""
    db = postgres.fresh()
    con = gradebook.connect(db, create=True)
    gradebook.set_roster(con, ROSTER)
    con.close()
    set_tokens(db, TOKENS)
    return db


def test_a_good_url_works_and_its_password_is_nowhere(postgres, url, tmp_path, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    files = [put(tmp_path, signed(lid), f"{lid}.json") for lid in ROSTER]
    assert main(["grade", *map(str, files), "--db", url, "--quiet"]) == 0
    assert main(["report", "--db", url, "--out", str(tmp_path / "rep")]) == 0
    assert main(["feedback", "--db", url, "--out", str(tmp_path / "fb")]) == 0
    out, err = capsys.readouterr()
    assert "已评分 3 份" in out
    written = [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) > 5
    assert not any(postgres.password.encode() in b for b in written)
    assert postgres.password not in out + err + caplog.text
    assert sql(url, "SELECT COUNT(*) FROM submissions") == [(3,)]
    con = gradebook.connect(url, readonly=True)
    assert postgres.password not in con.where and "***" in con.where
    con.close()


def test_wrong_urls_are_one_line_without_the_password(postgres, tmp_path, capsys):
    secret = "Zq9-top-secret"
    bad = {f"postgresql+psycopg://kamlab:{secret}@127.0.0.1:notaport/x": "不是有效的数据库地址",
           f"mysql://kamlab:{secret}@127.0.0.1/x": "不支持 mysql 数据库",
           f"postgresql+psycopg://kamlab:{secret}@127.0.0.1:{postgres.port}/": "没有给出数据库名",
           f"postgresql://kamlab:{secret}@127.0.0.1:{postgres.port}/kamlab_test": "拒绝登录",
           f"postgresql+psycopg://kamlab:{postgres.password}@127.0.0.1:{postgres.port}/nosuchdb": "数据库不存在"}
    port = postgres.port + 1 if postgres.port < 65535 else postgres.port - 1
    bad[f"postgresql+psycopg://kamlab:{secret}@127.0.0.1:{port}/x"] = "无法连接到数据库服务器"
    for db, words in bad.items():
        assert main(["report", "--db", db, "--out", str(tmp_path / "rep")]) == 2
        assert postgres.password not in one_line(capsys, words, secret)
        assert main(["desk", "--db", db]) == 2  # refused before a server starts
        assert postgres.password not in one_line(capsys, words, secret)
        assert main(["grade", "--db", db, "--manual", "L001", EX, "-", "--comment", "好"]) == 2
        assert postgres.password not in one_line(capsys, words, secret)
    assert not (tmp_path / "rep").exists()


def test_not_a_gradebook_empty_and_newer_are_refused(postgres, url, tmp_path, capsys):
    other = postgres.fresh()
    with psycopg.connect(host="127.0.0.1", port=postgres.port, user="kamlab", password=postgres.password,
                         dbname="kamlab_test", autocommit=True) as admin:
        schema = other.rsplit("%3D", 1)[1]
        admin.execute(f'CREATE TABLE "{schema}".orders (id int)')
    empty = postgres.fresh()
    sql(url, "UPDATE kamlab_version SET version_num = 'kamlab_0099'")
    for db, words in ((other, "不是 kamlab 成绩册"), (empty, "还不是成绩册"), (url, "较新版本")):
        assert main(["report", "--db", db, "--out", str(tmp_path / "rep")]) == 2
        one_line(capsys, words, postgres.password)
    assert not (tmp_path / "rep").exists()
    # Nothing was created in the empty or the foreign one by trying.
    for db in (other, empty):
        assert "kamlab_version" not in str(sql_tables(postgres, db))


def sql_tables(postgres, db):
    schema = db.rsplit("%3D", 1)[1]
    with psycopg.connect(host="127.0.0.1", port=postgres.port, user="kamlab", password=postgres.password,
                         dbname="kamlab_test") as con:
        return [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                                          (schema,))]


def test_server_gone_mid_grade_rolls_back_and_a_rerun_finishes(postgres, url, tmp_path, capsys, monkeypatch):
    files = [put(tmp_path, signed(lid), f"{lid}.json") for lid in ROSTER]
    real = gradebook._note_exercise
    calls = []

    def cut(c, exercise):
        calls.append(exercise)
        real(c, exercise)
        if len(calls) == 1:  # after the submissions were inserted, before their scores and the COMMIT
            pid = c.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with psycopg.connect(host="127.0.0.1", port=postgres.port, user="kamlab", password=postgres.password,
                                 dbname="kamlab_test", autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    monkeypatch.setattr(gradebook, "_note_exercise", cut)
    assert main(["grade", *map(str, files), "--db", url, "--quiet"]) == 2
    one_line(capsys, "与数据库服务器的连接中断，本次写入已全部撤销", postgres.password)
    assert sql(url, "SELECT (SELECT COUNT(*) FROM submissions), (SELECT COUNT(*) FROM scores)") == [(0, 0)]
    monkeypatch.setattr(gradebook, "_note_exercise", real)
    assert main(["grade", *map(str, files), "--db", url, "--quiet"]) == 0
    assert "已评分 3 份" in capsys.readouterr().out
    assert sql(url, "SELECT learner_id, SUM(score) FROM scores JOIN submissions ON id = submission_id "
                    "GROUP BY learner_id ORDER BY learner_id") == [("L001", 12.0), ("L002", 12.0), ("L003", 12.0)]
