"""Two laptops of one province edit offline, then sync through a real codi-server."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from codi_core.models import (
    ChangeSet,
    ChangeSetStatus,
    LedgerEntry,
    Meeting,
    MeetingKind,
    utcnow,
)
from codi_core.reference import reference_id
from codi_desktop.services import ledger, projects
from codi_desktop.sync import status

from .conftest import Laptop, row_images


def new_meeting(laptop: Laptop, title: str = "ประชุมคณะกรรมการ ครั้งที่ 1/2569") -> str:
    with laptop.store.action("นัดประชุม", author=laptop.username) as s:
        meeting = Meeting(
            province_code=laptop.store.province_code,
            kind=MeetingKind.CLUSTER,  # a body in itself: no organization to name
            title=title,
            starts_at=dt.datetime(2026, 1, 15, 2, 0, tzinfo=dt.UTC),
            place="ศาลากลางจังหวัด",
        )
        s.add(meeting)
        s.flush()
        return meeting.id


def edit(laptop: Laptop, meeting_id: str, **values: object) -> None:
    with laptop.store.action("แก้ไขการประชุม", author=laptop.username) as s:
        meeting = s.get(Meeting, meeting_id)
        for name, value in values.items():
            setattr(meeting, name, value)


def delete(laptop: Laptop, meeting_id: str) -> None:
    with laptop.store.action("ลบการประชุม", author=laptop.username) as s:
        s.get(Meeting, meeting_id).deleted_at = utcnow()


def test_edits_of_different_fields_merge(laptops):
    a, b = laptops
    meeting_id = new_meeting(a)
    a.synced()
    b.synced()
    assert b.get(Meeting, meeting_id).title == a.get(Meeting, meeting_id).title

    edit(a, meeting_id, title="ประชุมสามัญ ครั้งที่ 1/2569")
    edit(b, meeting_id, place="ห้องประชุมอำเภอเมือง")
    a.synced()
    summary = b.synced()
    assert summary.applied == 1 and summary.conflicts == 0
    a.synced()

    for laptop in (a, b):
        meeting = laptop.get(Meeting, meeting_id)
        assert meeting.title == "ประชุมสามัญ ครั้งที่ 1/2569"
        assert meeting.place == "ห้องประชุมอำเภอเมือง"
        assert status.open_conflicts(laptop.store) == []
    assert row_images(a.store) == row_images(b.store)


def test_same_field_conflict_is_seen_on_both_and_resolution_travels(laptops):
    a, b = laptops
    meeting_id = new_meeting(a)
    a.synced()
    b.synced()

    edit(a, meeting_id, notes="ฉบับของสมชาย")
    edit(b, meeting_id, notes="ฉบับของมาลี")
    a.synced()
    summary = b.synced()
    assert summary.applied == 1 and summary.conflicts == 1
    a.synced()

    for laptop in (a, b):
        (conflict,) = status.open_conflicts(laptop.store)
        assert conflict.table == "meeting" and conflict.row_id == meeting_id
        assert conflict.field == "notes"
        assert conflict.server_value == "ฉบับของสมชาย"  # theirs: stayed on the server
        assert conflict.client_value == "ฉบับของมาลี"  # mine, on laptop B
        # Until someone decides, both rows hold the server's value.
        assert laptop.get(Meeting, meeting_id).notes == "ฉบับของสมชาย"

    # Malee chooses her own value on laptop B; laptop A sees it after its sync.
    (conflict,) = status.open_conflicts(b.store)
    status.resolve_conflict(b.store, conflict.id, conflict.client_value, author=b.username)
    assert status.open_conflicts(b.store) == []
    b.synced()
    a.synced()
    assert status.open_conflicts(a.store) == []
    assert a.get(Meeting, meeting_id).notes == "ฉบับของมาลี"
    assert b.get(Meeting, meeting_id).notes == "ฉบับของมาลี"
    assert row_images(a.store) == row_images(b.store)


def test_delete_against_edit_keeps_the_row_and_shows_a_conflict(laptops):
    a, b = laptops
    meeting_id = new_meeting(a)
    a.synced()
    b.synced()

    edit(a, meeting_id, title="ประชุมเลื่อนเป็นวันศุกร์")
    delete(b, meeting_id)
    assert b.get(Meeting, meeting_id).deleted_at is not None
    a.synced()
    summary = b.synced()
    assert summary.applied == 1 and summary.conflicts == 1
    a.synced()

    for laptop in (a, b):
        meeting = laptop.get(Meeting, meeting_id)
        assert meeting.deleted_at is None  # row kept
        assert meeting.title == "ประชุมเลื่อนเป็นวันศุกร์"
        (conflict,) = status.open_conflicts(laptop.store)
        assert conflict.row_id == meeting_id and conflict.field == "deleted_at"
    assert row_images(a.store) == row_images(b.store)


def test_overspending_disbursements_one_applied_one_rejected_and_restored(laptops):
    a, b = laptops
    program = reference_id("program", "baan_mankong")
    project_id = projects.create_project(
        a.store,
        projects.ProjectData(
            code="34-BMK-01", name="บ้านมั่นคงชุมชนริมมูล", program_id=program, fiscal_year=2569
        ),
        author=a.username,
    )
    day = dt.date(2026, 1, 10)
    ledger.record_approval(
        a.store, project_id=project_id, amount_satang=100_000_00, entry_date=day, author=a.username
    )
    a.synced()
    b.synced()

    mine = ledger.record_disbursement(
        a.store, project_id=project_id, amount_satang=70_000_00, entry_date=day, tranche_no=1
    )
    theirs = ledger.record_disbursement(
        b.store, project_id=project_id, amount_satang=60_000_00, entry_date=day, tranche_no=1
    )
    assert a.synced().applied == 1
    summary = b.sync()
    assert summary.applied == 0 and summary.rejected == 1
    assert not summary.ok

    # Laptop B holds the server's rows again: A's disbursement, not its own.
    assert b.get(LedgerEntry, theirs) is None
    assert b.get(LedgerEntry, mine).amount_satang == 70_000_00
    assert ledger.get_project_balance(b.store, project_id).disbursed == 70_000_00

    # ... and keeps the refused change set, readable, for a person to fix or discard.
    (rejected,) = status.rejected_change_sets(b.store)
    assert rejected.result_code == "over_budget"
    assert rejected.changes[0].table == "ledger_entry"
    assert rejected.changes[0].fields["amount_satang"] == 60_000_00
    assert "เกินวงเงิน" in rejected.reason("th")
    assert status.waiting_count(b.store) == 0

    # Fix the amount and resend: it goes through this time.
    status.resend_rejected(
        b.store, rejected.id, {("ledger_entry", theirs): {"amount_satang": 30_000_00}}
    )
    assert b.synced().applied == 1
    a.synced()
    for laptop in (a, b):
        assert ledger.get_project_balance(laptop.store, project_id).disbursed == 100_000_00
    assert status.rejected_change_sets(b.store) == []
    assert row_images(a.store) == row_images(b.store)


def test_discarding_a_rejection_after_confirmation(laptops):
    a, b = laptops
    program = reference_id("program", "welfare")
    project_id = projects.create_project(
        a.store,
        projects.ProjectData(code="34-W-1", name="กองทุนสวัสดิการ", program_id=program, fiscal_year=2569),
    )
    day = dt.date(2026, 2, 1)
    ledger.record_approval(a.store, project_id=project_id, amount_satang=1_000_00, entry_date=day)
    a.synced()
    b.synced()
    ledger.record_disbursement(a.store, project_id=project_id, amount_satang=800_00, entry_date=day)
    ledger.record_disbursement(b.store, project_id=project_id, amount_satang=800_00, entry_date=day)
    a.synced()
    assert b.sync().rejected == 1
    (rejected,) = status.rejected_change_sets(b.store)
    status.discard_rejected(b.store, rejected.id)
    assert status.rejected_change_sets(b.store) == []
    with b.store.read() as s:
        assert s.get(ChangeSet, rejected.id).status is ChangeSetStatus.DISCARDED
    assert b.synced().pushed == 0


def test_an_edit_made_twice_between_syncs_is_not_a_conflict_with_itself(laptops):
    a, b = laptops
    meeting_id = new_meeting(a)  # inserted and edited twice before the first push
    edit(a, meeting_id, notes="ร่าง 1")
    edit(a, meeting_id, notes="ร่าง 2")
    summary = a.synced()
    assert summary.applied == 3 and summary.conflicts == 0
    edit(a, meeting_id, notes="ร่าง 3")
    edit(a, meeting_id, notes="ร่าง 4")
    summary = a.synced()
    assert summary.applied == 2 and summary.conflicts == 0
    b.synced()
    assert b.get(Meeting, meeting_id).notes == "ร่าง 4"


def test_nothing_to_do_sync_is_clean(laptops):
    a, _b = laptops
    summary = a.synced()
    assert summary.pushed == 0 and summary.pulled_rows == 0
    with a.store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ChangeSet)) == 0


def test_one_meeting_number_planned_on_two_laptops_is_a_conflict_resolved_by_renumbering(
    laptops,
):
    from codi_core.models import Organization, OrganizationKind
    from codi_desktop.services import meetings

    a, b = laptops
    with a.store.action("เพิ่มองค์กร", author=a.username) as s:
        body = Organization(province_code=a.store.province_code, name="คณะทำงานทดสอบเลขครั้ง",
                            kind=OrganizationKind.TAMBON_COUNCIL)
        s.add(body)
        s.flush()
        body_id = body.id
    a.synced()
    b.synced()

    # Offline, each laptop plans the body's first meeting of 2569: both get 1/2569.
    plan = meetings.MeetingPlan(
        kind=MeetingKind.WORKING_GROUP.value, organization_id=body_id,
        starts_at=dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.UTC), place="ศาลาประชาคม",
    )
    first = meetings.plan_meeting(a.store, plan, author=a.username)
    second = meetings.plan_meeting(b.store, plan, author=b.username)
    assert a.get(Meeting, first).number == b.get(Meeting, second).number == 1
    a.synced()
    summary = b.synced()
    assert summary.applied == 1 and summary.conflicts == 1  # applied: the meeting is real
    a.synced()

    def open_on(laptop):  # other tests of this server leave province 34 conflicts open
        return [c for c in status.open_conflicts(laptop.store) if c.row_id in (first, second)]

    for laptop in (a, b):
        (conflict,) = open_on(laptop)
        assert conflict.table == "meeting" and conflict.row_id == second
        assert conflict.field == "number"
        assert conflict.client_value == 1 and conflict.server_value == 2
    (conflict,) = open_on(b)
    assert conflict.mine == 1 and conflict.theirs == 2  # on laptop B, which made it

    # Malee takes the server's number: her meeting becomes 2/2569 everywhere.
    status.resolve_conflict(b.store, conflict.id, conflict.theirs, author=b.username)
    assert b.synced().conflicts == 0
    a.synced()
    for laptop in (a, b):
        assert open_on(laptop) == []
        assert laptop.get(Meeting, first).number == 1
        assert laptop.get(Meeting, second).number == 2
        assert laptop.get(Meeting, second).number_year == 2569
    assert row_images(a.store) == row_images(b.store)
