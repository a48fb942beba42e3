"""The import window on the communities list: preview, fix a column, import, see them."""

import openpyxl
from PySide6.QtCore import Qt


def test_import_communities_with_preview_and_a_fixed_mapping(qtbot, window, tmp_path):
    page = window.show_page("communities")
    page.ensure_loaded()
    before = page.model.total
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ทะเบียนชุมชนใหม่"])
    ws.append(["ชื่อหมู่บ้าน", "หมู่ที่", "ตำบล", "อำเภอ", "ครัวเรือน"])  # name: not recognised
    ws.append(["ชุมชนนำเข้าหน้าจอ ก", 3, "หัวเรือ", "เมืองอุบลราชธานี", 50])
    ws.append([])
    ws.append(["ชุมชนนำเข้าหน้าจอ ข", "๔", "ขามใหญ่", None, 61])
    path = tmp_path / "ชุมชนใหม่.xlsx"
    book.save(path)

    wizard = page.open_import(str(path))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    assert wizard.isVisible()
    assert not wizard.import_button.isEnabled()  # no column for the community name yet
    assert "ชื่อชุมชน" in wizard.message.text()
    assert "หัวตารางอยู่แถวที่ 2" in wizard.notes.text()
    window.grab().save(str(tmp_path / "before.png"))

    wizard.set_mapping("name", 0)  # the person picks ชื่อหมู่บ้าน for the name
    qtbot.waitUntil(lambda: wizard.task is None and wizard.preview.mapping.get("name") == 0,
                    timeout=20_000)
    assert wizard.import_button.isEnabled()
    rows = [(wizard.table.item(r, 0).text(), wizard.table.item(r, 1).text(),
             wizard.table.item(r, 2).text()) for r in range(wizard.table.rowCount())]
    assert rows == [("3", "ใหม่", "ชุมชนนำเข้าหน้าจอ ก"), ("5", "ใหม่", "ชุมชนนำเข้าหน้าจอ ข")]
    qtbot.wait(100)
    wizard.grab().save(str(tmp_path / "wizard.png"))

    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)
    assert page.model.total == before + 2
    page.search.setText("นำเข้าหน้าจอ")
    page.search.flush()
    names = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert names == {"ชุมชนนำเข้าหน้าจอ ก", "ชุมชนนำเข้าหน้าจอ ข"}

    again = page.open_import(str(path))  # the same layout: the fixed mapping is remembered
    qtbot.waitUntil(lambda: again.preview is not None, timeout=20_000)
    assert again.preview.remembered and again.preview.count("match") == 2
    assert not again.import_button.isEnabled() or again.preview.count("new") == 0
    again.reject()


def test_projects_import_says_how_to_list_several_and_imports_them(qtbot, window, tmp_path):
    import sqlalchemy as sa

    from codi_core.models import Community, Organization, Project
    from codi_desktop.services import indicators

    store = window.store
    with store.read() as s:
        orgs = s.scalars(sa.select(Organization.name).where(
            Organization.deleted_at.is_(None)).order_by(Organization.name).limit(2)).all()
        com = s.scalars(sa.select(Community).where(Community.deleted_at.is_(None))
                        .order_by(Community.name)).first()
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["รหัสโครงการ", "ชื่อโครงการ", "แผนงาน", "ปีงบประมาณ", "องค์กร", "ชุมชนเป้าหมาย"])
    ws.append(["UI-IMP-001", "โครงการนำเข้าหลายองค์กร", "บ้านมั่นคง", 2569, "\n".join(orgs),
               com.name])
    path = tmp_path / "โครงการ.xlsx"
    book.save(path)
    page = window.show_page("projects")
    page.ensure_loaded()
    wizard = page.list.open_import(str(path))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=20_000)
    assert wizard.hint.isVisible() and "คั่นด้วยจุลภาค" in wizard.hint.text()
    assert "มีองค์กร 2 รายการ" in wizard.table.item(0, 3).text()
    qtbot.wait(100)
    wizard.grab().save(str(tmp_path / "projects-wizard.png"))
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)
    with store.read() as s:
        pid = s.scalar(sa.select(Project.id).where(Project.code == "UI-IMP-001"))
    assert [t.name for t in indicators.targets(store, pid)] == [orgs[1]]
