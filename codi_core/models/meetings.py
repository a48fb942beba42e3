"""Meetings and assemblies: agenda, invitees, attendance, votes and action items."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, UTCDateTime, str_enum
from .community import Gender


class MeetingKind(enum.StrEnum):
    PROVINCIAL_COMMITTEE = "provincial_committee"  # คณะกรรมการขบวนองค์กรชุมชนจังหวัด
    CLUSTER = "cluster"  # ประชุมกลุ่มจังหวัด
    TAMBON_COUNCIL = "tambon_council"  # สภาองค์กรชุมชนตำบล
    WORKING_GROUP = "working_group"  # คณะทำงาน
    PARTNER_CONSULTATION = "partner_consultation"  # หารือภาคี
    PROVINCIAL_ASSEMBLY = "provincial_assembly"  # สมัชชาจังหวัด


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    INVITED = "invited"
    HELD = "held"
    MINUTES_DRAFT = "minutes_draft"
    MINUTES_CERTIFIED = "minutes_certified"
    LOCKED = "locked"
    CANCELLED = "cancelled"  # a planned meeting called off; it keeps its number


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"  # ผู้มาประชุม
    ABSENT = "absent"  # ผู้ไม่มาประชุม
    SUBSTITUTE = "substitute"  # มาประชุมแทน
    ATTENDEE = "attendee"  # ผู้เข้าร่วมประชุม (not a member)


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class Meeting(Synced, Base):
    """การประชุม of a body (an organization such as a committee or council)."""

    __tablename__ = "meeting"

    kind: Mapped[MeetingKind] = mapped_column(str_enum(MeetingKind, "meeting_kind"))
    title: Mapped[str] = mapped_column(sa.String(500))
    organization_id: Mapped[str | None] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    number: Mapped[int | None]  # ครั้งที่ n
    number_year: Mapped[int | None]  # /BE year
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # เริ่มประชุมเวลา
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # เลิกประชุมเวลา
    place: Mapped[str | None] = mapped_column(sa.String(500))
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"), index=True)
    organiser: Mapped[str | None] = mapped_column(sa.String(300))
    chair_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"))
    secretary_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"))
    minute_taker_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"))
    reviewer_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"))
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    previous_meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    certified_on: Mapped[dt.date | None]
    certified_in_meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    minutes_version: Mapped[int] = mapped_column(default=1)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    cancel_reason: Mapped[str | None] = mapped_column(sa.Text)  # why it was called off

    __table_args__ = (
        sa.CheckConstraint("ends_at IS NULL OR ends_at >= starts_at", name="planned_times"),
        sa.CheckConstraint(
            "ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at", name="held_times"
        ),
    )


class AgendaItem(Synced, Base):
    """ระเบียบวาระ: an item in one of the six standard sections, possibly a sub-item."""

    __tablename__ = "agenda_item"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    parent_id: Mapped[str | None] = mapped_column(sa.ForeignKey("agenda_item.id"))
    section: Mapped[int]  # 1..6 of the standard template
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(500))
    presenter: Mapped[str | None] = mapped_column(sa.String(300))
    duration_minutes: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    minutes_text: Mapped[str | None] = mapped_column(sa.Text)
    resolution: Mapped[str | None] = mapped_column(sa.Text)  # มติที่ประชุม
    project_id: Mapped[str | None] = mapped_column(sa.ForeignKey("project.id"))
    action_item_id: Mapped[str | None] = mapped_column(sa.String(36))  # เรื่องสืบเนื่อง source

    __table_args__ = (
        sa.CheckConstraint("section BETWEEN 1 AND 6", name="section_range"),
        sa.CheckConstraint("duration_minutes IS NULL OR duration_minutes >= 0", name="duration"),
    )


class Invitee(Synced, Base):
    """A person or organization invited to a meeting."""

    __tablename__ = "invitee"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(sa.ForeignKey("organization.id"))
    name: Mapped[str | None] = mapped_column(sa.String(300))
    role: Mapped[str | None] = mapped_column(sa.String(100))  # member / observer / presenter


class Attendance(Synced, Base):
    """Who came (or did not), with walk-ins kept by name and organization."""

    __tablename__ = "attendance"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    person_name: Mapped[str] = mapped_column(sa.String(300))
    organization_name: Mapped[str | None] = mapped_column(sa.String(300))
    organization_id: Mapped[str | None] = mapped_column(sa.ForeignKey("organization.id"))
    position: Mapped[str | None] = mapped_column(sa.String(200))
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"))
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "gender"))
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus, "attendance_status"), default=AttendanceStatus.PRESENT
    )
    reason: Mapped[str | None] = mapped_column(sa.String(500))  # why absent
    substitute_for_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"))
    substitute_for_name: Mapped[str | None] = mapped_column(sa.String(300))
    signed_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Vote(Synced, Base):
    """The count of a vote on an agenda item."""

    __tablename__ = "vote"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[str] = mapped_column(sa.ForeignKey("agenda_item.id"), index=True)
    question: Mapped[str | None] = mapped_column(sa.String(500))
    votes_for: Mapped[int] = mapped_column(default=0)
    votes_against: Mapped[int] = mapped_column(default=0)
    abstentions: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        sa.CheckConstraint(
            "votes_for >= 0 AND votes_against >= 0 AND abstentions >= 0", name="counts_nonneg"
        ),
    )


class ActionItem(Synced, Base):
    """การติดตามงาน: what someone agreed to do, by when; open items flow to the next meeting."""

    __tablename__ = "action_item"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(sa.ForeignKey("agenda_item.id"))
    title: Mapped[str] = mapped_column(sa.String(500))
    owner_person_id: Mapped[str | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    owner_name: Mapped[str | None] = mapped_column(sa.String(300))
    due_on: Mapped[dt.date | None]
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    project_id: Mapped[str | None] = mapped_column(sa.ForeignKey("project.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_in_meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    closing_note: Mapped[str | None] = mapped_column(sa.Text)


class MinutesVersion(Synced, Base):
    """A locked version of a meeting's minutes, kept whole: a correction after locking is a
    new version, and every earlier one stays readable exactly as it was certified."""

    __tablename__ = "minutes_version"

    meeting_id: Mapped[str] = mapped_column(sa.ForeignKey("meeting.id"), index=True)
    version: Mapped[int]
    snapshot: Mapped[dict] = mapped_column(sa.JSON)  # the minutes as they read when locked
    reason: Mapped[str | None] = mapped_column(sa.Text)  # why this correction was made
    locked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = (sa.CheckConstraint("version >= 1", name="version_positive"),)
