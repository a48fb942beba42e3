"""An empty laptop's first snapshot builds its indexes once, at the end (store/deferred.py),
and whatever happens it ends with the schema a new database has (the oracle: the
migrations, read from a database just made) and a search index of every row."""

from __future__ import annotations

import sqlite3
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from codi_core.models import Community
from codi_core.wire import decode_cursor
from codi_desktop.store import deferred
from codi_desktop.store.database import open_store
from codi_desktop.sync import apply, engine
from codi_desktop.sync.apply import write_transaction

from .conftest import make_laptop, no_keepalive_client, row_images
from .faultproxy import FaultProxy
from .test_faults import add_communities, laptop_via


def schema(store) -> set[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        return set(
            conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            )
        )


def counts(store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(sa.func.count()).select_from(Community)).scalar()
        index = conn.exec_driver_sql("SELECT count(*) FROM fts_community").scalar()
    return rows, index


def search(store, text: str) -> list[str]:
    with store.engine.connect() as conn:
        return (
            conn.exec_driver_sql(
                "SELECT row_id FROM fts_community WHERE fts_community MATCH ?", (f'"{text}"',)
            )
            .scalars()
            .all()
        )


def watch_deferral(store):
    """A progress callback noting, after each pulled page, whether indexes are deferred."""
    seen: list[bool] = []

    def looked(progress):
        if progress.phase == "pull":
            with store.engine.connect() as conn:
                seen.append(deferred.deferred(conn))

    return seen, looked


@pytest.fixture
def small_groups(monkeypatch):
    """A first snapshot's pages commit two at a time (pages of 10 rows here), so another
    connection sees the snapshot part-way."""
    monkeypatch.setattr(engine, "SNAPSHOT_COMMIT_ROWS", 20)


def test_a_first_snapshot_defers_its_indexes_and_ends_with_a_new_databases_schema(
    tmp_path, server, laptops, small_groups
):
    a, _b = laptops
    ids = add_communities(a, 45, "ก่อน")
    a.synced()
    expected = schema(open_store(tmp_path / "made-new"))
    fresh = make_laptop(tmp_path, "fresh", server, a.username)
    mid_sync, looked = watch_deferral(fresh.store)
    summary = fresh.sync(page_limit=10, progress=looked)
    assert summary.ok, summary.describe("en")
    assert summary.pages > 4
    assert any(mid_sync)  # the indexes were deferred during the snapshot
    assert schema(fresh.store) == expected
    with fresh.store.engine.connect() as conn:
        assert not deferred.deferred(conn)
    rows, index = counts(fresh.store)
    assert rows == index >= 45
    assert ids[7] in search(fresh.store, "ก่อน ชุมชนบ้านหนองบัว 7")
    assert row_images(fresh.store) == row_images(a.store)
    # Later writes keep the index current through the triggers again.
    new = add_communities(fresh, 1, "หลัง")
    assert new[0] in search(fresh.store, "หลัง ชุมชนบ้านหนองบัว 0")
    fresh.store.close()


def test_a_first_snapshot_stopped_half_way_puts_its_indexes_back_at_once(
    tmp_path, server, laptops, small_groups
):
    a, _b = laptops
    add_communities(a, 45, "หยุด")
    a.synced()
    expected = schema(open_store(tmp_path / "made-new"))
    fresh = make_laptop(tmp_path, "fresh", server, a.username)
    mid_sync, looked = watch_deferral(fresh.store)
    summary = fresh.sync(page_limit=10, progress=looked, cancel=lambda: len(mid_sync) >= 3)
    assert not summary.ok
    assert mid_sync[-1]  # stopped while deferred
    assert schema(fresh.store) == expected
    rows, index = counts(fresh.store)
    assert rows == index
    # The next sync finishes from where it stopped.
    assert fresh.sync().ok
    assert row_images(fresh.store) == row_images(a.store)
    assert counts(fresh.store)[0] == counts(fresh.store)[1]
    fresh.store.close()


def test_a_first_snapshot_ended_by_a_crash_is_repaired_when_the_database_opens(tmp_path):
    store = open_store(tmp_path / "laptop")
    expected = schema(store)
    with write_transaction(store) as conn:
        assert deferred.defer(conn) > 12  # the search triggers and the plain indexes
        conn.exec_driver_sql(
            "INSERT INTO community (id, name, kind, province_code, created_at, updated_at) "
            "VALUES ('c-1', 'ชุมชนบ้านหลังพัง', 'village', '34', '2026-01-02 00:00:00.000000', "
            "'2026-01-02 00:00:00.000000')"
        )
    assert schema(store) != expected
    store.close()  # the process ends here, the snapshot unfinished
    reopened = open_store(tmp_path / "laptop")
    assert schema(reopened) == expected
    assert search(reopened, "บ้านหลังพัง") == ["c-1"]
    with reopened.engine.connect() as conn:
        assert not deferred.deferred(conn)
    reopened.close()


def _committed(store) -> tuple[str | None, int]:
    """What another connection sees: the pull cursor and the communities."""
    with store.engine.connect() as conn:
        cursor = conn.execute(
            sa.select(apply._setting_t.c.value).where(apply._setting_t.c.key == apply.S_CURSOR)
        ).scalar()
        rows = conn.execute(sa.select(sa.func.count()).select_from(Community)).scalar()
    return cursor, rows


def test_a_first_snapshot_commits_several_pages_at_a_time_each_group_with_its_cursor(
    tmp_path, server, laptops, monkeypatch
):
    a, _b = laptops
    add_communities(a, 60, "กลุ่ม")
    a.synced()
    monkeypatch.setattr(engine, "SNAPSHOT_COMMIT_ROWS", 30)  # three pages of 10
    monkeypatch.setattr(engine, "SNAPSHOT_COMMIT_SECONDS", 60.0)
    monkeypatch.setattr(engine, "NEXT_PAGE_WAIT", 30.0)  # never commit early for the network
    fresh = make_laptop(tmp_path, "fresh", server, a.username)
    seen: list[tuple[str | None, int]] = []
    summary = fresh.sync(
        page_limit=10, progress=lambda p: p.phase == "pull" and seen.append(_committed(fresh.store))
    )
    assert summary.ok, summary.describe("en")
    assert summary.pages >= 7
    # After each page another connection sees either the previous group or, after every
    # third page, the group that page completed: a cursor of its own per three pages.
    cursors = [c for c, _ in seen]
    changes = sum(1 for x, y in zip([None, *cursors], cursors, strict=False) if x != y)
    assert 2 <= changes <= summary.pages // 3 + 1, seen
    assert seen[0] == (None, 0) and seen[1] == (None, 0)  # pages 1 and 2: not yet
    # Every committed state is whole: its rows, and nothing of a later page.
    assert [n for _, n in seen] == sorted(n for _, n in seen)
    assert row_images(fresh.store) == row_images(a.store)
    fresh.store.close()


def test_a_first_snapshot_cut_in_the_middle_of_a_group_keeps_its_pages_and_resumes(
    tmp_path, server, laptops, memory_keyring, monkeypatch
):
    a, _b = laptops
    add_communities(a, 60, "ตัด")
    a.synced()
    monkeypatch.setattr(engine, "SNAPSHOT_COMMIT_ROWS", 1000)  # one group, if nothing cuts
    monkeypatch.setattr(engine, "SNAPSHOT_COMMIT_SECONDS", 60.0)
    monkeypatch.setattr(engine, "NEXT_PAGE_WAIT", 30.0)
    pulls: list[str] = []
    cut: list[str] = []

    def cut_from_the_fifth_pull(line: str):
        if "/v1/sync/pull" in line:
            pulls.append(line)
            if len(pulls) >= 5:
                cut.append(line)
                return ("response", 50)
        return None

    proxy = FaultProxy(upstream_port=server.port, rule=cut_from_the_fifth_pull).start()
    try:
        fresh = laptop_via(tmp_path, "fresh", proxy.url, server, a.username)
        summary = fresh.sync(
            page_limit=10, client_factory=no_keepalive_client, transport_retries=1,
            sleep=lambda _s: None,
        )
        assert not summary.ok
        # The pages before the first one cut were written and committed, with the
        # cursor that one was asked from. (The snapshot's ranges are fetched two at a
        # time, so which range is the fifth request to arrive varies.)
        cursor, _rows = _committed(fresh.store)
        asked = [parse_qs(urlsplit(line.split()[1]).query)["cursor"][0] for line in cut]
        first_cut = min(asked, key=lambda c: decode_cursor(c)[0])
        assert cursor == first_cut and summary.pages >= 3
        with fresh.store.engine.connect() as conn:
            assert not deferred.deferred(conn)  # the indexes came back at once
        assert summary.pulled_rows == 10 * summary.pages  # counted once committed
        proxy.rule = None
        assert fresh.sync(client_factory=no_keepalive_client).ok  # from the fourth page on
        assert row_images(fresh.store) == row_images(a.store)
        fresh.store.close()
    finally:
        proxy.stop()


def test_a_first_snapshot_frees_the_write_lock_while_a_page_is_slow_to_come(
    tmp_path, server, laptops, memory_keyring
):
    a, _b = laptops
    add_communities(a, 50, "ช้า")
    a.synced()
    holding = threading.Event()
    pulls: list[str] = []

    def slow_fourth_pull(line: str) -> float:
        if "/v1/sync/pull" in line:
            pulls.append(line)
            if len(pulls) == 4:
                holding.set()
                return 4.0  # a rural link: this page takes seconds to arrive
        return 0.0

    proxy = FaultProxy(upstream_port=server.port, hold=slow_fourth_pull).start()
    try:
        fresh = laptop_via(tmp_path, "fresh", proxy.url, server, a.username)
        result: dict = {}
        sync = threading.Thread(target=lambda: result.update(
            summary=fresh.sync(page_limit=10, client_factory=no_keepalive_client)
        ))
        sync.start()
        assert holding.wait(30)
        # The window writes while the sync waits for that page: it gets the write lock
        # well before the page arrives (the sync waits a quarter of a second, then commits
        # what it has written and waits without the lock).
        other = sqlite3.connect(fresh.store.path, timeout=2.0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()
        assert not result  # the slow page has not arrived yet
        sync.join(60)
        assert result["summary"].ok, result["summary"].describe("en")
        assert row_images(fresh.store) == row_images(a.store)
        fresh.store.close()
    finally:
        proxy.stop()


def test_a_pull_leaves_no_page_body_behind_while_the_collector_is_paused(
    tmp_path, server, laptops
):
    """The pull pauses Python's cyclic collector (prefetch.py); httpx leaves each
    response in a reference cycle with its stream, so a body or a decompressor kept
    there would stay until the pull ends (a cluster's first sync reached 1.2 GB).
    Oracle: what the collector finds unreachable after the pull."""
    import gc

    a, _b = laptops
    add_communities(a, 120, "หน่วยความจำ")
    a.synced()
    fresh = make_laptop(tmp_path, "fresh", server, a.username)
    gc.collect()
    gc.disable()
    try:
        summary = fresh.sync(page_limit=20)
        assert summary.ok and summary.pages >= 6, summary.describe("en")
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        held = [
            len(r) for o in gc.garbage for r in gc.get_referents(o)
            if isinstance(r, bytes | bytearray) and len(r) > 2_000
        ]
        kinds = {type(o).__name__ for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
        fresh.store.close()
    assert held == []  # no page's body
    assert not kinds & {"Response", "ZStandardDecoder", "GZipDecoder"}, kinds


def test_a_snapshot_fetched_by_its_ranges_takes_the_rows_edited_meanwhile(
    tmp_path, server, laptops, memory_keyring
):
    """The ranges of a snapshot are fetched at once, some before and some after another
    laptop's edits: an edited row leaves its range for the end of the snapshot, so the
    new laptop ends with every edit (oracle: the editing laptop's rows, and the server's)."""
    from .test_own_writes import server_row, set_notes

    a, _b = laptops
    ids = add_communities(a, 90, "ระหว่างดึง")
    a.synced()
    asked: list[str] = []

    def record(line: str):
        if "/v1/sync/pull" in line:
            asked.append(line.split()[1])
        return None

    proxy = FaultProxy(upstream_port=server.port, rule=record).start()
    try:
        fresh = laptop_via(tmp_path, "fresh", proxy.url, server, a.username)
        edited: list[str] = []

        def edit_once(p) -> None:
            if p.phase == "pull" and p.done and not edited:
                for cid in ids[::9]:
                    set_notes(a, cid, "แก้ระหว่างที่อีกเครื่องดึงข้อมูล")
                    edited.append(cid)
                a.synced()

        summary = fresh.sync(page_limit=10, progress=edit_once, client_factory=no_keepalive_client)
        assert summary.ok, summary.describe("en")
        assert len(edited) == 10
        assert "splits=true" in asked[0]
        assert sum("until=" in line for line in asked) >= 5  # fetched by ranges
        assert row_images(fresh.store) == row_images(a.store)
        for cid in edited:
            assert server_row(server, cid)["notes"] == "แก้ระหว่างที่อีกเครื่องดึงข้อมูล"
            with fresh.store.read() as s:
                assert s.get(Community, cid).notes == "แก้ระหว่างที่อีกเครื่องดึงข้อมูล"
        fresh.store.close()
    finally:
        proxy.stop()
