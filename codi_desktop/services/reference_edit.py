"""HQ's edits of national reference data: regions, clusters (which provinces belong to
which cluster) and the meaning of each criterion level. Refused for every other role,
here and by the server (``codi_core.rules.assessment``). One action each."""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import CriterionLevel, Province, ProvinceCluster, Region
from codi_core.reference import reference_id
from codi_core.rules.assessment import check_assessment_write
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, clean


def _hq_only(store: Store, table: str) -> None:
    refusal = check_assessment_write(scope.role(store), table, "update", {}, None)
    if refusal is not None:
        raise ServiceError(refusal.code)


def rename_region(store: Store, code: str, name_th: str, name_en: str = "",
                  author: str | None = None) -> None:
    _hq_only(store, "region")
    errors = Errors()
    errors.text("name", name_th, required=True, max_len=200)
    errors.raise_if_any()
    with store.action(f"แก้ไขชื่อภาค {code}", author) as s:
        region = s.scalar(sa.select(Region).where(Region.code == code))
        if region is None:
            raise ServiceError("not_found", label="region")
        region.name_th, region.name_en = clean(name_th), clean(name_en) or ""


def save_cluster(store: Store, code: str, name_th: str, name_en: str, region_code: str,
                 author: str | None = None) -> str:
    """Create or rename a cluster (กลุ่มจังหวัด) and put it in a region."""
    _hq_only(store, "province_cluster")
    errors = Errors()
    errors.text("name", name_th, required=True, max_len=200)
    errors.text("code", code, required=True, max_len=32)
    errors.raise_if_any()
    with store.action(f"บันทึกกลุ่มจังหวัด {code}", author) as s:
        region = s.scalar(sa.select(Region).where(Region.code == region_code))
        if region is None:
            raise ServiceError("not_found", label="region")
        cluster = s.scalar(sa.select(ProvinceCluster).where(ProvinceCluster.code == code))
        if cluster is None:
            cluster = ProvinceCluster(id=reference_id("province_cluster", code), code=code,
                                      province_code=None)
            s.add(cluster)
        cluster.name_th, cluster.name_en = clean(name_th), clean(name_en) or ""
        if cluster.region_id != region.id:
            cluster.region_id = region.id
        s.flush()
        return cluster.id


def move_province(store: Store, province: str, cluster_code: str,
                  author: str | None = None) -> None:
    _hq_only(store, "province")
    with store.action(f"ย้ายจังหวัด {province} ไปกลุ่มจังหวัด {cluster_code}", author) as s:
        p = s.get(Province, province)
        cluster = s.scalar(sa.select(ProvinceCluster).where(ProvinceCluster.code == cluster_code))
        if p is None or cluster is None:
            raise ServiceError("not_found", label="province_cluster")
        p.cluster_id = cluster.id


def revise_level(store: Store, criterion: int, level: int, text_th: str, text_en: str = "",
                 author: str | None = None) -> None:
    """HQ revises what ``level`` means for ``criterion``."""
    _hq_only(store, "criterion_level")
    errors = Errors()
    errors.text("text_th", text_th, required=True, max_len=2000)
    if not isinstance(level, int) or not 0 <= level <= 4:
        errors.add("level", "level_range")
    errors.raise_if_any()
    with store.action(f"แก้ไขความหมายระดับ {level} ของเกณฑ์ข้อ {criterion}", author) as s:
        row = s.get(CriterionLevel, reference_id("criterion_level", f"{criterion}:{level}"))
        if row is None:
            raise ServiceError("not_found", label="criterion")
        row.text_th, row.text_en = clean(text_th), clean(text_en) or ""
