"""Read-only summaries the pages show: a meeting at a glance (the meetings list's
detail) and this device's latest change sets (the settings page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.models import Meeting, Organization
from codi_desktop.store.database import Store


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    title: str
    kind: str
    status: str
    number: int | None
    number_year: int | None
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str | None
    organization: str | None
    agenda: list[tuple[int, str, str | None]]  # (section, title, resolution)
    present: int
    absent: int
    open_actions: int


def meeting_summary(store: Store, meeting_id: str) -> MeetingSummary | None:
    from codi_core.models import ActionItem, AgendaItem, Attendance, AttendanceStatus

    with store.read() as s:
        m = s.get(Meeting, meeting_id)
        if m is None or m.deleted_at is not None:
            return None
        org = s.get(Organization, m.organization_id) if m.organization_id else None
        agenda = [
            (a.section, a.title, a.resolution)
            for a in s.scalars(
                sa.select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting_id, AgendaItem.deleted_at.is_(None))
                .order_by(AgendaItem.section, AgendaItem.position)
            )
        ]
        counts = dict(
            s.execute(
                sa.select(Attendance.status, sa.func.count())
                .where(Attendance.meeting_id == meeting_id, Attendance.deleted_at.is_(None))
                .group_by(Attendance.status)
            ).all()
        )
        open_actions = s.scalar(
            sa.select(sa.func.count()).where(
                ActionItem.meeting_id == meeting_id,
                ActionItem.deleted_at.is_(None),
                ActionItem.status == "open",
            )
        )
        present = sum(
            n for k, n in counts.items()
            if k in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        )
        return MeetingSummary(
            m.id, m.title, m.kind.value, m.status.value, m.number, m.number_year, m.starts_at,
            m.ends_at, m.place, org.name if org else None, agenda, present,
            counts.get(AttendanceStatus.ABSENT, 0), int(open_actions or 0),
        )


def recent_change_sets(store: Store, limit: int = 200) -> list[tuple]:
    """(created_at, author, summary, status) of this device's latest change sets."""
    from codi_core.models import ChangeSet

    with store.read() as s:
        rows = s.execute(
            sa.select(ChangeSet.created_at, ChangeSet.author, ChangeSet.summary, ChangeSet.status)
            .order_by(ChangeSet.device_seq.desc())
            .limit(limit)
        )
        return [(a, b, c, str(getattr(d, "value", d))) for a, b, c, d in rows]
