"""An action's reads are isolated from another connection's commits (the pysqlite fix).

pysqlite on its own begins a transaction only at the first INSERT/UPDATE, so the reads of
an action before its first write each saw whatever the background sync (another
connection) had committed by then: a count could go 0 -> 1 inside one action. The store
begins the transaction at the action's first statement (``BEGIN IMMEDIATE``), so a second
connection cannot slip a commit between two reads of one action.
"""

from __future__ import annotations

import sqlite3
import threading

import sqlalchemy as sa

from codi_core.models import Community
from codi_desktop import collation


def _count(session) -> int:
    return int(session.scalar(sa.select(sa.func.count()).select_from(Community)) or 0)


def _insert_from_other_connection(db_path, outcome: dict) -> None:
    # A plain sqlite3 connection, as another process or the sync thread would be; every
    # writer of the store's file has thai_key(), which its sort-key indexes compute.
    conn = sqlite3.connect(db_path, timeout=0.2, isolation_level=None)
    collation.register(conn)
    try:
        conn.execute(
            "INSERT INTO community (id, province_code, name, kind, created_at, updated_at) "
            "VALUES ('other-connection-row', '34', 'ชุมชนจากอีกการเชื่อมต่อ', 'urban', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
        )
        outcome["committed"] = True
    except sqlite3.OperationalError as exc:  # the action holds the write lock
        outcome["error"] = str(exc)
    finally:
        conn.close()


def test_reads_inside_one_action_do_not_see_another_connections_commit(store):
    outcome: dict = {}
    with store.action("อ่านสองครั้ง") as session:
        first = _count(session)
        other = threading.Thread(target=_insert_from_other_connection, args=(store.path, outcome))
        other.start()
        other.join()
        second = _count(session)
    assert first == second == 0, outcome
    # The other writer waited for the action (and gave up after its short timeout).
    assert "committed" not in outcome
    assert "locked" in outcome.get("error", "")


def test_a_read_session_is_one_snapshot(store):
    outcome: dict = {}
    with store.read() as session:
        first = _count(session)
        other = threading.Thread(target=_insert_from_other_connection, args=(store.path, outcome))
        other.start()
        other.join()
        second = _count(session)
    assert outcome.get("committed") is True
    assert first == second == 0
    with store.read() as session:
        assert _count(session) == 1
