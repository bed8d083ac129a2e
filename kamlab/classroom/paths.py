"""Where a class keeps its files: everything beside the gradebook.

- ``login-slips.html`` and ``login-codes.csv``: for the trainer (mode 600);
- ``kamlab-hub/`` (mode 700): the hub's own state: ``jupyterhub_config.py`` (generated,
  readable), JupyterHub's database and cookie secret, ``logins.json`` (code hashes),
  ``trainer.json`` (the trainer's password hash), ``class.json`` (学号 ↔ system names,
  names), ``released-feedback/`` (the pages the trainer released) and the hub's log.

Learners' kernels run as other system users and can read none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STATE = "kamlab-hub"
SLIPS = "login-slips.html"


@dataclass(frozen=True)
class ClassPaths:
    """The files of one class, from its gradebook path."""

    db: Path

    @property
    def folder(self) -> Path:
        return self.db.parent

    @property
    def state(self) -> Path:
        return self.folder / STATE

    @property
    def slips(self) -> Path:
        return self.folder / SLIPS

    @property
    def config(self) -> Path:
        return self.state / "jupyterhub_config.py"

    @property
    def logins(self) -> Path:
        return self.state / "logins.json"

    @property
    def trainer(self) -> Path:
        return self.state / "trainer.json"

    @property
    def class_file(self) -> Path:
        return self.state / "class.json"

    @property
    def released(self) -> Path:
        return self.state / "released-feedback"

    @property
    def log(self) -> Path:
        return self.state / "hub.log"
