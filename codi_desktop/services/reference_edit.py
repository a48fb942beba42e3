"""HQ's edits of national reference data: regions, clusters (which provinces belong to
which cluster) and the meaning of each criterion level. Refused for every other role,
here and by the server (``codi_core.rules.assessment``). One action each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import Criterion, CriterionLevel, Province, ProvinceCluster, Region
from codi_core.reference import reference_id
from codi_core.rules.assessment import check_assessment_write
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, clean


@dataclass(frozen=True)
class RegionRow:
    code: str
    name_th: str
    name_en: str


@dataclass(frozen=True)
class ClusterRow:
    code: str
    name_th: str
    name_en: str
    region_code: str | None
    provinces: tuple[str, ...]  # DOPA codes of its provinces


def may_edit(store: Store) -> bool:
    """Only HQ edits the reference data (the screen is shown to HQ only)."""
    return check_assessment_write(scope.role(store), "region", "update", {}, None) is None


def regions(store: Store) -> list[RegionRow]:
    with store.read() as s:
        return [RegionRow(*r) for r in s.execute(
            sa.select(Region.code, Region.name_th, Region.name_en)
            .where(Region.deleted_at.is_(None)).order_by(Region.sort_order, Region.code))]


def clusters(store: Store) -> list[ClusterRow]:
    """Every cluster with its region and provinces, in the reference order."""
    with store.read() as s:
        members: dict[str, list[str]] = {}
        for pid, cid in s.execute(sa.select(Province.id, Province.cluster_id)
                                  .where(Province.deleted_at.is_(None)).order_by(Province.id)):
            members.setdefault(cid, []).append(pid)
        rows = s.execute(
            sa.select(ProvinceCluster.id, ProvinceCluster.code, ProvinceCluster.name_th,
                      ProvinceCluster.name_en, Region.code)
            .outerjoin(Region, Region.id == ProvinceCluster.region_id)
            .where(ProvinceCluster.deleted_at.is_(None))
            .order_by(ProvinceCluster.sort_order, ProvinceCluster.code))
        return [ClusterRow(code, th, en, region, tuple(members.get(cid, ())))
                for cid, code, th, en, region in rows]


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
            last = s.scalar(sa.select(sa.func.max(ProvinceCluster.sort_order))) or 0
            cluster = ProvinceCluster(id=reference_id("province_cluster", code), code=code,
                                      province_code=None, sort_order=last + 1)
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


def revise_levels(store: Store, criterion: int, meanings: Mapping[int, tuple[str, str]],
                  author: str | None = None) -> int:
    """HQ revises what levels mean for ``criterion`` (level → (Thai, English)): one
    action, one change set, whatever the number of levels changed. Returns how many
    levels changed (0: nothing written)."""
    _hq_only(store, "criterion_level")
    errors = Errors()
    for level, (text_th, _en) in meanings.items():
        if not isinstance(level, int) or not 0 <= level <= 4:
            errors.add("level", "level_range")
        else:
            errors.text(f"level_{level}", text_th, required=True, max_len=2000)
    errors.raise_if_any()
    with store.read() as s:
        known = {lv: (th, en) for lv, th, en in s.execute(
            sa.select(CriterionLevel.level, CriterionLevel.text_th, CriterionLevel.text_en)
            .join(Criterion, Criterion.id == CriterionLevel.criterion_id)
            .where(Criterion.number == criterion, CriterionLevel.deleted_at.is_(None)))}
    if not known:
        raise ServiceError("not_found", label="criterion")
    changed = {lv: (clean(th), clean(en) or "") for lv, (th, en) in meanings.items()
               if (clean(th), clean(en) or "") != known.get(lv)}
    if not changed:
        return 0
    with store.action(f"แก้ไขความหมายระดับของเกณฑ์ข้อ {criterion}", author) as s:
        for level, (text_th, text_en) in sorted(changed.items()):
            row = s.get(CriterionLevel, reference_id("criterion_level", f"{criterion}:{level}"))
            if row is None:
                raise ServiceError("not_found", label="criterion")
            row.text_th, row.text_en = text_th, text_en
    return len(changed)


def revise_level(store: Store, criterion: int, level: int, text_th: str, text_en: str = "",
                 author: str | None = None) -> None:
    """HQ revises what ``level`` means for ``criterion``."""
    revise_levels(store, criterion, {level: (text_th, text_en)}, author)
