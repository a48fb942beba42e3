"""The provincial development plan (criteria 2 and 4): issues, proposals, their
submissions to agencies and what became of them."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum


class ProposalKind(enum.StrEnum):
    DEVELOPMENT_PLAN = "development_plan"  # แผนพัฒนาจังหวัด (a plan item)
    POLICY_PROPOSAL = "policy_proposal"  # ข้อเสนอเชิงนโยบาย


class ProposalStatus(enum.StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"  # adopted by the assembly
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"  # included in the province's plan or policy
    DECLINED = "declined"


class Outcome(enum.StrEnum):
    PENDING = "pending"  # รอพิจารณา
    ACCEPTED = "accepted"  # บรรจุในแผน / นโยบาย
    DECLINED = "declined"  # ไม่รับ


class PlanIssue(Synced, Base):
    """ประเด็นปัญหา: an issue the province analysed (criterion 4)."""

    __tablename__ = "plan_issue"

    fiscal_year: Mapped[int] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(sa.String(500))
    analysis: Mapped[str | None] = mapped_column(sa.Text)
    meeting_id: Mapped[str | None] = mapped_column(sa.ForeignKey("meeting.id"))


class PlanProposal(Synced, Base):
    """A provincial development plan item or policy proposal."""

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
    issue_id: Mapped[str | None] = mapped_column(sa.ForeignKey("plan_issue.id"), index=True)
    # มติที่ประชุม that produced it (an agenda item of the assembly or a meeting)
    agenda_item_id: Mapped[str | None] = mapped_column(sa.ForeignKey("agenda_item.id"))


class ProposalSubmission(Synced, Base):
    """One submission of a proposal to an agency, and that agency's answer."""

    __tablename__ = "proposal_submission"

    proposal_id: Mapped[str] = mapped_column(sa.ForeignKey("plan_proposal.id"), index=True)
    agency: Mapped[str] = mapped_column(sa.String(300))
    submitted_on: Mapped[dt.date]
    outcome: Mapped[Outcome] = mapped_column(
        str_enum(Outcome, "submission_outcome"), default=Outcome.PENDING
    )
    decided_on: Mapped[dt.date | None]
    reason: Mapped[str | None] = mapped_column(sa.Text)

    __table_args__ = (
        sa.CheckConstraint(
            "decided_on IS NULL OR decided_on >= submitted_on", name="dates"
        ),
    )
