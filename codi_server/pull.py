"""Pull: the rows in a device's scope written after a cursor, oldest first.

The row log holds one entry per row with the seq of its last write and the row's image
(its wire fields as JSON, written with the row), so a page is a range scan of
``(province_code, seq)`` per scope key (each of the device's provinces, and NULL for
national reference rows), merged by seq; HQ scans ``seq`` alone. The images are pasted
into the response as they are. On PostgreSQL the page runs in REPEATABLE READ (one
consistent snapshot, also for the state row read first). Tombstones are delivered like any row
(``deleted: true``) until they are purged; a cursor older than the purge horizon gets
410 ``cursor_expired``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

import sqlalchemy as sa
from psycopg.abc import Buffer
from psycopg.adapt import Loader

from codi_core.models import utcnow
from codi_core.wire import CURSOR_EXPIRED, INVALID_CURSOR, decode_cursor, encode_cursor

from . import schema
from .apply import DeviceScope
from .db import write_connection
from .problems import ProblemError

log = logging.getLogger("codi_server.pull")


def pull(engine: sa.Engine, scope: DeviceScope, cursor: str | None, limit: int) -> bytes:
    """One page as the JSON body of the response (built from the stored row images)."""
    after, seen_purged = 0, 0
    if cursor:
        try:
            after, seen_purged = decode_cursor(cursor)
        except ValueError:
            raise ProblemError(
                400, INVALID_CURSOR, "This cursor was not made by this server.",
                "ตัวชี้ตำแหน่งการดึงข้อมูลไม่ถูกต้อง",
            ) from None
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            state = conn.execute(
                sa.select(schema.server_state.c.last_seq, schema.server_state.c.purged_seq)
            ).one()
            # Expired: a purge since this cursor was issued removed tombstones after it.
            # (Purges before a snapshot began do not matter: those rows were gone.)
            if cursor and after < state.purged_seq and seen_purged < state.purged_seq:
                raise ProblemError(
                    410,
                    CURSOR_EXPIRED,
                    "The cursor is older than the deletions the server still keeps; take a "
                    "fresh snapshot.",
                    "ข้อมูลในเครื่องเก่าเกินไป ต้องดึงข้อมูลชุดใหม่ทั้งหมด",
                )
            if after > state.last_seq:
                raise ProblemError(
                    400, INVALID_CURSOR, "This cursor is ahead of the server.",
                    "ตัวชี้ตำแหน่งการดึงข้อมูลไม่ถูกต้อง",
                )
            if engine.dialect.name == "postgresql":
                text, top, count = _pg_page(conn, scope, after, limit)
                new_cursor = encode_cursor(after if top is None else top, state.purged_seq)
                return b"".join((
                    b'{"changes":[', text, b'],"cursor":"', new_cursor.encode(),
                    b'","more":', b"true" if count > limit else b"false", b"}",
                ))
            entries = _page(conn, scope, after, limit + 1)
    more = len(entries) > limit
    entries = entries[:limit]
    new_cursor = encode_cursor(entries[-1][0] if entries else after, state.purged_seq)
    return encode_page(entries, new_cursor, more)


def encode_page(entries: list[Any], cursor: str, more: bool) -> bytes:
    """The page body: the stored images pasted in as they are (they are JSON already),
    each wrapped in its entry, with one string join and one encode for the page."""
    parts = [
        f'{{"seq":{seq},"table":"{table}","row_id":{_json_id(row_id)},'
        f'"deleted":{"true" if deleted else "false"},"fields":{image}}}'
        for seq, table, row_id, deleted, image in entries
    ]
    return (
        '{"changes":[' + ",".join(parts) + f'],"cursor":"{cursor}",'
        f'"more":{"true" if more else "false"}}}'
    ).encode()


_PLAIN = re.compile(r"[A-Za-z0-9_.:-]*").fullmatch


def _json_id(row_id: str) -> str:
    """A row id as a JSON string (ids are uuids or codes: quoting is enough for them)."""
    return f'"{row_id}"' if _PLAIN(row_id) else json.dumps(row_id)


class _RawText(Loader):
    """Text as the bytes PostgreSQL sent (UTF-8): the page goes out as it came in, not
    decoded into a str and encoded again (about 0.3 s of a large snapshot, measured)."""

    def load(self, data: Buffer) -> bytes:
        return bytes(data)


# One entry of a page as PostgreSQL writes it: the same JSON as ``encode_page``, built by
# one concat() (measured a little cheaper than a chain of ||, each step a new text).
_ENTRY_SQL = (
    """concat('{"seq":', seq, ',"table":"', table_name, '","row_id":', to_json(row_id),"""
    """ ',"deleted":', CASE WHEN deleted THEN 'true' ELSE 'false' END,"""
    """ ',"fields":', image, '}')"""
)
_COLUMNS = "seq, table_name, row_id, deleted, image"


def _pg_page(
    conn: sa.Connection, scope: DeviceScope, after: int, limit: int
) -> tuple[bytes, int | None, int]:
    """PostgreSQL: (the page's entries joined as JSON, as bytes; the seq of its last entry;
    how many entries there were up to ``limit + 1``), written by PostgreSQL in one row: no
    row of the page passes through Python.

    Sent through the driver unprepared (in the connection's transaction): psycopg prepares
    a statement run five times on a connection, and PostgreSQL then switches it to a
    generic plan, which for this query scans ``uq_row_log_seq`` from the first seq and
    filters by province, every page: quadratic (the page after seq 100,000 of a large
    province: 141 ms, 100,000 rows filtered out, against 31 ms on the province's index).
    Unprepared, each page is planned with its own values, as ``_page_query`` describes.
    """
    sql, params = _pg_page_sql(scope, after, limit)
    driver = conn.connection.driver_connection
    with driver.cursor() as cur:
        cur.adapters.register_loader("text", _RawText)
        cur.execute(sql, params, prepare=False)
        row = cur.fetchone()
    assert row is not None
    text, top, count = row
    return text or b"", top, count


def _pg_page_sql(scope: DeviceScope, after: int, limit: int) -> tuple[str, dict[str, Any]]:
    """The SQL of ``_pg_page``: the scans of ``_page_query``, numbered and aggregated."""
    params: dict[str, Any] = {"after": after, "n": limit + 1, "limit": limit}
    if scope.provinces is None:
        rows = f"SELECT {_COLUMNS} FROM row_log WHERE seq > %(after)s ORDER BY seq LIMIT %(n)s"
    else:
        # Each scope key's scan gives seqs only (its index holds them): a cluster's seven
        # scans used to carry every row's image up to the page's size each, seven pages
        # of images sorted (on disk, past work_mem) to keep one. The page's rows are then
        # read by seq.
        parts = [
            "(SELECT seq FROM row_log WHERE province_code IS NULL AND seq > %(after)s"
            " ORDER BY province_code, seq LIMIT %(n)s)"
        ]
        for i, key in enumerate(sorted(scope.provinces)):
            params[f"k{i}"] = key
            # Both bounds as row values, no "province_code = k": with the equality,
            # PostgreSQL may walk uq_row_log_seq from the cursor and filter, which for a
            # province whose rows are all behind the cursor reads every later row of
            # every province, each page (a cluster's first sync was quadratic: 0.85 s
            # a page at 1.1 M rows). Only ix_row_log_province_seq serves these bounds.
            parts.append(
                f"(SELECT seq FROM row_log WHERE (province_code, seq) > (%(k{i})s, %(after)s)"
                f" AND (province_code, seq) <= (%(k{i})s, {2**63 - 1})"
                " ORDER BY province_code, seq LIMIT %(n)s)"
            )
        seqs = f"SELECT seq FROM ({' UNION ALL '.join(parts)}) u ORDER BY seq LIMIT %(n)s"
        rows = f"SELECT {_COLUMNS} FROM row_log WHERE seq IN ({seqs})"
    sql = (
        f"SELECT string_agg({_ENTRY_SQL}, ',' ORDER BY seq) FILTER (WHERE n <= %(limit)s),"
        " max(seq) FILTER (WHERE n <= %(limit)s), count(*)"
        f" FROM (SELECT p.*, row_number() OVER (ORDER BY seq) AS n FROM ({rows}) p) w"
    )
    return sql, params


def _page(conn: sa.Connection, scope: DeviceScope, after: int, n: int) -> list[Any]:
    return [tuple(row) for row in conn.execute(_page_query(scope, after, n))]


def _page_query(scope: DeviceScope, after: int, n: int) -> sa.Select:
    """The next ``n`` entries after ``after`` in the scope, oldest first.

    Each scope key is its own range scan of ``ix_row_log_province_seq`` (``ORDER BY
    province_code, seq``; the row-value bound is one only that index can serve), so the
    plan does not depend on the planner's statistics: a PostgreSQL database freshly
    filled (no ANALYZE yet), or one where a key's rows all sit far behind the cursor,
    would otherwise get a scan of every later row per page, which made a snapshot
    quadratic.
    """
    rl = schema.row_log
    cols = [rl.c.seq, rl.c.table_name, rl.c.row_id, rl.c.deleted, rl.c.image]
    if scope.provinces is None:
        return sa.select(*cols).where(rl.c.seq > after).order_by(rl.c.seq).limit(n)
    parts = [
        sa.select(*cols)
        .where(rl.c.province_code.is_(None), rl.c.seq > after)
        .order_by(rl.c.province_code, rl.c.seq)
        .limit(n)
        .subquery()
    ]
    for key in sorted(scope.provinces):
        parts.append(
            sa.select(*cols)
            .where(
                rl.c.province_code == key,
                sa.tuple_(rl.c.province_code, rl.c.seq) > sa.tuple_(sa.literal(key), after),
            )
            .order_by(rl.c.province_code, rl.c.seq)
            .limit(n)
            .subquery()
        )
    union = sa.union_all(*[sa.select(p) for p in parts]).subquery()
    return sa.select(union).order_by(union.c.seq).limit(n)


def purge_tombstones(engine: sa.Engine, older_than: dt.timedelta) -> int:
    """Hard-delete rows deleted longer ago than ``older_than``; returns how many.

    Raises the purge horizon to the highest purged seq: a cursor below it may have
    missed a deletion, so it gets ``cursor_expired``.
    """
    rl = schema.row_log
    horizon = utcnow() - older_than
    purged = 0
    with write_connection(engine) as conn, conn.begin():
        doomed = list(
            conn.execute(
                sa.select(rl.c.table_name, rl.c.row_id, rl.c.seq)
                .where(rl.c.deleted.is_(True), rl.c.written_at < horizon)
                .with_for_update()
            )
        )
        if not doomed:
            return 0
        by_table: dict[str, list[str]] = {}
        for d in doomed:
            by_table.setdefault(d.table_name, []).append(d.row_id)
        for name, ids in by_table.items():
            table = schema.DOMAIN_TABLES[name]
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                conn.execute(sa.delete(table).where(table.c.id.in_(chunk)))
                conn.execute(
                    sa.delete(rl).where(rl.c.table_name == name, rl.c.row_id.in_(chunk))
                )
        purged = len(doomed)
        top = max(d.seq for d in doomed)
        state = schema.server_state
        conn.execute(
            sa.update(state)
            .where(state.c.id == 1, state.c.purged_seq < top)
            .values(purged_seq=top)
        )
    log.info("purged tombstones", extra={"event": "purge", "rows": purged})
    return purged
