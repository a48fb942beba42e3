"""Provincial assemblies: bulk registration, Excel import (all rows or none), attendance
statistics, adopted proposals and the criterion-10 evidence."""

import datetime as dt

import openpyxl
import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Attendance,
    ChangeSet,
    CriterionScore,
    Organization,
    PlanProposal,
)
from codi_core.reference import reference_id
from codi_desktop.services import assemblies, meetings
from codi_desktop.services.assemblies import ImportFailed, ParticipantData

BKK = dt.timezone(dt.timedelta(hours=7))
NOV = dt.datetime(2026, 11, 20, 8, 30, tzinfo=BKK)  # fiscal year 2570


@pytest.fixture
def assembly(store):
    with store.action("test set-up") as s:
        s.add_all([
            Organization(province_code="34", kind="tambon_council",
                         name="สภาองค์กรชุมชนตำบลหัวเรือ", subdistrict_id="340104"),
            Organization(province_code="34", kind="welfare_fund",
                         name="กองทุนสวัสดิการชุมชนตำบลในเมือง", subdistrict_id="340101"),
        ])
    return meetings.plan_meeting(store, meetings.MeetingPlan(
        kind="provincial_assembly", starts_at=NOV, place="หอประชุมจังหวัด"))


def count_sets(store):
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


def attendance_count(store, mid):
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(Attendance).where(
            Attendance.meeting_id == mid))


def xlsx(path, rows, header=("ลำดับ", "ชื่อ-สกุล", "องค์กร/หน่วยงาน", "ตำบล", "อำเภอ", "เพศ")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รายชื่อผู้เข้าร่วมสมัชชาจังหวัดอุบลราชธานี"])  # a title above the header
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_bulk_registration_is_one_action_and_skips_repeats(store, assembly):
    rows = [ParticipantData(name=f"นาง ทดสอบ{i}", organization_name="สภาองค์กรชุมชนตำบลหัวเรือ",
                            subdistrict_id="340104") for i in range(120)]
    before = count_sets(store)
    result = assemblies.register_participants(store, assembly, rows)
    assert (result.added, result.skipped) == (120, 0)
    assert count_sets(store) == before + 1
    again = assemblies.register_participants(store, assembly, rows[:10] + [
        ParticipantData(name="นายใหม่ มาเพิ่ม")])
    assert (again.added, again.skipped) == (1, 10)
    with store.read() as s:
        linked = s.scalar(sa.select(sa.func.count()).select_from(Attendance).where(
            Attendance.organization_id.is_not(None)))
    assert linked == 120  # matched to the organization by name
    bad = [ParticipantData(name="ก"), ParticipantData(name="  "), ParticipantData(name="ข",
                                                                                 gender="x")]
    with pytest.raises(ImportFailed) as err:
        assemblies.register_participants(store, assembly, bad)
    assert err.value.message().startswith("นำเข้าไม่ได้ มีข้อมูลไม่ถูกต้องในแถวที่ 2, 3")
    assert attendance_count(store, assembly) == 121


def test_statistics_by_kind_district_tambon_gender(store, assembly):
    rows = (
        [ParticipantData(name=f"นาย ก{i}", organization_name="สภาองค์กรชุมชนตำบลหัวเรือ",
                         subdistrict_id="340104") for i in range(5)]
        + [ParticipantData(name=f"นาง ข{i}", organization_name="กองทุนสวัสดิการชุมชนตำบลในเมือง",
                           subdistrict_id="340101") for i in range(3)]
        + [ParticipantData(name=f"ค{i}", organization_name="เทศบาลตำบลเขื่องใน",
                           subdistrict_id="340401", gender="female") for i in range(2)]
        + [ParticipantData(name="ง", status="absent")]
    )
    assemblies.register_participants(store, assembly, rows)
    stats = assemblies.attendance_statistics(store, assembly)
    assert (stats.total, stats.absent) == (10, 1)
    assert [(s.name_th, s.count) for s in stats.by_organization_kind] == [
        ("สภาองค์กรชุมชนตำบล", 5), ("กองทุนสวัสดิการชุมชน", 3), ("ไม่ระบุ", 2)]
    assert [(s.key, s.name_th, s.count) for s in stats.by_district] == [
        ("3401", "เมืองอุบลราชธานี", 8), ("3404", "เขื่องใน", 2)]
    assert [(s.name_th, s.count) for s in stats.by_subdistrict] == [
        ("หัวเรือ", 5), ("ในเมือง", 3), ("เขื่องใน", 2)]
    assert [(s.key, s.count) for s in stats.by_gender] == [("male", 5), ("female", 5)]
    assert {s.key: s.count for s in stats.by_status} == {"present": 10, "absent": 1}


def test_import_good_excel_with_thai_headers(store, assembly, tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", [
        (1, "นายสมหมาย ใจดี", "สภาองค์กรชุมชนตำบลหัวเรือ", "หัวเรือ", "เมืองอุบลราชธานี", "ชาย"),
        (2, "นางสาวบัวผัน แก้วกล้า", "เครือข่ายบ้านมั่นคง", "ต.ในเมือง", None, None),
        (None, None, None, None, None, None),  # blank lines are skipped
        (3, "นางคำปุน ศรีสุข", None, "ขี้เหล็ก", "อ.เมืองอุบลราชธานี", "หญิง"),
        (4, "Somchai K.", "ภาคีเครือข่าย", None, None, "M"),
    ])
    before = count_sets(store)
    result = assemblies.import_participants_xlsx(store, assembly, path)
    assert result.added == 4 and count_sets(store) == before + 1
    rows = {a.person_name: a for a in meetings.get_meeting(store, assembly).attendance}
    assert (rows["นายสมหมาย ใจดี"].subdistrict_id, rows["นายสมหมาย ใจดี"].gender) == (
        "340104", "male")
    assert rows["นายสมหมาย ใจดี"].organization_id is not None
    assert (rows["นางสาวบัวผัน แก้วกล้า"].subdistrict_id,
            rows["นางสาวบัวผัน แก้วกล้า"].gender) == ("340101", "female")  # from the prefix
    assert rows["นางคำปุน ศรีสุข"].subdistrict_id == "340119"
    assert rows["Somchai K."].gender == "male"


def test_import_separate_name_columns(store, assembly, tmp_path):
    path = xlsx(tmp_path / "split.xlsx", [("นาย", "ทองดี", "มีสุข", "หน่วยงานภาคี", "ชาย")],
                header=("คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน", "เพศ"))
    assemblies.import_participants_xlsx(store, assembly, path)
    (row,) = meetings.get_meeting(store, assembly).attendance
    assert (row.person_name, row.organization_name) == ("นายทองดี มีสุข", "หน่วยงานภาคี")


def test_import_bad_rows_lists_row_numbers_and_imports_nothing(store, assembly, tmp_path):
    path = xlsx(tmp_path / "bad.xlsx", [
        (1, "นายสมหมาย ใจดี", "สภาองค์กรชุมชนตำบลหัวเรือ", "หัวเรือ", None, "ชาย"),
        (2, None, "เครือข่าย", "ในเมือง", None, None),
        (3, "นางบัว ใจงาม", None, "ไม่มีตำบลนี้", None, None),
        (4, "นางคำ ดีใจ", None, "ขี้เหล็ก", None, None),  # two districts have one
        (5, "นายดำ ขำ", None, None, None, "ไม่รู้"),
    ])
    before = count_sets(store)
    with pytest.raises(ImportFailed) as err:
        assemblies.import_participants_xlsx(store, assembly, path)
    assert [r for r, _, _ in err.value.problems] == [4, 5, 6, 7]
    th = err.value.message("th")
    assert th.startswith("นำเข้าไม่ได้ มีข้อมูลไม่ถูกต้องในแถวที่ 4, 5, 6, 7 (ยังไม่ได้นำเข้าข้อมูลใด ๆ)")
    assert "แถวที่ 4: ไม่มีชื่อ" in th
    assert "แถวที่ 5: ไม่พบตำบล 'ไม่มีตำบลนี้' ในจังหวัดนี้" in th
    assert "แถวที่ 6: ตำบล 'ขี้เหล็ก' มีอยู่ 2 แห่ง" in th and "กรุณาเพิ่มคอลัมน์อำเภอ" in th
    assert "row 7: unknown gender" in err.value.message("en")
    assert count_sets(store) == before and attendance_count(store, assembly) == 0


def test_import_corrupt_or_headerless_file_is_a_clear_message(store, assembly, tmp_path):
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a workbook" * 20)
    with pytest.raises(ServiceError) as err:
        assemblies.import_participants_xlsx(store, assembly, corrupt)
    assert err.value.code == "import_unreadable"
    assert err.value.message().startswith("เปิดไฟล์ Excel ไม่ได้")
    missing = tmp_path / "nope.xlsx"
    with pytest.raises(ServiceError, match="cannot be read"):
        assemblies.import_participants_xlsx(store, assembly, missing)
    truncated = tmp_path / "truncated.xlsx"
    good = xlsx(tmp_path / "g.xlsx", [(1, "นายก ข", None, None, None, None)])
    truncated.write_bytes(good.read_bytes()[:400])
    with pytest.raises(ServiceError) as err:
        assemblies.import_participants_xlsx(store, assembly, truncated)
    assert err.value.code == "import_unreadable"
    headerless = xlsx(tmp_path / "nohead.xlsx", [(1, 2, 3)], header=("a", "b", "c"))
    with pytest.raises(ServiceError) as err:
        assemblies.import_participants_xlsx(store, assembly, headerless)
    assert err.value.code == "import_no_header"
    empty = xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(ServiceError) as err:
        assemblies.import_participants_xlsx(store, assembly, empty)
    assert err.value.message("en") == "The file lists no participants"
    assert attendance_count(store, assembly) == 0


def test_adopted_proposals_and_criterion_10_evidence(store, assembly):
    assemblies.register_participants(store, assembly, [
        ParticipantData(name=f"ผู้แทน{i}") for i in range(250)])
    with pytest.raises(ServiceError) as err:
        assemblies.adopt_proposals(store, assembly, [assemblies.ProposalData("แผน")])
    assert err.value.code == "evidence_not_held"
    meetings.record_times(store, assembly, started_at=NOV)
    ids = assemblies.adopt_proposals(store, assembly, [
        assemblies.ProposalData("แผนพัฒนาที่อยู่อาศัยจังหวัดอุบลราชธานี"),
        assemblies.ProposalData("ข้อเสนอเรื่องที่ดินสาธารณะ", kind="policy_proposal")])
    assert len(ids) == 2
    proposals = assemblies.list_proposals(store, assembly)
    assert [(p.status, p.fiscal_year, p.kind) for p in proposals] == [
        ("adopted", 2570, "development_plan"), ("adopted", 2570, "policy_proposal")]
    before = count_sets(store)
    score_id = assemblies.record_assembly_evidence(store, assembly, level=3)
    assert count_sets(store) == before + 1
    with store.read() as s:
        score = s.get(CriterionScore, score_id)
        assert score.criterion_id == reference_id("criterion", "10")
        assert score.meeting_id == assembly and score.level == 3
        assert "ผู้เข้าร่วม 250 คน ข้อเสนอที่รับรอง 2 เรื่อง" in score.evidence
        assert s.scalar(sa.select(sa.func.count()).select_from(PlanProposal)) == 2
    # recording again updates the same score in the same assessment
    assert assemblies.record_assembly_evidence(store, assembly) == score_id
    committee = meetings.plan_meeting(store, meetings.MeetingPlan(kind="cluster", starts_at=NOV,
                                                                   place="ศาลากลาง"))
    meetings.record_times(store, committee, started_at=NOV)
    with pytest.raises(ServiceError, match="provincial assembly"):
        assemblies.record_assembly_evidence(store, committee)
