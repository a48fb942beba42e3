"""Helpers shared by the write services: validation of common fields and the generic
create / update / tombstone steps every entity goes through."""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError, ValidationFailed
from codi_core.models import Subdistrict, Synced, utcnow
from codi_core.rules.references import link_violation
from codi_desktop.store.database import Store

from . import scope

M = TypeVar("M", bound=Synced)

PHONE_RE = re.compile(r"^\+?[0-9][0-9 \-]{7,18}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Errors(dict[str, ServiceError]):
    """Collects field errors; ``raise_if_any()`` at the end of a validation."""

    def add(self, field: str, code: str, **params: Any) -> None:
        self.setdefault(field, ServiceError(code, field, **params))

    def add_violations(self, violations: list[Any]) -> None:
        """The rule book's violations (``codi_core.rules``), each on its field."""
        for v in violations:
            self.add(v.field or "", v.code, **v.params)

    def text(self, field: str, value: str | None, *, required: bool = False, max_len: int = 300):
        if value is None or not value.strip():
            if required:
                self.add(field, "required")
            return
        if len(value) > max_len:
            self.add(field, "too_long", max=max_len)

    def count(self, field: str, value: int | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, "not_number")
        elif value < 0:
            self.add(field, "not_negative")

    def choice(self, field: str, value: Any, enum_cls: type[enum.Enum], *, required=True):
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return
        try:
            enum_cls(value)
        except ValueError:
            self.add(field, "unknown_choice")

    def phone(self, field: str, value: str | None) -> None:
        if value and not PHONE_RE.match(value.strip()):
            self.add(field, "invalid_phone")

    def email(self, field: str, value: str | None) -> None:
        if value and not EMAIL_RE.match(value.strip()):
            self.add(field, "invalid_email")

    def date_order(self, start_field: str, start, end_field: str, end) -> None:
        if start is not None and end is not None and end < start:
            self.add(end_field, "date_order")

    def raise_if_any(self) -> None:
        if self:
            raise ValidationFailed(dict(self))


def clean(value: str | None) -> str | None:
    """Trim text; empty text is stored as NULL."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def require_province(store: Store) -> str:
    """The province a write goes to (``scope.working_province``: the database's own
    province, or the one a wide account's page shows)."""
    return scope.working_province(store)


def record_province(store: Store, session: Session, model: type, row_id: str | None) -> str:
    """The province a write to one record goes to. THE rule for a wide account: an
    existing record keeps its own province, whatever the page's selector shows (checked
    against the account's scope); only a new record (``row_id`` None) takes the working
    province, which asks "choose a province" when the selector shows all of them."""
    if row_id is None:
        return require_province(store)
    obj = session.get(model, row_id)
    code = getattr(obj, "province_code", None)
    if not code:
        return require_province(store)  # not found: the caller's get_live says so
    if code not in scope.provinces_in_scope(store):
        raise ServiceError("not_in_scope")
    return code


def check_subdistrict(
    session: Session, province_code: str, subdistrict_id: str | None, errors: Errors
) -> str | None:
    """Validate a tambon of this province; returns its district id."""
    if not subdistrict_id:
        return None
    sub = session.get(Subdistrict, subdistrict_id)
    problem = link_violation("subdistrict_id", "subdistrict", province_code, sub is not None,
                             getattr(sub, "province_id", None))
    if problem is not None:
        code = "unknown_subdistrict" if problem.code == "not_found" else "outside_province"
        errors.add("subdistrict_id", code)
        return None
    return sub.district_id


def check_reference(
    session: Session,
    province_code: str,
    model: type,
    row_id: str | None,
    field: str,
    label: str,
    errors: Errors,
) -> None:
    """A link to another record must name a live record of this province (the rule
    book's ``link_violation``, which the server applies too; the laptop also refuses a
    link to a tombstone)."""
    if not row_id:
        return
    row = session.get(model, row_id)
    problem = link_violation(field, model.__tablename__, province_code, row is not None,
                             getattr(row, "province_code", None))
    if problem is not None or row.deleted_at is not None:
        errors.add(field, "not_found", label=label)


def get_live(session: Session, model: type[M], row_id: str, label: str) -> M:
    """A row of this database that is not a tombstone, or a clear error."""
    obj = session.get(model, row_id)
    if obj is None:
        raise ServiceError("not_found", label=label)
    if obj.deleted_at is not None:
        raise ServiceError("deleted", label=label)
    return obj


def assign(obj: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


def tombstone(session: Session, model: type[M], row_id: str, label: str) -> M:
    obj = get_live(session, model, row_id, label)
    obj.deleted_at = utcnow()
    return obj


def data_values(data: Any, exclude: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """A dataclass's fields as a dict, text trimmed, without the excluded fields."""
    out = {}
    for f in dataclasses.fields(data):
        if f.name in exclude:
            continue
        value = getattr(data, f.name)
        if isinstance(value, str):
            value = clean(value)
        if isinstance(value, enum.Enum):
            value = value.value
        out[f.name] = value
    return out


def from_row(cls: type, obj: Any) -> Any:
    """Build a dataclass from an ORM row's attributes of the same names."""
    values = {}
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name, None)
        if isinstance(value, enum.Enum):
            value = value.value
        values[f.name] = value
    return cls(**values)


def exists(session: Session, stmt: sa.Select) -> bool:
    return session.scalar(sa.select(stmt.exists())) is True


@dataclass(frozen=True)
class Entity:
    """The four steps every province-scoped record goes through: create, update,
    tombstone, read. ``values(store, session, data, row_id)`` validates a form's data
    (raising ``ValidationFailed``) and returns the column values to write; it checks
    links against ``record_province`` (the record's own province when it exists)."""

    model: type
    data_cls: type
    label: str
    values: Callable[[Store, Session, Any, str | None], dict[str, Any]]

    def create(self, store: Store, data: Any, summary: str, author: str | None) -> str:
        province = require_province(store)
        with store.action(summary, author) as session:
            obj = self.model(province_code=province, **self.values(store, session, data, None))
            session.add(obj)
            session.flush()
            return obj.id

    def update(self, store: Store, row_id: str, data: Any, summary: str, author: str | None):
        with store.action(summary, author) as session:
            obj = get_live(session, self.model, row_id, self.label)
            assign(obj, self.values(store, session, data, row_id))

    def delete(self, store: Store, row_id: str, summary: str, author: str | None) -> None:
        with store.action(summary, author) as session:
            tombstone(session, self.model, row_id, self.label)

    def get(self, store: Store, row_id: str) -> Any:
        with store.read() as session:
            return from_row(self.data_cls, get_live(session, self.model, row_id, self.label))
