"""The class's login: 学号 + personal login code; the trainer's password.

:class:`ClassAuthenticator` is a JupyterHub ``LocalAuthenticator``: its
:meth:`~ClassAuthenticator.authenticate` returns the learner's system name (so the local
process spawner runs their server as that user, created by the hub) or ``None``. It reads
only hashes (``logins.json``, ``trainer.json`` in the class's state folder, see
:mod:`.paths`), re-read on each attempt so codes added while the hub runs work at once.

JupyterHub lower-cases what is typed in the user-name box before it gets here, so 学号 are
looked up without case (:mod:`.names` refuses rosters where that would be ambiguous).
Failed attempts are slowed down: from the fourth failure in a row for the same 学号 (or
the same address) each further attempt waits 1, 2, 4 … up to 30 s before it is checked.
The Chinese wrong-code message is in this package's ``templates/login.html``.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from jupyterhub.auth import LocalAuthenticator
from traitlets import Unicode

from .codes import check_secret, load_json, normalise
from .names import TRAINER, TRAINER_LOGIN

FREE_FAILURES = 3
MAX_DELAY = 30.0
FORGET_AFTER = 900.0


class Failures:
    """Failed logins per key (学号 or address): how long the next attempt must wait."""

    def __init__(self) -> None:
        self.counts: dict[str, tuple[int, float]] = {}

    def delay(self, *keys: str) -> float:
        now = time.monotonic()
        worst = 0
        for key in keys:
            count, last = self.counts.get(key, (0, now))
            if now - last > FORGET_AFTER:
                self.counts.pop(key, None)
                continue
            worst = max(worst, count)
        return 0.0 if worst < FREE_FAILURES else min(MAX_DELAY, 2.0 ** (worst - FREE_FAILURES))

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        for key in keys:
            self.counts[key] = (self.counts.get(key, (0, now))[0] + 1, now)

    def succeeded(self, key: str) -> None:
        self.counts.pop(key, None)


class ClassAuthenticator(LocalAuthenticator):
    """学号 and login code for learners, ``trainer`` and a password for the trainer."""

    logins_file = Unicode(help="logins.json: 学号 → {system, hash}").tag(config=True)
    trainer_file = Unicode(help="trainer.json: {hash} of the trainer's password").tag(config=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.failures = Failures()

    def _lookup(self, typed: str) -> tuple[str, str] | None:
        """(system name, stored hash) for what was typed as 学号."""
        if typed == TRAINER_LOGIN:
            stored = load_json(Path(self.trainer_file)).get("hash", "")
            return (TRAINER, stored) if stored else None
        for learner, entry in load_json(Path(self.logins_file)).items():
            if learner.lower() == typed and isinstance(entry, dict):
                return entry.get("system", ""), entry.get("hash", "")
        return None

    async def authenticate(self, handler, data):
        typed = str(data.get("username", "")).strip().lower()
        secret = str(data.get("password", ""))
        address = handler.request.remote_ip if handler is not None else ""
        wait = self.failures.delay(f"id:{typed}", f"ip:{address}")
        if wait:
            await asyncio.sleep(wait)
        found = self._lookup(typed)
        if found is None and typed:
            # same cost as a real check, so a wrong 学号 is not told apart from a wrong code by timing
            await asyncio.to_thread(check_secret, secret, "scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")
        candidate = secret if typed == TRAINER_LOGIN else normalise(secret)
        if found and await asyncio.to_thread(check_secret, candidate, found[1]):
            self.failures.succeeded(f"id:{typed}")
            return {"name": found[0]}
        self.failures.failed(f"id:{typed}", f"ip:{address}")
        self.log.warning("KAM Lab: failed login for %r from %s", typed, address)
        return None


class DemoAuthenticator(ClassAuthenticator):
    """For ``--insecure-single-user`` only: no system users (every server runs as the hub's user)."""

    create_system_users = False

    def system_user_exists(self, user) -> bool:
        return True
