"""Read-only fields say why (issue 13): a field a state or a role makes read-only carries the
reason as its tip, and the reason is visible beside the fields, in Thai or English."""

from __future__ import annotations

import pytest

from codi_desktop.services import meetings


def _first(store, status):
    return next(r for r in meetings.list_meetings(store) if r.status == status)


def _enrolled_as(demo_dir, role):
    from codi_desktop.store.database import open_store

    store = open_store(demo_dir)
    store.set_setting("sync_role", role)
    store.close()


def test_a_locked_meeting_says_why_nothing_can_be_edited(window):
    page = window.show_page("meetings")
    page.open_meeting(_first(window.store, "locked").id)
    ws = page.workspace
    assert ws.read_only.isVisibleTo(window)
    assert "ล็อกแล้ว แก้ไขไม่ได้" in ws.read_only.text()
    assert "ฉบับแก้ไขใหม่" in ws.read_only.text()  # and what can be done instead
    for field in (ws.plan.place, ws.plan.date, ws.agenda.add, ws.attendance.find,
                  ws.actions.add, ws.minutes.save_times):
        assert not field.isEnabled()
        assert field.toolTip() == ws.read_only.text()


def test_a_certified_meeting_and_a_cancelled_one_say_their_own_reason(window):
    page = window.show_page("meetings")
    ws = page.workspace
    page.open_meeting(_first(window.store, "minutes_certified").id)
    assert "รับรองแล้ว แก้ไขไม่ได้" in ws.read_only.text()
    assert ws.plan.place.toolTip() == ws.read_only.text()

    draft = _first(window.store, "minutes_draft")
    page.open_meeting(draft.id)  # an editable meeting: no note, the fields' own tips
    assert not ws.read_only.isVisibleTo(window)
    assert ws.plan.place.isEnabled() and ws.plan.place.toolTip() == ""


def test_a_cancelled_meeting_says_it_is_cancelled(window):
    from PySide6.QtCore import QTime

    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    plan = ws.plan
    plan.kind.setCurrentIndex(plan.kind.findData("tambon_council"))
    plan.body.search.setText("สภาองค์กรชุมชนตำบลหัวเรือ")
    plan.body.search.flush()
    plan.body.results.itemActivated.emit(plan.body.results.item(0))
    plan.date.setText("12/3/2570")
    plan.start.setTime(QTime(9, 30))
    plan.end.setTime(QTime(12, 0))
    plan.place.setText("ศาลาประชาคมตำบลหัวเรือ")
    ws.plan.save.click()
    assert ws.meeting_id
    ws.plan.cancel_reason.setText("เลื่อนเพราะน้ำท่วม")
    ws.plan.cancel.click()
    assert ws.detail.status == "cancelled"
    assert ws.read_only.isVisibleTo(window)
    assert "ยกเลิกแล้ว แก้ไขไม่ได้" in ws.read_only.text()
    assert not ws.plan.place.isEnabled()
    assert ws.plan.place.toolTip() == ws.read_only.text()


@pytest.mark.parametrize("lang, words", [("th", "แก้ไขได้เฉพาะ พอช. ส่วนกลาง"),
                                         ("en", "can only be changed by HQ")])
def test_a_certified_assessment_says_only_hq_may_change_it(open_window, demo_dir, lang, words):
    _enrolled_as(demo_dir, "province")
    window = open_window(demo_dir, lang)
    page = window.show_page("assessment")
    page.ensure_loaded()
    page.year.setCurrentIndex(page.year.findData(2566))  # certified in the demo
    assert page.read_only.isVisibleTo(window)
    assert words in page.read_only.text()
    row = next(iter(page.rows.values()))
    for field in (page.save, page.assessors, row.level, row.evidence):
        assert not field.isEnabled()
        assert words in field.toolTip()
    page.year.setCurrentIndex(page.year.findData(2564))  # agreed, not certified: editable
    assert not page.read_only.isVisibleTo(window)
    assert page.save.isEnabled() and row.evidence.isEnabled()


def test_hq_may_change_a_certified_assessment(open_window, demo_dir):
    _enrolled_as(demo_dir, "hq")
    window = open_window(demo_dir)
    page = window.show_page("assessment")
    page.ensure_loaded()
    page.year.setCurrentIndex(page.year.findData(2566))
    assert not page.read_only.isVisibleTo(window)
    assert page.save.isEnabled()


def test_a_new_person_says_memberships_wait_for_saving(qtbot, window):
    from PySide6.QtCore import Qt

    page = window.show_page("people")
    page.ensure_loaded()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    memberships = page.detail.memberships
    page.detail.tabs.setCurrentWidget(memberships)
    assert memberships.read_only.isVisibleTo(window)
    assert "บันทึกบุคคลนี้ก่อน" in memberships.read_only.text()
    assert not memberships.add_button.isEnabled()
    assert memberships.add_button.toolTip() == memberships.read_only.text()
