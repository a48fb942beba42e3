"""Planning a meeting: the plan and its rules (body, date, place; the number of its body
and year within the province), the agenda it starts with, its invitees; editing,
cancelling and copying a plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import be_year, thai_date
from codi_core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Organization,
    Person,
    new_id,
    utcnow,
)
from codi_core.rules.numbering import body_conditions, highest_number, next_number, number_holder
from codi_core.rules.planning import PLAN_FIELDS, plan_violations
from codi_desktop.store.database import Store

from .._common import (
    Errors,
    check_subdistrict,
    clean,
    get_live,
    record_province,
    require_province,
)
from .common import (
    KIND_NAMES,
    as_utc,
    guard_minutes,
    local_date,
    number_text,
)
from .template import (
    TemplateSection,
    agenda_template,
)


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


def validate_new_plan(plan: MeetingPlan) -> dict[str, ServiceError]:
    """What planning needs, all reasons at once: the body that meets (for kinds that meet
    as an organization), the date and the place; plus the checks of ``validate_plan``."""
    errors = Errors(validate_plan(plan))
    errors.add_violations(plan_violations(_plan_row(plan)))
    return errors


def _plan_row(plan: MeetingPlan) -> dict[str, Any]:
    """The fields of the plan the rule book's ``plan_violations`` reads."""
    try:
        kind = MeetingKind(plan.kind)
    except ValueError:
        kind = None  # validate_plan says so
    return {"kind": kind, "organization_id": plan.organization_id,
            "starts_at": plan.starts_at, "place": clean(plan.place)}


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
    with store.action("แก้ไขรายละเอียดการประชุม", author) as session:
        province = record_province(store, session, Meeting, meeting_id)
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        if plan.number is None:
            plan = dataclasses.replace(plan, number=meeting.number)
            if be_year(as_utc(plan.starts_at)) != meeting.number_year or (
                    plan.organization_id != meeting.organization_id):
                plan.number = None
        values = _meeting_values(session, province, plan, exclude_id=meeting.id)
        # An edit may not leave a gap the plan rule forbids (one kept from before the
        # rule stays until someone edits that field).
        errors = Errors()
        errors.add_violations(plan_violations(values, written={
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
        guard_minutes(meeting)
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
        guard_minutes(session.get(Meeting, invitee.meeting_id))
        invitee.deleted_at = utcnow()


def mark_invited(store: Store, meeting_id: str, author: str | None = None) -> None:
    with store.action("ส่งหนังสือเชิญประชุม", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status is MeetingStatus.PLANNED:
            meeting.status = MeetingStatus.INVITED
