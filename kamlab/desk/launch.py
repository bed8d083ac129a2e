"""``kamlab desk``: start the desk's Voilà server on the trainer's machine.

By default the server listens on 127.0.0.1 only, so nobody else on the network can
reach it, and no token is asked for. With ``--host`` (e.g. ``0.0.0.0`` for a
classroom LAN) a secret is required, through Jupyter server's own identity
provider: a token (``--token``, or a random one printed with the address) or a
password (``--password``: typed once, only its hash is passed to the server).
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from ..errors import InputError

NOTEBOOK = Path(__file__).resolve().parent / "notebook" / "desk.ipynb"
#: A Jupyter data folder holding the desk's Voilà template (the lab template without its CDN links).
DATA = Path(__file__).resolve().parent / "share"
TEMPLATE = "kamlab-desk"
#: Lab extensions installed beside Voilà that fail outside JupyterLab (console errors on the page).
DENIED = ("jupyterlab-jupytext", "@jupyterlite/pyodide-kernel-extension", "@voila-dashboards/jupyterlab-preview")
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def command(db: Path, port: int, host: str = "127.0.0.1", token: str = "",
            hashed_password: str = "") -> list[str]:
    """The Voilà command line for the desk (the gradebook goes in the environment)."""
    argv = [sys.executable, "-m", "kamlab.desk.launch", str(NOTEBOOK), "--no-browser", f"--port={port}",
            f"--Voila.ip={host}", "--Voila.port_retries=0", "--VoilaConfiguration.show_tracebacks=False",
            f"--template={TEMPLATE}", *(f"--VoilaConfiguration.extension_denylist={x}" for x in DENIED),
            f"--Voila.token={token}"]
    if hashed_password:
        argv.append(f"--PasswordIdentityProvider.hashed_password={hashed_password}")
    return argv


def environment(db: Path) -> dict[str, str]:
    """The server's environment: the gradebook path for the desk's kernel, the template's folder."""
    path = os.pathsep.join(p for p in (str(DATA), os.environ.get("JUPYTER_PATH", "")) if p)
    return {**os.environ, "KAMLAB_DESK_DB": str(db), "JUPYTER_PATH": path}


def check_db(path: str) -> Path:
    """The gradebook path, resolved; its folder must exist (the file may not, yet)."""
    db = Path(path).expanduser().resolve()
    if db.is_dir():
        raise InputError("成绩册", f"“{path}”是一个文件夹：--db 应指向成绩册文件，如 gradebook.sqlite", path)
    if not db.parent.is_dir():
        raise InputError("成绩册", f"所在的文件夹“{db.parent}”不存在", path)
    return db


def secret(host: str, token: str = "", password: str = "") -> tuple[str, str]:
    """(token, hashed password) for ``host``: none needed on loopback; otherwise the given
    token, the hash of the given password, or a fresh random token."""
    if host in LOOPBACK:
        return token, ""
    if password:
        if len(password) < 8:
            raise InputError("密码", "至少 8 个字符")
        from jupyter_server.auth import passwd

        return token, passwd(password)
    return token or secrets.token_urlsafe(18), ""


def address(host: str, port: int, token: str) -> str:
    """The address to open in a browser (with the token when there is one)."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def main(args: argparse.Namespace) -> int:
    """``kamlab desk [--db gradebook.sqlite] [--port 8866] [--host 127.0.0.1]``."""
    db = check_db(args.db)
    host = args.host or "127.0.0.1"
    typed = getpass.getpass("设置工作台密码 / desk password: ") if args.password and host not in LOOPBACK else ""
    token, hashed = secret(host, args.token or "", typed)
    print(f"KAM Lab 培训师工作台：成绩册 {db}")
    print(f"在浏览器打开 / open: {address(host, args.port, token)}")
    if host not in LOOPBACK:
        print("已在局域网开放：只把带令牌的地址（或密码）告诉需要的人。Ctrl+C 停止。")
    else:
        print("只在本机可访问（127.0.0.1）。Ctrl+C 停止。")
    try:
        return subprocess.call(command(db, args.port, host, token, hashed), env=environment(db))
    except KeyboardInterrupt:
        return 0


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(db: Path, port: int, log: Path | None = None) -> subprocess.Popen:
    """Start the desk server in its own process group (tests, figures); stop it with :func:`stop`."""
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - owned by the child
    return subprocess.Popen(command(db, port), env=environment(db), stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_until_up(port: int, timeout: float = 60.0) -> None:
    """Wait until the server answers on ``port`` (raises TimeoutError)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"desk server not up on port {port} after {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """End the server and everything it started (its kernels), by its process group."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def serve(argv: list[str]) -> int:
    """Run Voilà in this process (``python -m kamlab.desk.launch …`` is what :func:`command` starts).

    ``rfc3987_syntax`` is kept from loading: when installed, jsonschema imports it for its
    ``iri`` format check, and it compiles a grammar on import (≈ 3 s of CPU, the largest part
    of Voilà's start); Jupyter's event schemas never use that format.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from voila.app import main as voila

    sys.argv = ["voila", *argv]
    return int(voila() or 0)


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:]))
