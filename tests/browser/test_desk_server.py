"""The desk's server from the outside: on the LAN it asks for its token; ``kamlab desk`` prints
Chinese lines only, a second desk on its port is one Chinese line, and stopping it by its pid
stops Voilà and every kernel. Each test starts its own server (bound by the launcher itself:
no port race) and stops it by its process group.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from desk_pages import Opened, until

from kamlab.desk import launch


def test_on_the_lan_the_desk_asks_for_its_token(tmp_path: Path):
    """``--host`` other than 127.0.0.1: without the printed token the page is a login redirect."""
    import urllib.error
    import urllib.request

    db = tmp_path / "gradebook.sqlite"
    token, hashed = launch.secret("127.0.0.2")
    assert token and not hashed
    process, port = launch.start(db, tmp_path / "server.log", host="127.0.0.2", token=token)
    try:
        launch.wait_until_up(port, timeout=90, host="127.0.0.2")

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(Stay)
        for query in ("", "?token=wrong"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                opener.open(f"http://127.0.0.2:{port}/{query}", timeout=60)
            assert refused.value.code == 302 and refused.value.headers["Location"].startswith("/login")
        with opener.open(f"http://127.0.0.2:{port}/?token={token}", timeout=90) as page:
            assert page.status == 200 and "application/vnd.jupyter.widget-view+json" in page.read().decode("utf-8")
    finally:
        launch.stop(process)


def test_kamlab_desk_stopped_by_its_pid_stops_the_whole_tree(browser, tmp_path: Path):
    """``kamlab desk`` prints Chinese lines only; a second desk on its port is one Chinese line;
    SIGTERM to its pid ends the server and its kernels and frees the port."""
    import psutil
    from playwright.sync_api import expect

    db = tmp_path / "gradebook.sqlite"
    out = tmp_path / "terminal.txt"
    with open(out, "wb") as terminal:
        desk = subprocess.Popen([sys.executable, "-m", "kamlab", "desk", "--db", str(db), "--port", "0"],
                                stdout=terminal, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        found = until(lambda: re.search(r"在浏览器打开：http://127\.0\.0\.1:(\d+)/", out.read_text("utf-8")), 30)
        assert found, out.read_text("utf-8")
        port = int(found.group(1))
        launch.wait_until_up(port, timeout=90)
        second = subprocess.run([sys.executable, "-m", "kamlab", "desk", "--db", str(db), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2 and second.stdout == ""
        assert second.stderr.strip() == f"错误：「端口」{port} 已被占用（可能已有一个工作台在运行）：请先停止它，或用 --port 换一个端口，如 --port {port + 1}"
        page = Opened(browser, f"http://127.0.0.1:{port}/")
        expect(page.page.locator(".kamlab-desk-table, i:text('还没有名单。')").first).to_be_visible()
        tree = psutil.Process(desk.pid).children(recursive=True)
        assert any("ipykernel_launcher" in " ".join(p.cmdline()) for p in tree)  # a kernel is running
        page.close()
        os.kill(desk.pid, signal.SIGTERM)  # what `kill <pid>` does
        desk.wait(timeout=30)
        gone, alive = psutil.wait_procs(tree, timeout=15)
        assert alive == [], f"still running after the desk was stopped: {alive}"
        launch.bind("127.0.0.1", port).close()  # the port is free again
        terminal_text = out.read_text("utf-8")
        lines = [line for line in terminal_text.splitlines() if line.strip()]
        assert lines[:3] == [f"KAM Lab 培训师工作台：成绩册 {db}", f"在浏览器打开：http://127.0.0.1:{port}/",
                             "只在本机可访问（127.0.0.1）。Ctrl+C 停止。"]
        assert not re.search(r"\[(Voila|I|W|C) |INFO|WARNING|CRITICAL", terminal_text), terminal_text
    finally:
        try:
            os.killpg(desk.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
