"""System names for learners: Chinese 学号 become safe, stable ASCII user names.

JupyterHub's local process spawner runs each learner's server as a system user, and
system user names must be short lowercase ASCII (``useradd``: ``[a-z_][a-z0-9_-]*``,
at most 32 characters). The 学号 stays what people see (login form, start page,
feedback); the system name is only for the machine:

- ``L001`` → ``kl-l001`` (an id of ASCII letters, digits, ``_`` and ``-``, lower-cased);
- ``张三01`` → ``kl-01-3f5a9c1e`` (anything else: the ASCII left over plus 8 hex digits of
  the SHA-256 of the 学号, so two ids never share a name).

Two ids that would still share a name (``L001`` and ``l001``) cannot be mapped: that is
one Chinese line naming both, before anything is created.
"""

from __future__ import annotations

import hashlib
import re

from ..errors import InputError

PREFIX = "kl-"
TRAINER = "kl-trainer"
#: What the trainer types as 学号 on the login page.
TRAINER_LOGIN = "trainer"
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,20}")
_ASCII = re.compile(r"[^a-z0-9]+")
SYSTEM_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


def system_name(learner: str) -> str:
    """The system user name of a 学号 (see the module docstring)."""
    if _PLAIN.fullmatch(learner):
        return PREFIX + learner.lower()
    slug = _ASCII.sub("-", learner.lower()).strip("-")[:12]
    digest = hashlib.sha256(learner.encode("utf-8")).hexdigest()[:8]
    return PREFIX + (f"{slug}-{digest}" if slug else digest)


def map_roster(roster: dict[str, str]) -> dict[str, str]:
    """学号 → system name for a whole roster; refuses ids that cannot be told apart."""
    out: dict[str, str] = {}
    taken: dict[str, str] = {}
    for learner in roster:
        if learner.strip().lower() == TRAINER_LOGIN:
            raise InputError("学号", f"“{learner}”是培训师的登录名，不能用作学号：请在名单中改一个学号", learner)
        name = system_name(learner)
        if name in taken:
            raise InputError("学号", f"“{taken[name]}”和“{learner}”只差大小写，系统账号无法区分：请在名单中改掉其中一个",
                             learner)
        if not SYSTEM_NAME.fullmatch(name) or name == TRAINER:
            raise InputError("学号", f"“{learner}”无法映射为系统账号名（得到“{name}”）：请在名单中改用字母、数字或汉字",
                             learner)
        taken[name] = learner
        out[learner] = name
    return out


def remove_system_users(names: list[str]) -> None:
    """Remove the system users a class made (a test's or a benchmark's learners), with their homes,
    after killing whatever still runs as them. Names that are not users are skipped."""
    import pwd
    import subprocess

    for name in names:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        for pid in subprocess.run(["ps", "-u", name, "-o", "pid="], capture_output=True, text=True).stdout.split():
            subprocess.run(["kill", "-9", pid], check=False)
        subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)
