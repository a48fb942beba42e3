"""The meetings page in the real main window (offscreen), on a copy of the demo province:
a facilitator's whole cycle from planning to corrected minutes, with no server."""

from __future__ import annotations

import io
import unicodedata

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from codi_desktop.services import lists, meetings
from codi_desktop.services.lists import ListFilter

BODY = "สภาองค์กรชุมชนตำบลหัวเรือ"


def squash(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def pdf_text(path) -> str:
    return squash("".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(
        path.read_bytes())).pages))


@pytest.fixture
def page(window):
    page = window.show_page("meetings")
    assert page is window.pages["meetings"]
    return page


def pick(picker, text: str, index: int = 0) -> str:
    """Type into a picker, then choose a match as a person would (activate it)."""
    picker.search.setText(text)
    picker.search.flush()
    assert picker.results.count() > index, f"no match for {text!r}"
    item = picker.results.item(index)
    text = item.text()
    picker.results.itemActivated.emit(item)
    return text


def plan_in_page(page, day: str, start=QTime(9, 30), body=BODY, minute_taker="ศรี") -> str:
    page.new_meeting()
    ws = page.workspace
    plan = ws.plan
    plan.kind.setCurrentIndex(plan.kind.findData("tambon_council"))
    pick(plan.body, body)
    plan.date.setText(day)
    plan.start.setTime(start)
    plan.end.setTime(QTime(12, 0))
    plan.place.setText("ศาลาประชาคมตำบลหัวเรือ")
    pick(plan.chair, "สม")
    if minute_taker:
        pick(plan.minute_taker, minute_taker)
    plan.save.click()
    assert ws.meeting_id is not None, ws.message.text() + plan.error.text()
    return ws.meeting_id


def tree_rows(ws) -> list[tuple[str, str]]:
    out = []

    def walk(node):
        out.append((node.text(0), node.text(1)))
        for i in range(node.childCount()):
            walk(node.child(i))

    for i in range(ws.agenda.tree.topLevelItemCount()):
        walk(ws.agenda.tree.topLevelItem(i))
    return out


def test_plan_from_template_item3_actions_sign_in_vote_print_certify_amend(
        qtbot, window, page, tmp_path):
    ws = page.workspace
    # --- plan from the template; the list shows it
    first = plan_in_page(page, "12/1/2570")
    d = ws.detail
    assert d.body_name == BODY and d.number_year == 2570 and d.number == 1
    assert [r for r in tree_rows(ws) if "." not in r[0]] == [
        ("1", "ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
        ("2", f"ระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว (ครั้งที่ {d.previous_number})"),
        ("3", "ระเบียบวาระที่ 3 เรื่องสืบเนื่อง"), ("4", "ระเบียบวาระที่ 4 เรื่องเพื่อทราบ"),
        ("5", "ระเบียบวาระที่ 5 เรื่องเพื่อพิจารณา"), ("6", "ระเบียบวาระที่ 6 เรื่องอื่น ๆ")]
    assert d.previous_meeting_id is not None  # the body's last demo meeting
    assert len(d.invitees) >= 30  # the council's members are invited
    assert page.tabs.currentWidget() is ws and ws.tabs.currentWidget() is ws.agenda
    assert page.model.row_of(first) is not None or page.model.total > 0

    # --- add an item to section 5
    ws.agenda.section.setCurrentIndex(ws.agenda.section.findData(5))
    ws.agenda.new_title.setText("พิจารณาแผนพัฒนาที่อยู่อาศัยตำบล")
    ws.agenda.presenter.setText("ผู้ประสานงาน พอช.")
    ws.agenda.duration.setValue(30)
    ws.agenda.add.click()
    (number, _), = [r for r in tree_rows(ws) if r[1] == "พิจารณาแผนพัฒนาที่อยู่อาศัยตำบล"]
    assert number.startswith("5.")

    # --- record 30 attendees: members by search, a substitute, a walk-in, one absent
    ws.tabs.setCurrentWidget(ws.attendance)
    att = ws.attendance
    names = [r[1] for r in lists.PEOPLE.window(window.store, ListFilter(), limit=200)]
    signed = 0
    for name in names:
        if signed == 27:
            break
        att.find.search.setText(name)
        att.find.search.flush()
        free = [i for i in range(att.find.results.count())
                if not att.find.results.item(i).text().startswith("✓")]
        if not free:
            continue
        att.find.results.itemActivated.emit(att.find.results.item(free[0]))
        if signed == 0:  # the meeting's day has not come: asked once, then recorded
            assert ws.confirm.isVisible() and "ยังไม่ถึงวันประชุม" in ws.confirm.label.text()
            assert ws.detail.present_count == 0
            ws.confirm.yes.click()
        signed += 1
        assert ws.detail.present_count == signed, ws.message.text()
    # a substitute for a member who could not come
    att.status.setCurrentIndex(att.status.findData("substitute"))
    assert att.substitute_for.isVisibleTo(att)
    member = next(i.name for i in ws.detail.invitees
                  if i.person_id not in {a.person_id for a in ws.detail.attendance})
    pick(att.substitute_for, member.removeprefix("นางสาว").removeprefix("นาย")
         .removeprefix("นาง"))
    substitute_name = next(n for n in names[150:] if n not in
                           {a.person_name for a in ws.detail.attendance})
    att.find.search.setText(substitute_name)
    att.find.search.flush()
    att.find.results.itemActivated.emit(att.find.results.item(0))
    # a walk-in with organization and tambon
    att.status.setCurrentIndex(att.status.findData("attendee"))
    att.prefix.setCurrentText("นางสาว")
    att.first.setText("ปราณี")
    att.last.setText("ใจงามยิ่ง")
    att.org.setText("กองทุนสวัสดิการชุมชนตำบลหัวเรือ")
    att.district.setCurrentIndex(att.district.findData("3401"))
    att.tambon.setCurrentIndex(att.tambon.findData("340104"))
    att.walk_in.click()
    # someone absent, with the reason
    att.status.setCurrentIndex(att.status.findData("absent"))
    att.reason.setText("ติดภารกิจ")
    absent_name = next(n for n in names[100:] if n not in
                       {a.person_name for a in ws.detail.attendance})
    att.find.search.setText(absent_name)
    att.find.search.flush()
    att.find.results.itemActivated.emit(att.find.results.item(0))
    d = ws.detail
    assert d.present_count == 29, ws.message.text()
    att.status.setCurrentIndex(att.status.findData("present"))
    att.find.search.setText(next(n for n in names[60:] if n not in
                                 {a.person_name for a in ws.detail.attendance}))
    att.find.search.flush()
    att.find.results.itemActivated.emit(att.find.results.item(0))
    d = ws.detail
    assert d.present_count == 30 and len(d.attendance) == 31
    by_status = {a.status for a in d.attendance}
    assert by_status == {"present", "substitute", "attendee", "absent"}
    walk = next(a for a in d.attendance if a.person_name == "นางสาวปราณี ใจงามยิ่ง")
    assert (walk.subdistrict_id, walk.organization_name) == ("340104",
                                                             "กองทุนสวัสดิการชุมชนตำบลหัวเรือ")
    sub = next(a for a in d.attendance if a.status == "substitute")
    assert sub.substitute_for_name == member
    assert att.counts.text().startswith("ผู้เข้าประชุม 30 คน · ไม่มาประชุม 1 คน")
    assert att.table.rowCount() == 31
    # the walk-in is now a person the search finds
    att.find.search.setText("ใจงามยิ่ง")
    att.find.search.flush()
    assert att.find.results.item(0).text().startswith("✓ นางสาวปราณี ใจงามยิ่ง")

    # --- start and end times: the meeting is held
    ws.tabs.setCurrentWidget(ws.minutes)
    ws.minutes.started.setTime(QTime(9, 45))
    ws.minutes.ended.setTime(QTime(12, 10))
    ws.minutes.save_times.click()
    assert ws.detail.status == "held"

    # --- a resolution with a vote; a vote above those present is refused with a message
    ws.tabs.setCurrentWidget(ws.agenda)
    ws.agenda.select(number)
    ws.agenda.minutes.setPlainText("ผู้ประสานงานนำเสนอแผน ที่ประชุมอภิปรายอย่างกว้างขวาง")
    ws.agenda.resolution.setPlainText("ที่ประชุมมีมติเห็นชอบแผนพัฒนาที่อยู่อาศัยตำบล")
    ws.agenda.has_vote.setChecked(True)
    ws.agenda.votes["for"].setValue(31)
    ws.agenda.votes["against"].setValue(0)
    ws.agenda.save_item.click()
    assert ws.message.text() == "จำนวนผู้ลงคะแนนรวม 31 คน มากกว่าผู้เข้าประชุม 30 คน"
    ws.agenda.votes["for"].setValue(25)
    ws.agenda.votes["against"].setValue(3)
    ws.agenda.votes["abstain"].setValue(2)
    ws.agenda.save_item.click()
    row = next(a for a in ws.detail.agenda if a.number == number)
    assert row.resolution == "ที่ประชุมมีมติเห็นชอบแผนพัฒนาที่อยู่อาศัยตำบล"
    assert (row.vote.votes_for, row.vote.votes_against, row.vote.abstentions) == (25, 3, 2)
    assert ws.detail.status == "minutes_draft"
    node = ws.agenda.tree.currentItem()
    assert node.text(4) == "ที่ประชุมมีมติเห็นชอบแผนพัฒนาที่อยู่อาศัยตำบล [25/3/2]"

    # --- an action item for the next meeting
    ws.tabs.setCurrentWidget(ws.actions)
    ws.actions.title.setText("จัดทำแผนที่ทำมือชุมชนหัวเรือ")
    ws.actions.owner_name.setText("คณะทำงานที่อยู่อาศัย")
    ws.actions.due.setText("28/2/2570")
    ws.actions.add.click()
    carried = [a for a in ws.detail.agenda if a.action_item_id]  # open actions from before
    assert ws.actions.table.rowCount() == 1 + len(carried)
    assert ws.actions.table.item(0, 0).text() == "จัดทำแผนที่ทำมือชุมชนหัวเรือ"

    # --- print the minutes and the sign-in sheet through the printing layer
    minutes_pdf, sign_in_pdf = tmp_path / "minutes.pdf", tmp_path / "sign-in.pdf"
    with qtbot.waitSignal(ws.printed, timeout=60_000):
        ws.print_document("minutes", str(minutes_pdf))
    with qtbot.waitSignal(ws.printed, timeout=60_000):
        ws.print_document("sign_in", str(sign_in_pdf))
    text = pdf_text(minutes_pdf)
    assert squash("รายงานการประชุม") in text and squash(BODY) in text
    assert squash("ปราณี ใจงามยิ่ง") in text
    assert squash(sub.person_name.removeprefix("นางสาว")[:6]) in text
    assert squash("ที่ประชุมมีมติเห็นชอบแผนพัฒนาที่อยู่อาศัยตำบล") in text
    sheet = pdf_text(sign_in_pdf)
    first_member = ws.detail.invitees[0].name
    assert squash(first_member) in sheet and squash(ws.detail.invitees[-1].name) in sheet

    # --- the next meeting: item 3 lists this meeting's open action
    second = plan_in_page(page, "9/2/2570")
    assert second != first
    d2 = ws.detail
    assert d2.previous_meeting_id == first and d2.number == 2
    threes = [t for n, t in tree_rows(ws) if n.startswith("3.")]
    assert "จัดทำแผนที่ทำมือชุมชนหัวเรือ" in threes
    assert "รับรองรายงานการประชุมครั้งที่แล้ว (ครั้งที่ 1/2570)" in tree_rows(ws)[1][1]

    # --- certify the first meeting's minutes at the second, then lock them
    page.open_meeting(first)
    assert ws.meeting_id == first
    ws.tabs.setCurrentWidget(ws.minutes)
    mp = ws.minutes
    assert mp.later.count() >= 1 and mp.later.itemData(0) == second
    mp.at_meeting.setChecked(True)
    mp.certify.click()
    assert ws.detail.status == "minutes_certified"
    assert ws.detail.certified_in_meeting_id == second
    assert "รับรองในการประชุมครั้งที่ 2/2570" in mp.state.text()
    mp.lock.click()
    assert ws.detail.status == "locked"
    assert mp.versions.count() == 1
    assert not ws.agenda.save_item.isEnabled()

    # --- editing locked minutes makes a new version; the old one is kept
    ws.tabs.setCurrentWidget(ws.agenda)
    ws.agenda.select(number)
    assert ws.agenda.amend.isVisibleTo(ws.agenda)
    ws.agenda.resolution.setPlainText("ที่ประชุมมีมติเห็นชอบแผน โดยให้ปรับงบประมาณ")
    ws.agenda.amend.click()  # no reason yet: refused
    assert "เหตุผล" in ws.message.text()
    ws.agenda.reason.setText("แก้ไขตามมติการประชุมครั้งที่ 2/2570")
    ws.agenda.amend.click()
    assert ws.message.text() == "บันทึกรายงานการประชุมฉบับที่ 2 แล้ว ฉบับเดิมยังเก็บไว้"
    assert ws.detail.minutes_version == 2
    v1, v2 = meetings.minutes_versions(window.store, first)
    old = {i["number"]: i["resolution"] for i in v1.snapshot["items"]}[number]
    new = {i["number"]: i["resolution"] for i in v2.snapshot["items"]}[number]
    assert old == "ที่ประชุมมีมติเห็นชอบแผนพัฒนาที่อยู่อาศัยตำบล"
    assert new == "ที่ประชุมมีมติเห็นชอบแผน โดยให้ปรับงบประมาณ"
    assert ws.minutes.versions.count() == 2
    assert "แก้ไขตามมติการประชุมครั้งที่ 2/2570" in ws.minutes.versions.item(1).text()

    # --- the follow-up list across meetings shows the open action, overdue first
    page.tabs.setCurrentWidget(page.followup)
    titles = [page.followup.table.item(r, 0).text()
              for r in range(page.followup.table.rowCount())]
    assert "จัดทำแผนที่ทำมือชุมชนหัวเรือ" in titles
    overdue = [page.followup.table.item(r, 4).text() for r in range(len(titles))]
    assert overdue == sorted(overdue, key=lambda t: t == "")


def test_errors_show_in_the_page_in_thai(window, page):
    ws = page.workspace
    page.new_meeting()
    ws.plan.date.setText("31/2/2570")
    ws.plan.save.click()
    assert "วันที่ไม่ถูกต้อง" in ws.plan.error.text()
    ws.plan.date.setText("12/1/2570")
    ws.plan.start.setTime(QTime(13, 0))
    ws.plan.end.setTime(QTime(9, 0))
    ws.plan.save.click()
    # every reason at once: the times, and the body and place not chosen yet
    assert ws.plan.error.text().splitlines()[0] == "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม"
    assert "กรุณากรอกสถานที่" in ws.plan.error.text()
    assert ws.meeting_id is None
    # a number already used
    first = plan_in_page(page, "12/1/2570")
    page.new_meeting()
    ws.plan.kind.setCurrentIndex(ws.plan.kind.findData("tambon_council"))
    pick(ws.plan.body, BODY)
    ws.plan.date.setText("20/1/2570")
    ws.plan.place.setText("ศาลาประชาคมตำบลหัวเรือ")
    ws.plan.number.setValue(1)
    ws.plan.save.click()
    assert ws.plan.error.text().startswith("ครั้งที่ 1/2570 ถูกใช้แล้ว")
    # locking without a minute-taker is refused
    no_taker = plan_in_page(page, "3/3/2570", minute_taker=None)
    assert no_taker != first
    ws.tabs.setCurrentWidget(ws.minutes)
    ws.minutes.save_times.click()
    ws.minutes.by_circulation.setChecked(True)
    ws.minutes.circulated_on.setText("10/3/2570")
    ws.minutes.certify.click()
    assert ws.detail.status == "minutes_certified"
    ws.minutes.lock.click()
    assert ws.message.text() == "ล็อกรายงานการประชุมไม่ได้ เพราะยังไม่ได้ระบุผู้จดรายงานการประชุม"


def test_assembly_import_statistics_and_evidence(qtbot, window, page, tmp_path):
    ws = page.workspace
    page.new_meeting()
    ws.plan.kind.setCurrentIndex(ws.plan.kind.findData("provincial_assembly"))
    ws.plan.date.setText("15/8/2570")
    ws.plan.place.setText("หอประชุมจังหวัดอุบลราชธานี")
    ws.plan.save.click()
    assert ws.detail.kind == "provincial_assembly"
    assert ws.tabs.isTabVisible(ws.tabs.indexOf(ws.assembly))
    path = tmp_path / "participants.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["ลำดับ", "ชื่อ-สกุล", "องค์กร", "ตำบล", "อำเภอ", "เพศ"])
    for i in range(120):
        wb.active.append([i + 1, f"{'นาย' if i % 3 else 'นาง'}ผู้แทน ตำบล{i}", BODY,
                          "หัวเรือ", "เมืองอุบลราชธานี", None])
    wb.save(path)
    with qtbot.waitSignal(ws.changed, timeout=30_000):
        ws.import_participants(str(path))
    assert ws.message.text() == "นำเข้าแล้ว 120 คน (ซ้ำ 0 คน ข้ามไป)"
    stats = ws.assembly.stats.toPlainText()
    assert "ผู้เข้าร่วม 120 คน" in stats and "สภาองค์กรชุมชนตำบล" in stats and "หัวเรือ" in stats
    ws.tabs.setCurrentWidget(ws.minutes)
    ws.minutes.save_times.click()
    ws.assembly.proposal.setText("แผนพัฒนาที่อยู่อาศัยจังหวัด")
    ws.assembly.adopt.click()
    assert ws.assembly.proposals.count() == 1
    ws.assembly.evidence.click()
    assert ws.message.text() == "บันทึกหลักฐานเกณฑ์ข้อ 10 แล้ว"
    # a broken file: a clear message, nothing imported
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not an excel file")
    ws.import_participants(str(bad))
    qtbot.waitUntil(lambda: ws.message.text().startswith("เปิดไฟล์ Excel ไม่ได้"), timeout=30_000)
    assert len(ws.detail.attendance) == 120


def test_ics_export_from_the_page(window, page, tmp_path):
    ws = page.workspace
    plan_in_page(page, "12/1/2570")
    out = tmp_path / "m.ics"
    ws.export_ics(str(out))
    text = out.read_bytes().decode("utf-8")
    assert "DTSTART:20270112T023000Z" in text and text.count("\r\n") > 10


def test_invite_people_and_organizations_in_the_page(window, page):
    ws = page.workspace
    plan_in_page(page, "12/1/2570")
    before = ws.plan.invitees.count()
    assert before == len(ws.detail.invitees) >= 30
    org = lists.search_names(window.store, "organization", "กองทุน")[0]
    pick(ws.plan.invite_org, org.name_th)
    assert ws.plan.invitees.count() == before + 1
    assert ws.plan.invitees.item(before).text() == f"{org.name_th} (องค์กร)"
    ws.plan.invitees.setCurrentRow(before)
    ws.plan.uninvite.click()
    assert ws.plan.invitees.count() == before


def test_agenda_template_edited_in_the_page_is_used(window, page, qtbot):
    page.tabs.setCurrentIndex(0)
    page.findChild(QPushButton, "template_toggle").click()
    editor = page.template
    assert editor.isVisible()
    assert editor.titles[4].text() == "เรื่องเพื่อพิจารณา"
    editor.subs[3].setText("รายงานสถานะการเงิน; รายงานความก้าวหน้าโครงการ")
    editor.save.click()
    assert page.list_message.text().startswith("บันทึกแม่แบบแล้ว")
    editor.titles[0].clear()
    editor.save.click()
    assert page.list_message.text() == "กรุณากรอกชื่อเรื่อง"
    plan_in_page(page, "12/1/2570")
    rows = tree_rows(page.workspace)
    assert ("4.1", "รายงานสถานะการเงิน") in rows and ("4.2", "รายงานความก้าวหน้าโครงการ") in rows


def test_enter_signs_in_a_single_match(window, page, type_text):
    """At the door: type a name that matches one person, press Enter, next."""
    ws = page.workspace
    plan_in_page(page, "12/1/2570")
    ws.tabs.setCurrentWidget(ws.attendance)
    att = ws.attendance
    att.status.setCurrentIndex(att.status.findData("attendee"))
    att.first.setText("สมปอง")
    att.last.setText("ไม่ซ้ำใครเลย")
    att.walk_in.click()
    assert ws.confirm.isVisible()  # before the meeting's day: asked once
    ws.confirm.yes.click()
    # at the next meeting the walk-in is a known person: a unique name and Enter
    plan_in_page(page, "9/2/2570")
    ws.tabs.setCurrentWidget(ws.attendance)
    assert ws.detail.attendance == []
    type_text(att.find.search, "ไม่ซ้ำใครเลย")
    QTest.keyClick(att.find.search, Qt.Key.Key_Return)
    ws.confirm.yes.click()
    assert [a.person_name for a in ws.detail.attendance] == ["สมปอง ไม่ซ้ำใครเลย"]
    assert att.find.search.text() == "" and att.find.search.hasFocus()
