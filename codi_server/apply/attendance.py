"""One attendance per meeting and person across devices (``codi_core.rules.attendance``):
a second sign-in of the same person is stored as a tombstone, and every field where it
disagrees with the first becomes a conflict on the first row."""

from __future__ import annotations

import zlib
from typing import Any

import sqlalchemy as sa

from codi_core.rules.attendance import attendance_key, disagreeing_fields
from codi_core.wire import WireChange

from .base import ApplierBase

ATTENDANCE_LOCK = 84700003  # pg_advisory_xact_lock namespace (see numbering.py)


class AttendanceMixin(ApplierBase):
    def merge_second_sign_in(
        self,
        table: sa.Table,
        columns: dict[str, sa.Column],
        change: WireChange,
        values: dict[str, Any],
        province: str | None,
    ) -> None:
        key = attendance_key(values)
        if key is None or values.get("deleted_at") is not None:
            return
        if self.conn.dialect.name == "postgresql":
            # Two processes signing the same person in at once: one waits for the other.
            crc = zlib.crc32("|".join(key).encode())
            self.conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:ns, :key)"),
                {"ns": ATTENDANCE_LOCK, "key": crc - 2**32 if crc >= 2**31 else crc},
            )
        first = self.conn.execute(
            sa.select(table).where(
                table.c.meeting_id == key[0], table.c.person_id == key[1],
                table.c.deleted_at.is_(None), table.c.id != change.row_id,
            ).order_by(table.c.created_at, table.c.id).limit(1)
        ).mappings().first()
        if first is None:
            return
        values["deleted_at"] = self.now  # the second sign-in is merged into the first
        on_first = change.model_copy(update={"row_id": first["id"]})
        entry = {"province_code": first["province_code"]}
        for name in disagreeing_fields(dict(first), values):
            self.add_conflict(on_first, entry, columns[name], name, first[name], values[name])
