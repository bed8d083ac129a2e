"""Per-learner packs: one zip per learner, to hand out one by one.

``kamlab assign`` writes one folder per learner into the class folder; the whole class
folder (every learner's token, ``roster.csv``) is the trainer's and must not be
forwarded: anyone holding a learner's ``assignment.json`` can submit as that learner.
:func:`learner_pack` zips one learner's folder, named by 学号 and name
(``L001-张三.zip``), with a one-page 学员须知 (``学员须知.html``: what to open, how to
hand in, the due dates); :func:`learner_packs` writes every learner's zip into a folder.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import InputError
from . import gradebook, submit
from .due import due_text
from .htmlpage import DEFAULT_TZ, e, page
from .keys import load_key

NOTICE = "学员须知.html"
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def pack_name(learner: str, name: str) -> str:
    """``L001-张三.zip`` (characters no file system accepts are left out of the name)."""
    clean = _UNSAFE_NAME.sub("", name).strip(" .")
    return f"{learner}-{clean}.zip" if clean else f"{learner}.zip"


def notice_html(learner: str, name: str, exercises: dict[str, str], dues: dict[str, str], tz: str = DEFAULT_TZ) -> str:
    """The one-page 学员须知 of one learner's pack."""
    rows = "".join(
        f"<tr><td>{e(load_key(x)[0].title)}</td><td class='nw'>{e(x)}.ipynb</td>"
        f"<td class='nw'>{e(due_text(dues[x], tz)) if dues.get(x) else '（未设截止时间）'}</td></tr>" for x in exercises)
    who = f"{name}（{learner}）" if name else learner
    body = (f"<h1>学员须知：{e(who)}</h1>"
            "<h2>1. 打开练习</h2><p>把这个 zip 解压到一个文件夹，在 JupyterLab（或培训班提供的网页版）中打开下表中的笔记本，"
            "从上到下运行并作答。答案会自动保存在同一文件夹的 <code>kamlab-answers</code> 中，关掉再打开也不会丢。</p>"
            f"<table><tr><th>练习</th><th>文件</th><th>截止时间（{e(tz)}）</th></tr>{rows}</table>"
            "<h2>2. 交作业</h2><p>做完后，点笔记本末尾的“生成提交文件”。它会先列出还没作答或看不懂的题，确认后生成一个 "
            "<code>.json</code> 文件（在 <code>kamlab-answers/submissions/</code> 中）。把这个文件<b>原样</b>发给培训师"
            "（按培训师说明的方式：邮件、微信或共享文件夹），不要打开或修改它。改了答案可以重新生成再发，以最后一次提交为准；"
            "截止时间之后提交的会标为迟交。</p>"
            "<h2>3. 保管好这个文件夹</h2><p>文件夹中的 <code>assignment.json</code> 是你个人的提交令牌，"
            "<b>不要转发</b>这个 zip 或其中的文件：拿到它的人可以冒用你的名义提交。</p>")
    return page(f"学员须知 {who}", body)


def learner_pack(*, db: str | Path, class_dir: str | Path, learner: str, tz: str = DEFAULT_TZ) -> tuple[str, bytes]:
    """One learner's zip: (file name ``学号-姓名.zip``, bytes). It holds the learner's folder
    from ``class_dir`` (notebooks, ``assignment.json``) under ``学号-姓名/`` and 学员须知.html."""
    con = gradebook.connect(db, readonly=True)
    try:
        names = gradebook.roster(con)
        dues = {x: due for x, (due, _) in gradebook.due_dates(con).items()}
    finally:
        con.close()
    if learner not in names:
        raise InputError("学号", f"“{learner}”不在名单中（或已移除）", learner)
    folder = Path(class_dir) / learner
    try:
        exercises = submit.read_pack(folder)["exercises"]
    except InputError:
        raise InputError("学员练习包", f"还没有为 {learner} 布置练习（{folder} 中没有个人练习文件夹）：请先布置",
                         learner) from None
    name = pack_name(learner, names[learner])
    top = name.removesuffix(".zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(folder)
            if rel.parts[0] == "kamlab-answers":  # never a learner's answers, should a folder be re-packed
                continue
            archive.write(path, f"{top}/{rel.as_posix()}")
        archive.writestr(f"{top}/{NOTICE}", notice_html(learner, names[learner], exercises, dues, tz))
    return name, buffer.getvalue()


def learner_packs(*, db: str | Path, class_dir: str | Path, out: str | Path, tz: str = DEFAULT_TZ) -> list[Path]:
    """Write one zip per learner in the class (removed learners left out) who has a folder in
    ``class_dir`` into ``out``; return the zips written."""
    con = gradebook.connect(db, readonly=True)
    try:
        names = gradebook.roster(con)
    finally:
        con.close()
    ready = [lid for lid in names if (Path(class_dir) / lid / submit.PACK_FILE).is_file()]
    if not ready:
        raise InputError("学员练习包", f"{class_dir} 中没有任何学员的练习文件夹：请先布置练习")
    packs = [learner_pack(db=db, class_dir=class_dir, learner=lid, tz=tz) for lid in ready]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in packs:
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


def main(args) -> int:
    """``kamlab packs --db G --class DIR --out DIR``: one zip per learner."""
    written = learner_packs(db=args.db, class_dir=args.class_dir, out=args.out, tz=args.tz)
    print(f"已生成 {len(written)} 个学员练习包 → {args.out}（每人一个 zip，含学员须知）：请逐个发给本人；"
          f"整个班级文件夹 {args.class_dir} 含全部学员的令牌，只留给培训师，不要转发")
    return 0
