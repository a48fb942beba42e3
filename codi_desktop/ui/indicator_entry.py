"""A project's indicators on the project page: target and actual, entered in place
(double-click the number, type, Enter); each edit is one action."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from codi_desktop.services import indicators, projects
from codi_desktop.store.database import Store

from . import labels as L
from .errors import error_text

translate = QCoreApplication.translate
TARGET, ACTUAL = 2, 3


class IndicatorEntry(QTreeWidget):
    changed = Signal(str)  # indicator id
    failed = Signal(str)  # message

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("project_indicators")
        self.setRootIsDecorated(False)
        self.setColumnCount(4)
        self.setHeaderLabels([
            translate("ProjectPanel", "ตัวชี้วัด"), translate("ProjectPanel", "หน่วย"),
            translate("ProjectPanel", "เป้าหมาย"), translate("ProjectPanel", "ผลจริง")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked
                             | QTreeWidget.EditTrigger.EditKeyPressed)
        self._loading = False
        self.itemChanged.connect(self._edited)

    def load(self, project_id: str | None) -> None:
        self._loading = True
        self.clear()
        if project_id is not None:
            for i in projects.list_indicators(self.store, project_id):
                item = QTreeWidgetItem([i.name, i.unit or "", L.number_text(i.target),
                                        L.number_text(i.actual)])
                item.setData(0, Qt.ItemDataRole.UserRole, i.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.addTopLevelItem(item)
        self._loading = False

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column not in (TARGET, ACTUAL):
            return
        self.set_value(item, column, item.text(column))

    def set_value(self, item: QTreeWidgetItem, column: int, text: str) -> bool:
        """Write the typed target or actual of one indicator (one action)."""
        row_id = item.data(0, Qt.ItemDataRole.UserRole)
        raw = text.replace(",", "").strip()
        try:
            value = int(raw) if raw else None
            if column == ACTUAL:
                indicators.update_actual(self.store, row_id, value)
            else:
                current = [i for i in projects.list_indicators(self.store, self._project(row_id))
                           if i.id == row_id][0]
                indicators.update_actual(self.store, row_id, current.actual, target=value)
        except ValueError:
            self.failed.emit(translate("ProjectPanel", "กรุณากรอกตัวเลข"))
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.failed.emit(error_text(exc))
            return False
        self._loading = True
        item.setText(column, L.number_text(value))
        self._loading = False
        self.changed.emit(row_id)
        return True

    def _project(self, indicator_id: str) -> str:
        from codi_core.models import Indicator

        with self.store.read() as s:
            return s.get(Indicator, indicator_id).project_id
