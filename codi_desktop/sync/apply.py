"""Writing what the server says into the local database, without change capture.

Three kinds of write, each done inside a transaction the caller owns (a SQLAlchemy
``Connection`` in an explicit ``BEGIN IMMEDIATE``): a pulled page of full row images
(upserted table by table), the results of a push (change set statuses, conflicts), and
undoing a rejected change set (the server's version of its rows back in place).

Rows with changes still waiting in the outbox keep their local values (PROTOCOL.md);
the server's image of such a row is kept aside in the ``sync_shadow`` local setting so
that, if the waiting change is later rejected, the server's version can be put back
without a round trip.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from codi_core.models import (
    Change,
    ChangeOp,
    ChangeSet,
    ChangeSetStatus,
    Conflict,
    ConflictStatus,
    LocalSetting,
    utcnow,
)
from codi_core.models.serialize import WireValueError
from codi_desktop.store.database import Store

from . import bases
from .codecs import codec

log = logging.getLogger(__name__)

S_CURSOR = "sync_cursor"
S_SHADOW = "sync_shadow"

_change_t: sa.Table = Change.__table__  # type: ignore[assignment]
_change_set_t: sa.Table = ChangeSet.__table__  # type: ignore[assignment]
_setting_t: sa.Table = LocalSetting.__table__  # type: ignore[assignment]


@contextmanager
def write_transaction(store: Store) -> Iterator[sa.Connection]:
    """One local write transaction for applying server data.

    Foreign keys are switched off for it: a page of row images comes in server order,
    where a child can arrive before the update that brought its parent, and the server
    has already checked references. ``BEGIN IMMEDIATE`` takes the write lock up front so
    the set of rows with waiting changes cannot change under us.
    """
    with store.engine.connect() as conn:
        # Outside any transaction (the PRAGMA is a no-op inside one): on the driver
        # connection, which runs in autocommit mode (database._set_sqlite_pragmas).
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            raw.execute("PRAGMA foreign_keys=ON")


# -- settings inside a transaction ------------------------------------------------------


def get_setting(conn: sa.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute(sa.select(_setting_t.c.value).where(_setting_t.c.key == key)).first()
    return default if row is None else row[0]


def set_setting(conn: sa.Connection, key: str, value: Any) -> None:
    stmt = sqlite_insert(_setting_t).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


# -- rows waiting in the outbox --------------------------------------------------------


class PendingIndex:
    """The rows (and their fields) that change sets still in the outbox touch.

    Built with one query; ``drop(change_set_id)`` takes a change set out once its result
    is recorded, so a whole batch of results costs one scan of the outbox, not one each.
    """

    def __init__(self, conn: sa.Connection) -> None:
        self.by_key: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(dict)
        self.by_change_set: dict[str, list[tuple[str, str]]] = defaultdict(list)
        rows = conn.execute(
            sa.select(
                _change_t.c.change_set_id,
                _change_t.c.table_name,
                _change_t.c.row_id,
                _change_t.c.op,
                # the stored text, parsed by orjson below (SQLAlchemy's JSON type
                # would use the standard library: a tenth of a catch-up push's time)
                sa.type_coerce(_change_t.c.fields, sa.Text),
            )
            .join(_change_set_t, _change_set_t.c.id == _change_t.c.change_set_id)
            .where(_change_set_t.c.status == ChangeSetStatus.PENDING)
        )
        for cs_id, table, row_id, op, fields in rows:
            key = (table, row_id)
            names = set(load_json(fields) or {})
            if op == ChangeOp.INSERT:
                names.add("*")
            elif op == ChangeOp.DELETE:
                names.add("deleted_at")
            self.by_key[key].setdefault(cs_id, set()).update(names)
            self.by_change_set[cs_id].append(key)

    def drop(self, change_set_id: str) -> None:
        for key in self.by_change_set.pop(change_set_id, []):
            sets = self.by_key.get(key)
            if sets is not None:
                sets.pop(change_set_id, None)
                if not sets:
                    del self.by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self.by_key

    def edited(self, key: tuple[str, str]) -> set[str]:
        """Fields waiting updates and deletes change (a waiting insert's own fields not
        counted: if the server sends the row, it has that insert already)."""
        out: set[str] = set()
        for names in (self.by_key.get(key) or {}).values():
            if "*" not in names:
                out |= names
        return out

    def get(self, key: tuple[str, str], default: set[str] | None = None) -> set[str]:
        sets = self.by_key.get(key)
        if not sets:
            return default if default is not None else set()
        out: set[str] = set()
        for names in sets.values():
            out |= names
        return out


def pending_fields(conn: sa.Connection) -> PendingIndex:
    """(table, row_id) → fields changed by change sets still waiting to be pushed."""
    return PendingIndex(conn)


# -- push results ----------------------------------------------------------------------


def _changes_of(conn: sa.Connection, change_set_id: str) -> list[sa.Row[Any]]:
    return list(
        conn.execute(
            sa.select(_change_t)
            .where(_change_t.c.change_set_id == change_set_id)
            .order_by(_change_t.c.position)
        )
    )


def load_json(value: Any) -> Any:
    """A JSON column's value, from its stored text (orjson) or already decoded."""
    if value is None or not isinstance(value, str | bytes):
        return value
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return json.loads(value)  # what orjson refuses but JSON allows (huge integers)


def _write_fields(
    conn: sa.Connection, table_name: str, row_id: str, fields: dict[str, Any], **extra: Any
) -> None:
    table_codec = codec(table_name)
    if table_codec is None or not (fields or extra):
        return
    values = table_codec.decode(fields)
    values.update(extra)
    if values:
        table = table_codec.table
        conn.execute(table.update().where(table.c.id == row_id).values(**values))


def _row_exists(conn: sa.Connection, table_name: str, row_id: str) -> bool:
    table_codec = codec(table_name)
    if table_codec is None:
        return False
    t = table_codec.table
    return conn.execute(sa.select(t.c.id).where(t.c.id == row_id)).first() is not None


def restore_rejected(
    conn: sa.Connection,
    change_set_id: str,
    waiting: PendingIndex | None = None,
    *,
    changes: list[Any] | None = None,
    shadow: dict[str, Any] | None = None,
) -> int:
    """Put back the server's version of the rows a rejected change set touched.

    The server's image kept aside while the change waited is used when there is one;
    otherwise the values from before the change (``old_fields``), and a row the change
    inserted is removed (the server never had it). Fields that other, still waiting,
    change sets changed keep their local values. Returns the number of rows restored.
    """
    if waiting is None:
        waiting = pending_fields(conn)
        waiting.drop(change_set_id)
    own_shadow = shadow is None
    if shadow is None:
        shadow = dict(get_setting(conn, S_SHADOW, {}) or {})
    if changes is None:
        changes = _changes_of(conn, change_set_id)
    restored = 0
    for change in sorted(changes, key=lambda c: c.position, reverse=True):
        key = (change.table_name, change.row_id)
        keep = waiting.get(key, set())
        image = shadow.get(f"{key[0]}|{key[1]}") or {}
        server_fields = image.get("fields") or {}
        op = ChangeOp(change.op)
        if op is ChangeOp.INSERT:
            if not keep and not image and (table_codec := codec(change.table_name)) is not None:
                t = table_codec.table
                conn.execute(t.delete().where(t.c.id == change.row_id))
                restored += 1
            continue
        if "*" in keep:
            continue
        old = dict(load_json(change.old_fields) or {})
        if op is ChangeOp.DELETE:
            old.setdefault("deleted_at", None)
        # The server's value held aside when there is one, else the value before.
        values = {
            name: server_fields.get(name, value)
            for name, value in old.items()
            if name not in keep
        }
        if values:
            _write_fields(conn, change.table_name, change.row_id, values)
            restored += 1
        if not keep:
            shadow.pop(f"{key[0]}|{key[1]}", None)
    if own_shadow:
        set_setting(conn, S_SHADOW, shadow)
    return restored


class ResultRecorder:
    """Records the results of one pushed batch inside one write transaction.

    The outbox index and the kept-aside server images are read once per batch, and the
    change sets' new statuses are written with one executemany at ``finish()``.
    """

    def __init__(self, conn: sa.Connection, change_sets: dict[str, Any] | None = None):
        self.conn = conn
        self.change_sets = change_sets or {}  # id → ChangeSet (with .changes loaded)
        self.waiting = pending_fields(conn)
        self.shadow: dict[str, Any] = dict(get_setting(conn, S_SHADOW, {}) or {})
        self._shadow_dirty = False
        self._applied: list[dict[str, Any]] = []
        self._inserted: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.learned: bases.Learned | None = None
        self.newest: int | None = None
        self.now = utcnow()

    def _change_set(self, cs_id: str) -> tuple[str | None, list[Any]] | None:
        known = self.change_sets.get(cs_id)
        if known is not None:
            return known.author, list(known.changes)
        row = self.conn.execute(
            sa.select(_change_set_t.c.author).where(_change_set_t.c.id == cs_id)
        ).first()
        if row is None:
            return None
        return row.author, _changes_of(self.conn, cs_id)

    def _device_seq(self, cs_id: str) -> int:
        known = self.change_sets.get(cs_id)
        if known is not None:
            return int(known.device_seq)
        return int(
            self.conn.execute(
                sa.select(_change_set_t.c.device_seq).where(_change_set_t.c.id == cs_id)
            ).scalar_one()
        )

    def _learn(
        self, cs_id: str, change_list: list[Any], conflicts: list[dict[str, Any]], seq: int
    ) -> None:
        """Every row the change set wrote learns, field by field, the seq it was given
        (``bases``): the next edit's base is this laptop's own last write. An insert on a
        row nothing waits on learns nothing: ``finish`` gives the row that seq, and every
        later edit takes its base from there (a learned entry would say the same)."""
        learning = [
            change for change in change_list
            if ChangeOp(change.op) is not ChangeOp.INSERT
            or (change.table_name, change.row_id) in self.waiting
        ]
        if not learning:
            return
        if self.learned is None:
            self.learned = dict(get_setting(self.conn, bases.S_LEARNED, {}) or {})
        if self.newest is None:
            self.newest = int(
                self.conn.execute(sa.select(sa.func.max(_change_set_t.c.device_seq))).scalar()
                or 0
            )
        own = self._device_seq(cs_id)
        conflicted: dict[tuple[str, str], set[str]] = defaultdict(set)
        for conflict in conflicts:
            conflicted[(conflict.get("table"), conflict.get("row_id"))].add(conflict.get("field"))
        for change in learning:
            op = ChangeOp(change.op)
            key = (change.table_name, change.row_id)
            if op is ChangeOp.DELETE:
                written: set[str] = {"deleted_at"}
            else:
                written = set(load_json(change.fields) or {})
                if op is ChangeOp.INSERT and (table_codec := codec(change.table_name)):
                    written |= set(table_codec.columns)
            bases.note_applied(
                self.learned, key[0], key[1], written, conflicted.get(key, set()), seq, own,
                self.newest,
            )

    def record(self, result: dict[str, Any]) -> tuple[str, int]:
        """Store one change set's result; returns (status, number of conflicts)."""
        cs_id = result["id"]
        status = result.get("status")
        found = self._change_set(cs_id)
        if found is None:
            log.warning("result for an unknown change set %s", cs_id)
            return "unknown", 0
        author, change_list = found
        self.waiting.drop(cs_id)
        changes = {(c.table_name, c.row_id): c for c in change_list}
        if status == "applied":
            server_seq = result.get("seq")
            self._applied.append({"b_id": cs_id, "b_seq": server_seq})
            conflicts = result.get("conflicts") or []
            for conflict in conflicts:
                _record_conflict(
                    self.conn, cs_id, author, conflict, changes, self.waiting, server_seq
                )
            for key in changes:
                if key not in self.waiting and self.shadow.pop(f"{key[0]}|{key[1]}", None):
                    self._shadow_dirty = True
            if server_seq is not None:
                self._learn(cs_id, change_list, conflicts, int(server_seq))
                for (table_name, row_id), change in changes.items():
                    if ChangeOp(change.op) is ChangeOp.INSERT:
                        self._inserted[table_name].append({"b_id": row_id, "b_seq": server_seq})
            return "applied", len(conflicts)
        if status == "rejected":
            detail = result.get("detail") or ""
            if result.get("detail_th"):
                detail = f"{result['detail_th']}\n{detail}".strip()
            self.conn.execute(
                _change_set_t.update()
                .where(_change_set_t.c.id == cs_id)
                .values(
                    status=ChangeSetStatus.REJECTED,
                    server_seq=None,
                    result_code=result.get("code") or "rejected",
                    result_detail=detail or None,
                    sent_at=self.now,
                )
            )
            restore_rejected(
                self.conn, cs_id, self.waiting, changes=change_list, shadow=self.shadow
            )
            self._shadow_dirty = True
            return "rejected", 0
        raise ValueError(f"unexpected change set status from the server: {status!r}")

    def finish(self) -> None:
        if self._applied:
            self.conn.execute(
                _change_set_t.update()
                .where(_change_set_t.c.id == sa.bindparam("b_id"))
                .values(
                    status=ChangeSetStatus.APPLIED,
                    server_seq=sa.bindparam("b_seq"),
                    result_code=None,
                    result_detail=None,
                    sent_at=self.now,
                ),
                self._applied,
            )
        for table_name, params in self._inserted.items():
            table_codec = codec(table_name)
            if table_codec is not None:
                t = table_codec.table
                self.conn.execute(
                    t.update()
                    .where(t.c.id == sa.bindparam("b_id"), t.c.seq.is_(None))
                    .values(seq=sa.bindparam("b_seq")),
                    params,
                )
        if self._shadow_dirty:
            set_setting(self.conn, S_SHADOW, self.shadow)
        if self.learned is not None:
            set_setting(self.conn, bases.S_LEARNED, self.learned)
        self._applied.clear()
        self._inserted.clear()


def record_result(conn: sa.Connection, result: dict[str, Any]) -> tuple[str, int]:
    """Store one change set's result (outside a batch)."""
    recorder = ResultRecorder(conn)
    outcome = recorder.record(result)
    recorder.finish()
    return outcome


def _record_conflict(
    conn: sa.Connection,
    change_set_id: str,
    author: str | None,
    conflict: dict[str, Any],
    changes: dict[tuple[str, str], sa.Row[Any]],
    waiting: PendingIndex,
    server_seq: int | None = None,
) -> None:
    """Show the conflict at once and put the server's value (which stays) in the row."""
    table_name = conflict.get("table")
    row_id = conflict.get("row_id")
    field_name = conflict.get("field")
    table_codec = codec(table_name) if isinstance(table_name, str) else None
    province = None
    if table_codec is not None:
        t = table_codec.table
        province = conn.execute(
            sa.select(t.c.province_code).where(t.c.id == row_id)
        ).scalar_one_or_none()
    conflict_t: sa.Table = Conflict.__table__  # type: ignore[assignment]
    now = utcnow()
    stmt = sqlite_insert(conflict_t).values(
        id=conflict["conflict_id"],
        province_code=province,
        table_name=table_name,
        row_id=row_id,
        field=field_name,
        server_value=conflict.get("server_value"),
        client_value=conflict.get("client_value"),
        change_set_id=change_set_id,
        author=author,
        status=ConflictStatus.OPEN,
        # The server wrote the conflict within this change set, at or below its seq:
        # a base for resolving it before the pull brings the full row.
        seq=server_seq,
        created_at=now,
        updated_at=now,
    )
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))
    if table_codec is None or (table_name, row_id) not in changes:
        return
    keep = waiting.get((table_name, row_id), set())
    ours = changes[(table_name, row_id)]
    if ChangeOp(ours.op) is ChangeOp.DELETE:
        # A delete against an edit: the row is kept on the server, so keep it here too.
        if "deleted_at" not in keep and "*" not in keep:
            _write_fields(conn, table_name, row_id, {"deleted_at": None})
        return
    if field_name == "deleted_at":
        # An edit against a delete: the server restored the row for the edit.
        if "deleted_at" not in keep and "*" not in keep:
            _write_fields(conn, table_name, row_id, {"deleted_at": None})
        return
    if field_name in table_codec.columns and field_name not in keep:
        try:
            _write_fields(conn, table_name, row_id, {field_name: conflict.get("server_value")})
        except WireValueError:
            log.warning("conflict %s: server value not valid here", conflict["conflict_id"])


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()
