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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from codi_core.models import SYNCED_MODELS
from codi_core.models.base import UTCDateTime
from codi_core.models.serialize import WireValueError, content_columns, decode_value

from .columns import ColumnCheck, NotFast, column_check

_SQLITE = sqlite.dialect()
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
    #: the same upsert reading its rows from one JSON array (``upsert_from_json_sql``);
    #: None where a column's stored form is not text, an integer or NULL
    json_sql: str | None = None

    def rows(
        self, items: list[dict[str, Any]]
    ) -> tuple[list[tuple[Any, ...] | None], dict[int, WireValueError]]:
        """The stored rows of these images (all with this plan's fields), column by
        column, ``None`` for an image refused; and why each was (index -> the first bad
        value's error)."""
        columns = list(
            zip(*[tuple((item.get("fields") or {}).values()) for item in items], strict=True)
        )
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
        out.append([item["row_id"] for item in items])
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
            json_ok = all(_json_storable(self.columns[k]) for k in known)
            found = self.plans[keys] = RowPlan(
                self.table,
                upsert_sql(self.table.name, columns),
                decoders,
                tuple(self.checks.get(k) for k in keys),
                upsert_from_json_sql(self.table.name, columns) if json_ok else None,
            )
        return found


def upsert_sql(table: str, keys: tuple[str, ...]) -> str:
    """``INSERT ... ON CONFLICT(id) DO UPDATE`` of these columns."""
    quote = _SQLITE.identifier_preparer.quote
    cols = ", ".join(quote(k) for k in keys)
    marks = ", ".join("?" for _ in keys)
    return f'INSERT INTO {quote(table)} ({cols}) VALUES ({marks}) {_on_conflict(keys)}'


def _on_conflict(keys: tuple[str, ...]) -> str:
    quote = _SQLITE.identifier_preparer.quote
    updates = ", ".join(f"{quote(k)} = excluded.{quote(k)}" for k in keys if k != "id")
    return f'ON CONFLICT ("id") {f"DO UPDATE SET {updates}" if updates else "DO NOTHING"}'


def upsert_from_json_sql(table: str, keys: tuple[str, ...]) -> str:
    """The upsert of ``upsert_sql``, its rows read by SQLite from one parameter: a JSON
    array of rows, each an array of these columns' stored values (``json_rows``).

    Python's driver binds ``executemany``'s rows one by one and takes the GIL back
    between each row's step; while another thread runs Python (the sync's fetching
    thread parsing the next page, the window), each row then waits for that thread's
    switch interval, and a page's write crawls (measured: 4.2 s alone, 410 s beside a
    busy thread, for a large province). This statement binds one text and runs whole
    inside SQLite, which releases the GIL, so the next page is parsed meanwhile.
    ``json_extract`` gives a JSON string as TEXT, a number as INTEGER and null as NULL:
    the values ``executemany`` binds.
    """
    quote = _SQLITE.identifier_preparer.quote
    cols = ", ".join(quote(k) for k in keys)
    values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(keys)))
    # WHERE true: SQLite's grammar would read ON CONFLICT as the join's ON otherwise.
    return (
        f"INSERT INTO {quote(table)} ({cols}) SELECT {values} FROM json_each(?) "
        f"WHERE true {_on_conflict(keys)}"
    )


def _json_storable(column: sa.Column) -> bool:
    """Whether the column's stored form is always text, an integer or NULL (a float
    would go through two decimal conversions; bytes have no JSON form)."""
    return isinstance(column.type, sa.String | sa.Integer | sa.Boolean | sa.Date | sa.DateTime
                      | sa.JSON | UTCDateTime)


def json_rows(rows: Sequence[tuple[Any, ...]]) -> str | None:
    """The rows as ``upsert_from_json_sql`` reads them, or None when JSON cannot carry
    them as they are (a lone surrogate, an integer beyond 64 bits, a value of another
    type): those rows are then bound by ``executemany``, which checks them as before."""
    try:
        return orjson.dumps(rows).decode()
    except (orjson.JSONEncodeError, TypeError):
        return None


_CODECS: dict[str, TableCodec | None] = {}


def codec(table: str) -> TableCodec | None:
    if table not in _CODECS:
        _CODECS[table] = TableCodec.for_table(table)
    return _CODECS[table]


__all__ = [
    "RowPlan", "TableCodec", "WireValueError", "codec", "json_rows", "upsert_from_json_sql",
    "upsert_sql",
]
