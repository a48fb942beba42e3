"""People and their memberships in organizations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Community,
    Gender,
    Membership,
    MembershipRole,
    Organization,
    Person,
)
from codi_desktop.store.database import Store

from ._common import (
    Entity,
    Errors,
    check_reference,
    check_subdistrict,
    data_values,
    from_row,
    get_live,
    record_province,
    tombstone,
)


@dataclass
class PersonData:
    first_name: str = ""
    last_name: str = ""
    prefix: str | None = None
    gender: str | None = None
    position: str | None = None
    phone: str | None = None
    email: str | None = None
    subdistrict_id: str | None = None
    community_id: str | None = None
    notes: str | None = None
    id: str | None = None


@dataclass
class MembershipData:
    person_id: str
    organization_id: str
    role: str = MembershipRole.MEMBER.value
    from_on: dt.date | None = None
    to_on: dt.date | None = None
    id: str | None = None


@dataclass
class MembershipRow:
    id: str
    person_id: str
    person_name: str
    organization_id: str
    organization_name: str
    role: str
    from_on: dt.date | None
    to_on: dt.date | None


def validate_person(data: PersonData) -> dict[str, ServiceError]:
    errors = Errors()
    errors.text("first_name", data.first_name, required=True, max_len=200)
    errors.text("last_name", data.last_name, max_len=200)
    errors.text("prefix", data.prefix, max_len=40)
    errors.choice("gender", data.gender, Gender, required=False)
    errors.text("position", data.position, max_len=200)
    errors.phone("phone", data.phone)
    errors.email("email", data.email)
    return errors


def _values(store: Store, session, data: PersonData, row_id: str | None) -> dict:
    province = record_province(store, session, Person, row_id)
    errors = Errors(validate_person(data))
    check_subdistrict(session, province, data.subdistrict_id, errors)
    check_reference(session, province, Community, data.community_id, "community_id",
                    "community", errors)
    errors.raise_if_any()
    values = data_values(data)
    values["last_name"] = values["last_name"] or ""
    return values


_PERSON = Entity(Person, PersonData, "person", _values)


def _name(data: PersonData) -> str:
    return f"{data.first_name} {data.last_name}".strip()


def create_person(store: Store, data: PersonData, author: str | None = None) -> str:
    return _PERSON.create(store, data, f"เพิ่มบุคคล {_name(data)}", author)


def update_person(store: Store, person_id: str, data: PersonData, author: str | None = None):
    _PERSON.update(store, person_id, data, f"แก้ไขข้อมูลบุคคล {_name(data)}", author)


def delete_person(store: Store, person_id: str, author: str | None = None) -> None:
    _PERSON.delete(store, person_id, "ลบบุคคล", author)


def get_person(store: Store, person_id: str) -> PersonData:
    return _PERSON.get(store, person_id)


def validate_membership(data: MembershipData) -> dict[str, ServiceError]:
    """Every reason at once: no organization, an unknown role, dates in the wrong order."""
    errors = Errors()
    if not data.organization_id:
        errors.add("organization_id", "required")
    errors.choice("role", data.role, MembershipRole)
    errors.date_order("from_on", data.from_on, "to_on", data.to_on)
    return errors


def add_membership(store: Store, data: MembershipData, author: str | None = None) -> str:
    errors = Errors(validate_membership(data))
    errors.raise_if_any()
    with store.action("เพิ่มสมาชิกภาพ", author) as session:
        # a membership belongs to its organization's province (a wide account's selector
        # may show all provinces); the person must be of the same one
        province = record_province(store, session, Organization, data.organization_id)
        person = get_live(session, Person, data.person_id, "person")
        org = get_live(session, Organization, data.organization_id, "organization")
        if person.province_code != province or org.province_code != province:
            raise ServiceError("not_found", label="person")
        membership = Membership(province_code=province, **data_values(data))
        session.add(membership)
        session.flush()
        return membership.id


def end_membership(
    store: Store, membership_id: str, to_on: dt.date, author: str | None = None
) -> None:
    with store.action("สิ้นสุดสมาชิกภาพ", author) as session:
        membership = get_live(session, Membership, membership_id, "membership")
        if membership.from_on is not None and to_on < membership.from_on:
            raise ServiceError("date_order", "to_on")
        membership.to_on = to_on


def delete_membership(store: Store, membership_id: str, author: str | None = None) -> None:
    with store.action("ลบสมาชิกภาพ", author) as session:
        tombstone(session, Membership, membership_id, "membership")


def list_memberships(
    store: Store, *, person_id: str | None = None, organization_id: str | None = None
) -> list[MembershipRow]:
    stmt = (
        sa.select(Membership, Person, Organization)
        .join(Person, Person.id == Membership.person_id)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.deleted_at.is_(None))
        .order_by(Membership.from_on.desc().nulls_last(), Person.first_name)
    )
    if person_id:
        stmt = stmt.where(Membership.person_id == person_id)
    if organization_id:
        stmt = stmt.where(Membership.organization_id == organization_id)
    with store.read() as session:
        return [
            MembershipRow(m.id, p.id, p.full_name, o.id, o.name, m.role.value, m.from_on, m.to_on)
            for m, p, o in session.execute(stmt)
        ]


def membership_data(store: Store, membership_id: str) -> MembershipData:
    with store.read() as session:
        return from_row(MembershipData, get_live(session, Membership, membership_id, "membership"))
