"""Local sync bookkeeping: the outbox of change sets, conflicts, and sync state.

``ChangeSet`` and ``Change`` are local only: they are what this device did (its outbox
and its audit trail). ``Conflict`` is synced like any row so that every device of the
province sees it and its resolution.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced, UTCDateTime, new_id, str_enum, utcnow


class ChangeSetStatus(enum.StrEnum):
    PENDING = "pending"  # waiting in the outbox
    APPLIED = "applied"  # the server applied it (maybe with conflicts)
    REJECTED = "rejected"  # the server refused it; kept for the person to fix or discard
    DISCARDED = "discarded"  # a rejected change set the person chose to drop
    LOCAL = "local"  # a demo/sandbox database's change, never sent


class ChangeOp(enum.StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class ConflictStatus(enum.StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class ChangeSet(Base):
    """One user action: its changes, in the order the device made them."""

    __tablename__ = "change_set"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    device_seq: Mapped[int] = mapped_column(unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    author: Mapped[str] = mapped_column(sa.String(100))
    summary: Mapped[str] = mapped_column(sa.String(500))
    schema_version: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[ChangeSetStatus] = mapped_column(
        str_enum(ChangeSetStatus, "change_set_status"), default=ChangeSetStatus.PENDING, index=True
    )
    server_seq: Mapped[int | None] = mapped_column(sa.BigInteger)
    result_code: Mapped[str | None] = mapped_column(sa.String(60))
    result_detail: Mapped[str | None] = mapped_column(sa.Text)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    changes: Mapped[list[Change]] = relationship(
        back_populates="change_set", order_by="Change.position", cascade="all, delete-orphan"
    )

    def to_wire(self) -> dict[str, Any]:
        """The change set as PROTOCOL.md's push body has it."""
        from .serialize import format_datetime

        return {
            "id": self.id,
            "device_seq": self.device_seq,
            "created_at": format_datetime(self.created_at),
            "author": self.author,
            "schema_version": self.schema_version,
            "summary": self.summary,
            "changes": [c.to_wire() for c in self.changes],
        }


class Change(Base):
    """One row's insert, update (changed fields only) or delete within a change set."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_set_id: Mapped[str] = mapped_column(sa.ForeignKey("change_set.id"), index=True)
    position: Mapped[int]
    table_name: Mapped[str] = mapped_column(sa.String(60))
    row_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    op: Mapped[ChangeOp] = mapped_column(str_enum(ChangeOp, "change_op"))
    fields: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # For updates and deletes: the server sequence of the row version that was edited.
    base_seq: Mapped[int | None] = mapped_column(sa.BigInteger)
    # The values the fields had before this change (for history and for undoing a
    # rejection locally); never sent.
    old_fields: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    change_set: Mapped[ChangeSet] = relationship(back_populates="changes")

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {"table": self.table_name, "row_id": self.row_id, "op": self.op.value}
        if self.op is not ChangeOp.DELETE:
            out["fields"] = self.fields
        if self.op is not ChangeOp.INSERT:
            out["base_seq"] = self.base_seq
        return out


class Conflict(Synced, Base):
    """The same field changed on two sides: both values kept until a person decides."""

    __tablename__ = "conflict"

    table_name: Mapped[str] = mapped_column(sa.String(60))
    row_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    field: Mapped[str] = mapped_column(sa.String(60))
    server_value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    client_value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    change_set_id: Mapped[str | None] = mapped_column(sa.String(36))
    author: Mapped[str | None] = mapped_column(sa.String(100))
    status: Mapped[ConflictStatus] = mapped_column(
        str_enum(ConflictStatus, "conflict_status"), default=ConflictStatus.OPEN
    )
    resolved_value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(sa.String(100))


class LocalSetting(Base):
    """Small local key/value facts about this database (never synced, never secrets):
    the province it holds, whether it is a demo sandbox, the pull cursor, the device id."""

    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(sa.String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
