"""Communities, community organizations, people and their memberships (province scope)."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum


class CommunityKind(enum.StrEnum):
    VILLAGE = "village"  # ชุมชนหมู่บ้าน (ชนบท)
    URBAN = "urban"  # ชุมชนเมือง
    CANAL_SIDE = "canal_side"  # ชุมชนริมคลอง
    COASTAL = "coastal"  # ชุมชนชายฝั่ง
    FOREST = "forest"  # ชุมชนในเขตป่า
    RAILWAY = "railway"  # ชุมชนริมทางรถไฟ
    OTHER = "other"


class OrganizationKind(enum.StrEnum):
    TAMBON_COUNCIL = "tambon_council"  # สภาองค์กรชุมชนตำบล
    WELFARE_FUND = "welfare_fund"  # กองทุนสวัสดิการชุมชน
    SAVINGS_GROUP = "savings_group"  # กลุ่มออมทรัพย์
    COOPERATIVE = "cooperative"  # สหกรณ์ (เคหสถาน)
    NETWORK = "network"  # เครือข่าย
    COMMITTEE = "committee"  # คณะกรรมการ / คณะทำงาน (a body that meets)
    COMMUNITY_ORG = "community_org"  # องค์กรชุมชน
    PARTNER = "partner"  # ภาคี / หน่วยงานภาคี


class Sector(enum.StrEnum):
    LOCAL_GOVERNMENT = "local_government"  # อปท.
    GOVERNMENT = "government"  # ส่วนราชการ
    CIVIL_SOCIETY = "civil_society"  # ภาคประชาสังคม
    PRIVATE = "private"  # ภาคเอกชน
    ACADEMIC = "academic"  # สถาบันการศึกษา
    COMMUNITY = "community"  # ขบวนองค์กรชุมชน


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class MembershipRole(enum.StrEnum):
    MEMBER = "member"  # สมาชิก
    COMMITTEE = "committee"  # กรรมการ
    CHAIR = "chair"  # ประธาน
    VICE_CHAIR = "vice_chair"  # รองประธาน
    SECRETARY = "secretary"  # เลขานุการ
    TREASURER = "treasurer"  # เหรัญญิก
    COORDINATOR = "coordinator"  # ผู้ประสานงาน
    ADVISOR = "advisor"  # ที่ปรึกษา


class Community(Synced, Base):
    """ชุมชน."""

    __tablename__ = "community"

    name: Mapped[str] = mapped_column(sa.String(300))
    kind: Mapped[CommunityKind] = mapped_column(
        str_enum(CommunityKind, "community_kind"), default=CommunityKind.VILLAGE
    )
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(sa.ForeignKey("district.id"), index=True)
    moo: Mapped[int | None]
    households: Mapped[int | None]
    population: Mapped[int | None]
    leader_name: Mapped[str | None] = mapped_column(sa.String(200))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    notes: Mapped[str | None] = mapped_column(sa.Text)

    __table_args__ = (
        sa.CheckConstraint("households IS NULL OR households >= 0", name="households_nonneg"),
        sa.CheckConstraint("population IS NULL OR population >= 0", name="population_nonneg"),
        sa.CheckConstraint("moo IS NULL OR moo BETWEEN 1 AND 99", name="moo_range"),
    )


class Organization(Synced, Base):
    """องค์กรชุมชน of a kind; councils, welfare funds and partners have their own fields."""

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(sa.String(300))
    kind: Mapped[OrganizationKind] = mapped_column(str_enum(OrganizationKind, "organization_kind"))
    sector: Mapped[Sector | None] = mapped_column(str_enum(Sector, "sector"))
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"), index=True)
    district_id: Mapped[str | None] = mapped_column(sa.ForeignKey("district.id"), index=True)
    community_id: Mapped[str | None] = mapped_column(sa.ForeignKey("community.id"), index=True)
    founded_on: Mapped[dt.date | None]
    registered_on: Mapped[dt.date | None]  # สภาองค์กรชุมชนตำบล: การจดแจ้งจัดตั้ง
    members_count: Mapped[int | None]
    fund_balance_satang: Mapped[int | None] = mapped_column(sa.BigInteger)  # กองทุนสวัสดิการ
    savings_satang: Mapped[int | None] = mapped_column(sa.BigInteger)  # กลุ่มออมทรัพย์
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    notes: Mapped[str | None] = mapped_column(sa.Text)

    __table_args__ = (
        sa.CheckConstraint("members_count IS NULL OR members_count >= 0", name="members_nonneg"),
    )


class Person(Synced, Base):
    """A person known to the province: leaders, members, staff, partners."""

    __tablename__ = "person"

    prefix: Mapped[str | None] = mapped_column(sa.String(40))  # นาย / นาง / นางสาว ...
    first_name: Mapped[str] = mapped_column(sa.String(200))
    last_name: Mapped[str] = mapped_column(sa.String(200), default="")
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender, "gender"))
    position: Mapped[str | None] = mapped_column(sa.String(200))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    email: Mapped[str | None] = mapped_column(sa.String(200))
    subdistrict_id: Mapped[str | None] = mapped_column(sa.ForeignKey("subdistrict.id"), index=True)
    community_id: Mapped[str | None] = mapped_column(sa.ForeignKey("community.id"), index=True)
    notes: Mapped[str | None] = mapped_column(sa.Text)

    @property
    def full_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return f"{self.prefix}{name}" if self.prefix else name


class Membership(Synced, Base):
    """A person's role in an organization, from a date to a date."""

    __tablename__ = "membership"

    person_id: Mapped[str] = mapped_column(sa.ForeignKey("person.id"), index=True)
    organization_id: Mapped[str] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    role: Mapped[MembershipRole] = mapped_column(
        str_enum(MembershipRole, "membership_role"), default=MembershipRole.MEMBER
    )
    from_on: Mapped[dt.date | None]
    to_on: Mapped[dt.date | None]

    __table_args__ = (
        sa.CheckConstraint("to_on IS NULL OR from_on IS NULL OR to_on >= from_on", name="dates"),
    )
