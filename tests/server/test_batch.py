"""A push of many change sets is applied as a batch (one transaction, a savepoint per
change set): each change set still all or nothing, a rejection isolated, exactly once
by id, and the answers those of change sets pushed one by one. Both backends."""

from __future__ import annotations

import httpx

from .conftest import ins, person, rows_by_id, upd


def _history(device, table: str, row_id: str) -> list[dict]:
    r = device.client.get(f"/v1/history/{table}/{row_id}")
    assert r.status_code == 200, r.text
    return r.json()["entries"]


def test_a_bad_change_set_in_the_middle_of_a_batch_is_rejected_alone(env):
    d, watcher = env.device(), env.device(from_now=True)
    first, bad_good_part, third, fifth = person(), person(), person(), person()
    sets = [
        d.change_set([first]),
        # Its first change is sound, its second is not: none of it may stay.
        d.change_set([bad_good_part, ins("person", province_code="50", first_name=5)]),
        d.change_set([third]),
        d.change_set([ins("community", province_code="50", name="x", households=-5)]),
        d.change_set([fifth]),
    ]
    r = d.push_sets(*sets)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["device_seq"] for x in results] == [1, 2, 3, 4, 5]
    assert [x["status"] for x in results] == [
        "applied", "rejected", "applied", "rejected", "applied"]
    assert results[1]["code"] == "invalid" and results[1]["change_index"] == 1
    assert results[3]["code"] == "invalid"  # a database constraint, rolled back alone

    pulled = rows_by_id(watcher.pull_new())
    assert set(pulled) >= {first["row_id"], third["row_id"], fifth["row_id"]}
    assert bad_good_part["row_id"] not in pulled
    # Each applied change set's seq is the seq its row is pulled with, in device order.
    seqs = [results[i]["seq"] for i in (0, 2, 4)]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    assert [pulled[c["row_id"]]["seq"] for c in (first, third, fifth)] == seqs

    # The audit has the applied ones (with their seqs), not the rejected one.
    (entry,) = _history(d, "person", first["row_id"])
    assert entry["change_set_id"] == sets[0]["id"] and entry["seq"] == seqs[0]
    r = d.client.get(f"/v1/history/person/{bad_good_part['row_id']}")
    assert r.status_code == 404

    # The whole batch again (its answer was lost): the stored answers, nothing applied twice.
    again = d.push_sets(*sets)
    assert again.status_code == 200 and again.json()["results"] == results
    assert watcher.pull_new() == []
    # The queue moved on past the rejections; the rejected row id can be used again.
    assert d.push(bad_good_part)["status"] == "applied"
    assert bad_good_part["row_id"] in rows_by_id(watcher.pull_new())


def test_a_change_set_editing_a_row_written_earlier_in_its_batch_gets_the_same_answer(env):
    """Batched or pushed one per request, a change set editing a row an earlier one wrote
    is answered alike (here: an update from a base older than the insert, so each field
    it changes is a conflict and the server values stay)."""
    base = env.last_seq()
    watcher = env.device(from_now=True)

    def two(device) -> tuple[list, list[dict]]:
        row = person(notes="first")
        return row, [device.change_set([row]),
                     device.change_set([upd("person", row["row_id"], base, notes="second",
                                            last_name="แก้ไข")])]

    batched, alone = env.device(), env.device()
    row_b, sets_b = two(batched)
    r = batched.push_sets(*sets_b)
    assert r.status_code == 200, r.text
    answers_b = r.json()["results"]
    row_a, sets_a = two(alone)
    answers_a = []
    for cs in sets_a:
        r = alone.push_sets(cs)
        assert r.status_code == 200, r.text
        answers_a.extend(r.json()["results"])

    def shape(answers: list[dict]) -> list[tuple]:
        return [(x["status"], sorted((c["field"], c["server_value"], c["client_value"])
                                     for c in x["conflicts"])) for x in answers]

    assert shape(answers_b) == shape(answers_a) == [
        ("applied", []),
        ("applied", [("last_name", "ทดสอบ", "แก้ไข"), ("notes", "first", "second")])]
    assert answers_b[1]["seq"] > answers_b[0]["seq"]
    pulled = rows_by_id(watcher.pull_new())
    for row in (row_a, row_b):
        assert pulled[row["row_id"]]["fields"]["notes"] == "first"
        assert pulled[row["row_id"]]["fields"]["last_name"] == "ทดสอบ"


def test_the_same_change_set_id_twice_in_one_batch_is_applied_once(env):
    d, watcher = env.device(), env.device(from_now=True)
    row = person()
    cs = d.change_set([row])
    renumbered = dict(cs, device_seq=cs["device_seq"] + 1)
    d.next_seq += 1
    r = d.push_sets(cs, renumbered)
    assert r.status_code == 200, r.text
    one, two = r.json()["results"]
    assert one["status"] == two["status"] == "applied"
    assert two["device_seq"] == 2 and one["seq"] == two["seq"]
    assert [c["row_id"] for c in watcher.pull_new()].count(row["row_id"]) == 1
    assert d.push(person())["device_seq"] == 3


def test_a_large_push_is_applied_in_several_transactions_in_order(env):
    """More changes than one transaction takes (``BATCH_CHANGES``): still one answer per
    change set, in order, seqs rising."""
    from codi_server.apply.transactions import BATCH_CHANGES

    d = env.device()
    per_set = 1000
    count = BATCH_CHANGES // per_set + 2
    sets = [d.change_set([person() for _ in range(per_set)]) for _ in range(count)]
    r = httpx.post(d.client.base_url.join("/v1/sync/push"), headers=d.client.headers,
                   json={"device_id": d.id, "change_sets": sets}, timeout=300)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["applied"] * count
    seqs = [x["seq"] for x in results]
    assert seqs == sorted(seqs)
    assert all(b - a == per_set for a, b in zip(seqs, seqs[1:], strict=False))


def test_many_rejections_in_one_batch_each_stay_alone(env):
    """Past a few rejections every change set of the batch gets its own savepoint:
    still one answer each, the good ones applied, the bad ones rolled back whole."""
    d, watcher = env.device(), env.device(from_now=True)
    good, bad_parts = [], []
    sets = []
    for i in range(10):
        if i % 2:
            part = person()
            bad_parts.append(part)
            sets.append(d.change_set([part, ins("person", province_code="50", first_name=i)]))
        else:
            row = person()
            good.append(row)
            sets.append(d.change_set([row]))
    r = d.push_sets(*sets)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["applied", "rejected"] * 5
    assert {x["code"] for x in results[1::2]} == {"invalid"}
    pulled = rows_by_id(watcher.pull_new())
    assert {row["row_id"] for row in good} <= set(pulled)
    assert not {row["row_id"] for row in bad_parts} & set(pulled)


def test_a_big_batch_with_a_rejection_and_an_edit_of_its_own_row_keeps_every_seq(env):
    """200 change sets in one push: number 120 is rejected (alone), number 60 edits the
    row number 10 inserted (the batch numbers the first ones early, the rest at its end).
    Every applied change set's seq is the seq its row is pulled with and the seq of its
    history entry, the seqs rise with device_seq, and a replay applies nothing."""
    base = env.last_seq()
    d, watcher = env.device(), env.device(from_now=True)
    rows = [person(notes=f"big {i}") for i in range(200)]
    sets = []
    for i, row in enumerate(rows):
        changes = [row]
        if i == 60:  # an update from a base older than row 10's insert: a conflict each
            changes.append(upd("person", rows[10]["row_id"], base, notes="edited"))
        if i == 120:
            changes.append(ins("community", province_code="50", name="x", households=-5))
        sets.append(d.change_set(changes))
    r = d.push_sets(*sets)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["device_seq"] for x in results] == list(range(1, 201))
    assert [i for i, x in enumerate(results) if x["status"] != "applied"] == [120]
    assert results[120]["code"] == "invalid"  # a database constraint, rolled back alone
    assert [c["field"] for c in results[60]["conflicts"]] == ["notes"]
    applied = [x for x in results if x["status"] == "applied"]
    seqs = [x["seq"] for x in applied]
    assert seqs == sorted(seqs) and len(set(seqs)) == 199 and seqs[0] > base

    pulled = rows_by_id(watcher.pull_new())
    assert rows[120]["row_id"] not in pulled
    # Rows written once: pulled at their change set's seq. Row 10 (edited by 60, whose
    # conflict kept the server value: nothing written) keeps its own insert's seq.
    for i in (0, 10, 59, 61, 119, 121, 199):
        assert pulled[rows[i]["row_id"]]["seq"] == results[i]["seq"], i
    for i in (0, 61, 199):  # an early-numbered, a late-numbered and the last change set
        (entry,) = _history(d, "person", rows[i]["row_id"])
        assert entry["seq"] == results[i]["seq"] and entry["change_set_id"] == sets[i]["id"]
    # The answers stored are the answers given: a replay of the whole push applies nothing.
    again = d.push_sets(*sets)
    assert again.status_code == 200 and again.json()["results"] == results
    assert watcher.pull_new() == []
