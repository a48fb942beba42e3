"""A pull page on PostgreSQL is written by PostgreSQL (``pull._pg_page``); it must be
the same JSON as the page Python writes from the same rows (``encode_page``, the SQLite
path), page by page: entries, order, cursor and ``more``. And the page's statement is never
prepared (a prepared one gets PostgreSQL's generic plan, a scan from the first seq)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from codi_core.wire import encode_cursor
from codi_server import pull as pull_module
from codi_server import schema
from codi_server.apply import DeviceScope

from .conftest import dele, person

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("limit", [1, 7, 5000])
def test_a_postgresql_page_is_the_page_python_writes_from_the_same_rows(env, limit):
    if env.backend != "postgres":
        pytest.skip("the page written by PostgreSQL")
    d = env.device("cluster", ("50", "10"))
    gone = person(notes='quote " backslash \\ ไทย')
    d.push(gone, person(phone="081-ไทย"), person("10", notes="สิบ"))
    d.push(dele("person", gone["row_id"], env.last_seq()), person("10"), person())
    with env.engine.connect() as conn:
        user_id = conn.execute(sa.select(schema.users.c.id).limit(1)).scalar_one()
    scopes = [DeviceScope(d.id, user_id, "u", "province", frozenset({"50"})),
              DeviceScope(d.id, user_id, "u", "province", frozenset({"50", "10"})),
              DeviceScope(d.id, user_id, "u", "hq", None)]
    for scope in scopes:
        cursor, after, pages = None, 0, 0
        while pages < 40:
            got = json.loads(pull_module.pull(env.engine, scope, cursor, limit))
            with env.engine.connect() as conn:
                purged = conn.execute(sa.select(schema.server_state.c.purged_seq)).scalar_one()
                rows = pull_module._page(conn, scope, after, limit + 1)
            entries = rows[:limit]
            expected = json.loads(pull_module.encode_page(
                entries, encode_cursor(entries[-1][0] if entries else after, purged),
                len(rows) > limit))
            assert got == expected
            pages += 1
            if not got["more"]:
                break
            cursor, after = got["cursor"], got["changes"][-1]["seq"]
        assert pages == 40 or not got["more"]  # the last page, or 40 pages compared


def test_the_page_statement_is_never_prepared_on_a_connection(env):
    """psycopg prepares a statement run five times on one connection and PostgreSQL then
    plans it generically; the page's statement must be planned with its values each time,
    so it must never be among the connection's prepared statements however many pages that
    connection served."""
    if env.backend != "postgres":
        pytest.skip("PostgreSQL's prepared statements")
    d = env.device()
    d.push(*[person(notes=f"{i}") for i in range(12)])
    with env.engine.connect() as conn:
        user_id = conn.execute(sa.select(schema.users.c.id).limit(1)).scalar_one()
    scope = DeviceScope(d.id, user_id, "u", "province", frozenset({"50"}))
    engine = sa.create_engine(env.engine.url, pool_size=1, max_overflow=0)
    try:
        cursor, pages, seqs = None, 0, []
        while True:
            got = json.loads(pull_module.pull(engine, scope, cursor, 1))
            seqs += [c["seq"] for c in got["changes"]]
            pages += 1
            if not got["more"]:
                break
            cursor = got["cursor"]
        assert pages >= 12 and seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        with engine.connect() as conn:
            prepared = conn.exec_driver_sql(
                "SELECT statement FROM pg_prepared_statements"
            ).scalars().all()
            assert conn.connection.driver_connection.info.backend_pid == (
                conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
            )
        assert prepared, "the state query, run as often, is prepared: the check can see them"
        assert not [s for s in prepared if "string_agg" in s]
    finally:
        engine.dispose()


def test_postgresql_bounded_pages_and_splits_are_those_python_makes(env):
    """``until`` and ``splits`` on PostgreSQL (written by PostgreSQL) against the SQLite
    path's Python, run on the same rows."""
    if env.backend != "postgres":
        pytest.skip("the page written by PostgreSQL")
    d = env.device("cluster", ("50", "10"))
    d.push(*[person(notes=f"{i}") for i in range(9)], *[person("10") for _ in range(4)])
    with env.engine.connect() as conn:
        user_id = conn.execute(sa.select(schema.users.c.id).limit(1)).scalar_one()
        purged = conn.execute(sa.select(schema.server_state.c.purged_seq)).scalar_one()
    top_seq = env.last_seq()
    scopes = [DeviceScope(d.id, user_id, "u", "province", frozenset({"50"})),
              DeviceScope(d.id, user_id, "u", "province", frozenset({"50", "10"})),
              DeviceScope(d.id, user_id, "u", "hq", None)]
    for scope in scopes:
        with env.engine.connect() as conn:
            for limit in (1, 4, 7):
                assert pull_module._pg_splits(conn, scope, 0, limit) == pull_module._splits(
                    conn, scope, 0, limit
                )
        for after, bound, limit in [(0, top_seq - 5, 3), (top_seq - 9, top_seq - 2, 4),
                                    (top_seq - 9, top_seq - 2, 50)]:
            got = json.loads(pull_module.pull(
                env.engine, scope, encode_cursor(after, purged), limit,
                until=encode_cursor(bound, purged)))
            with env.engine.connect() as conn:
                rows = pull_module._page(conn, scope, after, limit + 1, bound)
            more = len(rows) > limit
            entries = rows[:limit]
            cursor = encode_cursor(entries[-1][0] if more else bound, purged)
            assert got == json.loads(pull_module.encode_page(entries, cursor, more))
            assert all(c["seq"] <= bound for c in got["changes"])
