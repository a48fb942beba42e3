"""Communities (ชุมชน): register, edit and tombstone them — each one user action."""

from __future__ import annotations

from dataclasses import dataclass

from codi_core.errors import ServiceError
from codi_core.models import Community, CommunityKind
from codi_desktop.store.database import Store

from ._common import Entity, Errors, check_subdistrict, data_values, record_province


@dataclass
class CommunityData:
    name: str = ""
    kind: str = CommunityKind.VILLAGE.value
    subdistrict_id: str | None = None
    moo: int | None = None
    households: int | None = None
    population: int | None = None
    leader_name: str | None = None
    phone: str | None = None
    notes: str | None = None
    id: str | None = None
    district_id: str | None = None


def validate_community(data: CommunityData) -> dict[str, ServiceError]:
    """Field errors that need no database (for validation as the person types)."""
    errors = Errors()
    errors.text("name", data.name, required=True, max_len=300)
    errors.choice("kind", data.kind, CommunityKind)
    errors.count("households", data.households)
    errors.count("population", data.population)
    if data.moo is not None and (not isinstance(data.moo, int) or not 1 <= data.moo <= 99):
        errors.add("moo", "moo_range")
    if (
        isinstance(data.households, int)
        and isinstance(data.population, int)
        and data.households >= 0
        and 0 <= data.population < data.households
    ):
        errors.add("population", "population_below_households")
    errors.text("leader_name", data.leader_name, max_len=200)
    errors.phone("phone", data.phone)
    return errors


def _values(store: Store, session, data: CommunityData, row_id: str | None) -> dict:
    province = record_province(store, session, Community, row_id)
    errors = Errors(validate_community(data))
    district_id = check_subdistrict(session, province, data.subdistrict_id, errors)
    errors.raise_if_any()
    values = data_values(data, exclude=("id", "district_id"))
    values["district_id"] = district_id
    return values


_COMMUNITY = Entity(Community, CommunityData, "community", _values)


def create_community(store: Store, data: CommunityData, author: str | None = None) -> str:
    return _COMMUNITY.create(store, data, f"ลงทะเบียนชุมชน {data.name.strip()}", author)


def update_community(
    store: Store, community_id: str, data: CommunityData, author: str | None = None
) -> None:
    _COMMUNITY.update(store, community_id, data, f"แก้ไขข้อมูลชุมชน {data.name.strip()}", author)


def delete_community(store: Store, community_id: str, author: str | None = None) -> None:
    _COMMUNITY.delete(store, community_id, "ลบชุมชน", author)


def get_community(store: Store, community_id: str) -> CommunityData:
    return _COMMUNITY.get(store, community_id)
