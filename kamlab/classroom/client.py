"""The learner's side of handing in on the class server (runs in the learner's kernel).

The hub gives the learner's server ``KAMLAB_HANDIN_URL`` (the hand-in service) and
``JUPYTERHUB_API_TOKEN`` (this learner's own token, allowed to call that service). So
:func:`hand_in` needs no file token: the service asks the hub whose token it is.
After a hand-in the learner's 从这里开始 page is rewritten with the new status.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import InputError

TIMEOUT = 30.0


def available() -> bool:
    """Whether this kernel runs on the class server (a hand-in service is configured)."""
    return bool(os.environ.get("KAMLAB_HANDIN_URL") and os.environ.get("JUPYTERHUB_API_TOKEN"))


def _call(route: str, body: dict | None = None) -> dict:
    url = os.environ["KAMLAB_HANDIN_URL"].rstrip("/") + "/" + route
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET", headers={
        "Authorization": f"token {os.environ['JUPYTERHUB_API_TOKEN']}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        try:
            reason = json.loads(error.read().decode("utf-8")).get("error", "")
        except ValueError:
            reason = ""
        raise InputError("提交", reason or f"课堂服务器拒绝了请求（HTTP {error.code}）：请重新登录后再试") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise InputError("提交", f"连不上课堂服务器（{getattr(error, 'reason', error)}）：你的答案已保存在本机，稍后再点“提交”") from None


def hand_in(exercise: str, answers: dict) -> dict:
    """Hand in ``answers``; returns the receipt (``version``, ``submitted_at``, ``text`` …)."""
    receipt = _call("submit", {"exercise": exercise, "answers": answers})
    refresh_start_page(receipt.get("statuses", {}))
    return receipt


def status(exercise: str) -> str:
    """“已提交（第 n 版 · 时间）” for ``exercise``, or ``""`` (not handed in, or service away)."""
    try:
        return _call("status").get("statuses", {}).get(exercise, "")
    except InputError:
        return ""


def refresh_start_page(statuses: dict[str, str], home: Path | None = None) -> None:
    """Rewrite ``~/从这里开始.md`` with the statuses just received (best effort)."""
    from .home import EXERCISES, write_start_page

    home = home or Path.home()
    try:
        present = sorted(p.stem for p in (home / EXERCISES).glob("*.ipynb"))
        write_start_page(home, present, statuses, os.environ.get("KAMLAB_WHO", ""))
    except (OSError, InputError):
        pass
