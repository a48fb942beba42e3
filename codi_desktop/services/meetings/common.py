"""What the meeting services share: the words of kinds and statuses, who is in the room,
the KEEP marker, times, and the minutes guard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_tz, to_bangkok
from codi_core.labels import COMMITTEE_ROLE_TITLES, LABELS
from codi_core.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    Person,
)
from codi_core.rules.minutes import minutes_violation

from .._common import get_live

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


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Stored times are UTC; a naive time typed on screen is Bangkok time."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=bangkok_tz())
    return value.astimezone(dt.UTC)


def local_date(value: dt.datetime) -> dt.date:
    return to_bangkok(value).date()


def number_text(meeting: Meeting) -> str:
    if meeting.number and meeting.number_year:
        return f"{meeting.number}/{meeting.number_year}"
    return ""


def guard_minutes(meeting: Meeting) -> None:
    """Certified and locked minutes are not edited in place (the rule book's
    ``minutes_violation``; the server holds the lock with the same rule)."""
    problem = minutes_violation(meeting.status)
    if problem is not None:
        raise ServiceError(problem.code)


def _person_name(session: Session, person_id: str | None) -> str | None:
    if not person_id:
        return None
    person = session.get(Person, person_id)
    return person.full_name if person is not None else None


def _org_name(session: Session, organization_id: str | None) -> str | None:
    if not organization_id:
        return None
    return get_live(session, Organization, organization_id, "organization").name


def _present_count(session: Session, meeting_id: str) -> int:
    return session.scalar(
        sa.select(sa.func.count()).select_from(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.deleted_at.is_(None),
            Attendance.status.in_(IN_ROOM))) or 0
