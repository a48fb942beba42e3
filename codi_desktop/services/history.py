"""A record's history: who, when, what changed.

Online, the server's audit holds every device's applied changes
(``codi_desktop.sync.history.fetch_history``); this laptop's change sets that the server
has not applied yet (waiting, rejected, demo) are shown on top of them. Offline (or not
enrolled) the history is this device's own change sets. Either way the entries have the
same shape, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.models import Change, ChangeSet
from codi_core.models.serialize import parse_datetime
from codi_desktop.store.database import Store

HIDDEN = frozenset({"created_at", "updated_at", "deleted_at", "province_code"})

Fetch = Callable[[Store, str, str], "list[dict[str, Any]] | None"]


@dataclass
class HistoryEntry:
    when: dt.datetime
    author: str
    summary: str
    op: str
    status: str
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, old, new)
    device: str = ""  # the device's name (server history) or "" (this laptop)
    author_name: str = ""  # the authenticated user the server recorded
    source: str = "local"  # "local" (this laptop's outbox) or "server" (the audit)
    device_time: dt.datetime | None = None  # when the device made it (server history)


def _local(store: Store, table: str, row_id: str, *, unapplied_only: bool) -> list[HistoryEntry]:
    stmt = (
        sa.select(Change, ChangeSet)
        .join(ChangeSet, ChangeSet.id == Change.change_set_id)
        .where(Change.table_name == table, Change.row_id == row_id)
        .order_by(ChangeSet.device_seq.desc())
    )
    out = []
    with store.read() as session:
        for change, cs in session.execute(stmt):
            if unapplied_only and cs.status.value == "applied":
                continue
            old = change.old_fields or {}
            changes = [
                (name, old.get(name), value)
                for name, value in (change.fields or {}).items()
                if name not in HIDDEN
            ]
            out.append(
                HistoryEntry(cs.created_at, cs.author, cs.summary, change.op.value,
                             cs.status.value, changes)
            )
    return out


def _time(value: Any) -> dt.datetime | None:
    try:
        return parse_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


def _from_server(entries: list[dict[str, Any]]) -> list[HistoryEntry]:
    out = []
    last: dict[str, Any] = {}  # field -> value after the previous entry (the "old" side)
    for e in entries:  # oldest first
        fields = {k: v for k, v in (e.get("fields") or {}).items() if k not in HIDDEN}
        changes = [(name, last.get(name), value) for name, value in fields.items()]
        last.update(fields)
        when = _time(e.get("server_time")) or dt.datetime.now(dt.UTC)
        out.append(HistoryEntry(
            when=when, author=e.get("author") or "", summary=e.get("summary") or "",
            op=e.get("op") or "", status="applied", changes=changes,
            device=e.get("device_name") or "", author_name=e.get("author") or "",
            source="server", device_time=_time(e.get("device_time")),
        ))
    out.reverse()
    return out


def record_history(store: Store, table: str, row_id: str, *, online: bool = False,
                   fetch: Fetch | None = None) -> list[HistoryEntry]:
    """Newest first. Bookkeeping fields (timestamps, scope) are left out. ``online``:
    ask the server for every device's history (``fetch``, by default the sync client's
    ``fetch_history``); when it cannot answer, the local outbox is the history."""
    if online:
        if fetch is None:
            from codi_desktop.sync.history import fetch_history as fetch
        entries = fetch(store, table, row_id)
        if entries is not None:
            waiting = _local(store, table, row_id, unapplied_only=True)
            return waiting + _from_server(entries)
    return _local(store, table, row_id, unapplied_only=False)
