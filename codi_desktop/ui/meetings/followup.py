"""Open action items of every meeting, overdue first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import actions
from codi_desktop.store.database import Store

from .. import labels as L
from .common import (
    fill_table,
    make_table,
)

translate = QCoreApplication.translate


class FollowUpPanel(QWidget):
    """Open action items of every meeting: overdue first."""

    open_meeting = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.owner = QLineEdit()
        self.owner.setObjectName("followup_owner")
        self.owner.setPlaceholderText(self.tr("กรองตามผู้รับผิดชอบ"))
        self.owner.textChanged.connect(lambda _t: self.load())
        self.table = make_table([self.tr("เรื่อง"), self.tr("ผู้รับผิดชอบ"), self.tr("กำหนดเสร็จ"),
                             self.tr("จากการประชุม"), ""])
        self.table.setObjectName("followup_table")
        self.table.doubleClicked.connect(self._open)
        self.rows: list = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.owner)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        self.rows = actions.open_action_items(self.store, owner_text=self.owner.text())
        fill_table(self.table, [(r.id, [r.title, r.owner_name or "", L.date_text(r.due_on),
                                   f"{r.meeting_number} {r.meeting_title}",
                                   self.tr("เลยกำหนด") if r.overdue else ""])
                           for r in self.rows])
        for r, row in enumerate(self.rows):
            if row.overdue:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setForeground(Qt.GlobalColor.darkRed)

    def _open(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_meeting.emit(self.rows[index.row()].meeting_id)
