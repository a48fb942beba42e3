"""A record's history, read from this device's change sets (who, when, what changed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.models import Change, ChangeSet
from codi_desktop.store.database import Store


@dataclass
class HistoryEntry:
    when: dt.datetime
    author: str
    summary: str
    op: str
    status: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, old, new)


def record_history(store: Store, table: str, row_id: str) -> list[HistoryEntry]:
    """Newest first. Bookkeeping fields (timestamps, scope) are left out."""
    hidden = {"created_at", "updated_at", "deleted_at", "province_code"}
    stmt = (
        sa.select(Change, ChangeSet)
        .join(ChangeSet, ChangeSet.id == Change.change_set_id)
        .where(Change.table_name == table, Change.row_id == row_id)
        .order_by(ChangeSet.device_seq.desc())
    )
    out = []
    with store.read() as session:
        for change, cs in session.execute(stmt):
            old = change.old_fields or {}
            changes = [
                (name, old.get(name), value)
                for name, value in (change.fields or {}).items()
                if name not in hidden
            ]
            out.append(
                HistoryEntry(cs.created_at, cs.author, cs.summary, change.op.value,
                             cs.status.value, changes)
            )
    return out
