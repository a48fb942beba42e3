"""The assembly's participant import, now on the framework: the issue's three bugs."""

import datetime as dt

import openpyxl
import pytest

from codi_desktop.services import assemblies, meetings

BKK = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def assembly(store):
    return meetings.plan_meeting(store, meetings.MeetingPlan(
        kind="provincial_assembly", starts_at=dt.datetime(2026, 11, 20, 8, 30, tzinfo=BKK),
        place="หอประชุมจังหวัด"))


def test_blank_rows_merged_organizations_and_prefixes(store, assembly, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["คำนำหน้า", "ชื่อ", "นามสกุล", "องค์กร"])
    ws.append(["นาง", "นางนวล", "สุขใจ", "เครือข่ายทดสอบ"])
    ws.append(["นาย", "นายิกา", "ทองมา", None])
    ws.append(["นาง", "บัว", "ดีงาม", None])
    ws.append([])  # row 5 blank
    ws.append(["นาย", None, None, "ภาคีทดสอบ"])  # row 6: no name
    ws.merge_cells("D2:D4")
    path = tmp_path / "p.xlsx"
    book.save(path)
    with pytest.raises(assemblies.ImportFailed) as err:
        assemblies.import_participants_xlsx(store, assembly, path)
    assert [r for r, _, _ in err.value.problems] == [6]  # not 5: the blank row counts
    ws.delete_rows(5, 2)
    book.save(path)
    assert assemblies.import_participants_xlsx(store, assembly, path).added == 3
    rows = {a.person_name: a for a in meetings.get_meeting(store, assembly).attendance}
    assert set(rows) == {"นางนางนวล สุขใจ", "นายนายิกา ทองมา", "นางบัว ดีงาม"}
    assert {a.organization_name for a in rows.values()} == {"เครือข่ายทดสอบ"}


def test_a_csv_list_is_read_not_refused(store, assembly, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes("ชื่อ-สกุล,ตำบล,เพศ\nนายสมหมาย ใจดี,หัวเรือ,ชาย\n".encode("cp874"))
    assert assemblies.import_participants_xlsx(store, assembly, path).added == 1
    (row,) = meetings.get_meeting(store, assembly).attendance
    assert (row.person_name, row.subdistrict_id, row.gender) == ("นายสมหมาย ใจดี", "340104",
                                                                  "male")
