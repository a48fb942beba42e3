"""The demo province: deterministic, on real tambons, consistent money and meetings, and a
build that never eats a real database."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from pathlib import Path

import geothai
import pytest
import sqlalchemy as sa

from codi_core.demo import DEMO_MODELS, DEMO_TODAY, generate_demo
from codi_core.models import (
    ActionStatus,
    AttendanceStatus,
    ChangeSet,
    ChangeSetStatus,
    Community,
    Gender,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    OrganizationKind,
)
from codi_core.reference import PROGRAMS, reference_id
from codi_desktop.store.database import open_store
from codi_desktop.store.demo import DemoRefused, build_demo

ROOT = Path(__file__).resolve().parents[2]
PROVINCE = "34"


@pytest.fixture(scope="module")
def demo() -> dict[str, list[dict]]:
    return {m.__tablename__: rows for m, rows in generate_demo(PROVINCE, "small")}


@pytest.fixture(scope="module")
def by_table_model() -> list[tuple[type, list[dict]]]:
    return list(generate_demo(PROVINCE, "small"))


def _value(v):
    return getattr(v, "value", v)


def test_same_seed_gives_identical_rows_and_another_seed_differs(by_table_model):
    again = list(generate_demo(PROVINCE, "small"))
    assert [m for m, _ in again] == [m for m, _ in by_table_model]
    for (_m, rows), (_m2, rows2) in zip(by_table_model, again, strict=True):
        assert rows == rows2
    other = {m.__tablename__: rows for m, rows in generate_demo(PROVINCE, "small", seed=1)}
    first = {m.__tablename__: rows for m, rows in by_table_model}
    assert {r["id"] for r in other["community"]}.isdisjoint(r["id"] for r in first["community"])
    assert [r["name"] for r in other["community"]] != [r["name"] for r in first["community"]]


def test_yields_every_table_in_foreign_key_order_with_every_column(by_table_model):
    assert tuple(m for m, _ in by_table_model) == DEMO_MODELS
    reference_ids = {reference_id("program", code) for code, _t, _e in PROGRAMS}
    reference_ids |= {reference_id("criterion", str(n)) for n in range(1, 11)}
    geography = {d.code for d in geothai.districts(PROVINCE)}
    geography |= {s.code for d in geothai.districts(PROVINCE) for s in geothai.subdistricts(d.code)}
    seen: set[str] = set(reference_ids) | geography
    for model, rows in by_table_model:
        table = model.__table__
        columns = {c.key for c in table.columns}
        fks = [(c.key, next(iter(c.foreign_keys)).column.table.name)
               for c in table.columns if c.foreign_keys]
        for r in rows:
            assert set(r) == columns, model.__tablename__
            assert uuid.UUID(r["id"]).version == 7 and str(uuid.UUID(r["id"])) == r["id"]
            assert r["province_code"] == PROVINCE
            assert r["seq"] is None and r["deleted_at"] is None
            assert r["created_at"].tzinfo is not None and r["updated_at"] >= r["created_at"]
            for c in table.columns:
                if not c.nullable and not c.primary_key:
                    assert r[c.key] is not None, (model.__tablename__, c.key)
                # PostgreSQL (the server) enforces VARCHAR lengths; SQLite does not.
                length = getattr(c.type, "length", None)
                if length and isinstance(r[c.key], str):
                    assert len(r[c.key]) <= length, (model.__tablename__, c.key, r[c.key])
            # Parents first: whatever a row points at was yielded before it.
            for key, _target in fks:
                if r[key] is not None:
                    assert r[key] in seen, (model.__tablename__, key)
            seen.add(r["id"])


def test_rows_sit_on_the_provinces_real_tambons(demo):
    districts = {d.code for d in geothai.districts(PROVINCE)}
    tambons = {s.code for d in districts for s in geothai.subdistricts(d)}
    used = 0
    for rows in demo.values():
        for r in rows:
            if r.get("subdistrict_id") is not None:
                assert r["subdistrict_id"] in tambons
                used += 1
            if r.get("district_id") is not None:
                assert r["district_id"] in districts
    assert used > 500
    council_names = {r["name"] for r in demo["organization"]
                     if r["kind"] is OrganizationKind.TAMBON_COUNCIL}
    real_names = {f"สภาองค์กรชุมชนตำบล{s.name_th}" for d in districts
                  for s in geothai.subdistricts(d)}
    assert council_names and council_names <= real_names


def test_every_kind_program_and_year_is_there(demo):
    assert {r["kind"] for r in demo["organization"]} == set(OrganizationKind)
    assert {r["kind"] for r in demo["meeting"]} == set(MeetingKind)
    partners = [r for r in demo["organization"] if r["kind"] is OrganizationKind.PARTNER]
    assert all(r["sector"] is not None for r in partners)
    allocations = [r for r in demo["ledger_entry"] if r["kind"] is LedgerKind.ALLOCATION]
    assert {(r["program_id"], r["fiscal_year"]) for r in allocations} == {
        (reference_id("program", code), fy) for code, _t, _e in PROGRAMS
        for fy in range(2560, 2570)}
    assert {r["fiscal_year"] for r in demo["assessment"]} == set(range(2560, 2570))
    scores = Counter(r["assessment_id"] for r in demo["criterion_score"])
    assert set(scores.values()) == {10}
    assert {r["status"] for r in demo["action_item"]} >= {ActionStatus.OPEN, ActionStatus.DONE}
    assert demo["plan_proposal"] and demo["vote"] and demo["indicator"]


def test_people_look_thai_and_consistent(demo):
    prefixes = {Gender.MALE: {"นาย"}, Gender.FEMALE: {"นาง", "นางสาว"}, Gender.OTHER: {None}}
    thai = re.compile(r"^[\u0E00-\u0E7F]+$")
    for p in demo["person"]:
        assert p["prefix"] in prefixes[p["gender"]]
        assert thai.match(p["first_name"]) and thai.match(p["last_name"])
        if p["phone"] is not None:
            assert re.fullmatch(r"0[689]\d-\d{3}-\d{4}", p["phone"])
    assert all(r["name"].startswith("ชุมชน") for r in demo["community"])


def test_ledger_is_consistent(demo):
    entries = demo["ledger_entry"]
    by_id = {e["id"]: e for e in entries}
    reversed_ids = Counter()
    for e in entries:
        assert isinstance(e["amount_satang"], int) and e["amount_satang"] > 0
        assert e["entry_date"] <= DEMO_TODAY
        if e["kind"] is LedgerKind.REVERSAL:
            target = by_id[e["reverses_id"]]
            assert entries.index(target) < entries.index(e)
            assert target["kind"] is not LedgerKind.REVERSAL
            assert target["amount_satang"] == e["amount_satang"]
            assert (target["project_id"], target["program_id"], target["fiscal_year"]) == (
                e["project_id"], e["program_id"], e["fiscal_year"])
            reversed_ids[target["id"]] += 1
        else:
            assert e["reverses_id"] is None
            assert (e["project_id"] is None) == (e["kind"] is LedgerKind.ALLOCATION)
    assert set(reversed_ids.values()) <= {1}
    assert reversed_ids, "the demo shows how a mistake is corrected"
    totals: dict[str, Counter] = defaultdict(Counter)
    for e in entries:
        if e["project_id"] is None:
            continue
        kind = e["kind"]
        if kind is LedgerKind.REVERSAL:
            kind = "reversed_" + by_id[e["reverses_id"]]["kind"].value
        totals[e["project_id"]][_value(kind)] += e["amount_satang"]
    kinds = Counter(e["kind"] for e in entries)
    assert kinds[LedgerKind.REFUND] > 0 and kinds[LedgerKind.EXPENDITURE] > 0
    for t in totals.values():
        approved = t["approval"] - t["reversed_approval"]
        disbursed = t["disbursement"] - t["refund"] - t["reversed_disbursement"]
        assert approved >= disbursed >= 0
    projects = {p["id"]: p for p in demo["project"]}
    for pid, t in totals.items():
        if projects[pid]["status"].value == "cancelled":
            assert t["approval"] == t["reversed_approval"] and t["disbursement"] == 0


def test_meetings_are_numbered_and_their_statuses_fit_their_dates(demo):
    meetings = demo["meeting"]
    numbers = Counter((m["organization_id"], m["number_year"], m["number"]) for m in meetings)
    assert max(numbers.values()) == 1
    per_body_year = defaultdict(list)
    for m in meetings:
        per_body_year[(m["organization_id"], m["number_year"])].append(m)
        assert m["number_year"] == m["starts_at"].astimezone(
            dt.timezone(dt.timedelta(hours=7))).year + 543
    for ms in per_body_year.values():
        ms.sort(key=lambda m: m["starts_at"])
        assert [m["number"] for m in ms] == list(range(1, len(ms) + 1))
    past = {MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_CERTIFIED,
            MeetingStatus.LOCKED}
    by_id = {m["id"]: m for m in meetings}
    for m in meetings:
        assert m["chair_id"] is not None
        if m["starts_at"].date() < DEMO_TODAY:
            assert m["status"] in past and m["started_at"] is not None
            assert m["minute_taker_id"] is not None and m["ended_at"] > m["started_at"]
        else:
            assert m["status"] in (MeetingStatus.PLANNED, MeetingStatus.INVITED)
            assert m["started_at"] is None and m["ended_at"] is None
        if m["previous_meeting_id"]:
            prev = by_id[m["previous_meeting_id"]]
            assert prev["organization_id"] == m["organization_id"]
            assert prev["starts_at"] < m["starts_at"]
    held = {m["id"] for m in meetings if m["started_at"] is not None}
    statuses = Counter()
    for a in demo["attendance"]:
        assert a["meeting_id"] in held
        statuses[a["status"]] += 1
        if a["status"] is AttendanceStatus.ABSENT:
            assert a["reason"] and a["signed_in_at"] is None
        else:
            assert a["reason"] is None
        if a["status"] is AttendanceStatus.SUBSTITUTE:
            assert a["substitute_for_id"] and a["substitute_for_name"]
            assert a["substitute_for_id"] != a["person_id"]
        else:
            assert a["substitute_for_id"] is None
    assert set(statuses) == set(AttendanceStatus)


def test_agenda_follows_the_standard_sections(demo):
    items = demo["agenda_item"]
    seen: set[str] = set()
    for i in items:
        assert 1 <= i["section"] <= 6
        if i["parent_id"] is not None:
            assert i["parent_id"] in seen
        seen.add(i["id"])
    assert {i["section"] for i in items} == set(range(1, 7))
    actions = {a["id"]: a for a in demo["action_item"]}
    for i in items:
        if i["action_item_id"] is not None:
            assert i["section"] == 3 and i["action_item_id"] in actions
    meetings = {m["id"]: m for m in demo["meeting"]}
    for i in items:
        held = meetings[i["meeting_id"]]["started_at"] is not None
        assert (i["resolution"] is not None) == held
    assert any(i["resolution"].startswith("ที่ประชุมมีมติเห็นชอบ") for i in items
               if i["resolution"])


def _db_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {m.__tablename__: conn.execute(
            f"SELECT count(*) FROM {m.__tablename__}").fetchone()[0] for m in DEMO_MODELS}


def test_build_demo_writes_a_demo_database(tmp_path):
    summary = build_demo(tmp_path, PROVINCE, "small", 2567)
    assert summary.counts == _db_counts(summary.path)
    assert summary.counts["attendance"] > 1000
    store = open_store(tmp_path)
    try:
        assert store.is_demo
        assert store.get_setting("province_code") == PROVINCE
        assert store.get_setting("demo_scale") == "small"
        assert store.get_setting("demo_seed") == 2567
        with store.read() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(ChangeSet)) == 0
            meetings = {m.id: m for m in s.scalars(sa.select(Meeting))}
        # Certified minutes name the meeting that certified them: the body's next one.
        certified = [m for m in meetings.values() if m.certified_on is not None]
        assert certified
        for m in certified:
            by = meetings[m.certified_in_meeting_id]
            assert by.previous_meeting_id == m.id and by.starts_at.date() == m.certified_on
            assert m.starts_at.tzinfo is not None
        # A demo is a sandbox: what a person does in it stays local.
        with store.action("แก้ไขชื่อชุมชน") as s:
            community = s.scalar(sa.select(Community).limit(1))
            community.notes = "ทดลอง"
        with store.read() as s:
            statuses = set(s.scalars(sa.select(ChangeSet.status)))
        assert statuses == {ChangeSetStatus.LOCAL}
    finally:
        store.close()
    # Building again over a demo replaces it without asking.
    again = build_demo(tmp_path, PROVINCE, "small", 7)
    assert _db_counts(again.path) == again.counts


def test_build_demo_refuses_a_real_database_and_loses_nothing(tmp_path):
    store = open_store(tmp_path)
    try:
        with store.action("เพิ่มชุมชน") as s:
            s.add(Community(name="ชุมชนจริง", province_code=PROVINCE))
    finally:
        store.close()
    db = tmp_path / "codi.sqlite3"
    with pytest.raises(DemoRefused) as info:
        build_demo(tmp_path, PROVINCE, "small")
    assert "--force" in info.value.message("en") and "--force" in info.value.message("th")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT name FROM community").fetchall() == [("ชุมชนจริง",)]
        assert conn.execute("SELECT status FROM change_set").fetchall() == [("pending",)]
        assert conn.execute("SELECT count(*) FROM local_setting WHERE key='demo'").fetchone() == (0,)
    summary = build_demo(tmp_path, PROVINCE, "small", force=True)
    assert summary.backup is not None and summary.backup.exists()
    with sqlite3.connect(summary.backup) as conn:
        assert conn.execute("SELECT name FROM community").fetchall() == [("ชุมชนจริง",)]
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT count(*) FROM community WHERE name='ชุมชนจริง'").fetchone() == (0,)


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "codi_desktop", "demo", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_builds_the_demo_and_prints_the_counts(tmp_path):
    done = _run_cli("--data-dir", str(tmp_path), "--scale", "small")
    assert done.returncode == 0, done.stderr
    printed = {m.group(1): int(m.group(2).replace(",", ""))
               for m in re.finditer(r"^(\w+)\s+([\d,]+)$", done.stdout, re.MULTILINE)}
    counts = _db_counts(tmp_path / "codi.sqlite3")
    assert printed.pop("total") == sum(counts.values())
    assert printed == counts


def test_cli_explains_an_unknown_province(tmp_path):
    done = _run_cli("--data-dir", str(tmp_path), "--province", "99")
    assert done.returncode == 2
    assert "99" in done.stderr and "34 อุบลราชธานี" in done.stderr
    assert not (tmp_path / "codi.sqlite3").exists()
