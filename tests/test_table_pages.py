"""The editable table's text boxes are reused from page to page: typing still lands in the right cell."""

from __future__ import annotations

from kamlab.widgets.table import EditableTable


def _table() -> EditableTable:
    return EditableTable(["a", "b"], [[str(i), str(i * 2)] for i in range(120)])


def test_a_box_on_page_two_edits_its_own_row_and_a_render_notifies_nobody():
    table = _table()
    changes: list[int] = []
    table.on_change(lambda: changes.append(1))
    first_box = table._texts[3][1]
    table.show_page(1)
    box = table._texts[3][1]
    assert box is first_box  # the same box, refilled for row 54 (index 53)
    assert box.value == "106" and changes == []
    box.value = "x"
    assert table.cell(53, 1) == "x" and table.cell(3, 1) == "6" and changes == [1]
    table.show_page(2)  # rows 101–120: 20 rows shown
    assert len(table._texts) == 20 and table._texts[0][0].value == "100" and changes == [1]
    assert len(table._grid.children) == 2 + 20 * 2


def test_columns_added_and_removed_get_boxes_that_edit_the_right_column():
    table = _table()
    table.show_page(2)
    table.set_columns(["a", "b", "c"])
    assert [box.value for box in table._texts[0]] == ["100", "200", ""]
    table._texts[0][2].value = "y"
    assert table.cell(100, 2) == "y"
    table.set_columns(["a"])
    table._texts[1][0].value = "z"
    assert table.rows()[101] == ["z"]
    assert len(table._grid.children) == 1 + 20
