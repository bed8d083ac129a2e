"""The hand-in service (``/services/kamlab-handin/``): learners hand in and read feedback.

Identity comes from the Hub, never from the request body: every route is a
``HubOAuthenticated`` handler, so a learner's kernel calls it with its own
``JUPYTERHUB_API_TOKEN`` (scoped by the hub to ``access:services!service=kamlab-handin``)
and a browser with its hub login. The hub user's system name is mapped back to the 学号
(``class.json``), the answers are packed and signed with that learner's token from the
gradebook (:func:`kamlab.grading.submit.pack`) and graded into it
(:func:`kamlab.grading.grade.grade_into`): the same checks and the same rows as a signed
file handed in by hand.

Routes: ``POST submit`` ({"exercise", "answers"} → receipt), ``GET status`` (this
learner's hand-ins), ``GET feedback`` (this learner's released feedback page, or a
note that none is released yet).
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from ..errors import InputError
from ..grading import gradebook, submit
from ..grading.grade import grade_into
from ..grading.validate import MAX_BYTES
from .codes import load_json
from .release import released_page
from .startpage import submitted_text
from .status import submitted


@dataclass(frozen=True)
class Receipt:
    """What the learner is shown after handing in."""

    learner: str
    exercise: str
    version: int
    submitted_at: str
    text: str
    statuses: dict[str, str]


def hand_in(db: Path, learner: str, exercise: str, answers: dict) -> Receipt:
    """Sign ``answers`` with the learner's token and grade them into the gradebook."""
    if not isinstance(answers, dict):
        raise InputError("答案", "格式不对：应为“题号 → 回答”")
    con = gradebook.connect(db)
    try:
        token = gradebook.tokens(con).get(learner, "")
        if not token:
            raise InputError("学号", f"“{learner}”不在本班成绩册中或没有提交令牌：请联系培训师", learner)
        data = submit.pack(exercise, learner, answers, token=token)
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
        (result,) = grade_into(con, [(f"课堂提交 {learner} {exercise}", raw)])
        if not result.accepted:
            raise InputError("提交", result.reason)
        mine = submitted(con, learner)
    finally:
        con.close()
    version, when = mine[exercise]
    return Receipt(learner, exercise, version, when, submitted_text(version, when),
                   {x: submitted_text(*v) for x, v in mine.items()})


def feedback_html(db: Path, learner: str) -> str:
    """The learner's released page, or a short Chinese page saying it is not released yet."""
    page = released_page(db, learner)
    if page is not None:
        return page
    return ("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>我的反馈</title></head>"
            f"<body><h1>我的反馈</h1><p>培训师还没有发布反馈（学号 {escape(learner)}）。发布后刷新本页即可看到。</p>"
            "</body></html>")


def make_app(class_file: Path):
    """The tornado application (imports JupyterHub's service auth only here)."""
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
    from jupyterhub.utils import url_path_join
    from tornado import web

    info = load_json(class_file)
    db = Path(info["db"])
    learners = info.get("learners", {})
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/kamlab-handin/")

    class Base(HubOAuthenticated, web.RequestHandler):
        def learner(self) -> str:
            user = self.current_user
            entry = learners.get(user["name"]) if user else None
            if not entry:
                raise web.HTTPError(403, "只有本班学员可以使用")
            return entry["learner"]

        def reply(self, status: int, body: dict) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.finish(json.dumps(body, ensure_ascii=False))

    class Submit(Base):
        @web.authenticated
        def post(self) -> None:
            learner = self.learner()
            if len(self.request.body) > MAX_BYTES:
                return self.reply(413, {"error": f"提交过大（上限 {MAX_BYTES // 1024} KB）"})
            try:
                body = json.loads(self.request.body or b"{}")
                receipt = hand_in(db, learner, str(body.get("exercise", "")), body.get("answers"))
            except (ValueError, AttributeError):
                return self.reply(400, {"error": "提交内容不是有效的 JSON"})
            except InputError as error:
                return self.reply(400, {"error": str(error)})
            self.reply(200, asdict(receipt))

    class Status(Base):
        @web.authenticated
        def get(self) -> None:
            learner = self.learner()
            con = gradebook.connect(db, readonly=True)
            try:
                mine = submitted(con, learner)
            finally:
                con.close()
            self.reply(200, {"learner": learner, "statuses": {x: submitted_text(*v) for x, v in mine.items()}})

    class Feedback(Base):
        @web.authenticated
        def get(self) -> None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(feedback_html(db, self.learner()))

    return web.Application([
        (url_path_join(prefix, "submit"), Submit),
        (url_path_join(prefix, "status"), Status),
        (url_path_join(prefix, "feedback"), Feedback),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
    ], cookie_secret=os.urandom(32), max_body_size=MAX_BYTES * 2)


def main(argv: list[str] | None = None) -> int:
    """Run the service on the address the hub gives it (``JUPYTERHUB_SERVICE_URL``)."""
    import signal

    from tornado import ioloop

    parser = argparse.ArgumentParser(description="KAM Lab hand-in service (started by JupyterHub)")
    parser.add_argument("--class-file", required=True)
    args = parser.parse_args(argv)
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    make_app(Path(args.class_file)).listen(url.port or 80, url.hostname or "127.0.0.1")
    loop = ioloop.IOLoop.current()
    for sig in (signal.SIGINT, signal.SIGTERM):  # the hub stops its services with SIGINT: go at once
        signal.signal(sig, lambda *_: loop.add_callback_from_signal(loop.stop))
    loop.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
