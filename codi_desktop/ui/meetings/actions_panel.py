"""The action items of one meeting and those carried in under item 3."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import actions
from codi_desktop.services.meetings import (
    MeetingDetail,
)
from codi_desktop.store.database import Store

from .. import labels as L
from ..date_field import DateField, date_error
from ..widgets import explain_read_only
from .common import (
    MeetingHost,
    fill_table,
    make_table,
    read_only_reason,
    selected_id,
)
from .pickers import PersonPicker, ProjectPicker

translate = QCoreApplication.translate


class ActionsPanel(QWidget):
    """This meeting's action items and those carried in under item 3."""

    def __init__(self, store: Store, host: MeetingHost,
                 agenda_item: Callable[[], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        self.agenda_item = agenda_item  # the agenda item selected, if any
        self.table = make_table([self.tr("เรื่อง"), self.tr("ผู้รับผิดชอบ"), self.tr("กำหนดเสร็จ"),
                             self.tr("สถานะ"), self.tr("จากการประชุม")])
        self.table.setObjectName("actions_table")
        self.title = QLineEdit()
        self.title.setObjectName("action_title")
        self.title.setPlaceholderText(self.tr("สิ่งที่ต้องทำ"))
        self.owner = PersonPicker(self.store, self.tr("ผู้รับผิดชอบ: พิมพ์ชื่อ"))
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText(self.tr("หรือชื่อหน่วยงานผู้รับผิดชอบ"))
        self.due = DateField()
        self.due.setObjectName("action_due")
        self.due.converted.connect(lambda note: self.host.say(note, "info"))
        self.project = ProjectPicker(self.store, self.tr("โครงการที่เกี่ยวข้อง: พิมพ์รหัสหรือชื่อ"))
        self.project.setObjectName("action_project")
        self.add = QPushButton(self.tr("เพิ่มเรื่องที่ต้องติดตาม"))
        self.add.setObjectName("action_add")
        self.add.clicked.connect(self.add_action)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("ผลการดำเนินงาน"))
        self.close_button = QPushButton(self.tr("ปิดเรื่อง (ดำเนินการแล้ว) ในการประชุมนี้"))
        self.close_button.setObjectName("action_close")
        self.close_button.clicked.connect(self.close_selected)
        form = QGridLayout()
        form.addWidget(self.title, 0, 0, 1, 2)
        form.addWidget(self.owner, 1, 0)
        form.addWidget(self.owner_name, 1, 1)
        form.addWidget(QLabel(self.tr("กำหนดเสร็จ")), 2, 0)
        form.addWidget(self.due, 2, 1)
        form.addWidget(self.project, 3, 0)
        form.addWidget(self.add, 3, 1)
        closing = QHBoxLayout()
        closing.addWidget(self.note, 1)
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(closing)
        layout.addLayout(form)

    def show_meeting(self, d: MeetingDetail) -> None:
        carried = {a.action_item_id for a in d.agenda if a.action_item_id}
        rows = list(d.actions)
        if carried:
            rows += [r for r in actions.open_action_items(self.store)
                     if r.id in carried]
        status = {"open": self.tr("ยังไม่เสร็จ"), "done": self.tr("เสร็จแล้ว"),
                  "cancelled": self.tr("ยกเลิก")}
        fill_table(self.table, [(r.id, [r.title, r.owner_name or "", L.date_text(r.due_on),
                                   status.get(r.status, r.status), r.meeting_number])
                           for r in rows])
        explain_read_only((self.add,), read_only_reason(d))

    def add_action(self) -> None:
        ws = self.host
        try:
            due = self.due.date()
        except ValueError:
            ws.say(date_error(), "error")
            return
        data = actions.ActionItemData(
            title=self.title.text(), owner_person_id=self.owner.value_id,
            owner_name=self.owner_name.text() or None, due_on=due,
            agenda_item_id=self.agenda_item(), project_id=self.project.value_id)
        if ws.act(actions.add_action_item, self.store, ws.meeting_id, data):
            self.title.clear()
            self.owner.clear()
            self.owner_name.clear()
            self.due.clear()
            self.project.clear()

    def close_selected(self) -> None:
        ws = self.host
        action_id = selected_id(self.table)
        if action_id:
            ws.act(actions.close_action_item, self.store, action_id, in_meeting_id=ws.meeting_id,
                   note=self.note.text(), ok=self.tr("ปิดเรื่องแล้ว"))
            self.note.clear()
