"""The search index's triggers (migrations 0002 and 0007).

Every searchable table keeps its three triggers in a new file (0005 rebuilt ``meeting``
and lost them); an entry is rewritten when a column of its text changes and only then.

The oracles are hand-written: which columns each table's text is made of (from the list
pages' search boxes: name, leader, phone, place...), and what a search returns, read
through the list pages' own query (``services.lists``), not through the triggers.
"""

from __future__ import annotations

import uuid

import pytest

from codi_desktop.services import lists

STAMP = "2026-01-15 03:00:00.000000"

# table -> the columns its search text is made of, by hand
TEXT_COLUMNS = {
    "community": {"name", "leader_name", "phone", "subdistrict_id"},
    "organization": {"name", "phone", "subdistrict_id"},
    "person": {"prefix", "first_name", "last_name", "position", "phone", "email"},
    "project": {"code", "name", "subdistrict_id"},
    "meeting": {"title", "place", "organiser"},
}


def _sql(store, sql: str, params: tuple = ()) -> list[tuple]:
    with store.engine.begin() as conn:
        result = conn.exec_driver_sql(sql, params)
        return list(result) if result.returns_rows else []


def _add_meeting(store, title: str, place: str = "ศาลากลางจังหวัด") -> str:
    meeting_id = str(uuid.uuid4())
    _sql(
        store,
        "INSERT INTO meeting (id, province_code, kind, title, place, number, number_year, "
        "starts_at, status, minutes_version, created_at, updated_at) "
        "VALUES (?, '34', 'provincial_committee', ?, ?, 1, 2569, ?, 'planned', 1, ?, ?)",
        (meeting_id, title, place, STAMP, STAMP, STAMP),
    )
    return meeting_id


def _found(store, text: str) -> list[str]:
    return [row[0] for row in lists.MEETINGS.window(store, lists.ListFilter(text=text))]


def test_every_searchable_table_has_its_three_triggers(store):
    have = {name for (name,) in _sql(store, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for table in TEXT_COLUMNS:
        for suffix in ("ai", "au", "ad"):
            assert f"fts_{table}_{suffix}" in have


def test_a_meeting_added_renamed_and_deleted_is_searched_as_it_is_now(store):
    meeting_id = _add_meeting(store, "ประชุมเครือข่ายบ้านมั่นคง", place="วัดหนองบัว")
    assert _found(store, "บ้านมั่นคง") == [meeting_id]
    assert _found(store, "หนองบัว") == [meeting_id]  # the place is searched too
    _sql(store, "UPDATE meeting SET title = 'ประชุมสภาองค์กรชุมชนตำบลคำเจริญ' WHERE id = ?",
         (meeting_id,))
    assert _found(store, "บ้านมั่นคง") == []
    assert _found(store, "คำเจริญ") == [meeting_id]
    _sql(store, "DELETE FROM meeting WHERE id = ?", (meeting_id,))
    assert _found(store, "คำเจริญ") == []
    assert _sql(store, "SELECT count(*) FROM fts_meeting") == [(0,)]


def _triggers_of(store, table: str) -> dict[str, str]:
    return dict(_sql(
        store, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
        (table,)))


@pytest.mark.parametrize("table", sorted(TEXT_COLUMNS))
def test_the_update_trigger_fires_on_the_text_columns_only(store, table):
    sql = " ".join(_triggers_of(store, table)[f"fts_{table}_au"].split())
    head, _, _ = sql.partition(f" ON {table} ")
    assert head.startswith(f"CREATE TRIGGER fts_{table}_au AFTER UPDATE OF ")
    named = {c.strip() for c in head.removeprefix(
        f"CREATE TRIGGER fts_{table}_au AFTER UPDATE OF ").split(",")}
    assert named == TEXT_COLUMNS[table] | {"id"}


def test_an_entry_is_rewritten_when_its_text_changes_and_only_then(store):
    meeting_id = _add_meeting(store, "ประชุมคณะทำงานสวัสดิการชุมชน")
    (rowid,) = _sql(store, "SELECT rowid FROM meeting WHERE id = ?", (meeting_id,))[0]
    # Mark the entry: a trigger that fires writes it again from the row.
    _sql(store, "UPDATE fts_meeting SET body = 'เครื่องหมาย' WHERE rowid = ?", (rowid,))
    _sql(store, "UPDATE meeting SET seq = 42, deleted_at = ? WHERE id = ?", (STAMP, meeting_id))
    assert _sql(store, "SELECT body FROM fts_meeting WHERE rowid = ?", (rowid,)) == [
        ("เครื่องหมาย",)]
    _sql(store, "UPDATE meeting SET organiser = 'สำนักงานพัฒนาสังคมจังหวัด' WHERE id = ?",
         (meeting_id,))
    (body,) = _sql(store, "SELECT body FROM fts_meeting WHERE rowid = ?", (rowid,))[0]
    assert "สวัสดิการชุมชน" in body and "สำนักงานพัฒนาสังคมจังหวัด" in body
