"""Declarative base, the columns every synced row carries, and shared column types.

Every synced table has the common columns of DESIGN.md §4: a UUIDv7 ``id`` made on the
device (geography rows use their DOPA code), ``province_code`` (the scope key; NULL for
national reference data), ``seq`` (the server sequence of the last write this copy has
seen), ``created_at``/``updated_at`` (UTC) and ``deleted_at`` (the tombstone).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from uuid6 import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UTC = dt.UTC


def new_id() -> str:
    """A new row id: a UUIDv7 string, time-ordered so inserts stay index-friendly."""
    return str(uuid7())


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """A timestamp that is always UTC: aware in Python, UTC in every database.

    SQLite has no time zones, so values are stored there as naive UTC and given their
    zone back on the way out; PostgreSQL keeps ``timestamptz``.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(enum_cls: type[enum.StrEnum], name: str) -> sa.Enum:
    """A string column limited to an enum's values (a CHECK constraint, not a native type)."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Mixin for every table that is synced with the server.

    ``__sync_scope__`` says how the row is scoped: ``"province"`` rows belong to one
    province; ``"national"`` rows are reference data HQ writes and every device reads.
    ``__ledger__`` marks insert-only tables.
    """

    __sync_scope__: ClassVar[str] = "province"
    __ledger__: ClassVar[bool] = False

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    province_code: Mapped[str | None] = mapped_column(sa.String(2), index=True)
    seq: Mapped[int | None] = mapped_column(sa.BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


# Columns that describe a row's sync bookkeeping rather than its content: they are not
# compared in a merge and not sent in an update's changed fields.
BOOKKEEPING_COLUMNS = frozenset({"id", "seq", "updated_at"})
