"""The trainer's desk: the whole class loop in the browser (``kamlab desk``).

A Voilà page of ipywidgets (``notebook/desk.ipynb``, which also opens in
JupyterLab) with six sections — 班级, 布置, 收取, 批改, 反馈, 报告 — over one
gradebook, one module each in :mod:`.sections` (:mod:`.app` puts them in tabs).
Every action goes through the trainer's loop in :mod:`kamlab.grading`
(:mod:`.steps`), the same functions the command line calls. Grading by question
(:mod:`.grading_queue`) steps through every learner's answer to one question with
names hidden; its keyboard (:mod:`.keyboard`) and the upload buttons
(:mod:`.upload_button`) are small anywidgets; uploads are made safe before they are
read (:mod:`.uploads`); downloads are zips (:mod:`.zips`). :mod:`.launch` binds the
port and starts the server (:mod:`.server`: Voilà with quiet logs and kernels that go
with their page).

Importing this package imports no widgets; :func:`desk` builds the page.
"""

from __future__ import annotations


def desk(db=None):
    """The desk for the gradebook ``db`` (default ``$KAMLAB_DESK_DB`` or ``gradebook.sqlite``),
    as the notebook shows it: the gradebook is read just after the page is drawn."""
    from .app import Desk

    return Desk(db, defer=True)


__all__ = ["desk"]
