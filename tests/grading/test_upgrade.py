"""Gradebooks written by older kamlab versions: every verb but ``kamlab db upgrade`` says in
one line that an upgrade is needed and changes nothing; the upgrade keeps a backup (SQLite)
and every row, and the result has the same tables and columns as a new gradebook."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from gbsql import sql
from old_gradebooks import CANVAS, DATA, EX, write

from kamlab.cli import main
from kamlab.grading import gradebook


def columns(db) -> dict[str, set[str]]:
    book = gradebook.connect(db, readonly=True)
    try:
        inspector = sa.inspect(book.conn)
        return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}
    finally:
        book.close()


@pytest.mark.parametrize("version", [2, 3, 4])
def test_an_old_sqlite_gradebook_is_upgraded_after_a_backup_keeping_every_row(tmp_path, capsys, version):
    old = write(tmp_path / "old.sqlite", version)
    before, dump = old.read_bytes(), list(sqlite3.connect(old).iterdump())
    for argv in (["report", "--out", str(tmp_path / "rep")], ["grade"], ["roster", "list"]):
        argv = [argv[0], "--db", str(old), *argv[1:]]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"由旧版本 kamlab 建立（格式 {version}" in err and f"kamlab db upgrade --db {old}" in err
        assert err.count("\n") == 1
    assert old.read_bytes() == before and not (tmp_path / "rep").exists()

    assert main(["db", "upgrade", "--db", str(old)]) == 0
    backup = tmp_path / f"old.format{version}.bak.sqlite"
    assert f"已从格式 {version} 升级到格式 {gradebook.SCHEMA_VERSION}；升级前的副本：{backup}" in capsys.readouterr().out
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == version
    assert list(sqlite3.connect(backup).iterdump()) == dump  # the copy holds the file as it was
    assert main(["db", "upgrade", "--db", str(old)]) == 0
    assert "已是最新格式" in capsys.readouterr().out

    con = gradebook.connect(old, readonly=True)
    assert gradebook.roster(con) == {"L001": "张三", "L002": "李四"}
    assert gradebook.class_exercises(con) == [EX, CANVAS]  # assigned first, then first submitted
    # Before schema 4 every learner owed every assigned exercise; a never-assigned one is owed by all.
    assert gradebook.expected(con) == {("L001", EX), ("L002", EX), ("L001", CANVAS), ("L002", CANVAS)}
    scores = gradebook.latest_scores(con).set_index(["learner_id", "question_id"])
    assert scores.loc[("L001", "strategy"), "score"] == 2 and scores.loc[("L001", "strategy"), "needs_review"] == 0
    assert scores.loc[("L002", "canvas"), "score"] == 3
    assert gradebook.due_dates(con) == {} and gradebook.removed(con) == {}
    con.close()
    fresh = tmp_path / "new.sqlite"
    gradebook.connect(fresh, create=True).close()
    assert columns(old) == columns(fresh)
    # It is written to like a new one.
    con = gradebook.connect(old)
    gradebook.record_assignment(con, "ding-01-x", "a2", ["L001"], due_at="2026-12-01T10:00:00+00:00")
    assert gradebook.class_exercises(con)[-1] == "ding-01-x"
    con.close()
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == gradebook.SCHEMA_VERSION


def test_a_read_only_old_gradebook_is_told_to_upgrade_too(tmp_path, capsys):
    old = write(tmp_path / "old.sqlite", 3)
    with pytest.raises(gradebook.InputError, match="kamlab db upgrade"):
        gradebook.connect(old, readonly=True)


def test_a_postgresql_gradebook_of_schema_2_is_upgraded_in_one_transaction(postgres, capsys):
    from alembic import command
    from alembic.config import Config

    url = postgres.fresh()
    book = gradebook.Book(sa.create_engine(url), "test", readonly=False)
    with gradebook.transaction(book) as c:  # schema 2 as its Alembic revision makes it
        config = Config()
        config.set_main_option("script_location", str(gradebook.MIGRATIONS_DIR))
        config.attributes["connection"] = c
        command.upgrade(config, "kamlab_0002")
    book.close()
    for statement in DATA:
        _raw(postgres, url, statement)
    assert main(["report", "--db", url, "--out", "rep"]) == 2
    err = capsys.readouterr().err
    assert "由旧版本 kamlab 建立（格式 2" in err and postgres.password not in err
    # A failure half-way (step 4 meets a table in its way, after step 3 and part of 4 ran)
    # leaves schema 2 whole: DDL is transactional on PostgreSQL.
    _raw(postgres, url, "CREATE TABLE assigned_to (x int)")
    assert main(["db", "upgrade", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "assigned_to" in err and err.count("\n") == 1 and postgres.password not in err
    assert _raw(postgres, url, "SELECT version_num FROM kamlab_version") == [("kamlab_0002",)]
    tables = {r[0] for r in _raw(postgres, url, "SELECT table_name FROM information_schema.tables "
                                                "WHERE table_schema = current_schema()")}
    assert "exercises" not in tables
    assert ("removed_at",) not in _raw(postgres, url, "SELECT column_name FROM information_schema.columns "
                                                      "WHERE table_name = 'learners' AND table_schema = current_schema()")
    _raw(postgres, url, "DROP TABLE assigned_to")
    assert main(["db", "upgrade", "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"已从格式 2 升级到格式 {gradebook.SCHEMA_VERSION}（在一个事务中完成）" in out and postgres.password not in out
    con = gradebook.connect(url, readonly=True)
    assert gradebook.class_exercises(con) == [EX, CANVAS]
    assert gradebook.latest_scores(con).set_index(["learner_id", "question_id"]).loc[("L001", "strategy"), "score"] == 2
    con.close()
    assert sql(url, "SELECT COUNT(*) FROM assigned_to") == [(2,)]


def _raw(postgres, url, statement):
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(host="127.0.0.1", port=postgres.port, user="kamlab", password=postgres.password,
                         dbname="kamlab_test", options=f"-csearch_path={schema}") as con:
        cur = con.execute(statement)
        return cur.fetchall() if cur.description else []
