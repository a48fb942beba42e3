"""Three laptops, random work, a link that drops requests and answers, background syncs.

A seeded, bounded run (``CODI_RANDOM_SEED`` replays another seed; the link's cuts are
seeded too, though which request meets a cut also depends on thread timing): three
laptops of one province make random edits (one field or several at once), inserts,
deletes and sign-ins through the services, and sync through a proxy that cuts requests
and answers at random, some syncs running on a worker thread while the laptop keeps
working. Then the link is healed and everyone syncs until nothing moves. The tests below
check the invariants of the run (run once per module, in its own province):

- every laptop equals the server;
- no conflict has both of its values from one laptop (a laptop never fights itself);
- every field written by one laptop only ends with that laptop's last write;
- attendance has one row per meeting and person.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import keyring
import pytest
import sqlalchemy as sa

from codi_core.models import Attendance, Community, Conflict
from codi_desktop.services import communities, meetings, people

from .conftest import (
    Laptop,
    MemoryKeyring,
    Server,
    make_laptop,
    no_keepalive_client,
    row_images,
    take_province,
)
from .faultproxy import FaultProxy
from .test_own_writes import laptop_via, server_row

SEED = int(os.environ.get("CODI_RANDOM_SEED", "2569"))
ROUNDS = 6
FIELDS = ("notes", "leader_name", "name")


@dataclass
class Run:
    laptops: list[Laptop]
    server: Server
    # (row id, field) -> laptop name -> that laptop's last value written
    writes: dict[tuple[str, str], dict[str, str]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    meeting_id: str = ""
    person_ids: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _sync(laptop: Laptop):
    return laptop.sync(client_factory=no_keepalive_client, transport_retries=1, max_wait=5)


def _live_communities(laptop: Laptop) -> list[str]:
    with laptop.store.read() as s:
        return sorted(
            s.scalars(sa.select(Community.id).where(Community.deleted_at.is_(None)))
        )


def _act(run: Run, laptop: Laptop, rng: random.Random, counter: list[int]) -> None:
    """One random user action on this laptop, through the services."""
    live = _live_communities(laptop)
    roll = rng.random()
    counter[0] += 1
    tag = f"{laptop.name}-{counter[0]}"
    if roll < 0.12 or not live:
        new_id = communities.create_community(
            laptop.store, communities.CommunityData(name=f"ชุมชน {tag}"), author=laptop.username
        )
        run.writes[(new_id, "name")][laptop.name] = f"ชุมชน {tag}"
        run.stats["inserts"] += 1
    elif roll < 0.17 and len(live) > 3:
        communities.delete_community(laptop.store, rng.choice(live), author=laptop.username)
        run.stats["deletes"] += 1
    elif roll < 0.32:
        meetings.record_attendance(
            laptop.store, run.meeting_id,
            meetings.AttendanceData(person_id=rng.choice(run.person_ids)),
            author=laptop.username,
        )
        run.stats["sign_ins"] += 1
    else:
        row_id = rng.choice(live)
        chosen = rng.sample(FIELDS, rng.choice((1, 1, 2)))  # sometimes a wider edit
        data = communities.get_community(laptop.store, row_id)
        for name in chosen:
            value = f"ชุมชน {tag}" if name == "name" else tag
            setattr(data, name, value)
            run.writes[(row_id, name)][laptop.name] = value
        communities.update_community(laptop.store, row_id, data, author=laptop.username)
        run.stats["edits"] += 1


def _converge(run: Run) -> None:
    for _ in range(8):
        summaries = [_sync(laptop) for laptop in run.laptops]
        if all(s.ok and s.pushed == 0 for s in summaries):
            return
    raise AssertionError(
        "laptops did not converge: " + " | ".join(s.describe("en") for s in summaries)
    )


@pytest.fixture(scope="module")
def run(server: Server, tmp_path_factory: pytest.TempPathFactory):
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    tmp = tmp_path_factory.mktemp("random-laptops")
    province = take_province(server)
    rng = random.Random(SEED)
    proxy = FaultProxy(
        upstream_port=server.port, seed=SEED, cut_probability=0.3, max_cuts=10_000,
        max_offset=1_500,
    ).start()
    names = ("somchai", "malee", "kanya")
    laptops = [make_laptop(tmp, "setup", server, f"{names[0]}{province}")]
    try:
        first = laptops[0]
        run = Run([], server)
        for i in range(6):
            row_id = communities.create_community(
                first.store, communities.CommunityData(name=f"ชุมชนตั้งต้น {i}"),
                author=first.username,
            )
            run.writes[(row_id, "name")]["setup"] = f"ชุมชนตั้งต้น {i}"
        for i in range(4):
            run.person_ids.append(
                people.create_person(
                    first.store, people.PersonData(first_name=f"สมาชิก{i}", last_name="ทดสอบ"),
                    author=first.username,
                )
            )
        run.meeting_id = meetings.plan_meeting(
            first.store,
            meetings.MeetingPlan(
                kind="provincial_assembly", title="สมัชชาจังหวัด", place="ศาลากลางจังหวัด",
                starts_at=dt.datetime(2026, 2, 1, 2, tzinfo=dt.UTC), invite_members=False,
            ),
            author=first.username,
        )
        assert first.sync().ok
        laptops += [
            laptop_via(tmp, f"laptop{i}", proxy.url, server, f"{names[i]}{province}")
            for i in range(3)
        ]
        run.laptops = laptops[1:]
        for laptop in run.laptops:
            while not _sync(laptop).ok:
                pass
        counter = [0]
        for _round in range(ROUNDS):
            for laptop in run.laptops:
                background = rng.random() < 0.5
                worker = None
                if background:
                    worker = threading.Thread(target=_sync, args=(laptop,))
                    worker.start()
                    run.stats["background_syncs"] += 1
                for _ in range(rng.randint(1, 3)):
                    _act(run, laptop, rng, counter)
                if worker is not None:
                    worker.join()
                else:
                    _sync(laptop)
        run.stats["cuts"] = proxy.cuts
        proxy.cut_probability = 0.0
        _converge(run)
        print(f"random laptops, seed {SEED}: {dict(run.stats)}")
        yield run
    finally:
        proxy.stop()
        for laptop in laptops:
            laptop.store.close()
        keyring.set_keyring(previous)


def test_every_laptop_equals_the_server(run: Run):
    images = [row_images(laptop.store) for laptop in run.laptops]
    for other in images[1:]:
        assert other == images[0], f"seed {SEED}"
    with run.laptops[0].store.read() as s:
        local = {c.id: c for c in s.scalars(sa.select(Community))}
    for row_id, row in local.items():
        on_server = server_row(run.server, row_id)
        assert (on_server["name"], on_server["notes"], on_server["leader_name"]) == (
            row.name, row.notes, row.leader_name
        ), f"seed {SEED}, community {row_id}"
        assert (on_server["deleted_at"] is None) == (row.deleted_at is None)
    assert run.stats["cuts"] > 0  # the link did drop requests and answers


def _author(value: object) -> str | None:
    text = str(value or "")
    for prefix in ("ชุมชน ", ""):
        if text.startswith(prefix + "laptop"):
            return text[len(prefix):].split("-", 1)[0]
    return None


def test_no_conflict_has_both_values_from_one_laptop(run: Run):
    with run.laptops[0].store.read() as s:
        conflicts = list(s.scalars(sa.select(Conflict)))
    for c in conflicts:
        mine, theirs = _author(c.client_value), _author(c.server_value)
        assert mine is None or mine != theirs, (
            f"seed {SEED}: {c.table_name}.{c.field} {c.row_id}: "
            f"{c.server_value!r} vs {c.client_value!r}"
        )


def test_a_field_written_by_one_laptop_only_ends_with_its_last_write(run: Run):
    checked = 0
    for laptop in run.laptops:
        with laptop.store.read() as s:
            for (row_id, name), by_laptop in run.writes.items():
                if len(by_laptop) != 1:
                    continue
                (expected,) = by_laptop.values()
                row = s.get(Community, row_id)
                assert row is not None and getattr(row, name) == expected, (
                    f"seed {SEED}: {laptop.name} community {row_id}.{name}"
                )
                checked += 1
    assert checked > 0


def test_attendance_has_one_row_per_meeting_and_person(run: Run):
    for laptop in run.laptops:
        with laptop.store.read() as s:
            rows = list(
                s.execute(
                    sa.select(Attendance.meeting_id, Attendance.person_id, sa.func.count())
                    .where(Attendance.deleted_at.is_(None))
                    .group_by(Attendance.meeting_id, Attendance.person_id)
                )
            )
        assert rows, "there were sign-ins"
        assert all(n == 1 for _m, _p, n in rows), (f"seed {SEED}", laptop.name, rows)
