"""services.documents: meetings and the ledger, loaded through a Session, printed."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core import formatting as fmt
from codi_core.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Base,
    Invitee,
    LedgerEntry,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    OrganizationKind,
    Person,
    Program,
    Project,
    Vote,
)
from codi_desktop import printing
from codi_desktop.printing.thai_words import baht_text
from codi_desktop.services import documents

from .conftest import pypdf_pages, squash

UTC = dt.UTC


@pytest.fixture
def session():
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def _meeting(s: Session, **kwargs) -> Meeting:
    org = Organization(
        name="สภาองค์กรชุมชนตำบลโนนศิลาเลิง", kind=OrganizationKind.TAMBON_COUNCIL, province_code="40"
    )
    chair = Person(
        prefix="นาย",
        first_name="สมชาย",
        last_name="ใจดี",
        position="ประธานสภา",
        phone="0812345678",
        province_code="40",
    )
    taker = Person(
        prefix="นางสาว",
        first_name="กาญจนา",
        last_name="สุขสวัสดิ์",
        position="เลขานุการ",
        province_code="40",
    )
    s.add_all([org, chair, taker])
    s.flush()
    meeting = Meeting(
        kind=MeetingKind.TAMBON_COUNCIL,
        title="การประชุมสภา",
        organization_id=org.id,
        number=4,
        number_year=2569,
        place="ศาลาประชาคมบ้านหนองบัวแดง",
        starts_at=dt.datetime(2026, 11, 25, 2, 30, tzinfo=UTC),  # 09.30 in Bangkok
        started_at=dt.datetime(2026, 11, 25, 2, 45, tzinfo=UTC),
        ended_at=dt.datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        chair_id=chair.id,
        minute_taker_id=taker.id,
        province_code="40",
        **kwargs,
    )
    s.add(meeting)
    s.flush()
    item1 = AgendaItem(
        meeting_id=meeting.id,
        section=1,
        position=0,
        title="เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
        minutes_text="ประธานแจ้งเรื่องน้ำท่วม",
        resolution="ที่ประชุมรับทราบ",
        presenter="ประธาน",
        duration_minutes=15,
    )
    item5 = AgendaItem(meeting_id=meeting.id, section=5, position=0, title="เรื่องเพื่อพิจารณา")
    s.add_all([item1, item5])
    s.flush()
    sub = AgendaItem(
        meeting_id=meeting.id,
        section=5,
        position=1,
        parent_id=item5.id,
        title="ขออนุมัติงบฟื้นฟู",
        minutes_text="เสนอ 630,000 บาท",
        resolution="เห็นชอบ",
    )
    gone = AgendaItem(
        meeting_id=meeting.id,
        section=6,
        position=0,
        title="ลบแล้ว",
        deleted_at=dt.datetime(2026, 11, 1, tzinfo=UTC),
    )
    s.add_all([sub, gone])
    s.flush()
    s.add(
        Vote(
            meeting_id=meeting.id,
            agenda_item_id=sub.id,
            votes_for=9,
            votes_against=1,
            abstentions=2,
        )
    )
    s.add_all(
        [
            Attendance(
                meeting_id=meeting.id,
                person_id=taker.id,
                person_name=taker.full_name,
                position="เลขานุการ",
                status=AttendanceStatus.PRESENT,
                created_at=dt.datetime(2026, 11, 25, 2, 0, tzinfo=UTC),
            ),
            Attendance(
                meeting_id=meeting.id,
                person_id=chair.id,
                person_name=chair.full_name,
                position="ประธานสภา",
                status=AttendanceStatus.PRESENT,
                created_at=dt.datetime(2026, 11, 25, 2, 5, tzinfo=UTC),
            ),
            Attendance(
                meeting_id=meeting.id,
                person_name="นางมาลัย ปัญญาดี",
                position="สมาชิก",
                status=AttendanceStatus.SUBSTITUTE,
                substitute_for_name="นายธีระ มั่นคง",
            ),
            Attendance(
                meeting_id=meeting.id,
                person_name="นายเกษม ทองคำ",
                position="สมาชิก",
                status=AttendanceStatus.ABSENT,
                reason="ติดภารกิจ",
            ),
            Attendance(
                meeting_id=meeting.id,
                person_name="นายณัฐวุฒิ วงศ์ใหญ่",
                organization_name="สถาบันพัฒนาองค์กรชุมชน",
                status=AttendanceStatus.ATTENDEE,
            ),
        ]
    )
    s.add_all(
        [
            Invitee(
                meeting_id=meeting.id,
                person_id=chair.id,
                organization_id=org.id,
                name=chair.full_name,
                role="member",
            ),
            Invitee(
                meeting_id=meeting.id, organization_id=org.id, name=org.name, role="organization"
            ),
        ]
    )
    s.flush()
    return meeting


def test_minutes_from_the_database(session):
    meeting = _meeting(session, status=MeetingStatus.MINUTES_DRAFT)
    data = documents.minutes_data(session, meeting.id)
    m = data.meeting
    assert (m.body_name, m.number, m.year_be) == ("สภาองค์กรชุมชนตำบลโนนศิลาเลิง", 4, 2569)
    assert m.date == dt.date(2026, 11, 25)
    assert (fmt.thai_time(m.start_time), fmt.thai_time(m.end_time)) == ("09.45 น.", "15.00 น.")
    assert [a.name for a in data.present][0] == "นายสมชาย ใจดี"  # the chair first
    assert [a.substitute_for for a in data.present if a.substitute_for] == ["นายธีระ มั่นคง"]
    assert [(a.name, a.reason) for a in data.absent] == [("นายเกษม ทองคำ", "ติดภารกิจ")]
    assert data.attendees[0].position == "สถาบันพัฒนาองค์กรชุมชน"
    assert [i.number for i in data.items] == ["1", "2"]  # the deleted item is gone
    assert data.items[1].sub_items[0].number == "2.1"
    assert data.items[1].sub_items[0].vote == printing.Vote(9, 1, 2)
    assert data.recorder.name == "นางสาวกาญจนา สุขสวัสดิ์"
    assert data.reviewer.name == ""  # none on record: a dotted line to fill in
    assert not data.certified
    assert "ศรีสุวรรณวงศ์" not in data.extra_words and "ปัญญาดี" in data.extra_words

    text = squash("".join(pypdf_pages(printing.render_minutes(data))))
    for phrase in (
        "รายงานการประชุมสภาองค์กรชุมชนตำบลโนนศิลาเลิง",
        "ครั้งที่ 4/2569",
        "เริ่มประชุมเวลา 09.45 น.",
        "2.1 ขออนุมัติงบฟื้นฟู",
        "เห็นด้วย 9 เสียง ไม่เห็นด้วย 1 เสียง งดออกเสียง 2 เสียง",
    ):
        assert squash(phrase) in text, phrase


def test_certified_minutes(session):
    meeting = _meeting(session, status=MeetingStatus.LOCKED)
    assert documents.minutes_data(session, meeting.id).certified


def test_sign_in_lists_the_invitees_then_the_walk_ins(session):
    meeting = _meeting(session)
    data = documents.sign_in_data(session, meeting.id, blank_rows=3, order="invitation")
    # The body is in the heading: a member's row does not repeat it. Everyone recorded
    # in the room who was not invited (here the minute-taker, a substitute and an
    # attendee) signs too; the chair, invited, is listed once.
    assert [(r.name, r.organization, r.phone) for r in data.rows] == [
        ("นายสมชาย ใจดี", "", "0812345678"),
        ("", "สภาองค์กรชุมชนตำบลโนนศิลาเลิง", ""),
        ("นางสาวกาญจนา สุขสวัสดิ์", "", ""),
        ("นางมาลัย ปัญญาดี", "", ""),
        ("นายณัฐวุฒิ วงศ์ใหญ่", "สถาบันพัฒนาองค์กรชุมชน", ""),
    ]
    text = squash("".join(pypdf_pages(printing.render_sign_in_sheet(data))))
    assert squash("08x-xxx-5678") in text and "0812345678" not in text


def test_invitation_and_agenda(session):
    meeting = _meeting(session)
    data = documents.invitation_data(
        session,
        meeting.id,
        letter_number="พอช. 01/2569",
        issuer="ศูนย์ประสานงาน\nขอนแก่น",
        letter_date=dt.date(2026, 11, 10),
    )
    assert data.signer.name == "นายสมชาย ใจดี"
    assert "ครั้งที่ 4/2569" in data.body and "09.30 น." in data.body
    info, items = documents.agenda_data(session, meeting.id)
    assert items[0].presenter == "ประธาน" and items[0].duration_minutes == 15
    text = squash("".join(pypdf_pages(printing.render_invitation(data))))
    assert squash("เรียน สภาองค์กรชุมชนตำบลโนนศิลาเลิงทุกท่าน") in text
    assert squash("ผู้นำเสนอ: ประธาน / 15 นาที") in text


def test_budget_from_the_ledger(session):
    bmk = Program(code="baan_mankong", name_th="บ้านมั่นคง", name_en="Baan Mankong", sort_order=1)
    other = Program(code="homeless", name_th="คนไร้บ้าน", name_en="Homeless", sort_order=2)
    session.add_all([bmk, other])
    session.flush()
    p1 = Project(
        code="B-1", name="บ้านมั่นคงริมฝั่งน้ำ", program_id=bmk.id, fiscal_year=2570, province_code="40"
    )
    p_old = Project(
        code="B-0", name="ปีก่อน", program_id=bmk.id, fiscal_year=2569, province_code="40"
    )
    session.add_all([p1, p_old])
    session.flush()

    def entry(kind, amount, project=None, **kw):
        e = LedgerEntry(
            kind=kind,
            fiscal_year=kw.pop("fy", 2570),
            program_id=bmk.id,
            project_id=project.id if project else None,
            amount_satang=amount,
            entry_date=dt.date(2026, 11, 1),
            province_code="40",
            **kw,
        )
        session.add(e)
        session.flush()
        return e

    entry(LedgerKind.ALLOCATION, 1_000_000_00)
    entry(LedgerKind.APPROVAL, 600_000_00, p1)
    wrong = entry(LedgerKind.DISBURSEMENT, 250_000_00, p1)
    entry(LedgerKind.REVERSAL, 250_000_00, p1, reverses_id=wrong.id)
    entry(LedgerKind.DISBURSEMENT, 200_000_00, p1)
    entry(LedgerKind.REFUND, 10_000_50, p1)
    entry(LedgerKind.APPROVAL, 99_00, p_old, fy=2569)

    report = documents.budget_report_data(session, 2570, organization="ศูนย์ฯ ขอนแก่น")
    assert [p.name for p in report.programs] == ["บ้านมั่นคง"]  # no empty programs
    (program,) = report.programs
    assert program.allocated == 1_000_000_00
    assert [(p.code, p.approved, p.disbursed) for p in program.projects] == [
        ("B-1", 600_000_00, 200_000_00 - 10_000_50)
    ]
    text = squash("".join(pypdf_pages(printing.render_budget_report(report))))
    assert squash(baht_text(report.approved)) in text
    # Summary row: program, projects, allocated, approved, left to approve, paid, to pay.
    amounts = (1_000_000_00, 600_000_00, 400_000_00, 189_999_50, 410_000_50)
    assert squash("1บ้านมั่นคง1" + "".join(map(fmt.format_amount, amounts))) in text


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from codi_desktop.store.database import open_store
    from codi_desktop.store.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder, "34", "small")
    store = open_store(folder)
    yield store
    store.close()


def test_every_document_of_the_demo_province_prints(demo_store):
    """The mapping holds up on a whole generated province, not just hand-made rows."""
    with demo_store.read() as s:
        meeting_id = s.scalar(
            sa.select(Meeting.id)
            .join(Vote, Vote.meeting_id == Meeting.id)
            .where(Meeting.status.in_([MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED]))
            .limit(1)
        )
        assert meeting_id, "the demo has certified minutes with a vote"
        minutes = documents.minutes_data(s, meeting_id)
        sheet = documents.sign_in_data(s, meeting_id)
        letter = documents.invitation_data(
            s, meeting_id, letter_number="พอช. 1/2569", issuer="ศูนย์ประสานงาน"
        )
        fiscal_year = s.scalar(sa.select(sa.func.max(LedgerEntry.fiscal_year)))
        report = documents.budget_report_data(s, fiscal_year, organization="ศูนย์ประสานงาน")
    assert minutes.certified and minutes.present and minutes.items
    assert any(item.vote for item in minutes.items for item in [item, *item.sub_items])
    text = squash("".join(pypdf_pages(printing.render_minutes(minutes))))
    for person in minutes.present:
        assert squash(person.name) in text
    for item in minutes.items:
        assert squash(item.title) in text
    assert sheet.rows
    sheet_text = squash("".join(pypdf_pages(printing.render_sign_in_sheet(sheet))))
    assert all(squash(r.name) in sheet_text for r in sheet.rows)
    assert printing.render_invitation(letter).startswith(b"%PDF")
    assert report.programs and report.allocated > 0
    budget_text = squash("".join(pypdf_pages(printing.render_budget_report(report))))
    assert squash(fmt.format_amount(report.allocated)) in budget_text
    assert squash(baht_text(report.disbursed)) in budget_text
