"""The minutes lock on the server (``codi_core.rules.minutes``): agenda items, votes and
attendance of a meeting whose minutes are locked are refused with ``locked``, whatever
the laptop had seen; an amendment (a change set that also inserts a new
``minutes_version`` of the meeting) may correct them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.rules.minutes import locked_child_violation
from codi_core.wire import LOCKED, WireChange

from .. import schema
from .base import ApplierBase


class MinutesLockMixin(ApplierBase):
    def amended_meetings(self) -> set[str]:
        """Meetings this change set writes a new minutes version of (an amendment)."""
        return {
            str(c.fields.get("meeting_id")) for c in self.cs.changes
            if c.table == "minutes_version" and c.op == "insert" and c.fields.get("meeting_id")
        }

    def check_minutes_lock(self, table: sa.Table, change: WireChange, values: dict[str, Any]) -> None:
        meeting_ids = {values.get("meeting_id")}
        if change.op != "insert":
            row = self.conn.execute(
                sa.select(table.c.meeting_id).where(table.c.id == change.row_id)
            ).first()
            if row is not None:
                meeting_ids.add(row.meeting_id)
        meetings = schema.DOMAIN_TABLES["meeting"]
        for meeting_id in sorted(m for m in meeting_ids if m):
            status = self.conn.execute(
                sa.select(meetings.c.status).where(meetings.c.id == meeting_id)
            ).scalar()
            amended = meeting_id in self.amended_meetings()
            if locked_child_violation(change.table, status, amended=amended) is not None:
                raise self.reject(
                    LOCKED,
                    f"The minutes of meeting {meeting_id} are locked: its {change.table} rows "
                    "are not changed; amend the minutes with a new version.",
                    "รายงานการประชุมนี้ถูกล็อกแล้ว แก้ไขไม่ได้ ต้องทำฉบับแก้ไขใหม่",
                )
