"""Open action items of every meeting, overdue first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from codi_core.formatting import bangkok_today
from codi_desktop.services import actions
from codi_desktop.store.database import Store

from .. import labels as L
from .common import (
    fill_table,
    make_table,
)

translate = QCoreApplication.translate


OVERDUE = "#a11d1d"
SOON = "#a15c00"
SOON_DAYS = 14


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
        overdue = self.tr("เลยกำหนดแล้ว")
        soon = self.tr("ครบกำหนดภายใน 14 วัน")
        later = self.tr("ยังไม่ถึงกำหนด หรือไม่ได้กำหนดวัน")
        self.legend = QLabel(
            f"<span style='color:{OVERDUE}'>■ {overdue}</span>&nbsp;&nbsp; "
            f"<span style='color:{SOON}'>■ {soon}</span>&nbsp;&nbsp; ■ {later}")
        self.legend.setObjectName("followup_legend")
        top = QHBoxLayout()
        top.addWidget(self.owner, 1)
        top.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def state(self, row) -> str:
        """overdue / soon / later: the colour of a row, as the legend says."""
        if row.overdue:
            return "overdue"
        today = bangkok_today()
        if row.due_on is not None and row.due_on <= today + dt.timedelta(days=SOON_DAYS):
            return "soon"
        return "later"

    def load(self) -> None:
        self.rows = actions.open_action_items(self.store, owner_text=self.owner.text())
        words = {"overdue": self.tr("เลยกำหนด"), "soon": self.tr("ใกล้ครบกำหนด"), "later": ""}
        states = [self.state(r) for r in self.rows]
        fill_table(self.table, [(r.id, [r.title, r.owner_name or "", L.date_text(r.due_on),
                                   f"{r.meeting_number} {r.meeting_title}", words[s]])
                           for r, s in zip(self.rows, states, strict=True)])
        colours = {"overdue": QColor(OVERDUE), "soon": QColor(SOON)}
        for r, state in enumerate(states):
            if state in colours:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setForeground(colours[state])

    def _open(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_meeting.emit(self.rows[index.row()].meeting_id)
