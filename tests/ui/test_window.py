"""Real flows through the real main window (offscreen), on a real store in a temp folder."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from codi_desktop.services import list_export, lists
from codi_desktop.services.lists import ListFilter
from codi_desktop.ui.main_window import PAGES, MainWindow
from codi_desktop.ui.table_model import ID_ROLE


def communities(window):
    page = window.show_page("communities")
    page.ensure_loaded()
    return page


def test_filter_open_invalid_edit_fix_save_history(qtbot, type_text, window):
    page = communities(window)
    assert page.model.total == 200
    # type a Thai substring of a real name; the list narrows once typing pauses
    some_name = page.model.data(page.model.index(0, 0))
    needle = some_name.removeprefix("ชุมชน")[:4]
    type_text(page.search, needle)
    qtbot.waitUntil(lambda: page.model.total < 200)
    assert all(needle in page.model.data(page.model.index(r, 0))
               or needle in (page.model.data(page.model.index(r, 2)) or "")
               or needle in (page.model.data(page.model.index(r, 7)) or "")
               for r in range(page.model.rowCount()))

    # open the first match
    page.table.setCurrentIndex(page.model.index(0, 0))
    panel = page.detail
    form = panel.form
    qtbot.waitUntil(lambda: form.record_id is not None)
    record_id = form.record_id
    assert form.inputs["name"].widget.text() == page.model.data(page.model.index(0, 0))

    # an invalid edit: population below households; the reason shows next to the field
    households = form.inputs["households"].widget
    population = form.inputs["population"].widget
    households.clear()
    type_text(households, "500")
    population.clear()
    type_text(population, "12")
    assert "ประชากร" in form.reason("population")
    assert population.accessibleDescription() == population.toolTip() == form.reason("population")
    assert "ประชากร" in form.message.text()  # listed in the form's fixed message bar
    # a non-number is explained too
    moo = form.inputs["moo"].widget
    moo.clear()
    type_text(moo, "สาม")
    assert form.reason("moo") == "หมู่ที่ต้องเป็นตัวเลข"
    assert form.save() is False  # nothing is written while a field is wrong
    moo.clear()

    # fix it and save: one service call
    population.clear()
    type_text(population, "1600")
    assert form.reason("population") == ""
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "บันทึกแล้ว"

    # the list shows the new value, and the history panel lists the edit
    row = page.model.row_of(record_id)
    assert row is not None
    assert page.model.data(page.model.index(row, 6)) == "1,600"
    assert page.model.data(page.model.index(row, 5)) == "500"
    entries = panel.history.entries()
    assert any("500" in e and "จำนวนครัวเรือน" in e for e in entries)
    assert any("1,600" in e for e in entries)


def test_new_community_and_delete_with_confirmation(qtbot, type_text, window):
    page = communities(window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.detail.form
    assert form.record_id is None
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.reason("name") == "กรุณากรอกชื่อ"
    type_text(form.inputs["name"].widget, "ชุมชนใหม่ริมมูล")
    type_text(form.inputs["households"].widget, "42")
    assert form.save()
    assert page.model.total == 201
    new_id = form.record_id
    assert lists.COMMUNITIES.count(window.store, ListFilter(text="ใหม่ริมมูล")) == 1

    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert form.confirm.isVisible()  # an inline question, not a modal dialog
    qtbot.mouseClick(form.confirm.yes, Qt.MouseButton.LeftButton)
    assert page.model.total == 200
    assert page.model.row_of(new_id) is None


def test_organization_form_shows_fields_of_its_kind(qtbot, type_text, window):
    page = window.show_page("organizations")
    page.ensure_loaded()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.detail.form
    kind = form.inputs["kind"].widget
    kind.setCurrentIndex(kind.findData("welfare_fund"))
    assert form.inputs["fund_balance_satang"].widget.isVisible()
    assert not form.inputs["registered_on"].widget.isVisible()
    kind.setCurrentIndex(kind.findData("tambon_council"))
    assert form.inputs["registered_on"].widget.isVisible()
    type_text(form.inputs["registered_on"].widget, "31/2/2568")
    assert "วันที่ไม่ถูกต้อง" in form.reason("registered_on")
    form.inputs["registered_on"].widget.clear()
    type_text(form.inputs["registered_on"].widget, "1/3/2568")
    type_text(form.inputs["name"].widget, "สภาองค์กรชุมชนตำบลทดสอบ")
    assert form.save()
    data = form.spec.get(window.store, form.record_id)
    assert data.registered_on.isoformat() == "2025-03-01"  # 2568 BE


def test_person_membership(qtbot, type_text, window):
    page = window.show_page("people")
    page.ensure_loaded()
    page.table.setCurrentIndex(page.model.index(0, 0))
    panel = page.detail
    qtbot.waitUntil(lambda: panel.memberships.person_id is not None)
    memberships = panel.memberships
    before = len(memberships.rows)
    org = lists.ORGANIZATIONS.window(window.store, ListFilter(), limit=1)[0]
    edit = memberships.organization
    type_text(edit, org[1][:6])
    edit.setText(org[1])
    type_text(memberships.to_on, "1/1/2560")
    type_text(memberships.from_on, "1/1/2567")
    assert "วันที่สิ้นสุด" in memberships.reason("to_on")  # to before from
    assert "วันที่สิ้นสุด" in memberships.message.label.text()  # in the panel's fixed bar (its tab is not shown)
    memberships.to_on.clear()
    memberships.role.setCurrentIndex(memberships.role.findData("treasurer"))
    qtbot.mouseClick(memberships.add_button, Qt.MouseButton.LeftButton)
    assert len(memberships.rows) == before + 1
    added = [m for m in memberships.rows if m.organization_id == org[0]]
    assert added and added[0].role == "treasurer"


def test_membership_form_says_every_reason_at_once(qtbot, type_text, window):
    """No organization chosen and dates in the wrong order: both reasons show together,
    and nothing is added."""
    page = window.show_page("people")
    page.ensure_loaded()
    page.table.setCurrentIndex(page.model.index(0, 0))
    memberships = page.detail.memberships
    qtbot.waitUntil(lambda: memberships.person_id is not None)
    before = len(memberships.rows)
    type_text(memberships.to_on, "1/1/2560")
    type_text(memberships.from_on, "1/1/2567")
    memberships.add()
    assert "วันที่สิ้นสุด" in memberships.reason("to_on")
    assert "องค์กร" in memberships.reason("organization")
    bar = memberships.message.label.text()
    assert "วันที่สิ้นสุด" in bar and "องค์กร" in bar
    assert len(memberships.rows) == before


def test_switch_language_to_english_live(qtbot, window):
    settings = window.show_page("settings")
    assert window.nav.item(0).text() == "ภาพรวม"
    # click on the radio's indicator (its hit area is the indicator and the label only)
    qtbot.mouseClick(settings.en, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, settings.en.height() // 2))
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard")
    assert [window.nav.item(i).text() for i in range(3)] == [
        "Dashboard", "Communities", "Organizations"]
    assert window.current_page() == "settings"
    page = communities(window)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Community name"
    assert page.count_label.text() == "200 records"
    assert "Demo database" in window.sync_status.text()
    # remembered for the next start
    from codi_desktop.ui.i18n import saved_language

    assert saved_language() == "en"


def test_dashboard_loads_in_background(qtbot, window):
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.cards["communities"].value.text() == "200"
    assert page.budget_table.rowCount() == len(page.data.budget) + 1
    assert page.budget_table.item(page.budget_table.rowCount() - 1, 1).text().startswith("฿")
    assert sum(sum(v) for v in page.budget_chart.values) > 0
    assert len(page.meetings_chart.categories) == 12


def test_read_only_pages_list_with_filters(qtbot, window):
    projects = window.show_page("projects")
    total = projects.list.model.total
    assert total > 0
    fy_combo = projects.list.combos["fiscal_year"]
    fy_combo.setCurrentIndex(1)
    assert 0 < projects.list.model.total < total
    assert projects.budget.rowCount() > 0
    projects.list.table.setCurrentIndex(projects.list.model.index(0, 0))
    detail = projects.list.detail  # the project form with its budget ledger tab
    assert detail.form.record_id is not None
    assert "฿" in detail.budget.balance.text()

    meetings = window.show_page("meetings")
    all_meetings = meetings.model.total
    meetings.set_combo("kind", "provincial_assembly")
    assert 0 < meetings.model.total < all_meetings
    meetings.table.setCurrentIndex(meetings.model.index(0, 0))
    assert "สมัชชาจังหวัด" in meetings.detail.view.toPlainText()

    assessment = window.show_page("assessment")
    assert len(assessment.rows) == 10  # one level picker per criterion (issue 11 page)


def test_keyboard_navigation(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "communities"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages["communities"].search.hasFocus()


def test_first_run_opens_the_demo_province(qtbot, open_window, tmp_path):
    window = open_window(tmp_path / "fresh")
    assert window.welcome is not None and window.nav is None
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: window.nav is not None, timeout=60_000)
    assert window.store.province_code == "34"
    assert window.store.is_demo
    page = communities(window)
    assert page.model.total == 200


def test_first_run_start_empty_counts_waiting_changes(qtbot, type_text, open_window, tmp_path):
    window = open_window(tmp_path / "fresh")
    welcome = window.welcome
    combo = welcome.province
    combo.setCurrentIndex(combo.findData("34"))
    qtbot.mouseClick(welcome.empty_button, Qt.MouseButton.LeftButton)
    assert window.nav is not None
    assert "ไม่มีรายการรอส่ง" in window.sync_status.text()
    page = communities(window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    type_text(page.detail.form.inputs["name"].widget, "ชุมชนแรก")
    assert page.detail.form.save()
    assert "รอส่ง 1 รายการ" in window.sync_status.text()
    assert "ออฟไลน์" in window.sync_status.text()
    assert "ยังไม่เคยซิงค์" in window.sync_status.text()
    # the sync engine records its last success; the status bar shows it in Bangkok time
    window.store.set_setting("sync_last_success", "2026-11-25T07:05:00+00:00")
    window.refresh_waiting()
    assert "ซิงค์ล่าสุดเมื่อ 14.05 น." in window.sync_status.text()


def test_sync_status_api(qtbot):
    import datetime as dt

    from codi_desktop.ui.status import SyncState, SyncStatusWidget

    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.set_state(SyncState(online=True, waiting=3,
                               last_synced_at=dt.datetime(2026, 11, 25, 7, 30, tzinfo=dt.UTC)))
    assert widget.text() == "ออนไลน์ · รอส่ง 3 รายการ · ซิงค์ล่าสุดเมื่อ 14.30 น."
    widget.set_online(False)
    assert widget.text().startswith("ออฟไลน์")


def test_migration_error_is_a_message_not_a_traceback(qtbot, tmp_path):
    from codi_desktop.app import StartupProblem, start
    from codi_desktop.store.database import open_store

    folder = tmp_path / "broken"
    open_store(folder).close()
    con = sqlite3.connect(folder / "codi.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '0001'")
    con.execute("CREATE TABLE fts_community_clash (x)")  # makes 0002 fail half-way
    con.execute("DROP TABLE fts_community")
    con.execute("CREATE TABLE fts_community (x)")
    con.commit()
    con.close()
    shown = start(argparse.Namespace(data_dir=str(folder), lang=None))
    qtbot.addWidget(shown)
    assert isinstance(shown, StartupProblem)
    assert "ปรับรุ่นฐานข้อมูลไม่สำเร็จ" in shown.text()


def test_excepthook_logs_and_shows_a_short_message(qtbot, window, monkeypatch, caplog):
    from codi_core.errors import ServiceError
    from codi_desktop.ui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window.show_error)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "ไม่คาดคิด" in window.message.text()
    assert "boom" in caplog.text
    sys.excepthook(ServiceError, ServiceError("not_found", label="community"), None)
    assert window.message.text() == "ไม่พบชุมชนที่ต้องการ (อาจถูกลบไปแล้ว)"


def test_page_holds_no_window_reference(window):
    for key in PAGES:  # pages are built on their first visit
        window.pages[key]
    assert set(window.pages) == set(PAGES)
    for page in window.pages.values():
        assert not any(isinstance(v, MainWindow) for v in vars(page).values())


def test_the_table_model_shows_ids_and_formats_values(window):
    page = communities(window)
    index = page.model.index(0, 0)
    assert isinstance(page.model.data(index, ID_ROLE), str)
    assert page.model.canFetchMore(QModelIndex()) is False  # 200 rows fit one page
    assert isinstance(page.search, QLineEdit)


def test_enrol_form_reports_an_unreachable_server_in_thai(qtbot, type_text, open_window,
                                                          tmp_path):
    window = open_window(tmp_path / "fresh")
    welcome = window.welcome
    type_text(welcome.server, "http://127.0.0.1:9")  # discard port: nothing listens
    type_text(welcome.username, "somchai")
    type_text(welcome.password, "secret")
    qtbot.mouseClick(welcome.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: welcome.task is None, timeout=20_000)
    assert "ติดต่อเซิร์ฟเวอร์ไม่ได้" in welcome.message.text()
    assert window.nav is None  # still on the welcome page, nothing half-done
    assert welcome.enrol_button.isEnabled()  # the person can correct and try again


def test_export_the_filtered_list_in_the_background(qtbot, window, tmp_path):
    import csv

    page = communities(window)
    page.set_combo("kind", "urban")
    expected = page.model.total
    assert 0 < expected < 200
    out = tmp_path / "ชุมชนเมือง.csv"
    task = page.export_to(str(out))
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    assert "ส่งออก" in page.message.text()
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["ชื่อชุมชน", "ประเภทชุมชน"]  # the importer's layout (importing/)
    assert len(rows) == expected + 1
    assert {r[1] for r in rows[1:]} == {"ชุมชนเมือง"}
    assert rows[0][6] == "ครัวเรือน"
    assert all(r[6].isdigit() or r[6] == "" for r in rows[1:])  # households stay numbers

    xlsx = tmp_path / "list.xlsx"
    task = page.export_to(str(xlsx))
    qtbot.waitUntil(lambda: not task.running, timeout=10_000)
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.max_row == expected + 1


def test_a_cancelled_export_leaves_no_file(demo_store, tmp_path):
    import pytest

    from codi_desktop.ui.tasks import CancelFlag, Cancelled

    flag = CancelFlag()
    seen = []

    def progress(done, total, _msg):
        seen.append(done)
        flag.set()  # the person presses cancel after the first window

    out = tmp_path / "all.csv"
    with pytest.raises(Cancelled):
        list_export.export_rows(demo_store, lists.COMMUNITIES, ListFilter(), out,
                          [("name", "name", None)], cancel=flag, progress=progress,
                          page_size=50)
    assert seen == [50]
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_unsaved_typing_is_not_lost_silently_when_switching(qtbot, type_text, window):
    page = communities(window)
    panel = page.detail
    page.table.setCurrentIndex(page.model.index(0, 0))
    first_id = panel.form.record_id
    type_text(panel.form.inputs["leader_name"].widget, "ทดสอบ")
    page.table.setCurrentIndex(page.model.index(1, 0))
    assert panel.discard.isVisible()  # asked inline, nothing modal
    assert panel.form.record_id == first_id
    qtbot.mouseClick(panel.discard.no, Qt.MouseButton.LeftButton)  # keep editing
    assert panel.form.inputs["leader_name"].widget.text().endswith("ทดสอบ")
    page.table.setCurrentIndex(page.model.index(2, 0))
    qtbot.waitUntil(lambda: panel.discard.yes.width() > 0)  # laid out, as a person sees it
    qtbot.mouseClick(panel.discard.yes, Qt.MouseButton.LeftButton)  # discard
    assert panel.form.record_id == page.model.record_id(2)
    assert not panel.form.is_dirty()
    # an untouched form switches without asking
    page.table.setCurrentIndex(page.model.index(3, 0))
    assert not panel.discard.isVisible()
    assert panel.form.record_id == page.model.record_id(3)


def test_history_names_places_instead_of_codes(qtbot, type_text, window):
    page = communities(window)
    page.table.setCurrentIndex(page.model.index(0, 0))
    form = page.detail.form
    combo = form.inputs["subdistrict_id"].widget
    other = next(i for i in range(1, combo.count()) if combo.itemData(i) != form.base.subdistrict_id)
    combo.setCurrentIndex(other)
    assert form.save()
    new_name = combo.itemText(other).split(" · ")[0]
    entries = page.detail.history.entries()
    assert any(e.startswith("ตำบล:") and e.endswith(new_name) for e in entries), entries
    assert not any(combo.itemData(other) in e for e in entries)  # no DOPA codes shown


def test_tab_from_the_list_goes_into_the_record(qtbot, window):
    page = communities(window)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        if page.detail.isAncestorOf(window.focusWidget()):
            break
    assert page.detail.isAncestorOf(window.focusWidget())


def test_pages_are_built_on_their_first_visit(window):
    """Start-up builds only the page the window opens on; a page is built (once) when it
    is first shown, and its list is read then."""
    assert set(window.pages) == {"dashboard"}
    page = window.show_page("people")
    assert set(window.pages) == {"dashboard", "people"}
    assert window.stack.currentWidget() is page
    assert page.model.loaded() > 0
    window.show_page("dashboard")
    assert window.show_page("people") is page
