"""The class server's parts without a hub: names, codes, login, start page, config, hand-in.

The real hub in a browser is tests/browser/test_classroom_hub.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import stat
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from traitlets.config import Config

from kamlab.classroom import codes, names, start
from kamlab.classroom.auth import ClassAuthenticator, Failures
from kamlab.classroom.handin import feedback_html, hand_in
from kamlab.classroom.hubconfig import HubSettings, render
from kamlab.classroom.release import release, withdraw
from kamlab.classroom.startpage import Chapter, ExerciseRow, start_page, status
from kamlab.cli import main
from kamlab.errors import InputError
from kamlab.grading import gradebook

EX = "wang-01-quantify"


# --- 学号 → system names ---------------------------------------------------------------

def test_ascii_ids_keep_their_name_lower_cased():
    assert names.system_name("L001") == "kl-l001"


def test_chinese_ids_get_a_stable_ascii_name_with_a_hash():
    name = names.system_name("张同学02")
    assert name.startswith("kl-02-") and len(name) == len("kl-02-") + 8
    assert name == names.system_name("张同学02") != names.system_name("李同学02")
    assert names.SYSTEM_NAME.fullmatch(name)


def test_ids_that_differ_only_in_case_cannot_be_mapped():
    with pytest.raises(InputError, match="“L001”和“l001”只差大小写"):
        names.map_roster({"L001": "张三", "l001": "李四"})


def test_the_trainers_login_name_is_not_a_learner_id():
    with pytest.raises(InputError, match="培训师的登录名"):
        names.map_roster({"Trainer": "张三"})


# --- login codes -----------------------------------------------------------------------

def test_codes_have_no_look_alike_characters():
    assert not set("0O1IL2Z5S8BUV") & set(codes.ALPHABET)
    made = {codes.make_code() for _ in range(200)}
    assert all(len(c) == 6 and set(c) <= set(codes.ALPHABET) for c in made) and len(made) > 190


def test_a_code_is_kept_as_a_hash_that_checks_what_was_typed():
    stored = codes.hash_secret("K7XH3M")
    assert "K7XH3M" not in stored
    assert codes.check_secret(codes.normalise(" k7x-h3m "), stored)
    assert not codes.check_secret("K7XH3N", stored)
    assert not codes.check_secret("K7XH3M", "not-a-hash")


def test_codes_are_kept_across_starts_and_the_file_is_private(tmp_path: Path):
    first = codes.codes_for({"L001": "张三"}, tmp_path)
    again = codes.codes_for({"L001": "张三", "L002": "李四"}, tmp_path)
    assert again["L001"] == first["L001"] and len(again["L002"]) == 6
    csv = tmp_path / codes.CODES_CSV
    assert stat.S_IMODE(csv.stat().st_mode) == 0o600
    assert csv.read_text(encoding="utf-8-sig").splitlines() == [
        "学号,姓名,登录码", f"L001,张三,{again['L001']}", f"L002,李四,{again['L002']}"]


def test_a_hash_is_made_again_only_when_the_code_changed():
    logins = codes.hashed_logins({"L001": "AAAAAA"}, {"L001": "kl-l001"}, {})
    same = codes.hashed_logins({"L001": "AAAAAA"}, {"L001": "kl-l001"}, logins)
    other = codes.hashed_logins({"L001": "CCCCCC"}, {"L001": "kl-l001"}, logins)
    assert same == logins and other["L001"]["hash"] != logins["L001"]["hash"]


# --- the authenticator ------------------------------------------------------------------

def test_failures_are_free_three_times_then_wait_longer_each_time():
    f = Failures()
    waits = []
    for _ in range(6):
        waits.append(f.delay("id:l001", "ip:1"))
        f.failed("id:l001", "ip:1")
    assert waits == [0, 0, 0, 1, 2, 4]
    f.succeeded("id:l001")
    assert f.delay("id:l001") == 0 and f.delay("ip:1") == 8  # the address keeps its count


def _authenticator(tmp_path: Path) -> ClassAuthenticator:
    (tmp_path / "logins.json").write_text(json.dumps(
        {"学员02": {"system": "kl-02-x", "hash": codes.hash_secret("ACDEFG")}}), encoding="utf-8")
    (tmp_path / "trainer.json").write_text(json.dumps({"hash": codes.hash_secret("trainer-pass")}))
    return ClassAuthenticator(logins_file=str(tmp_path / "logins.json"), trainer_file=str(tmp_path / "trainer.json"))


def _login(auth: ClassAuthenticator, user: str, secret: str):
    handler = SimpleNamespace(request=SimpleNamespace(remote_ip="127.0.0.1"))
    return asyncio.run(auth.authenticate(handler, {"username": user, "password": secret}))


def test_a_learner_logs_in_with_their_chinese_id_and_code(tmp_path: Path):
    auth = _authenticator(tmp_path)
    assert _login(auth, "学员02", "acdefg") == {"name": "kl-02-x"}
    assert _login(auth, "学员02", "ACDEFH") is None
    assert _login(auth, "学员03", "ACDEFG") is None


def test_the_trainer_logs_in_with_the_password(tmp_path: Path):
    auth = _authenticator(tmp_path)
    assert _login(auth, "trainer", "trainer-pass") == {"name": names.TRAINER}
    assert _login(auth, "trainer", "TRAINER-PASS") is None


def test_the_login_page_says_a_wrong_code_in_chinese():
    page = (Path(start.__file__).parent / "templates" / "login.html").read_text(encoding="utf-8")
    assert "学号或登录码不对" in page and "{% if login_error %}" in page


# --- the start page ---------------------------------------------------------------------

def test_status_reads_the_answer_file_and_the_hand_in(tmp_path: Path):
    answers = tmp_path / "x.json"
    assert status(answers, None) == "未开始"
    answers.write_text(json.dumps({"answers": {"questions": {"q": "1"}}}), encoding="utf-8")
    assert status(answers, None) == "已作答（未提交）"
    assert status(answers, "已提交（第 2 版 · 2026-12-01 10:00）") == "已提交（第 2 版 · 2026-12-01 10:00）"


def test_start_page_lists_exercises_with_status_then_chapters():
    text = start_page([Chapter("章节/ye-01.ipynb", "第一讲 企业营销战略诊断", "叶敦明《工业企业大客户营销》")],
                      [ExerciseRow(EX, "针对一个标杆大客户进行定量计算", "wang-01", f"练习/{EX}.ipynb", "未开始")],
                      who="张三（学号 L001）", feedback_url="/services/kamlab-handin/feedback", hand_in=True)
    assert "你好，张三（学号 L001）。" in text
    assert f"| [针对一个标杆大客户进行定量计算](%E7%BB%83%E4%B9%A0/{EX}.ipynb) | wang-01 | 未开始 |" in text
    assert text.index("## 布置的练习") < text.index("## 我的反馈") < text.index("## 各章")
    assert "[打开我的反馈](/services/kamlab-handin/feedback)" in text


# --- the generated configuration --------------------------------------------------------

def _settings(tmp_path: Path, **kw) -> HubSettings:
    base = dict(state=tmp_path, db=tmp_path / "gradebook.sqlite", book=tmp_path, exercises=tmp_path,
                learners={"kl-l001": "L001", "kl-02-abcdef12": "学员02"}, trainer=names.TRAINER, ip="127.0.0.1",
                port=8000, hub_port=8081, proxy_api_port=8001, desk_port=9001, handin_port=9002,
                learner_venv=Path("/opt/kamlab/venv"), proxy_command=["configurable-http-proxy"])
    return HubSettings(**{**base, **kw})


def _load(text: str) -> Config:
    c = Config()
    exec(compile(text, "jupyterhub_config.py", "exec"), {"get_config": lambda: c})  # noqa: S102
    return c


def test_the_config_parses_and_says_who_may_do_what(tmp_path: Path):
    c = _load(render(_settings(tmp_path)))
    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.port == 8000
    assert c.JupyterHub.authenticator_class == "kamlab.classroom.auth.ClassAuthenticator"
    assert c.LocalAuthenticator.create_system_users is True
    assert c.JupyterHub.load_groups["trainers"]["users"] == [names.TRAINER]
    assert sorted(c.JupyterHub.load_groups["learners"]["users"]) == ["kl-02-abcdef12", "kl-l001"]
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["kamlab-trainers"]["scopes"][0] == "access:services!service=kamlab-desk"
    assert roles["kamlab-learners"]["scopes"] == ["access:services!service=kamlab-handin"]
    assert {s["name"] for s in c.JupyterHub.services} == {"kamlab-desk", "kamlab-handin", "idle-culler"}
    assert "access:services!service=kamlab-handin" in c.Spawner.server_token_scopes
    assert c.Spawner.cmd == ["/opt/kamlab/venv/bin/jupyterhub-singleuser"]
    assert c.Spawner.default_url == "/lab/tree/从这里开始.md"
    assert "--MappingKernelManager.cull_connected=False" in c.Spawner.args


def test_the_insecure_demo_is_labelled_in_the_config(tmp_path: Path):
    text = render(_settings(tmp_path, insecure=True))
    assert "# INSECURE one-machine demo" in text
    assert _load(text).JupyterHub.authenticator_class == "kamlab.classroom.auth.DemoAuthenticator"


# --- hand-in through the service's functions -------------------------------------------

@pytest.fixture
def class_db(tmp_path: Path) -> Path:
    db = tmp_path / "gradebook.sqlite"
    con = gradebook.connect(db, create=True)
    gradebook.set_roster(con, {"L001": "张三", "学员02": "李四"})
    gradebook.ensure_tokens(con, ["L001", "学员02"], lambda: secrets.token_urlsafe(24))
    gradebook.record_assignment(con, EX, f"{EX}-1")
    con.close()
    return db


def test_a_hand_in_is_graded_into_the_gradebook_and_versions_count(class_db: Path):
    first = hand_in(class_db, "L001", EX, {"attractiveness": "7.4"})
    second = hand_in(class_db, "L001", EX, {"attractiveness": "7.4", "strategy": "守住关系，补齐交付短板"})
    assert (first.version, second.version) == (1, 2)
    assert second.text.startswith("已提交（第 2 版 · ") and second.statuses == {EX: second.text}
    con = gradebook.connect(class_db, readonly=True)
    rows = gradebook.latest_scores(con)
    con.close()
    mine = rows[rows["learner_id"] == "L001"].set_index("question_id")
    assert mine.loc["attractiveness", "score"] == 2 and mine.loc["strategy", "answer"] == "守住关系，补齐交付短板"


def test_two_hand_ins_at_once_both_land(class_db: Path):
    results: list = []

    def go(text: str) -> None:
        results.append(hand_in(class_db, "学员02", EX, {"strategy": text}))

    threads = [threading.Thread(target=go, args=(t,)) for t in ("第一稿：先守后攻", "第二稿：扩大高层关系")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.version for r in results) == [1, 2]
    con = gradebook.connect(class_db, readonly=True)
    assert len(gradebook.stored_raw(con, "学员02")) == 2
    con.close()


def test_an_unknown_exercise_is_refused_in_chinese(class_db: Path):
    with pytest.raises(InputError, match="没有编号为“nope”的练习"):
        hand_in(class_db, "L001", "nope", {})


def test_feedback_is_shown_only_after_release_and_only_ones_own(class_db: Path):
    hand_in(class_db, "L001", EX, {"strategy": "张三的答案"})
    hand_in(class_db, "学员02", EX, {"strategy": "李四的答案"})
    assert "培训师还没有发布反馈" in feedback_html(class_db, "L001")
    assert release(class_db) == 2
    mine = feedback_html(class_db, "学员02")
    assert "练习反馈：李四（学员02）" in mine and "李四的答案" in mine and "张三" not in mine
    withdraw(class_db)
    assert "培训师还没有发布反馈" in feedback_html(class_db, "学员02")


# --- starting: one Chinese line for each misuse -----------------------------------------

def _roster(tmp_path: Path, text: str = "学号,姓名\nL001,张三\n") -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_root_the_insecure_demo_is_offered(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    with pytest.raises(InputError, match="需要以 root 运行.*--insecure-single-user"):
        start.prepare(_roster(tmp_path), tmp_path / "gradebook.sqlite")


def test_a_port_already_taken_is_one_chinese_line(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["classroom", "--roster", str(_roster(tmp_path)), "--db", str(tmp_path / "g.sqlite"),
                     "--port", str(port)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.count("\n") == 0
    assert f"127.0.0.1:{port} 已被占用" in err and f"--port {port + 1}" in err
    assert not (tmp_path / "g.sqlite").exists()


def test_an_unmappable_roster_is_refused_before_anything_is_written(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    with pytest.raises(InputError, match="只差大小写"):
        start.prepare(_roster(tmp_path, "学号,姓名\nA01,张三\na01,李四\n"), tmp_path / "gradebook.sqlite")
    assert not (tmp_path / "gradebook.sqlite").exists() and not (tmp_path / "kamlab-hub").exists()


def test_lab_settings_make_chinese_the_default_and_open_markdown_rendered(tmp_path: Path):
    from jupyterlab_server.translation_utils import get_language_packs

    from kamlab.classroom.learner_env import write_lab_settings

    path = write_lab_settings(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@jupyterlab/translation-extension:plugin"] == {"locale": "zh_CN"}
    assert data["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]["markdown"] == "Markdown Preview"
    assert path == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert "zh_CN" in get_language_packs()[0]  # the language pack is installed


def test_make_lab_gets_a_start_page_of_chapters_and_exercises(tmp_path: Path):
    import shutil

    from kamlab.classroom.startpage import write_for_checkout

    root = Path(start.__file__).resolve().parents[2]
    (tmp_path / "book").mkdir()
    shutil.copyfile(root / "book" / "wang-01.ipynb", tmp_path / "book" / "wang-01.ipynb")
    shutil.copytree(root / "exercises" / "src", tmp_path / "exercises" / "src")
    shutil.copyfile(root / "exercises" / f"{EX}.ipynb", tmp_path / "exercises" / f"{EX}.ipynb")
    (tmp_path / "exercises" / "kamlab-answers").mkdir()
    (tmp_path / "exercises" / "kamlab-answers" / f"{EX}.json").write_text(
        json.dumps({"answers": {"questions": {"attractiveness": "7.4"}}}), encoding="utf-8")
    text = write_for_checkout(tmp_path).read_text(encoding="utf-8")
    assert "| [针对一个标杆大客户进行定量计算](exercises/wang-01-quantify.ipynb) | wang-01 | 已作答（未提交） |" in text
    assert "- [第一讲 大客户开发管理的前期准备](book/wang-01.ipynb)" in text
    assert text.count("](exercises/") == 1  # only exercises whose notebook is there


# --- Zero to JupyterHub values: parsed and checked offline -------------------------------

def test_the_shipped_kubernetes_values_pass_the_offline_check():
    from kamlab.classroom.z2jh import DEFAULT, problems

    assert problems(DEFAULT) == []


def test_the_offline_check_finds_a_misspelt_setting_and_a_missing_module(tmp_path: Path):
    from kamlab.classroom.z2jh import DEFAULT, problems

    text = DEFAULT.read_text(encoding="utf-8").replace("logins_file:", "login_file:").replace(
        "kamlab.classroom.handin", "kamlab.classroom.handout")
    broken = tmp_path / "config.yaml"
    broken.write_text(text, encoding="utf-8")
    assert problems(broken) == ["hub.config.ClassAuthenticator.login_file: ClassAuthenticator has no such setting",
                                "python3 -m kamlab.classroom.handout: module kamlab.classroom.handout is not installed"]


def test_a_pod_home_is_readied_without_a_gradebook(tmp_path: Path):
    from kamlab.classroom.home import main as ready

    root = Path(start.__file__).resolve().parents[2]
    source = tmp_path / "image"
    (source / "book").mkdir(parents=True)
    (source / "exercises").mkdir()
    shutil_copy = __import__("shutil").copyfile
    shutil_copy(root / "book" / "ye-01.ipynb", source / "book" / "ye-01.ipynb")
    shutil_copy(root / "exercises" / f"{EX}.ipynb", source / "exercises" / f"{EX}.ipynb")
    home = tmp_path / "home"
    home.mkdir()
    (home / "练习").mkdir()
    (home / "练习" / f"{EX}.ipynb").write_text("learner's own edits", encoding="utf-8")
    assert ready([str(source), str(home)]) == 0
    assert (home / "章节" / "ye-01.ipynb").is_file()
    assert (home / "练习" / f"{EX}.ipynb").read_text(encoding="utf-8") == "learner's own edits"  # never overwritten
    assert "针对一个标杆大客户进行定量计算" in (home / "从这里开始.md").read_text(encoding="utf-8")
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
