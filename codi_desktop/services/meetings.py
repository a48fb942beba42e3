"""Meetings and their minutes: plan one from the standard agenda template, record what
happens in the room (sign-in, times, minutes, resolutions, votes), and take the minutes
from draft to certified to locked; a correction after locking is a new, kept version.

Every public writer is one user action: one ``store.action`` and so one change set. All of
it works offline; nothing here knows about the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_tz, be_year, thai_date, thai_time, to_bangkok
from codi_core.labels import COMMITTEE_ROLE_TITLES, LABELS
from codi_core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Gender,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    MinutesVersion,
    Organization,
    Person,
    Project,
    Subdistrict,
    Vote,
    new_id,
    utcnow,
)
from codi_core.rules.minutes import minutes_violation
from codi_core.rules.numbering import body_conditions, highest_number, next_number, number_holder
from codi_core.rules.planning import BODY_IS_KIND as _BODY_KINDS
from codi_core.rules.planning import PLAN_FIELDS, plan_violations
from codi_desktop.store.database import Store

from ._common import Errors, check_subdistrict, clean, get_live, require_province

# --- words -------------------------------------------------------------------------------

# The one labels table (codi_core.labels); these names are kept for the callers.
# Keyed by the enum members (a StrEnum member equals its value, so both look up).
KIND_NAMES: dict[str, tuple[str, str]] = {MeetingKind(k): v for k, v in LABELS[MeetingKind].items()}
STATUS_NAMES: dict[str, tuple[str, str]] = {
    MeetingStatus(k): v for k, v in LABELS[MeetingStatus].items()}
ATTENDANCE_NAMES: dict[str, tuple[str, str]] = {
    AttendanceStatus(k): v for k, v in LABELS[AttendanceStatus].items()}
ROLE_NAMES: dict[str, str] = COMMITTEE_ROLE_TITLES

#: Who is in the room: they sign the sheet and may vote.
IN_ROOM = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.ATTENDEE)


class _Keep:
    """Marks an argument the caller left alone (None would mean "clear it")."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


# --- the agenda template -----------------------------------------------------------------


@dataclass
class TemplateSection:
    section: int  # 1..6
    title: str
    sub_items: list[str] = field(default_factory=list)  # standing sub-items, if any


DEFAULT_TEMPLATE: tuple[TemplateSection, ...] = (
    TemplateSection(1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
    TemplateSection(2, "รับรองรายงานการประชุมครั้งที่แล้ว"),
    TemplateSection(3, "เรื่องสืบเนื่อง"),
    TemplateSection(4, "เรื่องเพื่อทราบ"),
    TemplateSection(5, "เรื่องเพื่อพิจารณา"),
    TemplateSection(6, "เรื่องอื่น ๆ"),
)

TEMPLATE_SETTING = "meeting_agenda_template"


def agenda_template(store: Store) -> list[TemplateSection]:
    """The template new meetings start from: this device's own, or the standard one."""
    raw = store.get_setting(TEMPLATE_SETTING)
    if not raw:
        return [dataclasses.replace(s, sub_items=list(s.sub_items)) for s in DEFAULT_TEMPLATE]
    return [TemplateSection(int(r["section"]), r["title"], list(r.get("sub_items") or []))
            for r in raw]


def set_agenda_template(store: Store, sections: list[TemplateSection]) -> None:
    """Keep a province's own wording of the six sections (a local setting, not synced)."""
    if sorted(s.section for s in sections) != [1, 2, 3, 4, 5, 6]:
        raise ServiceError("template_sections")
    errors = Errors()
    for s in sections:
        errors.text("title", s.title, required=True, max_len=500)
    errors.raise_if_any()
    store.set_setting(TEMPLATE_SETTING, [
        {"section": s.section, "title": s.title.strip(),
         "sub_items": [t.strip() for t in s.sub_items if t.strip()]}
        for s in sorted(sections, key=lambda s: s.section)
    ])


# --- planning ----------------------------------------------------------------------------


@dataclass
class MeetingPlan:
    kind: str = MeetingKind.PROVINCIAL_COMMITTEE.value
    starts_at: dt.datetime | None = None  # aware; naive is taken as Bangkok time
    ends_at: dt.datetime | None = None
    title: str = ""  # empty: "การประชุม" + the body's name
    organization_id: str | None = None  # the body that meets
    number: int | None = None  # None: the next free number of the body in that year
    place: str | None = None
    subdistrict_id: str | None = None
    organiser: str | None = None
    chair_id: str | None = None
    secretary_id: str | None = None
    minute_taker_id: str | None = None
    reviewer_id: str | None = None
    notes: str | None = None
    invite_members: bool = True  # the body's current members are invited
    invite_person_ids: list[str] = field(default_factory=list)
    invite_organization_ids: list[str] = field(default_factory=list)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Stored times are UTC; a naive time typed on screen is Bangkok time."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=bangkok_tz())
    return value.astimezone(dt.UTC)


def local_date(value: dt.datetime) -> dt.date:
    return to_bangkok(value).date()


def validate_plan(plan: MeetingPlan) -> dict[str, ServiceError]:
    """Field errors that need no database (for validation as the person types)."""
    errors = Errors()
    errors.choice("kind", plan.kind, MeetingKind)
    errors.text("title", plan.title, max_len=500)
    errors.text("place", plan.place, max_len=500)
    errors.text("organiser", plan.organiser, max_len=300)
    if plan.starts_at is None:
        errors.add("starts_at", "required")
    elif plan.ends_at is not None and as_utc(plan.ends_at) < as_utc(plan.starts_at):
        errors.add("ends_at", "end_before_start")
    if plan.number is not None and (
        isinstance(plan.number, bool) or not isinstance(plan.number, int) or plan.number < 1
    ):
        errors.add("number", "number_positive")
    return errors


#: Kinds that are a body in themselves; the others meet as one organization (committee,
#: council, working group) and are numbered per that organization.
BODY_IS_KIND = tuple(MeetingKind(k) for k in sorted(_BODY_KINDS))


def validate_new_plan(plan: MeetingPlan) -> dict[str, ServiceError]:
    """What planning needs, all reasons at once: the body that meets (for kinds that meet
    as an organization), the date and the place; plus the checks of ``validate_plan``."""
    errors = Errors(validate_plan(plan))
    _add_plan_violations(errors, plan_violations(_plan_row(plan)))
    return errors


def _plan_row(plan: MeetingPlan) -> dict[str, Any]:
    """The fields of the plan the rule book's ``plan_violations`` reads."""
    try:
        kind = MeetingKind(plan.kind)
    except ValueError:
        kind = None  # validate_plan says so
    return {"kind": kind, "organization_id": plan.organization_id,
            "starts_at": plan.starts_at, "place": clean(plan.place)}


def _add_plan_violations(errors: Errors, violations: list) -> None:
    for v in violations:
        errors.add(v.field, v.code, **v.params)


def _body_conditions(province: str, kind: str, organization_id: str | None
                     ) -> list[sa.ColumnElement]:
    """Meetings are numbered per body within the province; meetings with no body, per
    kind (the rule book's ``body_conditions``, as on the server)."""
    return body_conditions(Meeting, province_code=province, kind=kind,
                           organization_id=organization_id)


def _next_number(session: Session, province: str, kind: str, organization_id: str | None,
                 year: int) -> int:
    return next_number(session.scalar(highest_number(
        Meeting, province_code=province, kind=kind, organization_id=organization_id,
        year=year)))


def next_meeting_number(
    store: Store, kind: str, organization_id: str | None, starts_at: dt.datetime
) -> int:
    """The number the next meeting of this body would get in that calendar year (BE)."""
    province = require_province(store)
    with store.read() as session:
        return _next_number(session, province, kind, organization_id,
                            be_year(as_utc(starts_at)))


def _body_name(session: Session, kind: str, organization_id: str | None) -> str:
    if organization_id:
        org = session.get(Organization, organization_id)
        if org is not None:
            return org.name
    return KIND_NAMES.get(kind, (kind, kind))[0]


def _check_number(
    session: Session, province: str, kind: str, organization_id: str | None, year: int,
    number: int, exclude_id: str | None = None,
) -> None:
    holder = number_holder(Meeting, province_code=province, kind=kind,
                           organization_id=organization_id, year=year, number=number,
                           exclude_id=exclude_id or None)
    if session.scalar(holder) is not None:
        raise ServiceError(
            "meeting_number_used", "number", number=f"{number}/{year}",
            body=_body_name(session, kind, organization_id),
            next=f"{_next_number(session, province, kind, organization_id, year)}/{year}")


def _previous_meeting(
    session: Session, province: str, kind: str, organization_id: str | None,
    starts_at: dt.datetime, exclude_id: str | None = None,
) -> Meeting | None:
    stmt = (sa.select(Meeting)
            .where(*_body_conditions(province, kind, organization_id),
                   Meeting.starts_at < starts_at,
                   Meeting.status != MeetingStatus.CANCELLED)
            .order_by(Meeting.starts_at.desc()).limit(1))
    if exclude_id:
        stmt = stmt.where(Meeting.id != exclude_id)
    return session.scalar(stmt)


def _check_refs(session: Session, province: str, plan: MeetingPlan, errors: Errors) -> None:
    for fld in ("chair_id", "secretary_id", "minute_taker_id", "reviewer_id"):
        pid = getattr(plan, fld)
        if pid:
            person = session.get(Person, pid)
            if person is None or person.deleted_at or person.province_code != province:
                errors.add(fld, "not_found", label="person")
    if plan.organization_id:
        org = session.get(Organization, plan.organization_id)
        if org is None or org.deleted_at or org.province_code != province:
            errors.add("organization_id", "not_found", label="organization")
    check_subdistrict(session, province, plan.subdistrict_id, errors)


def number_text(meeting: Meeting) -> str:
    if meeting.number and meeting.number_year:
        return f"{meeting.number}/{meeting.number_year}"
    return ""


def _meeting_values(session: Session, province: str, plan: MeetingPlan,
                    exclude_id: str | None = None) -> dict[str, Any]:
    errors = Errors(validate_plan(plan))
    errors.raise_if_any()
    _check_refs(session, province, plan, errors)
    errors.raise_if_any()
    starts_at = as_utc(plan.starts_at)
    year = be_year(starts_at)
    kind = MeetingKind(plan.kind)
    number = plan.number
    if number is None:
        number = _next_number(session, province, kind, plan.organization_id, year)
    else:
        _check_number(session, province, kind, plan.organization_id, year, number, exclude_id)
    title = clean(plan.title) or f"การประชุม{_body_name(session, kind, plan.organization_id)}"
    if kind is MeetingKind.PROVINCIAL_ASSEMBLY and not clean(plan.title):
        title = KIND_NAMES[kind][0]
    return {
        "kind": kind, "title": title, "organization_id": plan.organization_id,
        "number": number, "number_year": year, "starts_at": starts_at,
        "ends_at": as_utc(plan.ends_at), "place": clean(plan.place),
        "subdistrict_id": plan.subdistrict_id, "organiser": clean(plan.organiser),
        "chair_id": plan.chair_id, "secretary_id": plan.secretary_id,
        "minute_taker_id": plan.minute_taker_id, "reviewer_id": plan.reviewer_id,
        "notes": clean(plan.notes),
    }


def _open_actions_of_body(session: Session, meeting: Meeting) -> list[tuple[ActionItem, Meeting]]:
    stmt = (
        sa.select(ActionItem, Meeting)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(*_body_conditions(meeting.province_code, meeting.kind, meeting.organization_id),
               Meeting.id != meeting.id, Meeting.starts_at < meeting.starts_at,
               ActionItem.deleted_at.is_(None), ActionItem.status == ActionStatus.OPEN)
        .order_by(Meeting.starts_at, ActionItem.created_at, ActionItem.id)
    )
    return [tuple(r) for r in session.execute(stmt)]


def _fill_agenda(session: Session, meeting: Meeting, template: list[TemplateSection],
                 previous: Meeting | None) -> None:
    province = meeting.province_code
    for sec in sorted(template, key=lambda s: s.section):
        head = AgendaItem(id=new_id(), province_code=province, meeting_id=meeting.id,
                          section=sec.section, position=0, title=sec.title)
        if sec.section == 2 and previous is not None:
            ref = number_text(previous)
            when = thai_date(previous.starts_at)
            head.title = f"{sec.title} (ครั้งที่ {ref})" if ref else sec.title
            head.notes = f"รายงานการประชุม{' ครั้งที่ ' + ref if ref else ''} เมื่อวันที่ {when}"
        session.add(head)
        position = 0
        for title in sec.sub_items:
            position += 1
            session.add(AgendaItem(province_code=province, meeting_id=meeting.id,
                                   parent_id=head.id, section=sec.section, position=position,
                                   title=title))
        if sec.section == 3:
            for action, source in _open_actions_of_body(session, meeting):
                position += 1
                due = f" กำหนดเสร็จ {thai_date(action.due_on)}" if action.due_on else ""
                session.add(AgendaItem(
                    province_code=province, meeting_id=meeting.id, parent_id=head.id,
                    section=3, position=position, title=action.title,
                    presenter=action.owner_name, project_id=action.project_id,
                    action_item_id=action.id,
                    notes=f"จากการประชุมครั้งที่ {number_text(source)}{due}".strip(),
                ))


def _invite(session: Session, meeting: Meeting, plan: MeetingPlan) -> None:
    province = meeting.province_code
    seen: set[str] = set()
    if plan.invite_members and meeting.organization_id:
        day = local_date(meeting.starts_at)
        stmt = (
            sa.select(Person)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.organization_id == meeting.organization_id,
                   Membership.deleted_at.is_(None), Person.deleted_at.is_(None),
                   sa.or_(Membership.from_on.is_(None), Membership.from_on <= day),
                   sa.or_(Membership.to_on.is_(None), Membership.to_on >= day))
            .order_by(Person.first_name, Person.last_name)
        )
        for person in session.scalars(stmt):
            if person.id not in seen:
                seen.add(person.id)
                session.add(Invitee(province_code=province, meeting_id=meeting.id,
                                    person_id=person.id, organization_id=meeting.organization_id,
                                    name=person.full_name, role="member"))
    for pid in plan.invite_person_ids:
        if pid in seen:
            continue
        person = get_live(session, Person, pid, "person")
        seen.add(pid)
        session.add(Invitee(province_code=province, meeting_id=meeting.id, person_id=pid,
                            name=person.full_name, role="invited"))
    for oid in dict.fromkeys(plan.invite_organization_ids):
        org = get_live(session, Organization, oid, "organization")
        session.add(Invitee(province_code=province, meeting_id=meeting.id,
                            organization_id=oid, name=org.name, role="organization"))


def _create_meeting(store: Store, session: Session, plan: MeetingPlan) -> Meeting:
    """A new meeting from a plan: refused, every reason at once, when the body, the date
    or the place is missing (the rule book's ``plan_violations``, as on the server)."""
    province = require_province(store)
    Errors(validate_new_plan(plan)).raise_if_any()
    meeting = Meeting(id=new_id(), province_code=province,
                      **_meeting_values(session, province, plan))
    previous = _previous_meeting(session, province, meeting.kind, meeting.organization_id,
                                 meeting.starts_at)
    meeting.previous_meeting_id = previous.id if previous else None
    meeting.status = MeetingStatus.PLANNED
    meeting.minutes_version = 1
    session.add(meeting)
    session.flush()
    _fill_agenda(session, meeting, agenda_template(store), previous)
    _invite(session, meeting, plan)
    return meeting


def plan_meeting(store: Store, plan: MeetingPlan, author: str | None = None) -> str:
    """Plan a meeting with its agenda from the template and its invitees, in one action.
    Refused with every reason at once when the body, the date or the place is missing."""
    require_province(store)
    Errors(validate_new_plan(plan)).raise_if_any()  # before the action: nothing to roll back
    with store.action(f"วางแผนการประชุม {clean(plan.title) or ''}".strip(), author) as session:
        return _create_meeting(store, session, plan).id


def update_meeting(store: Store, meeting_id: str, plan: MeetingPlan,
                   author: str | None = None) -> None:
    """Change the plan's heading (not the agenda or the invitees)."""
    province = require_province(store)
    with store.action("แก้ไขรายละเอียดการประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        _guard_minutes(meeting)
        if plan.number is None:
            plan = dataclasses.replace(plan, number=meeting.number)
            if be_year(as_utc(plan.starts_at)) != meeting.number_year or (
                    plan.organization_id != meeting.organization_id):
                plan.number = None
        values = _meeting_values(session, province, plan, exclude_id=meeting.id)
        # An edit may not leave a gap the plan rule forbids (one kept from before the
        # rule stays until someone edits that field).
        errors = Errors()
        _add_plan_violations(errors, plan_violations(values, written={
            k for k in PLAN_FIELDS if getattr(meeting, k) != values[k]}))
        errors.raise_if_any()
        for key, value in values.items():
            setattr(meeting, key, value)
        previous = _previous_meeting(session, province, meeting.kind,
                                     meeting.organization_id, meeting.starts_at,
                                     exclude_id=meeting.id)
        meeting.previous_meeting_id = previous.id if previous else None


def cancel_meeting(store: Store, meeting_id: str, reason: str,
                   author: str | None = None) -> None:
    """Call off a planned meeting: it stays in the list as cancelled, with the reason,
    and keeps its number (the next meeting of the body gets the next one)."""
    errors = Errors()
    errors.text("reason", reason, required=True, max_len=1000)
    errors.raise_if_any()
    with store.action("ยกเลิกการประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            raise ServiceError("meeting_cancel_not_planned")
        meeting.status = MeetingStatus.CANCELLED
        meeting.cancel_reason = reason.strip()


def delete_meeting(store: Store, meeting_id: str, author: str | None = None) -> None:
    """Cancel a planned meeting (a tombstone). Held meetings keep their record."""
    with store.action("ยกเลิกการประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            raise ServiceError("meeting_held_kept")
        meeting.deleted_at = utcnow()


def duplicate_meeting(store: Store, meeting_id: str, starts_at: dt.datetime,
                      ends_at: dt.datetime | None = None, author: str | None = None) -> str:
    """A new meeting like this one (body, place, people, own agenda items, invitees) on
    another date, with the next number and a fresh template agenda around the copied
    items: item 2 links the meeting before it, item 3 lists the open actions then."""
    with store.action("สร้างการประชุมจากการประชุมเดิม", author) as session:
        src = get_live(session, Meeting, meeting_id, "meeting")
        plan = MeetingPlan(
            kind=src.kind.value, starts_at=starts_at, ends_at=ends_at,
            title=src.title, organization_id=src.organization_id, place=src.place,
            subdistrict_id=src.subdistrict_id, organiser=src.organiser, chair_id=src.chair_id,
            secretary_id=src.secretary_id, minute_taker_id=src.minute_taker_id,
            reviewer_id=src.reviewer_id, invite_members=False,
        )
        new = _create_meeting(store, session, plan)
        heads = {i.section: i for i in session.scalars(
            sa.select(AgendaItem).where(AgendaItem.meeting_id == new.id,
                                        AgendaItem.parent_id.is_(None)))}
        last_pos = dict.fromkeys(heads, 0)
        for item in session.scalars(
                sa.select(AgendaItem).where(AgendaItem.meeting_id == new.id,
                                            AgendaItem.parent_id.is_not(None))):
            last_pos[item.section] = max(last_pos[item.section], item.position)
        src_heads = set(session.scalars(sa.select(AgendaItem.id).where(
            AgendaItem.meeting_id == src.id, AgendaItem.parent_id.is_(None))))
        own = session.scalars(
            sa.select(AgendaItem)
            .where(AgendaItem.meeting_id == src.id, AgendaItem.deleted_at.is_(None),
                   AgendaItem.parent_id.in_(src_heads), AgendaItem.action_item_id.is_(None))
            .order_by(AgendaItem.section, AgendaItem.position))
        for item in own:
            if item.section in (2, 3) or item.section not in heads:
                continue  # item 2 and 3 are rebuilt for the new date
            last_pos[item.section] += 1
            session.add(AgendaItem(
                province_code=new.province_code, meeting_id=new.id,
                parent_id=heads[item.section].id, section=item.section,
                position=last_pos[item.section], title=item.title, presenter=item.presenter,
                duration_minutes=item.duration_minutes, project_id=item.project_id))
        for inv in session.scalars(sa.select(Invitee).where(
                Invitee.meeting_id == src.id, Invitee.deleted_at.is_(None))):
            session.add(Invitee(province_code=new.province_code, meeting_id=new.id,
                                person_id=inv.person_id, organization_id=inv.organization_id,
                                name=inv.name, role=inv.role))
        return new.id


def add_invitees(store: Store, meeting_id: str, *, person_ids: list[str] | tuple = (),
                 organization_ids: list[str] | tuple = (), author: str | None = None) -> int:
    """Invite more people or organizations (those already invited are skipped). Returns
    how many were added."""
    with store.action("เพิ่มผู้ได้รับเชิญ", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        _guard_minutes(meeting)
        have = session.execute(sa.select(Invitee.person_id, Invitee.organization_id).where(
            Invitee.meeting_id == meeting.id, Invitee.deleted_at.is_(None))).all()
        people_in = {p for p, _ in have if p}
        orgs_in = {o for p, o in have if o and not p}
        added = 0
        for pid in dict.fromkeys(person_ids):
            if pid in people_in:
                continue
            person = get_live(session, Person, pid, "person")
            session.add(Invitee(province_code=meeting.province_code, meeting_id=meeting.id,
                                person_id=pid, name=person.full_name, role="invited"))
            added += 1
        for oid in dict.fromkeys(organization_ids):
            if oid in orgs_in:
                continue
            org = get_live(session, Organization, oid, "organization")
            session.add(Invitee(province_code=meeting.province_code, meeting_id=meeting.id,
                                organization_id=oid, name=org.name, role="organization"))
            added += 1
        return added


def remove_invitee(store: Store, invitee_id: str, author: str | None = None) -> None:
    with store.action("ลบผู้ได้รับเชิญ", author) as session:
        invitee = get_live(session, Invitee, invitee_id, "invitee")
        _guard_minutes(session.get(Meeting, invitee.meeting_id))
        invitee.deleted_at = utcnow()


def mark_invited(store: Store, meeting_id: str, author: str | None = None) -> None:
    with store.action("ส่งหนังสือเชิญประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status is MeetingStatus.PLANNED:
            meeting.status = MeetingStatus.INVITED


# --- the agenda ----------------------------------------------------------------------------


@dataclass
class AgendaItemData:
    section: int = 5
    title: str = ""
    parent_id: str | None = None  # None: a numbered item under the section's heading
    presenter: str | None = None
    duration_minutes: int | None = None
    notes: str | None = None
    project_id: str | None = None


def _guard_minutes(meeting: Meeting) -> None:
    """Certified and locked minutes are not edited in place (the rule book's
    ``minutes_violation``; the server holds the lock with the same rule)."""
    problem = minutes_violation(meeting.status)
    if problem is not None:
        raise ServiceError(problem.code)


def _validate_item(data: AgendaItemData) -> None:
    errors = Errors()
    errors.text("title", data.title, required=True, max_len=500)
    errors.text("presenter", data.presenter, max_len=300)
    errors.count("duration_minutes", data.duration_minutes)
    if not isinstance(data.section, int) or not 1 <= data.section <= 6:
        errors.add("section", "section_range")
    errors.raise_if_any()


def _item_parent(session: Session, meeting: Meeting, data: AgendaItemData) -> AgendaItem:
    if data.parent_id:
        parent = get_live(session, AgendaItem, data.parent_id, "agenda_item")
        if parent.meeting_id != meeting.id:
            raise ServiceError("wrong_meeting")
        return parent
    head = session.scalar(sa.select(AgendaItem).where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.parent_id.is_(None),
        AgendaItem.section == data.section, AgendaItem.deleted_at.is_(None)
    ).order_by(AgendaItem.position).limit(1))
    if head is None:  # a meeting planned without that section: make its heading
        title = next((s.title for s in DEFAULT_TEMPLATE if s.section == data.section), "")
        head = AgendaItem(id=new_id(), province_code=meeting.province_code,
                          meeting_id=meeting.id, section=data.section, position=0, title=title)
        session.add(head)
    return head


def _check_project(session: Session, project_id: str | None) -> None:
    if project_id:
        get_live(session, Project, project_id, "project")


def add_agenda_item(store: Store, meeting_id: str, data: AgendaItemData,
                    author: str | None = None) -> str:
    _validate_item(data)
    with store.action(f"เพิ่มระเบียบวาระ {data.title.strip()}", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        _guard_minutes(meeting)
        _check_project(session, data.project_id)
        parent = _item_parent(session, meeting, data)
        last = session.scalar(sa.select(sa.func.max(AgendaItem.position)).where(
            AgendaItem.parent_id == parent.id)) or 0
        item = AgendaItem(province_code=meeting.province_code, meeting_id=meeting.id,
                          parent_id=parent.id, section=parent.section, position=last + 1,
                          title=data.title.strip(), presenter=clean(data.presenter),
                          duration_minutes=data.duration_minutes, notes=clean(data.notes),
                          project_id=data.project_id)
        session.add(item)
        session.flush()
        return item.id


def update_agenda_item(store: Store, item_id: str, data: AgendaItemData,
                       author: str | None = None) -> None:
    """Title, presenter, duration, notes and linked project (the section stays)."""
    errors = Errors()
    errors.text("title", data.title, required=True, max_len=500)
    errors.text("presenter", data.presenter, max_len=300)
    errors.count("duration_minutes", data.duration_minutes)
    errors.raise_if_any()
    with store.action(f"แก้ไขระเบียบวาระ {data.title.strip()}", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        _guard_minutes(session.get(Meeting, item.meeting_id))
        _check_project(session, data.project_id)
        item.title = data.title.strip()
        item.presenter = clean(data.presenter)
        item.duration_minutes = data.duration_minutes
        item.notes = clean(data.notes)
        item.project_id = data.project_id


def remove_agenda_item(store: Store, item_id: str, author: str | None = None) -> None:
    with store.action("ลบระเบียบวาระ", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        _guard_minutes(session.get(Meeting, item.meeting_id))
        now = utcnow()
        item.deleted_at = now
        for child in session.scalars(sa.select(AgendaItem).where(
                AgendaItem.parent_id == item.id, AgendaItem.deleted_at.is_(None))):
            child.deleted_at = now


# --- recording in the room -----------------------------------------------------------------


def record_times(store: Store, meeting_id: str, *, started_at: Any = KEEP,
                 ended_at: Any = KEEP, author: str | None = None) -> None:
    """เริ่มประชุมเวลา / เลิกประชุมเวลา. Starting a planned meeting makes it held."""
    with store.action("บันทึกเวลาประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        _guard_minutes(meeting)
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


def _person_name(session: Session, person_id: str | None) -> str | None:
    if not person_id:
        return None
    person = session.get(Person, person_id)
    return person.full_name if person is not None else None


def _org_name(session: Session, organization_id: str | None) -> str | None:
    if not organization_id:
        return None
    return get_live(session, Organization, organization_id, "organization").name


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
        _guard_minutes(meeting)
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
    province = require_province(store)
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
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        _guard_minutes(meeting)
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
        _guard_minutes(session.get(Meeting, row.meeting_id))
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


def _present_count(session: Session, meeting_id: str) -> int:
    return session.scalar(
        sa.select(sa.func.count()).select_from(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.deleted_at.is_(None),
            Attendance.status.in_(IN_ROOM))) or 0


def record_item_minutes(store: Store, item_id: str, *, minutes_text: Any = KEEP,
                        resolution: Any = KEEP, notes: Any = KEEP,
                        author: str | None = None) -> None:
    """The minutes of one agenda item and its resolution (มติ). Writing minutes of a held
    meeting makes its minutes a draft."""
    errors = Errors()
    for name, value in (("minutes_text", minutes_text), ("resolution", resolution),
                        ("notes", notes)):
        if value is not KEEP:
            errors.text(name, value, max_len=20000)
    errors.raise_if_any()
    with store.action("บันทึกรายงานการประชุม", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        meeting = session.get(Meeting, item.meeting_id)
        _guard_minutes(meeting)
        if minutes_text is not KEEP:
            item.minutes_text = clean(minutes_text)
        if resolution is not KEEP:
            item.resolution = clean(resolution)
        if notes is not KEEP:
            item.notes = clean(notes)
        if meeting.status is MeetingStatus.HELD and (
                minutes_text is not KEEP or resolution is not KEEP):
            meeting.status = MeetingStatus.MINUTES_DRAFT


def record_vote(store: Store, item_id: str, votes_for: int, votes_against: int,
                abstentions: int = 0, question: str | None = None,
                author: str | None = None) -> str:
    """The count of a vote on an agenda item (one vote per item; recording again
    corrects it). The total cannot be more than the people in the room."""
    errors = Errors()
    for name, value in (("votes", votes_for), ("votes", votes_against),
                        ("votes", abstentions)):
        errors.count(name, value)
    errors.text("question", question, max_len=500)
    errors.raise_if_any()
    with store.action("บันทึกผลการลงคะแนน", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        meeting = session.get(Meeting, item.meeting_id)
        _guard_minutes(meeting)
        present = _present_count(session, meeting.id)
        total = votes_for + votes_against + abstentions
        if total > present:
            raise ServiceError("vote_above_present", "votes", total=total, present=present)
        vote = session.scalar(sa.select(Vote).where(
            Vote.agenda_item_id == item.id, Vote.deleted_at.is_(None)).limit(1))
        if vote is None:
            vote = Vote(province_code=meeting.province_code, meeting_id=meeting.id,
                        agenda_item_id=item.id)
            session.add(vote)
        vote.votes_for, vote.votes_against, vote.abstentions = (
            votes_for, votes_against, abstentions)
        vote.question = clean(question)
        if meeting.status is MeetingStatus.HELD:
            meeting.status = MeetingStatus.MINUTES_DRAFT
        session.flush()
        return vote.id


def remove_vote(store: Store, item_id: str, author: str | None = None) -> None:
    with store.action("ลบผลการลงคะแนน", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        _guard_minutes(session.get(Meeting, item.meeting_id))
        for vote in session.scalars(sa.select(Vote).where(
                Vote.agenda_item_id == item.id, Vote.deleted_at.is_(None))):
            vote.deleted_at = utcnow()


# --- the minutes' lifecycle ------------------------------------------------------------------


def certify_minutes(store: Store, meeting_id: str, *, in_meeting_id: str | None = None,
                    on: dt.date | None = None, author: str | None = None) -> None:
    """Minutes are certified at the next meeting (under its item 2: say which) or by
    circulation (say when). A meeting never held has no minutes to certify."""
    if (in_meeting_id is None) == (on is None):
        raise ServiceError("certify_how")
    with store.action("รับรองรายงานการประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            raise ServiceError("certify_not_held")
        if meeting.status in (MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED):
            raise ServiceError("already_certified")
        if in_meeting_id is not None:
            later = get_live(session, Meeting, in_meeting_id, "meeting")
            if later.id == meeting.id or later.starts_at <= meeting.starts_at:
                raise ServiceError("certify_meeting_order")
            meeting.certified_in_meeting_id = later.id
            meeting.certified_on = local_date(later.started_at or later.starts_at)
            _note_certification(session, meeting, later)
        else:
            meeting.certified_in_meeting_id = None
            meeting.certified_on = on
        meeting.status = MeetingStatus.MINUTES_CERTIFIED


def _note_certification(session: Session, meeting: Meeting, later: Meeting) -> None:
    """Write the certification into the later meeting's item 2, unless it says something."""
    if later.status in (MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED):
        return
    head = session.scalar(sa.select(AgendaItem).where(
        AgendaItem.meeting_id == later.id, AgendaItem.section == 2,
        AgendaItem.parent_id.is_(None), AgendaItem.deleted_at.is_(None)).limit(1))
    if head is not None and not head.resolution:
        ref = number_text(meeting)
        head.resolution = f"ที่ประชุมรับรองรายงานการประชุม{' ครั้งที่ ' + ref if ref else ''}"
    if later.previous_meeting_id is None:
        later.previous_meeting_id = meeting.id


def _snapshot(session: Session, meeting: Meeting) -> dict[str, Any]:
    """The minutes as they read now: what a locked version keeps."""
    detail = _detail(session, meeting)
    return {
        "number": detail.number_text, "title": detail.title,
        "starts_at": detail.starts_at.isoformat(),
        "started_at": detail.started_at.isoformat() if detail.started_at else None,
        "ended_at": detail.ended_at.isoformat() if detail.ended_at else None,
        "place": detail.place, "chair": detail.chair_name,
        "minute_taker": detail.minute_taker_name, "reviewer": detail.reviewer_name,
        "certified_on": detail.certified_on.isoformat() if detail.certified_on else None,
        "certified_in": detail.certified_in_number,
        "items": [
            {"id": i.id, "number": i.number, "title": i.title, "minutes_text": i.minutes_text,
             "resolution": i.resolution,
             "vote": dataclasses.asdict(i.vote) if i.vote else None}
            for i in detail.agenda
        ],
        "attendance": [
            {"name": a.person_name, "status": a.status, "organization": a.organization_name,
             "position": a.position, "substitute_for": a.substitute_for_name,
             "reason": a.reason}
            for a in detail.attendance
        ],
    }


def lock_minutes(store: Store, meeting_id: str, author: str | None = None) -> int:
    """Lock certified minutes: they are kept as version n and no longer edited in place."""
    with store.action("ล็อกรายงานการประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status is MeetingStatus.LOCKED:
            raise ServiceError("minutes_locked")
        if not meeting.minute_taker_id:
            raise ServiceError("lock_needs_minute_taker", "minute_taker_id")
        if meeting.status is not MeetingStatus.MINUTES_CERTIFIED:
            raise ServiceError("lock_needs_certified")
        meeting.status = MeetingStatus.LOCKED
        session.add(MinutesVersion(province_code=meeting.province_code, meeting_id=meeting.id,
                                   version=meeting.minutes_version,
                                   snapshot=_snapshot(session, meeting), locked_at=utcnow()))
        return meeting.minutes_version


@dataclass
class ItemCorrection:
    item_id: str
    minutes_text: Any = KEEP
    resolution: Any = KEEP


def amend_minutes(store: Store, meeting_id: str, corrections: list[ItemCorrection],
                  reason: str, author: str | None = None) -> int:
    """Correct locked minutes: the corrections make version n+1, kept beside the earlier
    versions (which are never changed). Returns the new version number."""
    errors = Errors()
    errors.text("reason", reason, required=True, max_len=2000)
    errors.raise_if_any()
    with store.action("แก้ไขรายงานการประชุม (ฉบับใหม่)", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status is not MeetingStatus.LOCKED:
            raise ServiceError("amend_needs_locked")
        kept = session.scalar(sa.select(MinutesVersion.id).where(
            MinutesVersion.meeting_id == meeting.id, MinutesVersion.deleted_at.is_(None),
            MinutesVersion.version == meeting.minutes_version).limit(1))
        if kept is None:  # locked elsewhere (demo data, an older copy): keep it as it reads
            session.add(MinutesVersion(province_code=meeting.province_code,
                                       meeting_id=meeting.id, version=meeting.minutes_version,
                                       snapshot=_snapshot(session, meeting), locked_at=utcnow()))
        for c in corrections:
            item = get_live(session, AgendaItem, c.item_id, "agenda_item")
            if item.meeting_id != meeting.id:
                raise ServiceError("wrong_meeting")
            if c.minutes_text is not KEEP:
                item.minutes_text = clean(c.minutes_text)
            if c.resolution is not KEEP:
                item.resolution = clean(c.resolution)
        session.flush()
        meeting.minutes_version += 1
        session.add(MinutesVersion(province_code=meeting.province_code, meeting_id=meeting.id,
                                   version=meeting.minutes_version,
                                   snapshot=_snapshot(session, meeting),
                                   reason=reason.strip(), locked_at=utcnow()))
        return meeting.minutes_version


@dataclass
class MinutesVersionRow:
    id: str
    version: int
    locked_at: dt.datetime
    reason: str | None
    snapshot: dict


def minutes_versions(store: Store, meeting_id: str) -> list[MinutesVersionRow]:
    """Every locked version, oldest first."""
    with store.read() as session:
        return [MinutesVersionRow(v.id, v.version, v.locked_at, v.reason, v.snapshot)
                for v in session.scalars(
                    sa.select(MinutesVersion)
                    .where(MinutesVersion.meeting_id == meeting_id,
                           MinutesVersion.deleted_at.is_(None))
                    .order_by(MinutesVersion.version))]


# --- reading ---------------------------------------------------------------------------------


@dataclass
class VoteRow:
    votes_for: int
    votes_against: int
    abstentions: int
    question: str | None = None


@dataclass
class AgendaRow:
    id: str
    parent_id: str | None
    section: int
    number: str  # "5", "5.1"
    depth: int
    title: str
    presenter: str | None
    duration_minutes: int | None
    notes: str | None
    minutes_text: str | None
    resolution: str | None
    project_id: str | None
    action_item_id: str | None
    vote: VoteRow | None


@dataclass
class AttendanceRow:
    id: str
    person_id: str | None
    person_name: str
    status: str
    organization_id: str | None
    organization_name: str | None
    position: str | None
    subdistrict_id: str | None
    gender: str | None
    reason: str | None
    substitute_for_id: str | None
    substitute_for_name: str | None
    signed_in_at: dt.datetime | None


@dataclass
class InviteeRow:
    id: str
    person_id: str | None
    organization_id: str | None
    name: str | None
    role: str | None


@dataclass
class ActionRow:
    id: str
    meeting_id: str
    meeting_number: str
    meeting_title: str
    title: str
    owner_person_id: str | None
    owner_name: str | None
    due_on: dt.date | None
    status: str
    project_id: str | None
    closed_at: dt.datetime | None = None
    closed_in_meeting_id: str | None = None
    closing_note: str | None = None
    overdue: bool = False


@dataclass
class MeetingDetail:
    id: str
    kind: str
    title: str
    organization_id: str | None
    body_name: str
    number: int | None
    number_year: int | None
    number_text: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    place: str | None
    subdistrict_id: str | None
    organiser: str | None
    chair_id: str | None
    chair_name: str | None
    secretary_id: str | None
    minute_taker_id: str | None
    minute_taker_name: str | None
    reviewer_id: str | None
    reviewer_name: str | None
    status: str
    previous_meeting_id: str | None
    previous_number: str | None
    certified_on: dt.date | None
    certified_in_meeting_id: str | None
    certified_in_number: str | None
    minutes_version: int
    notes: str | None
    cancel_reason: str | None = None
    agenda: list[AgendaRow] = field(default_factory=list)
    attendance: list[AttendanceRow] = field(default_factory=list)
    invitees: list[InviteeRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)

    @property
    def present_count(self) -> int:
        return sum(1 for a in self.attendance if a.status in IN_ROOM)

    @property
    def editable(self) -> bool:
        return self.status not in (MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED,
                                   MeetingStatus.CANCELLED)

    @property
    def cancellable(self) -> bool:
        return self.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED)


def _agenda_rows(session: Session, meeting_id: str) -> list[AgendaRow]:
    items = list(session.scalars(sa.select(AgendaItem).where(
        AgendaItem.meeting_id == meeting_id, AgendaItem.deleted_at.is_(None))))
    votes = {v.agenda_item_id: VoteRow(v.votes_for, v.votes_against, v.abstentions, v.question)
             for v in session.scalars(sa.select(Vote).where(
                 Vote.meeting_id == meeting_id, Vote.deleted_at.is_(None)))}
    children: dict[str | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for group in children.values():
        group.sort(key=lambda i: (i.section, i.position, i.created_at, i.id))
    out: list[AgendaRow] = []

    def walk(parent_id: str | None, prefix: str, depth: int) -> None:
        for k, item in enumerate(children.get(parent_id, []), start=1):
            number = str(item.section) if depth == 0 else f"{prefix}.{k}"
            out.append(AgendaRow(item.id, item.parent_id, item.section, number, depth,
                                 item.title, item.presenter, item.duration_minutes,
                                 item.notes, item.minutes_text, item.resolution,
                                 item.project_id, item.action_item_id, votes.get(item.id)))
            walk(item.id, number, depth + 1)

    walk(None, "", 0)
    return out


def action_row(item: ActionItem, meeting: Meeting, today: dt.date | None = None) -> ActionRow:
    today = today or dt.datetime.now(bangkok_tz()).date()
    return ActionRow(
        item.id, meeting.id, number_text(meeting), meeting.title, item.title,
        item.owner_person_id, item.owner_name, item.due_on, item.status.value,
        item.project_id, item.closed_at, item.closed_in_meeting_id, item.closing_note,
        overdue=item.status is ActionStatus.OPEN and item.due_on is not None
        and item.due_on < today)


def _detail(session: Session, meeting: Meeting) -> MeetingDetail:
    def ref(mid: str | None) -> str | None:
        other = session.get(Meeting, mid) if mid else None
        return number_text(other) if other is not None else None

    attendance = [
        AttendanceRow(a.id, a.person_id, a.person_name, a.status.value, a.organization_id,
                      a.organization_name, a.position, a.subdistrict_id,
                      a.gender.value if a.gender else None, a.reason, a.substitute_for_id,
                      a.substitute_for_name, a.signed_in_at)
        for a in session.scalars(
            sa.select(Attendance)
            .where(Attendance.meeting_id == meeting.id, Attendance.deleted_at.is_(None))
            .order_by(Attendance.created_at, Attendance.id))
    ]
    invitees = [InviteeRow(i.id, i.person_id, i.organization_id, i.name, i.role)
                for i in session.scalars(
                    sa.select(Invitee)
                    .where(Invitee.meeting_id == meeting.id, Invitee.deleted_at.is_(None))
                    .order_by(Invitee.created_at, Invitee.id))]
    actions = [action_row(a, meeting) for a in session.scalars(
        sa.select(ActionItem)
        .where(ActionItem.meeting_id == meeting.id, ActionItem.deleted_at.is_(None))
        .order_by(ActionItem.created_at, ActionItem.id))]
    return MeetingDetail(
        id=meeting.id, kind=meeting.kind.value, title=meeting.title,
        organization_id=meeting.organization_id,
        body_name=_body_name(session, meeting.kind, meeting.organization_id),
        number=meeting.number, number_year=meeting.number_year,
        number_text=number_text(meeting), starts_at=meeting.starts_at,
        ends_at=meeting.ends_at, started_at=meeting.started_at, ended_at=meeting.ended_at,
        place=meeting.place, subdistrict_id=meeting.subdistrict_id,
        organiser=meeting.organiser, chair_id=meeting.chair_id,
        chair_name=_person_name(session, meeting.chair_id),
        secretary_id=meeting.secretary_id, minute_taker_id=meeting.minute_taker_id,
        minute_taker_name=_person_name(session, meeting.minute_taker_id),
        reviewer_id=meeting.reviewer_id,
        reviewer_name=_person_name(session, meeting.reviewer_id),
        status=meeting.status.value, previous_meeting_id=meeting.previous_meeting_id,
        previous_number=ref(meeting.previous_meeting_id),
        certified_on=meeting.certified_on,
        certified_in_meeting_id=meeting.certified_in_meeting_id,
        certified_in_number=ref(meeting.certified_in_meeting_id),
        minutes_version=meeting.minutes_version, notes=meeting.notes,
        cancel_reason=meeting.cancel_reason,
        agenda=_agenda_rows(session, meeting.id), attendance=attendance,
        invitees=invitees, actions=actions,
    )


def get_meeting(store: Store, meeting_id: str) -> MeetingDetail:
    with store.read() as session:
        return _detail(session, get_live(session, Meeting, meeting_id, "meeting"))


def meeting_plan(store: Store, meeting_id: str) -> MeetingPlan:
    """The plan's heading as a form holds it (for editing)."""
    with store.read() as session:
        m = get_live(session, Meeting, meeting_id, "meeting")
        return MeetingPlan(
            kind=m.kind.value, starts_at=m.starts_at, ends_at=m.ends_at, title=m.title,
            organization_id=m.organization_id, number=m.number, place=m.place,
            subdistrict_id=m.subdistrict_id, organiser=m.organiser, chair_id=m.chair_id,
            secretary_id=m.secretary_id, minute_taker_id=m.minute_taker_id,
            reviewer_id=m.reviewer_id, notes=m.notes, invite_members=False)


@dataclass
class MeetingRow:
    id: str
    kind: str
    title: str
    number_text: str
    starts_at: dt.datetime
    place: str | None
    status: str
    organization_id: str | None


def list_meetings(store: Store, *, organization_id: str | None = None,
                  kind: str | None = None, limit: int = 500) -> list[MeetingRow]:
    """Newest first."""
    stmt = (sa.select(Meeting).where(Meeting.deleted_at.is_(None))
            .order_by(Meeting.starts_at.desc(), Meeting.id).limit(limit))
    if organization_id:
        stmt = stmt.where(Meeting.organization_id == organization_id)
    if kind:
        stmt = stmt.where(Meeting.kind == kind)
    with store.read() as session:
        return [MeetingRow(m.id, m.kind.value, m.title, number_text(m), m.starts_at, m.place,
                           m.status.value, m.organization_id) for m in session.scalars(stmt)]


# --- iCalendar -------------------------------------------------------------------------------


def _ics_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _ics_fold(line: str) -> str:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + one space;
    a UTF-8 character is never split."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + n > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def _ics_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(store: Store, meeting_id: str, *, now: dt.datetime | None = None) -> str:
    """The meeting as an iCalendar (RFC 5545) event, times in UTC, for a phone's calendar."""
    detail = get_meeting(store, meeting_id)
    ends = detail.ends_at or detail.starts_at + dt.timedelta(hours=3)
    number = f" ครั้งที่ {detail.number_text}" if detail.number_text else ""
    agenda = "\n".join(f"{'  ' * a.depth}{'ระเบียบวาระที่ ' if a.depth == 0 else ''}"
                       f"{a.number} {a.title}" for a in detail.agenda)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CODI//CODI Desktop//TH",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{detail.id}@codi-desktop",
        f"DTSTAMP:{_ics_time(now or utcnow())}",
        f"DTSTART:{_ics_time(detail.starts_at)}",
        f"DTEND:{_ics_time(ends)}",
        f"SUMMARY:{_ics_escape(detail.title + number)}",
    ]
    if detail.place:
        lines.append(f"LOCATION:{_ics_escape(detail.place)}")
    if agenda:
        lines.append(f"DESCRIPTION:{_ics_escape(agenda)}")
    lines.append("STATUS:CONFIRMED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(_ics_fold(line) + "\r\n" for line in lines)


def meeting_heading_text(detail: MeetingDetail) -> str:
    """ "ครั้งที่ 3/2569 วันพุธที่ ... เวลา 09.30 น." for lists and window titles."""
    number = f"ครั้งที่ {detail.number_text} " if detail.number_text else ""
    return f"{number}{thai_date(detail.starts_at)} {thai_time(detail.starts_at)}"
