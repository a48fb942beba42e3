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


def _decoded(cursor: str) -> tuple[int, int]:
    try:
        return decode_cursor(cursor)
    except ValueError:
        raise ProblemError(
            400, INVALID_CURSOR, "This cursor was not made by this server.",
            "ตัวชี้ตำแหน่งการดึงข้อมูลไม่ถูกต้อง",
        ) from None


def pull(
    engine: sa.Engine,
    scope: DeviceScope,
    cursor: str | None,
    limit: int,
    *,
    until: str | None = None,
    splits: bool = False,
) -> bytes:
    """One page as the JSON body of the response (built from the stored row images).

    ``until`` (a cursor): only rows up to its seq; the page's ``more`` then says whether
    more rows remain before it, and once none do its cursor is ``until``'s. ``splits``
    on a snapshot's first page (no cursor): the page also names the cursors that cut the
    rest of the snapshot into pages of ``limit`` rows (PROTOCOL.md, pull), so a client
    can fetch them at once, each bounded by the next.
    """
    after, seen_purged = _decoded(cursor) if cursor else (0, 0)
    bound = _decoded(until)[0] if until else None
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
            if max(after, bound or 0) > state.last_seq:
                raise ProblemError(
                    400, INVALID_CURSOR, "This cursor is ahead of the server.",
                    "ตัวชี้ตำแหน่งการดึงข้อมูลไม่ถูกต้อง",
                )
            purged = state.purged_seq
            if bound is not None and bound <= after:
                return encode_page([], encode_cursor(max(after, bound), purged), False)
            if engine.dialect.name == "postgresql":
                text, top, count = _pg_page(conn, scope, after, limit, bound)
                more = count > limit
                top = after if top is None else top
                cuts = _pg_splits(conn, scope, top, limit) if splits and not cursor else None
                return b"".join((
                    b'{"changes":[', text, b'],"cursor":"',
                    _page_cursor(top, more, bound, purged).encode(),
                    b'","more":', b"true" if more else b"false",
                    _splits_json(cuts, purged).encode(), b"}",
                ))
            entries = _page(conn, scope, after, limit + 1, bound)
            more = len(entries) > limit
            entries = entries[:limit]
            top = entries[-1][0] if entries else after
            cuts = _splits(conn, scope, top, limit) if splits and not cursor else None
    return encode_page(entries, _page_cursor(top, more, bound, purged), more, cuts, purged)


def _page_cursor(top: int, more: bool, bound: int | None, purged: int) -> str:
    """The page's cursor: after its last row, or the bound once nothing is left before it
    (a row of the range may have moved on since the splits were made)."""
    return encode_cursor(bound if bound is not None and not more else top, purged)


def _splits_json(cuts: list[int] | None, purged: int) -> str:
    if cuts is None:
        return ""
    return ',"splits":[' + ",".join(f'"{encode_cursor(c, purged)}"' for c in cuts) + "]"


def encode_page(
    entries: list[Any],
    cursor: str,
    more: bool,
    splits: list[int] | None = None,
    purged: int = 0,
) -> bytes:
    """The page body: the stored images pasted in as they are (they are JSON already),
    each wrapped in its entry, with one string join and one encode for the page."""
    parts = [
        f'{{"seq":{seq},"table":"{table}","row_id":{_json_id(row_id)},'
        f'"deleted":{"true" if deleted else "false"},"fields":{image}}}'
        for seq, table, row_id, deleted, image in entries
    ]
    return (
        '{"changes":[' + ",".join(parts) + f'],"cursor":"{cursor}",'
        f'"more":{"true" if more else "false"}{_splits_json(splits, purged)}}}'
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
    conn: sa.Connection, scope: DeviceScope, after: int, limit: int, bound: int | None = None
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
    sql, params = _pg_page_sql(scope, after, limit, bound)
    driver = conn.connection.driver_connection
    with driver.cursor() as cur:
        cur.adapters.register_loader("text", _RawText)
        cur.execute(sql, params, prepare=False)
        row = cur.fetchone()
    assert row is not None
    text, top, count = row
    return text or b"", top, count


def _pg_page_sql(
    scope: DeviceScope, after: int, limit: int, bound: int | None = None
) -> tuple[str, dict[str, Any]]:
    """The SQL of ``_pg_page``: the scans of ``_page_query``, numbered and aggregated."""
    params: dict[str, Any] = {"after": after, "n": limit + 1, "limit": limit}
    if scope.provinces is None:
        rows = (
            f"SELECT {_COLUMNS} FROM row_log WHERE seq > %(after)s AND seq <= %(bound)s"
            " ORDER BY seq LIMIT %(n)s"
        )
    else:
        rows = f"SELECT {_COLUMNS} FROM row_log WHERE seq IN ({_pg_scope_seqs(scope, params)})"
    params["bound"] = MAX_SEQ if bound is None else bound
    sql = (
        f"SELECT string_agg({_ENTRY_SQL}, ',' ORDER BY seq) FILTER (WHERE n <= %(limit)s),"
        " max(seq) FILTER (WHERE n <= %(limit)s), count(*)"
        f" FROM (SELECT p.*, row_number() OVER (ORDER BY seq) AS n FROM ({rows}) p) w"
    )
    return sql, params


MAX_SEQ = 2**63 - 1


def _pg_scope_seqs(scope: DeviceScope, params: dict[str, Any], limit: bool = True) -> str:
    """The seqs of the scope's rows in (``after``, ``bound``], oldest first (the first
    ``n`` of them with ``limit``): one index range scan per scope key, merged."""
    assert scope.provinces is not None
    cap = " LIMIT %(n)s" if limit else ""
    # Each scope key's scan gives seqs only (its index holds them): a cluster's seven
    # scans used to carry every row's image up to the page's size each, seven pages
    # of images sorted (on disk, past work_mem) to keep one. The page's rows are then
    # read by seq.
    parts = [
        "(SELECT seq FROM row_log WHERE province_code IS NULL AND seq > %(after)s"
        f" AND seq <= %(bound)s ORDER BY province_code, seq{cap})"
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
            f" AND (province_code, seq) <= (%(k{i})s, %(bound)s)"
            f" ORDER BY province_code, seq{cap})"
        )
    return f"SELECT seq FROM ({' UNION ALL '.join(parts)}) u ORDER BY seq{cap}"


#: At most this many splits a snapshot's first page names: the seqs counted for them are
#: read at once, before the page is answered. Counting a whole cluster's 1.16 M rows took
#: 1.3 s here (the first page waited for it); 32 pages' worth, about 0.1 s.
#: The pages after the last split come one after another.
MAX_SPLITS = 32


def _pg_splits(conn: sa.Connection, scope: DeviceScope, top: int, limit: int) -> list[int]:
    """The seq of every ``limit``-th row of the scope after ``top``, ``MAX_SPLITS`` at
    most. The rows up to each are one page.

    About ``MAX_SPLITS * limit`` seqs are read in all, by the page's index range scans,
    each scope key's share its own: the splits reach as far as every key's share does
    (a key that has fewer rows is all read), which for a cluster's interleaved provinces
    is about as far as the first that many rows."""
    n = MAX_SPLITS * limit
    params: dict[str, Any] = {"after": top, "limit": limit, "n": n, "top": MAX_SEQ}
    if scope.provinces is None:
        sql = (
            "SELECT seq FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM"
            " (SELECT seq FROM row_log WHERE seq > %(after)s ORDER BY seq LIMIT %(n)s) s) w"
            " WHERE n %% %(limit)s = 0 ORDER BY seq"
        )
    else:
        params["m"] = max(limit, n // max(1, len(scope.provinces)))
        parts = [
            "SELECT 0 AS k, seq FROM (SELECT seq FROM row_log WHERE province_code IS NULL"
            " AND seq > %(after)s ORDER BY province_code, seq LIMIT %(m)s) s0"
        ]
        for i, key in enumerate(sorted(scope.provinces), start=1):
            params[f"k{i}"] = key
            parts.append(
                f"SELECT {i}, seq FROM (SELECT seq FROM row_log WHERE (province_code, seq) >"
                f" (%(k{i})s, %(after)s) AND (province_code, seq) <= (%(k{i})s, %(top)s)"
                f" ORDER BY province_code, seq LIMIT %(m)s) s{i}"
            )
        sql = (
            f"WITH u AS ({' UNION ALL '.join(parts)}),"
            # as far as every key's share reaches (a key not all read bounds the rest)
            " reach AS (SELECT coalesce(min(last), %(top)s) AS upto FROM (SELECT max(seq) AS"
            " last FROM u GROUP BY k HAVING count(*) = %(m)s) f)"
            " SELECT seq FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM u, reach"
            " WHERE seq <= reach.upto) w WHERE n %% %(limit)s = 0 ORDER BY seq LIMIT %(splits)s"
        )
        params["splits"] = MAX_SPLITS
    driver = conn.connection.driver_connection
    with driver.cursor() as cur:
        # Compiling such a query took longer than running it (0.86 s of JIT, measured).
        cur.execute("SET LOCAL jit = off")
        cur.execute(sql, params, prepare=False)
        return [row[0] for row in cur.fetchall()]


def _splits(conn: sa.Connection, scope: DeviceScope, top: int, limit: int) -> list[int]:
    """``_pg_splits`` on SQLite, by the same rule: each scope key's share of the seqs read,
    merged as far as every share reaches, every ``limit``-th kept."""
    rl = schema.row_log
    n = MAX_SPLITS * limit
    if scope.provinces is None:
        seqs = list(
            conn.execute(sa.select(rl.c.seq).where(rl.c.seq > top).order_by(rl.c.seq).limit(n))
            .scalars()
        )
    else:
        share = max(limit, n // max(1, len(scope.provinces)))
        keys: list[Any] = [rl.c.province_code.is_(None)] + [
            rl.c.province_code == key for key in sorted(scope.provinces)
        ]
        seqs, reach = [], MAX_SEQ
        for key in keys:
            got = list(
                conn.execute(
                    sa.select(rl.c.seq).where(key, rl.c.seq > top).order_by(rl.c.seq).limit(share)
                ).scalars()
            )
            if len(got) == share:
                reach = min(reach, got[-1])
            seqs += got
        seqs = sorted(s for s in seqs if s <= reach)
    return seqs[limit - 1 :: limit][:MAX_SPLITS]


def _page(
    conn: sa.Connection, scope: DeviceScope, after: int, n: int, bound: int | None = None
) -> list[Any]:
    return [tuple(row) for row in conn.execute(_page_query(scope, after, n, bound))]


def _page_query(scope: DeviceScope, after: int, n: int, bound: int | None = None) -> sa.Select:
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
    top = MAX_SEQ if bound is None else bound
    if scope.provinces is None:
        return (
            sa.select(*cols)
            .where(rl.c.seq > after, rl.c.seq <= top)
            .order_by(rl.c.seq)
            .limit(n)
        )
    parts = [
        sa.select(*cols)
        .where(rl.c.province_code.is_(None), rl.c.seq > after, rl.c.seq <= top)
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
                rl.c.seq <= top,
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
