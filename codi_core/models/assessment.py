"""The self-managing province assessment: the 10 criteria, scores and plan proposals."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum
from .geography import PilotStatus


class ProposalKind(enum.StrEnum):
    DEVELOPMENT_PLAN = "development_plan"  # แผนพัฒนาจังหวัด
    POLICY_PROPOSAL = "policy_proposal"  # ข้อเสนอเชิงนโยบาย


class ProposalStatus(enum.StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"  # adopted by the assembly
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"  # included in the province's plan
    DECLINED = "declined"


class Criterion(Synced, Base):
    """One of the 10 criteria of a self-managing province (national reference)."""

    __tablename__ = "criterion"
    __sync_scope__ = "national"

    number: Mapped[int] = mapped_column(unique=True)
    text_th: Mapped[str] = mapped_column(sa.Text)
    text_en: Mapped[str] = mapped_column(sa.Text)


class Assessment(Synced, Base):
    """A province's self-assessment for one fiscal year."""

    __tablename__ = "assessment"

    fiscal_year: Mapped[int]
    pilot_status: Mapped[PilotStatus] = mapped_column(
        str_enum(PilotStatus, "pilot_status"), default=PilotStatus.NONE
    )
    assessed_on: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)


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


class PlanProposal(Synced, Base):
    """A provincial development plan or policy proposal, and where it was submitted."""

    __tablename__ = "plan_proposal"

    fiscal_year: Mapped[int]
    kind: Mapped[ProposalKind] = mapped_column(str_enum(ProposalKind, "proposal_kind"))
    title: Mapped[str] = mapped_column(sa.String(500))
    description: Mapped[str | None] = mapped_column(sa.Text)
    status: Mapped[ProposalStatus] = mapped_column(
        str_enum(ProposalStatus, "proposal_status"), default=ProposalStatus.DRAFT
    )
    meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))
    submitted_to: Mapped[str | None] = mapped_column(sa.String(300))
    submitted_on: Mapped[dt.date | None]
