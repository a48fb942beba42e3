"""The detail panel of an editable list: the record form, its history tab, and an inline
"discard your typing?" when the person switches record with unsaved changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from codi_desktop.store.database import Store

from .history_panel import HistoryPanel
from .list_page import DetailPanel
from .record_form import FormSpec, RecordForm
from .widgets import ConfirmBar, ScrollingTabs

translate = QCoreApplication.translate


class RecordPanel(DetailPanel):
    """Form + history tab (+ extra tabs) for one editable record list."""

    def __init__(self, store: Store, spec: FormSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.form = RecordForm(store, spec)
        self.history = HistoryPanel(store, spec.table)
        # the extra tabs (budget, memberships…) scroll, so a tall one never makes the
        # window taller than a 768-pixel laptop; the form and the history scroll by themselves
        self.tabs = ScrollingTabs()
        self.tabs.addTab(self.form, translate("Form", "รายละเอียด"), scroll=False)
        self.tabs.addTab(self.history, translate("Form", "ประวัติการแก้ไข"), scroll=False)
        self.discard = ConfirmBar()
        self.discard.setObjectName("discard_bar")
        self.discard.confirmed.connect(self._discard_confirmed)
        self._pending: object = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form.notices.add(self.discard)  # asks in the form's notice place
        layout.addWidget(self.tabs)
        self.form.saved.connect(self._saved)
        self.form.deleted.connect(self._deleted)

    # Switching record while the form holds unsaved typing asks first (inline).
    _NEW = object()

    def show_record(self, record_id: str) -> None:
        if record_id != self.form.record_id and self._ask_discard(record_id):
            return
        self._show(record_id)

    def new_record(self) -> None:
        if self._ask_discard(self._NEW):
            return
        self._new()

    def _ask_discard(self, target: object) -> bool:
        if not self.form.is_dirty():
            return False
        self._pending = target
        self.tabs.setCurrentIndex(0)
        self.discard.ask(
            translate("Form", "มีการแก้ไขที่ยังไม่ได้บันทึก จะทิ้งการแก้ไขนี้หรือไม่?"),
            translate("Form", "ทิ้งการแก้ไข"),
            translate("Form", "แก้ไขต่อ"),
        )
        return True

    def _discard_confirmed(self) -> None:
        target, self._pending = self._pending, None
        if target is self._NEW:
            self._new()
        elif isinstance(target, str):
            self._show(target)

    def _show(self, record_id: str) -> None:
        self.discard.hide()
        self.form.load(record_id)
        self.history.load(record_id)

    def _new(self) -> None:
        self.discard.hide()
        self.tabs.setCurrentIndex(0)
        self.form.load(None)
        self.history.load(None)
        first = next(iter(self.form.inputs.values()))
        first.widget.setFocus()

    def shown_record(self) -> str | None:
        return self.form.record_id

    def _saved(self, record_id: str) -> None:
        self.history.load(record_id)
        self.changed.emit(record_id)

    def _deleted(self, record_id: str) -> None:
        self.history.load(None)
        self.changed.emit(record_id)
