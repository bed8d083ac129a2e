"""Run every performance script of the package: ``python -m kamlab.perf``."""

from __future__ import annotations

import pkgutil
from importlib import import_module

from . import __path__ as _path


def main() -> None:
    """Import each module of :mod:`kamlab.perf` and run its ``main()``."""
    for info in sorted(pkgutil.iter_modules(_path), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = import_module(f"{__package__}.{info.name}")
        print(f"== kamlab.perf.{info.name} ==", flush=True)
        module.main()


if __name__ == "__main__":
    main()
