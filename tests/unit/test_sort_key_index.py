"""The sort-key indexes (migration 0006): every written row has its key, whoever wrote
it, the lists read their Thai order from them, and a changed key rebuilds them.

The oracle for the order is hand-written from THAI.md's rule (a leading vowel เ แ โ ใ ไ
is skipped for the primary order; a tone mark only breaks ties), never the function
under test; ``PRAGMA integrity_check`` recomputes every index entry's expression and
compares it with the stored one.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from codi_desktop.services import lists
from codi_desktop.services.communities import CommunityData, create_community, update_community
from codi_desktop.store import sort_keys
from codi_desktop.store.database import open_store
from codi_desktop.store.paths import DB_FILENAME
from codi_desktop.sync import pages
from codi_desktop.sync.apply import write_transaction

# by hand: ก < ช < พ < อ on the first consonant; กมล before กอง (ม before อ); กอง before
# ก้อง (same letters, no tone first); ไชยา files under ช, เพ็ญศรี under พ
EXPECTED = ["กมล", "กอง", "ก้อง", "ไชยา", "เพ็ญศรี", "อัมพร"]


def _sync_rows(store, names: list[str], ids: list[str] | None = None) -> list[str]:
    """Write communities as the sync applies a pulled page: its own raw
    ``INSERT ... ON CONFLICT`` with an explicit column list, capture off."""
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    ids = ids or [str(uuid.uuid4()) for _ in names]
    images = [
        {"table": "community", "row_id": i, "seq": 1, "deleted": False,
         "fields": {"province_code": "34", "name": n, "kind": "village",
                    "created_at": now, "updated_at": now}}
        for i, n in zip(ids, names, strict=True)
    ]
    with write_transaction(store) as conn:
        result = pages.apply_page(conn, images)
    assert result.skipped == []
    return ids


def _integrity(store) -> list[str]:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    s.set_setting("province_code", "34")
    yield s
    s.close()


def test_rows_written_by_the_services_and_by_the_sync_are_listed_in_thai_order(store):
    by_sync = _sync_rows(store, ["กก", "ก้อง", "ไชยา"])
    for name in ("เพ็ญศรี", "กอง", "กมลา"):
        create_community(store, CommunityData(name=name))
    by_service = lists.COMMUNITIES.window(store, lists.ListFilter(text="กมลา"))[0][0]
    update_community(store, by_service, CommunityData(name="กมล"))  # the key follows
    _sync_rows(store, ["อัมพร"], by_sync[:1])  # the sync's update of a pulled row
    assert _integrity(store) == ["ok"]
    rows = lists.COMMUNITIES.window(store, lists.ListFilter())
    assert [r[1] for r in rows] == EXPECTED
    rows = lists.COMMUNITIES.window(store, lists.ListFilter(), descending=True)
    assert [r[1] for r in rows] == EXPECTED[::-1]
    # windows of the order, as the table model reads them
    parts = [lists.COMMUNITIES.window(store, lists.ListFilter(), offset=o, limit=2)
             for o in (0, 2, 4)]
    assert [r[1] for part in parts for r in part] == EXPECTED
    # a search and the province selector go along the same index
    flt = lists.ListFilter(text="ก", provinces=("34",))
    assert [r[1] for r in lists.COMMUNITIES.window(store, flt)] == ["กมล", "กอง", "ก้อง"]
    assert lists.COMMUNITIES.count(store, flt) == 3
    assert lists.COMMUNITIES.count(store, lists.ListFilter(provinces=("35",))) == 0


def _plans(store, run) -> list[str]:
    """The query plans of the SELECTs ``run`` makes."""
    seen: list[tuple[str, tuple]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    with store.engine.connect() as conn:
        return [" / ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p))
                for s, p in seen]


@pytest.mark.parametrize(("source", "index"), [
    (lists.COMMUNITIES, "ix_community_sort_name"),
    (lists.ORGANIZATIONS, "ix_organization_sort_name"),
    (lists.PEOPLE, "ix_person_sort_name"),
])
@pytest.mark.parametrize("flt", [lists.ListFilter(), lists.ListFilter(text="หนอง"),
                                 lists.ListFilter(text="นา", provinces=("34", "35"))])
def test_the_lists_default_order_reads_the_sort_key_index(store, source, index, flt):
    """The ORDER BY is the index's expression, and the plan walks the index instead of
    sorting (which would call thai_key() in Python for every matching row)."""
    plans = _plans(store, lambda: source.window(store, flt, offset=400, descending=True))
    assert len(plans) == 1
    assert f"USING COVERING INDEX {index}" in plans[0] or f"USING INDEX {index}" in plans[0]
    assert "TEMP B-TREE FOR ORDER BY" not in plans[0].split("LIST SUBQUERY")[0]


def test_a_changed_key_rebuilds_the_indexes(store, monkeypatch):
    _sync_rows(store, ["ไชยา", "กมล"])
    assert not sort_keys.ensure_sort_keys(store.engine)  # the key the migration used
    monkeypatch.setattr(sort_keys.collation, "key_version", lambda: "rule-test")
    assert sort_keys.ensure_sort_keys(store.engine)
    assert store.get_setting("sort_key_version") == "rule-test"
    assert not sort_keys.ensure_sort_keys(store.engine)
    assert _integrity(store) == ["ok"]


def test_rows_of_an_older_schema_get_their_keys_from_the_migration(tmp_path):
    fixture = Path(__file__).parents[1] / "fixtures" / "schema-0005.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)
    store = open_store(folder)
    try:
        with store.engine.connect() as conn:
            names = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
            used = conn.exec_driver_sql(
                "SELECT count(*) FROM community INDEXED BY ix_community_sort_name "
                "WHERE thai_key(name) IS NOT NULL").scalar()
        assert set(sort_keys.INDEXES) <= names
        assert used == 1
        assert _integrity(store) == ["ok"]
        assert store.get_setting("sort_key_version") == sort_keys.collation.key_version()
    finally:
        store.close()
