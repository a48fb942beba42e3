"""Meeting numbers on the server: one "ครั้งที่ n/year" per body and year."""

from __future__ import annotations

import zlib
from typing import Any

import sqlalchemy as sa

from codi_core.rules.numbering import (
    NUMBER_FIELDS,
    body_key,
    highest_number,
    next_number,
    number_holder,
)

from .. import schema
from .base import ApplierBase

# Fields that decide a meeting's number ("ครั้งที่ n/BE-year" of its body): writing one
# of them (or restoring the meeting) re-checks the number against the body's other meetings.
MEETING_NUMBER_FIELDS = NUMBER_FIELDS
# pg_advisory_xact_lock namespace of the per-body meeting number locks (84700001: migrations).
MEETING_NUMBER_LOCK = 84700002


class NumberingMixin(ApplierBase):
    def check_meeting_numbers(self) -> None:
        """A meeting numbered like another live meeting of its body and year stays applied
        (it is real: its minutes may be printed already) with a conflict on ``number``:
        client value = its number, server value = the body's next free number that year.

        Checked after every change of the set, so a change set that swaps two numbers is
        judged on the result. Meetings are numbered per body (``organization_id``) or,
        with no body, per ``kind``, within the province: the same rule as
        ``codi_desktop.services.meetings``.
        """
        if not self.meeting_checks:
            return
        meetings = schema.DOMAIN_TABLES["meeting"]
        rows = []
        for row_id in sorted(self.meeting_checks):
            row = self.conn.execute(
                sa.select(meetings).where(meetings.c.id == row_id)
            ).mappings().first()
            if (
                row is not None
                and row["deleted_at"] is None
                and row["number"] is not None
                and row["number_year"] is not None
            ):
                rows.append(row)
        self._lock_meeting_bodies(sorted({self._body_key(row) for row in rows}))
        columns = {c.name: c for c in meetings.columns}
        for row in rows:
            body = {"province_code": row["province_code"], "kind": row["kind"],
                    "organization_id": row["organization_id"], "year": row["number_year"]}
            duplicate = self.conn.execute(
                number_holder(meetings, number=row["number"], exclude_id=row["id"], **body)
            ).first()
            if duplicate is None:
                continue
            used = self.conn.execute(highest_number(meetings, **body)).scalar_one()
            change = self.meeting_checks[row["id"]]
            self.add_conflict(
                change, self.log[("meeting", row["id"])], columns["number"], "number",
                next_number(used), row["number"],
            )

    @staticmethod
    def _body_key(row: Any) -> str:
        return body_key(row["province_code"], row["kind"], row["organization_id"],
                        row["number_year"])

    def _lock_meeting_bodies(self, keys: list[str]) -> None:
        """Serialise the number check of one body and year across server processes.

        The seq counter lock does not do it: it is taken last, after this check, so two
        transactions could both read "no duplicate" before either commits. SELECT ... FOR
        UPDATE on the body's meetings does not either: the first 1/2569 of a body has no
        row to lock (a phantom). So on PostgreSQL a transaction-scoped advisory lock per
        (province, body, year), taken in sorted order; the waiter's next statement (READ
        COMMITTED: a fresh snapshot) then sees the other's committed meeting. A hash
        collision only makes two bodies wait for each other. SQLite: every push holds the
        database write lock from BEGIN IMMEDIATE, so pushes are serial already.
        """
        if self.conn.dialect.name != "postgresql":
            return
        for key in keys:
            crc = zlib.crc32(key.encode())
            self.conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:ns, :key)"),
                {"ns": MEETING_NUMBER_LOCK, "key": crc - 2**32 if crc >= 2**31 else crc},
            )
