"""Spreadsheet exports from the window (issue 14): the budget report from the projects
page, through the app's Thai save dialog that remembers the folder; the file read back
with openpyxl holds numbers, not text."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import sqlalchemy as sa
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from codi_core.models import LedgerEntry, Program
from codi_desktop.ui import file_dialogs


def answer_save_dialog(seen: dict) -> None:
    """When the app's save dialog opens, note its title, folder and the file name it
    offers, and press Save (as a person keeping the offered name does)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, fill)
            return
        seen["title"] = dialog.windowTitle()
        seen["folder"] = dialog.directory().absolutePath()
        seen["name"] = dialog.selectedFiles()[0] if dialog.selectedFiles() else ""
        dialog.accept()

    QTimer.singleShot(50, fill)


def ledger_totals(store, fiscal_year: int) -> dict[str, dict[str, int]]:
    """The test's own sums per program code and kind, from the ledger rows (a reversal
    takes back the entry it reverses)."""
    with store.read() as s:
        entries = {e.id: e for e in s.scalars(sa.select(LedgerEntry).where(
            LedgerEntry.deleted_at.is_(None)))}
        codes = {p.id: p.code for p in s.scalars(sa.select(Program))}
    out: dict[str, dict[str, int]] = {}
    for e in entries.values():
        if e.fiscal_year != fiscal_year:
            continue
        kind, sign = e.kind.value, 1
        if kind == "reversal":
            kind, sign = entries[e.reverses_id].kind.value, -1
        per = out.setdefault(codes[e.program_id], {})
        per[kind] = per.get(kind, 0) + sign * e.amount_satang
    return out


def test_the_budget_report_exports_to_xlsx_with_numbers(qtbot, window, tmp_path):
    page = window.show_page("projects")
    page.ensure_loaded()
    fy = page._fiscal_year
    assert fy is not None and page.export_budget.isEnabled()
    folder = tmp_path / "ตารางงบประมาณ"
    folder.mkdir()
    file_dialogs.remember("export", str(folder / "รายการเดิม.xlsx"))
    out = folder / f"งบประมาณตามแผนงาน ปีงบประมาณ {fy}.xlsx"
    seen: dict = {}
    answer_save_dialog(seen)
    qtbot.mouseClick(page.export_budget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(out) in page.print_status.text(), timeout=20000)
    # The dialog: Thai title, the folder the last spreadsheet went to, a Thai file name.
    assert seen["title"] == "ส่งออกงบประมาณ"
    assert seen["folder"] == str(folder)
    assert seen["name"] == str(out)
    assert file_dialogs.last_folder("export") == folder

    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:3] == ("รหัสแผนงาน", "แผนงาน", "ปีงบประมาณ")
    assert total[0] == "รวม"
    oracle = ledger_totals(window.store, fy)
    assert oracle, "the demo province has a budget in the year shown"
    col = {name: header.index(name) for name in header}
    for row in body:
        assert isinstance(row[col["ปีงบประมาณ"]], int) and row[col["ปีงบประมาณ"]] == fy
        sums = oracle.get(row[0], {})
        for name, want in (("จัดสรร", sums.get("allocation", 0)),
                           ("อนุมัติ", sums.get("approval", 0)),
                           ("เบิกจ่ายสุทธิ",
                            sums.get("disbursement", 0) - sums.get("refund", 0))):
            value = row[col[name]]
            assert isinstance(value, int | float), (name, value)
            assert Decimal(str(value)) * 100 == want, (row[0], name)
    # The money cells carry the baht format, and the total row sums them.
    money = ws.cell(2, col["จัดสรร"] + 1)
    assert "฿" in money.number_format
    assert total[col["จัดสรร"]] == f"=SUM(D2:D{len(body) + 1})"
    # What the page shows for each program is what the file holds.
    shown = {page.budget.item(r, 0).text(): page.budget.item(r, 1).text()
             for r in range(page.budget.rowCount())}
    in_file = {row[1]: row[col["จัดสรร"]] for row in body}
    for name, text in shown.items():
        assert Decimal(text.replace("฿", "").replace(",", "")) == Decimal(str(in_file[name]))


def test_the_comparison_exports_as_shown_with_levels_and_years_as_numbers(qtbot, window,
                                                                         tmp_path):
    from codi_desktop.services import assessment

    store = window.store
    fy = 2569
    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", ["34", "35", "33", "37"])
    levels = {"35": [4, 3, 4, 3, 4, 3, 4, 3, 4, 3], "33": [1, 0, 2, 1, 0, 2, 1, 0, 2, 1]}
    for code, mine in levels.items():
        assessment.save_assessment(store, assessment.AssessmentDraft(
            fy, province=code,
            scores={n: assessment.ScoreDraft(n, lv) for n, lv in enumerate(mine, start=1)}))
    page = window.show_page("comparison")
    page.year.setValue(fy)
    page.reload()
    page.table.sortItems(0, Qt.SortOrder.AscendingOrder)  # the person sorts by name
    shown = page.provinces_shown()
    assert sorted(shown) == ["33", "34", "35", "37"]
    folder = tmp_path / "เปรียบเทียบ"
    folder.mkdir()
    file_dialogs.remember("export", str(folder / "อื่น.xlsx"))
    seen: dict = {}
    answer_save_dialog(seen)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    out = folder / f"เปรียบเทียบจังหวัด ปีงบประมาณ {fy}.xlsx"
    assert seen["title"] == "ส่งออกตารางเปรียบเทียบ" and seen["name"] == str(out)
    assert str(out) in page.message.text()

    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert [r[0] for r in body] == shown  # the order on screen
    col = {name: i for i, name in enumerate(header)}
    for i, row in enumerate(body):
        assert isinstance(row[col["ปีงบประมาณ"]], int) and row[col["ปีงบประมาณ"]] == fy
        file_levels = [row[col[f"เกณฑ์ที่ {n}"]] for n in range(1, 11)]
        assert all(isinstance(v, int) for v in file_levels), file_levels
        # what the view shows, cell by cell
        assert file_levels == [page.table.item(i, 2 + c).data(Qt.ItemDataRole.DisplayRole)
                               for c in range(10)]
        assert row[col["ความพร้อม (%)"]] == page.table.item(i, 12).data(
            Qt.ItemDataRole.DisplayRole)
        assert row[col["จังหวัด"]] == page.table.item(i, 0).text()
        if row[0] in levels:  # the levels this test saved, and its own readiness sum
            assert file_levels == levels[row[0]]
            want = round(sum(levels[row[0]]) / 40 * 100, 1)
            assert isinstance(row[col["ความพร้อม (%)"]], int | float)
            assert row[col["ความพร้อม (%)"]] == want
    not_assessed = body[[r[0] for r in body].index("37")]
    assert not_assessed[col["ผลการประเมิน"]] == "ยังไม่ประเมิน"
    assert ws.cell(2, col["ความพร้อม (%)"] + 1).number_format == "0.0"


# Every header an export writes, by the kind of cell it must hold (the test's own table:
# a new column fails here until someone says what its cells are).
NUMBERS = {"หมู่ที่", "ครัวเรือน", "ประชากร", "จำนวนสมาชิก", "ยอดเงินกองทุน", "เงินออม",
           "ปีงบประมาณ", "วงเงินอนุมัติ", "เบิกจ่ายสุทธิ", "จัดสรร", "อนุมัติ",
           "คงเหลือ (จัดสรร − อนุมัติ)", "ครั้งที่", "ปี (ของครั้งที่)", "ผู้มาประชุม (คน)",
           "ผู้ไม่มาประชุม (คน)", "ความพร้อม (%)", *[f"เกณฑ์ที่ {n}" for n in range(1, 11)]}
DATES = {"วันที่ก่อตั้ง", "วันที่จดแจ้งจัดตั้ง", "เป็นสมาชิกตั้งแต่", "วันที่เริ่ม", "วันที่สิ้นสุด",
         "วันที่และเวลา"}
TEXTS = {"ชื่อชุมชน", "ประเภทชุมชน", "รหัสตำบล", "ตำบล", "อำเภอ", "ผู้นำชุมชน", "โทรศัพท์",
         "หมายเหตุ", "ชื่อองค์กร", "ประเภทองค์กร", "ภาคส่วน", "ชุมชน", "คำนำหน้า", "ชื่อ",
         "นามสกุล", "เพศ", "ตำแหน่ง", "อีเมล", "องค์กร", "บทบาทในองค์กร", "รหัสโครงการ",
         "ชื่อโครงการ", "แผนงาน", "องค์กรที่รับผิดชอบ", "ชุมชนเป้าหมาย", "สถานะ",
         "ประเภทงบประมาณ", "รายละเอียด", "รหัสแผนงาน", "เรื่อง", "ประเภท", "สถานที่",
         "องค์กร / ผู้จัด", "รหัสจังหวัด", "จังหวัด", "ผลการประเมิน"}


def test_every_export_writes_numbers_and_dates_not_text(demo_store, tmp_path):
    import datetime as dt
    import re
    from zoneinfo import ZoneInfo

    from codi_core.models import Meeting
    from codi_desktop.exporting.tables import (
        EXPORTS,
        export_budget,
        export_comparison,
        export_list,
    )

    files = {}
    for kind in EXPORTS:
        files[kind] = tmp_path / f"{kind}.xlsx"
        assert export_list(demo_store, kind, files[kind]) > 0, kind
    files["budget"] = tmp_path / "budget.xlsx"
    export_budget(demo_store, 2569, files["budget"])
    files["comparison"] = tmp_path / "comparison.xlsx"
    export_comparison(demo_store, 2569, files["comparison"])
    assert {"communities", "organizations", "people", "projects", "meetings"} <= set(files)
    looks_numeric = re.compile(r"^[฿\d][\d,]*(\.\d+)?$")
    for kind, path in files.items():
        ws = openpyxl.load_workbook(path).active
        rows = list(ws.iter_rows())
        header = [c.value for c in rows[0]]
        unknown = set(header) - NUMBERS - DATES - TEXTS
        assert not unknown, (kind, unknown)
        filled = {h: 0 for h in header}
        for row in rows[1:]:
            if row[0].value in ("รวม", "Total"):
                continue  # the SUM row
            for name, cell in zip(header, row, strict=True):
                value = cell.value
                if value is None:
                    continue
                filled[name] += 1
                if name in NUMBERS:
                    assert isinstance(value, int | float), (kind, name, value)
                elif name in DATES:
                    assert isinstance(value, dt.datetime), (kind, name, value)
                    assert "[$-107041E]" in cell.number_format  # shown in the Buddhist Era
                elif name not in ("รหัสตำบล", "โทรศัพท์", "รหัสจังหวัด"):
                    assert not looks_numeric.match(str(value)), (kind, name, value)
        # the demo fills the columns this test is about
        for name in set(header) & (NUMBERS | DATES) - {"วันที่จดแจ้งจัดตั้ง", "วันที่สิ้นสุด"}:
            assert filled[name], (kind, name)

    # Meeting dates are the stored moments in Bangkok time.
    ws = openpyxl.load_workbook(files["meetings"]).active
    header = [c.value for c in ws[1]]
    with demo_store.read() as s:
        latest = s.scalars(sa.select(Meeting).where(Meeting.deleted_at.is_(None))
                           .order_by(Meeting.starts_at.desc(), Meeting.id)).first()
    first = [c.value for c in ws[2]]
    starts = latest.starts_at if latest.starts_at.tzinfo else latest.starts_at.replace(
        tzinfo=dt.UTC)
    assert first[header.index("วันที่และเวลา")] == starts.astimezone(
        ZoneInfo("Asia/Bangkok")).replace(tzinfo=None)
    assert first[header.index("เรื่อง")] == latest.title


def test_the_meetings_page_exports_dates_as_dates(qtbot, window, tmp_path):
    import datetime as dt

    page = window.show_page("meetings")
    page.ensure_loaded()
    list_page = getattr(page, "list", page)
    out = tmp_path / "การประชุม.xlsx"
    task = list_page.export_to(str(out))
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[0] == "วันที่และเวลา" and ws.max_row == list_page.model.total + 1
    when = ws.cell(2, 1)
    assert isinstance(when.value, dt.datetime) and "[$-107041E]" in when.number_format
    count = ws.cell(2, header.index("ผู้มาประชุม (คน)") + 1).value
    assert isinstance(count, int)
