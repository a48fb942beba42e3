"""Rows to wire values and back, by column type (PROTOCOL.md "Names on the wire").

Dates travel as ISO ``YYYY-MM-DD``, times as ISO 8601 UTC, money as integer satang,
enums as their string values. Decoding validates: a value of the wrong type, an unknown
enum value, a string longer than its column or a naive timestamp raises
``WireValueError``, which the server answers with ``invalid``.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Any

import sqlalchemy as sa

from .base import UTC, UTCDateTime


class WireValueError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def format_datetime(value: dt.datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_datetime(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("time without a time zone")
    return value.astimezone(UTC)


def content_columns(table: sa.Table) -> list[sa.Column]:
    """The columns a change or a row image carries: all but ``id`` and ``seq``."""
    return [c for c in table.columns if c.name not in ("id", "seq")]


def encode_value(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def decode_value(column: sa.Column, value: Any) -> Any:
    """Turn a wire value into what the column holds, or raise ``WireValueError``."""
    name = column.name
    if value is None:
        if not column.nullable and column.default is None and not column.primary_key:
            raise WireValueError(name, "may not be empty")
        return None
    col_type = column.type
    try:
        if isinstance(col_type, UTCDateTime):
            if not isinstance(value, str):
                raise ValueError("expected an ISO 8601 time")
            return parse_datetime(value)
        if isinstance(col_type, sa.Enum):
            if not isinstance(value, str) or value not in col_type.enums:
                raise ValueError(f"must be one of {', '.join(col_type.enums)}")
            return col_type.enum_class(value) if col_type.enum_class else value
        if isinstance(col_type, sa.Date):
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError("expected a date YYYY-MM-DD")
            return dt.date.fromisoformat(value)
        if isinstance(col_type, sa.Integer):  # includes BigInteger
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("expected a whole number")
            if not -(2**63) <= value < 2**63:
                raise ValueError("number out of range")
            return value
        if isinstance(col_type, sa.Boolean):
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if isinstance(col_type, sa.String):  # includes Text
            if not isinstance(value, str):
                raise ValueError("expected text")
            if "\x00" in value:
                raise ValueError("text may not contain NUL")
            if _has_surrogate(value):
                raise ValueError("text may not contain a lone surrogate (not valid Unicode)")
            if col_type.length is not None and len(value) > col_type.length:
                raise ValueError(f"longer than {col_type.length} characters")
            return value
        if isinstance(col_type, sa.JSON):
            _check_json(value)
            return value
    except WireValueError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:
        raise WireValueError(name, str(exc)) from None
    raise WireValueError(name, f"unsupported column type {col_type!r}")


def _has_surrogate(text: str) -> bool:
    """A lone surrogate (U+D800-U+DFFF): the only code points UTF-8 cannot encode, so the
    codec (in C) finds them; a Python loop over the characters cost a catch-up push a
    quarter of its value checks."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_json(value: Any) -> None:
    """A JSON value every database stores and every client parses back: no NaN or
    Infinity (not JSON), no lone surrogate in a string or a key."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("NaN and Infinity are not JSON numbers")
    if isinstance(value, str) and _has_surrogate(value):
        raise ValueError("text may not contain a lone surrogate (not valid Unicode)")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_json(str(key))
            _check_json(item)
    elif isinstance(value, list):
        for item in value:
            _check_json(item)


def row_image(obj: Any) -> dict[str, Any]:
    """All content fields of a row, encoded for the wire (a pull's full row image)."""
    table = sa.inspect(obj).mapper.local_table
    return {c.name: encode_value(c, getattr(obj, c.key)) for c in content_columns(table)}
