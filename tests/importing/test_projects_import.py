"""Projects with several organizations, target communities and tambons (issue 14): in one
cell separated by commas or line breaks, or over rows with the same code (merged or typed
again); the first of each is the project's own, the others its targets. An export of such
projects imports back with nothing new."""

import openpyxl
import pytest
import sqlalchemy as sa

from codi_core.models import Program, Project, ProjectTarget
from codi_desktop.exporting.tables import export_list
from codi_desktop.importing.framework import ImportFailed, commit, preview_file
from codi_desktop.importing.kinds import IMPORTERS
from codi_desktop.services import communities, indicators, organizations

PROJECTS = IMPORTERS["projects"]
HEADER = ("รหัสโครงการ", "ชื่อโครงการ", "แผนงาน", "ปีงบประมาณ", "องค์กรที่รับผิดชอบ",
          "ชุมชนเป้าหมาย", "ตำบล", "อำเภอ")


@pytest.fixture
def named(store):
    """Organizations and communities made through the services, by name."""
    ids = {}
    for name, kind in (("เครือข่ายบ้านมั่นคงหลายองค์กร", "network"),
                       ("กลุ่มออมทรัพย์ร่วมโครงการ", "savings_group"),
                       ("สภาองค์กรชุมชนตำบลหัวเรือ", "tambon_council"),
                       ("กลุ่มแม่บ้าน, ผู้สูงอายุ บ้านนาคำ", "community_org")):
        ids[name] = organizations.create_organization(
            store, organizations.OrganizationData(name=name, kind=kind))
    for name, sub in (("ชุมชนหลายเป้า ก", "340104"), ("ชุมชนหลายเป้า ข", "340104"),
                      ("ชุมชนหลายเป้า ค", "340201")):
        ids[name] = communities.create_community(
            store, communities.CommunityData(name=name, subdistrict_id=sub))
    return ids


def project_links(store, code):
    """(own organization, community, tambon), and the set of (kind, id) targets."""
    with store.read() as s:
        p = s.scalars(sa.select(Project).where(Project.code == code)).one()
        targets = set()
        for t in s.scalars(sa.select(ProjectTarget).where(ProjectTarget.project_id == p.id,
                                                          ProjectTarget.deleted_at.is_(None))):
            for kind in ("organization", "community", "subdistrict"):
                if getattr(t, f"{kind}_id"):
                    targets.add((kind, getattr(t, f"{kind}_id")))
        return (p.organization_id, p.community_id, p.subdistrict_id), targets


def test_several_organizations_communities_and_tambons_in_one_cell(store, named, tmp_path,
                                                                  h):
    path = h.write_xlsx(tmp_path / "p.xlsx", [
        HEADER,
        # commas, a line break inside a cell (Alt+Enter), a comma inside one known name
        ("MT-001", "โครงการหลายองค์กร", "บ้านมั่นคง", 2568,
         "เครือข่ายบ้านมั่นคงหลายองค์กร, กลุ่มออมทรัพย์ร่วมโครงการ;สภาองค์กรชุมชนตำบลหัวเรือ",
         "ชุมชนหลายเป้า ก\nชุมชนหลายเป้า ข", "หัวเรือ, หนองขอน", "เมืองอุบลราชธานี"),
        ("MT-002", "โครงการกลุ่มแม่บ้าน", "บ้านมั่นคง", 2568,
         "กลุ่มแม่บ้าน, ผู้สูงอายุ บ้านนาคำ", "ชุมชนหลายเป้า ค", "นาคำ", None),
        ("MT-003", "โครงการสองอำเภอ", "บ้านมั่นคง", 2568, None, None,
         "หัวเรือ, นาคำ", "เมืองอุบลราชธานี, ศรีเมืองใหม่"),
    ])
    preview = preview_file(store, PROJECTS, path)
    assert preview.ok, preview.report("en")
    assert "มีองค์กร 3 รายการ, ชุมชนเป้าหมาย 2 รายการ, ตำบล 2 รายการ" in preview.rows[0].message()
    sets = h.count_sets(store)
    commit(store, preview)
    assert h.count_sets(store) == sets + 1  # one action, one change set

    own, targets = project_links(store, "MT-001")
    assert own == (named["เครือข่ายบ้านมั่นคงหลายองค์กร"], named["ชุมชนหลายเป้า ก"], "340104")
    assert targets == {("organization", named["กลุ่มออมทรัพย์ร่วมโครงการ"]),
                       ("organization", named["สภาองค์กรชุมชนตำบลหัวเรือ"]),
                       ("community", named["ชุมชนหลายเป้า ข"]),
                       ("subdistrict", "340105")}
    own, targets = project_links(store, "MT-002")
    assert own == (named["กลุ่มแม่บ้าน, ผู้สูงอายุ บ้านนาคำ"], named["ชุมชนหลายเป้า ค"],
                   "340201")
    assert targets == set()
    own, targets = project_links(store, "MT-003")
    assert own == (None, None, "340104") and targets == {("subdistrict", "340201")}
    # The project page lists the same targets.
    with store.read() as s:
        pid = s.scalar(sa.select(Project.id).where(Project.code == "MT-001"))
    assert sorted(t.name for t in indicators.targets(store, pid)) == sorted(
        ["กลุ่มออมทรัพย์ร่วมโครงการ", "สภาองค์กรชุมชนตำบลหัวเรือ", "ชุมชนหลายเป้า ข",
         "หนองขอน"])


def test_rows_with_the_same_code_are_one_project_merged_or_repeated(store, named, tmp_path,
                                                                   h):
    path = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(HEADER)
    ws.append(("MR-001", "โครงการสามแถว", "บ้านมั่นคง", 2568,
               "เครือข่ายบ้านมั่นคงหลายองค์กร", "ชุมชนหลายเป้า ก", "หัวเรือ", None))
    ws.append((None, None, None, None, "กลุ่มออมทรัพย์ร่วมโครงการ", "ชุมชนหลายเป้า ข",
               None, None))
    ws.append((None, None, None, None, "สภาองค์กรชุมชนตำบลหัวเรือ", None, None, None))
    for col in "ABCDG":  # the project's cells merged down over its three rows
        ws.merge_cells(f"{col}2:{col}4")
    # typed again instead of merged, the same organization listed twice
    ws.append(("MR-002", "โครงการพิมพ์ซ้ำ", "บ้านมั่นคง", 2568, "กลุ่มออมทรัพย์ร่วมโครงการ",
               None, "หัวเรือ", None))
    ws.append(("MR-002", "โครงการพิมพ์ซ้ำ", "บ้านมั่นคง", 2568,
               "กลุ่มออมทรัพย์ร่วมโครงการ, เครือข่ายบ้านมั่นคงหลายองค์กร", None, "หัวเรือ",
               None))
    book.save(path)
    preview = preview_file(store, PROJECTS, path)
    assert preview.ok, preview.report("en")
    assert [(r.row, r.fate) for r in preview.rows] == [
        (2, "new"), (3, "duplicate"), (4, "duplicate"), (5, "new"), (6, "duplicate")]
    assert "จะเพิ่มให้โครงการเดียวกัน" in preview.rows[1].message()
    commit(store, preview)
    assert h.count(store, Project) == 2
    own, targets = project_links(store, "MR-001")
    assert own == (named["เครือข่ายบ้านมั่นคงหลายองค์กร"], named["ชุมชนหลายเป้า ก"], "340104")
    assert targets == {("organization", named["กลุ่มออมทรัพย์ร่วมโครงการ"]),
                       ("organization", named["สภาองค์กรชุมชนตำบลหัวเรือ"]),
                       ("community", named["ชุมชนหลายเป้า ข"])}
    own, targets = project_links(store, "MR-002")
    assert own[0] == named["กลุ่มออมทรัพย์ร่วมโครงการ"]
    assert targets == {("organization", named["เครือข่ายบ้านมั่นคงหลายองค์กร"])}


def test_a_shared_code_with_another_name_and_unknown_names_are_errors(store, named,
                                                                     tmp_path, h):
    path = h.write_xlsx(tmp_path / "bad.xlsx", [
        HEADER,
        ("MB-001", "โครงการแรก", "บ้านมั่นคง", 2568, "กลุ่มออมทรัพย์ร่วมโครงการ", None, None,
         None),
        ("MB-001", "โครงการอื่นที่ใช้รหัสซ้ำ", "บ้านมั่นคง", 2568, None, None, None, None),
        ("MB-002", "โครงการชื่อผิด", "บ้านมั่นคง", 2568,
         "กลุ่มออมทรัพย์ร่วมโครงการ, กลุ่มที่ไม่มีอยู่", "ชุมชนหลายเป้า ก", "หัวเรือ, ไม่มีตำบลนี้",
         None),
        ("MB-003", "โครงการอำเภอไม่ครบ", "บ้านมั่นคง", 2568, None, None, "หัวเรือ, นาคำ, หนองขอน",
         "เมืองอุบลราชธานี, ศรีเมืองใหม่"),
    ])
    preview = preview_file(store, PROJECTS, path)
    assert [(r.row, r.fate) for r in preview.rows] == [
        (2, "new"), (3, "error"), (4, "error"), (5, "error")]
    assert "ซ้ำกับแถวที่ 2 แต่ชื่อโครงการ" in preview.rows[1].message()
    assert "also on row 2" in preview.rows[1].message("en")
    msg = preview.rows[2].message()
    assert "ไม่พบองค์กร 'กลุ่มที่ไม่มีอยู่'" in msg and "ไม่พบตำบล 'ไม่มีตำบลนี้'" in msg
    assert "ให้ใส่อำเภอทีละหนึ่งต่อหนึ่งตำบล" in preview.rows[3].message()
    with pytest.raises(ImportFailed) as failed:
        commit(store, preview)
    assert failed.value.params["rows"] == "3, 4, 5"
    assert h.count(store, Project) == 0 and h.count(store, ProjectTarget) == 0


def test_projects_with_targets_export_and_import_back_with_nothing_new(store, named,
                                                                      tmp_path, h):
    path = h.write_xlsx(tmp_path / "p.xlsx", [
        HEADER,
        ("RT-001", "โครงการไปกลับ", "บ้านมั่นคง", 2568,
         "เครือข่ายบ้านมั่นคงหลายองค์กร, กลุ่มแม่บ้าน, ผู้สูงอายุ บ้านนาคำ",
         "ชุมชนหลายเป้า ก, ชุมชนหลายเป้า ค", "หัวเรือ, นาคำ", None),
    ])
    commit(store, preview_file(store, PROJECTS, path))
    # One more target added on the project page, then the list exported.
    with store.read() as s:
        pid = s.scalar(sa.select(Project.id).where(Project.code == "RT-001"))
    indicators.add_target(store, pid, "organization", named["สภาองค์กรชุมชนตำบลหัวเรือ"])
    out = tmp_path / "export.xlsx"
    export_list(store, "projects", out)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    assert row[header.index("องค์กรที่รับผิดชอบ")] == (
        "เครือข่ายบ้านมั่นคงหลายองค์กร, กลุ่มแม่บ้าน, ผู้สูงอายุ บ้านนาคำ, "
        "สภาองค์กรชุมชนตำบลหัวเรือ")
    assert row[header.index("รหัสตำบล")] == "340104, 340201"
    targets, sets = h.count(store, ProjectTarget), h.count_sets(store)
    preview = preview_file(store, PROJECTS, out)
    assert preview.ok, preview.report("en")
    assert [r.fate for r in preview.rows] == ["match"]
    assert "จะเพิ่ม" not in preview.rows[0].message()
    commit(store, preview)
    assert h.count(store, ProjectTarget) == targets and h.count_sets(store) == sets
    # A matched project gets only the targets it does not have yet.
    with store.read() as s:
        program = s.scalar(sa.select(Program.name_th).where(Program.code == "baan_mankong"))
    more = h.write_xlsx(tmp_path / "more.xlsx", [
        HEADER, ("RT-001", "โครงการไปกลับ", program, 2568, "กลุ่มออมทรัพย์ร่วมโครงการ",
                 "ชุมชนหลายเป้า ก, ชุมชนหลายเป้า ข", None, None)])
    preview = preview_file(store, PROJECTS, more)
    assert "จะเพิ่มองค์กร/ชุมชน/ตำบลเป้าหมาย 2 รายการ" in preview.rows[0].message()
    commit(store, preview)
    assert h.count(store, ProjectTarget) == targets + 2
    _own, now = project_links(store, "RT-001")
    assert {("organization", named["กลุ่มออมทรัพย์ร่วมโครงการ"]),
            ("community", named["ชุมชนหลายเป้า ข"])} <= now
