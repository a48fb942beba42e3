"""Recording in the room: the meeting's times, sign-in (members, substitutes, walk-ins,
absences) and finding people to sign in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.models import (
    Attendance,
    AttendanceStatus,
    Gender,
    Invitee,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
    Person,
    Subdistrict,
    utcnow,
)
from codi_desktop.store.database import Store

from .._common import Errors, check_subdistrict, clean, get_live, record_province
from .common import (
    KEEP,
    ROLE_NAMES,
    _org_name,
    _person_name,
    as_utc,
    guard_minutes,
    local_date,
)


def record_times(store: Store, meeting_id: str, *, started_at: Any = KEEP,
                 ended_at: Any = KEEP, author: str | None = None) -> None:
    """เริ่มประชุมเวลา / เลิกประชุมเวลา. Starting a planned meeting makes it held."""
    with store.action("บันทึกเวลาประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        start = meeting.started_at if started_at is KEEP else as_utc(started_at)
        end = meeting.ended_at if ended_at is KEEP else as_utc(ended_at)
        if start is not None and end is not None and end < start:
            raise ServiceError("end_before_start", "ended_at")
        meeting.started_at, meeting.ended_at = start, end
        if start is not None and meeting.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            meeting.status = MeetingStatus.HELD


@dataclass
class AttendanceData:
    person_id: str | None = None
    status: str = AttendanceStatus.PRESENT.value
    reason: str | None = None  # absent: why
    substitute_for_id: str | None = None  # substitute: the member they stand in for
    substitute_for_name: str | None = None
    position: str | None = None
    organization_id: str | None = None
    organization_name: str | None = None


@dataclass
class WalkInData:
    """Someone not yet known: signing them in adds them to the people of the province."""

    first_name: str = ""
    last_name: str = ""
    prefix: str | None = None
    gender: str | None = None
    organization_name: str | None = None
    organization_id: str | None = None
    subdistrict_id: str | None = None
    position: str | None = None
    phone: str | None = None
    status: str = AttendanceStatus.ATTENDEE.value
    substitute_for_id: str | None = None
    substitute_for_name: str | None = None


def _validate_attendance(status: str, reason: str | None, sub_id: str | None,
                         sub_name: str | None, errors: Errors) -> None:
    errors.choice("status", status, AttendanceStatus)
    errors.text("reason", reason, max_len=500)
    if status == AttendanceStatus.SUBSTITUTE and not (sub_id or clean(sub_name)):
        errors.add("substitute_for_id", "substitute_for_required")


def _membership_in(session: Session, person_id: str, organization_id: str | None,
                   day: dt.date) -> tuple[str | None, str | None, str | None]:
    """(organization id, organization name, position) of the person's current membership,
    preferring the meeting's own body."""
    stmt = (
        sa.select(Membership.organization_id, Organization.name, Membership.role)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.person_id == person_id, Membership.deleted_at.is_(None),
               sa.or_(Membership.to_on.is_(None), Membership.to_on >= day))
        .order_by((Membership.organization_id == organization_id).desc()
                  if organization_id else sa.null(), Membership.from_on.desc().nulls_last())
        .limit(1)
    )
    row = session.execute(stmt).first()
    if row is None:
        return None, None, None
    return row[0], row[1], ROLE_NAMES.get(row[2])


def record_attendance(store: Store, meeting_id: str, data: AttendanceData,
                      author: str | None = None) -> str:
    """Sign a known person in (or record them absent, or as a substitute). Signing the same
    person in twice updates their one row. A meeting not yet held is fine: sign-in happens
    at the door before the chair opens the meeting."""
    errors = Errors()
    if not data.person_id:
        errors.add("person_id", "required")
    _validate_attendance(data.status, data.reason, data.substitute_for_id,
                         data.substitute_for_name, errors)
    errors.raise_if_any()
    with store.action("ลงทะเบียนผู้เข้าประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        person = get_live(session, Person, data.person_id, "person")
        row = session.scalar(sa.select(Attendance).where(
            Attendance.meeting_id == meeting.id, Attendance.person_id == person.id,
            Attendance.deleted_at.is_(None)).limit(1))
        if row is None:
            row = Attendance(province_code=meeting.province_code, meeting_id=meeting.id,
                             person_id=person.id, person_name=person.full_name)
        org_id, org_name, position = _membership_in(
            session, person.id, meeting.organization_id, local_date(meeting.starts_at))
        session.add(row)
        if data.organization_id:
            org_id, org_name = data.organization_id, _org_name(session, data.organization_id)
        row.person_name = person.full_name
        row.organization_id = org_id
        row.organization_name = clean(data.organization_name) or org_name
        row.position = clean(data.position) or position or person.position
        row.subdistrict_id = person.subdistrict_id
        row.gender = person.gender
        _set_status(session, row, data.status, data.reason, data.substitute_for_id,
                    data.substitute_for_name)
        session.flush()
        return row.id


def _set_status(session: Session, row: Attendance, status: str, reason: str | None,
                sub_id: str | None, sub_name: str | None) -> None:
    status = AttendanceStatus(status)
    row.status = status
    row.reason = clean(reason) if status is AttendanceStatus.ABSENT else None
    if status is AttendanceStatus.SUBSTITUTE:
        row.substitute_for_id = sub_id
        row.substitute_for_name = clean(sub_name) or _person_name(session, sub_id)
    else:
        row.substitute_for_id = row.substitute_for_name = None
    row.signed_in_at = None if status is AttendanceStatus.ABSENT else (row.signed_in_at or utcnow())


def record_walk_in(store: Store, meeting_id: str, data: WalkInData,
                   author: str | None = None) -> str:
    """Sign in someone who is not in the database yet: the person is created in the same
    action, with their tambon, so they are found next time."""
    errors = Errors()
    errors.text("first_name", data.first_name, required=True, max_len=200)
    errors.text("last_name", data.last_name, max_len=200)
    errors.text("organization_name", data.organization_name, max_len=300)
    errors.choice("gender", data.gender, Gender, required=False)
    errors.phone("phone", data.phone)
    _validate_attendance(data.status, None, data.substitute_for_id, data.substitute_for_name,
                         errors)
    errors.raise_if_any()
    name = f"{data.first_name.strip()} {data.last_name.strip()}".strip()
    with store.action(f"ลงทะเบียนผู้เข้าประชุม {name}", author) as session:
        province = record_province(store, session, Meeting, meeting_id)
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        check_subdistrict(session, province, data.subdistrict_id, errors)
        errors.raise_if_any()
        person = Person(province_code=province, prefix=clean(data.prefix),
                        first_name=data.first_name.strip(), last_name=data.last_name.strip(),
                        gender=data.gender or None, position=clean(data.position),
                        phone=clean(data.phone), subdistrict_id=data.subdistrict_id)
        session.add(person)
        session.flush()
        org_name = clean(data.organization_name) or _org_name(session, data.organization_id)
        row = Attendance(province_code=province, meeting_id=meeting.id, person_id=person.id,
                         person_name=person.full_name, organization_id=data.organization_id,
                         organization_name=org_name, position=clean(data.position),
                         subdistrict_id=data.subdistrict_id, gender=data.gender or None)
        _set_status(session, row, data.status, None, data.substitute_for_id,
                    data.substitute_for_name)
        session.add(row)
        session.flush()
        return row.id


def remove_attendance(store: Store, attendance_id: str, author: str | None = None) -> None:
    with store.action("ลบรายชื่อผู้ลงทะเบียน", author) as session:
        row = get_live(session, Attendance, attendance_id, "attendance")
        guard_minutes(session.get(Meeting, row.meeting_id))
        row.deleted_at = utcnow()


@dataclass
class PersonHit:
    id: str
    name: str
    position: str | None
    organization: str | None
    subdistrict: str | None
    attendance_status: str | None  # in the given meeting, if signed in already
    invited: bool = False  # on the given meeting's invitation list


def _search_ids(text: str) -> sa.Select | None:
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    conds, params = [], {}
    long_terms = [t for t in terms if len(t) >= 3]
    if long_terms:
        params["q"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        conds.append("fts_person MATCH :q")
    for i, term in enumerate(t for t in terms if len(t) < 3):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"s{i}"] = f"%{escaped}%"
        conds.append(f"body LIKE :s{i} ESCAPE '\\'")
    return (sa.text(f"SELECT row_id FROM fts_person WHERE {' AND '.join(conds)}")
            .bindparams(**params).columns(sa.column("row_id", sa.String)))


def search_people(store: Store, text: str, *, meeting_id: str | None = None,
                  limit: int = 20) -> list[PersonHit]:
    """Search-as-you-type for the sign-in desk: Thai substrings of a name (or phone,
    position) over the trigram index; names starting with the text come first."""
    ids = _search_ids(text.strip())
    if ids is None:
        return []
    first = text.split()[0]
    stmt = (
        sa.select(Person.id, Person.prefix, Person.first_name, Person.last_name,
                  Person.position, Subdistrict.name_th)
        .outerjoin(Subdistrict, Subdistrict.id == Person.subdistrict_id)
        .where(Person.id.in_(ids), Person.deleted_at.is_(None))
        .order_by(Person.first_name.startswith(first, autoescape=True).desc(),
                  Person.first_name, Person.last_name, Person.id)
        .limit(limit)
    )
    with store.read() as session:
        rows = session.execute(stmt).all()
        pids = [r[0] for r in rows]
        orgs: dict[str, str] = {}
        for pid, name in session.execute(
                sa.select(Membership.person_id, Organization.name)
                .join(Organization, Organization.id == Membership.organization_id)
                .where(Membership.person_id.in_(pids), Membership.deleted_at.is_(None),
                       Membership.to_on.is_(None))
                .order_by(Membership.from_on.desc().nulls_last())):
            orgs.setdefault(pid, name)
        status: dict[str, str] = {}
        if meeting_id:
            status = {pid: st for pid, st in session.execute(
                sa.select(Attendance.person_id, Attendance.status)
                .where(Attendance.meeting_id == meeting_id, Attendance.person_id.in_(pids),
                       Attendance.deleted_at.is_(None)))}
        invited: set[str] = set()
        if meeting_id:
            invited = set(session.scalars(
                sa.select(Invitee.person_id)
                .where(Invitee.meeting_id == meeting_id, Invitee.person_id.in_(pids),
                       Invitee.deleted_at.is_(None))))
        out = []
        for pid, prefix, first_name, last_name, position, sub in rows:
            name = f"{first_name} {last_name}".strip()
            st = status.get(pid)
            out.append(PersonHit(pid, f"{prefix}{name}" if prefix else name, position,
                                 orgs.get(pid), sub, st.value if st else None,
                                 pid in invited))
        return out
