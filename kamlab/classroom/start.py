"""``kamlab classroom``: start the class server (JupyterHub) for a roster and a gradebook.

:func:`prepare` checks everything first (root, roster, the port, the learners'
environment, the proxy) and raises :class:`~kamlab.InputError` (one Chinese line) before
anything is written; then it writes the class's files (:mod:`.paths`): login codes and
slips, the hashed logins, the trainer's password hash (asked at the first start), the
roster and tokens in the gradebook, ``class.json`` and ``jupyterhub_config.py``.
:func:`main` then runs JupyterHub and prints, in Chinese, the address, where the slips
are and how to stop.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError
from ..grading import gradebook
from ..grading.keys import check_exercise, exercises_dir
from ..grading.roster import read_roster
from . import learner_env
from .codes import codes_for, hash_secret, hashed_logins, load_json, private_write
from .hubconfig import HubSettings, render
from .names import TRAINER, map_roster
from .paths import ClassPaths
from .slips import slips_html

CHECKOUT = Path(__file__).resolve().parents[2]
MIN_PASSWORD = 8


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (for the hub's internal ports)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def check_port(ip: str, port: int) -> None:
    """Refuse a port already taken on ``ip``."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((ip, port))
        except OSError as error:
            raise InputError("端口", f"{ip}:{port} 已被占用或不可用（{error.strerror}）：换一个端口，如 --port {port + 1}",
                             str(port)) from None


def proxy_command() -> list[str]:
    """configurable-http-proxy from the project's ``node_modules`` (``make setup``), or on PATH."""
    local = CHECKOUT / "node_modules" / ".bin" / "configurable-http-proxy"
    found = str(local) if local.is_file() else shutil.which("configurable-http-proxy")
    if not found:
        raise InputError("代理", "没有找到 configurable-http-proxy：请先运行 make setup（用 npm 安装到本项目的 node_modules）")
    return [found]


def trainer_password(paths: ClassPaths, given: str | None) -> None:
    """Set the trainer's password at the first start (given, or typed twice)."""
    if load_json(paths.trainer).get("hash"):
        return
    password = given
    if password is None:
        print("第一次启动：请为培训师账号（登录名 trainer）设置密码，至少 8 个字符。")
        password = getpass.getpass("培训师密码：")
        if password != getpass.getpass("再输入一次："):
            raise InputError("培训师密码", "两次输入不一致，请重新启动并再输入一次")
    if len(password) < MIN_PASSWORD:
        raise InputError("培训师密码", f"至少 {MIN_PASSWORD} 个字符（现在 {len(password)} 个）")
    private_write(paths.trainer, json.dumps({"hash": hash_secret(password)}))


def address(ip: str, port: int) -> str:
    """The address to give learners."""
    if ip in ("0.0.0.0", "::", ""):
        try:
            shown = socket.gethostbyname(socket.gethostname())
        except OSError:
            shown = "本机的局域网地址"
        return f"http://{shown}:{port}/"
    return f"http://{ip}:{port}/"


def prepare(roster_file: str | Path, db: str | Path, *, ip: str = "127.0.0.1", port: int = 8000,
            insecure: bool = False, password: str | None = None, assign: list[str] | None = None,
            venv: Path | None = None, idle_timeout: int = 3600) -> tuple[HubSettings, ClassPaths, str]:
    """Check, then write the class's files; returns (settings, paths, address for learners)."""
    if os.geteuid() != 0 and not insecure:
        raise InputError("权限", "课堂服务器要为每位学员建立独立的系统账号，需要以 root 运行（sudo kamlab classroom …）；"
                         "只在一台机器上演示时可加 --insecure-single-user（不隔离学员，仅供演示）")
    db = Path(db).expanduser().resolve()
    if db.is_dir() or not db.parent.is_dir():
        raise InputError("成绩册", f"“{db}”应为成绩册文件，且所在文件夹必须存在", str(db))
    roster = read_roster(roster_file)
    systems = map_roster(roster)
    for exercise in assign or []:
        check_exercise(exercise)
    check_port(ip, port)
    venv = venv or learner_env.DEFAULT
    if not learner_env.ready(venv):
        raise InputError("学员环境", f"{venv} 中没有学员用的 JupyterLab 环境：请先运行 make setup")
    proxy = proxy_command()
    paths = ClassPaths(db)
    paths.state.mkdir(mode=0o700, exist_ok=True)
    os.chmod(paths.state, 0o700)
    trainer_password(paths, password)
    con = gradebook.connect(db, create=True)
    try:
        gradebook.set_roster(con, roster)
        gradebook.ensure_tokens(con, roster, lambda: secrets.token_urlsafe(24))
        for exercise in assign or []:
            gradebook.record_assignment(con, exercise, f"{exercise}-{datetime.now(UTC):%Y%m%d}")
    finally:
        con.close()
    os.chmod(db, 0o600)
    codes = codes_for(roster, paths.folder)
    logins = hashed_logins(codes, systems, load_json(paths.logins))
    private_write(paths.logins, json.dumps(logins, ensure_ascii=False))
    where = address(ip, port)
    private_write(paths.slips, slips_html(roster, codes, where))
    info = {"db": str(db), "book": str(CHECKOUT / "book"), "exercises": str(exercises_dir().resolve()),
            "learners": {systems[lid]: {"learner": lid, "name": roster[lid]} for lid in roster},
            "insecure": insecure, "homes": str(paths.state / "homes")}
    private_write(paths.class_file, json.dumps(info, ensure_ascii=False, indent=1))
    settings = HubSettings(state=paths.state, db=db, book=CHECKOUT / "book", exercises=exercises_dir().resolve(),
                           learners={systems[lid]: lid for lid in roster}, trainer=TRAINER, ip=ip, port=port,
                           hub_port=free_port(), proxy_api_port=free_port(), desk_port=free_port(),
                           handin_port=free_port(), learner_venv=venv, proxy_command=proxy,
                           idle_timeout=idle_timeout, insecure=insecure)
    private_write(paths.config, render(settings))
    return settings, paths, where


def hub_command(paths: ClassPaths) -> list[str]:
    """How the hub is started (the project's Python, the generated configuration)."""
    return [sys.executable, "-m", "jupyterhub", "-f", str(paths.config)]


def launch(paths: ClassPaths, log=None) -> subprocess.Popen:
    """Start the hub in its own process group, working in the class's state folder.

    Its umask is 077: every file the hub, its services and the learners' servers create (the
    gradebook's journal, the desk's downloads, a learner's answers) is readable by its owner only.
    """
    out = log if log is not None else open(paths.log, "ab")  # noqa: SIM115 - owned by the child
    return subprocess.Popen(hub_command(paths), cwd=paths.state, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True, umask=0o077)


def wait_until_up(port: int, process: subprocess.Popen | None = None, timeout: float = 90.0) -> None:
    """Wait until ``/hub/login`` answers on 127.0.0.1:``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"hub exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/login", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"hub not up on port {port} after {timeout:.0f} s")


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (the hub's proxy, services and learners' servers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _is_proxy(pid: int) -> bool:
    try:
        return b"configurable-http-proxy" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def stop(process: subprocess.Popen, timeout: float = 30.0, proxy_pid_file: Path | None = None) -> None:
    """Stop the hub and everything it started, by process id.

    The hub stops its services and learners' servers one after another, each given several
    seconds to go; they are told at the same time as the hub (each runs in its own process
    group), so a stop takes seconds. The proxy is left to the hub (signalled early, the hub
    would start a new one); whatever is left after ``timeout``, the proxy written in
    ``proxy_pid_file`` included, is killed.
    """
    if process.poll() is not None:
        return
    children = [pid for pid in _children(process.pid) if not _is_proxy(pid)]
    _signal_group(process.pid, signal.SIGTERM)
    for child in children:
        _signal_group(child, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _signal_group(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    for child in children:
        _signal_group(child, signal.SIGKILL)
    try:
        proxy = int(proxy_pid_file.read_text()) if proxy_pid_file else 0
    except (OSError, ValueError):
        proxy = 0
    if proxy and _is_proxy(proxy):
        os.kill(proxy, signal.SIGKILL)


def main(args: argparse.Namespace) -> int:
    """``kamlab classroom --roster roster.csv --db gradebook.sqlite [--ip] [--port]``."""
    settings, paths, where = prepare(args.roster, args.db, ip=args.ip or "127.0.0.1", port=args.port,
                                     insecure=args.insecure_single_user, assign=args.assign or [],
                                     idle_timeout=args.idle_timeout,
                                     password=os.environ.get("KAMLAB_TRAINER_PASSWORD"))
    if settings.insecure:
        print("⚠ 不安全的单用户演示模式：所有学员的服务器以同一个系统账号运行，彼此能读到对方的文件。只用于一台机器上的演示，不要用于真实课堂。")
    process = launch(paths)

    def terminated(*_args) -> None:  # SIGTERM to this command stops the hub as Ctrl+C does
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)
    try:
        wait_until_up(settings.port, process)
    except (RuntimeError, TimeoutError):
        stop(process, proxy_pid_file=paths.state / "proxy.pid")
        raise InputError("课堂服务器", f"未能启动，详见日志 {paths.log}") from None
    print(f"KAM Lab 课堂服务器已启动（{len(settings.learners)} 名学员）。")
    print(f"学员在浏览器打开：{where}" + ("（只在本机可访问；要让教室里的电脑访问，加 --ip 0.0.0.0）" if settings.ip == "127.0.0.1" else ""))
    print(f"登录条（A4 打印后沿虚线剪开）：{paths.slips}；邮件合并用：{paths.folder / 'login-codes.csv'}")
    print(f"培训师：用“trainer”和你的密码登录，工作台在 {where}services/kamlab-desk/")
    print(f"日志：{paths.log}。停止：在此按 Ctrl+C（学员的作答、登录和成绩册都保留，再次运行同一命令即可继续）。")
    try:
        return process.wait()
    except KeyboardInterrupt:  # Ctrl+C, or SIGTERM: the hub stops its proxy, services and learners' servers
        stop(process, proxy_pid_file=paths.state / "proxy.pid")
        print("课堂服务器已停止。")
        return 0
