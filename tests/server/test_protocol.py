"""PROTOCOL.md rule by rule, against a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import httpx
import pytest

from codi_core.models import new_id
from codi_core.reference import reference_id
from codi_core.wire import decode_cursor, encode_cursor

from .conftest import PASSWORD, dele, ins, person, rows_by_id, upd

PROBLEM = "application/problem+json"
PROGRAM = reference_id("program", "baan_mankong")


def assert_problem(r: httpx.Response, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["code"] == code and body["status"] == status and body["title"]
    return body


# -- health, versions, transport ------------------------------------------------------


def test_health_says_the_database_answers(env):
    r = httpx.get(env.base_url + "/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["protocols"] == [1] and body["database"] == "ok"
    assert body["server_time"].endswith("Z")


def test_wrong_or_missing_protocol_version_gets_426(env):
    d = env.device()
    r = d.client.get("/v1/sync/pull", headers={"Codi-Protocol": "2"})
    assert assert_problem(r, 426, "protocol_unsupported")["protocols"] == [1]
    r = httpx.get(env.base_url + "/v1/sync/pull", headers={"Authorization": f"Bearer {d.token}"})
    assert_problem(r, 426, "protocol_unsupported")


def test_gzip_request_body_is_accepted_and_responses_are_gzipped(env):
    d = env.device()
    cs = d.change_set([person()])
    body = gzip.compress(json.dumps({"device_id": d.id, "change_sets": [cs]}).encode())
    r = d.client.post(
        "/v1/sync/push", content=body,
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    r = d.client.get("/v1/sync/pull", params={"limit": 200}, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
    assert len(r.json()["changes"]) == 200


def test_a_push_answer_says_how_long_the_server_took(env):
    """``Server-Timing: app;dur=<ms>`` (PROTOCOL.md): the laptop sizes its pushes by it.
    The server's own time can be no longer than the request as the client timed it."""
    import time

    from codi_desktop.sync.pacing import server_seconds

    d = env.device()
    sets = [d.change_set([person()]) for _ in range(20)]
    started = time.perf_counter()
    r = d.push_sets(*sets)
    elapsed = time.perf_counter() - started
    assert r.status_code == 200 and len(r.json()["results"]) == 20
    took = server_seconds(r.headers.get("server-timing"))
    assert took is not None and 0 < took <= elapsed, (r.headers.get("server-timing"), elapsed)
    # A refused push says it too (the laptop learns from every answer it gets).
    r = d.push_sets(d.change_set([person()], device_seq=999))
    assert r.status_code == 409 and server_seconds(r.headers.get("server-timing")) is not None


def test_every_error_is_a_problem_document(env):
    d = env.device()
    assert_problem(httpx.get(env.base_url + "/v1/nowhere"), 404, "not_found")
    assert_problem(httpx.put(env.base_url + "/v1/health"), 405, "method_not_allowed")
    assert_problem(d.client.post("/v1/sync/push", content=b"{not json"), 422, "invalid_request")
    assert_problem(
        d.client.post("/v1/sync/push", json={"device_id": d.id, "change_sets": "x"}),
        422, "invalid_request",
    )
    huge = d.change_set([], device_seq=10**30)
    assert_problem(
        d.client.post("/v1/sync/push", json={"device_id": d.id, "change_sets": [huge]}),
        422, "invalid_request",
    )
    assert_problem(
        d.client.post("/v1/sync/push", content=b"\x1f\x8b garbage",
                      headers={"Content-Encoding": "gzip"}),
        400, "bad_encoding",
    )
    truncated = gzip.compress(b'{"device_id": "x", "change_sets": []}')[:-6]
    assert_problem(
        d.client.post("/v1/sync/push", content=truncated, headers={"Content-Encoding": "gzip"}),
        400, "bad_encoding",
    )
    assert_problem(
        d.client.post("/v1/sync/push", content=b"{}", headers={"Content-Encoding": "br"}),
        415, "bad_encoding",
    )
    assert_problem(d.client.get("/v1/sync/pull", params={"limit": 0}), 422, "invalid_request")
    deep = b"[" * 100_000 + b"]" * 100_000
    assert_problem(d.client.post("/v1/sync/push", content=deep,
                                 headers={"Content-Type": "application/json"}),
                   400, "invalid_request")
    assert_problem(d.client.get("/v1/sync/pull", params={"cursor": "nonsense!"}), 400,
                   "invalid_cursor")
    assert_problem(httpx.post(env.base_url + "/v1/devices", json={"username": 5}), 422,
                   "invalid_request")


def test_openapi_document_is_published(env):
    r = httpx.get(env.base_url + "/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert {"/v1/health", "/v1/devices", "/v1/devices/{device_id}", "/v1/sync/push",
            "/v1/sync/pull"} <= set(doc["paths"])
    assert "Problem" in doc["components"]["schemas"]


# -- enrolment, tokens, revocation ----------------------------------------------------


def test_enrol_gives_a_strong_token_once_and_the_scope(env):
    name = env.user("cluster", ("50", "51"))
    r = httpx.post(env.base_url + "/v1/devices",
                   json={"username": name, "password": PASSWORD, "device_name": "lap"})
    assert r.status_code == 201
    body = r.json()
    assert len(body["token"]) >= 43 and body["user"] == name and body["role"] == "cluster"
    assert body["scope"] == {"provinces": ["50", "51"]}
    hq = env.device("hq", ())
    assert hq.enrolment["scope"] == {"provinces": "all"}


def test_wrong_password_and_unknown_user_get_the_same_401(env):
    name = env.user()
    wrong = httpx.post(env.base_url + "/v1/devices",
                       json={"username": name, "password": "nope-nope", "device_name": "x"})
    unknown = httpx.post(env.base_url + "/v1/devices",
                         json={"username": name + "zz", "password": "nope-nope",
                               "device_name": "x"})
    a, b = assert_problem(wrong, 401, "bad_credentials"), assert_problem(unknown, 401,
                                                                          "bad_credentials")
    assert a == b


def test_repeated_failures_are_rate_limited_per_user_and_per_address(env):
    name = env.user()
    # A source address of its own, so the rest of the suite (from 127.0.0.1) is unaffected.
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.3")) as c:
        codes = [
            c.post(env.base_url + "/v1/devices",
                   json={"username": name, "password": "bad-password", "device_name": "x"}
                   ).status_code
            for _ in range(6)
        ]
        assert codes[:5] == [401] * 5 and codes[5] == 429
        # Locked even with the right password now, and says when to come back.
        r = c.post(env.base_url + "/v1/devices",
                   json={"username": name, "password": PASSWORD, "device_name": "x"})
        assert int(assert_problem(r, 429, "too_many_attempts") and r.headers["Retry-After"]) > 0
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.4")) as c:
        codes = [
            c.post(env.base_url + "/v1/devices",
                   json={"username": f"nobody{i}", "password": "x", "device_name": "x"}
                   ).status_code
            for i in range(21)
        ]
        assert codes[:20] == [401] * 20 and codes[20] == 429
        other = env.user()
        r = c.post(env.base_url + "/v1/devices",
                   json={"username": other, "password": PASSWORD, "device_name": "x"})
        assert r.status_code == 429 and "Retry-After" in r.headers
    # The same user from another address is not locked by the address limit.
    r = httpx.post(env.base_url + "/v1/devices",
                   json={"username": other, "password": PASSWORD, "device_name": "x"})
    assert r.status_code == 201


def test_token_rotation_keeps_the_device_and_invalidates_the_old_token(env):
    d = env.device()
    name = d.enrolment["user"]
    r = httpx.post(env.base_url + "/v1/devices", json={
        "username": name, "password": PASSWORD, "device_name": "lap", "device_id": d.id})
    assert r.status_code == 201
    assert r.json()["device_id"] == d.id and r.json()["token"] != d.token
    assert_problem(d.pull(), 401, "unauthorized")
    d.client.headers["Authorization"] = f"Bearer {r.json()['token']}"
    assert d.pull().status_code == 200
    # Somebody else's device cannot be taken over.
    other = env.device()
    r = httpx.post(env.base_url + "/v1/devices", json={
        "username": name, "password": PASSWORD, "device_name": "x", "device_id": other.id})
    assert_problem(r, 403, "forbidden")


def test_revoked_device_gets_401_device_revoked(env):
    d = env.device()
    assert d.client.delete(f"/v1/devices/{d.id}").status_code == 204
    assert_problem(d.pull(), 401, "device_revoked")
    assert_problem(d.push_sets(d.change_set([person()])), 401, "device_revoked")
    r = httpx.post(env.base_url + "/v1/devices", json={
        "username": d.enrolment["user"], "password": PASSWORD, "device_name": "x",
        "device_id": d.id})
    assert_problem(r, 401, "device_revoked")


def test_only_the_device_itself_or_hq_may_revoke(env):
    a, b, hq = env.device(), env.device(), env.device("hq", ())
    assert_problem(a.client.delete(f"/v1/devices/{b.id}"), 403, "forbidden")
    assert b.pull().status_code == 200
    assert hq.client.delete(f"/v1/devices/{b.id}").status_code == 204
    assert_problem(b.pull(), 401, "device_revoked")
    assert_problem(hq.client.delete(f"/v1/devices/{new_id()}"), 404, "not_found")


def test_unknown_token_gets_401(env):
    r = httpx.get(env.base_url + "/v1/sync/pull",
                  headers={"Authorization": "Bearer not-a-token", "Codi-Protocol": "1"})
    assert_problem(r, 401, "unauthorized")


# -- order and exactly-once -----------------------------------------------------------


def test_gap_in_device_seq_is_409_with_expected_seq(env):
    d = env.device()
    r = d.push_sets(d.change_set([person()], device_seq=3))
    assert assert_problem(r, 409, "out_of_order")["expected_device_seq"] == 1
    d.next_seq = 1
    assert d.push(person())["status"] == "applied"
    r = d.push_sets(d.change_set([person()], device_seq=5))
    assert assert_problem(r, 409, "out_of_order")["expected_device_seq"] == 2
    d.next_seq = 2
    a, b = d.change_set([person()]), d.change_set([person()], device_seq=4)
    assert_problem(d.push_sets(a, b), 409, "out_of_order")


def test_replayed_change_set_returns_the_stored_result_and_applies_once(env):
    d, watcher = env.device(), env.device(from_now=True)
    cs = d.change_set([person(notes="once")])
    first = d.push_sets(cs).json()["results"][0]
    again = d.push_sets(cs).json()["results"][0]
    assert first == again and first["status"] == "applied"
    rows = [c for c in watcher.pull_new() if c["fields"].get("notes") == "once"
            and c["row_id"] == cs["changes"][0]["row_id"]]
    assert len(rows) == 1
    # A different change set reusing a device_seq is refused, not taken for a replay.
    other = dict(cs, id=new_id())
    assert_problem(d.push_sets(other), 409, "out_of_order")


def test_a_change_set_is_all_or_nothing_and_a_rejection_does_not_block_the_queue(env):
    d, watcher = env.device(), env.device(from_now=True)
    good = person()
    result = d.push(good, ins("person", province_code="50", first_name=5))
    assert result["status"] == "rejected" and result["code"] == "invalid"
    assert result["change_index"] == 1
    assert good["row_id"] not in rows_by_id(watcher.pull_new())
    # The next change set is accepted; the same row id can now be inserted.
    assert d.push(good)["status"] == "applied"
    assert good["row_id"] in rows_by_id(watcher.pull_new())
    # The rejected result is stored too: a replay returns it.
    assert d.push_sets(d.change_set([], device_seq=1, id=new_id())).status_code == 409


def test_database_constraint_violation_is_invalid_and_rolled_back(env):
    d = env.device()
    first = person()
    result = d.push(first, ins("community", province_code="50", name="x", households=-5))
    assert result["status"] == "rejected" and result["code"] == "invalid"
    assert first["row_id"] not in rows_by_id(env.device(from_now=True).pull_new())


# -- merge ----------------------------------------------------------------------------


@pytest.fixture
def watcher(env):
    """A province-50 device whose cursor is where this test began."""
    return env.device(from_now=True)


def _pulled(device, row_id):
    return rows_by_id(device.pull_new())[row_id]


def test_edits_to_different_fields_merge(env, watcher):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person(phone="000")
    seq = a.push(row)["seq"]
    assert a.push(upd("person", row["row_id"], seq, phone="111"))["conflicts"] == []
    r = b.push(upd("person", row["row_id"], seq, email="b@example.org"))
    assert r["status"] == "applied" and r["conflicts"] == []
    final = _pulled(watcher, row["row_id"])["fields"]
    assert final["phone"] == "111" and final["email"] == "b@example.org"


def test_same_field_same_value_is_no_conflict(env):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person()
    seq = a.push(row)["seq"]
    a.push(upd("person", row["row_id"], seq, phone="222"))
    r = b.push(upd("person", row["row_id"], seq, phone="222"))
    assert r["status"] == "applied" and r["conflicts"] == []


def test_same_field_other_value_keeps_server_value_and_makes_a_conflict(env):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person()
    seq = a.push(row)["seq"]
    a.push(upd("person", row["row_id"], seq, phone="333"))
    r = b.push(upd("person", row["row_id"], seq, phone="444", notes="b's note"))
    assert r["status"] == "applied"
    (conflict,) = r["conflicts"]
    assert conflict["field"] == "phone" and conflict["server_value"] == "333"
    assert conflict["client_value"] == "444" and conflict["row_id"] == row["row_id"]
    pulled = rows_by_id(a.pull_new())
    assert pulled[row["row_id"]]["fields"]["phone"] == "333"
    assert pulled[row["row_id"]]["fields"]["notes"] == "b's note"
    c = pulled[conflict["conflict_id"]]
    assert c["table"] == "conflict" and c["fields"]["province_code"] == "50"
    assert c["fields"]["server_value"] == "333" and c["fields"]["client_value"] == "444"
    assert c["fields"]["status"] == "open"
    # The conflict is a row like any other: resolving it syncs.
    r = a.push(upd("conflict", conflict["conflict_id"], c["seq"], status="resolved",
                   resolved_value="444"))
    assert r["status"] == "applied"
    assert _pulled(b, conflict["conflict_id"])["fields"]["status"] == "resolved"


def test_a_field_unchanged_since_base_is_applied_even_after_other_writes(env, watcher):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person()
    seq = a.push(row)["seq"]
    newer = a.push(upd("person", row["row_id"], seq, phone="1"))["seq"]
    a.push(upd("person", row["row_id"], newer, phone="2"))
    # b saw the version after the first phone change and edits phone: conflict;
    # with the version after both changes: applied.
    assert b.push(upd("person", row["row_id"], newer, phone="9"))["conflicts"]
    last = _pulled(watcher, row["row_id"])["seq"]
    assert b.push(upd("person", row["row_id"], last, phone="9"))["conflicts"] == []


def test_delete_of_a_row_edited_since_is_a_conflict_and_the_row_stays(env, watcher):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person()
    seq = a.push(row)["seq"]
    a.push(upd("person", row["row_id"], seq, phone="555"))
    r = b.push(dele("person", row["row_id"], seq))
    assert r["status"] == "applied"
    (conflict,) = r["conflicts"]
    assert conflict["field"] == "deleted_at"
    final = _pulled(watcher, row["row_id"])
    assert final["deleted"] is False and final["fields"]["phone"] == "555"


def test_edit_of_a_row_deleted_since_restores_it_with_a_conflict(env, watcher):
    a, b = env.device(from_now=True), env.device(from_now=True)
    row = person()
    seq = a.push(row)["seq"]
    a.push(dele("person", row["row_id"], seq))
    r = b.push(upd("person", row["row_id"], seq, phone="666"))
    (conflict,) = r["conflicts"]
    assert conflict["field"] == "deleted_at" and conflict["server_value"] is not None
    final = _pulled(watcher, row["row_id"])
    assert final["deleted"] is False and final["fields"]["phone"] == "666"


def test_plain_delete_is_pulled_as_a_tombstone(env, watcher):
    a = env.device()
    row = person()
    seq = a.push(row)["seq"]
    assert a.push(dele("person", row["row_id"], seq))["conflicts"] == []
    final = _pulled(watcher, row["row_id"])
    assert final["deleted"] is True and final["fields"]["deleted_at"]


def test_update_and_delete_need_an_existing_row_and_a_base_seq(env):
    d = env.device()
    assert d.push(upd("person", new_id(), 1, phone="1"))["code"] == "invalid"
    row = person()
    d.push(row)
    assert d.push(upd("person", row["row_id"], None, phone="1"))["code"] == "invalid"
    assert d.push(row)["code"] == "invalid"  # inserting it again


# -- ledger and budgets ---------------------------------------------------------------


def _project(d, province="50"):
    p = ins("project", province_code=province, code="P-1", name="บ้านมั่นคง", program_id=PROGRAM,
            fiscal_year=2569)
    assert d.push(p)["status"] == "applied"
    return p["row_id"]


def entry(kind, amount, project_id=None, province="50", **extra):
    fields = dict(province_code=province, kind=kind, fiscal_year=2569, program_id=PROGRAM,
                  amount_satang=amount, entry_date="2026-01-15", **extra)
    if project_id:
        fields["project_id"] = project_id
    return ins("ledger_entry", **fields)


def test_ledger_entries_are_insert_only(env):
    d = env.device()
    pid = _project(d)
    e = entry("approval", 1000, pid)
    seq = d.push(e)["seq"]
    assert d.push(upd("ledger_entry", e["row_id"], seq, amount_satang=5))["code"] == "forbidden"
    assert d.push(dele("ledger_entry", e["row_id"], seq))["code"] == "forbidden"


def test_disbursements_never_exceed_the_approved_amount(env):
    d = env.device()
    pid = _project(d)
    assert d.push(entry("disbursement", 1, pid))["code"] == "over_budget"
    assert d.push(entry("approval", 1000_00, pid))["status"] == "applied"
    first = entry("disbursement", 600_00, pid, tranche_no=1)
    assert d.push(first)["status"] == "applied"
    r = d.push(entry("disbursement", 500_00, pid, tranche_no=2))
    assert r["status"] == "rejected" and r["code"] == "over_budget" and r["detail_th"]
    assert d.push(entry("refund", 200_00, pid))["status"] == "applied"
    assert d.push(entry("disbursement", 500_00, pid))["status"] == "applied"  # 600-200+500
    # A reversal of the first disbursement frees its amount once, and only once.
    rev = entry("reversal", 600_00, pid, reverses_id=first["row_id"])
    assert d.push(rev)["status"] == "applied"
    again = entry("reversal", 600_00, pid, reverses_id=first["row_id"])
    assert d.push(again)["code"] == "invalid"
    # Two entries of one change set that together overspend: all rejected.
    r = d.push(entry("disbursement", 400_00, pid), entry("disbursement", 400_00, pid))
    assert r["code"] == "over_budget"


def test_reversal_must_match_and_approval_reversal_cannot_overspend(env):
    d = env.device()
    pid = _project(d)
    approval = entry("approval", 1000, pid)
    d.push(approval)
    d.push(entry("disbursement", 800, pid))
    assert d.push(entry("reversal", 999, pid, reverses_id=approval["row_id"]))["code"] == "invalid"
    assert d.push(entry("reversal", 1000, pid, reverses_id=new_id()))["code"] == "invalid"
    r = d.push(entry("reversal", 1000, pid, reverses_id=approval["row_id"]))
    assert r["code"] == "over_budget"


def test_amounts_must_be_positive(env):
    d = env.device()
    pid = _project(d)
    assert d.push(entry("approval", 0, pid))["code"] == "invalid"
    assert d.push(entry("approval", -100, pid))["code"] == "invalid"


def test_allocations_are_hq_only(env):
    d, hq = env.device(), env.device("hq", ())
    assert d.push(entry("allocation", 5_000_000_00))["code"] == "forbidden"
    assert hq.push(entry("allocation", 5_000_000_00))["status"] == "applied"


# -- scope ----------------------------------------------------------------------------


def test_a_province_device_cannot_read_or_write_another_province(env):
    a, b = env.device(provinces=("50",)), env.device(provinces=("10",), from_now=True)
    b_row = person("10", notes="bangkok")
    b_seq = b.push(b_row)["seq"]
    a_row = person("50")
    a_seq = a.push(a_row)["seq"]
    # read: nothing of province 10 ever reaches a
    pulled = a.pull_new()
    assert {c["fields"]["province_code"] for c in pulled} <= {None, "50"}
    assert b_row["row_id"] not in rows_by_id(pulled)
    # write: insert into 10, update a 10 row by id, insert over a 10 row's id, move a row
    assert a.push(person("10"))["code"] == "forbidden"
    assert a.push(upd("person", b_row["row_id"], b_seq, notes="x"))["code"] == "forbidden"
    assert a.push(dele("person", b_row["row_id"], b_seq))["code"] == "forbidden"
    assert a.push(ins("person", b_row["row_id"], province_code="50",
                      first_name="x"))["code"] == "forbidden"
    assert a.push(upd("person", a_row["row_id"], a_seq, province_code="10"))["code"] == "invalid"  # not writable by update
    assert _pulled(b, b_row["row_id"])["fields"]["notes"] == "bangkok"


def test_cluster_device_sees_its_provinces_and_hq_sees_all(env):
    a, b = env.device(provinces=("50",)), env.device(provinces=("51",))
    cluster = env.device("cluster", ("50", "51"), from_now=True)
    hq = env.device("hq", (), from_now=True)
    ra, rb, rc = person("50"), person("51"), person("10")
    a.push(ra)
    b.push(rb)
    env.device(provinces=("10",)).push(rc)
    got = rows_by_id(cluster.pull_new())
    assert ra["row_id"] in got and rb["row_id"] in got and rc["row_id"] not in got
    assert {c["fields"]["province_code"] for c in got.values()} <= {None, "50", "51"}
    got = rows_by_id(hq.pull_new())
    assert rc["row_id"] in got
    assert ra["row_id"] in got and rb["row_id"] in got


def test_national_reference_data_is_hq_only(env):
    d, hq = env.device(), env.device("hq", ())
    snapshot = rows_by_id(d.pull_new())
    province = snapshot["50"]
    assert province["table"] == "province" and province["seq"] > 0
    assert d.push(upd("province", "50", province["seq"], pilot_status="pilot"))["code"] == "forbidden"
    assert d.push(ins("program", code="x", name_th="x", name_en="x"))["code"] == "forbidden"
    assert hq.push(upd("province", "50", province["seq"], pilot_status="pilot"))["status"] == "applied"
    assert _pulled(d, "50")["fields"]["pilot_status"] == "pilot"
    assert hq.push(ins("region", province_code="50", code="r", name_th="r"))["code"] == "invalid"


def test_unknown_tables_fields_and_bad_values_are_invalid(env):
    d = env.device()
    assert d.push(ins("change_set", province_code="50"))["code"] == "invalid"
    assert d.push(ins("nothing", province_code="50"))["code"] == "invalid"
    assert d.push(person(shoe_size=42))["code"] == "invalid"
    assert d.push(ins("person", province_code="50"))["code"] == "invalid"  # first_name missing
    assert d.push(person(gender="robot"))["code"] == "invalid"
    assert d.push(ins("community", province_code="50", name="x", households=2**40))["code"] == "invalid"
    assert d.push(ins("community", province_code="50", name="x", households="many"))["code"] == "invalid"
    assert d.push(ins("organization", province_code="50", name="x", kind="network",
                      founded_on="2026-13-45"))["code"] == "invalid"
    assert d.push(person("99"))["code"] == "forbidden"


def test_a_malformed_change_set_is_rejected_and_the_queue_moves_on(env):
    """Content that breaks the wire limits (an author of 500 characters, a change with no
    op) is one change set's rejection, not a 422 for the whole push that would stop the
    device's queue at it forever."""
    d = env.device()
    long_author = d.change_set([person()], author="ก" * 500)
    no_op = d.change_set([{"table": "person", "row_id": new_id(), "fields": {}}])
    fine = d.change_set([person()])
    r = d.push_sets(long_author, no_op, fine)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["rejected", "rejected", "applied"]
    assert results[0]["code"] == results[1]["code"] == "invalid"
    assert "author" in results[0]["detail"] and results[0]["detail_th"]
    assert results[1]["change_index"] == 0
    # A replay of the rejected one gets the stored answer, and nothing of it was written.
    again = d.push_sets(long_author).json()["results"][0]
    assert again == results[0]
    assert d.push(person())["status"] == "applied"
    pulled, cursor = set(), None
    while True:
        page = d.pull(cursor, limit=5000).json()
        pulled |= {c["row_id"] for c in page["changes"]}
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert fine["changes"][0]["row_id"] in pulled
    assert long_author["changes"][0]["row_id"] not in pulled


def test_schema_version_newer_than_the_server_knows_is_schema_mismatch(env):
    d = env.device()
    r = d.push(person(), schema_version="9999_from_the_future")
    assert r["status"] == "rejected" and r["code"] == "schema_mismatch"
    assert d.push(person(), schema_version="0001")["status"] == "applied"  # older: accepted


# -- pull -----------------------------------------------------------------------------


def test_pull_pages_in_seq_order_with_a_resumable_cursor(env):
    d = env.device(provinces=("51",))
    rows = [person("51", notes=str(i)) for i in range(25)]
    for i in range(0, 25, 5):
        assert d.push(*rows[i : i + 5])["status"] == "applied"
    snapshot, cursor, pages = [], None, 0
    while True:
        r = d.pull(cursor, limit=997)
        page = r.json()
        snapshot.extend(page["changes"])
        cursor, pages = page["cursor"], pages + 1
        if not page["more"]:
            break
    seqs = [c["seq"] for c in snapshot]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) and pages > 1
    got = rows_by_id(snapshot)
    assert all(r["row_id"] in got for r in rows)
    assert {"province", "district", "subdistrict", "program", "criterion"} <= {
        c["table"] for c in snapshot}
    # nothing new: an empty page with the same position
    page = d.pull(cursor).json()
    assert page["changes"] == [] and page["more"] is False
    assert decode_cursor(page["cursor"]) == decode_cursor(cursor)
    # small pages from a mid-point resume exactly after it
    mid = encode_cursor(seqs[-10])
    tail = []
    c = mid
    while True:
        page = d.pull(c, limit=3).json()
        tail.extend(page["changes"])
        c = page["cursor"]
        if not page["more"]:
            break
    assert [x["seq"] for x in tail] == seqs[-9:]
    assert_problem(d.pull(encode_cursor(10**15)), 400, "invalid_cursor")


def test_a_cluster_pulls_its_provinces_interleaved_once_each_in_seq_order(env):
    """Small pages cut across the provinces' range scans; each row comes once."""
    cluster = env.device("cluster", ("56", "57"), from_now=True)
    writers = {p: env.device(provinces=(p,)) for p in ("56", "57", "58")}
    mine: dict[str, str] = {}
    for i in range(12):
        province = ("56", "57", "58")[i % 3] if i < 9 else "57"
        row = person(province, notes=str(i))
        assert writers[province].push(row)["status"] == "applied"
        mine[row["row_id"]] = province
    got = cluster.pull_new(limit=2)
    seqs = [c["seq"] for c in got]
    assert seqs == sorted(set(seqs))
    assert {c["fields"]["province_code"] for c in got} <= {None, "56", "57"}
    ids = [c["row_id"] for c in got if c["row_id"] in mine]
    assert sorted(ids) == sorted(r for r, p in mine.items() if p != "58")


def test_pull_pages_are_compressed_as_the_client_accepts(env):
    import zstandard

    d = env.device(provinces=("60",))
    assert d.push(*[person("60", notes="ยาว" * 50) for _ in range(20)])["status"] == "applied"
    plain = d.client.get("/v1/sync/pull", params={"limit": 100},
                         headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    expected = json.loads(plain.content)
    assert len(expected["changes"]) == 100
    with httpx.Client(base_url=env.base_url, headers=dict(d.client.headers)) as raw:
        for accept, coding in [("zstd", "zstd"), ("gzip, deflate, zstd", "zstd"),
                               ("gzip", "gzip"), ("zstd;q=0, gzip", "gzip")]:
            with raw.stream("GET", "/v1/sync/pull", params={"limit": 100},
                            headers={"Accept-Encoding": accept}) as r:
                body = b"".join(r.iter_raw())
                assert r.status_code == 200 and r.headers["content-encoding"] == coding
            if coding == "zstd":
                body = zstandard.ZstdDecompressor().decompressobj().decompress(body)
            else:
                body = gzip.decompress(body)
            assert json.loads(body) == expected, accept


def test_cursor_older_than_purged_tombstones_is_410(fresh_env):
    from codi_server.pull import purge_tombstones

    d = fresh_env.device()
    row = person()
    seq = d.push(row)["seq"]
    old_cursor = d.pull_new() and d.cursor
    d.push(dele("person", row["row_id"], seq))
    assert purge_tombstones(fresh_env.engine, dt.timedelta(days=30)) == 0
    assert d.pull(old_cursor).status_code == 200
    assert purge_tombstones(fresh_env.engine, dt.timedelta(0)) == 1
    assert_problem(d.pull(old_cursor), 410, "cursor_expired")
    # A snapshot taken after the purge pages through fine (small pages, so its early
    # cursors are below the purge horizon) and no longer has the row.
    fresh = fresh_env.device()
    snapshot = rows_by_id(fresh.pull_new(limit=2000))
    assert row["row_id"] not in snapshot and len(snapshot) > 8000
    assert fresh.pull(fresh.cursor).status_code == 200
    # A cursor issued after the purge survives; a later purge past it expires it.
    cursor = fresh.cursor
    other = person()
    seq = d.push(other)["seq"]
    d.push(dele("person", other["row_id"], seq))
    assert purge_tombstones(fresh_env.engine, dt.timedelta(0)) == 1
    assert_problem(fresh.pull(cursor), 410, "cursor_expired")


# -- meeting numbers ------------------------------------------------------------------


def meeting(number, year=2569, organization_id=None, kind="working_group", province="50",
            **fields):
    """A planned meeting: a working group's (``organization_id``) or, with no body, one of
    a kind that is a body in itself (cluster, partner consultation, assembly)."""
    fields.setdefault("place", "ศาลาประชาคม")
    return ins("meeting", province_code=province, kind=kind, title="ประชุมทดสอบ",
               organization_id=organization_id, number=number, number_year=year,
               starts_at="2026-03-02T02:00:00Z", **fields)


def body(device, province="50") -> str:
    """A real body (organization) to number meetings by: a link must name a real row."""
    org = ins("organization", province_code=province, kind="committee", name="คณะกรรมการทดสอบ")
    assert device.push(org)["status"] == "applied"
    return org["row_id"]


def test_two_devices_numbering_one_body_alike_both_apply_with_a_conflict(env, watcher):
    a, b = env.device(from_now=True), env.device(from_now=True)
    org = body(a)
    assert a.push(meeting(1, organization_id=org))["conflicts"] == []
    assert a.push(meeting(2, organization_id=org))["conflicts"] == []
    second = meeting(2, organization_id=org)
    r = b.push(second)
    assert r["status"] == "applied"
    (conflict,) = r["conflicts"]
    assert conflict["table"] == "meeting" and conflict["row_id"] == second["row_id"]
    assert conflict["field"] == "number"
    assert conflict["client_value"] == 2 and conflict["server_value"] == 3
    pulled = rows_by_id(watcher.pull_new())
    assert pulled[second["row_id"]]["fields"]["number"] == 2  # the meeting is real
    c = pulled[conflict["conflict_id"]]["fields"]
    assert c["table_name"] == "meeting" and c["field"] == "number" and c["status"] == "open"
    assert c["province_code"] == "50"
    # Taking the server's value renumbers the meeting; 3/2569 is free, so no new conflict.
    seq = pulled[second["row_id"]]["seq"]
    assert b.push(upd("meeting", second["row_id"], seq, number=3))["conflicts"] == []
    assert _pulled(watcher, second["row_id"])["fields"]["number"] == 3


def test_renumbering_onto_a_used_number_is_a_conflict(env):
    a = env.device(from_now=True)
    org = body(a)
    a.push(meeting(1, organization_id=org))
    row = meeting(2, organization_id=org)
    seq = a.push(row)["seq"]
    (conflict,) = a.push(upd("meeting", row["row_id"], seq, number=1))["conflicts"]
    # 2 is free again once this meeting left it: the body's next number.
    assert conflict["client_value"] == 1 and conflict["server_value"] == 2
    # An edit that leaves the number alone does not ask again.
    assert a.push(upd("meeting", row["row_id"], seq, place="วัด"))["conflicts"] == []


def test_other_body_year_or_deleted_meeting_is_no_conflict(env):
    a, b = env.device(from_now=True), env.device(from_now=True)
    org, other = body(a), body(a)
    year = 2400 + int(new_id()[-4:], 16) % 5000  # a year of its own: per-kind numbering
    a.push(meeting(1, organization_id=org))
    assert b.push(meeting(1, organization_id=other))["conflicts"] == []
    assert b.push(meeting(1, year=2570, organization_id=org))["conflicts"] == []
    # No body: numbered per kind.
    a.push(meeting(1, year=year, kind="cluster"))
    assert b.push(meeting(1, year=year, kind="partner_consultation"))["conflicts"] == []
    (c,) = b.push(meeting(1, year=year, kind="cluster"))["conflicts"]
    assert c["server_value"] == 2
    # A deleted meeting frees its number.
    gone = meeting(5, organization_id=org)
    seq = a.push(gone)["seq"]
    a.push(dele("meeting", gone["row_id"], seq))
    assert b.push(meeting(5, organization_id=org))["conflicts"] == []
    # Meetings with no body are numbered within their province.
    far = env.device(provinces=("51",), from_now=True)
    assert far.push(meeting(1, year=year, kind="cluster", province="51"))[
        "conflicts"] == []
