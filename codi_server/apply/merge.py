"""Merging an update or a delete into the server's row, field by field against base_seq."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.wire import WireChange

from .base import ApplierBase, same
from .numbering import MEETING_NUMBER_FIELDS


class MergeMixin(ApplierBase):
    def _server_row(self, table: sa.Table, row_id: str) -> dict[str, Any]:
        row = self.conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().first()
        if row is None:
            raise self.invalid(f"There is no {table.name} row {row_id} on the server.")
        return dict(row)

    def _changed_since(self, entry: dict[str, Any], field: str, base_seq: int) -> bool:
        if entry.get("pending") or field in entry.get("pending_fields", ()):
            return False  # written earlier in this same change set
        last = entry["field_seqs"].get(field, entry["first_seq"])
        return last is not None and last > base_seq

    def update(
        self,
        table: sa.Table,
        columns: dict[str, sa.Column],
        change: WireChange,
        values: dict[str, Any],
        entry: dict[str, Any],
    ) -> None:
        base_seq = change.base_seq or 0
        row = self._server_row(table, change.row_id)
        apply: dict[str, Any] = {}
        # Edit against a delete made since base_seq: the row is kept (restored) and a
        # conflict shows the person that someone had deleted it.
        if (
            row["deleted_at"] is not None
            and "deleted_at" not in values
            and self._changed_since(entry, "deleted_at", base_seq)
        ):
            self.add_conflict(
                change, entry, columns["deleted_at"], "deleted_at", row["deleted_at"], None
            )
            apply["deleted_at"] = None
        for name, value in values.items():
            column = columns[name]
            if not self._changed_since(entry, name, base_seq):
                if not same(column, row[name], value):
                    apply[name] = value
            elif same(column, row[name], value):
                continue  # changed since, to the same value: nothing to do
            else:
                self.add_conflict(change, entry, column, name, row[name], value)
        if not apply:
            return
        self.conn.execute(
            sa.update(table).where(table.c.id == change.row_id).values(updated_at=self.now, **apply)
        )
        deleted = apply.get("deleted_at", row["deleted_at"]) is not None
        entry.setdefault("pending_fields", set()).update(apply)
        entry["deleted"] = deleted
        self._note_write(change.table, change.row_id, entry["province_code"], deleted, set(apply))
        if change.table == "meeting" and not deleted and (
            MEETING_NUMBER_FIELDS & set(apply) or "deleted_at" in apply
        ):
            self.meeting_checks[change.row_id] = change

    def delete(self, table: sa.Table, change: WireChange, entry: dict[str, Any]) -> None:
        row = self._server_row(table, change.row_id)
        if row["deleted_at"] is not None:
            return  # already deleted: nothing to do
        changed = not entry.get("pending") and (
            entry["seq"] > (change.base_seq or 0) if entry["seq"] is not None else False
        )
        if changed:
            # Someone edited the row since this device saw it: keep it, ask a person.
            columns = {c.name: c for c in table.columns}
            self.add_conflict(
                change, entry, columns["deleted_at"], "deleted_at", None, self.now
            )
            return
        deleted_at = self.now
        self.conn.execute(
            sa.update(table)
            .where(table.c.id == change.row_id)
            .values(deleted_at=deleted_at, updated_at=self.now)
        )
        entry.setdefault("pending_fields", set()).add("deleted_at")
        entry["deleted"] = True
        self._note_write(change.table, change.row_id, entry["province_code"], True, {"deleted_at"})
