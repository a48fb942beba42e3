"""The list pages' search index (``fts_<table>``, migration 0002) written in bulk.

Triggers keep the index current row by row, whoever writes. A pulled snapshot writes
thousands of rows per transaction; for those, ``bulk(conn)`` takes the triggers away
inside the caller's transaction, and ``reindex`` then writes the index entries of the
rows it was given with one set-based statement per table, before the triggers are put
back, still in the same transaction. The index is therefore never out of step with the
rows at any commit (a rollback restores the triggers too: SQLite's DDL is
transactional).

The text indexed is taken from the triggers themselves (their ``VALUES (...)`` list
over ``NEW``), so the rule of what is searchable stays in the migration that made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

_VALUES = re.compile(r"VALUES\s*\((?P<values>.*)\)\s*;\s*END\s*$", re.S | re.I)
_CHUNK = 500


@dataclass(frozen=True)
class _Index:
    fts: str  # fts_<table>
    table: str
    values: str  # "NEW.rowid, NEW.id, <body expression over NEW>"


@dataclass
class _Trigger:
    name: str
    table: str
    sql: str


def _triggers(conn: sa.Connection) -> list[_Trigger]:
    return [
        _Trigger(name, table, sql)
        for name, table, sql in conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'fts\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]


def _indexes(triggers: Iterable[_Trigger]) -> dict[str, _Index]:
    """table -> how to index it, read from its AFTER INSERT trigger."""
    out: dict[str, _Index] = {}
    for trig in triggers:
        if not trig.name.endswith("_ai"):
            continue
        found = _VALUES.search(trig.sql)
        if found is None:
            continue
        out[trig.table] = _Index(trig.name[: -len("_ai")], trig.table, found["values"])
    return out


class BulkIndex:
    """The triggers are off while this lives; ``reindex`` writes index entries."""

    def __init__(self, conn: sa.Connection, indexes: dict[str, _Index]):
        self.conn = conn
        self.indexes = indexes

    def covers(self, table: str) -> bool:
        return table in self.indexes

    def reindex(self, table: str, ids: list[str]) -> None:
        """(Re)write the index entries of these rows of ``table`` (by id)."""
        index = self.indexes.get(table)
        if index is None or not ids:
            return
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            self.conn.exec_driver_sql(
                f'DELETE FROM "{index.fts}" WHERE rowid IN '
                f'(SELECT rowid FROM "{table}" WHERE id IN ({marks}))',
                tuple(chunk),
            )
            self.conn.exec_driver_sql(
                f'INSERT INTO "{index.fts}"(rowid, row_id, body) SELECT {index.values} '
                f'FROM "{table}" AS NEW WHERE NEW.id IN ({marks})',
                tuple(chunk),
            )

    def drop(self, table: str, rowids: list[int]) -> None:
        """Remove the entries of rows about to be deleted (by rowid)."""
        index = self.indexes.get(table)
        if index is None:
            return
        for start in range(0, len(rowids), _CHUNK):
            chunk = rowids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            self.conn.exec_driver_sql(
                f'DELETE FROM "{index.fts}" WHERE rowid IN ({marks})', tuple(chunk)
            )


@contextmanager
def bulk(conn: sa.Connection) -> Iterator[BulkIndex]:
    """Inside the caller's write transaction: triggers off, back on at the end."""
    triggers = _triggers(conn)
    for trig in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{trig.name}"')
    try:
        yield BulkIndex(conn, _indexes(triggers))
    finally:
        for trig in triggers:
            conn.exec_driver_sql(trig.sql)


def rebuild_all(conn: sa.Connection) -> None:
    """Every index from scratch (a repair; inside the caller's transaction)."""
    for index in _indexes(_triggers(conn)).values():
        conn.exec_driver_sql(f'DELETE FROM "{index.fts}"')
        conn.exec_driver_sql(
            f'INSERT INTO "{index.fts}"(rowid, row_id, body) SELECT {index.values} '
            f'FROM "{index.table}" AS NEW'
        )
