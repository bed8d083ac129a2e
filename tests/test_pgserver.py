"""The tests' throw-away PostgreSQL: a port taken between choosing it and the server binding
it is retried on another; a machine without PostgreSQL fails loudly (no skip)."""

from __future__ import annotations

import socket

import pgserver
import psycopg
import pytest


def test_a_taken_port_is_retried_on_another_and_the_server_is_stopped(monkeypatch):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    ports = iter([taken.getsockname()[1]])  # the first "free" port is already someone else's
    real = pgserver.free_port
    monkeypatch.setattr(pgserver, "free_port", lambda: next(ports, None) or real())
    server = pgserver.Server()
    try:
        server.start()
        assert server.port != taken.getsockname()[1]
        with psycopg.connect(host="127.0.0.1", port=server.port, user=pgserver.USER, password=server.password,
                             dbname="postgres") as con:
            assert con.execute("SELECT 1").fetchone() == (1,)
    finally:
        taken.close()
        server.remove()
    assert not server.root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=server.port, user=pgserver.USER, password=server.password,
                        dbname="postgres", connect_timeout=3)


def test_no_postgresql_is_an_error_not_a_skip(monkeypatch):
    monkeypatch.setattr(pgserver, "BIN_DIRS", [])
    monkeypatch.setattr(pgserver.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="apt-get install postgresql"):
        pgserver.Server()
