"""The server sequence: one counter row, handed out in commit order.

``take_seqs`` increments the one-row counter and returns the first of the ``n`` new
numbers. The UPDATE locks the row until the transaction ends, so it is called as the
last thing before commit: a second transaction that wants numbers waits until the first
has committed, hence a reader that has seen seq 11 can never later find a new seq 10
(PROTOCOL.md "Ordering on the server"), with any number of server processes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from . import schema


def take_seqs(conn: sa.Connection, n: int) -> int:
    """Reserve ``n`` seqs (n may be 0); returns the first one (last + 1 when n == 0)."""
    state = schema.server_state
    last = conn.execute(
        sa.update(state)
        .where(state.c.id == 1)
        .values(last_seq=state.c.last_seq + n)
        .returning(state.c.last_seq)
    ).scalar_one()
    return last - n + 1


def current_seq(conn: sa.Connection) -> int:
    return conn.execute(
        sa.select(schema.server_state.c.last_seq).where(schema.server_state.c.id == 1)
    ).scalar_one()


def log_new_rows(
    conn: sa.Connection,
    table_name: str,
    rows: Iterable[tuple[str, str | None, bool, int, str]],
    now: dt.datetime,
) -> None:
    """Row log entries for rows written for the first time:
    (row_id, province, deleted, seq, image JSON)."""
    params = [
        {
            "table_name": table_name,
            "row_id": row_id,
            "seq": seq,
            "province_code": province,
            "deleted": deleted,
            "first_seq": seq,
            "field_seqs": {},
            "written_at": now,
            "image": image,
        }
        for row_id, province, deleted, seq, image in rows
    ]
    if params:
        conn.execute(sa.insert(schema.row_log), params)
