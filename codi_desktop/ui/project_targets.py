"""A project's further organizations, target communities and tambons (a project may
have several of each), on the project page: list, add, remove; one action each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import indicators, lists, scope
from codi_desktop.store.database import Store

from .errors import error_text

translate = QCoreApplication.translate


class ProjectTargets(QWidget):
    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id: str | None = None
        self.setObjectName("project_targets")
        self.list = QListWidget()
        self.kind = QComboBox()
        for key, text in (("organization", translate("ProjectTargets", "องค์กร")),
                          ("community", translate("ProjectTargets", "ชุมชนเป้าหมาย")),
                          ("subdistrict", translate("ProjectTargets", "ตำบล"))):
            self.kind.addItem(text, key)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_choices())
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        add = QPushButton(translate("ProjectTargets", "เพิ่ม"))
        add.clicked.connect(self.add)
        remove = QPushButton(translate("ProjectTargets", "ลบรายการที่เลือก"))
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.choice, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(remove)
        self._filled = False
        self.province: str | None = None  # the project's, whose choices are offered

    def _fill_choices(self) -> None:
        """The project's own province's tambons, organizations or communities."""
        kind = self.kind.currentData()
        province = self.province
        if kind == "subdistrict":
            found = [(c.value, c.name_th)
                     for c in lists.subdistricts(self.store, None, province)]
        else:
            found = [(c.value, c.name_th) for c in lists.search_names(
                self.store, kind, "", limit=5000, province=province)]
        self.choice.clear()
        for value, name in found:
            self.choice.addItem(name, value)

    def load(self, project_id: str | None) -> None:
        self.project_id = project_id
        self.setEnabled(project_id is not None)
        self.list.clear()
        if project_id is None:
            return
        province = scope.form_province(self.store, "project", project_id)
        if not self._filled or province != self.province:
            self._filled = True
            self.province = province
            self._fill_choices()
        names = {"organization": translate("ProjectTargets", "องค์กร"),
                 "community": translate("ProjectTargets", "ชุมชนเป้าหมาย"),
                 "subdistrict": translate("ProjectTargets", "ตำบล")}
        for t in indicators.targets(self.store, project_id):
            item = QListWidgetItem(f"{names[t.kind]}: {t.name}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)

    def add(self) -> bool:
        if self.project_id is None or self.choice.currentData() is None:
            return False
        try:
            indicators.add_target(self.store, self.project_id, self.kind.currentData(),
                                  self.choice.currentData())
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.failed.emit(error_text(exc))
            return False
        self.load(self.project_id)
        self.changed.emit(self.project_id)
        return True

    def remove(self) -> bool:
        item = self.list.currentItem()
        if item is None or self.project_id is None:
            return False
        try:
            indicators.remove_target(self.store, item.data(Qt.ItemDataRole.UserRole))
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.failed.emit(error_text(exc))
            return False
        self.load(self.project_id)
        self.changed.emit(self.project_id)
        return True
