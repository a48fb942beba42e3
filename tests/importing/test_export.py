"""Exports that stay numbers, and that import back onto the same records."""

import csv
import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
import sqlalchemy as sa

from codi_core.models import Community, Organization, Person, Program, Project
from codi_desktop.exporting.tables import export_budget, export_list
from codi_desktop.importing.framework import commit, preview_file
from codi_desktop.importing.kinds import IMPORTERS
from codi_desktop.services import communities, ledger, organizations, people, projects
from codi_desktop.services.lists import ListFilter

D = dt.date(2024, 3, 15)


@pytest.fixture
def records(store):
    """A few records of every kind, made through the services."""
    c1 = communities.create_community(store, communities.CommunityData(
        name="ชุมชนส่งออก ก", kind="urban", subdistrict_id="340104", moo=3, households=120,
        population=480, leader_name="นางนวล สุขใจ", phone="0812345678"))
    communities.create_community(store, communities.CommunityData(
        name="ชุมชนส่งออก ข", subdistrict_id="340101", moo=1))
    o1 = organizations.create_organization(store, organizations.OrganizationData(
        name="กองทุนสวัสดิการส่งออก", kind="welfare_fund", subdistrict_id="340104",
        community_id=c1, founded_on=D, fund_balance_satang=194_340_050, members_count=300))
    o2 = organizations.create_organization(store, organizations.OrganizationData(
        name="ภาคีส่งออก", kind="partner", sector="academic"))
    p1 = people.create_person(store, people.PersonData(
        prefix="นาง", first_name="นางนวล", last_name="สุขใจ", gender="female",
        subdistrict_id="340104", community_id=c1))
    people.create_person(store, people.PersonData(prefix="นาย", first_name="นายิกา",
                                                  last_name="ทองมา"))
    for org, role in ((o1, "chair"), (o2, "member")):
        people.add_membership(store, people.MembershipData(person_id=p1, organization_id=org,
                                                           role=role, from_on=D))
    with store.read() as s:
        programs = {p.code: p.id for p in s.scalars(sa.select(Program))}
    pr = projects.create_project(store, projects.ProjectData(
        code="EXP-001", name="โครงการส่งออก", program_id=programs["baan_mankong"],
        fiscal_year=2567, organization_id=o1, community_id=c1, subdistrict_id="340104",
        starts_on=D, households=40))
    return {"programs": programs, "project": pr}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("kind, model", [("communities", Community),
                                         ("organizations", Organization),
                                         ("people", Person), ("projects", Project)])
def test_an_export_imports_back_with_no_new_records(store, records, tmp_path, h, kind, model,
                                                    suffix):
    path = tmp_path / f"{kind}{suffix}"
    export_list(store, kind, path)
    before, sets = h.count(store, model), h.count_sets(store)
    preview = preview_file(store, IMPORTERS[kind], path)
    assert preview.ok, preview.report("en")
    assert preview.count("new") == 0 and preview.count("match") == before
    commit(store, preview)
    assert h.count(store, model) == before and h.count_sets(store) == sets


def test_xlsx_cells_have_real_types(store, records, tmp_path):
    path = tmp_path / "o.xlsx"
    export_list(store, "organizations", path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    row = {header[i]: c for i, c in enumerate(ws[2])}
    fund = row["ยอดเงินกองทุน"]
    assert isinstance(fund.value, int | float) and Decimal(str(fund.value)) == Decimal(
        "1943400.50")
    assert "฿" in fund.number_format
    assert isinstance(row["วันที่ก่อตั้ง"].value, dt.datetime)
    assert row["วันที่ก่อตั้ง"].value.date() == D
    path = tmp_path / "p.xlsx"
    export_list(store, "projects", path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    year = ws.cell(2, header.index("ปีงบประมาณ") + 1)
    assert year.value == 2567 and isinstance(year.value, int)


def test_a_filtered_list_exports_only_its_rows(store, records, tmp_path):
    path = tmp_path / "c.csv"
    assert export_list(store, "communities", path, ListFilter(subdistrict_id="340101")) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[1][0] == "ชุมชนส่งออก ข" and len(rows) == 2


def test_sum_of_the_exported_money_column_equals_the_apps_total(store, records, tmp_path,
                                                               libreoffice):
    programs, project = records["programs"], records["project"]
    amounts = {"baan_mankong": 1_234_567_89, "welfare": 98_765_43, "disaster": 1_00}
    for code, satang in amounts.items():
        ledger.record_allocation(store, program_id=programs[code], fiscal_year=2567,
                                 amount_satang=satang, entry_date=D)
    ledger.record_approval(store, project_id=project, amount_satang=1_000_000_01, entry_date=D)
    path = tmp_path / "budget.xlsx"
    export_budget(store, 2567, path)
    # LibreOffice opens the file, recalculates the SUM row and writes what it shows.
    out = libreoffice(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    header, total = rows[0], rows[-1]
    assert total[0] == "รวม"

    def baht(text):
        return Decimal(text.replace("฿", "").replace(",", ""))

    allocated = baht(total[header.index("จัดสรร")])
    assert allocated == Decimal(sum(amounts.values())) / 100  # the test's own sum
    app_total = sum(b.allocated for b in ledger.budget_by_program(store, 2567))
    assert allocated * 100 == app_total
    assert baht(total[header.index("อนุมัติ")]) == Decimal("1000000.01")


def test_cli_export(store, records, tmp_path, capsys):
    from codi_desktop.cli import main

    out = tmp_path / "people.xlsx"
    assert main(["export", "people", "--out", str(out), "--data-dir", str(store.data_dir)]) == 0
    ws = openpyxl.load_workbook(out).active
    names = {(r[0], r[1]) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert ("นาง", "นางนวล") in names and ("นาย", "นายิกา") in names
    out = tmp_path / "budget.xlsx"
    assert main(["export", "budget", "--fiscal-year", "2567", "--out", str(out),
                 "--data-dir", str(store.data_dir)]) == 0
    assert openpyxl.load_workbook(out).active.cell(1, 1).value == "รหัสแผนงาน"


def test_cli_exports_the_assessment_comparison_with_numbers(store, tmp_path):
    from codi_desktop.cli import main
    from codi_desktop.services import assessment

    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", ["34", "35", "33"])
    levels = {"34": [2] * 10, "35": [4, 4, 3, 3, 4, 4, 3, 3, 4, 4]}  # 33 not assessed
    for code, mine in levels.items():
        assessment.save_assessment(store, assessment.AssessmentDraft(
            2568, province=code,
            scores={n: assessment.ScoreDraft(n, lv) for n, lv in enumerate(mine, start=1)}))
    out = tmp_path / "comparison.xlsx"
    assert main(["export", "assessment-comparison", "--fiscal-year", "2568", "--out", str(out),
                 "--data-dir", str(store.data_dir)]) == 0
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    assert [r[0] for r in body] == ["35", "34", "33"]  # readiest first
    for row in body:
        assert row[col["ปีงบประมาณ"]] == 2568 and isinstance(row[col["ปีงบประมาณ"]], int)
        got = [row[col[f"เกณฑ์ที่ {n}"]] for n in range(1, 11)]
        assert got == levels.get(row[0], [0] * 10)
        assert all(isinstance(v, int) for v in got)
        want = Decimal(sum(levels.get(row[0], [0] * 10))) / 40 * 100
        assert Decimal(str(row[col["ความพร้อม (%)"]])) == want.quantize(Decimal("0.1"))
    csv_out = tmp_path / "comparison.csv"
    assert main(["export", "assessment-comparison", "--fiscal-year", "2568", "--out",
                 str(csv_out), "--data-dir", str(store.data_dir)]) == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_sum_row_adds_exactly_the_money_cells_without_libreoffice(store, records,
                                                                      tmp_path):
    """Where LibreOffice is missing: the total row's SUM covers every money cell of its
    column, and those cells (numbers of baht) add up to the test's own total."""
    import re

    programs, project = records["programs"], records["project"]
    amounts = {"baan_mankong": 1_234_567_89, "welfare": 98_765_43, "disaster": 1_00}
    for code, satang in amounts.items():
        ledger.record_allocation(store, program_id=programs[code], fiscal_year=2567,
                                 amount_satang=satang, entry_date=D)
    ledger.record_approval(store, project_id=project, amount_satang=1_000_000_01, entry_date=D)
    path = tmp_path / "budget.xlsx"
    export_budget(store, 2567, path)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    last = ws.max_row
    assert ws.cell(last, 1).value == "รวม"
    for name, want in (("จัดสรร", sum(amounts.values())), ("อนุมัติ", 1_000_000_01)):
        c = header.index(name) + 1
        formula = ws.cell(last, c).value
        letter, first, end = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):\1(\d+)\)", formula).groups()
        assert (int(first), int(end)) == (2, last - 1)  # every program row, nothing else
        cells = [ws.cell(r, c).value for r in range(2, last)]
        assert all(isinstance(v, int | float) for v in cells)
        assert sum(Decimal(str(v)) for v in cells) * 100 == want
        assert "฿" in ws.cell(last, c).number_format
