"""The provincial development plan page: proposals of a fiscal year with the agencies
each was submitted to and what became of it; add a proposal, record a submission and an
agency's answer (accepted / pending / declined with its reason)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.formatting import bangkok_today
from codi_core.models import Outcome
from codi_desktop.services import plan, scope
from codi_desktop.services.dashboard import current_fiscal_year
from codi_desktop.store.database import Store

from . import labels as L
from .date_field import BeYearSpin, DateField
from .errors import error_text
from .labels import date_text
from .province_picker import ProvincePicker
from .widgets import MessageBar, heading


def outcome_names(tr) -> dict[str, str]:
    """Each outcome by its label (codi_core.labels), and the proposals not yet submitted."""
    return {**dict(L.choices(Outcome)), "not_submitted": tr("ยังไม่ได้ยื่น")}


class PlanPage(QWidget):
    record_changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.rows: list[plan.ProposalRow] = []
        self.message = MessageBar()
        self.province = ProvincePicker(store)
        self.province.currentIndexChanged.connect(lambda _i: self.reload())
        self.year = BeYearSpin()
        self.year.setObjectName("plan_year")
        self.year.converted.connect(lambda note: self.message.show_message(note, "info"))
        self.year.setValue(current_fiscal_year())
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.tree = QTreeWidget()
        self.tree.setObjectName("proposals")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("ข้อเสนอ / หน่วยงานที่ยื่น"), self.tr("ประเภท"),
                                   self.tr("วันที่"), self.tr("ผล")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.title = QLineEdit()
        self.title.setObjectName("proposal_title")
        self.kind = QComboBox()
        self.kind.setObjectName("proposal_kind")
        self.kind.addItem(self.tr("แผนพัฒนาจังหวัด"), "development_plan")
        self.kind.addItem(self.tr("ข้อเสนอเชิงนโยบาย"), "policy_proposal")
        add = QPushButton(self.tr("เพิ่มข้อเสนอ"))
        add.setObjectName("add_proposal")
        add.clicked.connect(self.add_proposal)
        add_box = QGroupBox(self.tr("ข้อเสนอใหม่"))
        f1 = QFormLayout(add_box)
        f1.addRow(self.tr("ชื่อข้อเสนอ"), self.title)
        f1.addRow(self.tr("ประเภท"), self.kind)
        f1.addRow(add)

        self.agency = QLineEdit()
        self.agency.setObjectName("submission_agency")
        self.submitted_on = DateField()
        self.submitted_on.setObjectName("submission_date")
        self.submitted_on.converted.connect(lambda note: self.message.show_message(note, "info"))
        submit = QPushButton(self.tr("บันทึกการยื่นข้อเสนอ"))
        submit.setObjectName("submit_proposal")
        submit.clicked.connect(self.submit_selected)
        sub_box = QGroupBox(self.tr("ยื่นข้อเสนอที่เลือกต่อหน่วยงาน"))
        f2 = QFormLayout(sub_box)
        f2.addRow(self.tr("หน่วยงาน"), self.agency)
        f2.addRow(self.tr("วันที่ยื่น"), self.submitted_on)
        f2.addRow(submit)

        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for key in ("accepted", "pending", "declined"):
            self.outcome.addItem(outcome_names(self.tr)[key], key)
        self.decided_on = DateField()
        self.decided_on.setObjectName("decided_on")
        self.decided_on.converted.connect(lambda note: self.message.show_message(note, "info"))
        self.reason = QLineEdit()
        self.reason.setObjectName("outcome_reason")
        record = QPushButton(self.tr("บันทึกผลการพิจารณา"))
        record.setObjectName("record_outcome")
        record.clicked.connect(self.record_selected)
        out_box = QGroupBox(self.tr("ผลการพิจารณาของหน่วยงาน (เลือกแถวการยื่น)"))
        f3 = QFormLayout(out_box)
        f3.addRow(self.tr("ผล"), self.outcome)
        f3.addRow(self.tr("วันที่พิจารณา"), self.decided_on)
        f3.addRow(self.tr("เหตุผล"), self.reason)
        f3.addRow(record)

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("แผนพัฒนาจังหวัดและข้อเสนอ")))
        top.addStretch(1)
        top.addWidget(self.province)
        top.addWidget(self.year)
        forms = QVBoxLayout()
        forms.addWidget(add_box)
        forms.addWidget(sub_box)
        forms.addWidget(out_box)
        forms.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tree, 3)
        body.addLayout(forms, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        try:
            self.rows = plan.proposals(self.store, self.year.value(), self.province.province())
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return
        names = outcome_names(self.tr)
        kinds = {"development_plan": self.tr("แผนพัฒนาจังหวัด"),
                 "policy_proposal": self.tr("ข้อเสนอเชิงนโยบาย")}
        self.tree.clear()
        for p in self.rows:
            item = QTreeWidgetItem([p.title, kinds.get(p.kind, p.kind), "",
                                    names.get(p.outcome, p.outcome)])
            item.setData(0, 32, ("proposal", p.id))
            for sub in p.submissions:
                result = names.get(sub.outcome, sub.outcome)
                if sub.reason:
                    result += f" ({sub.reason})"
                child = QTreeWidgetItem([sub.agency, "", date_text(sub.submitted_on), result])
                child.setData(0, 32, ("submission", sub.id))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)

    def _selected(self, kind: str) -> str | None:
        item = self.tree.currentItem()
        data = item.data(0, 32) if item is not None else None
        if data and data[0] == "submission" and kind == "proposal":
            data = item.parent().data(0, 32)
        return data[1] if data and data[0] == kind else None

    def select(self, kind: str, row_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for item in [top] + [top.child(j) for j in range(top.childCount())]:
                if item.data(0, 32) == (kind, row_id):
                    self.tree.setCurrentItem(item)
                    return

    def _act(self, fn, done: str) -> bool:
        try:
            row_id = fn()
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        self.message.show_message(done, "info")
        self.reload()
        if row_id:
            self.record_changed.emit(row_id)
        return True

    def add_proposal(self) -> bool:
        def fn():
            province = scope.one_province(self.store, self.province.province())
            return plan.save_proposal(self.store, plan.ProposalData(
                self.year.value(), self.kind.currentData(), self.title.text(),
                province=province))
        ok = self._act(fn, self.tr("เพิ่มข้อเสนอแล้ว"))
        if ok:
            self.title.clear()
        return ok

    def submit_selected(self) -> bool:
        pid = self._selected("proposal")
        if pid is None:
            self.message.show_message(self.tr("เลือกข้อเสนอก่อน"), "error")
            return False
        try:
            day = self.submitted_on.date() or bangkok_today()
        except ValueError as exc:
            self.message.show_message(str(exc), "error")
            return False
        return self._act(lambda: plan.submit_proposal(self.store, pid, self.agency.text(), day),
                         self.tr("บันทึกการยื่นข้อเสนอแล้ว"))

    def record_selected(self) -> bool:
        sid = self._selected("submission")
        if sid is None:
            self.message.show_message(self.tr("เลือกแถวการยื่นต่อหน่วยงานก่อน"), "error")
            return False
        try:
            day = self.decided_on.date()
        except ValueError as exc:
            self.message.show_message(str(exc), "error")
            return False

        def fn():
            plan.record_outcome(self.store, sid, self.outcome.currentData(), day,
                                self.reason.text())
            return sid
        return self._act(fn, self.tr("บันทึกผลการพิจารณาแล้ว"))
