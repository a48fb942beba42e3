"""Importing spreadsheets: files made by LibreOffice (committed fixtures) and openpyxl;
all rows or none, true row numbers, encodings, merged cells, prefixes, duplicates,
dates in both eras, remembered mappings, and the command line."""

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.models import Community, Membership, Organization, Person, Project
from codi_desktop.cli import main
from codi_desktop.importing import framework
from codi_desktop.importing.framework import ImportFailed, commit, preview_file
from codi_desktop.importing.kinds import IMPORTERS
from codi_desktop.services import communities, organizations

COMMUNITIES = IMPORTERS["communities"]
PEOPLE = IMPORTERS["people"]
ORGS = IMPORTERS["organizations"]
PROJECTS = IMPORTERS["projects"]


def test_200_rows_with_3_bad_imports_nothing_and_names_true_rows(store, fixtures, h):
    path = fixtures / "communities_200_lo.xlsx"
    preview = preview_file(store, COMMUNITIES, path)
    assert len(preview.rows) == 200 and preview.header_row == 2
    # Row 53 of the sheet is blank: rows after it keep the numbers LibreOffice shows.
    assert [r.row for r in preview.errors] == [43, 124, 181]
    by_row = {r.row: r for r in preview.rows}
    assert "หมู่ที่: 'สิบ' ไม่ใช่ตัวเลข" in by_row[43].message("th")
    assert "ไม่พบตำบล 'ไม่มีตำบลนี้'" in by_row[124].message("th")
    assert "ตำบล 'สำโรง' มีอยู่ 3 แห่ง" in by_row[181].message("th")
    assert "which subdistrict 'สำโรง'" in by_row[181].message("en")
    assert by_row[54].label == "ชุมชนทดสอบนำเข้า 051"
    # Thai digits (๑๒) and a formula (=F3*4) taken by the value LibreOffice calculated.
    assert (by_row[3].data.moo, by_row[3].data.population) == (12, 80)
    before = h.count_sets(store)
    with pytest.raises(ImportFailed) as err:
        commit(store, preview)
    assert [r for r, _, _ in err.value.problems] == [43, 124, 181]
    assert err.value.message().startswith("นำเข้าไม่ได้ มีข้อมูลไม่ถูกต้องในแถวที่ 43, 124, 181")
    assert "row 124:" in err.value.message("en")
    assert h.count(store, Community) == 0 and h.count_sets(store) == before


def test_cli_prints_the_report_and_writes_nothing_when_a_row_is_wrong(store, fixtures, h,
                                                                       capsys):
    data_dir = str(store.data_dir)
    code = main(["import", "communities", str(fixtures / "communities_200_lo.xlsx"),
                 "--data-dir", data_dir])
    out = capsys.readouterr().out
    assert code == 1
    assert "แถวที่ 43: [ผิดพลาด]" in out and "แถวที่ 181: [ผิดพลาด]" in out
    assert "ผิดพลาด 3" in out and h.count(store, Community) == 0
    good = fixtures / "communities_bom.csv"
    assert main(["import", "communities", str(good), "--dry-run", "--data-dir", data_dir]) == 0
    assert "ใหม่ 3" in capsys.readouterr().out and h.count(store, Community) == 0
    assert main(["--lang", "en", "import", "communities", str(good), "--data-dir",
                 data_dir]) == 0
    assert "Imported 3 new records" in capsys.readouterr().out
    assert h.count(store, Community) == 3


@pytest.mark.parametrize("name, encoding", [("communities_bom.csv", "UTF-8 with BOM"),
                                            ("communities_cp874.csv", "cp874")])
def test_bom_and_cp874_csv_import_correctly(store, fixtures, name, encoding):
    preview = preview_file(store, COMMUNITIES, fixtures / name)
    assert any(encoding in en for _, en in preview.notes), preview.notes
    assert preview.ok, preview.report("en")
    result = commit(store, preview)
    assert result.added == 3 and result.change_sets == 1
    with store.read() as s:
        rows = {c.name: c for c in s.scalars(sa.select(Community))}
    assert (rows["บ้านโนนงามทดสอบ"].subdistrict_id, rows["บ้านโนนงามทดสอบ"].moo) == ("340108", 5)
    assert (rows["บ้านดอนกลางทดสอบ"].subdistrict_id, rows["บ้านดอนกลางทดสอบ"].moo) == ("340101", 7)
    assert rows["ชุมชนริมมูลทดสอบ"].subdistrict_id == "340104"  # by DOPA code
    assert rows["บ้านโนนงามทดสอบ"].leader_name == "นางเพ็ญศรี ทองคำ"


def test_merged_cells_carry_the_organization_and_prefixes_are_kept(store, fixtures, h):
    names = ["กลุ่มออมทรัพย์ทดสอบ ก", "กองทุนสวัสดิการทดสอบ ข", "เครือข่ายทดสอบ ค"]
    kinds = ["savings_group", "welfare_fund", "network"]
    ids = [organizations.create_organization(store, organizations.OrganizationData(
        name=n, kind=k)) for n, k in zip(names, kinds, strict=True)]
    preview = preview_file(store, PEOPLE, fixtures / "people_merged_lo.xlsx")
    assert preview.ok, preview.report()
    assert preview.table.merged == 3
    commit(store, preview)
    with store.read() as s:
        people = {p.first_name: p for p in s.scalars(sa.select(Person))}
        members = s.execute(sa.select(Person.first_name, Membership.organization_id,
                                      Membership.role).join(
            Membership, Membership.person_id == Person.id)).all()
    assert len(people) == 9 and len(members) == 9
    org_of = {first: org for first, org, _ in members}
    assert [org_of[f] for f in ("นางนวล", "นายิกา", "สมศรี")] == [ids[0]] * 3
    assert [org_of[f] for f in ("สมชาย", "บัวผัน", "ทองดี")] == [ids[1]] * 3
    assert [org_of[f] for f in ("คำปุน", "ดำ", "นางฟ้า")] == [ids[2]] * 3
    assert (people["นางนวล"].prefix, people["นางนวล"].full_name) == ("นาง", "นางนางนวล สุขใจ")
    assert (people["นายิกา"].prefix, people["นายิกา"].last_name) == ("นาย", "ทองมา")
    assert people["นางฟ้า"].prefix == "นางสาว" and people["นางฟ้า"].gender.value == "female"
    assert {r.value for _, _, r in members} == {"chair", "member"}


def test_duplicates_in_the_file_and_against_the_database(store, tmp_path, h):
    communities.create_community(store, communities.CommunityData(
        name="บ้านหนองบัว", subdistrict_id="340104", moo=3))
    path = h.write_xlsx(tmp_path / "d.xlsx", [
        ("ชื่อชุมชน", "หมู่", "ตำบล"),
        ("บ้านหนองบัว", 3, "หัวเรือ"),        # row 2: already in the database
        ("บ้านใหม่", 1, "ในเมือง"),           # row 3: new
        ("บ้าน  ใหม่", "๑", "ต.ในเมือง"),      # row 4: the same as row 3
        ("บ้านใหม่", 2, "ในเมือง"),           # row 5: another village: new
    ])
    preview = preview_file(store, COMMUNITIES, path)
    assert [(r.row, r.fate) for r in preview.rows] == [
        (2, "match"), (3, "new"), (4, "duplicate"), (5, "new")]
    assert preview.rows[2].same_as == 3 and "ซ้ำกับแถวที่ 3" in preview.rows[2].message()
    assert commit(store, preview).added == 2
    assert h.count(store, Community) == 3


def test_dates_in_either_era_money_text_and_the_era_said(store, tmp_path, h):
    path = h.write_xlsx(tmp_path / "o.xlsx", [
        ("ชื่อองค์กร", "ประเภท", "วันที่จดแจ้ง", "วันที่ก่อตั้ง", "ยอดเงินกองทุน", "ตำบล"),
        ("สภาองค์กรชุมชนตำบลทดสอบ", "สภาองค์กรชุมชนตำบล", "15/03/2567", dt.date(2567, 3, 15),
         None, "หัวเรือ"),
        ("กองทุนสวัสดิการทดสอบ", "กองทุนสวัสดิการชุมชน", None, "๑๕ มี.ค. ๒๕๖๗",
         "฿1,943,400.00", "หัวเรือ"),
        ("กองทุนสวัสดิการทดสอบ 2", "welfare_fund", None, dt.datetime(2024, 3, 15), 1250.5,
         "หัวเรือ"),
    ])
    preview = preview_file(store, ORGS, path)
    assert preview.ok, preview.report()
    notes = " ".join(th for th, _ in preview.notes)
    assert "ปีใน 'วันที่จดแจ้งจัดตั้ง' อ่านเป็น พ.ศ." in notes
    assert "มีทั้ง พ.ศ. และ ค.ศ." in notes  # founding dates came in both eras
    commit(store, preview)
    with store.read() as s:
        rows = {o.name: o for o in s.scalars(sa.select(Organization))}
    march_15 = dt.date(2024, 3, 15)
    assert rows["สภาองค์กรชุมชนตำบลทดสอบ"].registered_on == march_15
    assert {o.founded_on for o in rows.values()} == {march_15}
    assert rows["กองทุนสวัสดิการทดสอบ"].fund_balance_satang == 194_340_000
    assert rows["กองทุนสวัสดิการทดสอบ 2"].fund_balance_satang == 125_050


def test_a_fixed_mapping_is_remembered_for_the_layout(store, tmp_path, h):
    rows = [("ชื่อหมู่บ้าน", "เลข", "ตำบล"), ("บ้านทดสอบแมป", 4, "หัวเรือ")]
    path = h.write_xlsx(tmp_path / "m.xlsx", rows)
    with pytest.raises(Exception) as err:  # no column is recognised as the name
        preview_file(store, COMMUNITIES, path)
    assert err.value.code == "import_no_header"
    rows[0] = ("ชื่อหมู่บ้าน", "หมู่ที่", "ตำบล")
    path = h.write_xlsx(tmp_path / "m2.xlsx", rows)
    first = preview_file(store, COMMUNITIES, path)
    assert not first.ok and [f.key for f in first.missing] == ["name"]
    assert "ไม่พบคอลัมน์: ชื่อชุมชน" in first.report()
    fixed = preview_file(store, COMMUNITIES, path, mapping={**first.mapping, "name": 0})
    assert fixed.ok
    again = preview_file(store, COMMUNITIES, h.write_xlsx(tmp_path / "m3.xlsx", rows))
    assert again.remembered and again.ok and again.mapping["name"] == 0
    assert commit(store, again).added == 1


def test_projects_with_program_fiscal_year_organization_and_community(store, tmp_path, h):
    org = organizations.create_organization(store, organizations.OrganizationData(
        name="เครือข่ายบ้านมั่นคงทดสอบ", kind="network"))
    com = communities.create_community(store, communities.CommunityData(name="ชุมชนเป้าหมายทดสอบ"))
    path = h.write_xlsx(tmp_path / "p.xlsx", [
        ("รหัสโครงการ", "ชื่อโครงการ", "แผนงาน", "ปีงบประมาณ", "องค์กร", "ชุมชนเป้าหมาย",
         "สถานะ", "ครัวเรือน"),
        ("T-001", "โครงการทดสอบ ก", "บ้านมั่นคง", 2567, "เครือข่ายบ้านมั่นคงทดสอบ",
         "ชุมชนเป้าหมายทดสอบ", "อนุมัติ", 40),
        ("T-002", "โครงการทดสอบ ข", "welfare", 2024, None, None, None, None),
        ("T-003", "โครงการทดสอบ ค", "ไม่มีแผนงานนี้", 2567, "องค์กรที่ไม่มี", None, None, None),
    ])
    preview = preview_file(store, PROJECTS, path)
    assert [r.fate for r in preview.rows] == ["new", "new", "error"]
    msg = preview.rows[2].message()
    assert "ไม่พบแผนงาน 'ไม่มีแผนงานนี้'" in msg and "ไม่พบองค์กร 'องค์กรที่ไม่มี'" in msg
    assert any("ค.ศ." in th for th, _ in preview.notes)  # 2024 was read as CE
    path2 = h.write_xlsx(tmp_path / "p2.xlsx", [r for i, r in enumerate([
        ("รหัสโครงการ", "ชื่อโครงการ", "แผนงาน", "ปีงบประมาณ", "องค์กร", "ชุมชนเป้าหมาย",
         "สถานะ", "ครัวเรือน"),
        ("T-001", "โครงการทดสอบ ก", "บ้านมั่นคง", 2567, "เครือข่ายบ้านมั่นคงทดสอบ",
         "ชุมชนเป้าหมายทดสอบ", "อนุมัติ", 40),
        ("T-002", "โครงการทดสอบ ข", "welfare", 2024, None, None, None, None)]) if i < 3])
    commit(store, preview_file(store, PROJECTS, path2))
    with store.read() as s:
        rows = {p.code: p for p in s.scalars(sa.select(Project))}
    assert (rows["T-001"].organization_id, rows["T-001"].community_id) == (org, com)
    assert (rows["T-001"].status.value, rows["T-001"].households) == ("approved", 40)
    assert rows["T-002"].fiscal_year == 2567


def test_a_large_import_is_split_into_change_sets_in_one_transaction(store, tmp_path, h,
                                                                    monkeypatch):
    monkeypatch.setattr(framework, "CHUNK_CHANGES", 500)
    rows = [("ชื่อชุมชน", "หมู่ที่", "ตำบล")] + [
        (f"ชุมชนก้อน {i}", i % 20 + 1, "หัวเรือ") for i in range(1200)]
    before = h.count_sets(store)
    result = commit(store, preview_file(store, COMMUNITIES, h.write_xlsx(tmp_path / "b.xlsx",
                                                                         rows)))
    assert result.added == 1200 and result.change_sets == 3
    assert h.count_sets(store) == before + 3 and h.count(store, Community) == 1200
    from codi_core.models import Change
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Change)) == 1200


def test_unreadable_and_wrong_files_are_clear(store, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a workbook" * 10)
    with pytest.raises(Exception) as err:
        preview_file(store, COMMUNITIES, bad)
    assert err.value.message().startswith("เปิดไฟล์ Excel ไม่ได้")
    odd = tmp_path / "x.ods"
    odd.write_bytes(b"x")
    with pytest.raises(Exception) as err:
        preview_file(store, COMMUNITIES, odd)
    assert ".xlsx หรือ .csv" in err.value.message()


def test_a_known_person_gets_the_new_membership_only(store, tmp_path, h):
    from codi_desktop.services import people

    org = organizations.create_organization(store, organizations.OrganizationData(
        name="กลุ่มออมทรัพย์สมาชิกใหม่", kind="savings_group"))
    people.create_person(store, people.PersonData(prefix="นาย", first_name="สมาชิก",
                                                  last_name="เดิม"))
    path = h.write_xlsx(tmp_path / "m.xlsx", [
        ("ชื่อ-นามสกุล", "องค์กร", "บทบาท"),
        ("นาย สมาชิก เดิม", "กลุ่มออมทรัพย์สมาชิกใหม่", "เหรัญญิก"),
    ])
    preview = preview_file(store, PEOPLE, path)
    (row,) = preview.rows
    assert row.fate == "match" and "จะเพิ่มสมาชิกภาพ" in row.message()
    commit(store, preview)
    assert h.count(store, Person) == 1
    with store.read() as s:
        (m,) = s.scalars(sa.select(Membership)).all()
    assert (m.organization_id, m.role.value) == (org, "treasurer")
    again = preview_file(store, PEOPLE, path)
    assert "จะเพิ่มสมาชิกภาพ" not in again.rows[0].message()


def test_imported_rows_are_found_by_the_list_search_and_the_triggers_are_back(store,
                                                                              tmp_path, h):
    from codi_desktop.services import lists

    def triggers():
        with store.read() as s:
            return sorted(s.execute(sa.text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts%'"
            )).scalars())

    before = triggers()
    path = h.write_xlsx(tmp_path / "s.xlsx", [
        ("ชื่อชุมชน", "หมู่ที่", "ตำบล", "ผู้นำชุมชน", "โทรศัพท์"),
        ("ชุมชนค้นหาเจอ", 3, "หัวเรือ", "นางบุญมีค้นได้ ใจงาม", "0899990001"),
        ("ชุมชนอีกแห่ง", 4, "หัวเรือ", None, None),
    ])
    commit(store, preview_file(store, COMMUNITIES, path))
    assert triggers() == before and "fts_community_ai" in before

    def found(text):
        rows = lists.COMMUNITIES.window(store, lists.ListFilter(text=text))
        return sorted(r[1] for r in rows)

    assert found("ค้นหาเจอ") == ["ชุมชนค้นหาเจอ"]
    assert found("บุญมีค้นได้") == ["ชุมชนค้นหาเจอ"]  # the leader's name
    assert found("0899990001") == ["ชุมชนค้นหาเจอ"]
    assert found("หัวเรือ") == ["ชุมชนค้นหาเจอ", "ชุมชนอีกแห่ง"]  # the tambon's name
    # The triggers work again for the next write.
    (cid,) = [r[0] for r in lists.COMMUNITIES.window(store, lists.ListFilter(text="อีกแห่ง"))]
    data = communities.get_community(store, cid)
    data.name = "ชุมชนเปลี่ยนชื่อแล้ว"
    communities.update_community(store, cid, data)
    assert found("อีกแห่ง") == [] and found("เปลี่ยนชื่อ") == ["ชุมชนเปลี่ยนชื่อแล้ว"]


def test_a_row_that_became_wrong_after_the_preview_rolls_everything_back(store, tmp_path, h):
    """The write checks again: a code taken since the preview fails the whole import, and
    the search index triggers (dropped while an import writes) are back as they were."""
    from codi_core.models import Program
    from codi_desktop.services import lists, projects

    with store.read() as s:
        program = s.scalar(sa.select(Program.id).where(Program.code == "baan_mankong"))
        triggers = sorted(s.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    path = h.write_xlsx(tmp_path / "p.xlsx", [
        ("รหัสโครงการ", "ชื่อโครงการ", "แผนงาน", "ปีงบประมาณ"),
        ("LATE-001", "โครงการก่อน", "บ้านมั่นคง", 2568),
        ("LATE-002", "โครงการที่รหัสถูกใช้ไปแล้ว", "บ้านมั่นคง", 2568),
    ])
    preview = preview_file(store, PROJECTS, path)
    assert preview.ok
    projects.create_project(store, projects.ProjectData(
        code="LATE-002", name="บันทึกจากหน้าจอระหว่างนั้น", program_id=program, fiscal_year=2568))
    sets = h.count_sets(store)
    with pytest.raises(ImportFailed) as err:
        commit(store, preview)
    assert [r for r, _, _ in err.value.problems] == [3]
    assert "รหัส LATE-002 ถูกใช้แล้ว" in err.value.message()
    assert "Code LATE-002 is already used" in err.value.message("en")
    assert h.count(store, Project) == 1 and h.count_sets(store) == sets
    with store.read() as s:
        assert sorted(s.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()) == triggers
    projects.create_project(store, projects.ProjectData(
        code="LATE-003", name="โครงการค้นหาได้หลังยกเลิก", program_id=program, fiscal_year=2568))
    found = lists.PROJECTS.window(store, lists.ListFilter(text="ค้นหาได้หลังยกเลิก"))
    assert len(found) == 1


def test_writing_an_import_makes_no_query_per_row(tmp_path, h):
    """The statements an import's commit sends do not grow with its rows (look-ups are
    loaded once, rows and their changes go in batches): a regression guard for the
    5,000-row benchmark, counted, not timed."""
    from sqlalchemy import event

    from codi_desktop.store.database import open_store

    def statements(rows: int) -> int:
        store = open_store(tmp_path / f"db{rows}")
        store.set_setting("province_code", "34")
        path = h.write_xlsx(tmp_path / f"c{rows}.xlsx", [("ชื่อชุมชน", "หมู่ที่", "ตำบล")] + [
            (f"ชุมชนนับคำสั่ง {i}", i % 20 + 1, "หัวเรือ") for i in range(rows)])
        preview = preview_file(store, COMMUNITIES, path)
        sent = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda *args: sent.append(args[2]))
        assert commit(store, preview).added == rows
        store.close()
        return len(sent)

    small, large = statements(50), statements(1400)
    assert large <= small + 10, (small, large)  # a flush per 500 rows, nothing per row
