"""Projects (โครงการ) of a program and fiscal year, with their indicators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Community,
    FundingType,
    Indicator,
    Organization,
    Program,
    Project,
    ProjectStatus,
)
from codi_desktop.store.database import Store

from ._common import (
    Entity,
    Errors,
    assign,
    check_reference,
    check_subdistrict,
    data_values,
    from_row,
    get_live,
    record_province,
)


@dataclass
class ProjectData:
    code: str = ""
    name: str = ""
    program_id: str = ""
    fiscal_year: int = 0
    organization_id: str | None = None
    community_id: str | None = None
    subdistrict_id: str | None = None
    status: str = ProjectStatus.PROPOSED.value
    funding_type: str = FundingType.SUBSIDY.value
    households: int | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    description: str | None = None
    id: str | None = None
    district_id: str | None = None


@dataclass
class IndicatorData:
    project_id: str
    name: str
    unit: str | None = None
    target: int | None = None
    actual: int | None = None
    id: str | None = None


def validate_project(data: ProjectData) -> dict[str, ServiceError]:
    errors = Errors()
    errors.text("code", data.code, required=True, max_len=60)
    errors.text("name", data.name, required=True, max_len=500)
    if not data.program_id:
        errors.add("program_id", "required")
    if not isinstance(data.fiscal_year, int) or not 2500 <= data.fiscal_year <= 2700:
        errors.add("fiscal_year", "fiscal_year_range")
    errors.choice("status", data.status, ProjectStatus)
    errors.choice("funding_type", data.funding_type, FundingType)
    errors.count("households", data.households)
    errors.date_order("starts_on", data.starts_on, "ends_on", data.ends_on)
    return errors


def _values(store: Store, session, data: ProjectData, project_id: str | None) -> dict:
    province = record_province(store, session, Project, project_id)
    errors = Errors(validate_project(data))
    district_id = check_subdistrict(session, province, data.subdistrict_id, errors)
    if data.program_id and session.get(Program, data.program_id) is None:
        errors.add("program_id", "unknown_choice")
    for field, model, label in (
        ("organization_id", Organization, "organization"),
        ("community_id", Community, "community"),
    ):
        check_reference(session, province, model, getattr(data, field), field, label, errors)
    code = (data.code or "").strip()
    if code:
        clash = session.scalar(
            sa.select(Project.id).where(
                Project.code == code,
                Project.province_code == province,
                Project.deleted_at.is_(None),
                Project.id != (project_id or ""),
            )
        )
        if clash:
            errors.add("code", "duplicate_code", taken=code)
    errors.raise_if_any()
    values = data_values(data, exclude=("id", "district_id"))
    values["district_id"] = district_id
    return values


_PROJECT = Entity(Project, ProjectData, "project", _values)


def create_project(store: Store, data: ProjectData, author: str | None = None) -> str:
    return _PROJECT.create(store, data, f"เพิ่มโครงการ {data.code.strip()} {data.name.strip()}",
                           author)


def update_project(store: Store, project_id: str, data: ProjectData, author: str | None = None):
    _PROJECT.update(store, project_id, data, f"แก้ไขโครงการ {data.code.strip()}", author)


def delete_project(store: Store, project_id: str, author: str | None = None) -> None:
    _PROJECT.delete(store, project_id, "ลบโครงการ", author)


def get_project(store: Store, project_id: str) -> ProjectData:
    return _PROJECT.get(store, project_id)


def save_indicator(store: Store, data: IndicatorData, author: str | None = None) -> str:
    errors = Errors()
    errors.text("name", data.name, required=True, max_len=300)
    errors.count("target", data.target)
    errors.count("actual", data.actual)
    errors.raise_if_any()
    with store.action(f"บันทึกตัวชี้วัด {data.name.strip()}", author) as session:
        project = get_live(session, Project, data.project_id, "project")
        if data.id:
            indicator = get_live(session, Indicator, data.id, "project")
            assign(indicator, data_values(data, exclude=("id", "project_id")))
        else:
            indicator = Indicator(province_code=project.province_code, **data_values(data))
            session.add(indicator)
        session.flush()
        return indicator.id


def list_indicators(store: Store, project_id: str) -> list[IndicatorData]:
    with store.read() as session:
        rows = session.scalars(
            sa.select(Indicator)
            .where(Indicator.project_id == project_id, Indicator.deleted_at.is_(None))
            .order_by(Indicator.name)
        )
        return [from_row(IndicatorData, r) for r in rows]
