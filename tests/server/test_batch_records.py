"""What one push of several change sets leaves in the server's own tables: the row log
(seq, first seq, the seq of each field's last write, the row's image), the stored
answers and the audit. On PostgreSQL the batch writes these with one statement per table
from arrays (``apply/tail.py``), on SQLite row by row; the expectations here are worked
out by hand from the seqs the push answered, so both must agree with them."""

from __future__ import annotations

import json

import sqlalchemy as sa

from .conftest import ins, person, upd


def _row_log(env, table: str, row_id: str) -> dict:
    from codi_server import schema

    t = schema.row_log
    with env.engine.connect() as conn:
        row = conn.execute(
            sa.select(t).where(t.c.table_name == table, t.c.row_id == row_id)
        ).mappings().one()
    out = dict(row)
    if isinstance(out["field_seqs"], str):
        out["field_seqs"] = json.loads(out["field_seqs"])
    out["image"] = json.loads(out["image"])
    return out


def _answers(env, device_id: str) -> dict[int, dict]:
    from codi_server import schema

    t = schema.applied_change_set
    with env.engine.connect() as conn:
        rows = conn.execute(sa.select(t).where(t.c.device_id == device_id)).mappings().all()
    out = {}
    for r in rows:
        row = dict(r)
        for key in ("result", "changes"):
            if isinstance(row[key], str):
                row[key] = json.loads(row[key])
        out[row["device_seq"]] = row
    return out


def _audit(env, device_id: str) -> list[dict]:
    from codi_server import schema

    t = schema.change_audit
    with env.engine.connect() as conn:
        rows = conn.execute(
            sa.select(t).where(t.c.device_id == device_id).order_by(t.c.id)
        ).mappings().all()
    out = []
    for r in rows:
        row = dict(r)
        if isinstance(row["fields"], str):
            row["fields"] = json.loads(row["fields"])
        out.append(row)
    return out


def test_one_push_of_inserts_updates_a_rejection_and_a_repeat_is_recorded_exactly(env):
    d = env.device()
    c, p = ins("community", province_code="50", name="ชุมชนริมคลอง", households=40), person()
    first = d.push(c, p)
    assert first["status"] == "applied"
    s0 = first["seq"]  # the person's write; the community's is s0 - 1

    # One request: two updates of the community (the second also renames it and edits
    # the person), a change set the server must refuse, and the first one again by id.
    cs1 = d.change_set([upd("community", c["row_id"], s0, households=41)])
    cs2 = d.change_set([
        upd("community", c["row_id"], s0, name="ชุมชนริมคลองใหม่"),
        upd("person", p["row_id"], s0, notes="แก้ไขแล้ว"),
    ])
    cs3 = d.change_set([ins("community", province_code="50", name="", households=-5)])
    cs4 = d.change_set([upd("community", c["row_id"], s0, households=99)], id=cs1["id"])
    r = d.push_sets(cs1, cs2, cs3, cs4)
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["status"] for x in res] == ["applied", "applied", "rejected", "applied"]
    # Worked out by hand: cs1 writes one row (s0 + 1), cs2 two (s0 + 2, s0 + 3); the
    # refused one writes nothing; the repeat is cs1's answer again, never applied twice.
    assert res[0]["seq"] == s0 + 1 and res[1]["seq"] == s0 + 3 and res[3]["seq"] == s0 + 1
    assert env.last_seq() == s0 + 3

    community = _row_log(env, "community", c["row_id"])
    assert community["first_seq"] == s0 - 1
    assert community["seq"] in (s0 + 2, s0 + 3) and not community["deleted"]
    assert community["field_seqs"] == {"households": s0 + 1, "name": community["seq"]}
    assert community["image"]["name"] == "ชุมชนริมคลองใหม่"
    assert community["image"]["households"] == 41  # the repeat did not write 99
    person_log = _row_log(env, "person", p["row_id"])
    assert person_log["first_seq"] == s0 and person_log["seq"] in (s0 + 2, s0 + 3)
    assert {person_log["seq"], community["seq"]} == {s0 + 2, s0 + 3}
    assert person_log["field_seqs"] == {"notes": person_log["seq"]}
    assert person_log["image"]["notes"] == "แก้ไขแล้ว"
    assert person_log["image"]["first_name"] == "สมศรี"

    answers = _answers(env, d.id)
    assert sorted(answers) == [1, 2, 3, 4, 5]
    for device_seq, seq in ((1, s0), (2, s0 + 1), (3, s0 + 3), (5, s0 + 1)):
        assert answers[device_seq]["status"] == "applied"
        assert answers[device_seq]["seq"] == seq
        assert answers[device_seq]["result"]["seq"] == seq
    assert answers[4]["status"] == "rejected" and answers[4]["result"]["code"]
    assert answers[2]["changes"][0]["fields"] == {"households": 41}
    assert answers[3]["summary"] == "test" and answers[3]["author"] == answers[1]["author"]
    assert answers[1]["device_created_at"] and answers[5]["change_set_id"] == cs1["id"]

    # One audit row per applied change, with its change set's seq; none for the refused
    # change set or the repeat.
    audit = sorted(_audit(env, d.id), key=lambda a: (a["device_seq"], a["table_name"]))
    assert [(a["table_name"], a["device_seq"], a["seq"], a["op"]) for a in audit] == [
        ("community", 1, s0, "insert"), ("person", 1, s0, "insert"),
        ("community", 2, s0 + 1, "update"),
        ("community", 3, s0 + 3, "update"), ("person", 3, s0 + 3, "update"),
    ]
    assert audit[2]["fields"] == {"households": 41}
    assert audit[4]["fields"] == {"notes": "แก้ไขแล้ว"}
    assert {a["province_code"] for a in audit} == {"50"}
    assert {a["username"] for a in audit} == {answers[1]["author"]}


def test_a_change_set_without_a_device_time_is_recorded_by_an_hq_device(env):
    """A column that is NULL in every row of a batch (no device time) still stores."""
    d = env.device(role="hq", provinces=())
    row = ins("community", province_code="50", name="ชุมชนส่วนกลาง", households=3)
    cs = d.change_set([row])
    cs.pop("created_at")
    r = d.push_sets(cs)
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["status"] == "applied", result
    answers = _answers(env, d.id)
    assert answers[1]["device_created_at"] is None and answers[1]["seq"] == result["seq"]
    assert _row_log(env, "community", row["row_id"])["seq"] == result["seq"]
