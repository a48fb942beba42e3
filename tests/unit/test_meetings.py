"""Meetings from invitation to certified minutes, offline: planning from the template,
sign-in, resolutions and votes, the minutes' lifecycle and its rules, action items."""

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError, ValidationFailed
from codi_core.models import (
    ChangeSet,
    ChangeSetStatus,
    Meeting,
    Membership,
    MinutesVersion,
    Organization,
    Person,
)
from codi_desktop.services import actions, meetings
from codi_desktop.services.history import record_history
from codi_desktop.services.meetings import (
    AgendaItemData,
    AttendanceData,
    ItemCorrection,
    MeetingPlan,
    WalkInData,
)

BKK = dt.timezone(dt.timedelta(hours=7))
MAR = dt.datetime(2026, 3, 10, 9, 30, tzinfo=BKK)
APR = dt.datetime(2026, 4, 21, 9, 30, tzinfo=BKK)
MAY = dt.datetime(2026, 5, 19, 13, 0, tzinfo=BKK)

FIRST = ["สมศรี", "บุญมี", "ประยูร", "สมชาย", "มาลี", "วันเพ็ญ", "ทองดี", "สุดา", "คำปุน",
         "บัวไข", "จันทร์เพ็ญ", "สายทอง", "อุดม", "ประเสริฐ", "ละเอียด", "หอมจันทร์", "ไพรวัลย์",
         "บุญเลิศ", "ศรีนวล", "เพ็ญศรี", "ทองใบ", "สมพร", "วิไล", "คำแปง", "ดวงใจ", "สุพัตรา",
         "บุญส่ง", "นิตยา", "ชูชาติ", "กัญญา", "สมบัติ", "อำนวย"]


def outbox(store):
    with store.read() as s:
        sets = list(s.scalars(sa.select(ChangeSet).order_by(ChangeSet.device_seq)))
        for cs in sets:
            cs.changes  # noqa: B018 - load them before the session closes
        return sets


def one_change_set(store, action):
    """Run the action; assert it queued exactly one non-empty change set."""
    before = len(outbox(store))
    result = action()
    after = outbox(store)
    assert len(after) == before + 1, "an action must be exactly one change set"
    assert after[-1].changes and after[-1].status is ChangeSetStatus.PENDING
    return result


@pytest.fixture
def body(store):
    """A provincial committee with 32 members (the first is chair, the second secretary),
    written in one action to keep the tests quick."""
    with store.action("test set-up") as s:
        org = Organization(province_code="34", kind="committee",
                           name="คณะกรรมการขบวนองค์กรชุมชนจังหวัดอุบลราชธานี")
        s.add(org)
        s.flush()
        pids = []
        for i, first in enumerate(FIRST):
            person = Person(province_code="34", prefix="นาง" if i % 2 else "นาย",
                            first_name=first, last_name=f"ศรีอุบล{i}",
                            gender="female" if i % 2 else "male", subdistrict_id="340101")
            s.add(person)
            s.flush()
            role = "chair" if i == 0 else "secretary" if i == 1 else "committee"
            s.add(Membership(province_code="34", person_id=person.id, organization_id=org.id,
                             role=role, from_on=dt.date(2025, 1, 1)))
            pids.append(person.id)
        return org.id, pids


def plan(body, when=MAR, **kw):
    oid, pids = body
    return MeetingPlan(kind="provincial_committee", organization_id=oid, starts_at=when,
                       ends_at=when + dt.timedelta(hours=3), place="ศาลาประชาคม",
                       chair_id=pids[0], minute_taker_id=pids[1], **kw)


def hold(store, mid, when=MAR):
    meetings.record_times(store, mid, started_at=when, ended_at=when + dt.timedelta(hours=2))


def item(detail, number):
    return next(a for a in detail.agenda if a.number == number)


# --- planning --------------------------------------------------------------------------------


def test_plan_from_template_numbers_agenda_and_invites_members(store, body):
    mid = one_change_set(store, lambda: meetings.plan_meeting(store, plan(body)))
    d = meetings.get_meeting(store, mid)
    assert (d.number, d.number_year, d.number_text) == (1, 2569, "1/2569")
    assert d.status == "planned" and d.starts_at == MAR.astimezone(dt.UTC)
    assert [(a.number, a.title) for a in d.agenda] == [
        ("1", "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"), ("2", "รับรองรายงานการประชุมครั้งที่แล้ว"),
        ("3", "เรื่องสืบเนื่อง"), ("4", "เรื่องเพื่อทราบ"), ("5", "เรื่องเพื่อพิจารณา"),
        ("6", "เรื่องอื่น ๆ")]
    assert len(d.invitees) == 32 and {i.role for i in d.invitees} == {"member"}
    assert d.title == "การประชุมคณะกรรมการขบวนองค์กรชุมชนจังหวัดอุบลราชธานี"
    # items, sub-items, presenters and durations
    sub = one_change_set(store, lambda: meetings.add_agenda_item(store, mid, AgendaItemData(
        section=5, title="พิจารณาโครงการบ้านมั่นคง", presenter="นายบุญมี", duration_minutes=30)))
    meetings.add_agenda_item(store, mid, AgendaItemData(title="งบประมาณงวดที่ 2",
                                                        parent_id=sub))
    meetings.add_agenda_item(store, mid, AgendaItemData(section=5, title="แผนสมัชชาจังหวัด"))
    d = meetings.get_meeting(store, mid)
    assert [(a.number, a.title, a.presenter, a.duration_minutes) for a in d.agenda[4:]] == [
        ("5", "เรื่องเพื่อพิจารณา", None, None),
        ("5.1", "พิจารณาโครงการบ้านมั่นคง", "นายบุญมี", 30),
        ("5.1.1", "งบประมาณงวดที่ 2", None, None),
        ("5.2", "แผนสมัชชาจังหวัด", None, None),
        ("6", "เรื่องอื่น ๆ", None, None)]


def test_configured_template_is_used(store, body):
    template = meetings.agenda_template(store)
    template[3].sub_items = ["รายงานสถานะการเงิน"]
    template[0].title = "เรื่องแจ้งเพื่อทราบจากประธาน"
    meetings.set_agenda_template(store, template)
    d = meetings.get_meeting(store, meetings.plan_meeting(store, plan(body)))
    assert item(d, "1").title == "เรื่องแจ้งเพื่อทราบจากประธาน"
    assert item(d, "4.1").title == "รายงานสถานะการเงิน"
    with pytest.raises(ServiceError) as err:
        meetings.set_agenda_template(store, template[:5])
    assert err.value.code == "template_sections"


def test_numbers_run_per_body_and_year_and_a_used_number_is_refused(store, body):
    first = meetings.plan_meeting(store, plan(body))
    second = meetings.plan_meeting(store, plan(body, APR))
    assert meetings.get_meeting(store, second).number_text == "2/2569"
    # another body, and meetings with no body (numbered per kind), start at 1
    assembly = meetings.plan_meeting(store, MeetingPlan(kind="provincial_assembly",
                                                        starts_at=APR, place="หอประชุม"))
    assert meetings.get_meeting(store, assembly).number_text == "1/2569"
    next_year = meetings.plan_meeting(store, plan(body, dt.datetime(2027, 1, 5, 9, tzinfo=BKK)))
    assert meetings.get_meeting(store, next_year).number_text == "1/2570"
    count = len(outbox(store))
    with pytest.raises(ServiceError) as err:
        meetings.plan_meeting(store, plan(body, MAY, number=2))
    assert err.value.code == "meeting_number_used"
    assert err.value.message("th") == (
        "ครั้งที่ 2/2569 ถูกใช้แล้ว (คณะกรรมการขบวนองค์กรชุมชนจังหวัดอุบลราชธานี) "
        "กรุณาใช้ครั้งที่ 3/2569")
    assert "already used" in err.value.message("en")
    assert len(outbox(store)) == count
    # moving the first meeting onto the second's number is refused too
    p = meetings.meeting_plan(store, first)
    p.number = 2
    with pytest.raises(ServiceError, match="already used"):
        meetings.update_meeting(store, first, p)


def test_another_provinces_meeting_numbers_never_block_this_ones(store, body):
    """Two provinces each hold their 1/2569 of a kind: a device that also keeps another
    province's rows (a wider scope) numbers and checks only its own province's."""
    with store.action("test set-up: another province's assembly, as pulled") as s:
        s.add(Meeting(province_code="35", kind="provincial_assembly", title="สมัชชายโสธร",
                      number=1, number_year=2569, starts_at=MAR.astimezone(dt.UTC),
                      place="ศาลากลางจังหวัดยโสธร", status="planned", minutes_version=1))
    assert meetings.next_meeting_number(store, "provincial_assembly", None, APR) == 1
    taken = MeetingPlan(kind="provincial_assembly", starts_at=APR, place="หอประชุม", number=1)
    mine = meetings.plan_meeting(store, taken)
    assert meetings.get_meeting(store, mine).number_text == "1/2569"
    # nor is the other province's meeting "the previous meeting" of this one
    assert meetings.get_meeting(store, mine).previous_meeting_id is None
    with pytest.raises(ServiceError) as err:  # this province's own 1/2569 still counts
        meetings.plan_meeting(store, taken)
    assert err.value.code == "meeting_number_used"
    with store.read() as s:
        theirs = s.scalars(sa.select(Meeting).where(Meeting.province_code == "35")).one()
        assert (theirs.number, theirs.number_year) == (1, 2569)


def test_planning_refuses_a_missing_body_date_or_place_and_so_does_an_edit(store, body):
    count = len(outbox(store))
    with pytest.raises(ValidationFailed) as err:
        meetings.plan_meeting(store, MeetingPlan(kind="working_group", starts_at=None,
                                                 place="  "))
    assert set(err.value.errors) == {"organization_id", "starts_at", "place"}
    assert "กรุณาเลือกองค์กรที่ประชุม" in err.value.message("th")
    assert len(outbox(store)) == count
    # a body in itself needs no organization
    meetings.plan_meeting(store, MeetingPlan(kind="cluster", starts_at=MAR, place="วัด"))
    # an edit may not clear the place, and a copy of a meeting needs its place too
    mid = meetings.plan_meeting(store, plan(body))
    edited = meetings.meeting_plan(store, mid)
    edited.place = ""
    with pytest.raises(ServiceError) as err:
        meetings.update_meeting(store, mid, edited)
    assert err.value.field == "place"
    assert meetings.get_meeting(store, mid).place == "ศาลาประชาคม"
    # a meeting kept from before the rule (no place) may still be edited elsewhere
    with store.action("test set-up: a meeting from before the rule") as s:
        old = Meeting(province_code="34", kind="cluster", title="ประชุมเก่า", number=9,
                      number_year=2569, starts_at=APR.astimezone(dt.UTC), status="planned",
                      minutes_version=1)
        s.add(old)
        s.flush()
        old_id = old.id
    renamed = meetings.meeting_plan(store, old_id)
    renamed.title = "ประชุมเก่า (แก้ชื่อ)"
    meetings.update_meeting(store, old_id, renamed)
    assert meetings.get_meeting(store, old_id).title == "ประชุมเก่า (แก้ชื่อ)"


def test_end_before_start_is_refused(store, body):
    bad = plan(body)
    bad.ends_at = MAR - dt.timedelta(hours=1)
    with pytest.raises(ValidationFailed) as err:
        meetings.plan_meeting(store, bad)
    assert err.value.errors["ends_at"].message("th") == "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม"
    mid = meetings.plan_meeting(store, plan(body))
    with pytest.raises(ServiceError) as err:
        meetings.record_times(store, mid, started_at=MAR, ended_at=MAR - dt.timedelta(minutes=5))
    assert err.value.code == "end_before_start"
    assert err.value.message("en") == "The end time cannot be before the start time"
    assert meetings.get_meeting(store, mid).status == "planned"


def test_item_2_links_previous_minutes_and_item_3_lists_open_actions(store, body):
    oid, pids = body
    first = meetings.plan_meeting(store, plan(body))
    hold(store, first)
    d1 = meetings.get_meeting(store, first)
    a1 = actions.add_action_item(store, first, actions.ActionItemData(
        title="สำรวจครัวเรือนเป้าหมายบ้านมั่นคง", owner_person_id=pids[3],
        due_on=dt.date(2026, 4, 1), agenda_item_id=item(d1, "5").id))
    a2 = actions.add_action_item(store, first, actions.ActionItemData(
        title="ประสานเทศบาลเรื่องที่ดิน", owner_name="เทศบาลเมือง"))
    done = actions.add_action_item(store, first, actions.ActionItemData(title="ส่งรายงาน"))
    actions.close_action_item(store, done)
    # another body's open action must not appear
    other = meetings.plan_meeting(store, MeetingPlan(kind="partner_consultation", starts_at=MAR,
                                                     place="ศาลากลาง"))
    actions.add_action_item(store, other, actions.ActionItemData(title="ของคณะทำงานอื่น"))

    second = meetings.plan_meeting(store, plan(body, APR))
    d2 = meetings.get_meeting(store, second)
    assert d2.previous_meeting_id == first and d2.previous_number == "1/2569"
    assert item(d2, "2").title == "รับรองรายงานการประชุมครั้งที่แล้ว (ครั้งที่ 1/2569)"
    assert "10 มีนาคม 2569" in item(d2, "2").notes
    threes = [a for a in d2.agenda if a.section == 3 and a.depth == 1]
    assert [(a.number, a.title, a.action_item_id) for a in threes] == [
        ("3.1", "สำรวจครัวเรือนเป้าหมายบ้านมั่นคง", a1),
        ("3.2", "ประสานเทศบาลเรื่องที่ดิน", a2)]
    assert threes[0].presenter == "นางสมชาย ศรีอุบล3"
    assert "1/2569" in threes[0].notes and "1 เมษายน 2569" in threes[0].notes


def test_duplicate_meeting_copies_plan_with_next_number(store, body):
    mid = meetings.plan_meeting(store, plan(body))
    meetings.add_agenda_item(store, mid, AgendaItemData(section=4, title="รายงานการเงิน",
                                                        duration_minutes=15))
    hold(store, mid)
    actions.add_action_item(store, mid, actions.ActionItemData(title="ติดตามผล"))
    copy = one_change_set(store, lambda: meetings.duplicate_meeting(store, mid, APR))
    d = meetings.get_meeting(store, copy)
    assert d.number_text == "2/2569" and d.place == "ศาลาประชาคม" and d.status == "planned"
    assert d.previous_meeting_id == mid
    assert item(d, "4.1").title == "รายงานการเงิน" and item(d, "4.1").duration_minutes == 15
    assert item(d, "3.1").title == "ติดตามผล"
    assert len(d.invitees) == 32


def test_ics_export_is_rfc5545(store, body):
    mid = meetings.plan_meeting(store, plan(body, title="ประชุม; กรรมการ, จังหวัด"))
    ics = meetings.meeting_ics(store, mid, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert ics.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert "\r\nDTSTART:20260310T023000Z\r\n" in ics and "\r\nDTEND:20260310T053000Z\r\n" in ics
    assert "DTSTAMP:20260301T000000Z" in ics and f"UID:{mid}@codi-desktop" in ics
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:ประชุม\\; กรรมการ\\, จังหวัด ครั้งที่ 1/2569\r\n" in unfolded
    assert "\\nระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว" in unfolded
    assert "LOCATION:ศาลาประชาคม" in unfolded
    unfolded.encode("utf-8").decode("utf-8")  # no character split by folding


# --- recording -------------------------------------------------------------------------------


def test_record_thirty_attendees_with_walk_in_substitute_absent_and_observer(store, body):
    oid, pids = body
    mid = meetings.plan_meeting(store, plan(body))
    # sign-in at the door happens before the chair opens the meeting
    for pid in pids[:27]:
        one_change_set(store, lambda pid=pid: meetings.record_attendance(
            store, mid, AttendanceData(person_id=pid)))
    one_change_set(store, lambda: meetings.record_attendance(store, mid, AttendanceData(
        person_id=pids[27], status="absent", reason="ติดภารกิจ")))
    with store.read() as s:
        persons_before = s.scalar(sa.text("select count(*) from person"))
    walk_in = one_change_set(store, lambda: meetings.record_walk_in(store, mid, WalkInData(
        prefix="นางสาว", first_name="ปราณี", last_name="ใจงาม", gender="female",
        organization_name="กองทุนสวัสดิการชุมชนตำบลหัวเรือ", subdistrict_id="340104")))
    for text in ("ณี", "ราณี ใจ"):  # short text by LIKE, longer through the trigram index
        hits = meetings.search_people(store, text, meeting_id=mid)
        assert [(h.name, h.attendance_status) for h in hits] == [
            ("นางสาวปราณี ใจงาม", "attendee")]
    sub = meetings.search_people(store, "สายทอง")[0]  # a non-member standing in
    assert sub.id == pids[11]
    meetings.record_walk_in(store, mid, WalkInData(
        first_name="เกษม", last_name="แทนตน", status="substitute", substitute_for_id=pids[28],
        organization_name="เครือข่ายบ้านมั่นคง", subdistrict_id="340101"))
    meetings.record_attendance(store, mid, AttendanceData(
        person_id=pids[29], status="attendee", organization_name="สำนักงาน พอช."))
    meetings.record_attendance(store, mid, AttendanceData(person_id=pids[0]))  # twice: one row
    d = meetings.get_meeting(store, mid)
    assert len(d.attendance) == 31 and d.present_count == 30
    by_name = {a.person_name: a for a in d.attendance}
    assert by_name["นายสมศรี ศรีอุบล0"].position == "ประธาน"
    assert by_name["นายสมศรี ศรีอุบล0"].organization_name.startswith("คณะกรรมการ")
    absent = by_name[f"นาง{FIRST[27]} ศรีอุบล27"]
    assert (absent.status, absent.reason) == ("absent", "ติดภารกิจ")
    assert absent.signed_in_at is None
    w = by_name["นางสาวปราณี ใจงาม"]
    assert (w.status, w.organization_name, w.subdistrict_id, w.gender) == (
        "attendee", "กองทุนสวัสดิการชุมชนตำบลหัวเรือ", "340104", "female")
    s = by_name["เกษม แทนตน"]
    assert (s.status, s.substitute_for_id, s.substitute_for_name) == (
        "substitute", pids[28], f"นาย{FIRST[28]} ศรีอุบล28")
    with store.read() as sess:
        assert sess.scalar(sa.text("select count(*) from person")) == persons_before + 2
    # a walk-in's person and attendance are one change set
    cs = [c for c in outbox(store) if "ปราณี" in c.summary]
    assert len(cs) == 1 and {ch.table_name for ch in cs[0].changes} == {"person", "attendance"}
    assert walk_in == w.id


def test_substitute_needs_whom(store, body):
    mid = meetings.plan_meeting(store, plan(body))
    with pytest.raises(ValidationFailed) as err:
        meetings.record_attendance(store, mid, AttendanceData(person_id=body[1][3],
                                                              status="substitute"))
    assert err.value.errors["substitute_for_id"].message() == "กรุณาระบุว่ามาประชุมแทนผู้ใด"


def test_search_people_is_substring_and_fast_rows(store, body):
    hits = meetings.search_people(store, "เพ็ญ")
    assert {h.name for h in hits} == {"นางวันเพ็ญ ศรีอุบล5", "นายจันทร์เพ็ญ ศรีอุบล10",
                                      "นางเพ็ญศรี ศรีอุบล19"}
    assert hits[0].name == "นางเพ็ญศรี ศรีอุบล19"  # names starting with the text first
    assert hits[0].organization.startswith("คณะกรรมการ") and hits[0].subdistrict == "ในเมือง"
    assert meetings.search_people(store, "  ") == []
    assert [h.name for h in meetings.search_people(store, "ทอง ศรีอุบล1")] == [
        "นางสายทอง ศรีอุบล11"]


def test_resolution_with_vote_and_vote_above_present_refused(store, body):
    oid, pids = body
    mid = meetings.plan_meeting(store, plan(body))
    for pid in pids[:20]:
        meetings.record_attendance(store, mid, AttendanceData(person_id=pid))
    hold(store, mid)
    item5 = meetings.add_agenda_item(store, mid, AgendaItemData(section=5,
                                                                title="อนุมัติโครงการ"))
    one_change_set(store, lambda: meetings.record_item_minutes(
        store, item5, minutes_text="ผู้ประสานงานนำเสนอรายละเอียดโครงการ",
        resolution="ที่ประชุมมีมติเห็นชอบ"))
    one_change_set(store, lambda: meetings.record_vote(store, item5, 15, 3, 2))
    d = meetings.get_meeting(store, mid)
    row = item(d, "5.1")
    assert row.resolution == "ที่ประชุมมีมติเห็นชอบ"
    assert (row.vote.votes_for, row.vote.votes_against, row.vote.abstentions) == (15, 3, 2)
    assert d.status == "minutes_draft"
    with pytest.raises(ServiceError) as err:
        meetings.record_vote(store, item5, 18, 3, 0)
    assert err.value.message() == "จำนวนผู้ลงคะแนนรวม 21 คน มากกว่าผู้เข้าประชุม 20 คน"
    assert err.value.message("en") == "21 votes counted but only 20 people are present"
    meetings.record_vote(store, item5, 16, 2, 2)  # a correction: still one vote row
    assert item(meetings.get_meeting(store, mid), "5.1").vote.votes_for == 16
    with pytest.raises(ValidationFailed):
        meetings.record_vote(store, item5, -1, 0, 0)


# --- the minutes' lifecycle ------------------------------------------------------------------


def test_certify_at_next_meeting_lock_and_correct_as_new_version(store, body):
    oid, pids = body
    first = meetings.plan_meeting(store, plan(body))
    for pid in pids[:10]:
        meetings.record_attendance(store, first, AttendanceData(person_id=pid))
    hold(store, first)
    i5 = meetings.add_agenda_item(store, first, AgendaItemData(section=5, title="งบประมาณ"))
    meetings.record_item_minutes(store, i5, minutes_text="ชี้แจง", resolution="เห็นชอบ")
    second = meetings.plan_meeting(store, plan(body, APR))
    # never-held meetings cannot be certified; minutes cannot be locked before certifying
    with pytest.raises(ServiceError) as err:
        meetings.certify_minutes(store, second, on=dt.date(2026, 5, 1))
    assert err.value.message() == "รับรองรายงานการประชุมไม่ได้ เพราะการประชุมนี้ยังไม่ได้จัดขึ้น"
    with pytest.raises(ServiceError, match="Only certified"):
        meetings.lock_minutes(store, first)
    with pytest.raises(ServiceError) as err:
        meetings.certify_minutes(store, first)
    assert err.value.code == "certify_how"
    with pytest.raises(ServiceError) as err:
        meetings.certify_minutes(store, second, in_meeting_id=first)
    assert err.value.code == "certify_not_held"

    one_change_set(store, lambda: meetings.certify_minutes(store, first, in_meeting_id=second))
    d1 = meetings.get_meeting(store, first)
    assert d1.status == "minutes_certified" and d1.certified_in_number == "2/2569"
    assert d1.certified_on == dt.date(2026, 4, 21)
    assert item(meetings.get_meeting(store, second), "2").resolution == (
        "ที่ประชุมรับรองรายงานการประชุม ครั้งที่ 1/2569")
    # certified minutes are no longer edited in place
    with pytest.raises(ServiceError) as err:
        meetings.record_item_minutes(store, i5, resolution="ไม่เห็นชอบ")
    assert err.value.code == "minutes_certified"

    assert one_change_set(store, lambda: meetings.lock_minutes(store, first)) == 1
    for edit in (lambda: meetings.record_item_minutes(store, i5, resolution="ไม่เห็นชอบ"),
                 lambda: meetings.record_vote(store, i5, 1, 0, 0),
                 lambda: meetings.record_attendance(store, first,
                                                    AttendanceData(person_id=pids[20])),
                 lambda: meetings.add_agenda_item(store, first, AgendaItemData(title="x")),
                 lambda: meetings.record_times(store, first, ended_at=MAR)):
        with pytest.raises(ServiceError) as err:
            edit()
        assert err.value.message() == (
            "รายงานการประชุมนี้ล็อกแล้ว แก้ไขได้โดยบันทึกเป็นฉบับแก้ไขใหม่เท่านั้น")
    version = one_change_set(store, lambda: meetings.amend_minutes(
        store, first, [ItemCorrection(i5, resolution="เห็นชอบ โดยมีเงื่อนไข")],
        reason="แก้ไขมติตามที่ประชุมครั้งที่ 2/2569"))
    assert version == 2
    d1 = meetings.get_meeting(store, first)
    assert d1.minutes_version == 2 and d1.status == "locked"
    assert item(d1, "5.1").resolution == "เห็นชอบ โดยมีเงื่อนไข"
    v1, v2 = meetings.minutes_versions(store, first)
    assert (v1.version, v2.version) == (1, 2)
    res = {i["number"]: i["resolution"] for i in v1.snapshot["items"]}
    assert res["5.1"] == "เห็นชอบ"  # the old version is kept as it was
    assert {i["number"]: i["resolution"] for i in v2.snapshot["items"]}["5.1"] == (
        "เห็นชอบ โดยมีเงื่อนไข")
    assert v2.reason == "แก้ไขมติตามที่ประชุมครั้งที่ 2/2569" and v1.reason is None
    assert len(v1.snapshot["attendance"]) == 10
    # every change is in the history
    history = record_history(store, "agenda_item", i5)
    assert [h.summary for h in history][:2] == ["แก้ไขรายงานการประชุม (ฉบับใหม่)",
                                                "บันทึกรายงานการประชุม"]
    assert ("resolution", "เห็นชอบ", "เห็นชอบ โดยมีเงื่อนไข") in history[0].changes
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(MinutesVersion)) == 2


def test_lock_without_minute_taker_is_refused(store, body):
    p = plan(body)
    p.minute_taker_id = None
    mid = meetings.plan_meeting(store, p)
    hold(store, mid)
    meetings.certify_minutes(store, mid, on=dt.date(2026, 3, 20))
    assert meetings.get_meeting(store, mid).certified_on == dt.date(2026, 3, 20)
    with pytest.raises(ServiceError) as err:
        meetings.lock_minutes(store, mid)
    assert err.value.message() == "ล็อกรายงานการประชุมไม่ได้ เพราะยังไม่ได้ระบุผู้จดรายงานการประชุม"
    assert err.value.field == "minute_taker_id"
    assert meetings.get_meeting(store, mid).status == "minutes_certified"


def test_amend_needs_locked_minutes(store, body):
    mid = meetings.plan_meeting(store, plan(body))
    with pytest.raises(ServiceError) as err:
        meetings.amend_minutes(store, mid, [], reason="x")
    assert err.value.code == "amend_needs_locked"


def test_held_meeting_cannot_be_deleted_planned_can(store, body):
    mid = meetings.plan_meeting(store, plan(body))
    hold(store, mid)
    with pytest.raises(ServiceError, match="cannot be deleted"):
        meetings.delete_meeting(store, mid)
    other = meetings.plan_meeting(store, plan(body, APR))
    meetings.delete_meeting(store, other)
    assert [m.id for m in meetings.list_meetings(store)] == [mid]
    # the number of a cancelled meeting is free again
    again = meetings.plan_meeting(store, plan(body, APR))
    assert meetings.get_meeting(store, again).number_text == "2/2569"


# --- follow-up -------------------------------------------------------------------------------


def test_open_actions_overdue_first_and_closing_records_meeting(store, body):
    oid, pids = body
    first = meetings.plan_meeting(store, plan(body))
    mk = actions.ActionItemData
    late = actions.add_action_item(store, first, mk(title="เก่า", owner_person_id=pids[2],
                                                    due_on=dt.date(2026, 3, 1)))
    later = actions.add_action_item(store, first, mk(title="ใหม่", owner_person_id=pids[2],
                                                     due_on=dt.date(2026, 6, 1)))
    none = actions.add_action_item(store, first, mk(title="ไม่มีกำหนด", owner_name="พอช."))
    other = actions.add_action_item(store, first, mk(title="ของคนอื่น", owner_person_id=pids[4],
                                                     due_on=dt.date(2026, 3, 5)))
    rows = actions.open_action_items(store, today=dt.date(2026, 4, 1))
    assert [r.id for r in rows] == [late, other, later, none]
    assert [r.overdue for r in rows] == [True, True, False, False]
    assert rows[0].owner_name == "นายประยูร ศรีอุบล2" and rows[0].meeting_number == "1/2569"
    mine = actions.open_action_items(store, owner_person_id=pids[2], today=dt.date(2026, 4, 1))
    assert [r.id for r in mine] == [late, later]
    second = meetings.plan_meeting(store, plan(body, APR))
    one_change_set(store, lambda: actions.close_action_item(
        store, late, in_meeting_id=second, note="ดำเนินการแล้ว"))
    assert late not in [r.id for r in actions.open_action_items(store)]
    done = next(a for a in meetings.get_meeting(store, first).actions if a.id == late)
    assert (done.status, done.closed_in_meeting_id, done.closing_note) == (
        "done", second, "ดำเนินการแล้ว")
    assert done.closed_at is not None
    with pytest.raises(ServiceError, match="already closed"):
        actions.close_action_item(store, late)


# --- offline and one change set per action ----------------------------------------------------


def test_whole_cycle_offline_each_action_one_change_set(store, body):
    """No server is configured; every step still works and queues exactly one change set."""
    assert store.get_setting("server_url") is None
    oid, pids = body
    steps = []
    m1 = one_change_set(store, lambda: meetings.plan_meeting(store, plan(body)))
    steps += [lambda: meetings.mark_invited(store, m1),
              lambda: meetings.record_attendance(store, m1, AttendanceData(person_id=pids[0])),
              lambda: meetings.record_times(store, m1, started_at=MAR),
              lambda: meetings.add_agenda_item(store, m1, AgendaItemData(title="เรื่อง"))]
    for step in steps:
        one_change_set(store, step)
    i = meetings.get_meeting(store, m1).agenda[-1].id
    one_change_set(store, lambda: meetings.update_agenda_item(store, i, AgendaItemData(
        title="เรื่องใหม่", presenter="ประธาน")))
    one_change_set(store, lambda: meetings.record_item_minutes(store, i, resolution="รับทราบ"))
    one_change_set(store, lambda: meetings.record_vote(store, i, 1, 0, 0))
    one_change_set(store, lambda: meetings.remove_vote(store, i))
    a = one_change_set(store, lambda: actions.add_action_item(
        store, m1, actions.ActionItemData(title="ติดตาม")))
    one_change_set(store, lambda: meetings.record_times(store, m1, ended_at=MAR.replace(hour=12)))
    p = meetings.meeting_plan(store, m1)
    p.place = "ห้องประชุมใหม่"
    one_change_set(store, lambda: meetings.update_meeting(store, m1, p))
    m2 = one_change_set(store, lambda: meetings.duplicate_meeting(store, m1, APR))
    one_change_set(store, lambda: meetings.certify_minutes(store, m1, in_meeting_id=m2))
    one_change_set(store, lambda: meetings.lock_minutes(store, m1))
    one_change_set(store, lambda: meetings.amend_minutes(
        store, m1, [ItemCorrection(i, minutes_text="แก้")], reason="พิมพ์ผิด"))
    one_change_set(store, lambda: actions.close_action_item(store, a, in_meeting_id=m2))
    x = one_change_set(store, lambda: meetings.add_agenda_item(store, m2, AgendaItemData(
        section=6, title="ลบ")))
    one_change_set(store, lambda: meetings.remove_agenda_item(store, x))
    att = meetings.record_attendance(store, m2, AttendanceData(person_id=pids[1]))
    one_change_set(store, lambda: meetings.remove_attendance(store, att))
    assert meetings.get_meeting(store, m1).place == "ห้องประชุมใหม่"
    assert all(cs.status is ChangeSetStatus.PENDING for cs in outbox(store))


def test_failed_action_writes_nothing(store, body):
    mid = meetings.plan_meeting(store, plan(body))
    before = len(outbox(store))
    with pytest.raises(ServiceError):
        meetings.record_walk_in(store, mid, WalkInData(first_name="ก", subdistrict_id="500101"))
    with pytest.raises(ServiceError):
        meetings.plan_meeting(store, MeetingPlan(kind="committee", starts_at=MAR))
    assert len(outbox(store)) == before
    with store.read() as s:
        assert s.scalar(sa.text("select count(*) from person where first_name = 'ก'")) == 0


def test_invite_more_people_and_organizations(store, body):
    oid, pids = body
    with store.action("test set-up") as s:
        outsider = Person(province_code="34", first_name="ภาคี", last_name="เทศบาล")
        partner = Organization(province_code="34", kind="partner", name="เทศบาลนครอุบลราชธานี")
        s.add_all([outsider, partner])
    mid = meetings.plan_meeting(store, plan(body))
    added = one_change_set(store, lambda: meetings.add_invitees(
        store, mid, person_ids=[outsider.id, pids[0]], organization_ids=[partner.id]))
    assert added == 2  # the chair is a member, invited already
    assert meetings.add_invitees(store, mid, organization_ids=[partner.id]) == 0
    d = meetings.get_meeting(store, mid)
    assert len(d.invitees) == 34
    assert {(i.name, i.role) for i in d.invitees[-2:]} == {
        ("ภาคี เทศบาล", "invited"), ("เทศบาลนครอุบลราชธานี", "organization")}
    meetings.remove_invitee(store, d.invitees[-1].id)
    assert len(meetings.get_meeting(store, mid).invitees) == 33


def test_action_item_links_a_project(store, body):
    from codi_core.reference import reference_id
    from codi_desktop.services import projects

    project = projects.create_project(store, projects.ProjectData(
        code="P-01", name="บ้านมั่นคงหัวเรือ", program_id=reference_id("program", "baan_mankong"),
        fiscal_year=2569, subdistrict_id="340104"))
    mid = meetings.plan_meeting(store, plan(body))
    aid = actions.add_action_item(store, mid, actions.ActionItemData(
        title="ส่งแบบบ้าน", owner_name="สหกรณ์", due_on=dt.date(2026, 4, 1), project_id=project))
    (row,) = meetings.get_meeting(store, mid).actions
    assert (row.id, row.project_id, row.owner_name) == (aid, project, "สหกรณ์")
    nxt = meetings.get_meeting(store, meetings.plan_meeting(store, plan(body, APR)))
    assert item(nxt, "3.1").project_id == project


def test_number_year_is_the_bangkok_calendar_year(store, body):
    # 00:30 on 1 January in Bangkok is still 31 December in UTC: it is meeting 1/2570
    late = meetings.plan_meeting(store, plan(body, dt.datetime(2026, 12, 31, 23, 0, tzinfo=BKK)))
    early = meetings.plan_meeting(store, plan(body, dt.datetime(2027, 1, 1, 0, 30, tzinfo=BKK)))
    assert meetings.get_meeting(store, late).number_text == "1/2569"
    assert meetings.get_meeting(store, early).number_text == "1/2570"
    # a time typed without a zone is Bangkok time
    naive = meetings.plan_meeting(store, plan(body, dt.datetime(2027, 1, 5, 9, 0)))
    assert meetings.get_meeting(store, naive).starts_at == dt.datetime(2027, 1, 5, 2, 0,
                                                                       tzinfo=dt.UTC)


def test_amending_minutes_locked_without_a_kept_version_keeps_the_current_text(store, body):
    """Minutes locked on another copy (or demo data) have no snapshot here: the first
    correction keeps the current text as that version before changing it."""
    mid = meetings.plan_meeting(store, plan(body))
    i = meetings.add_agenda_item(store, mid, AgendaItemData(section=5, title="เรื่อง"))
    hold(store, mid)
    meetings.record_item_minutes(store, i, resolution="เดิม")
    with store.action("locked on another device") as s:
        m = s.get(Meeting, mid)
        m.status, m.certified_on = "locked", dt.date(2026, 3, 20)
    assert meetings.amend_minutes(store, mid, [ItemCorrection(i, resolution="ใหม่")],
                                  reason="แก้") == 2
    v1, v2 = meetings.minutes_versions(store, mid)
    assert [x["resolution"] for x in v1.snapshot["items"] if x["id"] == i] == ["เดิม"]
    assert [x["resolution"] for x in v2.snapshot["items"] if x["id"] == i] == ["ใหม่"]
