"""The minutes' lifecycle: certified at the next meeting or by circulation, locked as a
kept version, and amended only as a new version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    MinutesVersion,
    utcnow,
)
from codi_desktop.store.database import Store

from .._common import Errors, clean, get_live
from .common import (
    KEEP,
    local_date,
    number_text,
)
from .reading import (
    _detail,
)


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
