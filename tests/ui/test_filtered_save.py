"""Saving a record so that it no longer matches the list's filter: the saved record stays
open in the detail panel, saved, and the page says why the list no longer shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .test_window import communities


def test_a_record_renamed_out_of_the_filter_stays_open_and_the_page_says_so(
    qtbot, type_text, window
):
    page = communities(window)
    some_name = page.model.data(page.model.index(0, 0))
    needle = some_name.removeprefix("ชุมชน")[:4]
    type_text(page.search, needle)
    qtbot.waitUntil(lambda: page.model.total < 200)
    shown_before = page.model.total
    page.table.setCurrentIndex(page.model.index(0, 0))
    panel, form = page.detail, page.detail.form
    qtbot.waitUntil(lambda: form.record_id is not None)
    record_id = form.record_id
    name = form.inputs["name"].widget
    name.clear()
    type_text(name, "ชุมชนย้ายออกจากตัวกรอง")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "บันทึกแล้ว"
    qtbot.waitUntil(lambda: page.model.total == shown_before - 1)
    assert page.model.row_of(record_id) is None  # the filter hides it now
    # The panel still shows the saved record, and the page tells why the list lost it.
    assert panel.isVisible() and form.record_id == record_id
    assert name.text() == "ชุมชนย้ายออกจากตัวกรอง"
    assert "ตัวกรอง" in page.message.text()
