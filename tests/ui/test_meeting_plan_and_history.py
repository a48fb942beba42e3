"""Planning a meeting as a facilitator expects (issue 13): an empty plan is refused with
every reason, the number it will get is shown first, a planned meeting is cancelled with
a reason and keeps its number, and the meeting's history reads as words, not as columns."""

from __future__ import annotations

import re

from PySide6.QtCore import QTime

from codi_desktop.services import meetings

BODY = "สภาองค์กรชุมชนตำบลหัวเรือ"


def pick(picker, text: str) -> None:
    picker.search.setText(text)
    picker.search.flush()
    assert picker.results.count() > 0, f"no match for {text!r}"
    picker.results.itemActivated.emit(picker.results.item(0))


def fill_plan(ws, day: str) -> None:
    plan = ws.plan
    plan.kind.setCurrentIndex(plan.kind.findData("tambon_council"))
    pick(plan.body, BODY)
    plan.date.setText(day)
    plan.start.setTime(QTime(9, 30))
    plan.end.setTime(QTime(12, 0))
    plan.place.setText("ศาลาประชาคมตำบลหัวเรือ")
    pick(plan.chair, "สม")
    pick(plan.minute_taker, "ศรี")


def test_an_empty_plan_is_refused_with_every_reason_and_writes_nothing(window):
    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    before = len(meetings.list_meetings(window.store))
    ws.plan.date.clear()
    ws.plan.kind.setCurrentIndex(ws.plan.kind.findData("tambon_council"))
    ws.plan.save.click()
    assert ws.meeting_id is None
    reasons = ws.plan.error.text()
    # written out here, not taken from the code under test
    assert "กรุณาเลือกองค์กรที่ประชุม" in reasons
    assert "กรุณากรอกวันเวลาเริ่ม" in reasons
    assert "กรุณากรอกสถานที่" in reasons
    assert ws.plan.error.isVisible()
    assert len(meetings.list_meetings(window.store)) == before


def test_the_plan_shows_its_number_and_cancelling_keeps_it(window):
    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    fill_plan(ws, "10/3/2570")
    hint = ws.plan.number_hint.text()
    match = re.search(r"(\d+)/2570", hint)
    assert match, hint
    ws.plan.save.click()
    assert ws.meeting_id, ws.message.text() + ws.plan.error.text()
    first = ws.meeting_id
    assert ws.detail.number_text == match.group(0)  # the number promised is the one given

    ws.tabs.setCurrentWidget(ws.plan)
    assert ws.plan.cancel.isVisible()
    ws.plan.cancel.click()  # no reason: refused, nothing changes
    assert ws.detail.status == "planned"
    assert "เหตุผล" in ws.message.text()
    ws.plan.cancel_reason.setText("เลื่อนเพราะน้ำท่วมถนนเข้าหมู่บ้าน")
    ws.plan.cancel.click()
    assert ws.detail.status == "cancelled"
    assert ws.detail.number_text == match.group(0)
    assert "เลื่อนเพราะน้ำท่วม" in ws.plan.cancelled_note.text()
    assert not ws.plan.save.isEnabled() and not ws.plan.cancel.isVisible()
    # it stays in the list, as cancelled, with its number
    rows = {r.id: r for r in meetings.list_meetings(window.store)}
    assert rows[first].status == "cancelled" and rows[first].number_text == match.group(0)
    page.list.reload()
    model = page.list.model
    row = model.row_of(first)
    assert row is not None
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert "ยกเลิกการประชุม" in texts, texts
    # the next meeting of the body gets the next number, not the cancelled one's
    page.new_meeting()
    fill_plan(ws, "24/3/2570")
    ws.plan.save.click()
    n = int(match.group(1))
    assert ws.detail.number_text == f"{n + 1}/2570"


ISO = re.compile(r"\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|\d{2}:\d{2}:\d{2}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
COLUMNS = ("secretary_id", "reviewer_id", "previous_meeting_id", "certified_on",
           "minutes_version", "number_year", "organization_id", "starts_at", "_id", "_at")


def _history_text(ws) -> list[str]:
    history = ws.minutes.history
    out = []
    for i in range(history.topLevelItemCount()):
        top = history.topLevelItem(i)
        out.append(" | ".join(top.text(c) for c in range(3)))
        out += [top.child(j).text(2) for j in range(top.childCount())]
    return out


def test_a_meetings_history_reads_as_words(window, open_window):
    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    fill_plan(ws, "15/12/2569")
    ws.plan.save.click()
    ws.tabs.setCurrentWidget(ws.plan)
    ws.plan.place.setText("วัดหัวเรือ")
    ws.plan.save.click()
    lines = _history_text(ws)
    assert len(lines) > 4, lines
    text = "\n".join(lines)
    for bad in COLUMNS:
        assert bad not in text, (bad, text)
    assert not ISO.search(text), text
    assert not UUID.search(text), text
    assert "provincial_committee" not in text and "tambon_council" not in text
    assert "planned" not in text and "2,569" not in text
    # what it does say: the field names, the body by its name, the time in Bangkok, BE
    assert "สถานที่: ศาลาประชาคมตำบลหัวเรือ → วัดหัวเรือ" in text
    assert f"องค์กรที่ประชุม: {BODY}" in text
    assert "15 ธ.ค. 2569 09.30 น." in text
    assert "สถานะ: วางแผนแล้ว" in text
    assert "เครื่องนี้" in lines[0]


def test_the_history_in_english_has_no_thai_action_names(window):
    from codi_desktop.ui.i18n import install_language

    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    fill_plan(ws, "15/12/2569")
    ws.plan.save.click()
    install_language("en")
    ws.minutes.history.load(ws.meeting_id)
    top = _history_text(ws)[0]
    assert "Created · meeting" in top, top
    assert "วางแผน" not in top
    text = "\n".join(_history_text(ws))
    assert "Status: Planned" in text and "Place: ศาลาประชาคมตำบลหัวเรือ" in text


def test_invitees_marked_in_sign_in_end_time_default_and_follow_up_legend(window):
    page = window.show_page("meetings")
    page.new_meeting()
    ws = page.workspace
    fill_plan(ws, "15/12/2569")
    ws.plan.save.click()
    invitee = next(i for i in ws.detail.invitees if i.person_id)
    att = ws.attendance
    att.find.search.setText(invitee.name.split()[-1])
    att.find.search.flush()
    shown = [att.find.results.item(i).text() for i in range(att.find.results.count())]
    assert any(invitee.name.split()[-1] in s and "ได้รับเชิญ" in s for s in shown), shown
    # the certify tab's end time is the planned end (12.00), not the start time
    assert ws.minutes.ended.time() == QTime(12, 0)
    assert ws.minutes.started.time() == QTime(9, 30)
    page.tabs.setCurrentWidget(page.followup)
    legend = page.followup.legend.text()
    assert "เลยกำหนดแล้ว" in legend and "ครบกำหนดภายใน 14 วัน" in legend
