"""Change capture: every write to a synced row becomes part of the action's change set.

Session events watch what each flush writes. ``Store.action()`` wraps one user action in
one transaction and, before it commits, turns what was captured into a ``ChangeSet``
with its ``Change`` rows (PROTOCOL.md: the rows and their change set commit together).
A commit with captured changes outside an action is refused, so no write path can skip
the outbox. Sessions with ``info["capture"] = False`` (applying pulled rows, local
settings, reference data) are not captured.
"""

from __future__ import annotations

import functools
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from codi_core.models import (
    BOOKKEEPING_COLUMNS,
    Change,
    ChangeOp,
    ChangeSet,
    ChangeSetStatus,
    Synced,
    utcnow,
)
from codi_core.models.serialize import content_columns, encode_value, row_image

CAPTURED = "captured"


class UncapturedWriteError(RuntimeError):
    """A synced row was written outside ``Store.action()``."""


@functools.cache
def _python_defaults(table: sa.Table) -> tuple[tuple[str, Any], ...]:
    """(attribute, column default) of the columns with a Python-side default."""
    return tuple(
        (column.key, column.default)
        for column in table.columns
        if column.default is not None and (column.default.is_callable or column.default.is_scalar)
    )


def _apply_python_defaults(obj: Any, table: sa.Table) -> None:
    # Column defaults normally run at INSERT time; the change needs them now.
    for key, default in _python_defaults(table):
        if getattr(obj, key, None) is None:
            if default.is_callable:
                setattr(obj, key, default.arg(None))  # type: ignore[union-attr]
            else:
                setattr(obj, key, default.arg)  # type: ignore[union-attr]


def _captured(session: Session) -> dict[tuple[str, str], dict[str, Any]]:
    return session.info.setdefault(CAPTURED, {})


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("capture", True) is False:
        return
    captured = _captured(session)
    now = utcnow()
    for obj in list(session.new):
        if not isinstance(obj, Synced):
            continue
        table = sa.inspect(obj).mapper.local_table
        _apply_python_defaults(obj, table)
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        captured[(table.name, obj.id)] = {
            "op": ChangeOp.INSERT,
            "fields": row_image(obj),
            "base_seq": None,
            "old": None,
        }
    for obj in list(session.dirty):
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        state = sa.inspect(obj)
        table = state.mapper.local_table
        changed: dict[str, Any] = {}
        old: dict[str, Any] = {}
        for column in content_columns(table):
            if column.name in BOOKKEEPING_COLUMNS:
                continue
            hist = state.attrs[column.key].history
            if not hist.has_changes():
                continue
            new_value = getattr(obj, column.key)
            old_value = hist.deleted[0] if hist.deleted else None
            if encode_value(column, new_value) == encode_value(column, old_value):
                continue
            changed[column.name] = encode_value(column, new_value)
            old[column.name] = encode_value(column, old_value)
        if not changed:
            continue
        if type(obj).__ledger__:
            raise UncapturedWriteError(
                f"{table.name} is an append-only ledger: correct it with a reversal entry"
            )
        obj.updated_at = now
        key = (table.name, obj.id)
        entry = captured.get(key)
        if entry is not None and entry["op"] is ChangeOp.INSERT:
            entry["fields"].update(changed)
            continue
        is_delete = "deleted_at" in changed and changed["deleted_at"] is not None
        if entry is None:
            captured[key] = {
                "op": ChangeOp.DELETE if is_delete else ChangeOp.UPDATE,
                "fields": changed,
                "base_seq": obj.seq,
                "old": old,
            }
        else:
            entry["fields"].update(changed)
            for name, value in old.items():
                entry["old"].setdefault(name, value)
            if is_delete:
                entry["op"] = ChangeOp.DELETE
    for obj in list(session.deleted):
        if isinstance(obj, Synced):
            raise UncapturedWriteError(
                "synced rows are never hard-deleted; set deleted_at (a tombstone) instead"
            )


def _before_commit(session: Session) -> None:
    if session.info.get("capture", True) is False:
        return
    session.flush()
    if session.info.get(CAPTURED):
        session.info.pop(CAPTURED, None)
        raise UncapturedWriteError("synced rows must be written inside Store.action()")


def _after_rollback(session: Session) -> None:
    session.info.pop(CAPTURED, None)


def install_capture(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_soft_rollback", lambda s, _t: _after_rollback(s))


def finish_change_set(
    session: Session, *, summary: str, author: str, schema_version: str, local_only: bool
) -> ChangeSet | None:
    """Turn what the action captured into its change set (called just before commit)."""
    session.flush()
    captured = session.info.pop(CAPTURED, None)
    if not captured:
        return None
    last = session.scalar(sa.select(sa.func.max(ChangeSet.device_seq))) or 0
    change_set = ChangeSet(
        device_seq=last + 1,
        author=author[:100],
        summary=summary[:500],
        schema_version=schema_version,
        status=ChangeSetStatus.LOCAL if local_only else ChangeSetStatus.PENDING,
    )
    session.add(change_set)
    session.flush()
    # One executemany for all the change rows (an import queues thousands): a plain
    # INSERT without RETURNING, where the ORM would insert them one by one to read back
    # each autoincrement id.
    rows = [
        {
            "change_set_id": change_set.id,
            "position": position,
            "table_name": table,
            "row_id": row_id,
            "op": entry["op"],
            "fields": {} if entry["op"] is ChangeOp.DELETE else entry["fields"],
            "base_seq": entry["base_seq"],
            "old_fields": entry["old"],
        }
        for position, ((table, row_id), entry) in enumerate(captured.items())
    ]
    session.connection().execute(sa.insert(Change), rows)
    return change_set
