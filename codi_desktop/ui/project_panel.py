"""The project detail panel of the "Projects & budgets" page: the project form (validated as
you type, one service call per save, tombstone after an inline confirmation, history tab),
the project's budget ledger (balance, entries, record an approval / disbursement /
expenditure / refund, reverse an entry) and the allocation form (HQ → province).

Ledger entries are never edited: a mistake is corrected with a reversal, so the only
actions here are "record" and "reverse". A refusal from the ledger rules is shown inline
and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today, fiscal_year, parse_baht
from codi_desktop.services import ledger, lists, projects, scope
from codi_desktop.store.database import Store

from . import labels as L
from .date_field import BeYearField, DateField, date_error, typed_year
from .field_errors import FieldErrors
from .i18n import current_language
from .indicator_entry import IndicatorEntry
from .project_targets import ProjectTargets
from .record_form import FieldInput, FieldSpec, FormSpec
from .record_panel import RecordPanel
from .widgets import ConfirmBar, MessageBar, NoticeSlot

translate = QCoreApplication.translate

# The ledger kinds a person records against a project (allocation is per program;
# a reversal comes from "reverse this entry").
PROJECT_ENTRY_KINDS = ("approval", "disbursement", "expenditure", "refund")

_RECORD = {
    "approval": ledger.record_approval,
    "disbursement": ledger.record_disbursement,
    "expenditure": ledger.record_expenditure,
    "refund": ledger.record_refund,
}


def _amount(text: str) -> int:
    """Satang from what was typed; ``ValueError`` with a Thai message otherwise."""
    return parse_baht(text)


def _int_or_none(text: str) -> int | None:
    text = text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


def project_spec(store: Store) -> FormSpec:
    program_choices = [(c.value, c.name(current_language())) for c in lists.programs(store)]
    first_program = program_choices[0][0] if program_choices else ""

    def new_data() -> projects.ProjectData:
        return projects.ProjectData(program_id=first_program, fiscal_year=fiscal_year(bangkok_today()))

    return FormSpec(
        table="project",
        data_cls=new_data,
        fields=[
            FieldSpec("code", translate("ProjectPanel", "รหัสโครงการ")),
            FieldSpec("name", translate("ProjectPanel", "ชื่อโครงการ")),
            FieldSpec("program_id", translate("ProjectPanel", "แผนงาน"), "choice", program_choices),
            FieldSpec("fiscal_year", translate("ProjectPanel", "ปีงบประมาณ (พ.ศ.)"), "be_year"),
            FieldSpec("organization_id", translate("ProjectPanel", "องค์กร"), "choice", optional_choice=True),
            FieldSpec("community_id", translate("ProjectPanel", "ชุมชน"), "choice", optional_choice=True),
            FieldSpec("subdistrict_id", translate("ProjectPanel", "ตำบล"), "subdistrict"),
            FieldSpec("status", translate("ProjectPanel", "สถานะ"), "choice", L.choices(L.PROJECT_STATUS)),
            FieldSpec("funding_type", translate("ProjectPanel", "ประเภทเงิน"), "choice",
                      L.choices(L.FUNDING_TYPE)),
            FieldSpec("households", translate("ProjectPanel", "จำนวนครัวเรือน"), "int"),
            FieldSpec("starts_on", translate("ProjectPanel", "วันที่เริ่ม"), "date"),
            FieldSpec("ends_on", translate("ProjectPanel", "วันที่สิ้นสุด"), "date"),
            FieldSpec("description", translate("ProjectPanel", "รายละเอียดโครงการ"), "multiline"),
        ],
        validate=projects.validate_project,
        create=projects.create_project,
        update=projects.update_project,
        delete=projects.delete_project,
        get=projects.get_project,
        title_new=translate("ProjectPanel", "ลงทะเบียนโครงการใหม่"),
        title_of=lambda d: f"{d.code} {d.name}".strip() or translate("ProjectPanel", "โครงการ"),
        delete_question=translate("ProjectPanel", "ลบโครงการนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


def _refill(inp: FieldInput, choices: list[tuple[str, str]]) -> None:
    """Reload a record combo (organizations, communities) so new records show up."""
    combo: QComboBox = inp.widget
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem("", None)
        for value, text in choices:
            combo.addItem(text, value)
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
    finally:
        combo.blockSignals(False)


class BudgetPanel(QWidget):
    """One project's balance and ledger entries, with the record and reverse actions."""

    changed = Signal(str)  # an entry was written for this project

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.rows: list[ledger.LedgerEntryRow] = []

        self.balance = QLabel()
        self.balance.setObjectName("project_balance")
        self.message = MessageBar()
        self.confirm = ConfirmBar()
        self.confirm.confirmed.connect(self._reverse)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("ledger_entries")
        self.table.setHorizontalHeaderLabels([
            translate("ProjectPanel", "วันที่"), translate("ProjectPanel", "รายการ"), translate("ProjectPanel", "จำนวนเงิน"),
            translate("ProjectPanel", "งวดที่"), translate("ProjectPanel", "เลขที่เอกสาร"), translate("ProjectPanel", "หมายเหตุ"),
            translate("ProjectPanel", "สถานะ"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.reverse_button = QPushButton(translate("ProjectPanel", "กลับรายการที่เลือก…"))
        self.reverse_button.setObjectName("reverse_entry")
        self.reverse_button.setEnabled(False)
        self.reverse_button.clicked.connect(self._ask_reverse)

        self.kind = QComboBox()
        self.kind.setObjectName("entry_kind")
        for value in PROJECT_ENTRY_KINDS:
            self.kind.addItem(L.label(L.LEDGER_KIND, value), value)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.amount = QLineEdit()
        self.amount.setObjectName("entry_amount")
        self.amount.setPlaceholderText("0.00")
        self.amount.textChanged.connect(lambda _t: self._validate())
        self.field_errors = FieldErrors(self.message)
        self.entry_date = DateField()
        self.entry_date.converted.connect(lambda note: self.message.show_message(note, "info"))
        self.entry_date.setObjectName("entry_date")
        self.entry_date.textChanged.connect(lambda _t: self._validate())
        self.tranche = QLineEdit()
        self.tranche.setObjectName("entry_tranche")
        self.tranche.textChanged.connect(lambda _t: self._validate())
        self.tranche_label = QLabel(translate("ProjectPanel", "งวดที่"))
        self.reference = QLineEdit()
        self.reference.setObjectName("entry_reference")
        self.note = QLineEdit()
        self.note.setObjectName("entry_note")
        self.record_button = QPushButton(translate("ProjectPanel", "บันทึกรายการ"))
        self.record_button.setObjectName("record_entry")
        self.record_button.clicked.connect(self.record)

        form = QFormLayout()
        self._labels = {"amount": translate("ProjectPanel", "จำนวนเงิน (บาท)"),
                        "date": translate("ProjectPanel", "วันที่ (ว่าง = วันนี้)")}
        form.addRow(translate("ProjectPanel", "รายการ"), self.kind)
        form.addRow(self._labels["amount"], self.amount)
        form.addRow(self._labels["date"], self.entry_date)
        form.addRow(self.tranche_label, self.tranche)
        form.addRow(translate("ProjectPanel", "เลขที่เอกสาร"), self.reference)
        form.addRow(translate("ProjectPanel", "หมายเหตุ"), self.note)
        top = QHBoxLayout()
        top.addWidget(self.balance, 1)
        top.addWidget(self.reverse_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(NoticeSlot(self.message, self.confirm))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._touched = False
        self._kind_changed()

    # --- showing ----------------------------------------------------------------------

    def load(self, project_id: str | None) -> None:
        self.project_id = project_id
        self.message.hide()
        self.confirm.hide()
        self.setEnabled(project_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.table.setRowCount(0)
        if self.project_id is None:
            self.rows = []
            self.balance.setText(translate("ProjectPanel", "บันทึกโครงการก่อน แล้วจึงบันทึกงบประมาณ"))
            self._selection_changed()
            return
        b = ledger.get_project_balance(self.store, self.project_id)
        parts = (
            translate("ProjectPanel", "อนุมัติ %1 · เบิกจ่ายแล้ว %2 · คงเหลือ %3 · รายงานการใช้จ่าย %4")
            .replace("%1", L.money_text(b.approved)).replace("%2", L.money_text(b.disbursed))
            .replace("%3", L.money_text(b.remaining)).replace("%4", L.money_text(b.spent))
        ).split(" · ")
        # two lines of two figures: Qt would otherwise wrap Thai in the middle of a word
        self.balance.setText("\n".join(" · ".join(parts[i:i + 2]) for i in range(0, len(parts), 2)))
        self.rows = ledger.project_entries(self.store, self.project_id)
        self.table.setRowCount(len(self.rows))
        for r, e in enumerate(self.rows):
            if e.kind == "reversal":
                state = translate("ProjectPanel", "กลับรายการ")
            elif e.reversed:
                state = translate("ProjectPanel", "ถูกกลับรายการแล้ว")
            else:
                state = ""
            values = [L.date_text(e.entry_date), L.label(L.LEDGER_KIND, e.kind),
                      L.money_text(e.amount_satang), str(e.tranche_no or ""), e.reference or "",
                      e.note or "", state]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if e.reversed or e.kind == "reversal":
                    font = item.font()
                    font.setStrikeOut(e.reversed)
                    font.setItalic(e.kind == "reversal")
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self._selection_changed()

    def texts(self) -> list[list[str]]:
        """The entries as shown (row by row)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    # --- recording ----------------------------------------------------------------------

    def _kind_changed(self) -> None:
        is_tranche = self.kind.currentData() == "disbursement"
        self.tranche.setVisible(is_tranche)
        self.tranche_label.setVisible(is_tranche)
        self._validate()

    def _read(self) -> tuple[dict | None, dict[str, str]]:
        problems: dict[str, str] = {}
        values: dict = {}
        try:
            values["amount_satang"] = _amount(self.amount.text())
        except ValueError as exc:
            problems["amount"] = str(exc) if current_language() == "th" else translate("ProjectPanel", "จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50")
        if "amount" not in problems and values["amount_satang"] <= 0:
            problems["amount"] = ServiceError("amount_positive").message(current_language())
        try:
            values["entry_date"] = self.entry_date.date() or bangkok_today()
        except ValueError:
            problems["date"] = date_error()
        if self.kind.currentData() == "disbursement":
            try:
                tranche = _int_or_none(self.tranche.text())
            except ValueError:
                problems["tranche"] = translate("ProjectPanel", "งวดที่ต้องเป็นตัวเลข")
            else:
                if tranche is not None and tranche < 1:
                    problems["tranche"] = translate("ProjectPanel", "งวดที่ต้องเป็นตัวเลข")
                values["tranche_no"] = tranche
        values["reference"] = self.reference.text()
        values["note"] = self.note.text()
        return (None if problems else values), problems

    def _validate(self, show_all: bool = False, prefix: str | None = None) -> bool:
        if self.amount.text() or self.entry_date.text() or self.tranche.text():
            self._touched = True
        _values, problems = self._read()
        visible = show_all or self._touched
        for name, widget, label in (("amount", self.amount, self._labels["amount"]),
                                    ("date", self.entry_date, self._labels["date"]),
                                    ("tranche", self.tranche, self.tranche_label.text())):
            self.field_errors.set(name, widget, label, problems.get(name) if visible else None)
        self.field_errors.show(prefix)
        return not problems

    def reason(self, name: str) -> str:
        """The reason shown for field ``amount``, ``date`` or ``tranche``."""
        return self.field_errors.reason(name)

    def record(self) -> bool:
        """Record the typed entry (one service call); a refusal is shown, nothing written."""
        if self.project_id is None:
            return False
        self.message.hide()
        if not self._validate(show_all=True,
                              prefix=translate("ProjectPanel", "ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:")):
            return False
        values, _ = self._read()
        kind = self.kind.currentData()
        try:
            _RECORD[kind](self.store, project_id=self.project_id, **values)
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return False
        for w in (self.amount, self.entry_date, self.tranche, self.reference, self.note):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        self._touched = False
        self._validate()
        self.message.show_message(
            translate("ProjectPanel", "บันทึก%1แล้ว").replace("%1", L.label(L.LEDGER_KIND, kind)), "ok")
        self.refresh()
        self.changed.emit(self.project_id)
        return True

    # --- reversing ----------------------------------------------------------------------

    def selected_entry(self) -> ledger.LedgerEntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _selection_changed(self) -> None:
        e = self.selected_entry()
        self.reverse_button.setEnabled(
            e is not None and not e.reversed and e.kind != "reversal")

    def _ask_reverse(self) -> None:
        e = self.selected_entry()
        if e is None or e.reversed or e.kind == "reversal":
            return
        self.confirm.ask(
            translate("ProjectPanel", "กลับรายการ %1 %2 วันที่ %3? ระบบจะบันทึกรายการกลับบัญชีจำนวนเดียวกัน (รายการเดิมไม่ถูกลบ)")
            .replace("%1", L.label(L.LEDGER_KIND, e.kind))
            .replace("%2", L.money_text(e.amount_satang))
            .replace("%3", L.date_text(e.entry_date)),
            translate("ProjectPanel", "กลับรายการ"),
        )

    def _reverse(self) -> None:
        e = self.selected_entry()
        if e is None or self.project_id is None:
            return
        try:
            ledger.record_reversal(self.store, entry_id=e.id, entry_date=bangkok_today())
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return
        self.message.show_message(translate("ProjectPanel", "กลับรายการแล้ว"), "ok")
        self.refresh()
        self.changed.emit(self.project_id)


class ProjectPanel(RecordPanel):
    """A project: form, budget ledger and history tabs."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, project_spec(store), parent)
        self.budget = BudgetPanel(store)
        self.budget.setObjectName("project_budget")
        self.tabs.insertTab(1, self.budget, translate("ProjectPanel", "งบประมาณ"))
        self.budget.changed.connect(self.changed.emit)
        # indicators: target and actual entered in place (issue 11, ui/indicator_entry.py)
        self.indicators = IndicatorEntry(store)
        self.indicators.changed.connect(self.changed.emit)
        self.tabs.insertTab(2, self.indicators, translate("ProjectPanel", "ตัวชี้วัด"))
        self.targets = ProjectTargets(store)  # more organizations, communities, tambons
        self.targets.changed.connect(self.changed.emit)
        self.tabs.insertTab(3, self.targets, translate("ProjectPanel", "พื้นที่และองค์กรเป้าหมาย"))

    def _load_indicators(self, project_id: str | None) -> None:
        self.indicators.load(project_id)
        self.targets.load(project_id)

    def _refill_choices(self, record_id: str | None) -> None:
        """The organizations and communities of the project's own province (a new
        project's: the province the page's selector shows)."""
        province = scope.form_province(self.store, "project", record_id)
        for name, table in (("organization_id", "organization"), ("community_id", "community")):
            found = lists.search_names(self.store, table, "", limit=5000, province=province)
            _refill(self.form.inputs[name], [(c.value, c.name_th) for c in found])

    def _show(self, record_id: str) -> None:
        self._refill_choices(record_id)
        super()._show(record_id)
        self.budget.load(self.form.record_id)
        self._load_indicators(self.form.record_id)

    def _new(self) -> None:
        self._refill_choices(None)
        super()._new()
        self.budget.load(None)
        self._load_indicators(None)

    def _saved(self, record_id: str) -> None:
        super()._saved(record_id)
        self.budget.load(record_id)

    def _deleted(self, record_id: str) -> None:
        super()._deleted(record_id)
        self.budget.load(None)
        self._load_indicators(None)


class AllocationForm(QWidget):
    """Record HQ's allocation to the province for one program and fiscal year."""

    recorded = Signal(int)  # fiscal year

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.program = QComboBox()
        self.program.setObjectName("allocation_program")
        for c in lists.programs(store):
            self.program.addItem(c.name(current_language()), c.value)
        self.fiscal_year = BeYearField()
        self.fiscal_year.setObjectName("allocation_fiscal_year")
        self.fiscal_year.setPlaceholderText(translate("ProjectPanel", "ปีงบประมาณ"))
        self.fiscal_year.setMaximumWidth(90)
        self.amount = QLineEdit()
        self.amount.setObjectName("allocation_amount")
        self.amount.setPlaceholderText(translate("ProjectPanel", "จำนวนเงิน (บาท)"))
        self.button = QPushButton(translate("ProjectPanel", "บันทึกการจัดสรร"))
        self.button.setObjectName("record_allocation")
        self.button.clicked.connect(self.record)
        # the reasons and the results in one reserved place (nothing moves when they come)
        self.message = MessageBar()
        self.message.setObjectName("allocation_message")
        self.field_errors = FieldErrors(self.message)
        self._note = ""
        for w in (self.fiscal_year, self.amount):
            w.textChanged.connect(lambda _t: self._validate())
        self.fiscal_year.converted.connect(self._converted)  # the CE-year note, visible
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("ProjectPanel", "จัดสรรงบประมาณ:")))
        row.addWidget(self.program, 1)
        row.addWidget(self.fiscal_year)
        row.addWidget(self.amount)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(NoticeSlot(self.message))

    def _converted(self, note: str) -> None:
        self._note = note
        self.message.show_message(note, "info")

    def reason(self, name: str) -> str:
        """The reason shown for ``fiscal_year`` or ``amount`` ("" when none)."""
        return self.field_errors.reason(name)

    def set_fiscal_year(self, fy: int | None) -> None:
        if fy is not None and not self.fiscal_year.text():
            self.fiscal_year.blockSignals(True)
            self.fiscal_year.setText(str(fy))
            self.fiscal_year.blockSignals(False)

    def _read(self) -> tuple[dict | None, dict[str, str]]:
        problems: dict[str, str] = {}
        try:
            fy = typed_year(self.fiscal_year.text())  # a whole CE year counts as BE (one rule)
        except ValueError:
            fy = None
        if fy is None or not 2500 <= fy <= 2700:
            problems["fiscal_year"] = ServiceError("fiscal_year_range").message(current_language())
        try:
            amount = _amount(self.amount.text())
        except ValueError as exc:
            problems["amount"] = (str(exc) if current_language() == "th" else translate("ProjectPanel", "จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50"))
        else:
            if amount <= 0:
                problems["amount"] = ServiceError("amount_positive").message(current_language())
        if problems:
            return None, problems
        return {"program_id": self.program.currentData(), "fiscal_year": fy,
                "amount_satang": amount}, problems

    def _show(self, problems: dict[str, str], prefix: str | None = None) -> None:
        self.field_errors.set("fiscal_year", self.fiscal_year,
                              translate("ProjectPanel", "ปีงบประมาณ"), problems.get("fiscal_year"))
        self.field_errors.set("amount", self.amount,
                              translate("ProjectPanel", "จำนวนเงิน (บาท)"), problems.get("amount"))
        self.field_errors.show(prefix)

    def _validate(self) -> bool:
        values, problems = self._read()
        self._show(problems if self.amount.text() else {})
        return values is not None

    def record(self) -> bool:
        note = self._note if self._note and self.fiscal_year.toolTip() == self._note else ""
        self._note = ""
        self.fiscal_year.convert_ce()  # a CE year typed and the button pressed at once
        note = self._note or note
        values, problems = self._read()
        if values is None:
            self._show(problems, translate("ProjectPanel", "ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:"))
            return False
        try:
            ledger.record_allocation(self.store, entry_date=bangkok_today(), **values)
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return False
        self._show({})
        self.amount.blockSignals(True)
        self.amount.clear()
        self.amount.blockSignals(False)
        done = translate("ProjectPanel", "บันทึกการจัดสรร %1 แล้ว").replace(
            "%1", L.money_text(values["amount_satang"]))
        self.message.show_message(f"{done} · {note}" if note else done, "ok")  # the note stays
        self.recorded.emit(values["fiscal_year"])
        return True


__all__ = ["AllocationForm", "BudgetPanel", "ProjectPanel", "project_spec"]
