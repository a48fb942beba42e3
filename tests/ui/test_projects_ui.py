"""The "Projects & budgets" page: register a project, record its budget ledger, reverse an
entry, allocate a program's budget — through the real window on a copy of the demo province."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt

from codi_core.models import ChangeSet, LedgerEntry
from codi_desktop.services import ledger, lists, projects
from codi_desktop.services.lists import ListFilter


def change_sets(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


def ledger_rows(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(LedgerEntry))


def projects_page(window):
    page = window.show_page("projects")
    page.ensure_loaded()
    return page


def click(qtbot, button) -> None:
    # a panel just shown is laid out on the next event loop turn: click where it really is
    qtbot.waitUntil(lambda: button.isVisible() and button.width() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def record(qtbot, type_text, budget, kind: str, amount: str, tranche: str = "") -> None:
    budget.kind.setCurrentIndex(budget.kind.findData(kind))
    budget.amount.clear()
    type_text(budget.amount, amount)
    if tranche:
        type_text(budget.tranche, tranche)
    click(qtbot, budget.record_button)


def test_register_project_record_budget_and_reverse(qtbot, type_text, window, monkeypatch):
    store = window.store
    refreshed = []  # the status bar's waiting count is refreshed after each write
    monkeypatch.setattr(window, "refresh_waiting", lambda: refreshed.append(1))
    page = projects_page(window)
    total = page.list.model.total
    click(qtbot, page.list.new_button)
    panel = page.list.detail
    form = panel.form
    assert form.record_id is None
    assert not panel.budget.isEnabled()  # no ledger before the project exists

    # an invalid fiscal year and an empty code show their reasons under the fields first
    fy = form.inputs["fiscal_year"].widget
    fy.clear()
    type_text(fy, "69")
    assert form.reason("fiscal_year") == (
        "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700")
    before = change_sets(store)
    assert form.save() is False
    assert form.reason("code") == "กรุณากรอกรหัสโครงการ"
    assert change_sets(store) == before  # nothing written while a field is wrong

    fy.clear()
    type_text(fy, "2569")
    assert form.reason("fiscal_year") == ""
    type_text(form.inputs["code"].widget, "UI-2569-001")
    type_text(form.inputs["name"].widget, "ซ่อมบ้านผู้ยากไร้ริมมูล")
    type_text(form.inputs["households"].widget, "12")
    org = form.inputs["organization_id"].widget
    org.setCurrentIndex(1)
    click(qtbot, form.save_button)
    assert form.message.text() == "บันทึกแล้ว"
    assert change_sets(store) == before + 1
    project_id = form.record_id
    assert page.list.model.total == total + 1
    assert lists.PROJECTS.count(store, ListFilter(text="UI-2569-001")) == 1
    assert any("UI-2569-001" in e for e in panel.history.entries())
    saved = projects.get_project(store, project_id)
    assert (saved.fiscal_year, saved.households) == (2569, 12)
    assert saved.organization_id == org.currentData() is not None
    assert len(refreshed) == 1

    # the budget tab: approval and two disbursements, each one change set
    budget = panel.budget
    assert budget.isEnabled()
    panel.tabs.setCurrentWidget(budget)
    record(qtbot, type_text, budget, "approval", "150,000")
    assert change_sets(store) == before + 2
    record(qtbot, type_text, budget, "disbursement", "60000", tranche="1")
    record(qtbot, type_text, budget, "disbursement", "40,000.50", tranche="2")
    assert change_sets(store) == before + 4
    assert "คงเหลือ ฿49,999.50" in budget.balance.text()
    assert [r[1] for r in budget.texts()] == ["อนุมัติโครงการ", "เบิกจ่าย", "เบิกจ่าย"]
    assert [r[3] for r in budget.texts()] == ["", "1", "2"]
    assert budget.texts()[2][2] == "฿40,000.50"

    assert len(refreshed) == 4

    # the program budget table follows: the program's approved column includes 150,000
    assert page._fiscal_year == 2569
    program = next(b for b in ledger.budget_by_program(store, 2569)
                   if b.program_id == saved.program_id)
    shown = {page.budget.item(r, 0).text(): page.budget.item(r, 2).text()
             for r in range(page.budget.rowCount())}
    assert program.approved >= 15_000_000
    assert shown[program.name_th] == f"฿{program.approved / 100:,.2f}"

    # over the approved amount: the service's Thai message, nothing written
    written, entries = change_sets(store), ledger_rows(store)
    record(qtbot, type_text, budget, "disbursement", "50,000", tranche="3")
    error = budget.message.text()  # in the panel's fixed message bar
    assert error.startswith("เบิกจ่ายเกินวงเงินอนุมัติ")
    assert "฿150,000.00" in error
    assert (change_sets(store), ledger_rows(store)) == (written, entries)

    # a negative amount is explained under the field before anything is sent
    budget.amount.clear()
    type_text(budget.amount, "-5")
    assert budget.reason("amount") == "จำนวนเงินต้องไม่ติดลบ"
    assert budget.record() is False
    assert change_sets(store) == written
    budget.amount.clear()
    budget.tranche.clear()

    # reverse the second disbursement after an inline confirmation
    budget.table.selectRow(0)
    assert budget.reverse_button.isEnabled()
    budget.table.selectRow(2)
    click(qtbot, budget.reverse_button)
    assert budget.confirm.isVisible()
    assert change_sets(store) == written  # asking writes nothing
    click(qtbot, budget.confirm.yes)
    assert change_sets(store) == written + 1
    assert len(refreshed) == 5
    balance = ledger.get_project_balance(store, project_id)
    assert (balance.approved, balance.disbursed) == (15_000_000, 6_000_000)
    assert "เบิกจ่ายแล้ว ฿60,000.00" in budget.balance.text()
    assert "คงเหลือ ฿90,000.00" in budget.balance.text()
    rows = budget.texts()
    assert rows[2][6] == "ถูกกลับรายการแล้ว"
    assert rows[3][1] == "รายการกลับบัญชี"
    # neither the reversed entry nor the reversal can be reversed again
    budget.table.selectRow(2)
    assert not budget.reverse_button.isEnabled()
    budget.table.selectRow(3)
    assert not budget.reverse_button.isEnabled()

    assert page.list.model.row_of(project_id) is not None


def test_allocation_and_delete_project(qtbot, type_text, window):
    store = window.store
    page = projects_page(window)
    page.show_budget()
    alloc = page.allocation
    fy = page._fiscal_year
    program = alloc.program.currentData()
    before_alloc = {b.program_id: b.allocated for b in ledger.budget_by_program(store, fy)}
    sets = change_sets(store)
    type_text(alloc.amount, "abc")
    assert alloc.reason("amount")
    assert alloc.record() is False
    alloc.amount.clear()
    type_text(alloc.amount, "2,500,000")
    click(qtbot, alloc.button)
    assert change_sets(store) == sets + 1
    after = {b.program_id: b.allocated for b in ledger.budget_by_program(store, fy)}
    assert after[program] == before_alloc[program] + 250_000_000
    shown = {page.budget.item(r, 0).text(): page.budget.item(r, 1).text()
             for r in range(page.budget.rowCount())}
    assert shown[alloc.program.currentText()] == f"฿{after[program] / 100:,.2f}"

    # open an existing project, delete it after an inline confirmation (a tombstone)
    page.tabs.setCurrentWidget(page.list)
    total = page.list.model.total
    page.list.table.setCurrentIndex(page.list.model.index(0, 0))
    form = page.list.detail.form
    qtbot.waitUntil(lambda: form.record_id is not None)
    gone = form.record_id
    click(qtbot, form.delete_button)
    assert form.confirm.isVisible()
    click(qtbot, form.confirm.yes)
    assert change_sets(store) == sets + 2
    assert page.list.model.total == total - 1
    assert page.list.model.row_of(gone) is None
