"""An empty laptop's first snapshot builds its indexes once, at the end (store/deferred.py),
and whatever happens it ends with the schema a new database has (the oracle: the
migrations, read from a database just made) and a search index of every row."""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.models import Community
from codi_desktop.store import deferred
from codi_desktop.store.database import open_store
from codi_desktop.sync.apply import write_transaction

from .conftest import make_laptop, row_images
from .test_faults import add_communities


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


def test_a_first_snapshot_defers_its_indexes_and_ends_with_a_new_databases_schema(
    tmp_path, server, laptops
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


def test_a_first_snapshot_stopped_half_way_puts_its_indexes_back_at_once(tmp_path, server, laptops):
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
