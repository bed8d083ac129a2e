"""The learners' Python environment on the class server, and JupyterLab's settings.

Learners' servers run as other system users, so their environment must be readable and
runnable by everyone and must not live in a private folder (root's home, or a checkout in
one): a venv made from Debian's ``/usr/bin/python3`` under ``/opt/kamlab/venv`` (or
``$KAMLAB_LEARNER_VENV``), holding JupyterHub's single-user server, JupyterLab with its
Chinese language pack and the widget extension, and a copy of kamlab (not an editable
install). :func:`ensure` makes or updates it; :func:`write_lab_settings` makes Chinese the
default language and opens Markdown files (the 从这里开始 page) rendered — for this venv
and for ``make lab``'s.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

DEFAULT = Path(os.environ.get("KAMLAB_LEARNER_VENV", "/opt/kamlab/venv"))
BASE_PYTHON = "/usr/bin/python3"
PACKAGES = ["jupyterhub==6.1.1", "jupyterlab>=4.2", "jupyterlab_widgets>=3.0", "ipywidgets>=8.1", "ipykernel",
            "jupyterlab-language-pack-zh-cn"]
STAMP = ".kamlab-source"
SETTINGS = {
    "@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"},
    "@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"markdown": "Markdown Preview"}},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def write_lab_settings(prefix: Path) -> Path:
    """``<prefix>/share/jupyter/lab/settings/overrides.json``: Chinese UI, Markdown rendered."""
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(SETTINGS, ensure_ascii=False, indent=1), encoding="utf-8")
    path.chmod(0o644)
    return path


def source_hash(source: Path) -> str:
    """A hash of kamlab's files in the checkout (package code and data)."""
    digest = hashlib.sha256()
    for path in sorted((source / "kamlab").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(source)).encode())
            digest.update(path.read_bytes())
    digest.update((source / "pyproject.toml").read_bytes())
    return digest.hexdigest()


def ready(venv: Path = DEFAULT) -> bool:
    """Whether the venv has the single-user server."""
    return (venv / "bin" / "jupyterhub-singleuser").is_file()


def ensure(source: Path, venv: Path = DEFAULT, quiet: bool = True) -> bool:
    """Create the venv if needed and (re)install kamlab from ``source`` when it changed;
    returns whether anything was installed."""
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", *(["-q"] if quiet else [])]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the venv's own kamlab, not a checkout's
    changed = False
    if not ready(venv):
        subprocess.run([BASE_PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run([*pip, *PACKAGES], check=True, env=env)
        changed = True
    stamp, deps = venv / STAMP, venv / (STAMP + "-deps")
    wanted = source_hash(source)
    if changed or not stamp.is_file() or stamp.read_text() != wanted:
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(source)], check=True, env=env)
        declared = hashlib.sha256((source / "pyproject.toml").read_bytes()).hexdigest()
        if not deps.is_file() or deps.read_text() != declared:  # dependencies new since the venv was made
            subprocess.run([*pip, str(source)], check=True, env=env)
            deps.write_text(declared)
        stamp.write_text(wanted)
        changed = True
    write_lab_settings(venv)
    subprocess.run(["chmod", "-R", "a+rX", str(venv)], check=True)
    return changed


if __name__ == "__main__":
    import sys

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    print("learners' environment:", DEFAULT, "updated" if ensure(root, quiet=False) else "up to date")
