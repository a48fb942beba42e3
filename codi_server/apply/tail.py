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

LAST = "(SELECT last_seq FROM server_state WHERE id = 1)"

TAKE = "UPDATE server_state SET last_seq = last_seq + %s WHERE id = 1 RETURNING last_seq"

NEW_ENTRY = sa.text(
    "INSERT INTO row_log (table_name, row_id, seq, province_code, deleted, first_seq, "
    "field_seqs, written_at, image) VALUES (:table_name, :row_id, " + LAST + " + :k, "
    ":province_code, :deleted, " + LAST + " + :k, CAST('{}' AS json), :written_at, :image)"
)

ENTRY = sa.text(
    "UPDATE row_log SET seq = " + LAST + " + :k, deleted = :deleted, field_seqs = "
    "CAST(CAST(:old AS jsonb) || COALESCE((SELECT jsonb_object_agg(f, " + LAST + " + :k) "
    "FROM unnest(CAST(:names AS text[])) AS f), CAST('{}' AS jsonb)) AS json), "
    "written_at = :written_at, image = :image WHERE table_name = :t AND row_id = :r"
)

ANSWER = sa.text(
    "INSERT INTO applied_change_set (device_id, device_seq, change_set_id, status, seq, "
    "author, summary, result, received_at, user_id, device_created_at, changes) VALUES "
    "(:device_id, :device_seq, :change_set_id, :status, " + LAST + " + :k, :author, "
    ":summary, CAST(jsonb_set(CAST(:result AS jsonb), '{seq}', to_jsonb(" + LAST + " + :k)) "
    "AS json), :received_at, :user_id, :device_created_at, CAST(:changes AS json))"
)

AUDIT = sa.text(
    "INSERT INTO change_audit (table_name, row_id, province_code, change_set_id, device_id, "
    "device_seq, username, op, fields, seq, summary, device_created_at, received_at) VALUES "
    "(:table_name, :row_id, :province_code, :change_set_id, :device_id, :device_seq, "
    ":username, :op, CAST(:fields AS json), " + LAST + " + :k, :summary, :device_created_at, "
    ":received_at)"
)


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
    new_entries: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for applier, result in pending:
        for write in applier.writes.values():
            image = images[write.table][write.row_id]
            if write.insert:
                new_entries.append({
                    "table_name": write.table, "row_id": write.row_id, "k": k,
                    "province_code": write.province_code, "deleted": write.deleted,
                    "written_at": batch.now, "image": image,
                })
            else:
                old = applier.log[(write.table, write.row_id)]["field_seqs"]
                entries.append({
                    "t": write.table, "r": write.row_id, "k": k, "deleted": write.deleted,
                    "old": _json({n: s for n, s in old.items() if n not in write.fields}),
                    "names": sorted(write.fields), "written_at": batch.now, "image": image,
                })
            k += 1
        relative[id(result)] = k - 1  # its highest write (or, none, the seq before)
    answers, audits = batch.records_params()
    numbered: dict[tuple[str, int], int] = {}
    known_answers: list[dict[str, Any]] = []
    new_answers: list[dict[str, Any]] = []
    for answer in answers:
        offset = relative.get(id(answer["result"]))
        if offset is None:  # rejected, or an earlier answer again: its seq is known
            known_answers.append(answer)
            continue
        numbered[(answer["change_set_id"], answer["device_seq"])] = offset
        new_answers.append(dict(
            answer, k=offset, result=_json(answer["result"]), changes=_json(answer["changes"])
        ))
    known_audits: list[dict[str, Any]] = []  # of change sets numbered earlier in the batch
    audit_rows: list[dict[str, Any]] = []
    for audit in audits:
        offset = numbered.get((audit["change_set_id"], audit["device_seq"]))
        if offset is None:
            known_audits.append(audit)
        else:
            audit_rows.append(dict(audit, k=offset, fields=_json(audit["fields"])))
    raw = conn.connection.driver_connection
    error = conn.dialect.loaded_dbapi.Error
    try:
        with raw.pipeline():
            cursor = raw.cursor()
            cursor.execute(TAKE, (total,))  # the counter row's lock, held to the commit
            for statement, rows in (
                (NEW_ENTRY, new_entries), (ENTRY, entries), (ANSWER, new_answers),
                (sa.insert(schema.applied_change_set).inline(), known_answers),
                (AUDIT, audit_rows), (sa.insert(schema.change_audit).inline(), known_audits),
            ):
                if rows:
                    conn.execute(statement, rows)
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
