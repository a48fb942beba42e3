"""Two server processes on one PostgreSQL: seq order, exactly-once pulls and budgets hold
under concurrent pushes (PROTOCOL.md "Ordering on the server")."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from codi_core.models import new_id
from codi_core.wire import encode_cursor

from .conftest import Env, ServerProcess, prepared, rows_by_id, upd
from .test_protocol import PROGRAM, entry

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def pair(pg_databases, log_dir) -> Iterator[tuple[Env, ServerProcess]]:
    url = pg_databases.create()
    prepared(url)
    first = ServerProcess(url, log_dir).start()
    second = ServerProcess(url, log_dir).start()
    env = Env("postgres", url, first)
    yield env, second
    env.close()
    first.stop()
    second.stop()


def _project(device, approved: int) -> str:
    from .conftest import ins

    p = ins("project", province_code="50", code="P", name="race", program_id=PROGRAM,
            fiscal_year=2569)
    assert device.push(p, entry("approval", approved, p["row_id"]))["status"] == "applied"
    return p["row_id"]


def test_two_change_sets_that_together_overspend_through_two_processes(pair):
    env, second = pair
    a = env.device()
    b = env.device(base_url=second.base_url)
    for _trial in range(6):
        pid = _project(a, 1000)
        sets = [a.change_set([entry("disbursement", 600, pid)]),
                b.change_set([entry("disbursement", 600, pid)])]
        barrier = threading.Barrier(2)
        results: list[dict] = [{}, {}]

        def go(i, device, sets=sets, barrier=barrier, results=results) -> None:
            barrier.wait()
            r = device.push_sets(sets[i])
            results[i] = r.json()["results"][0]

        threads = [threading.Thread(target=go, args=(i, d)) for i, d in enumerate((a, b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted((r["status"], r["code"]) for r in results)
        assert statuses == [("applied", None), ("rejected", "over_budget")]


def test_concurrent_devices_on_two_processes_pull_every_change_once_in_order(pair):
    env, second = pair
    mark = env.last_seq()
    devices = []
    for i in range(6):
        d = env.device(base_url=(env.base_url if i % 2 else second.base_url))
        d.cursor = encode_cursor(mark)
        devices.append(d)
    # Shared rows every device edits (merges and conflicts), and a shared budget.
    owner = devices[0]
    shared = [new_id() for _ in range(3)]
    from .conftest import ins, person

    owner.push(*[ins("community", r, province_code="50", name="shared") for r in shared])
    budget = 40
    pid = _project(owner, budget)
    pulled: dict[str, list[dict]] = {d.id: [] for d in devices}
    applied: dict[str, list[dict]] = {d.id: [] for d in devices}
    inserted: dict[str, list[str]] = {d.id: [] for d in devices}
    errors: list[BaseException] = []
    # A fixed amount of work per device (counts, not a time window: rates are measured
    # in benchmarks/bench_server.py). 6 x 8 disbursements of 1 against a budget of 40.
    rounds = 8

    def run(d) -> None:
        try:
            seen: dict[str, int] = {}
            for i in range(1, rounds + 1):
                row = person(notes=f"{d.id}-{i}")
                changes = [row, entry("disbursement", 1, pid)]
                target = shared[i % len(shared)]
                if target in seen:
                    changes.append(upd("community", target, seen[target], notes=f"{d.id}/{i}"))
                result = d.push(*changes)
                if result["status"] == "applied":
                    applied[d.id].append(result)
                    inserted[d.id].append(row["row_id"])
                else:
                    assert result["code"] == "over_budget", result
                    # Without the disbursement the rest goes through.
                    result = d.push(*[c for c in changes if c["table"] != "ledger_entry"])
                    assert result["status"] == "applied", result
                    inserted[d.id].append(row["row_id"])
                page = d.pull_new(limit=50)
                pulled[d.id].extend(page)
                for c in page:
                    seen[c["row_id"]] = c["seq"]
        except BaseException as exc:  # report in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for d in devices:
        pulled[d.id].extend(d.pull_new(limit=50))

    final = rows_by_id(_since(env, mark))
    all_inserted = [r for rows in inserted.values() for r in rows]
    assert len(all_inserted) == len(devices) * rounds
    for d in devices:
        seqs = [c["seq"] for c in pulled[d.id]]
        # in order, each version once
        assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
        # nothing was skipped: the device's last view of every row is the final state
        state = {}
        for c in pulled[d.id]:
            state[c["row_id"]] = c
        assert {k: v["seq"] for k, v in state.items()} == {k: v["seq"] for k, v in final.items()}
        assert {k: v["fields"] for k, v in state.items()} == {
            k: v["fields"] for k, v in final.items()}
    # every applied insert is there exactly once, and nothing else
    people = [r for r, c in final.items() if c["table"] == "person"]
    assert sorted(people) == sorted(all_inserted)
    # the budget: what was applied, and never more than approved
    disbursed = sum(
        c["fields"]["amount_satang"] for c in final.values()
        if c["table"] == "ledger_entry" and c["fields"]["kind"] == "disbursement"
    )
    # every disbursement fitted until the budget was used up, then each was refused
    assert disbursed == sum(len(v) for v in applied.values()) == budget


def _since(env: Env, mark: int) -> list[dict]:
    d = env.device("hq", ())
    d.cursor = encode_cursor(mark)
    return d.pull_new()


def test_one_meeting_number_pushed_at_once_through_two_processes_is_one_conflict(pair):
    from .test_protocol import body, meeting

    env, second = pair
    a = env.device()
    b = env.device(base_url=second.base_url)
    for _trial in range(6):
        org = body(a)  # a new body: no meeting row yet that a row lock could hold
        sets = [a.change_set([meeting(1, organization_id=org)]),
                b.change_set([meeting(1, organization_id=org)])]
        barrier = threading.Barrier(2)
        results: list[dict] = [{}, {}]

        def go(i, device, sets=sets, barrier=barrier, results=results) -> None:
            barrier.wait()
            results[i] = device.push_sets(sets[i]).json()["results"][0]

        threads = [threading.Thread(target=go, args=(i, d)) for i, d in enumerate((a, b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [r["status"] for r in results] == ["applied", "applied"]
        conflicts = sorted(len(r["conflicts"]) for r in results)
        assert conflicts == [0, 1]


def test_batches_interleaved_through_two_processes_keep_seqs_in_commit_order(pair):
    """Four devices push batches of 25 change sets at once through two processes while
    two readers pull all along: a reader never finds a seq below one it has seen (it
    would miss that row), every device's seqs rise with its device_seq, and each
    change set's seq is its row's."""
    from .conftest import person

    env, second = pair
    mark = env.last_seq()
    pushers = [env.device(base_url=(env.base_url if i % 2 else second.base_url))
               for i in range(4)]
    readers = [env.device("hq", (), base_url=u) for u in (env.base_url, second.base_url)]
    for reader in readers:
        reader.cursor = encode_cursor(mark)
    answers: dict[str, list[tuple[dict, dict]]] = {d.id: [] for d in pushers}
    seen: dict[str, list[dict]] = {r.id: [] for r in readers}
    errors: list[BaseException] = []
    done = threading.Event()

    def push(d) -> None:
        try:
            for _ in range(6):
                rows = [person() for _ in range(25)]
                r = d.push_sets(*[d.change_set([row]) for row in rows])
                assert r.status_code == 200, r.text
                answers[d.id].extend(zip(rows, r.json()["results"], strict=True))
        except BaseException as exc:  # report in the main thread
            errors.append(exc)

    def read(reader) -> None:
        try:
            while not done.is_set():
                seen[reader.id].extend(reader.pull_new(limit=40))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(d,)) for d in pushers]
    watchers = [threading.Thread(target=read, args=(r,)) for r in readers]
    for t in threads + watchers:
        t.start()
    for t in threads:
        t.join()
    done.set()
    for t in watchers:
        t.join()
    assert not errors, errors
    expected = {row["row_id"]: result["seq"] for rows in answers.values() for row, result in rows}
    assert len(expected) == 4 * 6 * 25
    for d in pushers:
        seqs = [result["seq"] for _row, result in answers[d.id]]
        assert all(result["status"] == "applied" for _row, result in answers[d.id])
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    for reader in readers:
        seen[reader.id].extend(reader.pull_new())
        seqs = [c["seq"] for c in seen[reader.id]]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)  # never one below
        got = {c["row_id"]: c["seq"] for c in seen[reader.id] if c["row_id"] in expected}
        assert got == expected  # nothing missed, each at its change set's seq
