"""Reading meetings: one meeting's detail (agenda, attendance, invitees, actions) and
the list of meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.formatting import bangkok_today
from codi_core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Invitee,
    Meeting,
    MeetingStatus,
    Vote,
)
from codi_desktop.store.database import Store

from .._common import get_live
from .common import (
    IN_ROOM,
    _person_name,
    number_text,
)
from .planning import (
    MeetingPlan,
    _body_name,
)


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
    today = today or bangkok_today()
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
