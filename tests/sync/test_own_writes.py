"""A laptop never conflicts with itself: the push gets through, the pull after it is cut.

On a rural link a push is often acknowledged and the pull after it drops. The laptop's
next edit of the same row must be based on its own last write (no conflict with itself,
no value going back). Each test runs a real codi-server behind a loopback proxy that
lets pushes through and cuts pull answers on demand, and checks the server's own
database, a second laptop, and the laptop itself.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from codi_core.models import Community
from codi_desktop.services import communities
from codi_desktop.store.database import open_store
from codi_desktop.sync import status
from codi_desktop.sync.credentials import enrol

from .conftest import Laptop, Server, make_laptop, no_keepalive_client
from .faultproxy import FaultProxy

PULL = "GET /v1/sync/pull"
PUSH = "POST /v1/sync/push"


class PullCutter:
    """Proxy rule: while armed, every pull answer is cut after a few bytes."""

    def __init__(self) -> None:
        self.armed = False
        self.on_request: dict[str, object] = {}  # request prefix -> callable run once

    def __call__(self, line: str):
        for prefix, hook in list(self.on_request.items()):
            if line.startswith(prefix):
                del self.on_request[prefix]
                hook()  # type: ignore[operator]
        if self.armed and line.startswith(PULL):
            return ("response", 40)
        return None


@pytest.fixture
def cut_link(server: Server):
    rule = PullCutter()
    proxy = FaultProxy(upstream_port=server.port, rule=rule).start()
    try:
        yield proxy, rule
    finally:
        proxy.stop()


def laptop_via(tmp: Path, name: str, url: str, server: Server, username: str) -> Laptop:
    store = open_store(tmp / name)
    store.author = username
    enrol(store, url, username, server.users[username], device_name=name)
    return Laptop(name, store, url, username)


def sync(laptop: Laptop):
    return laptop.sync(client_factory=no_keepalive_client, transport_retries=0)


def synced(laptop: Laptop):
    summary = sync(laptop)
    assert summary.ok, summary.describe("en")
    return summary


def set_notes(laptop: Laptop, community_id: str, notes: str, **more) -> None:
    data = communities.get_community(laptop.store, community_id)
    data.notes = notes
    for name, value in more.items():
        setattr(data, name, value)
    communities.update_community(laptop.store, community_id, data, author=laptop.username)


def server_row(server: Server, community_id: str) -> dict:
    engine = server.engine()
    try:
        with engine.connect() as conn:
            table = sa.Table("community", sa.MetaData(), autoload_with=conn)
            row = conn.execute(sa.select(table).where(table.c.id == community_id)).mappings()
            return dict(row.one())
    finally:
        engine.dispose()


def conflicts_about(laptop: Laptop, row_id: str) -> list:
    return [c for c in status.open_conflicts(laptop.store) if c.row_id == row_id]


@pytest.fixture
def two(tmp_path, server, memory_keyring, province, cut_link):
    proxy, rule = cut_link
    a = laptop_via(tmp_path, "a", proxy.url, server, f"somchai{province}")
    b = make_laptop(tmp_path, "b", server, f"malee{province}")
    community_id = communities.create_community(
        a.store, communities.CommunityData(name="ชุมชนบ้านโนนสว่าง", notes="v0"), author=a.username
    )
    synced(a)
    synced(b)
    try:
        yield a, b, rule, community_id
    finally:
        a.store.close()
        b.store.close()


def _push_ok_pull_cut(a: Laptop, rule: PullCutter) -> None:
    rule.armed = True
    summary = sync(a)
    rule.armed = False
    assert summary.applied == 1 and summary.offline, summary.describe("en")


def test_second_edit_after_a_cut_pull_wins_without_a_conflict(two, server):
    a, b, rule, community_id = two
    set_notes(a, community_id, "v1")
    _push_ok_pull_cut(a, rule)
    set_notes(a, community_id, "v2")
    summary = synced(a)
    assert summary.conflicts == 0
    assert a.get(Community, community_id).notes == "v2"
    assert server_row(server, community_id)["notes"] == "v2"
    synced(b)
    assert b.get(Community, community_id).notes == "v2"
    assert conflicts_about(a, community_id) == conflicts_about(b, community_id) == []


def test_a_wider_second_edit_after_a_cut_pull_is_not_a_conflict(two, server):
    a, b, rule, community_id = two
    set_notes(a, community_id, "v1")
    _push_ok_pull_cut(a, rule)
    set_notes(a, community_id, "v2", phone="045-000-111")
    assert synced(a).conflicts == 0
    row = server_row(server, community_id)
    assert (row["notes"], row["phone"]) == ("v2", "045-000-111")
    synced(b)
    assert b.get(Community, community_id).notes == "v2"
    assert conflicts_about(b, community_id) == []


def test_two_edits_one_wider_then_one_sync_is_not_a_conflict(two, server):
    a, b, rule, community_id = two
    set_notes(a, community_id, "v1")
    set_notes(a, community_id, "v2", phone="045-222-333")
    assert synced(a).conflicts == 0
    row = server_row(server, community_id)
    assert (row["notes"], row["phone"]) == ("v2", "045-222-333")
    assert a.get(Community, community_id).notes == "v2"


def test_delete_after_a_cut_pull_deletes(two, server):
    a, b, rule, community_id = two
    set_notes(a, community_id, "v1")
    _push_ok_pull_cut(a, rule)
    communities.delete_community(a.store, community_id, author=a.username)
    summary = synced(a)
    assert summary.conflicts == 0
    assert a.get(Community, community_id).deleted_at is not None
    assert server_row(server, community_id)["deleted_at"] is not None
    synced(b)
    assert b.get(Community, community_id).deleted_at is not None
    assert conflicts_about(a, community_id) == conflicts_about(b, community_id) == []


def _edit_in_background_sync(a: Laptop, rule: PullCutter, when: str, cut_pull: bool) -> None:
    """Run a sync on a worker thread (as the app does) and edit while it runs: while
    the push is on its way (``when`` = PUSH) or between the push and the pull (PULL)."""
    edited = threading.Event()

    def edit() -> None:
        # On the proxy's thread, before the request reaches the server.
        set_notes(a, community_id_of[0], "v2")
        edited.set()

    community_id_of: list[str] = []
    with a.store.read() as s:
        community_id_of.append(
            s.scalars(sa.select(Community.id).where(Community.notes == "v1")).one()
        )
    rule.on_request[when] = edit
    rule.armed = cut_pull
    worker = threading.Thread(target=lambda: sync(a))
    worker.start()
    worker.join()
    rule.armed = False
    assert edited.is_set()


@pytest.mark.parametrize(
    ("when", "cut_pull"), [(PUSH, False), (PUSH, True), (PULL, True), (PULL, False)]
)
def test_an_edit_made_during_a_background_sync_wins(two, server, when, cut_pull):
    a, b, rule, community_id = two
    set_notes(a, community_id, "v1")
    _edit_in_background_sync(a, rule, when, cut_pull)
    assert a.get(Community, community_id).notes == "v2"
    synced(a)
    assert a.get(Community, community_id).notes == "v2"
    assert server_row(server, community_id)["notes"] == "v2"
    synced(b)
    assert b.get(Community, community_id).notes == "v2"
    assert conflicts_about(a, community_id) == conflicts_about(b, community_id) == []


def test_after_a_genuine_conflict_the_next_edit_does_not_conflict_again(two, server):
    a, b, rule, community_id = two
    set_notes(b, community_id, "from b")
    synced(b)
    set_notes(a, community_id, "from a")
    _push_ok_pull_cut(a, rule)  # a conflict; the server keeps "from b"
    (conflict,) = conflicts_about(a, community_id)
    assert (conflict.server_value, conflict.client_value) == ("from b", "from a")
    assert a.get(Community, community_id).notes == "from b"
    set_notes(a, community_id, "a again, having seen b")
    assert synced(a).conflicts == 0
    assert server_row(server, community_id)["notes"] == "a again, having seen b"


def test_keep_mine_after_a_cut_pull_reaches_the_server(two, server):
    a, b, rule, community_id = two
    set_notes(b, community_id, "from b")
    synced(b)
    set_notes(a, community_id, "from a")
    _push_ok_pull_cut(a, rule)
    (conflict,) = conflicts_about(a, community_id)
    status.resolve_conflict(a.store, conflict.id, conflict.client_value, author=a.username)
    assert synced(a).conflicts == 0
    assert server_row(server, community_id)["notes"] == "from a"
    synced(b)
    assert b.get(Community, community_id).notes == "from a"
    assert conflicts_about(a, community_id) == conflicts_about(b, community_id) == []


def test_a_pulled_image_of_a_waiting_row_is_not_lost(two, server):
    """The pull meets a row with a waiting change that then makes no server write
    (B wrote the same value): what the server sent for the other fields is kept."""
    a, b, rule, community_id = two
    set_notes(b, community_id, "same", leader_name="นางสมศรี")
    synced(b)
    # A's edit is made as its pull starts, so the pull meets it waiting.
    rule.on_request[PULL] = lambda: set_notes(a, community_id, "same")
    sync(a)
    assert a.get(Community, community_id).leader_name == "นางสมศรี"
    synced(a)  # the waiting edit goes out and changes nothing on the server
    row = a.get(Community, community_id)
    assert (row.notes, row.leader_name) == ("same", "นางสมศรี")
    assert conflicts_about(a, community_id) == []
    assert server_row(server, community_id)["leader_name"] == "นางสมศรี"
