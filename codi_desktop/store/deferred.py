"""Index building deferred while an empty laptop takes its first snapshot.

A first sync writes every row of a province (about 190,000 for a large one). Keeping
the secondary indexes and the search index current row by row as they arrive costs
about as much as writing the rows; building them once at the end costs a fraction. So
the first page's transaction drops the synced tables' plain (non-unique) indexes and
the search-index triggers and records their SQL in the local setting
``deferred_schema``; the last page's transaction puts them back and builds the search
index of every row. Unique indexes (the constraints) always stay.

Every commit is still consistent: the drop, the record and the page commit together,
and so do the last page, the rebuild and the record's removal (SQLite's DDL is
transactional). If the sync stops half-way, the sync engine restores them at once; if
the process dies, the next ``open_store`` does, before any migration runs.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS

from . import search_index

S_DEFERRED = "deferred_schema"


def _synced_tables() -> list[str]:
    return [m.__table__.name for m in SYNCED_MODELS.values()]  # type: ignore[attr-defined]


def _setting(conn: sa.Connection) -> list[dict[str, str]] | None:
    row = conn.exec_driver_sql(
        "SELECT value FROM local_setting WHERE key = ?", (S_DEFERRED,)
    ).first()
    if row is None or row[0] is None:
        return None
    value: Any = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    return value or None


def deferred(conn: sa.Connection) -> bool:
    """Whether indexes are deferred now (a first snapshot under way or cut short)."""
    return _setting(conn) is not None


def defer(conn: sa.Connection) -> int:
    """Inside the caller's write transaction: drop the plain indexes of the synced
    tables and the search-index triggers, and record them. Returns how many."""
    if deferred(conn):
        return 0
    tables = _synced_tables()
    marks = ", ".join("?" for _ in tables)
    found = conn.exec_driver_sql(
        "SELECT type, name, sql FROM sqlite_master "
        f"WHERE sql IS NOT NULL AND tbl_name IN ({marks}) AND ("
        "(type = 'trigger' AND name LIKE 'fts\\_%' ESCAPE '\\') OR "
        "(type = 'index' AND upper(sql) NOT LIKE 'CREATE UNIQUE%'))"
        " ORDER BY type, name",
        tuple(tables),
    ).fetchall()
    if not found:
        return 0
    record = [{"type": kind, "name": name, "sql": sql} for kind, name, sql in found]
    conn.exec_driver_sql(
        "INSERT INTO local_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (S_DEFERRED, json.dumps(record)),
    )
    for entry in record:
        conn.exec_driver_sql(f'DROP {entry["type"].upper()} IF EXISTS "{entry["name"]}"')
    return len(record)


def restore(conn: sa.Connection) -> bool:
    """Inside the caller's write transaction: put back what ``defer`` dropped and build
    the search index of every row. Returns whether anything was deferred."""
    record = _setting(conn)
    if record is None:
        return False
    existing = {
        name
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
        )
    }
    for entry in record:
        if entry["name"] not in existing:
            conn.exec_driver_sql(entry["sql"])
    search_index.rebuild_all(conn)
    conn.exec_driver_sql("DELETE FROM local_setting WHERE key = ?", (S_DEFERRED,))
    return True


def restore_file(engine: sa.Engine) -> bool:
    """On opening a database: restore in a transaction of its own, if a first snapshot
    was cut short by the end of the process."""
    with engine.connect() as conn:
        has_settings = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_setting'"
        ).first()
        if has_settings is None or not deferred(conn):
            return False
    with engine.begin() as conn:
        return restore(conn)
