"""Every write through a service becomes exactly one change set; a failed one, none."""

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError, ValidationFailed
from codi_core.models import (
    Change,
    ChangeOp,
    ChangeSet,
    ChangeSetStatus,
    Community,
    LedgerEntry,
    Person,
)
from codi_core.reference import reference_id
from codi_desktop.services import communities, ledger, organizations, people, projects
from codi_desktop.store.capture import UncapturedWriteError

BAAN_MANKONG = reference_id("program", "baan_mankong")
TODAY = dt.date(2026, 11, 25)


def change_sets(store):
    with store.read() as s:
        sets = s.scalars(sa.select(ChangeSet).order_by(ChangeSet.device_seq)).all()
        return [(cs, list(cs.changes)) for cs in sets]


def snapshot(store):
    """Every synced row's content, for 'nothing changed' checks."""
    with store.engine.connect() as conn:
        out = {}
        for table in ("community", "organization", "person", "membership", "project",
                      "indicator", "ledger_entry", "change_set", "change"):
            out[table] = conn.execute(sa.text(f"select * from {table} order by 1")).all()
        return out


def make_project(store, code="P-001", approved=None):
    pid = projects.create_project(
        store,
        projects.ProjectData(code=code, name="โครงการบ้านมั่นคงชุมชนริมมูล",
                             program_id=BAAN_MANKONG, fiscal_year=2570,
                             subdistrict_id="340101"),
    )
    if approved:
        ledger.record_approval(store, project_id=pid, amount_satang=approved, entry_date=TODAY)
    return pid


# Each public write path, driven once; the test checks the outbox it leaves.
def w_create_community(store):
    return communities.create_community(
        store, communities.CommunityData(name="ชุมชนบ้านท่าบ่อ", subdistrict_id="340101",
                                         moo=3, households=120, population=480))


def w_update_community(store):
    cid = w_create_community(store)
    data = communities.get_community(store, cid)
    data.households = 130
    communities.update_community(store, cid, data)


def w_delete_community(store):
    communities.delete_community(store, w_create_community(store))


def w_create_organization(store):
    return organizations.create_organization(
        store, organizations.OrganizationData(
            name="สภาองค์กรชุมชนตำบลในเมือง", kind="tambon_council", subdistrict_id="340101",
            registered_on=dt.date(2009, 3, 1),
            members_count=45))


def w_update_organization(store):
    oid = w_create_organization(store)
    data = organizations.get_organization(store, oid)
    data.members_count = 50
    organizations.update_organization(store, oid, data)


def w_delete_organization(store):
    organizations.delete_organization(store, w_create_organization(store))


def w_create_person(store):
    return people.create_person(
        store, people.PersonData(prefix="นาง", first_name="สมศรี", last_name="ใจดี",
                                 gender="female", phone="081-234-5678"))


def w_update_person(store):
    pid = w_create_person(store)
    data = people.get_person(store, pid)
    data.position = "ประธาน"
    people.update_person(store, pid, data)


def w_delete_person(store):
    people.delete_person(store, w_create_person(store))


def w_membership(store):
    pid, oid = w_create_person(store), w_create_organization(store)
    mid = people.add_membership(store, people.MembershipData(pid, oid, "chair",
                                                             from_on=dt.date(2025, 1, 1)))
    people.end_membership(store, mid, dt.date(2026, 1, 1))
    people.delete_membership(store, mid)


def w_project(store):
    pid = make_project(store)
    data = projects.get_project(store, pid)
    data.status = "approved"
    projects.update_project(store, pid, data)
    projects.save_indicator(store, projects.IndicatorData(pid, "บ้านที่สร้างเสร็จ", "หลัง", 40, 0))
    projects.delete_project(store, pid)


def w_ledger(store):
    ledger.record_allocation(store, program_id=BAAN_MANKONG, fiscal_year=2570,
                             amount_satang=500_000_00, entry_date=TODAY)
    pid = make_project(store, approved=100_000_00)
    d = ledger.record_disbursement(store, project_id=pid, amount_satang=40_000_00,
                                   entry_date=TODAY, tranche_no=1)
    ledger.record_expenditure(store, project_id=pid, amount_satang=30_000_00, entry_date=TODAY)
    ledger.record_refund(store, project_id=pid, amount_satang=5_000_00, entry_date=TODAY)
    ledger.record_reversal(store, entry_id=d, entry_date=TODAY)


WRITE_PATHS = [w_create_community, w_update_community, w_delete_community,
               w_create_organization, w_update_organization, w_delete_organization,
               w_create_person, w_update_person, w_delete_person, w_membership, w_project,
               w_ledger]


@pytest.mark.parametrize("write", WRITE_PATHS, ids=lambda f: f.__name__[2:])
def test_each_action_commits_exactly_one_change_set(store, write):
    write(store)
    sets = change_sets(store)
    assert sets, "the action left nothing in the outbox"
    assert [cs.device_seq for cs, _ in sets] == list(range(1, len(sets) + 1))
    for cs, changes in sets:
        assert changes, f"change set {cs.summary!r} is empty"
        assert cs.status is ChangeSetStatus.PENDING
        assert cs.author == "local"
    # Every change names a row that is really there, with the values the change carries.
    with store.engine.connect() as conn:
        for _cs, changes in sets:
            for ch in changes:
                assert ch.table_name in ("community", "organization", "person", "membership",
                                         "project", "indicator", "ledger_entry")
                row = conn.execute(
                    sa.text(f"select * from {ch.table_name} where id = :id"), {"id": ch.row_id}
                ).mappings().one()
                if ch.op is ChangeOp.INSERT:
                    assert ch.fields["province_code"] == "34" == row["province_code"]
                    assert ch.base_seq is None
                if ch.op is ChangeOp.DELETE:
                    assert row["deleted_at"] is not None


def test_insert_change_carries_every_field(store):
    cid = w_create_community(store)
    (cs, [change]), = change_sets(store)
    assert (change.table_name, change.row_id, change.op) == ("community", cid, ChangeOp.INSERT)
    f = change.fields
    assert (f["name"], f["moo"], f["households"], f["population"]) == ("ชุมชนบ้านท่าบ่อ", 3, 120, 480)
    assert f["district_id"] == "3401" and f["kind"] == "village" and f["deleted_at"] is None
    assert f["created_at"].endswith("Z")
    assert cs.summary == "ลงทะเบียนชุมชน ชุมชนบ้านท่าบ่อ"


def test_update_change_carries_only_changed_fields_and_base_seq(store):
    cid = w_create_community(store)
    with store.sessions.begin() as s:  # as if the server had acknowledged it at seq 41
        s.info["capture"] = False
        s.get(Community, cid).seq = 41
    data = communities.get_community(store, cid)
    data.households, data.leader_name = 150, "นายบุญมี ศรีสุข"
    communities.update_community(store, cid, data)
    _, [change] = change_sets(store)[-1]
    assert change.op is ChangeOp.UPDATE and change.base_seq == 41
    assert change.fields == {"households": 150, "leader_name": "นายบุญมี ศรีสุข"}
    assert change.old_fields == {"households": 120, "leader_name": None}


def test_saving_unchanged_form_queues_nothing(store):
    cid = w_create_community(store)
    communities.update_community(store, cid, communities.get_community(store, cid))
    assert len(change_sets(store)) == 1


def test_delete_is_a_tombstone_change(store):
    cid = w_create_community(store)
    communities.delete_community(store, cid)
    _, [change] = change_sets(store)[-1]
    assert change.op is ChangeOp.DELETE and change.fields == {}
    with store.read() as s:
        assert s.get(Community, cid).deleted_at is not None
    with pytest.raises(ServiceError) as err:
        communities.get_community(store, cid)
    assert err.value.message("th") == "ชุมชนนี้ถูกลบไปแล้ว"


def test_failed_write_changes_nothing_and_queues_nothing(store):
    w_create_community(store)
    before = snapshot(store)
    bad = communities.CommunityData(name="   ", subdistrict_id="500101", households=-3)
    with pytest.raises(ValidationFailed) as err:
        communities.create_community(store, bad)
    assert set(err.value.errors) == {"name", "households", "subdistrict_id"}
    assert err.value.errors["name"].message("th") == "กรุณากรอกชื่อ"
    assert err.value.errors["households"].message("en") == "Households must not be negative"
    assert err.value.errors["subdistrict_id"].code == "outside_province"
    assert snapshot(store) == before


def test_a_membership_is_refused_with_every_reason_at_once(store):
    """No organization AND dates in the wrong order: both reasons, nothing written."""
    pid = w_create_person(store)
    before = snapshot(store)
    bad = people.MembershipData(pid, None, "chair", from_on=dt.date(2026, 1, 1),
                                to_on=dt.date(2025, 1, 1))
    with pytest.raises(ValidationFailed) as err:
        people.add_membership(store, bad)
    assert set(err.value.errors) == {"organization_id", "to_on"}
    assert err.value.errors["organization_id"].code == "required"
    assert err.value.errors["to_on"].code == "date_order"
    assert snapshot(store) == before


def test_error_inside_an_action_rolls_back_rows_and_change_set(store):
    before = snapshot(store)
    with pytest.raises(RuntimeError), store.action("half-done") as s:
        s.add(Person(province_code="34", first_name="ก"))
        s.flush()
        raise RuntimeError("power cut")
    assert snapshot(store) == before


def test_write_outside_an_action_is_refused(store):
    with pytest.raises(UncapturedWriteError), store.sessions.begin() as s:
        s.add(Person(province_code="34", first_name="ข"))
    assert change_sets(store) == []
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Person)) == 0


def test_hard_delete_is_refused(store):
    cid = w_create_community(store)
    with pytest.raises(UncapturedWriteError), store.action("delete") as s:
        s.delete(s.get(Community, cid))
    with store.read() as s:
        assert s.get(Community, cid).deleted_at is None


def test_demo_database_queues_local_change_sets(store):
    store.set_setting("demo", True)
    w_create_community(store)
    (cs, _), = change_sets(store)
    assert cs.status is ChangeSetStatus.LOCAL


def test_ledger_entries_cannot_be_edited(store):
    pid = make_project(store, approved=10_000_00)
    with pytest.raises(UncapturedWriteError, match="reversal"), store.action("edit") as s:
        entry = s.scalars(sa.select(LedgerEntry).where(LedgerEntry.project_id == pid)).one()
        entry.amount_satang = 1
    assert ledger.get_project_balance(store, pid).approved == 10_000_00


def test_change_rows_link_to_their_set(store):
    w_project(store)
    with store.read() as s:
        orphans = s.scalar(
            sa.select(sa.func.count()).select_from(Change).where(Change.change_set_id.is_(None)))
        assert orphans == 0
