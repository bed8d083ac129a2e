"""Learner content shipped inside the package: ``kamlab/data/<kind>/<id>.json``."""

from __future__ import annotations

import json
from importlib import resources

from ..errors import InputError


def packaged_json(kind: str, stem: str, missing: InputError) -> object:
    """The parsed ``kamlab/data/<kind>/<stem>.json``; ``missing`` is raised when
    there is no such file, and a file that is not JSON is named with its line."""
    path = resources.files("kamlab") / "data" / kind / f"{stem}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise missing from None
    except json.JSONDecodeError as error:
        raise InputError(f"{kind}/{stem}.json", f"不是有效的 JSON（第 {error.lineno} 行）", stem) from None
