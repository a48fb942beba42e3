"""Recovery paths of the protocol: an expired cursor (fresh snapshot after a backup) and a
server that lost change sets (409 out_of_order → resend from what it expects)."""

from __future__ import annotations

import shutil

import pytest

from codi_core.models import Community, Meeting
from codi_desktop.services import communities
from codi_desktop.store import paths
from codi_desktop.sync import status

from .conftest import PASSWORD, make_laptop, server_cli, start_server
from .test_faults import add_communities, assert_all_applied_once
from .test_two_laptops import delete, new_meeting


@pytest.mark.parametrize("page_limit", [None, 3], ids=["pages", "small-pages"])
def test_expired_cursor_backs_up_takes_a_fresh_snapshot_and_keeps_the_outbox(
    tmp_path, server, memory_keyring, page_limit
):
    """With small pages, the fresh snapshot's later pages are fetched ahead
    (prefetch.py) after the reset."""
    options = {"page_limit": page_limit} if page_limit else {}
    a = make_laptop(tmp_path, "a", server, "somchai")
    b = make_laptop(tmp_path, "b", server, "malee")
    meeting_id = new_meeting(a)
    a.synced()
    b.synced()
    delete(b, meeting_id)
    b.synced()
    # Laptop A has work waiting, and has not seen the delete; the server then purges
    # tombstones, so A's cursor is older than what the server can answer.
    community_id = communities.create_community(
        a.store, communities.CommunityData(name="ชุมชนริมคลองสาม"), author="somchai"
    )
    server_cli(server.database_url, "purge", "--older-than-days", "0")

    summary = a.sync(**options)
    assert summary.ok, summary.describe("en")
    assert summary.snapshot_reset and summary.applied == 1
    if page_limit:
        assert summary.pages > 2
    assert summary.backup and (paths.backups_dir(a.store.data_dir)).exists()
    assert any("cursor-expired" in p.name for p in paths.backups_dir(a.store.data_dir).iterdir())
    assert a.get(Community, community_id) is not None  # the outbox went out, nothing lost
    assert a.get(Meeting, meeting_id) is None  # gone on the server, gone here
    b.synced()
    assert b.get(Community, community_id) is not None
    assert a.synced().snapshot_reset is False


@pytest.mark.slow
def test_server_restored_from_an_older_backup_gets_the_missing_change_sets_again(
    tmp_path, memory_keyring
):
    db = tmp_path / "srv.sqlite3"
    url = f"sqlite:///{db}"
    srv = start_server(tmp_path, database_url=url)
    port = srv.port
    try:
        srv.create_user("somchai")
        a = make_laptop(tmp_path, "a", srv, "somchai")
        add_communities(a, 2, "first")
        a.synced()
        srv.stop()
        saved = tmp_path / "saved"
        saved.mkdir()
        for f in tmp_path.glob("srv.sqlite3*"):
            shutil.copy(f, saved / f.name)

        srv = start_server(tmp_path, port=port, database_url=url)
        add_communities(a, 3, "lost")  # applied, then lost by the server's restore
        a.synced()
        srv.stop()
        for f in tmp_path.glob("srv.sqlite3*"):
            f.unlink()
        for f in saved.iterdir():
            shutil.copy(f, tmp_path / f.name)

        srv = start_server(tmp_path, port=port, database_url=url)
        add_communities(a, 1, "after")
        summary = a.synced()
        # The server expected the first lost change set: the laptop resent from there.
        assert summary.applied == 4, summary.describe("en")
        assert_all_applied_once(a)

        srv.users["somchai"] = PASSWORD
        fresh = make_laptop(tmp_path, "fresh", srv, "somchai")
        fresh.synced()
        with fresh.store.read() as s:
            names = {c.name for c in s.query(Community)}
        assert {n.split(" ")[0] for n in names} >= {"first", "lost", "after"}
        assert len([n for n in names if n.startswith(("first", "lost", "after"))]) == 6
    finally:
        srv.stop()


def test_a_change_set_the_server_cannot_take_is_rejected_and_the_queue_moves_on(
    tmp_path, server, memory_keyring
):
    a = make_laptop(tmp_path, "a", server, "somchai")
    add_communities(a, 1, "before")
    # A change set the protocol does not allow (as an older or faulty client might queue:
    # an author name of 150 characters): the server rejects that change set (invalid) and
    # applies the ones around it; nothing waits behind it for ever.
    communities.create_community(a.store, communities.CommunityData(name="ชุมชนชื่อผู้บันทึกยาว"))
    with a.store.engine.begin() as conn:
        conn.exec_driver_sql("update change_set set author = ? where device_seq = 2", ("ก" * 150,))
    add_communities(a, 1, "after")
    summary = a.sync()
    assert (summary.applied, summary.rejected, summary.waiting) == (2, 1, 0)
    (rejected,) = status.rejected_change_sets(a.store)
    assert rejected.device_seq == 2 and rejected.result_code == "invalid"
    # The person can read why, then discard it.
    assert rejected.reason("th")
    with a.store.read() as s:  # its row is back to the server's version: not there
        assert "ชุมชนชื่อผู้บันทึกยาว" not in {c.name for c in s.query(Community)}
    status.discard_rejected(a.store, rejected.id)
    assert status.rejected_change_sets(a.store) == []
