"""Community organizations of every kind, with the fields their kind has."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today
from codi_core.models import Community, Organization, OrganizationKind, Sector
from codi_desktop.store.database import Store

from ._common import (
    Entity,
    Errors,
    check_reference,
    check_subdistrict,
    data_values,
    record_province,
)

# Fields that only some kinds have; others are cleared so no stale value lingers.
KIND_FIELDS: dict[str, set[str]] = {
    "registered_on": {OrganizationKind.TAMBON_COUNCIL},
    "fund_balance_satang": {OrganizationKind.WELFARE_FUND},
    "savings_satang": {OrganizationKind.SAVINGS_GROUP, OrganizationKind.COOPERATIVE},
    "sector": {OrganizationKind.PARTNER},
}


@dataclass
class OrganizationData:
    name: str = ""
    kind: str = OrganizationKind.COMMUNITY_ORG.value
    sector: str | None = None
    subdistrict_id: str | None = None
    community_id: str | None = None
    founded_on: dt.date | None = None
    registered_on: dt.date | None = None
    members_count: int | None = None
    fund_balance_satang: int | None = None
    savings_satang: int | None = None
    phone: str | None = None
    notes: str | None = None
    id: str | None = None
    district_id: str | None = None


def validate_organization(
    data: OrganizationData, today: dt.date | None = None
) -> dict[str, ServiceError]:
    today = today or bangkok_today()
    errors = Errors()
    errors.text("name", data.name, required=True, max_len=300)
    errors.choice("kind", data.kind, OrganizationKind)
    errors.count("members_count", data.members_count)
    errors.count("fund_balance_satang", data.fund_balance_satang)
    errors.count("savings_satang", data.savings_satang)
    if data.kind == OrganizationKind.PARTNER:
        errors.choice("sector", data.sector, Sector)
    for field in ("registered_on", "founded_on"):
        value = getattr(data, field)
        if value is not None and value > today:
            errors.add(field, "date_in_future")
    errors.phone("phone", data.phone)
    return errors


def _values(store: Store, session, data: OrganizationData, row_id: str | None) -> dict:
    province = record_province(store, session, Organization, row_id)
    errors = Errors(validate_organization(data))
    district_id = check_subdistrict(session, province, data.subdistrict_id, errors)
    check_reference(session, province, Community, data.community_id, "community_id",
                    "community", errors)
    errors.raise_if_any()
    values = data_values(data, exclude=("id", "district_id"))
    values["district_id"] = district_id
    for field, kinds in KIND_FIELDS.items():
        if data.kind not in kinds:
            values[field] = None
    return values


_ORGANIZATION = Entity(Organization, OrganizationData, "organization", _values)


def create_organization(store: Store, data: OrganizationData, author: str | None = None) -> str:
    return _ORGANIZATION.create(store, data, f"ลงทะเบียนองค์กร {data.name.strip()}", author)


def update_organization(
    store: Store, organization_id: str, data: OrganizationData, author: str | None = None
) -> None:
    summary = f"แก้ไขข้อมูลองค์กร {data.name.strip()}"
    _ORGANIZATION.update(store, organization_id, data, summary, author)


def delete_organization(store: Store, organization_id: str, author: str | None = None) -> None:
    _ORGANIZATION.delete(store, organization_id, "ลบองค์กร", author)


def get_organization(store: Store, organization_id: str) -> OrganizationData:
    return _ORGANIZATION.get(store, organization_id)
