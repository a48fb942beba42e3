"""The server holds every rule on its own (issue #10's table, rows 1-11, and one attendance
per meeting and person): a client that skips the laptop's checks gets a clear result,
never a 5xx, and the queue moves on. SQLite and PostgreSQL, against a real server."""

from __future__ import annotations

import json

import httpx
import sqlalchemy as sa

from codi_core.models import new_id
from codi_core.reference import reference_id

from .conftest import PASSWORD, dele, ins, person, rows_by_id, upd

PROGRAM = reference_id("program", "baan_mankong")


def _applied(result: dict) -> dict:
    assert result["status"] == "applied", (result.get("code"), result.get("detail"))
    return result


def _rejected(result: dict, code: str) -> dict:
    assert result["status"] == "rejected" and result["code"] == code, (
        result.get("code"), result.get("detail"))
    return result


def _live_row(env, table: str, row_id: str) -> dict | None:
    from codi_server import schema

    t = schema.DOMAIN_TABLES[table]
    with env.engine.connect() as conn:
        row = conn.execute(sa.select(t).where(t.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def _project(d, province="50"):
    p = ins("project", province_code=province, code="P-R", name="บ้านมั่นคง",
            program_id=PROGRAM, fiscal_year=2569)
    _applied(d.push(p))
    return p["row_id"]


def _entry(kind, amount, project_id=None, province="50", **extra):
    fields = dict(province_code=province, kind=kind, fiscal_year=2569, program_id=PROGRAM,
                  amount_satang=amount, entry_date="2026-01-15", **extra)
    if project_id:
        fields["project_id"] = project_id
    return ins("ledger_entry", **fields)


def _push_raw(d, *changes, **over) -> dict:
    """Push with Python's own JSON text (``\\ud800`` escapes, NaN), as a script would."""
    body = {"device_id": d.id, "change_sets": [d.change_set(list(changes), **over)]}
    r = d.client.post("/v1/sync/push", content=json.dumps(body).encode(),
                      headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def _meeting(province="50", **fields):
    """A planned cluster meeting (a body in itself: no organization to name)."""
    return ins("meeting", province_code=province, kind="cluster", title="ประชุมกฎ",
               starts_at="2026-03-02T02:00:00Z", place="ศาลาประชาคม", **fields)


# -- row 1: a base from the future --------------------------------------------------------


def test_1_update_with_a_base_newer_than_the_row_is_invalid(env):
    a, b = env.device(), env.device()
    p = person()
    inserted = _applied(a.push(p))
    _applied(b.push(upd("person", p["row_id"], inserted["seq"], notes="b's newer edit")))
    result = a.push(upd("person", p["row_id"], 10**15, notes="a overwrites"))
    _rejected(result, "invalid")
    assert _live_row(env, "person", p["row_id"])["notes"] == "b's newer edit"


# -- row 2: columns an update may not write -----------------------------------------------


def test_2_update_may_not_set_deleted_at_created_at_or_province(env):
    d = env.device()
    p = person()
    seq = _applied(d.push(p))["seq"]
    for fields in ({"deleted_at": "2026-11-01T00:00:00Z"}, {"created_at": "2020-01-01T00:00:00Z"},
                   {"province_code": "50"}):
        _rejected(d.push(upd("person", p["row_id"], seq, **fields)), "invalid")
    row = _live_row(env, "person", p["row_id"])
    assert row["deleted_at"] is None and row["created_at"].year > 2020
    # deleting is op: delete
    _applied(d.push(dele("person", p["row_id"], seq)))
    assert _live_row(env, "person", p["row_id"])["deleted_at"] is not None


# -- row 3: refunds never exceed net disbursements ------------------------------------------


def test_3_refund_above_disbursements_is_over_budget_and_balances_hold(env):
    d = env.device()
    pid = _project(d)
    _applied(d.push(_entry("approval", 35_100_000_00, pid)))
    _rejected(d.push(_entry("refund", 70_200_000_00, pid)), "over_budget")
    # without the refund a disbursement above the approval is still refused
    _rejected(d.push(_entry("disbursement", 35_100_000_01, pid)), "over_budget")
    _applied(d.push(_entry("disbursement", 35_100_000_00, pid)))
    _applied(d.push(_entry("refund", 100_00, pid)))
    _rejected(d.push(_entry("refund", 35_100_000_00, pid)), "over_budget")


# -- row 4: a ledger entry is live and within the maximum ---------------------------------


def test_4_ledger_tombstone_insert_and_huge_amount_are_invalid(env):
    d = env.device()
    pid = _project(d)
    _applied(d.push(_entry("approval", 1000, pid)))
    _rejected(d.push(_entry("approval", 500, pid, deleted_at="2026-11-01T00:00:00Z")), "invalid")
    _rejected(d.push(_entry("approval", 10**14 + 1, pid)), "invalid")
    _applied(d.push(_entry("approval", 10**14, pid)))


# -- row 5: references and the province of parents ----------------------------------------


def test_5_links_to_another_province_are_forbidden_and_to_nothing_invalid(env):
    here = env.device(provinces=("50",))
    there = env.device(provinces=("51",))
    other_meeting = _meeting(province="51")
    other_person = person(province="51")
    other_org = ins("organization", province_code="51", kind="network", name="เครือข่ายอื่น")
    other_item = ins("agenda_item", province_code="51", meeting_id=other_meeting["row_id"],
                     section=5, position=1, title="เรื่องพิจารณา")
    other_assessment = ins("assessment", province_code="51", fiscal_year=2569)
    _applied(there.push(other_meeting, other_person, other_org, other_item, other_assessment))
    mine = person()
    _applied(here.push(mine))
    cases = [
        ins("attendance", province_code="50", meeting_id=other_meeting["row_id"],
            person_name="สมศรี ทดสอบ", status="present"),
        ins("agenda_item", province_code="50", meeting_id=other_meeting["row_id"], section=4,
            position=1, title="เรื่องอื่น"),
        ins("membership", province_code="50", person_id=other_person["row_id"],
            organization_id=other_org["row_id"], role="member"),
        ins("project", province_code="50", code="P-X", name="x", program_id=PROGRAM,
            fiscal_year=2569, organization_id=other_org["row_id"]),
        {"table": "conflict", "row_id": new_id(), "op": "insert",
         "fields": {"province_code": "50", "table_name": "person",
                    "row_id": other_person["row_id"], "field": "notes", "status": "open"}},
        ins("community", province_code="50", name="ชุมชน", subdistrict_id="510101"),
        ins("invitee", province_code="50", meeting_id=other_meeting["row_id"], name="ผู้เชิญ"),
        ins("vote", province_code="50", meeting_id=other_meeting["row_id"],
            agenda_item_id=other_item["row_id"], votes_for=3),
        ins("action_item", province_code="50", meeting_id=other_meeting["row_id"],
            title="ติดตามผล"),
        ins("criterion_score", province_code="50", assessment_id=other_assessment["row_id"],
            criterion_id=reference_id("criterion", "1"), level=2),
    ]
    for change in cases:
        _rejected(here.push(change), "forbidden")
    # moved into another province's tambon by an update
    community = ins("community", province_code="50", name="ชุมชนย้าย", subdistrict_id="500101")
    seq = _applied(here.push(community))["seq"]
    _rejected(here.push(upd("community", community["row_id"], seq, subdistrict_id="510101")),
              "forbidden")
    # a row that does not exist at all
    _rejected(here.push(ins("attendance", province_code="50", meeting_id=new_id(),
                            person_name="ไม่มีการประชุม", status="present")), "invalid")
    # a parent named after its child in the same change set is fine
    m = _meeting()
    child = ins("attendance", province_code="50", meeting_id=m["row_id"], person_name="ก่อน",
                status="present", person_id=mine["row_id"])
    _applied(here.push(child, m))


# -- row 6: exactly-once keyed by change set id ---------------------------------------------


def test_6_same_change_set_id_under_a_new_device_seq_is_answered_not_reapplied(env):
    a = env.device()
    p = person()
    cs = a.change_set([p])
    first = a.push_sets(cs).json()["results"][0]
    _applied(first)
    again = dict(cs, device_seq=cs["device_seq"] + 1)
    a.next_seq = again["device_seq"] + 1
    r = a.push_sets(again)
    assert r.status_code == 200, r.text
    second = r.json()["results"][0]
    assert second["status"] == "applied" and second["seq"] == first["seq"]
    assert second["device_seq"] == again["device_seq"]
    # the queue moves on after it
    _applied(a.push(person()))
    # an old outbox after re-enrolment: a new device sends the same change set
    b = env.device()
    third = b.push_sets(dict(cs, device_seq=1)).json()["results"][0]
    assert third["seq"] == first["seq"]
    from codi_server import schema

    with env.engine.connect() as conn:
        logged = conn.execute(sa.select(sa.func.count()).select_from(schema.change_audit).where(
            schema.change_audit.c.row_id == p["row_id"])).scalar_one()
    assert logged == 1  # applied once


# -- row 7: limits and lone surrogates never stick the queue ------------------------------


def test_7_too_many_changes_and_lone_surrogates_are_stored_results(env):
    d = env.device()
    many = d.change_set([person() for _ in range(10_001)])
    r = d.push_sets(many)
    assert r.status_code in (200, 413), r.text
    if r.status_code == 200:
        _rejected(r.json()["results"][0], "invalid")
        d.next_seq = many["device_seq"] + 1
    else:
        d.next_seq = many["device_seq"]
    _rejected(_push_raw(d, person(notes="\ud800")), "invalid")
    bad_field = person()
    bad_field["fields"]["no\ud800te"] = "x"
    _rejected(_push_raw(d, bad_field), "invalid")
    _rejected(_push_raw(d, ins("no\ud800table", province_code="50")), "invalid")
    # a surrogate in the summary or author: a stored invalid result, not a 500
    _rejected(_push_raw(d, person(), summary="\ud800", author="\udfff"), "invalid")
    _applied(d.push(person()))


# -- row 8: an amount near 2^63 --------------------------------------------------------------


def test_8_amount_near_2_63_is_invalid_on_every_backend(env):
    d = env.device()
    pid = _project(d)
    _rejected(d.push(_entry("approval", 2**62, pid)), "invalid")
    _rejected(d.push(_entry("approval", 2**63 - 1, pid), _entry("approval", 2**63 - 1, pid)),
              "invalid")
    _applied(d.push(_entry("approval", 1000, pid)))


# -- row 9: NaN / Infinity --------------------------------------------------------------------


def test_9_nan_and_infinity_are_invalid_and_pull_stays_json(env):
    d = env.device()
    m = _meeting()
    _applied(d.push(m))
    version = ins("minutes_version", province_code="50", meeting_id=m["row_id"], version=1,
                  snapshot={"attendance": float("nan"), "votes": float("inf")},
                  locked_at="2026-03-03T02:00:00Z")
    _rejected(_push_raw(d, version), "invalid")
    watcher = env.device(from_now=True)
    watcher.pull_new()  # valid JSON (the pull asserts a 200 and parses it)


# -- row 10: the minutes lock --------------------------------------------------------------------


def test_10_children_of_a_locked_meeting_are_rejected_locked(env):
    d = env.device()
    p = person()
    m = _meeting(status="held")
    item = ins("agenda_item", province_code="50", meeting_id=m["row_id"], section=4,
               position=1, title="เรื่องเพื่อทราบ")
    att = ins("attendance", province_code="50", meeting_id=m["row_id"], person_name="สมศรี ทดสอบ",
              status="present", person_id=p["row_id"])
    seqs = _applied(d.push(p, m, item, att))["seq"]
    _applied(d.push(upd("meeting", m["row_id"], seqs, status="locked")))
    stale = env.device()  # a laptop that has not seen the lock
    _rejected(stale.push(upd("agenda_item", item["row_id"], seqs, title="แก้ภายหลัง")), "locked")
    _rejected(stale.push(upd("attendance", att["row_id"], seqs, status="absent")), "locked")
    _rejected(stale.push(ins("vote", province_code="50", meeting_id=m["row_id"],
                             agenda_item_id=item["row_id"], votes_for=3)), "locked")
    assert _live_row(env, "agenda_item", item["row_id"])["title"] == "เรื่องเพื่อทราบ"
    # the amendment flow: corrections with a new minutes version of the meeting
    version = ins("minutes_version", province_code="50", meeting_id=m["row_id"], version=2,
                  snapshot={}, reason="แก้คำผิด", locked_at="2026-03-04T02:00:00Z")
    _applied(d.push(upd("agenda_item", item["row_id"], seqs, resolution="มติแก้ไข"), version))


# -- row 11: the author is the authenticated user ------------------------------------------------


def test_11_author_is_the_authenticated_user(env):
    from codi_server import schema

    name = env.user()
    r = httpx.post(env.base_url + "/v1/devices",
                   json={"username": name, "password": PASSWORD, "device_name": "x"})
    from .conftest import Device

    d = Device(env, r.json(), env.base_url)
    p = person()
    cs = d.change_set([p], author="someone else")
    result = d.push_sets(cs).json()["results"][0]
    _applied(result)
    with env.engine.connect() as conn:
        stored = conn.execute(sa.select(schema.applied_change_set.c.author).where(
            schema.applied_change_set.c.change_set_id == cs["id"])).scalar_one()
    assert stored == name
    history = d.client.get(f"/v1/history/person/{p['row_id']}").json()
    assert [e["author"] for e in history["entries"]] == [name]


# -- planning a meeting: its body, date and place ------------------------------------------------


def test_a_meeting_is_planned_with_its_body_date_and_place(env):
    d = env.device()
    org = ins("organization", province_code="50", kind="committee", name="คณะทำงานวางแผน")
    _applied(d.push(org))
    plan = dict(province_code="50", title="ประชุมวางแผน", starts_at="2026-03-02T02:00:00Z",
                place="ศาลาประชาคม")
    no_body = ins("meeting", kind="working_group", **plan)
    result = _rejected(d.push(no_body), "invalid")
    assert "body that meets" in result["detail"] and "องค์กรที่ประชุม" in result["detail_th"]
    for gap in ({"place": None}, {"place": "   "}, {"starts_at": None}):
        _rejected(d.push(ins("meeting", kind="cluster", **{**plan, **gap})), "invalid")
    # every reason at once
    bare = ins("meeting", province_code="50", kind="working_group", title="ว่าง")
    detail = _rejected(d.push(bare), "invalid")["detail"]
    assert "body that meets" in detail and "Start is required" in detail
    assert "Place is required" in detail
    for row in (no_body, bare):
        assert _live_row(env, "meeting", row["row_id"]) is None
    # planned in full, or a body in itself (a cluster meeting) without an organization
    mine = ins("meeting", kind="working_group", organization_id=org["row_id"], **plan)
    seq = _applied(d.push(mine))["seq"]
    _applied(d.push(ins("meeting", kind="cluster", **plan)))
    # an update may not leave a gap either
    _rejected(d.push(upd("meeting", mine["row_id"], seq, place="")), "invalid")
    _rejected(d.push(upd("meeting", mine["row_id"], seq, organization_id=None)), "invalid")
    _rejected(d.push(upd("meeting", mine["row_id"], seq, kind="provincial_committee",
                         organization_id=None)), "invalid")
    row = _live_row(env, "meeting", mine["row_id"])
    assert (row["place"], row["organization_id"]) == ("ศาลาประชาคม", org["row_id"])
    _applied(d.push(upd("meeting", mine["row_id"], seq, place="วัดศรีอุบล")))


# -- issue #17: one attendance per meeting and person -------------------------------------------


def test_one_attendance_per_meeting_and_person_across_devices(env):
    a, b = env.device(), env.device()
    p = person()
    m = _meeting(status="held")
    _applied(a.push(p, m))
    first = ins("attendance", province_code="50", meeting_id=m["row_id"], person_id=p["row_id"],
                person_name="สมศรี ทดสอบ", status="present")
    second = ins("attendance", province_code="50", meeting_id=m["row_id"], person_id=p["row_id"],
                 person_name="สมศรี ทดสอบ", status="substitute")
    _applied(a.push(first))
    merged = _applied(b.push(second))
    assert [(c["row_id"], c["field"]) for c in merged["conflicts"]] == [(first["row_id"], "status")]
    from codi_server import schema

    t = schema.DOMAIN_TABLES["attendance"]
    with env.engine.connect() as conn:
        live = conn.execute(sa.select(t.c.id).where(
            t.c.meeting_id == m["row_id"], t.c.person_id == p["row_id"],
            t.c.deleted_at.is_(None))).scalars().all()
    assert live == [first["row_id"]]
    # the second laptop learns its row is gone
    pulled = rows_by_id(env.device(from_now=False).pull_new())
    assert pulled[second["row_id"]]["deleted"] is True or pulled[second["row_id"]].get(
        "fields", {}).get("deleted_at")


# -- audit ---------------------------------------------------------------------------------------


def test_history_of_a_record_across_devices_within_scope(env):
    a, b = env.device(), env.device()
    other = env.device(provinces=("51",))
    p = person()
    seq = _applied(a.push(p, summary="เพิ่มบุคคล"))["seq"]
    _applied(b.push(upd("person", p["row_id"], seq, notes="แก้โดย b")))
    h = a.client.get(f"/v1/history/person/{p['row_id']}")
    assert h.status_code == 200, h.text
    entries = h.json()["entries"]
    assert [e["op"] for e in entries] == ["insert", "update"]
    assert entries[0]["device_id"] == a.id and entries[1]["device_id"] == b.id
    assert entries[1]["fields"] == {"notes": "แก้โดย b"}
    assert entries[0]["summary"] == "เพิ่มบุคคล" and entries[0]["server_time"].endswith("Z")
    assert entries[0]["device_time"] == "2026-11-25T10:00:00Z"
    assert other.client.get(f"/v1/history/person/{p['row_id']}").status_code == 404
