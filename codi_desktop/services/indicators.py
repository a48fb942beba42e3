"""Indicators: a project's target and actual (entered on the project page), the
province's development indicators per fiscal year (criterion 3), and a project's extra
organizations, target communities and tambons. One write per user action."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Community,
    Indicator,
    Organization,
    Project,
    ProjectTarget,
    ProvinceIndicator,
    Subdistrict,
    utcnow,
)
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, clean, get_live


@dataclass
class ProvinceIndicatorData:
    fiscal_year: int
    name: str
    unit: str | None = None
    baseline: int | None = None
    target: int | None = None
    actual: int | None = None
    note: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class ProvinceIndicatorRow:
    id: str
    province: str
    fiscal_year: int
    name: str
    unit: str | None
    baseline: int | None
    target: int | None
    actual: int | None
    note: str | None


@dataclass(frozen=True)
class TargetRow:
    id: str
    kind: str  # organization / community / subdistrict
    target_id: str
    name: str


def update_actual(store: Store, indicator_id: str, actual: int | None,
                  target: int | None = None, author: str | None = None) -> None:
    """Enter or update what a project's indicator achieved (and, if given, its target)."""
    errors = Errors()
    errors.count("actual", actual)
    errors.count("target", target)
    errors.raise_if_any()
    with store.action("บันทึกผลตัวชี้วัดโครงการ", author) as session:
        ind = get_live(session, Indicator, indicator_id, "indicator")
        if ind.actual != actual:
            ind.actual = actual
        if target is not None and ind.target != target:
            ind.target = target


def _validate(data: ProvinceIndicatorData) -> None:
    errors = Errors()
    if not isinstance(data.fiscal_year, int) or not 2500 <= data.fiscal_year <= 2700:
        errors.add("fiscal_year", "fiscal_year_range")
    errors.text("name", data.name, required=True)
    errors.text("unit", data.unit, max_len=60)
    for f in ("baseline", "target", "actual"):
        errors.count(f, getattr(data, f))
    errors.raise_if_any()


def save_province_indicator(store: Store, data: ProvinceIndicatorData,
                            indicator_id: str | None = None, author: str | None = None) -> str:
    _validate(data)
    province = scope.one_province(store, data.province)
    values = dict(fiscal_year=data.fiscal_year, name=clean(data.name), unit=clean(data.unit),
                  baseline=data.baseline, target=data.target, actual=data.actual,
                  note=clean(data.note))
    with store.action("บันทึกตัวชี้วัดการพัฒนาจังหวัด", author) as session:
        if indicator_id is None:
            row = ProvinceIndicator(province_code=province, **values)
            session.add(row)
        else:
            row = get_live(session, ProvinceIndicator, indicator_id, "indicator")
            for k, v in values.items():
                if getattr(row, k) != v:
                    setattr(row, k, v)
        session.flush()
        return row.id


def province_indicators(store: Store, fiscal_year: int,
                        province: str | None = None) -> list[ProvinceIndicatorRow]:
    codes = scope.resolve(store, province)
    with store.read() as s:
        return [ProvinceIndicatorRow(r.id, r.province_code, r.fiscal_year, r.name, r.unit,
                                     r.baseline, r.target, r.actual, r.note)
                for r in s.scalars(sa.select(ProvinceIndicator).where(
                    ProvinceIndicator.province_code.in_(codes),
                    ProvinceIndicator.fiscal_year == fiscal_year,
                    ProvinceIndicator.deleted_at.is_(None)).order_by(ProvinceIndicator.name))]


_TARGETS = {"organization": (Organization, "organization_id"),
            "community": (Community, "community_id"),
            "subdistrict": (Subdistrict, "subdistrict_id")}


def check_target(session, province_code: str, kind: str, target_id: str) -> str:
    """The column of a project target of ``kind`` naming ``target_id``, or the
    ServiceError why it cannot be one: a live organization or community, or a tambon, of
    the project's province (the project page and the projects import both ask this)."""
    if kind not in _TARGETS:
        raise ServiceError("unknown_choice", "kind")
    model, column = _TARGETS[kind]
    target = session.get(model, target_id)
    if kind == "subdistrict":
        if target is None or target.province_id != province_code:
            raise ServiceError("outside_province", "subdistrict_id")
    elif target is None or target.deleted_at is not None \
            or target.province_code != province_code:
        raise ServiceError("not_found", column, label=kind)
    return column


def add_target(store: Store, project_id: str, kind: str, target_id: str,
               author: str | None = None) -> str:
    """One more organization, target community or tambon of a project."""
    if kind not in _TARGETS:
        raise ServiceError("unknown_choice", "kind")
    with store.action("เพิ่มพื้นที่/องค์กรเป้าหมายของโครงการ", author) as session:
        project = get_live(session, Project, project_id, "project")
        column = check_target(session, project.province_code, kind, target_id)
        row = ProjectTarget(province_code=project.province_code, project_id=project_id,
                            **{column: target_id})
        session.add(row)
        session.flush()
        return row.id


def remove_target(store: Store, target_row_id: str, author: str | None = None) -> None:
    with store.action("ลบพื้นที่/องค์กรเป้าหมายของโครงการ", author) as session:
        row = get_live(session, ProjectTarget, target_row_id, "project")
        row.deleted_at = utcnow()


def targets(store: Store, project_id: str) -> list[TargetRow]:
    out = []
    with store.read() as s:
        for t in s.scalars(sa.select(ProjectTarget).where(
                ProjectTarget.project_id == project_id, ProjectTarget.deleted_at.is_(None))
                .order_by(ProjectTarget.created_at)):
            for kind, (model, column) in _TARGETS.items():
                tid = getattr(t, column)
                if tid:
                    obj = s.get(model, tid)
                    name = (obj.name_th if kind == "subdistrict" else obj.name) if obj else tid
                    out.append(TargetRow(t.id, kind, tid, name))
    return out
