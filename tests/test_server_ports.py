"""The browser tests' server starter survives the choose-then-bind port race (issue 21 §3).

`tests/browser/test_lab.py` chose a free port, released it, and started JupyterLab on it; in one
fresh-clone run another process took the port first ("port 56167 is not available") and the run
failed. Here the race is forced: the first port offered is held by another socket.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from servers import port_taken, server_on_free_port  # noqa: E402

SERVE = ("import http.server, sys; "
         "http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), "
         "http.server.SimpleHTTPRequestHandler).serve_forever()")


def _held_socket() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    return s


def test_a_port_taken_between_choice_and_bind_is_retried_on_a_new_port(tmp_path):
    taken = _held_socket()  # "another process" holds the first port we will be offered
    offered: list[int] = []

    def choose() -> int:
        if not offered:
            offered.append(taken.getsockname()[1])
        else:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                offered.append(s.getsockname()[1])
        return offered[-1]

    try:
        with server_on_free_port(lambda p: [sys.executable, "-c", SERVE, str(p)],
                                 lambda p: f"http://127.0.0.1:{p}/", tmp_path / "log",
                                 cwd=tmp_path, choose_port=choose, start_timeout=20) as port:
            assert len(offered) == 2 and port == offered[1] != offered[0]
    finally:
        taken.close()


def test_any_other_early_exit_fails_at_once_with_the_log(tmp_path):
    with pytest.raises(AssertionError, match="配置有误"):
        with server_on_free_port(lambda p: [sys.executable, "-c", "print('配置有误'); raise SystemExit(2)"],
                                 lambda p: f"http://127.0.0.1:{p}/", tmp_path / "log", start_timeout=20):
            pass


def test_port_taken_reads_jupyter_and_python_messages():
    assert port_taken("[C 12:00 ServerApp] ERROR: the Jupyter server could not be started because "
                      "port 56167 is not available.")
    assert port_taken("OSError: [Errno 98] Address already in use")
    assert not port_taken("KeyError: 'token'")
