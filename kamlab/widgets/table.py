"""An editable table: a grid of text boxes with add/remove-row buttons.

Cells hold exactly what the learner typed (strings); the models parse and
validate them, so a typo produces a named error and is never silently lost.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as W
import pandas as pd

_CELL = W.Layout(width="auto", min_width="70px")


class EditableTable(W.VBox):
    """A small grid editor whose ``value`` is a list of row dicts (strings).

    Args:
        columns: column headers (Chinese labels).
        rows: initial rows (dicts or sequences), values shown as text.
        widths: optional CSS widths per column.
        fixed_rows: hide the add/remove buttons.
    """

    def __init__(self, columns: Sequence[str], rows: Sequence[object] = (), widths: Sequence[str] | None = None,
                 fixed_rows: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.columns = list(columns)
        self.widths = list(widths) if widths else ["1fr"] * len(self.columns)
        self._callbacks: list = []
        self._cells: list[list[W.Text]] = []
        self._grid = W.GridBox(layout=W.Layout(grid_template_columns=" ".join(self.widths), grid_gap="2px 4px"))
        add = W.Button(description="添加一行", icon="plus", layout=W.Layout(width="auto"))
        remove = W.Button(description="删除末行", icon="minus", layout=W.Layout(width="auto"))
        add.on_click(lambda _: self._add_row({}, notify=True))
        remove.on_click(lambda _: self._remove_last())
        self.children = [self._grid] if fixed_rows else [self._grid, W.HBox([add, remove])]
        for row in rows:
            self._add_row(row, notify=False)
        self._relayout()

    # --- value -------------------------------------------------------------
    @property
    def value(self) -> list[dict[str, str]]:
        """Rows as dicts of the raw text in each cell."""
        return [dict(zip(self.columns, (c.value for c in cells), strict=True)) for cells in self._cells]

    @value.setter
    def value(self, rows: Sequence[object]) -> None:
        self._cells = []
        for row in rows:
            self._add_row(row, notify=False)
        self._relayout()
        self._notify()

    def state(self) -> list[dict[str, str]]:
        """The rows as saved in an answer file (same as ``value``)."""
        return self.value

    def restore(self, rows: object) -> None:
        """Put saved rows back; anything but a list of rows raises ``TypeError``."""
        if not isinstance(rows, list) or not all(isinstance(r, dict | list) for r in rows):
            raise TypeError("saved table rows must be a list of dicts or lists")
        self.value = [{k: "" if v is None else str(v) for k, v in r.items()} if isinstance(r, dict)
                      else ["" if v is None else str(v) for v in r] for r in rows]

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame of strings (columns in order)."""
        return pd.DataFrame(self.value, columns=self.columns)

    def set_columns(self, columns: Sequence[str], widths: Sequence[str] | None = None) -> None:
        """Rename/add/remove columns, keeping every value the learner typed.

        A column whose name survives keeps its values; a new name standing where
        a vanished name stood is a rename and inherits that column's values; any
        other new column starts blank.
        """
        old_cols, new_cols = self.columns, list(columns)
        sources = []
        for i, name in enumerate(new_cols):
            if name in old_cols:
                sources.append(old_cols.index(name))
            elif i < len(old_cols) and old_cols[i] not in new_cols:
                sources.append(i)
            else:
                sources.append(None)
        old = [[cells[j].value if j is not None else "" for j in sources] for cells in self._cells]
        self.columns = new_cols
        self.widths = list(widths) if widths else ["1fr"] * len(self.columns)
        self._grid.layout.grid_template_columns = " ".join(self.widths)
        self._cells = []
        for values in old:
            self._add_row(values, notify=False)
        self._relayout()

    def on_change(self, callback) -> None:
        """Call ``callback()`` whenever any cell or the row count changes."""
        self._callbacks.append(callback)

    # --- internals ---------------------------------------------------------
    def _add_row(self, row: object, notify: bool) -> None:
        if isinstance(row, dict):
            values = [row.get(c, "") for c in self.columns]
        else:
            values = list(row) + [""] * (len(self.columns) - len(row))  # type: ignore[arg-type]
        cells = []
        for value in values[: len(self.columns)]:
            text = W.Text(value="" if value is None else str(value), layout=_CELL, continuous_update=False)
            text.observe(lambda _change: self._notify(), names="value")
            cells.append(text)
        self._cells.append(cells)
        if notify:
            self._relayout()
            self._notify()

    def _remove_last(self) -> None:
        if self._cells:
            self._cells.pop()
            self._relayout()
            self._notify()

    def _relayout(self) -> None:
        headers = [W.HTML(f"<b>{c}</b>") for c in self.columns]
        self._grid.children = headers + [cell for cells in self._cells for cell in cells]

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback()
