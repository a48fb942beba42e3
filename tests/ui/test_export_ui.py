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
