"""The self-managing province assessment: the 10 criteria with the meaning of each level,
a province's assessment per fiscal year (draft → agreed → certified), the level and
evidence of each criterion, and the links from evidence to the records that prove it."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum
from .geography import PilotStatus


class AssessmentStatus(enum.StrEnum):
    DRAFT = "draft"  # ร่าง: province staff enter levels and evidence
    AGREED = "agreed"  # คณะกรรมการจังหวัดเห็นชอบ (linked to the meeting that agreed it)
    CERTIFIED = "certified"  # พอช. ส่วนกลางรับรอง (HQ)


class EvidenceKind(enum.StrEnum):
    MEETING = "meeting"  # การประชุม / สมัชชา
    PROPOSAL = "proposal"  # ข้อเสนอในแผนพัฒนาจังหวัด
    PROJECT = "project"
    ORGANIZATION = "organization"
    DOCUMENT = "document"  # เอกสาร (named by its title / number; no file here)


class Criterion(Synced, Base):
    """One of the 10 criteria of a self-managing province (national reference)."""

    __tablename__ = "criterion"
    __sync_scope__ = "national"

    number: Mapped[int] = mapped_column(unique=True)
    text_th: Mapped[str] = mapped_column(sa.Text)
    text_en: Mapped[str] = mapped_column(sa.Text)


class CriterionLevel(Synced, Base):
    """What level 0..4 means for one criterion (national reference HQ can revise)."""

    __tablename__ = "criterion_level"
    __sync_scope__ = "national"

    criterion_id: Mapped[str] = mapped_column(sa.ForeignKey("criterion.id"), index=True)
    level: Mapped[int]
    text_th: Mapped[str] = mapped_column(sa.Text)
    text_en: Mapped[str] = mapped_column(sa.Text, default="")

    __table_args__ = (sa.CheckConstraint("level BETWEEN 0 AND 4", name="level_range"),)


class Assessment(Synced, Base):
    """A province's assessment for one fiscal year, and its pilot / expansion status."""

    __tablename__ = "assessment"

    fiscal_year: Mapped[int]
    pilot_status: Mapped[PilotStatus] = mapped_column(
        str_enum(PilotStatus, "pilot_status"), default=PilotStatus.NONE
    )
    assessed_on: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[AssessmentStatus] = mapped_column(
        str_enum(AssessmentStatus, "assessment_status"), default=AssessmentStatus.DRAFT
    )
    assessors: Mapped[str | None] = mapped_column(sa.Text)  # ผู้ประเมิน, one name a line
    agreed_meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    agreed_on: Mapped[dt.date | None]
    certified_on: Mapped[dt.date | None]
    certified_by: Mapped[str | None] = mapped_column(sa.String(100))


class CriterionScore(Synced, Base):
    """The level reached on one criterion, with its evidence."""

    __tablename__ = "criterion_score"

    assessment_id: Mapped[str] = mapped_column(sa.ForeignKey("assessment.id"), index=True)
    criterion_id: Mapped[str] = mapped_column(sa.ForeignKey("criterion.id"))
    level: Mapped[int] = mapped_column(default=0)  # 0 (not yet) .. 4 (fully)
    evidence: Mapped[str | None] = mapped_column(sa.Text)
    meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    project_id: Mapped[str | None] = mapped_column(sa.ForeignKey("project.id"))

    __table_args__ = (sa.CheckConstraint("level BETWEEN 0 AND 4", name="level_range"),)


class EvidenceLink(Synced, Base):
    """A record that proves a criterion's level: a meeting, proposal, project,
    organization or document. ``suggested`` marks links the app suggested and the
    assessor accepted."""

    __tablename__ = "evidence_link"

    criterion_score_id: Mapped[str] = mapped_column(
        sa.ForeignKey("criterion_score.id"), index=True
    )
    kind: Mapped[EvidenceKind] = mapped_column(str_enum(EvidenceKind, "evidence_kind"))
    target_id: Mapped[str | None] = mapped_column(sa.String(36))
    label: Mapped[str] = mapped_column(sa.String(500))
    suggested: Mapped[bool] = mapped_column(default=False)
