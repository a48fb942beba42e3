"""Checking one column of a pulled page at a time, at the speed of C.

A page holds thousands of images of one table with the same fields. Instead of calling
a decoder per value, each column of the page is checked as a whole with built-ins that
loop in C (``set(map(type, ...))``, ``max(map(len, ...))``, one regular expression
over the column's values joined, ``date.fromisoformat`` mapped over them) and turned
into its stored form the same way.

A check here only ever *accepts* a column whose every value the per-value decoder
(``codecs._storage_decoder``) would accept and store identically; when it is not sure
it raises ``NotFast`` and the column is decoded value by value, which finds the bad
value, names it, and skips its row. The two are compared on every column type in
tests/sync/test_page_writing.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import sqlalchemy as sa

from codi_core.models.base import UTCDateTime

_INT_MIN, _INT_MAX = -(2**63), 2**63
_NONE = type(None)
# The wire forms of times (format_datetime) and dates, one value per "|"-separated field
# (the separator cannot occur inside a value that matches, so values and matches align).
_TIMES = re.compile(r"(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?Z\|)*", re.ASCII)
_WHOLE_SECOND = re.compile(r"(?<=:\d\d)Z", re.ASCII)
_DATES = re.compile(r"(?:\d{4}-\d\d-\d\d\|)*", re.ASCII)
_head26 = itemgetter(slice(0, 26))
_head19 = itemgetter(slice(0, 19))


class NotFast(Exception):
    """This column needs the value-by-value decoder."""


ColumnCheck = Callable[[Sequence[Any]], Sequence[Any]]


def _consume(iterator: Any) -> None:
    deque(iterator, maxlen=0)


def _present(values: Sequence[Any], none_ok: bool) -> tuple[set[type], list[Any] | Sequence[Any]]:
    """The value types of a column, and its non-None values."""
    types = set(map(type, values))
    if _NONE in types:
        if not none_ok:
            raise NotFast
        types.discard(_NONE)
        return types, [v for v in values if v is not None]
    return types, values


def _merge(values: Sequence[Any], present: Sequence[Any], converted: list[Any]) -> Sequence[Any]:
    """Converted non-None values put back among the Nones."""
    if len(present) == len(values):
        return converted
    it = iter(converted)
    return [None if v is None else next(it) for v in values]


def column_check(column: sa.Column) -> ColumnCheck | None:
    """The whole-column check of this column's type, or None (value by value)."""
    none_ok = bool(column.nullable or column.default is not None or column.primary_key)
    t = column.type

    if isinstance(t, sa.JSON):
        return None

    if isinstance(t, UTCDateTime):

        def times(values: Sequence[Any]) -> Sequence[Any]:
            types, present = _present(values, none_ok)
            if not present:
                return values
            if types != {str}:
                raise NotFast
            joined = "|".join(present) + "|"
            if _TIMES.fullmatch(joined) is None:
                raise NotFast
            try:  # the ranges (month 13, 30 February, hour 24): one C call per value
                _consume(map(dt.datetime.fromisoformat, map(_head19, present)))
            except ValueError:
                raise NotFast from None
            # "2026-01-02T03:04:05Z" -> "2026-01-02 03:04:05.000000" (SQLAlchemy's SQLite
            # form), "...05.123456Z" -> "... 03:04:05.123456".
            # Each value is 20 characters and its "|" (whole seconds) or 27 and its "|":
            # a column of one kind needs no regular expression.
            if len(joined) == 21 * len(present):
                stored = joined.replace("Z|", ".000000|")
            elif len(joined) == 28 * len(present):
                stored = joined.replace("Z|", "|")
            else:
                stored = _WHOLE_SECOND.sub(".000000", joined).replace("Z", "")
            stored = stored.replace("T", " ")
            return _merge(values, present, stored.split("|")[:-1])

        return times

    if isinstance(t, sa.Enum):
        allowed = frozenset(t.enums) | ({None} if none_ok else frozenset())

        def enums(values: Sequence[Any]) -> Sequence[Any]:
            if set(map(type, values)) <= {str, _NONE} and set(values) <= allowed:
                return values
            raise NotFast

        return enums

    if isinstance(t, sa.Date):

        def dates(values: Sequence[Any]) -> Sequence[Any]:
            types, present = _present(values, none_ok)
            if not present:
                return values
            if types != {str} or _DATES.fullmatch("|".join(present) + "|") is None:
                raise NotFast
            try:
                _consume(map(dt.date.fromisoformat, present))
            except ValueError:
                raise NotFast from None
            return values

        return dates

    if isinstance(t, sa.Integer):

        def integers(values: Sequence[Any]) -> Sequence[Any]:
            types, present = _present(values, none_ok)
            if not present:
                return values
            if types != {int} or min(present) < _INT_MIN or max(present) >= _INT_MAX:
                raise NotFast
            return values

        return integers

    if isinstance(t, sa.Boolean):

        def booleans(values: Sequence[Any]) -> Sequence[Any]:
            # SQLite's driver stores True and False as 1 and 0, as the bind processor does.
            types, _present_values = _present(values, none_ok)
            if types <= {bool}:
                return values
            raise NotFast

        return booleans

    if isinstance(t, sa.String):
        length = t.length

        def texts(values: Sequence[Any]) -> Sequence[Any]:
            types, present = _present(values, none_ok)
            if not present:
                return values
            if types != {str}:
                raise NotFast
            if length is not None and max(map(len, present)) > length:
                raise NotFast
            if "\x00" in "".join(present):
                raise NotFast
            return values

        return texts

    return None


__all__ = ["ColumnCheck", "NotFast", "column_check"]
