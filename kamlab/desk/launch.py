"""``kamlab desk``: start the desk's Voilà server on the trainer's machine.

By default the server listens on 127.0.0.1 only, so nobody else on the network can
reach it, and no token is asked for. The port is bound here, before Voilà starts, and the
listening socket is handed to it: a port already in use (a second desk, say) is one Chinese
line, and a test asking for port 0 gets a free port with no race. ``kamlab desk`` then runs
the Voilà server in its own process (no child server): stopping it by its pid (SIGTERM,
Ctrl+C) shuts down the server and every kernel it started; a kernel whose server is killed outright exits on its
own (it watches its parent). A page's kernel is shut down when the page goes (Voilà's unload
beacon), and a kernel left without a page (a crashed tab) is culled once idle. With ``--host`` (e.g. ``0.0.0.0`` for a
classroom LAN) a secret is required, through Jupyter server's own identity
provider: a token (``--token``, or a random one printed with the address) or a
password (``--password``: typed once, only its hash is passed to the server).
"""

from __future__ import annotations

import argparse
import errno
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
from ..grading import dburl

NOTEBOOK = Path(__file__).resolve().parent / "notebook" / "desk.ipynb"
#: A Jupyter data folder holding the desk's Voilà template (the lab template without its CDN links).
DATA = Path(__file__).resolve().parent / "share"
TEMPLATE = "kamlab-desk"
#: Lab extensions installed beside Voilà that fail outside JupyterLab (console errors on the page).
DENIED = ("jupyterlab-jupytext", "@jupyterlite/pyodide-kernel-extension", "@voila-dashboards/jupyterlab-preview")
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
#: The argument that hands the bound socket to :func:`serve` (removed before Voilà reads its arguments).
FD_FLAG = "--kamlab-listen-fd="
#: A kernel with no page connected is shut down after this many idle seconds (checked every CULL_EVERY).
CULL_IDLE, CULL_EVERY = 60, 15
#: Quiet server: the terminal shows the desk's own Chinese lines, not Voilà's English log.
QUIET = ("--Voila.log_level=ERROR", "--ServerApp.log_level=ERROR")


def command(db: Path, sock: socket.socket, host: str = "127.0.0.1", token: str = "",
            hashed_password: str = "", cull: tuple[int, int] = (CULL_IDLE, CULL_EVERY)) -> list[str]:
    """The Voilà command line for the desk serving on ``sock`` (bound by :func:`bind`; the
    gradebook goes in the environment); ``cull``: (idle seconds, check interval) for kernels
    whose page is gone without a word (a crashed tab)."""
    port = sock.getsockname()[1]
    argv = [sys.executable, "-m", "kamlab.desk.launch", str(NOTEBOOK), f"{FD_FLAG}{sock.fileno()}", "--no-browser",
            f"--port={port}", f"--Voila.ip={host}", "--Voila.port_retries=0",
            "--VoilaConfiguration.show_tracebacks=False", f"--template={TEMPLATE}",
            *(f"--VoilaConfiguration.extension_denylist={x}" for x in DENIED), f"--Voila.token={token}",
            f"--MappingKernelManager.cull_idle_timeout={cull[0]}",
            f"--MappingKernelManager.cull_interval={cull[1]}",
            "--MappingKernelManager.cull_connected=False", *QUIET,
            "--VoilaConfiguration.multi_kernel_manager_class=kamlab.desk.server.DeskKernels"]
    if hashed_password:
        argv.append(f"--PasswordIdentityProvider.hashed_password={hashed_password}")
    return argv


def environment(db: Path) -> dict[str, str]:
    """The server's environment: the gradebook path for the desk's kernel, the template's folder."""
    from ..grading.gradebook import current_scope

    path = os.pathsep.join(p for p in (str(DATA), os.environ.get("JUPYTER_PATH", "")) if p)
    klass, trainer = current_scope()  # kamlab --class NAME --trainer WHO desk …
    scope = {k: v for k, v in (("KAMLAB_DESK_CLASS", klass), ("KAMLAB_DESK_TRAINER", trainer)) if v}
    return {**os.environ, "KAMLAB_DESK_DB": str(db), "JUPYTER_PATH": path, **scope}


def check_db(path: str) -> Path | str:
    """The gradebook path, resolved; its folder must exist (the file may not, yet). A
    database URL is checked by opening the gradebook (one Chinese line, no password)."""
    if dburl.is_url(path):
        from ..grading import gradebook

        gradebook.connect(path, readonly=True).close()
        return path
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


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` now (port 0: any free port), to hand to the server.

    Raises InputError (one Chinese line) when the port is taken, e.g. by another desk."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a just-stopped desk's port is reusable
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise InputError("端口", f"{port} 已被占用（可能已有一个工作台在运行）：请先停止它，"
                             f"或用 --port 换一个端口，如 --port {port + 1}", str(port)) from None
        raise InputError("端口", f"无法在 {host}:{port} 上监听：{error.strerror or error}", str(port)) from None
    sock.set_inheritable(True)
    return sock


def main(args: argparse.Namespace) -> int:
    """``kamlab desk [--db gradebook.sqlite] [--port 8866] [--host 127.0.0.1]``: this process
    is the desk's server (stop it with Ctrl+C, or by its pid)."""
    db = check_db(args.db)
    host = args.host or "127.0.0.1"
    sock = bind(host, args.port)
    typed = getpass.getpass("设置工作台密码 / desk password: ") if args.password and host not in LOOPBACK else ""
    token, hashed = secret(host, args.token or "", typed)
    print(f"KAM Lab 培训师工作台：成绩册 {dburl.shown(db) if dburl.is_url(db) else db}")
    print(f"在浏览器打开：{address(host, sock.getsockname()[1], token)}")
    if host not in LOOPBACK:
        print("已在局域网开放：只把带令牌的地址（或密码）告诉需要的人。Ctrl+C 停止。")
    else:
        print("只在本机可访问（127.0.0.1）。Ctrl+C 停止。")
    sys.stdout.flush()
    os.environ.update(environment(db))  # the gradebook for the kernels, the template's folder
    return serve(command(db, sock, host, token, hashed)[3:])  # Voilà runs in this very process


def start(db: Path, log: Path | None = None, host: str = "127.0.0.1", token: str = "",
          cull: tuple[int, int] = (CULL_IDLE, CULL_EVERY)) -> tuple[subprocess.Popen, int]:
    """Start the desk server on a free port in its own process group (tests, figures);
    return it and its port. Stop it with :func:`stop`."""
    sock = bind(host, 0)
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - owned by the child
    try:
        process = subprocess.Popen(command(db, sock, host, token, cull=cull), env=environment(db), stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True, pass_fds=(sock.fileno(),))
        return process, int(sock.getsockname()[1])
    finally:
        sock.close()  # the server holds its own copy


def wait_until_up(port: int, timeout: float = 60.0, host: str = "127.0.0.1") -> None:
    """Wait until the server answers HTTP on ``port`` (raises TimeoutError). The socket accepts
    connections from the moment it is bound, so a connection alone proves nothing."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{host}:{port}/kamlab-ready", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # any answer (404 here) means the server is serving
        except OSError:
            time.sleep(0.1)
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
    """Run Voilà in this process (``python -m kamlab.desk.launch …`` is what :func:`command` starts),
    on the socket handed over with :data:`FD_FLAG`.

    ``rfc3987_syntax`` is kept from loading: when installed, jsonschema imports it for its
    ``iri`` format check, and it compiles a grammar on import (≈ 3 s of CPU, the largest part
    of Voilà's start); Jupyter's event schemas never use that format.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from .server import DeskServer

    fds = [int(a.removeprefix(FD_FLAG)) for a in argv if a.startswith(FD_FLAG)]
    DeskServer.listen_fd = fds[0] if fds else None
    sys.argv = ["voila", *(a for a in argv if not a.startswith(FD_FLAG))]
    return int(DeskServer.launch_instance() or 0)


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:]))
