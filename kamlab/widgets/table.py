"""An editable table: rows of text cells, shown a page at a time.

Cells hold exactly what the learner typed (strings); the models parse and
validate them, so a typo produces a named error and is never silently lost.

The rows live in a plain list of lists (:meth:`EditableTable.rows`); only the
current page (``page_size`` rows, 50 by default) has text boxes, so a table of
10,000 accounts builds as fast as one of 50. Columns are positional: two
columns may carry the same header for a moment (a criterion renamed to a name
that is still in use) without either column's values being lost.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import ipywidgets as W
import pandas as pd

_CELL = W.Layout(width="auto", min_width="70px")
#: Default column widths: the first (names) column at least 8em, the others at least 70 px.
NAME_WIDTH, CELL_WIDTH = "minmax(8em, 1.4fr)", "minmax(70px, 1fr)"
PAGE_SIZE = 50


def _text(value: object) -> str:
    return "" if value is None else str(value)


class EditableTable(W.VBox):
    """A grid editor whose ``value`` is a list of row dicts (strings).

    Args:
        columns: column headers (Chinese labels).
        rows: initial rows (dicts or sequences), values shown as text.
        widths: optional CSS widths per column.
        fixed_rows: hide the add/remove buttons.
        page_size: rows shown at once; more rows get page buttons.
    """

    def __init__(self, columns: Sequence[str], rows: Sequence[object] = (), widths: Sequence[str] | None = None,
                 fixed_rows: bool = False, page_size: int = PAGE_SIZE, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.columns = [str(c) for c in columns]
        # the name column never narrower than a name (on a 390 px phone the grid scrolls, the names stay)
        self.widths = list(widths) if widths else [NAME_WIDTH, *[CELL_WIDTH] * (len(self.columns) - 1)]
        self.page_size = max(1, int(page_size))
        self.page = 0
        self._callbacks: list[Callable[[], None]] = []
        self._rows: list[list[str]] = [self._as_row(r) for r in rows]
        self._texts: list[list[W.Text]] = []  # the text boxes of the current page
        self._pool: list[list[W.Text]] = []  # text boxes by position on a page, reused by every render
        self._filling = False  # True while a render puts values into reused boxes
        self._grid = W.GridBox(layout=W.Layout(grid_template_columns=" ".join(self.widths), grid_gap="2px 4px",
                                               overflow="auto", max_width="100%"))
        self._grid.add_class("kamlab-grid")  # its first column stays in view while it scrolls (ready.CSS)
        self._pager_label = W.Label()
        previous = W.Button(description="上一页", icon="chevron-left", layout=W.Layout(width="auto"))
        following = W.Button(description="下一页", icon="chevron-right", layout=W.Layout(width="auto"))
        previous.on_click(lambda _: self.show_page(self.page - 1))
        following.on_click(lambda _: self.show_page(self.page + 1))
        self._pager = W.HBox([previous, self._pager_label, following])
        add = W.Button(description="添加一行", icon="plus", layout=W.Layout(width="auto"))
        remove = W.Button(description="删除末行", icon="minus", layout=W.Layout(width="auto"))
        add.on_click(lambda _: self.append_row())
        remove.on_click(lambda _: self.remove_last_row())
        self._buttons = [] if fixed_rows else [W.HBox([add, remove])]
        self._render()

    # --- value -------------------------------------------------------------
    @property
    def value(self) -> list[dict[str, str]]:
        """Rows as dicts of the raw text in each cell (by header)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self._rows]

    @value.setter
    def value(self, rows: Sequence[object]) -> None:
        self._rows = [self._as_row(r) for r in rows]
        self.page = 0
        self._render()
        self._notify()

    def rows(self) -> list[list[str]]:
        """Rows as lists of the raw text, in column order (a copy)."""
        return [list(row) for row in self._rows]

    def __len__(self) -> int:
        return len(self._rows)

    def state(self) -> list[dict[str, str]] | list[list[str]]:
        """The rows as saved in an answer file: dicts by header, or lists while
        two columns share a header (so neither column is lost)."""
        return self.value if len(set(self.columns)) == len(self.columns) else self.rows()

    def restore(self, rows: object) -> None:
        """Put saved rows back; anything but a list of rows raises ``TypeError``."""
        if not isinstance(rows, list) or not all(isinstance(r, dict | list) for r in rows):
            raise TypeError("saved table rows must be a list of dicts or lists")
        self.value = rows

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame of strings (columns in order, repeated headers kept)."""
        return pd.DataFrame(self._rows, columns=self.columns, dtype=object) if self._rows else \
            pd.DataFrame(columns=self.columns, dtype=object)

    def cell(self, row: int, column: int | str) -> str:
        """The text in one cell (column by header or position)."""
        return self._rows[row][self._column_index(column)]

    def set_cell(self, row: int, column: int | str, text: object) -> None:
        """Type ``text`` into one cell, as a learner would (listeners are told)."""
        col = self._column_index(column)
        self._rows[row][col] = _text(text)
        box = self._box(row, col)
        if box is not None and box.value != self._rows[row][col]:
            box.value = self._rows[row][col]  # its observer notifies
        else:
            self._notify()

    def append_row(self, row: object = ()) -> None:
        """Add a row at the end (blank by default) and show its page."""
        self._rows.append(self._as_row(row))
        self.page = self.pages - 1
        self._render()
        self._notify()

    def remove_last_row(self) -> None:
        """Remove the last row, if any."""
        if self._rows:
            self._rows.pop()
            self.page = min(self.page, self.pages - 1)
            self._render()
            self._notify()

    def set_columns(self, columns: Sequence[str], widths: Sequence[str] | None = None,
                    sources: Sequence[int | None] | None = None) -> None:
        """Rename/add/remove columns, keeping every value the learner typed.

        ``sources`` gives, for each new column, the old column position whose
        values it takes (``None``: starts blank). Without it, a column whose
        name survives keeps its values; a new name standing where a vanished
        name stood is a rename and inherits that column's values.
        """
        old_cols, new_cols = self.columns, [str(c) for c in columns]
        if sources is None:
            sources = []
            for i, name in enumerate(new_cols):
                if old_cols.count(name) == 1:
                    sources.append(old_cols.index(name))
                elif i < len(old_cols) and old_cols[i] not in new_cols:
                    sources.append(i)
                else:
                    sources.append(None)
        self._rows = [[row[j] if j is not None and j < len(row) else "" for j in sources] for row in self._rows]
        self.columns = new_cols
        # the name column never narrower than a name (on a 390 px phone the grid scrolls, the names stay)
        self.widths = list(widths) if widths else [NAME_WIDTH, *[CELL_WIDTH] * (len(self.columns) - 1)]
        self._grid.layout.grid_template_columns = " ".join(self.widths)
        self._render()

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever any cell or the row count changes."""
        self._callbacks.append(callback)

    # --- pages -------------------------------------------------------------
    @property
    def pages(self) -> int:
        """Number of pages (at least 1)."""
        return max(1, -(-len(self._rows) // self.page_size))

    def show_page(self, page: int) -> None:
        """Show page ``page`` (0-based, clamped)."""
        page = min(max(0, page), self.pages - 1)
        if page != self.page:
            self.page = page
            self._render()

    # --- internals ---------------------------------------------------------
    def _as_row(self, row: object) -> list[str]:
        if type(row) is list and len(row) == len(self.columns) and all(type(v) is str for v in row):
            return list(row)  # already the table's own form (an import's rows)
        if isinstance(row, dict):
            values = [_text(row.get(c, "")) for c in self.columns]
        else:
            values = [_text(v) for v in list(row)[: len(self.columns)]]  # type: ignore[call-overload]
        return values + [""] * (len(self.columns) - len(values))

    def _column_index(self, column: int | str) -> int:
        return column if isinstance(column, int) else self.columns.index(column)

    def _box(self, row: int, col: int) -> W.Text | None:
        first = self.page * self.page_size
        if first <= row < first + len(self._texts):
            return self._texts[row - first][col]
        return None

    def _page_boxes(self, i: int) -> list[W.Text]:
        """The text boxes of a page's ``i``-th row, made once and reused (building
        400 boxes for every new value or page was most of a large import's redraw)."""
        while len(self._pool) <= i:
            self._pool.append([])
        boxes = self._pool[i]
        while len(boxes) < len(self.columns):
            box, c = W.Text(layout=_CELL, continuous_update=False), len(boxes)
            if c == 0:
                box.add_class("kamlab-name-cell")
            box.observe(lambda change, i=i, c=c: self._typed(self.page * self.page_size + i, c, change["new"]),
                        names="value")
            boxes.append(box)
        return boxes[:len(self.columns)]

    def _render(self) -> None:
        first = self.page * self.page_size
        self._texts = []
        self._filling = True
        try:
            for i, r in enumerate(range(first, min(first + self.page_size, len(self._rows)))):
                boxes = self._page_boxes(i)
                for box, value in zip(boxes, self._rows[r], strict=True):
                    box.value = value
                self._texts.append(boxes)
        finally:
            self._filling = False
        headers = [W.HTML(f"<b>{html.escape(c)}</b>") for c in self.columns]
        if headers:
            headers[0].add_class("kamlab-name-cell")
        self._grid.children = headers + [box for boxes in self._texts for box in boxes]
        paged = len(self._rows) > self.page_size
        if paged:
            last = min(first + self.page_size, len(self._rows))
            self._pager_label.value = f"第 {first + 1}–{last} 行，共 {len(self._rows)} 行（第 {self.page + 1}/{self.pages} 页）"
        self.children = [self._grid, *([self._pager] if paged else []), *self._buttons]

    # --- marking a bad cell ------------------------------------------------------
    def find_cell(self, parts: Sequence[str]) -> tuple[int | None, int] | None:
        """The (row, column) an error's field names, e.g. ``["“A 挖掘机厂”", "财务安全"]`` or
        ``["第 3 行", "权重"]``; the row is None when only the column is named; None if neither fits."""
        col = next((self.columns.index(p) for p in parts if p in self.columns), None)
        if col is None:
            return None
        for part in parts:
            text = part.strip()
            if text.startswith("第") and text.endswith("行") and text[1:-1].strip().isdigit():
                row = int(text[1:-1]) - 1
                return (row, col) if 0 <= row < len(self._rows) else (None, col)
            if text.startswith("“") and text.endswith("”"):
                name = text[1:-1]
                for r, values in enumerate(self._rows):
                    if values and values[0].strip() == name:
                        return r, col
        return None, col

    def mark(self, row: int | None, col: int) -> None:
        """Show the page of a bad cell and mark it (red border); :meth:`unmark` clears it."""
        self.unmark()
        self.add_class("kamlab-bad-table")
        if row is None:
            return
        if not self._box(row, col):
            self.show_page(row // self.page_size)
        box = self._box(row, col)
        if box is not None:
            box.add_class("kamlab-bad")
            self._marked = box

    def unmark(self) -> None:
        """Clear the mark left by :meth:`mark`."""
        marked = getattr(self, "_marked", None)
        if marked is not None:
            marked.remove_class("kamlab-bad")
            self._marked = None
        if "kamlab-bad-table" in self._dom_classes:
            self.remove_class("kamlab-bad-table")

    def _typed(self, row: int, col: int, text: str) -> None:
        if not self._filling and row < len(self._rows):
            self._rows[row][col] = text
            self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback()


def customer_table(customers: pd.DataFrame, values: Sequence[str], page_size: int = 10) -> EditableTable:
    """An editable customer table with the name column and the ``values`` columns only."""
    columns = ["客户", *[v for v in values if v in customers.columns]]
    return EditableTable(columns, customers[columns].astype(str).to_dict("records"), page_size=page_size)


def folded(widget: W.Widget, title: str) -> W.Accordion:
    """``widget`` in a closed accordion pane titled ``title`` (long tables stay out of the way)."""
    pane = W.Accordion(children=[widget], selected_index=None)
    pane.set_title(0, title)
    return pane
