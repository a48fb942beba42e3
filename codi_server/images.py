"""Row images kept ready for pull: a row's wire fields as JSON text in its row log entry.

Written in the same transaction as the row itself, so a pull is one range scan of the row
log that pastes stored JSON together: no per-row decoding and re-encoding on the hot
path of a province's snapshot.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from codi_core.models.serialize import content_columns, encode_value

from . import schema

CONTENT = {name: content_columns(table) for name, table in schema.DOMAIN_TABLES.items()}


def encode_row(table_name: str, row: Any) -> dict[str, Any]:
    out = {}
    for c in CONTENT[table_name]:
        value = row[c.name]
        # encode_value only changes dates, times and enums; skip it for the rest.
        out[c.name] = (
            value if value is None or type(value) in (str, int, bool) else encode_value(c, value)
        )
    return out


def image_json(table_name: str, row: Any) -> str:
    return json.dumps(encode_row(table_name, row), ensure_ascii=False, separators=(",", ":"))


def images_for(conn: sa.Connection, table_name: str, ids: list[str]) -> dict[str, str]:
    """The current image of each row (read back inside the writing transaction)."""
    table = schema.DOMAIN_TABLES[table_name]
    out: dict[str, str] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for row in conn.execute(sa.select(table).where(table.c.id.in_(chunk))).mappings():
            out[row["id"]] = image_json(table_name, row)
    return out
