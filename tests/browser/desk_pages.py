"""A desk page in a browser for the desk's browser tests, and what they poll: the kernels a
desk server runs, a condition that becomes true."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


class Opened:
    """A desk page in its own browser context; requests off 127.0.0.1 and page errors collected."""

    def __init__(self, browser, url: str, db: Path | None = None) -> None:
        from playwright.sync_api import expect

        self.context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)
        page.goto(url)
        expect(page.locator(".lm-TabBar-tab")).to_have_count(6)
        if db is not None:  # another gradebook, opened through the 班级 section
            page.locator(".widget-text:has(label:text-is('成绩册')) input").fill(str(db))
            page.locator("button:visible", has_text="打开 / 新建").click()
            expect(page.locator(".kamlab-ok:visible")).to_contain_text(f"已打开 {db}")

    def _route(self, r) -> None:
        if r.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:")):
            r.continue_()
        else:
            self.blocked.append(r.request.url)
            r.abort()

    def section(self, n: int, title: str) -> None:
        self.page.locator(".lm-TabBar-tab", has_text=f"{n}. {title}").click()

    def start_grading(self, exercise_label: str, question_label: str) -> None:
        from playwright.sync_api import expect

        page = self.page
        self.section(4, "批改")
        page.locator("select:visible").first.select_option(label=exercise_label)
        expect(page.locator("select:visible").nth(1)).to_have_value(question_label)
        page.locator("button:visible", has_text="开始批改").click()

    def close(self) -> None:
        assert self.blocked == [] and self.errors == []
        self.context.close()


def kernels(server: subprocess.Popen) -> set[int]:
    """Pids of the kernels the desk server is running now."""
    import psutil

    try:
        children = psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return set()
    found = set()
    for child in children:
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.add(child.pid)
        except psutil.Error:
            pass
    return found


def until(check, timeout: float = 20.0, every: float = 0.2):
    """Poll ``check()`` until it returns something true (returned), or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)
