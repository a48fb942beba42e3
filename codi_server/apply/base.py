"""The state of one change set being applied, and the helpers every step shares."""

from __future__ import annotations

import dataclasses
from typing import Any

import sqlalchemy as sa

from codi_core.models import new_id, utcnow
from codi_core.models.serialize import WireValueError, decode_value, encode_value
from codi_core.wire import FORBIDDEN, INVALID, WireChange, WireChangeSet

from .. import schema
from ..seqs import current_seq
from .rejections import Rejection
from .scope import DeviceScope, known_province

INT32 = 2**31


@dataclasses.dataclass
class Write:
    table: str
    row_id: str
    province_code: str | None
    deleted: bool
    insert: bool
    fields: set[str]


def decode(column: sa.Column, value: Any) -> Any:
    decoded = decode_value(column, value)
    if (
        decoded is not None
        and isinstance(column.type, sa.Integer)
        and not isinstance(column.type, sa.BigInteger)
        and not -INT32 <= decoded < INT32
    ):
        raise WireValueError(column.name, "number out of range")
    return decoded


def same(column: sa.Column, a: Any, b: Any) -> bool:
    return encode_value(column, a) == encode_value(column, b)


def lock_log_entries(
    conn: sa.Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Lock (``FOR UPDATE``, in sorted order) and read the row log entries of these rows;
    a row not on the server has none."""
    rl = schema.row_log
    out: dict[tuple[str, str], dict[str, Any]] = {}
    keys = sorted(keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        rows = conn.execute(
            sa.select(rl)
            .where(sa.tuple_(rl.c.table_name, rl.c.row_id).in_(chunk))
            .order_by(rl.c.table_name, rl.c.row_id)
            .with_for_update()
        ).mappings()
        for row in rows:
            entry = dict(row)
            entry["field_seqs"] = dict(entry["field_seqs"] or {})
            out[(row["table_name"], row["row_id"])] = entry
    return out


class ApplierBase:
    """What one change set's application holds: the row log entries it locked, the rows it
    wrote, the conflicts it made and the checks it must run before the seqs are taken."""

    def __init__(
        self,
        conn: sa.Connection,
        scope: DeviceScope,
        cs: WireChangeSet,
        locked: dict[tuple[str, str], dict[str, Any] | None] | None = None,
        deferred: Any = None,
        issued: Any = None,
    ):
        self.conn = conn
        # Where inserts are queued (``batch.DeferredInserts``), or None: sent at once.
        self.deferred = deferred
        # The batch's answer to "the highest seq given" (read once per batch), if any.
        self._issued_of_batch = issued
        # Row log entries the batch has locked already (None: the row is not on the server).
        self.locked = locked if locked is not None else {}
        self.scope = scope
        self.cs = cs
        self.now = utcnow()
        self.log: dict[tuple[str, str], dict[str, Any]] = {}
        self.writes: dict[tuple[str, str], Write] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.budget_projects: set[str] = set()
        self.meeting_checks: dict[str, WireChange] = {}  # meeting id -> the change to blame
        # (change index, table, written values, province) of every change writing a link
        self._issued: int | None = None
        self.link_checks: list[tuple[int, str, dict[str, Any], str | None]] = []
        self.index = 0

    def reject(self, code: str, detail: str, detail_th: str) -> Rejection:
        return Rejection(code, detail, detail_th, self.index)

    def invalid(self, detail: str, detail_th: str = "ข้อมูลไม่ถูกต้อง") -> Rejection:
        return self.reject(INVALID, detail, detail_th)

    def forbidden(self, detail: str) -> Rejection:
        return self.reject(FORBIDDEN, detail, "อุปกรณ์นี้ไม่มีสิทธิ์แก้ไขข้อมูลนี้")

    def issued_seq(self) -> int:
        """The highest seq the server has given (read once per change set)."""
        if self._issued is None:
            batch = self._issued_of_batch
            self._issued = batch() if batch is not None else current_seq(self.conn)
        return self._issued

    def known_province(self, code: str) -> bool:
        return known_province(self.conn, code)

    def _lock_log_entries(self, changes: list[WireChange]) -> None:
        keys = []
        for key in sorted({(c.table, c.row_id) for c in changes if c.table in schema.DOMAIN_TABLES}):
            if key not in self.locked:
                keys.append(key)
            elif (known := self.locked[key]) is not None:
                self.log[key] = dict(known, field_seqs=dict(known["field_seqs"]))
        self.log.update(lock_log_entries(self.conn, keys))

    def insert_row(self, table: sa.Table, row: dict[str, Any]) -> None:
        if self.deferred is not None:
            self.deferred.insert(table, row)
        else:
            self.conn.execute(sa.insert(table).values(**row))

    def _note_write(
        self, table: str, row_id: str, province: str | None, deleted: bool, fields: set[str],
        insert: bool = False,
    ) -> None:
        key = (table, row_id)
        write = self.writes.get(key)
        if write is None:
            self.writes[key] = Write(table, row_id, province, deleted, insert, set(fields))
        else:
            write.deleted = deleted
            write.fields |= fields

    def add_conflict(
        self,
        change: WireChange,
        entry: dict[str, Any],
        column: sa.Column,
        field: str,
        server_value: Any,
        client_value: Any,
    ) -> None:
        conflict_id = new_id()
        server_wire = encode_value(column, server_value)
        client_wire = encode_value(column, client_value)
        province = entry["province_code"]
        self.conn.execute(
            sa.insert(schema.DOMAIN_TABLES["conflict"]).values(
                id=conflict_id,
                province_code=province,
                seq=None,
                table_name=change.table,
                row_id=change.row_id,
                field=field,
                server_value=server_wire,
                client_value=client_wire,
                change_set_id=self.cs.id,
                author=self.scope.author,
                status="open",
                created_at=self.now,
                updated_at=self.now,
            )
        )
        self.log[("conflict", conflict_id)] = {
            "province_code": province, "deleted": False, "seq": None, "first_seq": None,
            "field_seqs": {}, "pending": True,
        }
        self._note_write("conflict", conflict_id, province, False, set(), insert=True)
        self.conflicts.append(
            {
                "conflict_id": conflict_id,
                "table": change.table,
                "row_id": change.row_id,
                "field": field,
                "server_value": server_wire,
                "client_value": client_wire,
            }
        )
