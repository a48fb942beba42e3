"""The end of a batch on PostgreSQL: the seqs, the row log, the answers, the audit and
the commit in one round trip.

From the moment a batch takes its seqs (the counter row's lock) to its commit, every
other push of every process waits (``seqs.py``: that is what keeps seqs in commit
order). So that moment is made as short as it can be: every statement is built first,
with each seq written as ``last_seq + k`` (``k`` <= 0, the batch's offset from its
highest seq) read from the counter row this transaction has just updated, and then the
counter update, the row log entries, the answers, the audit rows and the COMMIT go to
PostgreSQL together in one psycopg pipeline. The lock is held for PostgreSQL's own
work and the commit's flush only, never for a round trip or for Python waiting for its
turn to run in a busy server process.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .. import schema
from ..images import images_for

if TYPE_CHECKING:
    from .batch import Batch

TAKE = "UPDATE server_state SET last_seq = last_seq + %s WHERE id = 1 RETURNING last_seq"

# Each statement writes all its rows from one set of arrays (``unnest``): one statement
# for PostgreSQL to plan and run instead of one per row, and no per-row parameter
# handling in Python (an executemany of 1,000 rows cost about 18 ms of this process's
# CPU and as much of PostgreSQL's). ``s`` is the counter row this transaction has just
# updated; a write's seq is ``s.last_seq + k``.
NEW_ENTRIES = (
    "INSERT INTO row_log (table_name, row_id, seq, province_code, deleted, first_seq, "
    "field_seqs, written_at, image) SELECT u.t, u.r, s.last_seq + u.k, u.p, u.d, "
    "s.last_seq + u.k, CAST('{}' AS json), %(now)s, u.i FROM server_state s, "
    "unnest(%(t)b::text[], %(r)b::text[], %(k)b::bigint[], %(p)b::text[], "
    "%(d)b::boolean[], %(i)b::text[]) AS u(t, r, k, p, d, i) WHERE s.id = 1"
)

# ``old``: the entry's field seqs less the fields written now (JSON text); ``names``:
# the fields written now (a JSON array), each given the write's seq.
ENTRIES = (
    "UPDATE row_log SET seq = s.last_seq + u.k, deleted = u.d, field_seqs = "
    "CAST(CAST(u.old AS jsonb) || COALESCE((SELECT jsonb_object_agg(f.name, s.last_seq + u.k) "
    "FROM json_array_elements_text(CAST(u.names AS json)) AS f(name)), CAST('{}' AS jsonb)) "
    "AS json), written_at = %(now)s, image = u.i FROM server_state s, "
    "unnest(%(t)b::text[], %(r)b::text[], %(k)b::bigint[], %(d)b::boolean[], "
    "%(old)b::text[], %(names)b::text[], %(i)b::text[]) AS u(t, r, k, d, old, names, i) "
    "WHERE s.id = 1 AND row_log.table_name = u.t AND row_log.row_id = u.r"
)

# The answers of the change sets numbered now: one device, user and time per batch.
ANSWERS = (
    "INSERT INTO applied_change_set (device_id, device_seq, change_set_id, status, seq, "
    "author, summary, result, received_at, user_id, device_created_at, changes) "
    "SELECT %(device)s, u.ds, u.id, u.st, s.last_seq + u.k, %(author)s, u.sm, "
    "CAST(jsonb_set(CAST(u.res AS jsonb), '{seq}', to_jsonb(s.last_seq + u.k)) AS json), "
    "%(now)s, %(user)s, u.dt, CAST(u.ch AS json) FROM server_state s, "
    "unnest(%(ds)b::bigint[], %(id)b::text[], %(st)b::text[], %(k)b::bigint[], "
    "%(sm)b::text[], %(res)b::text[], %(dt)b::text[], %(ch)b::text[]) "
    "AS u(ds, id, st, k, sm, res, dt, ch) WHERE s.id = 1"
)

AUDITS = (
    "INSERT INTO change_audit (table_name, row_id, province_code, change_set_id, device_id, "
    "device_seq, username, op, fields, seq, summary, device_created_at, received_at) "
    "SELECT u.t, u.r, u.p, u.cs, %(device)s, u.ds, %(author)s, u.op, CAST(u.f AS json), "
    "s.last_seq + u.k, u.sm, u.dt, %(now)s FROM server_state s, "
    "unnest(%(t)b::text[], %(r)b::text[], %(p)b::text[], %(cs)b::text[], %(ds)b::bigint[], "
    "%(op)b::text[], %(f)b::text[], %(k)b::bigint[], %(sm)b::text[], %(dt)b::text[]) "
    "AS u(t, r, p, cs, ds, op, f, k, sm, dt) WHERE s.id = 1"
)


class _Columns:
    """Rows gathered column by column, for one ``unnest`` statement."""

    def __init__(self, *names: str):
        self.names = names
        self.columns: tuple[list[Any], ...] = tuple([] for _ in names)

    def add(self, *values: Any) -> None:
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)

    def __bool__(self) -> bool:
        return bool(self.columns[0])

    def params(self, shared: dict[str, Any]) -> dict[str, Any]:
        return dict(shared, **dict(zip(self.names, self.columns, strict=True)))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def finish_in_one_round_trip(batch: Batch) -> None:
    """Number the batch's pending change sets, store every answer and audit row, and
    commit (PostgreSQL): see the module's docstring."""
    if batch.deferred is not None:
        batch.deferred.flush()
    conn: sa.Connection = batch.deferred.conn if batch.deferred is not None else batch.conn
    pending = batch.pending
    wanted: dict[str, set[str]] = {}
    for applier, _result in pending:
        for write in applier.writes.values():
            wanted.setdefault(write.table, set()).add(write.row_id)
    images = {name: images_for(conn, name, sorted(ids)) for name, ids in wanted.items()}
    total = sum(len(applier.writes) for applier, _ in pending)
    k = 1 - total  # the first write's seq is last_seq + k once the counter is taken
    relative: dict[int, int] = {}  # id(result) -> its seq - last_seq
    new = _Columns("t", "r", "k", "p", "d", "i")
    updated = _Columns("t", "r", "k", "d", "old", "names", "i")
    for applier, result in pending:
        for write in applier.writes.values():
            image = images[write.table][write.row_id]
            if write.insert:
                new.add(write.table, write.row_id, k, write.province_code, write.deleted, image)
            else:
                old = applier.log[(write.table, write.row_id)]["field_seqs"]
                updated.add(
                    write.table, write.row_id, k, write.deleted,
                    _json({n: s for n, s in old.items() if n not in write.fields}),
                    _json(sorted(write.fields)), image,
                )
            k += 1
        relative[id(result)] = k - 1  # its highest write (or, none, the seq before)
    answers, audits = batch.records_params()
    numbered: dict[tuple[str, int], int] = {}
    known_answers: list[dict[str, Any]] = []
    new_answers = _Columns("ds", "id", "st", "k", "sm", "res", "dt", "ch")
    for answer in answers:
        offset = relative.get(id(answer["result"]))
        if offset is None:  # rejected, or an earlier answer again: its seq is known
            known_answers.append(answer)
            continue
        numbered[(answer["change_set_id"], answer["device_seq"])] = offset
        new_answers.add(
            answer["device_seq"], answer["change_set_id"], answer["status"], offset,
            answer["summary"], _json(answer["result"]), answer["device_created_at"],
            _json(answer["changes"]),
        )
    known_audits: list[dict[str, Any]] = []  # of change sets numbered earlier in the batch
    audit_rows = _Columns("t", "r", "p", "cs", "ds", "op", "f", "k", "sm", "dt")
    for audit in audits:
        offset = numbered.get((audit["change_set_id"], audit["device_seq"]))
        if offset is None:
            known_audits.append(audit)
        else:
            audit_rows.add(
                audit["table_name"], audit["row_id"], audit["province_code"],
                audit["change_set_id"], audit["device_seq"], audit["op"],
                _json(audit["fields"]), offset, audit["summary"], audit["device_created_at"],
            )
    scope = batch.scope
    shared = {
        "now": batch.now, "device": scope.device_id, "author": scope.author,
        "user": scope.user_id,
    }
    raw = conn.connection.driver_connection
    error = conn.dialect.loaded_dbapi.Error
    try:
        with raw.pipeline():
            cursor = raw.cursor()
            cursor.execute(TAKE, (total,))  # the counter row's lock, held to the commit
            for statement, columns in (
                (NEW_ENTRIES, new), (ENTRIES, updated), (ANSWERS, new_answers),
                (AUDITS, audit_rows),
            ):
                if columns:
                    raw.execute(statement, columns.params(shared))
            for table, rows in (
                (schema.applied_change_set, known_answers), (schema.change_audit, known_audits)
            ):
                if rows:
                    conn.execute(sa.insert(table).inline(), rows)
            raw.commit()  # SQLAlchemy's own COMMIT afterwards finds nothing to do
            last = cursor.fetchone()[0]
            cursor.close()
    except sa.exc.DBAPIError:
        raise
    except error as exc:  # raised by psycopg when the pipeline syncs
        raise sa.exc.DBAPIError.instance(None, None, exc, error, dialect=conn.dialect) from exc
    for _applier, result in pending:
        result["seq"] = last + relative[id(result)]
    pending.clear()
    batch.log_records()
