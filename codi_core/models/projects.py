"""Programs, projects with their indicators, and the append-only budget ledger."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum


class ProjectStatus(enum.StrEnum):
    PROPOSED = "proposed"  # เสนอโครงการ
    APPROVED = "approved"  # อนุมัติ
    IN_PROGRESS = "in_progress"  # ดำเนินการ
    COMPLETED = "completed"  # แล้วเสร็จ
    CANCELLED = "cancelled"  # ยกเลิก


class FundingType(enum.StrEnum):
    SUBSIDY = "subsidy"  # เงินอุดหนุน
    LOAN = "loan"  # สินเชื่อ


class LedgerKind(enum.StrEnum):
    ALLOCATION = "allocation"  # จัดสรรงบประมาณ (HQ → province, per program and FY)
    APPROVAL = "approval"  # อนุมัติโครงการ (approved amount)
    DISBURSEMENT = "disbursement"  # เบิกจ่าย (a tranche)
    EXPENDITURE = "expenditure"  # รายงานการใช้จ่าย
    REFUND = "refund"  # คืนเงิน
    REVERSAL = "reversal"  # รายการกลับบัญชี


class Program(Synced, Base):
    """แผนงาน: a CODI program such as บ้านมั่นคง (national reference)."""

    __tablename__ = "program"
    __sync_scope__ = "national"

    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_th: Mapped[str] = mapped_column(sa.String(300))
    name_en: Mapped[str] = mapped_column(sa.String(300))
    sort_order: Mapped[int] = mapped_column(default=0)


class Project(Synced, Base):
    """โครงการ of a program in a fiscal year (BE)."""

    __tablename__ = "project"

    code: Mapped[str] = mapped_column(sa.String(60), index=True)
    name: Mapped[str] = mapped_column(sa.String(500))
    program_id: Mapped[str] = mapped_column(sa.ForeignKey("program.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(index=True)
    organization_id: Mapped[str | None] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    community_id: Mapped[str | None] = mapped_column(sa.ForeignKey("community.id"), index=True)
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(sa.ForeignKey("district.id"), index=True)
    status: Mapped[ProjectStatus] = mapped_column(
        str_enum(ProjectStatus, "project_status"), default=ProjectStatus.PROPOSED
    )
    funding_type: Mapped[FundingType] = mapped_column(
        str_enum(FundingType, "funding_type"), default=FundingType.SUBSIDY
    )
    households: Mapped[int | None]
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    description: Mapped[str | None] = mapped_column(sa.Text)

    __table_args__ = (
        sa.CheckConstraint("fiscal_year BETWEEN 2500 AND 2700", name="fiscal_year_be"),
        sa.CheckConstraint("households IS NULL OR households >= 0", name="households_nonneg"),
        sa.CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"
        ),
    )


class Indicator(Synced, Base):
    """ตัวชี้วัด of a project: a target and what was actually achieved."""

    __tablename__ = "indicator"

    project_id: Mapped[str] = mapped_column(sa.ForeignKey("project.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    unit: Mapped[str | None] = mapped_column(sa.String(60))
    target: Mapped[int | None]
    actual: Mapped[int | None]


class ProjectTarget(Synced, Base):
    """One more organization, target community or tambon of a project (a project may
    have several of each; exactly one of the three is set)."""

    __tablename__ = "project_target"

    project_id: Mapped[str] = mapped_column(sa.ForeignKey("project.id"), index=True)
    organization_id: Mapped[str | None] = mapped_column(sa.ForeignKey("organization.id"))
    community_id: Mapped[str | None] = mapped_column(sa.ForeignKey("community.id"))
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"))

    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN community_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN subdistrict_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )


class ProvinceIndicator(Synced, Base):
    """ตัวชี้วัดการพัฒนาจังหวัด: a province-level development indicator of a fiscal year."""

    __tablename__ = "province_indicator"

    fiscal_year: Mapped[int] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    unit: Mapped[str | None] = mapped_column(sa.String(60))
    baseline: Mapped[int | None]
    target: Mapped[int | None]
    actual: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(sa.Text)


class LedgerEntry(Synced, Base):
    """One entry of the budget ledger. Insert-only: a mistake is fixed by a reversal.

    ``amount_satang`` is always positive; the kind says which way it counts. A reversal
    names the entry it cancels in ``reverses_id`` and carries that entry's amount.
    """

    __tablename__ = "ledger_entry"
    __ledger__ = True

    kind: Mapped[LedgerKind] = mapped_column(str_enum(LedgerKind, "ledger_kind"))
    fiscal_year: Mapped[int] = mapped_column(index=True)
    program_id: Mapped[str] = mapped_column(sa.ForeignKey("program.id"), index=True)
    project_id: Mapped[str | None] = mapped_column(sa.ForeignKey("project.id"), index=True)
    amount_satang: Mapped[int] = mapped_column(sa.BigInteger)
    tranche_no: Mapped[int | None]
    entry_date: Mapped[dt.date]
    reverses_id: Mapped[str | None] = mapped_column(sa.ForeignKey("ledger_entry.id"), index=True)
    reference: Mapped[str | None] = mapped_column(sa.String(100))  # เลขที่เอกสาร
    note: Mapped[str | None] = mapped_column(sa.Text)
    recorded_by: Mapped[str | None] = mapped_column(sa.String(100))

    __table_args__ = (
        sa.CheckConstraint("amount_satang > 0", name="amount_positive"),
        sa.CheckConstraint("fiscal_year BETWEEN 2500 AND 2700", name="fiscal_year_be"),
        sa.CheckConstraint(
            "(kind = 'allocation') OR project_id IS NOT NULL OR kind = 'reversal'",
            name="project_required",
        ),
        sa.CheckConstraint(
            "(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_target"
        ),
    )
