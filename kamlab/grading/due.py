"""Due dates and late submissions (the way nbgrader has a due date per assignment).

``kamlab assign … --due "2026-12-10 18:00"`` sets an exercise's due date, read in the
trainer's time zone (``--tz``, default Asia/Shanghai) and kept in UTC. A submission whose
*submitted* time (the learner's pack time, signed with their token) is after the due date
is 迟交 by how long. The optional penalty rule is off by default: ``--late-penalty 10``
takes 10 % of the exercise's points off per started day late, never below zero.
Exercises without a due date behave as before.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

from ..errors import InputError
from .htmlpage import DEFAULT_TZ, zone

_FORMS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")


def parse_due(text: str | datetime, tz: str = DEFAULT_TZ) -> str:
    """A due date as the trainer types it (``2026-12-10 18:00``, ``2026/12/10 18:00``,
    ``2026-12-10`` = the end of that day) in ``tz`` → UTC ISO seconds."""
    if isinstance(text, datetime):
        moment = text if text.tzinfo else text.replace(tzinfo=zone(tz))
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    raw = str(text or "").strip()
    cleaned = re.sub(r"\s+", " ", raw.replace("/", "-").replace("T", " ").replace("：", ":"))
    for form in _FORMS:
        try:
            moment = datetime.strptime(cleaned, form)
        except ValueError:
            continue
        if form == "%Y-%m-%d":
            moment = moment.replace(hour=23, minute=59, second=59)
        return moment.replace(tzinfo=zone(tz)).astimezone(UTC).isoformat(timespec="seconds")
    raise InputError("截止时间", f"“{raw}”看不懂：请写成 2026-12-10 18:00 这样的日期和时间（{tz} 时间）", raw)


def check_penalty(percent: float | str | None) -> float | None:
    """``--late-penalty`` in percent per started day (0 < p ≤ 100) → a share, or None (off)."""
    if percent is None or percent == "":
        return None
    try:
        value = float(percent)
    except (TypeError, ValueError):
        raise InputError("迟交扣分", f"应为 0 到 100 之间的数字（每迟交一天扣总分的百分比），当前为“{percent}”",
                         percent) from None
    if not 0 < value <= 100:
        raise InputError("迟交扣分", f"应在 0 到 100 之间（每迟交一天扣总分的百分比），当前为 {value:g}", percent)
    return value / 100


def lateness(submitted_at: str, due_at: str | None) -> timedelta | None:
    """How long after ``due_at`` the submission was made (``None``: on time, or no due date)."""
    if not due_at:
        return None
    late = datetime.fromisoformat(str(submitted_at)) - datetime.fromisoformat(str(due_at))
    return late if late > timedelta(0) else None


def late_text(late: timedelta | None) -> str:
    """``迟交 1 天 2 小时`` / ``迟交 35 分钟`` (``""`` when on time)."""
    if late is None:
        return ""
    minutes = math.ceil(late.total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} 天" if days else "", f"{hours} 小时" if hours else "", f"{mins} 分钟" if mins and not days else ""]
    return "迟交 " + (" ".join(p for p in parts if p) or "不到 1 分钟")


def penalty(total: float, max_score: float, late: timedelta | None, rate: float | None) -> float:
    """Points taken off: ``rate`` × ``max_score`` per started day late, at most ``total``."""
    if late is None or not rate:
        return 0.0
    days = math.ceil(late.total_seconds() / 86400)
    return round(min(total, max_score * rate * days), 2)


def due_text(due_at: str | None, tz: str = DEFAULT_TZ) -> str:
    """``2026-12-10 18:00`` in ``tz`` (``""`` without a due date)."""
    if not due_at:
        return ""
    return datetime.fromisoformat(due_at).astimezone(zone(tz)).strftime("%Y-%m-%d %H:%M")


def set_due(*, db, exercise: str, due: str | datetime | None, late_penalty: float | str | None = None,
            tz: str = DEFAULT_TZ) -> str | None:
    """Set (``due`` = ``2026-12-10 18:00`` in ``tz``) or clear (``None``/``""``) the due date
    of an exercise already assigned, with its late penalty (percent per started day, or
    ``None``: no penalty); returns the due date in UTC (``None`` when cleared)."""
    from . import gradebook

    due_at = parse_due(due, tz) if due else None
    rate = check_penalty(late_penalty)
    con = gradebook.connect(db)
    try:
        if not gradebook.set_due(con, exercise, due_at, rate):
            raise InputError("练习编号", f"练习“{exercise}”还没有布置：请先布置，再设截止时间", exercise)
    finally:
        con.close()
    return due_at


def late_frame(*, db, tz: str = DEFAULT_TZ):
    """Every latest submission of an exercise with a due date: 学号, 练习, 提交时间, 截止,
    迟交 (``""`` on time), 扣分 (by the exercise's penalty rule; 0 when off)."""
    import pandas as pd

    from . import gradebook
    from .htmlpage import local_time

    con = gradebook.connect(db, readonly=True)
    try:
        dues = gradebook.due_dates(con)
        scores = gradebook.latest_scores(con)
    finally:
        con.close()
    columns = ["学号", "练习", "提交时间", "截止", "迟交", "扣分"]
    if scores.empty or not dues:
        return pd.DataFrame(columns=columns)
    rows = []
    for (lid, x), g in scores[scores["exercise_id"].isin(dues)].groupby(["learner_id", "exercise_id"], sort=True):
        due_at, rate = dues[x]
        at = g["submitted_at"].iloc[0]
        late = lateness(at, due_at)
        rows.append((lid, x, local_time(at, tz), due_text(due_at, tz), late_text(late),
                     penalty(float(g["score"].sum()), float(g["max_score"].sum()), late, rate)))
    return pd.DataFrame(rows, columns=columns)
