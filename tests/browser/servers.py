"""Start a server a test needs on a free loopback port, without the choose-then-bind race.

A test cannot hand a server port 0 when the server (JupyterLab through `make lab`, say) takes its
port as a number. So: choose a free port, start the server with it, and if the server exits because
another process took the port in between ("port … is not available", "Address already in use"),
start it again on a new port. The server runs in its own process group, stopped as a group (the
server and whatever it started: make, kernels) however the test ends.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PORT_TAKEN = ("is not available", "address already in use", "port is already in use")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_taken(log_text: str) -> bool:
    """True when a server's log says it could not bind its port."""
    low = log_text.lower()
    return any(sign in low for sign in PORT_TAKEN)


def stop_group(proc: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM the process group, then SIGKILL it if it has not gone within `timeout` seconds."""
    if proc.poll() is not None:
        try:  # the leader is gone; its children may not be
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@contextmanager
def server_on_free_port(
    command: Callable[[int], list[str]],
    ready_url: Callable[[int], str],
    log_path: Path,
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    start_timeout: float = 60,
    attempts: int = 5,
    choose_port: Callable[[], int] = free_port,
) -> Iterator[int]:
    """Run `command(port)` until `ready_url(port)` answers 200; yield the port; stop the group.

    A start that fails because the port was taken is retried on a new port (up to `attempts`);
    any other early exit fails at once with the server's log.
    """
    for attempt in range(1, attempts + 1):
        port = choose_port()
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(command(port), cwd=cwd, env=env, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + start_timeout
            while not _ready(ready_url(port)):
                if proc.poll() is not None:
                    text = log_path.read_text("utf-8", "replace")
                    if port_taken(text) and attempt < attempts:
                        break  # someone took the port between our choice and the server's bind
                    raise AssertionError(f"server exited before it was ready:\n{text[-4000:]}")
                if time.monotonic() > deadline:
                    raise AssertionError(
                        f"server not ready in {start_timeout:.0f} s:\n"
                        f"{log_path.read_text('utf-8', 'replace')[-4000:]}")
                time.sleep(0.3)
            else:
                yield port
                return
        finally:
            stop_group(proc)
    raise AssertionError(f"no free port after {attempts} attempts")
