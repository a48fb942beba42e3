"""A record's history across devices: every applied change to one row, from the audit.

``GET /v1/history/{table}/{row_id}``: the changes in the order the server applied them,
each with the authenticated author, the device, the device's time and the server's time.
A row outside the device's scope is answered 404, as a row that does not exist: a
device learns nothing of other provinces.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS
from codi_core.models.serialize import format_datetime
from codi_core.wire import NOT_FOUND

from . import schema
from .apply import DeviceScope
from .problems import ProblemError

MAX_ENTRIES = 1000


def _not_found() -> ProblemError:
    return ProblemError(404, NOT_FOUND, "No such record in this device's scope.",
                        "ไม่พบรายการนี้ในขอบเขตของอุปกรณ์")


def record_history(engine: sa.Engine, scope: DeviceScope, table: str, row_id: str
                   ) -> dict[str, Any]:
    if table not in SYNCED_MODELS:
        raise _not_found()
    rl, audit, devices = schema.row_log, schema.change_audit, schema.devices
    with engine.connect() as conn:
        entry = conn.execute(
            sa.select(rl.c.province_code).where(rl.c.table_name == table, rl.c.row_id == row_id)
        ).first()
        if entry is None or not (entry.province_code is None or scope.covers(entry.province_code)):
            raise _not_found()
        rows = conn.execute(
            sa.select(audit, devices.c.name.label("device_name"))
            .outerjoin(devices, devices.c.id == audit.c.device_id)
            .where(audit.c.table_name == table, audit.c.row_id == row_id)
            .order_by(audit.c.id)
            .limit(MAX_ENTRIES)
        ).mappings().all()
    return {
        "table": table,
        "row_id": row_id,
        "entries": [
            {
                "change_set_id": r["change_set_id"],
                "seq": r["seq"],
                "op": r["op"],
                "fields": r["fields"] or {},
                "author": r["username"],
                "device_id": r["device_id"],
                "device_name": r["device_name"],
                "summary": r["summary"] or "",
                "device_time": r["device_created_at"],
                "server_time": format_datetime(r["received_at"]),
            }
            for r in rows
        ],
    }
