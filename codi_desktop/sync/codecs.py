"""Wire values of pulled row images to local column values, checked.

Two forms of the same check, both by column type (``codi_core.models.serialize``):

- ``TableCodec.decode``: a dict of Python values (datetimes, enums), for the writes that go
  through SQLAlchemy (kept-local merges, restores, conflict values).
- ``TableCodec.plan``: the values SQLite stores, as one tuple per row, for the bulk writes
  of a pulled page. A value in its usual wire form is checked and turned into its
  stored form directly (a time ``2026-01-02T03:04:05.123456Z`` is stored as
  ``2026-01-02 03:04:05.123456`` without becoming a datetime and back); anything else
  goes through ``decode_value`` and the column's own SQLAlchemy bind processor, which
  accept it the same way or raise the same ``WireValueError``. What is stored is
  therefore exactly what SQLAlchemy would store (tests/sync/test_codecs.py compares the
  two on every column).

The one check left to the database is that a text is valid Unicode: orjson refuses a
lone surrogate; a page only the standard library could parse may hold one, and SQLite's
driver then refuses to bind it (``UnicodeEncodeError``), which the page writer answers by
checking that page's rows one by one.

``RowPlan.batches`` groups the stored rows into multi-row upserts
(``INSERT ... VALUES (?, ...), (?, ...) ON CONFLICT``) of about ``MAX_PARAMS`` values each,
with their parameters flattened by ``pages.prepare`` (off the writer's thread): one bind
and one step in SQLite
per few hundred rows instead of one each (see ``upsert_values_sql``).
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from codi_core.models import SYNCED_MODELS
from codi_core.models.base import UTCDateTime
from codi_core.models.serialize import WireValueError, content_columns, decode_value

from .columns import ColumnCheck, NotFast, column_check

_SQLITE = sqlite.dialect()
_row_id = itemgetter("row_id")


def _variable_limit() -> int:
    probe = sqlite3.connect(":memory:")
    try:
        return probe.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    finally:
        probe.close()


#: The values bound by one multi-row upsert (``RowPlan.batches``), within this SQLite's
#: limit (999 before 3.32, 32,766 after; Debian builds 250,000). Measured on a large
#: province's 38 snapshot pages (``benchmarks/bench_sync.py``'s floor): 8,000 writes
#: them in 2.2-2.6 s where executemany took about 4 s and one JSON text per table 6.2 s;
#: 32,000 was slower, each page's last, shorter statement being prepared anew.
MAX_PARAMS = min(8000, _variable_limit())
_INT_MIN, _INT_MAX = -(2**63), 2**63
_date_fromisoformat = dt.date.fromisoformat
_datetime_fromisoformat = dt.datetime.fromisoformat


def _none_ok(column: sa.Column) -> bool:
    return bool(column.nullable or column.default is not None or column.primary_key)


def _column_decoder(column: sa.Column) -> Callable[[Any], Any]:
    """``decode_value`` for one column, with the common, valid case taken first.

    A value the fast path is not sure about goes to ``decode_value``, which accepts it
    the same way or raises the same ``WireValueError``: the checks are identical, only
    the type dispatch is done once per column instead of once per value.
    """
    from codi_core.models.serialize import parse_datetime

    def generic(value: Any) -> Any:
        return decode_value(column, value)

    none_ok = _none_ok(column)
    t = column.type

    def with_none(fast: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def dec(value: Any) -> Any:
            if value is None:
                return None if none_ok else generic(value)
            return fast(value)

        return dec

    if isinstance(t, UTCDateTime):

        def fast(value: Any) -> Any:
            if type(value) is str:
                try:
                    return parse_datetime(value)
                except ValueError:
                    pass
            return generic(value)

    elif isinstance(t, sa.Enum):
        lookup = {v: (t.enum_class(v) if t.enum_class else v) for v in t.enums}

        def fast(value: Any) -> Any:
            if type(value) is str and value in lookup:
                return lookup[value]
            return generic(value)

    elif isinstance(t, sa.Date):

        def fast(value: Any) -> Any:
            if type(value) is str and len(value) == 10:
                try:
                    return _date_fromisoformat(value)
                except ValueError:
                    pass
            return generic(value)

    elif isinstance(t, sa.Integer):

        def fast(value: Any) -> Any:
            if type(value) is int and _INT_MIN <= value < _INT_MAX:
                return value
            return generic(value)

    elif isinstance(t, sa.Boolean):

        def fast(value: Any) -> Any:
            return value if type(value) is bool else generic(value)

    elif isinstance(t, sa.String):
        # generic() also checks for lone surrogates; see the module's docstring.
        length = t.length

        def fast(value: Any) -> Any:
            if (
                type(value) is str
                and (length is None or len(value) <= length)
                and "\x00" not in value
            ):
                return value
            return generic(value)

    else:
        fast = generic
    return with_none(fast)


def _storage_decoder(column: sa.Column) -> Callable[[Any], Any]:
    """A wire value to the value SQLite stores for this column (checked)."""
    processor = column.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)

    def generic(value: Any) -> Any:
        decoded = decode_value(column, value)
        return decoded if processor is None else processor(decoded)

    none_ok = _none_ok(column)
    t = column.type

    if isinstance(t, sa.JSON):
        return generic  # serialised by the column's own processor, None included

    if isinstance(t, UTCDateTime):

        def dec(value: Any) -> Any:
            # The wire form (format_datetime): "YYYY-MM-DDTHH:MM:SS[.ffffff]Z".
            if type(value) is str:
                n = len(value)
                if n == 27 and value[26] == "Z" and value[10] == "T" and value[19] == ".":
                    head = value[:26]
                    try:
                        if _datetime_fromisoformat(head).isoformat() == head:
                            return f"{value[:10]} {value[11:26]}"
                    except ValueError:
                        pass
                elif n == 20 and value[19] == "Z" and value[10] == "T":
                    head = value[:19]
                    try:
                        if _datetime_fromisoformat(head).isoformat() == head:
                            return f"{value[:10]} {value[11:19]}.000000"
                    except ValueError:
                        pass
            elif value is None and none_ok:
                return None
            return generic(value)

    elif isinstance(t, sa.Enum):
        allowed = frozenset(t.enums)

        def dec(value: Any) -> Any:
            if type(value) is str and value in allowed:
                return value
            if value is None and none_ok:
                return None
            return generic(value)

    elif isinstance(t, sa.Date):

        def dec(value: Any) -> Any:
            if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
                try:
                    if _date_fromisoformat(value).isoformat() == value:
                        return value
                except ValueError:
                    pass
            elif value is None and none_ok:
                return None
            return generic(value)

    elif isinstance(t, sa.Integer):

        def dec(value: Any) -> Any:
            if type(value) is int and _INT_MIN <= value < _INT_MAX:
                return value
            if value is None and none_ok:
                return None
            return generic(value)

    elif isinstance(t, sa.Boolean):

        def dec(value: Any) -> Any:
            if value is True:
                return 1
            if value is False:
                return 0
            if value is None and none_ok:
                return None
            return generic(value)

    elif isinstance(t, sa.String):
        length = t.length

        if length is None:

            def dec(value: Any) -> Any:
                if type(value) is str and "\x00" not in value:
                    return value
                if value is None and none_ok:
                    return None
                return generic(value)

        else:

            def dec(value: Any) -> Any:
                if type(value) is str and len(value) <= length and "\x00" not in value:
                    return value
                if value is None and none_ok:
                    return None
                return generic(value)

    else:
        return generic
    return dec


@dataclass(frozen=True, eq=False)
class RowPlan:
    """How one set of wire field names becomes one stored row: the upsert statement
    and a storage decoder per field (``None`` for a field this version does not know,
    which is left out: a newer server may send more), with its whole-column check."""

    table: sa.Table
    sql: str
    decoders: tuple[Callable[[Any], Any] | None, ...]
    checks: tuple[ColumnCheck | None, ...]
    #: the stored columns, in the order of a stored row's values (last ``id``, ``seq``)
    columns: tuple[str, ...] = ()

    @property
    def per_statement(self) -> int:
        return max(1, MAX_PARAMS // len(self.columns))

    def batches(self, rows: Sequence[tuple[Any, ...]]) -> list[tuple[str, tuple[Any, ...]]]:
        """The rows as multi-row upserts: (statement, its parameters flattened)."""
        per = self.per_statement
        return [
            (
                upsert_values_sql(self.table.name, self.columns, len(chunk)),
                tuple(chain.from_iterable(chunk)),
            )
            for chunk in (rows[start : start + per] for start in range(0, len(rows), per))
        ]

    def rows(
        self, items: list[dict[str, Any]], fields: list[dict[str, Any]] | None = None
    ) -> tuple[list[tuple[Any, ...] | None], dict[int, WireValueError]]:
        """The stored rows of these images (all with this plan's fields, in this order;
        ``fields``: each image's fields, if the caller has them), column by column,
        ``None`` for an image refused; and why each was (index -> the first bad value's
        error)."""
        if fields is None:
            fields = [item.get("fields") or {} for item in items]
        columns = list(zip(*map(dict.values, fields), strict=True))
        bad: dict[int, WireValueError] = {}
        out: list[Sequence[Any]] = []
        for check, dec, values in zip(self.checks, self.decoders, columns, strict=True):
            if dec is None:
                continue
            if check is not None:
                try:
                    out.append(check(values))
                    continue
                except NotFast:
                    pass
            converted = []
            for i, value in enumerate(values):
                try:
                    converted.append(dec(value))
                except WireValueError as exc:
                    bad.setdefault(i, exc)
                    converted.append(None)
            out.append(converted)
        out.append(list(map(_row_id, items)))
        out.append([item.get("seq") for item in items])
        rows: list[tuple[Any, ...] | None] = list(zip(*out, strict=True))
        for i in bad:
            rows[i] = None
        return rows, bad


@dataclass
class TableCodec:
    table: sa.Table
    columns: dict[str, sa.Column]
    decoders: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    storage: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    checks: dict[str, ColumnCheck | None] = field(default_factory=dict)
    plans: dict[tuple[str, ...], RowPlan] = field(default_factory=dict)

    @classmethod
    def for_table(cls, name: str) -> TableCodec | None:
        model = SYNCED_MODELS.get(name)
        if model is None:
            return None
        table: sa.Table = model.__table__  # type: ignore[attr-defined]
        columns = {c.name: c for c in content_columns(table)}
        return cls(
            table,
            columns,
            {n: _column_decoder(c) for n, c in columns.items()},
            {n: _storage_decoder(c) for n, c in columns.items()},
            {n: column_check(c) for n, c in columns.items()},
        )

    def decode(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Wire values to column values (validated); unknown fields are ignored (a newer
        server may know more fields than this version)."""
        decoders = self.decoders
        return {name: decoders[name](value) for name, value in fields.items() if name in decoders}

    def plan(self, keys: tuple[str, ...]) -> RowPlan:
        """The bulk-write plan of rows whose images carry these fields, in this order."""
        found = self.plans.get(keys)
        if found is None:
            decoders = tuple(self.storage.get(k) for k in keys)
            known = [k for k in keys if k in self.storage]
            columns = (*known, "id", "seq")
            found = self.plans[keys] = RowPlan(
                self.table,
                upsert_sql(self.table.name, columns),
                decoders,
                tuple(self.checks.get(k) for k in keys),
                columns,
            )
        return found


def upsert_sql(table: str, keys: tuple[str, ...]) -> str:
    """``INSERT ... ON CONFLICT(id) DO UPDATE`` of these columns."""
    return upsert_values_sql(table, keys, 1)


def _on_conflict(keys: tuple[str, ...]) -> str:
    quote = _SQLITE.identifier_preparer.quote
    updates = ", ".join(f"{quote(k)} = excluded.{quote(k)}" for k in keys if k != "id")
    return f'ON CONFLICT ("id") {f"DO UPDATE SET {updates}" if updates else "DO NOTHING"}'


@functools.lru_cache(maxsize=256)  # each plan's full statement, and recent shorter ones
def upsert_values_sql(table: str, keys: tuple[str, ...], rows: int) -> str:
    """The upsert of ``upsert_sql`` for ``rows`` rows at once: ``VALUES (?, ...), ...``.

    Python's driver binds ``executemany``'s rows one by one, taking the GIL back between
    each row's step: while another thread runs Python (the sync's fetching thread
    parsing the next page, the window), each row may wait for that thread's switch
    interval. One statement of a few hundred rows binds them in one call and runs whole
    inside SQLite, which releases the GIL meanwhile (SQLite 3.8.8 and later: a VALUES
    list is not bound by the compound-select limit).
    """
    quote = _SQLITE.identifier_preparer.quote
    cols = ", ".join(quote(k) for k in keys)
    row = f"({', '.join('?' for _ in keys)})"
    return f"INSERT INTO {quote(table)} ({cols}) VALUES {', '.join([row] * rows)} {_on_conflict(keys)}"


_CODECS: dict[str, TableCodec | None] = {}


def codec(table: str) -> TableCodec | None:
    if table not in _CODECS:
        _CODECS[table] = TableCodec.for_table(table)
    return _CODECS[table]


__all__ = [
    "MAX_PARAMS", "RowPlan", "TableCodec", "WireValueError", "codec", "upsert_sql",
    "upsert_values_sql",
]
