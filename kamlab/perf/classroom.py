"""Figures of the class server (issue 17) for 30 generated learners on this machine.

``python -m kamlab.perf.classroom`` (as root: the hub creates a system user per learner)
starts a real hub exactly as ``kamlab classroom`` does and prints, with their goals:

- logging in 5 at a time, from the first login to all 30 start pages shown in Chromium
  (goal ≤ 90 s);
- memory per active learner: the proportional set size (PSS) of all of that learner's
  processes, their JupyterLab server plus one chapter kernel (wang-01 run to the end)
  (goal ≤ 400 MB);
- submit → visible in the desk: the hand-in service's work (sign, check, grade, commit) for
  5 learners while all 30 servers and kernels are up, plus the desk's read of the rows
  (goal ≤ 1 s; the browser round trip from clicking 提交 to the receipt is printed by the
  class server's browser test);
- the machine's peak memory in use (``MemTotal − MemAvailable``, sampled every 0.5 s) with
  the 30 learners each in one chapter (the peak includes the test's Chromium with 30 tabs; the
  memory in use once those tabs are closed, kernels still up, is printed too);
- how many learners this machine could hold: memory left at the start ÷ memory per learner,
  keeping 20 % spare.

The system users it creates are removed at the end. Every figure is wall-clock time on a
machine that may be shared; the load average is printed beside them.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from kamlab.classroom.names import remove_system_users

LEARNERS = 30
BATCH = 5
CHAPTER = "wang-01"
EXERCISE = "wang-01-quantify"
PASSWORD = "bench-trainer-2026"


def _meminfo() -> dict[str, int]:
    out = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        key, value = line.split(":", 1)
        out[key] = int(value.split()[0]) * 1024
    return out


def used_bytes() -> int:
    info = _meminfo()
    return info["MemTotal"] - info["MemAvailable"]


def pss_of_user(uid: int) -> int:
    """Sum of PSS over the processes of ``uid`` (bytes)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            for line in (entry / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


class Figures(dict):
    """Figures by name, each printed as soon as it is measured (a run takes minutes)."""

    def __setitem__(self, name: str, value: str) -> None:
        super().__setitem__(name, value)
        print(f"  … {name}：{value}", flush=True)


class Peak:
    """Samples the machine's memory in use every 0.5 s in a thread."""

    def __init__(self) -> None:
        self.peak = used_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, used_bytes())

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="运行").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("运行所有单元格", exact=True).click()


def main() -> None:  # noqa: PLR0915 - one measured scenario, step by step
    if os.geteuid() != 0:
        print("class server figures: skipped (run as root: the hub creates a system user per learner)")
        return
    import pwd

    from playwright.sync_api import expect, sync_playwright

    from ..classroom import learner_env
    from ..classroom.handin import hand_in
    from ..classroom.start import CHECKOUT, free_port, launch, prepare, stop, wait_until_up
    from ..grading import gradebook

    learner_env.ensure(CHECKOUT)
    roster = {f"S{i:03d}": f"学员{i:02d}" for i in range(1, LEARNERS + 1)}
    folder = Path(tempfile.mkdtemp(prefix="kamlab-bench-"))
    (folder / "roster.csv").write_text("学号,姓名\n" + "".join(f"{k},{v}\n" for k, v in roster.items()), encoding="utf-8")
    settings, paths, _ = prepare(folder / "roster.csv", folder / "gradebook.sqlite", port=free_port(),
                                 password=PASSWORD, assign=[EXERCISE])
    codes = dict(line.split(",")[0::2] for line in
                 (folder / "login-codes.csv").read_text(encoding="utf-8-sig").splitlines()[1:])
    users = [*settings.learners, settings.trainer]
    base = f"http://127.0.0.1:{settings.port}"
    baseline = used_bytes()
    process = launch(paths)
    figures = Figures()
    try:
        wait_until_up(settings.port, process)
        chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
        peak = Peak()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=flags)
            expect.set_options(timeout=300_000)
            pages = {}
            started = time.monotonic()
            learners = list(roster)
            for i in range(0, LEARNERS, BATCH):
                batch = learners[i:i + BATCH]
                for learner in batch:
                    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
                    page.set_default_timeout(300_000)
                    page.goto(base + "/hub/login")
                    page.fill("#username_input", learner)
                    page.fill("#password_input", codes[learner])
                    page.click("#login_submit")
                    pages[learner] = page
                for learner in batch:
                    expect(pages[learner].locator(".jp-RenderedMarkdown h1")).to_contain_text("从这里开始")
            login_s = time.monotonic() - started
            figures["30 名学员登录到起始页全部出现（每批 5 人）"] = f"{login_s:.1f} s（目标 ≤ 90 s）"

            # one chapter each, run to the end; the tab is closed afterwards (the kernel stays)
            chapter_started = time.monotonic()
            for i in range(0, LEARNERS, BATCH):
                batch = learners[i:i + BATCH]
                for learner in batch:
                    system = [s for s, lid in settings.learners.items() if lid == learner][0]
                    pages[learner].goto(f"{base}/user/{system}/lab/tree/章节/{CHAPTER}.ipynb")
                for learner in batch:
                    page = pages[learner]
                    expect(page.get_by_text("Python 3 (ipykernel) | 空闲")).to_be_visible()
                    _run_all(page)
                for learner in batch:
                    page = pages[learner]
                    expect(page.locator(".jp-InputArea-prompt", has_text="[*]")).to_have_count(0)
                    expect(page.get_by_text("Python 3 (ipykernel) | 空闲")).to_be_visible()
            chapter_s = time.monotonic() - chapter_started
            per = [pss_of_user(pwd.getpwnam(s).pw_uid) for s in settings.learners]
            figures["30 人各运行一章（wang-01）"] = f"{chapter_s:.1f} s"
            figures["每位学员内存（服务器 + 一个章节内核，PSS）"] = (
                f"中位 {statistics.median(per) / 2**20:.0f} MB，最大 {max(per) / 2**20:.0f} MB（目标 ≤ 400 MB）")
            for learner in learners:  # the learners' browsers are on their own laptops
                pages[learner].context.close()

            # submit → in the gradebook: the hand-in service's work (sign, check, grade, commit) for 5
            # learners while the 30 servers and kernels are up, then the desk's read of the same rows
            waits = []
            for learner in learners[:BATCH]:
                clicked = time.monotonic()
                hand_in(settings.db, learner, EXERCISE, {"strategy": "先守住关系，再扩大份额。"})
                con = gradebook.connect(settings.db, readonly=True)
                gradebook.latest_scores(con)
                con.close()
                waits.append(time.monotonic() - clicked)
            figures["提交 → 出现在工作台（提交服务写入成绩册 + 工作台读一次；浏览器里的一次往返见浏览器测试）"] = (
                f"中位 {statistics.median(waits) * 1000:.0f} ms，最长 {max(waits) * 1000:.0f} ms（目标 ≤ 1 s）")
            figures["机器内存（已用，30 人各开一章，测试用 Chromium 的标签页已关）"] = f"{used_bytes() / 2**30:.1f} GB"
            browser.close()
        top = peak.stop()
        figures["机器内存峰值（已用，含测试用的 Chromium）"] = f"{top / 2**30:.1f} GB（开始时 {baseline / 2**30:.1f} GB）"
        total = _meminfo()["MemTotal"]
        capacity = int((total * 0.8 - baseline) / statistics.median(per))
        figures["本机可容纳的学员数（开始时剩余内存 × 80% ÷ 每人内存）"] = f"约 {capacity} 人（内存上限；CPU 为 2 核，同时运行计算时会排队）"
    finally:
        stop(process, proxy_pid_file=paths.state / "proxy.pid")
        remove_system_users(users)
        shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    print(f"KAM Lab 课堂服务器（{LEARNERS} 名学员，{os.cpu_count()} 核，"
          f"{_meminfo()['MemTotal'] / 2**30:.0f} GB；负载 {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}）")
    for name, value in figures.items():
        print(f"- {name}：{value}")


if __name__ == "__main__":
    main()
