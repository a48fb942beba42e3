"""Faults: connections cut in the middle of push and pull, a server that is busy, and a
sync process killed with SIGKILL. Afterwards nothing is lost, nothing is applied twice,
and both laptops and the server hold the same rows."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from codi_core.models import ChangeSet, ChangeSetStatus, Community
from codi_desktop.services import communities
from codi_desktop.store.database import open_store
from codi_desktop.sync.credentials import enrol

from .conftest import PASSWORD, ROOT, Laptop, Server, make_laptop, row_images
from .faultproxy import FaultProxy

SEED = 20260125


def laptop_via(tmp: Path, name: str, url: str, server: Server, username: str) -> Laptop:
    store = open_store(tmp / name)
    store.author = username
    enrol(store, url, username, server.users[username], device_name=name)
    return Laptop(name, store, url, username)


def add_communities(laptop: Laptop, n: int, prefix: str) -> list[str]:
    ids = []
    for i in range(n):
        ids.append(
            communities.create_community(
                laptop.store,
                communities.CommunityData(
                    name=f"{prefix} ชุมชนบ้านหนองบัว {i}", moo=i % 20 + 1, households=10 + i
                ),
                author=laptop.username,
            )
        )
    return ids


def edit_some(laptop: Laptop, ids: list[str], rng: random.Random, n: int) -> None:
    for community_id in rng.sample(ids, n):
        data = communities.get_community(laptop.store, community_id)
        data.households = (data.households or 0) + rng.randrange(1, 50)
        data.leader_name = f"ผู้นำ {laptop.name} {rng.randrange(1000)}"
        communities.update_community(laptop.store, community_id, data, author=laptop.username)


def applied_change_sets(laptop: Laptop) -> list[ChangeSet]:
    with laptop.store.read() as s:
        return list(s.scalars(sa.select(ChangeSet).order_by(ChangeSet.device_seq)))


def assert_all_applied_once(laptop: Laptop) -> None:
    sets = applied_change_sets(laptop)
    assert sets, "expected change sets"
    assert {cs.status for cs in sets} == {ChangeSetStatus.APPLIED}, [
        (cs.summary, cs.status, cs.result_code, cs.result_detail) for cs in sets
    ]
    seqs = [cs.server_seq for cs in sets]
    assert len(set(seqs)) == len(seqs)  # each applied once, at its own server seq


def sync_until_ok(laptop: Laptop, attempts: int = 40, **options) -> int:
    for attempt in range(1, attempts + 1):
        summary = laptop.sync(**options)
        if summary.ok:
            return attempt
        assert not summary.rejected and not summary.revoked, summary.describe("en")
    raise AssertionError(f"{laptop.name} did not finish syncing: {summary.describe('en')}")


@pytest.mark.slow
def test_connections_cut_during_push_and_pull(tmp_path, server, memory_keyring):
    proxy = FaultProxy(upstream_port=server.port, seed=SEED).start()
    try:
        a = laptop_via(tmp_path, "a", proxy.url, server, "somchai")
        b = laptop_via(tmp_path, "b", proxy.url, server, "malee")
        a.synced()
        b.synced()
        rng = random.Random(SEED)
        ids_a = add_communities(a, 60, "A")
        ids_b = add_communities(b, 40, "B")
        edit_some(a, ids_a, rng, 15)
        edit_some(b, ids_b, rng, 10)

        proxy.cut_probability = 0.9
        proxy.max_cuts = 20
        small = {"push_batch": 7, "page_limit": 20, "transport_retries": 1}
        sync_until_ok(a, **small)
        sync_until_ok(b, **small)
        sync_until_ok(a, **small)
        assert proxy.cuts >= 4, (proxy.cuts, proxy.connections)

        proxy.cut_probability = 0.0
        a.synced()
        b.synced()
        fresh = make_laptop(tmp_path, "fresh", server, "somchai")
        fresh.synced()
        assert_all_applied_once(a)
        assert_all_applied_once(b)
        images = row_images(a.store)
        assert images == row_images(b.store) == row_images(fresh.store)
        names = {img["name"] for (t, _), img in images.items() if t == "community"}
        assert len([n for n in names if n.startswith(("A ", "B "))]) == 100
    finally:
        proxy.stop()


def test_busy_server_retry_after_is_honoured(tmp_path, server, memory_keyring):
    proxy = FaultProxy(upstream_port=server.port, seed=SEED).start()
    try:
        a = laptop_via(tmp_path, "a", proxy.url, server, "somchai")
        add_communities(a, 2, "busy")
        proxy.busy_answers = 2
        proxy.retry_after = 1
        waits = []
        started = time.monotonic()
        summary = a.sync(progress=lambda p: p.phase == "wait" and waits.append(p.message))
        assert summary.ok, summary.describe("en")
        assert proxy.busy_served == 2
        assert len(waits) == 2 and "busy" in waits[0]
        assert time.monotonic() - started >= 2.0  # waited as told, not hammering
    finally:
        proxy.stop()


def test_server_gone_means_offline_and_outbox_kept(tmp_path, server, memory_keyring):
    proxy = FaultProxy(upstream_port=server.port, seed=SEED).start()
    a = laptop_via(tmp_path, "a", proxy.url, server, "somchai")
    add_communities(a, 3, "offline")
    port = proxy.port
    proxy.stop()
    summary = a.sync(transport_retries=1)
    assert summary.offline and not summary.ok
    assert summary.errors[0].code == "offline"
    assert "ออฟไลน์" in summary.errors[0].message("th")
    assert summary.waiting == 3
    proxy = FaultProxy(upstream_port=server.port, seed=SEED, port=port).start()
    try:
        summary = a.synced()
        assert summary.applied == 3
    finally:
        proxy.stop()


def sync_process(data_dir: Path, tmp_path: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    # No keyring in the child: it asks for the password on stdin and rotates the token.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["HOME"] = str(tmp_path / "home")
    proc = subprocess.Popen(
        [sys.executable, "-m", "codi_desktop", "sync", "--data-dir", str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.close()
    return proc


def finish(proc: subprocess.Popen[str]) -> tuple[str, str]:
    assert proc.stdout is not None and proc.stderr is not None
    err = proc.stderr.read()
    out = proc.stdout.read()
    proc.wait(120)
    return out, err


def kill_after_progress(proc: subprocess.Popen[str], lines: int) -> list[str]:
    """SIGKILL the process once it has reported ``lines`` steps of progress."""
    seen: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("["):
            seen.append(line.strip())
            if len(seen) >= lines:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(30)
    return seen


@pytest.mark.slow
def test_sync_process_killed_mid_sync_and_rerun(tmp_path, server, memory_keyring):
    rng = random.Random(SEED)
    a = make_laptop(tmp_path, "a", server, "somchai")
    b = make_laptop(tmp_path, "b", server, "malee")
    a.synced()
    b.synced()
    ids = add_communities(a, 450, "K")  # three push batches
    edit_some(a, ids, rng, 30)
    a.store.close()

    killed = 0
    for _round in range(3):
        proc = sync_process(a.store.data_dir, tmp_path)
        seen = kill_after_progress(proc, rng.randrange(1, 4))
        if proc.returncode == -signal.SIGKILL:
            killed += 1
        assert seen
    assert killed >= 2
    proc = sync_process(a.store.data_dir, tmp_path)
    out, err = finish(proc)
    assert proc.returncode == 0, out + err

    # A fresh laptop's first sync (a snapshot of many pages) killed too, then rerun.
    fresh_store = open_store(tmp_path / "fresh")
    enrol(fresh_store, server.url, "malee", PASSWORD)
    fresh_store.close()
    proc = sync_process(tmp_path / "fresh", tmp_path)
    kill_after_progress(proc, rng.randrange(2, 6))
    proc = sync_process(tmp_path / "fresh", tmp_path)
    out, err = finish(proc)
    assert proc.returncode == 0, out + err

    a = Laptop("a", open_store(a.store.data_dir), server.url, "somchai")
    fresh = Laptop("fresh", open_store(tmp_path / "fresh"), server.url, "malee")
    b.synced()
    assert_all_applied_once(a)
    images = row_images(a.store)
    assert images == row_images(b.store) == row_images(fresh.store)
    with fresh.store.read() as s:
        n = s.scalar(
            sa.select(sa.func.count()).select_from(Community).where(Community.name.like("K %"))
        )
    assert n == 450


def test_cancel_mid_sync_stops_cleanly_and_the_next_sync_finishes(
    tmp_path, server, memory_keyring
):
    import threading

    a = make_laptop(tmp_path, "a", server, "somchai")
    add_communities(a, 30, "cancel")
    stop = threading.Event()

    def progress(p):
        if p.phase == "push" and p.done >= 10:
            stop.set()  # the person pressed "stop" after the first batch came back

    summary = a.sync(cancel=stop, progress=progress, push_batch=10)
    assert summary.cancelled and not summary.ok
    # The next push leaves before an answer is recorded (the laptop's work overlaps the
    # server's): the one already on its way when stop was pressed is answered and
    # recorded too; nothing after it is sent.
    first = summary.applied
    assert first in (10, 20) and summary.waiting == 30 - first
    summary = a.synced()
    assert summary.applied == 30 - first
    assert_all_applied_once(a)
