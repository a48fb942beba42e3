"""Geography: DOPA provinces, districts and subdistricts, and CODI's regions and clusters.

National reference data (``province_code`` is NULL). Geography ids are DOPA codes.
Regions and clusters are CODI's own layers, edited by HQ.
"""

from __future__ import annotations

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, str_enum


class PilotStatus(enum.StrEnum):
    NONE = "none"
    PILOT = "pilot"  # จังหวัดนำร่อง
    EXPANSION = "expansion"  # จังหวัดขยายผล


class Region(Synced, Base):
    """ภาค: one of CODI's regions."""

    __tablename__ = "region"
    __sync_scope__ = "national"

    code: Mapped[str] = mapped_column(sa.String(32), unique=True)
    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class ProvinceCluster(Synced, Base):
    """กลุ่มจังหวัด: a group of provinces that plan and co-manage together."""

    __tablename__ = "province_cluster"
    __sync_scope__ = "national"

    code: Mapped[str] = mapped_column(sa.String(32), unique=True)
    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    region_id: Mapped[str | None] = mapped_column(sa.ForeignKey("region.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class Province(Synced, Base):
    """จังหวัด. ``id`` is the 2-digit DOPA code."""

    __tablename__ = "province"
    __sync_scope__ = "national"

    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    cluster_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("province_cluster.id"), index=True
    )
    pilot_status: Mapped[PilotStatus] = mapped_column(
        str_enum(PilotStatus, "pilot_status"), default=PilotStatus.NONE
    )


class District(Synced, Base):
    """อำเภอ / เขต. ``id`` is the 4-digit DOPA code."""

    __tablename__ = "district"
    __sync_scope__ = "national"

    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    province_id: Mapped[str] = mapped_column(sa.ForeignKey("province.id"), index=True)


class Subdistrict(Synced, Base):
    """ตำบล / แขวง. ``id`` is the 6-digit DOPA code."""

    __tablename__ = "subdistrict"
    __sync_scope__ = "national"

    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    district_id: Mapped[str] = mapped_column(sa.ForeignKey("district.id"), index=True)
    province_id: Mapped[str] = mapped_column(sa.ForeignKey("province.id"), index=True)
    postal_code: Mapped[str | None] = mapped_column(sa.String(5))
