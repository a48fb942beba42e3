"""A cluster account's database (two provinces) in the real window: the main window opens
(no welcome page) with every list on "all provinces in scope"; the province selector of
the communities, organizations, people, projects and meetings lists and of the dashboard
shows each province's own rows; a new record goes to the province shown. A province
account sees no selector. Every expected count is of rows this test inserted itself."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.models import Community, Meeting, Organization, Person, Project
from codi_core.reference import reference_id
from codi_desktop.store.database import open_store
from codi_desktop.ui.main_window import MainWindow

FY = 2569
#: rows per province: (communities, organizations, people, projects, meetings)
ROWS = {"34": (3, 2, 4, 2, 3), "35": (2, 1, 1, 3, 1)}
LISTS = ("communities", "organizations", "people", "projects", "meetings")


@pytest.fixture
def cluster_dir(tmp_path):
    """A cluster laptop's database after sync: two provinces, no own province_code."""
    folder = tmp_path / "cluster"
    store = open_store(folder)
    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", sorted(ROWS))
    for code, (n_com, n_org, n_people, n_proj, n_meet) in ROWS.items():
        with store.action(f"ข้อมูลจังหวัด {code}") as s:
            for i in range(n_com):
                s.add(Community(province_code=code, name=f"ชุมชน {code}-{i}", households=10 + i))
            for i in range(n_org):
                s.add(Organization(province_code=code, name=f"องค์กร {code}-{i}",
                                   kind="community_org"))
            for i in range(n_people):
                s.add(Person(province_code=code, first_name=f"สมชาย{code}", last_name=f"ใจดี{i}"))
            for i in range(n_proj):
                s.add(Project(province_code=code, code=f"P-{code}-{i}", name=f"โครงการ {i}",
                              program_id=reference_id("program", "leadership"),
                              fiscal_year=FY))
            for i in range(n_meet):
                s.add(Meeting(province_code=code, kind="provincial_committee",
                              title=f"ประชุม {code}-{i}", status="held",
                              starts_at=dt.datetime(2026, 1, 10 + i, 2, 0, tzinfo=dt.UTC)))
    store.close()
    return folder


def rows_of(store, model, code: str) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(model)
                        .where(model.province_code == code, model.deleted_at.is_(None)))


def test_a_cluster_database_opens_the_main_window_and_each_list_filters_by_province(
        qtbot, open_window, cluster_dir, tmp_path):
    window = open_window(cluster_dir)
    assert isinstance(window, MainWindow) and window.welcome is None
    assert window.pages, "the main window's pages, not the welcome page"
    assert "2 จังหวัดในขอบเขต" in window.windowTitle()
    for i, key in enumerate(LISTS):
        page = window.show_page(key)
        lst = getattr(page, "list", page)  # projects and meetings wrap a ListPage
        picker = lst.province
        assert picker.wide and not picker.isHidden()
        assert picker.province() is None  # opens on "all provinces in scope"
        assert lst.model.total == sum(r[i] for r in ROWS.values())
        for code, counts in ROWS.items():
            lst.set_province(code)
            assert lst.model.total == counts[i], (key, code)
            # the district filter offers only the districts of the province shown
            district = lst.combos.get("district")
            if district is not None and district.count() > 1:
                from codi_desktop.services import lists

                assert {c.value for c in lists.districts(window.store, code)} == {
                    district.itemData(j) for j in range(1, district.count())}
                assert all(str(district.itemData(j)).startswith(code)
                           for j in range(1, district.count()))
        lst.set_province(None)
        assert lst.model.total == sum(r[i] for r in ROWS.values())
    window.show_page("communities").grab().save(str(tmp_path / "cluster-communities.png"))

    dash = window.show_page("dashboard")
    assert dash.province.wide and dash.province.province() is None
    qtbot.waitUntil(lambda: dash.data is not None, timeout=20_000)
    assert dash.data.communities == 5 and dash.data.projects == 5
    dash.province.setCurrentIndex(dash.province.findData("35"))
    qtbot.waitUntil(lambda: dash.data is not None and dash.data.communities == 2,
                    timeout=20_000)
    assert dash.data.projects == ROWS["35"][3]
    assert dash.data.organizations == ROWS["35"][1]
    assert dash.smp.province == "35"


def test_a_new_record_of_a_wide_account_goes_to_the_province_shown(
        qtbot, open_window, cluster_dir):
    from codi_desktop.services import communities

    window = open_window(cluster_dir)
    page = window.show_page("communities")
    store = window.store
    # "all provinces": the page asks for a province instead of guessing one
    page._new()
    assert "เลือกจังหวัด" in page.message.text()
    page.set_province("35")
    before = {c: rows_of(store, Community, c) for c in ROWS}
    communities.create_community(store, communities.CommunityData(name="ชุมชนใหม่"))
    assert rows_of(store, Community, "35") == before["35"] + 1
    assert rows_of(store, Community, "34") == before["34"]
    assert page.model.total == before["35"]  # not reloaded yet: the form reloads it
    page.reload()
    assert page.model.total == before["35"] + 1


def test_a_province_account_sees_no_province_selector(qtbot, window):
    for key in LISTS:
        page = window.show_page(key)
        lst = getattr(page, "list", page)
        assert not lst.province.wide and lst.province.isHidden()
    dash = window.show_page("dashboard")
    assert dash.province.isHidden()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_province_selector_keeps_every_page_within_the_laptop(
        qtbot, open_window, cluster_dir, lang):
    from PySide6.QtWidgets import QApplication

    from codi_desktop.ui.main_window import PAGES

    window = open_window(cluster_dir, lang)
    window.resize(1366, 768)
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (key, hint)
        assert window.width() == 1366, key


def tambons_of(store, province: str) -> set[str]:
    from codi_core.models import Subdistrict

    with store.read() as s:
        return set(s.scalars(sa.select(Subdistrict.id)
                             .where(Subdistrict.province_id == province)))


def offered(combo) -> set[str]:
    return {combo.itemData(i) for i in range(combo.count())} - {None}


def test_a_records_pickers_offer_its_own_provinces_tambons_and_records(
        qtbot, open_window, cluster_dir, tmp_path):
    """On a cluster laptop, a record's tambon picker (and a project's organization,
    community and target pickers) offer the record's own province, whatever the
    selector shows; editing it saves in its province; a new record's pickers offer the
    province selected."""
    window = open_window(cluster_dir)
    store = window.store
    page = window.show_page("communities")
    page.set_province("34")  # the selector shows the OTHER province
    with store.read() as s:
        cid = s.scalar(sa.select(Community.id).where(Community.province_code == "35")
                       .order_by(Community.name).limit(1))
    page.detail.show()
    page.detail.show_record(cid)
    form = page.detail.form
    picker = form.inputs["subdistrict_id"].widget
    t35 = tambons_of(store, "35")
    assert offered(picker) == t35  # the record's province's, not 7,436 nor province 34's
    tambon = sorted(t35)[0]
    form.inputs["subdistrict_id"].set_value(tambon)
    assert form.save(), form.message.text()
    with store.read() as s:
        row = s.get(Community, cid)
        assert (row.province_code, row.subdistrict_id) == ("35", tambon)
    window.grab().save(str(tmp_path / "community-form.png"))

    page.set_province("34")
    page._new()  # a new record: the province selected
    assert offered(form.inputs["subdistrict_id"].widget) == tambons_of(store, "34")

    projects_page = window.show_page("projects")
    with store.read() as s:
        pid = s.scalar(sa.select(Project.id).where(Project.province_code == "35").limit(1))
        orgs35 = set(s.scalars(sa.select(Organization.id)
                               .where(Organization.province_code == "35")))
        coms35 = set(s.scalars(sa.select(Community.id).where(Community.province_code == "35")))
    panel = projects_page.list.detail
    projects_page.list.set_province(None)
    panel.show()
    panel.show_record(pid)
    assert offered(panel.form.inputs["subdistrict_id"].widget) == t35
    assert offered(panel.form.inputs["organization_id"].widget) == orgs35
    assert offered(panel.form.inputs["community_id"].widget) == coms35
    targets = panel.targets
    for kind, expected in (("subdistrict", t35), ("organization", orgs35),
                           ("community", coms35)):
        targets.kind.setCurrentIndex(targets.kind.findData(kind))
        assert offered(targets.choice) == expected, kind


def test_the_province_chosen_on_one_page_is_kept_on_the_other_pages(
        qtbot, open_window, cluster_dir):
    """One choice across pages: a province chosen on a list is the one the other lists,
    the dashboard and the assessment page show; "all provinces" chosen again is kept on
    the lists (the assessment, for one province, keeps its own)."""
    window = open_window(cluster_dir)
    communities = window.show_page("communities")
    communities.set_province("35")
    assert communities.model.total == ROWS["35"][0]
    for i, key in enumerate(LISTS):
        page = window.show_page(key)
        lst = getattr(page, "list", page)
        assert lst.province.province() == "35", key
        assert lst.model.total == ROWS["35"][i], key
        if key == "projects":
            assert page.list.shown_provinces() == ("35",)

    dash = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dash.province.province() == "35" and dash.data is not None
                    and dash.data.communities == ROWS["35"][0], timeout=20_000)
    assert dash.smp.province == "35"
    dash.province.setCurrentIndex(dash.province.findData("34"))  # chosen on the dashboard
    people = window.show_page("people")
    assert people.province.province() == "34" and people.model.total == ROWS["34"][2]
    assessment = window.show_page("assessment")
    qtbot.waitUntil(lambda: assessment.province.province() == "34", timeout=5_000)

    people.set_province(None)  # all provinces again
    orgs = window.show_page("organizations")
    assert orgs.province.province() is None
    assert orgs.model.total == sum(r[1] for r in ROWS.values())
    window.show_page("assessment")
    assert assessment.province.province() == "34"  # a one-province page keeps its own


def test_the_budget_report_and_export_follow_the_province_selected(
        qtbot, open_window, cluster_dir, tmp_path):
    """The projects page's budget PDF is of the province selected (its centre, its
    projects, its amounts) and asks for one on "all provinces"; the Excel export sums
    what the table shows. Amounts are this test's own ledger rows."""
    import subprocess
    from decimal import Decimal

    import openpyxl

    from codi_core.models import LedgerEntry

    amounts = {"34": (50_000_000, 12_345_600), "35": (30_000_000, 7_000_050)}  # satang
    store = open_store(cluster_dir)
    with store.action("งบประมาณทดสอบ") as s:
        for code, (allocated, approved) in amounts.items():
            project = s.scalar(sa.select(Project).where(Project.province_code == code)
                               .order_by(Project.code).limit(1))
            for kind, amount, pid in (("allocation", allocated, None),
                                      ("approval", approved, project.id)):
                s.add(LedgerEntry(province_code=code, kind=kind, fiscal_year=FY,
                                  program_id=reference_id("program", "leadership"),
                                  project_id=pid, amount_satang=amount,
                                  entry_date=dt.date(2026, 1, 5)))
    store.close()

    window = open_window(cluster_dir)
    page = window.show_page("projects")

    def pdf_text(path) -> str:
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                             check=True).stdout
        return "".join(out.split())

    def exported(path) -> tuple[Decimal, Decimal]:
        ws = openpyxl.load_workbook(path).active
        rows = list(ws.iter_rows(values_only=True))
        header = next(r for r in rows if r and "จัดสรร" in r)
        body = [r for r in rows[rows.index(header) + 1:] if r[0] and r[0] != "รวม"]
        a, b = header.index("จัดสรร"), header.index("อนุมัติ")
        return (sum(Decimal(str(r[a] or 0)) for r in body),
                sum(Decimal(str(r[b] or 0)) for r in body))

    # "all provinces": the PDF asks for one, the export sums both
    page.list.set_province(None)
    page._ask_and_print()
    assert "เลือกจังหวัด" in page.print_status.text()
    out = tmp_path / "all.xlsx"
    page.export_report(str(out))
    qtbot.waitUntil(lambda: str(out) in page.print_status.text(), timeout=20_000)
    assert exported(out) == (Decimal(80_000_000) / 100, Decimal(19_345_650) / 100)

    names = {"34": "อุบลราชธานี", "35": "ยโสธร"}
    for code, other in (("35", "34"), ("34", "35")):
        page.list.set_province(code)
        pdf = tmp_path / f"budget-{code}.pdf"
        page.print_report(str(pdf))
        qtbot.waitUntil(lambda p=pdf: str(p) in page.print_status.text(), timeout=20_000)
        text = pdf_text(pdf)
        assert f"ศูนย์ประสานงานขบวนองค์กรชุมชนจังหวัด{names[code]}" in text
        assert f"P-{code}-0" in text and f"P-{other}-0" not in text
        allocated, approved = amounts[code]
        assert f"{allocated / 100:,.2f}" in text and f"{amounts[other][0] / 100:,.2f}" not in text
        xlsx = tmp_path / f"budget-{code}.xlsx"
        page.export_report(str(xlsx))
        qtbot.waitUntil(lambda p=xlsx: str(p) in page.print_status.text(), timeout=20_000)
        assert exported(xlsx) == (Decimal(allocated) / 100, Decimal(approved) / 100)
