"""Login codes: short, easy to type, no look-alike characters, stored only as hashes.

A code is 6 characters from :data:`ALPHABET` (no ``0/O``, ``1/I/L``, ``2/Z``, ``5/S``,
``8/B``, ``U/V``): about 1.2 × 10⁸ codes, with failed logins slowed down by the
authenticator. The hub keeps only ``scrypt`` hashes (:func:`hash_secret`), in the class's
private state folder; the plain codes go to the trainer's ``login-codes.csv`` (mail-merge)
and ``login-slips.html`` beside the gradebook, both readable by their owner only. The
trainer's password is hashed the same way.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import hmac
import io
import json
import os
import secrets
from pathlib import Path

ALPHABET = "ACDEFGHJKMNPQRTWXY34679"
LENGTH = 6
CODES_CSV = "login-codes.csv"
_N, _R, _P = 2**14, 8, 1


def make_code() -> str:
    """A fresh random login code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(code: str) -> str:
    """What the learner typed, as a code: upper case, spaces and dashes dropped."""
    return "".join(code.split()).replace("-", "").upper()


def hash_secret(secret: str) -> str:
    """``scrypt$<salt>$<hash>`` of a code or password."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def check_secret(secret: str, stored: str) -> bool:
    """Whether ``secret`` matches a :func:`hash_secret` value (constant-time compare)."""
    try:
        kind, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        made = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=_N, r=_R, p=_P)
        return hmac.compare_digest(made, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def private_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable and writable by its owner only (mode 600)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def read_codes(path: Path) -> dict[str, str]:
    """学号 → code from an earlier ``login-codes.csv`` (empty when there is none)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    return {row["学号"]: row["登录码"] for row in csv.DictReader(io.StringIO(text)) if row.get("学号")}


def codes_for(roster: dict[str, str], folder: Path) -> dict[str, str]:
    """Every learner's code: kept from ``folder/login-codes.csv``, new ones for new learners;
    the CSV (学号,姓名,登录码; UTF-8 with BOM for Excel) is rewritten, mode 600."""
    known = read_codes(folder / CODES_CSV)
    codes = {lid: known.get(lid) or make_code() for lid in roster}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["学号", "姓名", "登录码"])
    writer.writerows([lid, roster[lid], codes[lid]] for lid in roster)
    private_write(folder / CODES_CSV, "\ufeff" + out.getvalue())
    return codes


def hashed_logins(codes: dict[str, str], systems: dict[str, str], previous: dict[str, dict]) -> dict[str, dict]:
    """The hub's login table: 学号 → {system name, code hash}; a hash is re-made only when
    the code changed (scrypt is slow on purpose)."""
    out = {}
    for lid, code in codes.items():
        old = previous.get(lid, {})
        keep = old.get("hash") and check_secret(code, old["hash"])
        out[lid] = {"system": systems[lid], "hash": old["hash"] if keep else hash_secret(code)}
    return out


def load_json(path: Path) -> dict:
    """A JSON object from ``path`` (empty when missing or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
