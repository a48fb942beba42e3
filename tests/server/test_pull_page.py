"""A pull page on PostgreSQL is written by PostgreSQL (``pull._page_text``); it must be
the same JSON as the page Python writes from the same rows (``encode_page``, the SQLite
path), page by page: entries, order, cursor and ``more``."""

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
    d = env.device()
    gone = person(notes='quote " backslash \\ ไทย')
    d.push(gone, person(phone="081-ไทย"))
    d.push(dele("person", gone["row_id"], env.last_seq()))
    with env.engine.connect() as conn:
        user_id = conn.execute(sa.select(schema.users.c.id).limit(1)).scalar_one()
    scopes = [DeviceScope(d.id, user_id, "u", "province", frozenset({"50"})),
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
