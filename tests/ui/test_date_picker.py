"""The one date field: picked from a calendar whose header shows the Buddhist Era, typed as
วว/ดด/ปปปป พ.ศ., a CE year converted with a visible note — in every form."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from codi_desktop.ui.date_field import BeCalendarPopup, DateField


def _click_day(qtbot, popup: BeCalendarPopup, day: int) -> None:
    """Click the grid cell showing ``day`` of the month on screen (a real mouse click)."""
    view = popup.calendar.findChild(QTableView)
    model = view.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            # day 15 appears once in a month grid (the grey days around it are < 15 or > 22)
            if str(index.data(Qt.ItemDataRole.DisplayRole)) == str(day):
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                 pos=view.visualRect(index).center())
                return
    raise AssertionError(f"day {day} is not in the grid")


def test_pick_a_date_from_the_calendar_and_the_service_gets_it(qtbot, type_text, window):
    page = window.show_page("organizations")
    page.ensure_loaded()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.detail.form
    type_text(form.inputs["name"].widget, "กลุ่มทดสอบปฏิทิน")
    field = form.inputs["founded_on"].widget
    assert isinstance(field, DateField)
    assert field.placeholderText() == "วว/ดด/ปปปป พ.ศ."

    field.picker.trigger()  # the calendar icon at the end of the field
    popup = field.popup()
    qtbot.waitUntil(popup.isVisible)
    # the header shows the Buddhist-Era year; go to March 2568 BE with it
    popup.year.setValue(2568)
    popup.month.setCurrentIndex(popup.month.findText("มีนาคม"))
    assert popup.calendar.yearShown() == 2025 and popup.calendar.monthShown() == 3
    assert popup.header_text() == "มีนาคม พ.ศ. 2568"
    qtbot.mouseClick(popup.next, Qt.MouseButton.LeftButton)  # one month on: April
    assert popup.header_text() == "เมษายน พ.ศ. 2568"
    _click_day(qtbot, popup, 15)

    assert not popup.isVisible()
    assert field.text() == "15/04/2568"
    assert form.save()
    saved = form.spec.get(window.store, form.record_id)
    assert saved.founded_on == dt.date(2025, 4, 15)  # 2568 BE − 543


def test_the_calendar_opens_on_the_typed_date_and_today_is_bangkok(qtbot, window, monkeypatch):
    page = window.show_page("organizations")
    page.ensure_loaded()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    field = page.detail.form.inputs["founded_on"].widget
    field.setText("2/1/2570")
    field.open_calendar()
    popup = field.popup()
    assert popup.header_text() == "มกราคม พ.ศ. 2570"
    assert popup.calendar.selectedDate().toPython() == dt.date(2027, 1, 2)
    popup.hide()
    # "today" is the date in Bangkok: 23:30 UTC on 31 December is already 1 January there
    import codi_desktop.ui.date_field as date_field

    monkeypatch.setattr(date_field, "bangkok_today", lambda: dt.date(2027, 1, 1))
    field.open_calendar()
    qtbot.mouseClick(popup.today, Qt.MouseButton.LeftButton)
    assert field.text() == "01/01/2570"


def test_a_ce_year_is_converted_with_a_visible_note_in_every_form(qtbot, type_text, window):
    page = window.show_page("organizations")
    page.ensure_loaded()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.detail.form
    field = form.inputs["founded_on"].widget
    type_text(field, "15/12/2026")
    field.editingFinished.emit()
    assert field.text() == "15/12/2569"
    assert form.message.isVisible()
    assert form.message.text() == "ปี 2026 เป็น ค.ศ. ใช้ พ.ศ. 2569 แทน"

    plan = window.show_page("plan")
    plan.year.lineEdit().selectAll()
    type_text(plan.year, "2026")
    plan.year.editingFinished.emit()
    assert plan.year.value() == 2569
    assert plan.message.text() == "ปี 2026 เป็น ค.ศ. ใช้ พ.ศ. 2569 แทน"


def test_every_date_field_on_every_page_is_the_calendar_field(window):
    """No page types a date into a plain line edit: every field whose name says date is
    a DateField (the same widget, the same rule)."""
    from PySide6.QtWidgets import QLineEdit

    from codi_desktop.ui.main_window import PAGES

    checked = 0
    for key in PAGES:
        page = window.show_page(key)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()
        for edit in page.findChildren(QLineEdit):
            name = edit.objectName()
            if re.search(r"date|_on$|due", name) and edit.parent() is not None \
                    and not name.startswith("qt_"):
                assert isinstance(edit, DateField), (key, name)
                checked += 1
    assert checked >= 3  # the ledger's, the plan's two, the meetings' …


def test_a_ce_fiscal_year_is_converted_in_the_project_form_and_the_allocation(
        qtbot, type_text, window):
    from codi_desktop.services import ledger

    page = window.show_page("projects")
    page.ensure_loaded()
    qtbot.mouseClick(page.list.new_button, Qt.MouseButton.LeftButton)
    form = page.list.detail.form
    year = form.inputs["fiscal_year"].widget
    year.clear()
    type_text(year, "2026")
    assert form.inputs["fiscal_year"].value() == 2569  # read as BE before leaving the field
    year.editingFinished.emit()
    assert year.text() == "2569"
    assert form.message.text() == "ปี 2026 เป็น ค.ศ. ใช้ พ.ศ. 2569 แทน"

    page.show_budget()
    alloc = page.allocation
    program = alloc.program.currentData()
    before = {b.program_id: b.allocated for b in ledger.budget_by_program(window.store, 2569)}
    alloc.fiscal_year.clear()
    type_text(alloc.fiscal_year, "2026")
    type_text(alloc.amount, "1,000")
    qtbot.mouseClick(alloc.button, Qt.MouseButton.LeftButton)
    after = {b.program_id: b.allocated for b in ledger.budget_by_program(window.store, 2569)}
    assert after[program] == before.get(program, 0) + 100_000  # 1,000 baht in BE 2569
    assert alloc.fiscal_year.text() == "2569"
    assert "ปี 2026 เป็น ค.ศ. ใช้ พ.ศ. 2569 แทน" in alloc.message.text()
