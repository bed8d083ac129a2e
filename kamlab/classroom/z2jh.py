"""An offline check of the Zero to JupyterHub values (``deploy/z2jh/config.yaml``).

Kubernetes cannot run here, so this checks what can be checked without it:

- the file parses as YAML and has the chart's sections used (``hub``, ``singleuser``, ``cull``);
- every ``hub.config`` entry names a configurable class that exists (JupyterHub's own, the
  KubeSpawner's, or kamlab's authenticator) and a trait that class really has;
- every ``extraConfig`` snippet compiles as Python;
- every Python module the values start (``python3 -m …``, the authenticator class) is
  installed here, and so are the commands (``jupyterhub-singleuser``) and ``kubespawner``;
- the roles give the desk to the trainers' group only.

``python -m kamlab.classroom.z2jh [deploy/z2jh/config.yaml]`` prints the problems (exit 1)
or one line saying it is fine.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import sys
from pathlib import Path

import yaml

DEFAULT = Path(__file__).resolve().parents[2] / "deploy" / "z2jh" / "config.yaml"
#: Configurable classes the values may configure, and where they live.
CLASSES = {"JupyterHub": "jupyterhub.app", "Authenticator": "jupyterhub.auth", "Spawner": "jupyterhub.spawner",
           "KubeSpawner": "kubespawner", "ClassAuthenticator": "kamlab.classroom.auth",
           "LocalAuthenticator": "jupyterhub.auth"}


def _module_of(command: list[str]) -> str | None:
    return command[command.index("-m") + 1] if "-m" in command else None


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def problems(path: Path = DEFAULT) -> list[str]:
    """Everything wrong with the values file (empty when it passes)."""
    values = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = [f"missing section “{s}”" for s in ("hub", "singleuser", "cull") if s not in values]
    hub = values.get("hub", {})
    for cls_name, traits in hub.get("config", {}).items():
        if cls_name not in CLASSES:
            out.append(f"hub.config.{cls_name}: not a class this deployment uses")
            continue
        cls = getattr(importlib.import_module(CLASSES[cls_name]), cls_name)
        out += [f"hub.config.{cls_name}.{t}: {cls_name} has no such setting" for t in traits
                if t not in cls.class_trait_names()]
    authenticator = hub.get("config", {}).get("JupyterHub", {}).get("authenticator_class", "")
    if authenticator:
        module, _, name = authenticator.rpartition(".")
        if not _installed(module) or not hasattr(importlib.import_module(module), name):
            out.append(f"authenticator {authenticator} is not installed")
    for key, snippet in hub.get("extraConfig", {}).items():
        try:
            compile(snippet, f"extraConfig.{key}", "exec")
        except SyntaxError as error:
            out.append(f"hub.extraConfig.{key}: {error}")
    commands = [s.get("command", []) for s in hub.get("services", {}).values()]
    hook = values.get("singleuser", {}).get("lifecycleHooks", {}).get("postStart", {}).get("exec", {})
    commands.append(hook.get("command", []))
    for command in commands:
        module = _module_of(command)
        if module and not _installed(module):
            out.append(f"{' '.join(command[:3])}: module {module} is not installed")
        elif command and not module and not (shutil.which(command[0]) or (Path(sys.executable).parent / command[0]).exists()):
            out.append(f"command {command[0]} is not installed")
    if not _installed("kubespawner"):
        out.append("kubespawner (jupyterhub-kubespawner) is not installed")
    roles = hub.get("loadRoles", {})
    for name, role in roles.items():
        if any("service=kamlab-desk" in s for s in role.get("scopes", [])) and role.get("groups") != ["trainers"]:
            out.append(f"hub.loadRoles.{name}: the desk must be given to the trainers' group only")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    found = problems(path)
    for line in found:
        print(f"✗ {line}")
    if not found:
        print(f"✓ {path}: parses; classes, settings, modules and commands it names are installed")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
