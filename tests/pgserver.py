"""A throw-away PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` in a temporary
directory, listening on 127.0.0.1 on a free port (a port taken between choosing it and the
server binding it is retried on another), password login (md5), stopped with
``pg_ctl stop -m fast`` whatever happens. Root cannot run ``initdb``: the server then runs
as the ``postgres`` system user (Debian's package creates it).
"""

from __future__ import annotations

import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15", "14", "13")]
USER = "kamlab"


def bin_dir() -> Path:
    """The folder of ``initdb`` and ``pg_ctl`` (Debian's layout, or the PATH)."""
    for d in BIN_DIRS:
        if (d / "initdb").is_file():
            return d
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise RuntimeError("PostgreSQL is not installed (no initdb): `apt-get install postgresql` (make test does it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One running throw-away server; :meth:`create` makes a fresh database and returns its URL."""

    def __init__(self) -> None:
        self.bin = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="kamlab-pg-"))
        self.data = self.root / "data"
        self.password = secrets.token_urlsafe(16)
        self.port = 0
        self._as: list[str] = []
        self._names = itertools.count(1)
        self.started = False
        self._test_db, self._test_db_name = False, "kamlab_test"
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
            self._owner = (pw.pw_uid, pw.pw_gid)
        else:
            self._owner = None
        pwfile = self.root / "pw"
        pwfile.write_text(self.password, encoding="utf-8")
        if self._owner:
            os.chown(pwfile, *self._owner)
        self._run(["initdb", "-D", str(self.data), "-A", "md5", f"--pwfile={pwfile}", "-U", USER, "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        pwfile.unlink()

    def _run(self, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess:
        cmd = [*self._as, str(self.bin / cmd[0]), *cmd[1:]]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)
        if check and done.returncode:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def start(self, attempts: int = 5) -> Server:
        log = self.root / "server.log"
        for _ in range(attempts):
            self.port = free_port()
            opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off " \
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
            done = self._run(["pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(log), "-w", "-t", "60", "start"],
                             check=False)
            if done.returncode == 0:
                self.started = True
                return self
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            self.stop()
            if "already in use" not in text and "could not bind" not in text:
                raise RuntimeError(f"PostgreSQL did not start:\n{done.stdout}\n{done.stderr}\n{text[-2000:]}")
        raise RuntimeError(f"PostgreSQL did not start: no free port in {attempts} attempts")

    def url(self, database: str = "postgres", password: str | None = None) -> str:
        return f"postgresql+psycopg://{USER}:{password or self.password}@127.0.0.1:{self.port}/{database}"

    def admin(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE / DROP DATABASE)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, password=self.password,
                             dbname="postgres", autocommit=True) as con:
            con.execute(statement)

    def fresh(self) -> str:
        """A fresh empty schema in the session's test database; its URL (``search_path`` set
        in the URL's ``options``). Milliseconds, where a new database takes about a second."""
        if not self._test_db:
            self.admin(f'CREATE DATABASE "{self._test_db_name}"')
            self._test_db = True
        import psycopg

        name = f"s{next(self._names)}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, password=self.password,
                             dbname=self._test_db_name, autocommit=True) as con:
            con.execute(f'CREATE SCHEMA "{name}"')
        return self.url(self._test_db_name) + f"?options=-csearch_path%3D{name}"

    def create(self, template: str | None = None, name: str | None = None) -> str:
        """A fresh empty database (or a copy of ``template``); its URL."""
        name = name or f"t{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def stop(self) -> None:
        if self.data.exists():
            self._run(["pg_ctl", "-D", str(self.data), "stop", "-m", "fast", "-t", "30"], check=False)
        self.started = False

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
