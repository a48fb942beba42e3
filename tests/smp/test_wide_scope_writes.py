"""Writing on a wide account (a cluster laptop holding two provinces): editing an existing
record works whatever the province selector shows, because the record's own province is
known; only a NEW record with "all provinces" selected asks which province. Every row
here is this test's own, in a fresh database."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Assessment,
    Attendance,
    Community,
    LedgerEntry,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
    Person,
    Project,
    Subdistrict,
)
from codi_core.reference import reference_id
from codi_desktop.services import (
    assemblies,
    communities,
    ledger,
    meetings,
    organizations,
    people,
    projects,
    scope,
)
from codi_desktop.store.database import open_store

FY = 2569
PROGRAM = reference_id("program", "leadership")


@pytest.fixture
def wide(tmp_path):
    """A cluster laptop's database: provinces 34 and 35, one record of each kind in each."""
    store = open_store(tmp_path / "cluster")
    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", ["34", "35"])
    ids: dict[str, dict[str, str]] = {}
    for code in ("34", "35"):
        with store.action(f"ข้อมูลจังหวัด {code}") as s:
            rows = {
                "community": Community(province_code=code, name=f"ชุมชน {code}", households=20),
                "organization": Organization(province_code=code, name=f"องค์กร {code}",
                                             kind="community_org"),
                "person": Person(province_code=code, first_name=f"สมศรี{code}", last_name="ดี"),
                "project": Project(province_code=code, code=f"P-{code}", name=f"โครงการ {code}",
                                   program_id=PROGRAM, fiscal_year=FY),
            }
            s.add_all(rows.values())
            s.flush()
            ids[code] = {k: v.id for k, v in rows.items()}
    yield store, ids
    store.close()


def tambon(store, province: str) -> str:
    with store.read() as s:
        return s.scalar(sa.select(Subdistrict.id).where(Subdistrict.province_id == province)
                        .order_by(Subdistrict.id).limit(1))


def province_of(store, model, row_id: str) -> str:
    with store.read() as s:
        return s.get(model, row_id).province_code


@pytest.mark.parametrize("shown", [None, "34", "35"])
def test_an_existing_record_is_edited_in_its_own_province_whatever_the_selector_shows(
        wide, shown):
    store, ids = wide
    scope.set_working_province(store, shown)
    t35 = tambon(store, "35")

    data = communities.get_community(store, ids["35"]["community"])
    data.subdistrict_id, data.households = t35, 42
    communities.update_community(store, ids["35"]["community"], data)
    with store.read() as s:
        row = s.get(Community, ids["35"]["community"])
        assert (row.province_code, row.subdistrict_id, row.households) == ("35", t35, 42)
        assert row.district_id == s.get(Subdistrict, t35).district_id

    org = organizations.get_organization(store, ids["35"]["organization"])
    org.community_id, org.subdistrict_id = ids["35"]["community"], t35
    organizations.update_organization(store, ids["35"]["organization"], org)
    assert province_of(store, Organization, ids["35"]["organization"]) == "35"

    person = people.get_person(store, ids["35"]["person"])
    person.community_id = ids["35"]["community"]
    people.update_person(store, ids["35"]["person"], person)

    project = projects.get_project(store, ids["35"]["project"])
    project.organization_id, project.subdistrict_id = ids["35"]["organization"], t35
    projects.update_project(store, ids["35"]["project"], project)
    with store.read() as s:
        p = s.get(Project, ids["35"]["project"])
        assert (p.province_code, p.organization_id) == ("35", ids["35"]["organization"])

    mid = people.add_membership(store, people.MembershipData(
        person_id=ids["35"]["person"], organization_id=ids["35"]["organization"]))
    assert province_of(store, Membership, mid) == "35"


def test_an_edit_still_links_only_to_its_own_provinces_records(wide):
    store, ids = wide
    scope.set_working_province(store, "34")  # the selector shows the OTHER province
    data = communities.get_community(store, ids["35"]["community"])
    data.subdistrict_id = tambon(store, "34")
    with pytest.raises(ServiceError) as err:
        communities.update_community(store, ids["35"]["community"], data)
    assert err.value.code == "outside_province"
    project = projects.get_project(store, ids["35"]["project"])
    project.organization_id = ids["34"]["organization"]
    with pytest.raises(ServiceError):
        projects.update_project(store, ids["35"]["project"], project)
    with store.read() as s:
        assert s.get(Community, ids["35"]["community"]).subdistrict_id is None
        assert s.get(Project, ids["35"]["project"]).organization_id is None


def test_a_project_code_is_unique_within_the_projects_own_province(wide):
    store, ids = wide
    scope.set_working_province(store, None)
    with store.action("อีกโครงการ") as s:
        other = Project(province_code="35", code="P-X", name="อีก", program_id=PROGRAM,
                        fiscal_year=FY)
        s.add(other)
        s.flush()
        other_id = other.id
    project = projects.get_project(store, other_id)
    project.code = "P-35"  # taken in its own province
    with pytest.raises(ServiceError) as err:
        projects.update_project(store, other_id, project)
    assert err.value.code == "duplicate_code"
    project.code = "P-34"  # another province's code: free here
    projects.update_project(store, other_id, project)
    with store.read() as s:
        assert s.get(Project, other_id).code == "P-34"


def test_only_a_new_record_with_all_provinces_shown_asks_which_province(wide):
    store, ids = wide
    scope.set_working_province(store, None)
    with pytest.raises(ServiceError) as err:
        communities.create_community(store, communities.CommunityData(name="ชุมชนใหม่"))
    assert err.value.code == "choose_province"
    scope.set_working_province(store, "35")
    cid = communities.create_community(store, communities.CommunityData(name="ชุมชนใหม่"))
    assert province_of(store, Community, cid) == "35"


def test_ledger_entries_of_a_project_go_to_the_projects_province(wide):
    store, ids = wide
    scope.set_working_province(store, "35")
    ledger.record_allocation(store, program_id=PROGRAM, fiscal_year=FY,
                             amount_satang=10_000_000, entry_date=dt.date(2026, 1, 5))
    scope.set_working_province(store, None)
    entry = ledger.record_approval(store, project_id=ids["35"]["project"],
                                   amount_satang=2_000_000, entry_date=dt.date(2026, 1, 6))
    assert province_of(store, LedgerEntry, entry) == "35"
    with pytest.raises(ServiceError) as err:  # a province-wide allocation needs one
        ledger.record_allocation(store, program_id=PROGRAM, fiscal_year=FY,
                                 amount_satang=1_000, entry_date=dt.date(2026, 1, 7))
    assert err.value.code == "choose_province"


def test_a_record_outside_the_accounts_scope_is_refused(wide):
    store, ids = wide
    with store.action("ข้อมูลจังหวัดอื่น") as s:
        stray = Community(province_code="36", name="ชุมชนนอกขอบเขต")
        s.add(stray)
        s.flush()
        stray_id = stray.id
    data = communities.get_community(store, stray_id)
    data.households = 5
    with pytest.raises(ServiceError) as err:
        communities.update_community(store, stray_id, data)
    assert err.value.code == "not_in_scope"


def test_an_existing_meetings_writes_go_to_the_meetings_own_province(wide):
    """Issue #11: with "all provinces" shown, editing a meeting, a walk-in, a registration
    list and the assembly's criterion-10 evidence all go to the meeting's province; only
    planning a NEW meeting asks which province."""
    store, ids = wide
    scope.set_working_province(store, "35")
    starts = dt.datetime(2026, 1, 20, 9, 0, tzinfo=dt.UTC)
    mid = meetings.plan_meeting(store, meetings.MeetingPlan(
        kind="provincial_assembly", starts_at=starts, place="ศาลากลาง 35"))
    scope.set_working_province(store, None)

    with pytest.raises(ServiceError) as err:
        meetings.plan_meeting(store, meetings.MeetingPlan(
            kind="provincial_assembly", starts_at=starts, place="ที่ไหน"))
    assert err.value.code == "choose_province"

    meetings.update_meeting(store, mid, meetings.MeetingPlan(
        kind="provincial_assembly", starts_at=starts, place="หอประชุมใหม่"))
    t35 = tambon(store, "35")
    walk_in = meetings.record_walk_in(store, mid, meetings.WalkInData(
        first_name="มานี", last_name="มีนา", subdistrict_id=t35))
    result = assemblies.register_participants(store, mid, [
        assemblies.ParticipantData(name="นายสมชาย ใจดี", organization_name="องค์กร 35"),
        assemblies.ParticipantData(name="นางสาวสมใจ รักดี")])
    assert (result.added, result.skipped) == (2, 0)
    with store.action("ประชุมแล้ว") as s:
        s.get(Meeting, mid).status = MeetingStatus.HELD
    assemblies.record_assembly_evidence(store, mid, level=3)

    with store.read() as s:
        meeting = s.get(Meeting, mid)
        assert (meeting.province_code, meeting.place) == ("35", "หอประชุมใหม่")
        rows = s.execute(sa.select(Attendance.province_code, Attendance.person_name,
                                   Attendance.organization_id)
                         .where(Attendance.meeting_id == mid)).all()
        assert sorted(rows, key=str) == sorted([
            ("35", "นายสมชาย ใจดี", ids["35"]["organization"]),
            ("35", "นางสาวสมใจ รักดี", None), ("35", "มานี มีนา", None)], key=str)
        person_id = s.get(Attendance, walk_in).person_id
        assert s.get(Person, person_id).province_code == "35"
        assessments = s.scalars(sa.select(Assessment.province_code)).all()
        assert assessments == ["35"]


# -- spreadsheets on a wide account ---------------------------------------------------


def _sheet(path, header, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


@pytest.mark.parametrize("shown", [None, "34"])
def test_participants_are_imported_into_a_meeting_in_its_own_province(wide, tmp_path, shown):
    """The meeting is in 35 (Yasothon); the selector shows all provinces or the other
    one. ในเมือง is a tambon of both provinces: 350101 in Yasothon, 340101 in Ubon."""
    store, _ids = wide
    scope.set_working_province(store, "35")
    meeting = meetings.plan_meeting(store, meetings.MeetingPlan(
        kind="provincial_assembly", place="หอประชุมจังหวัดยโสธร",
        starts_at=dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.UTC)))
    scope.set_working_province(store, shown)
    path = _sheet(tmp_path / "participants.xlsx", ("ชื่อ-สกุล", "ตำบล", "อำเภอ"), [
        ("นางบัวผัน แก้วกล้า", "ในเมือง", "เมืองยโสธร"),
        ("นายทองดี มีสุข", "ในเมือง", None),
    ])
    result = assemblies.import_participants_xlsx(store, meeting, path)
    assert result.added == 2
    with store.read() as s:
        rows = s.scalars(sa.select(Attendance).where(Attendance.meeting_id == meeting)).all()
    assert sorted((a.person_name, a.subdistrict_id, a.province_code) for a in rows) == [
        ("นางบัวผัน แก้วกล้า", "350101", "35"), ("นายทองดี มีสุข", "350101", "35")]


def test_a_spreadsheet_of_new_communities_goes_to_the_province_the_page_shows(wide, tmp_path):
    from codi_desktop.importing.framework import commit, preview_file
    from codi_desktop.importing.kinds import IMPORTERS

    store, _ids = wide
    path = _sheet(tmp_path / "communities.xlsx", ("ชื่อชุมชน", "ตำบล", "จำนวนครัวเรือน"), [
        ("ชุมชนบ้านสร้างมิ่ง", "ในเมือง", 35),
    ])
    scope.set_working_province(store, None)  # every province shown: which one is it for?
    with pytest.raises(ServiceError) as err:
        preview_file(store, IMPORTERS["communities"], path)
    assert err.value.code == "choose_province"
    assert "เลือกจังหวัด" in err.value.message("th")

    scope.set_working_province(store, "35")
    preview = preview_file(store, IMPORTERS["communities"], path)
    assert preview.ok, preview.problems()
    assert ("นำเข้าไปยังจังหวัดยโสธร", "rows go to Yasothon province") in preview.notes
    commit(store, preview)
    with store.read() as s:
        row = s.scalars(sa.select(Community).where(Community.name == "ชุมชนบ้านสร้างมิ่ง")).one()
    assert (row.province_code, row.subdistrict_id, row.households) == ("35", "350101", 35)

    with pytest.raises(ServiceError) as err:  # a province outside the account's scope
        preview_file(store, IMPORTERS["communities"], path, province="10")
    assert err.value.code == "not_in_scope"
