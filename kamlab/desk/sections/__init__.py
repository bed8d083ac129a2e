"""The desk's six sections, one module each: 班级 (:mod:`.roster`), 布置 (:mod:`.assign`),
收取 (:mod:`.collect`), 批改 (:mod:`.grade`), 反馈 (:mod:`.feedback`), 报告 (:mod:`.report`).

Each section owns its widgets and calls the trainer's loop through :mod:`kamlab.desk.steps`;
what they share (the open gradebook, the status lines, tables, the error guard) is in
:mod:`.base`. :class:`kamlab.desk.app.Desk` puts them in tabs.
"""
