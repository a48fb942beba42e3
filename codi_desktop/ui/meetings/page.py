"""The meetings page: the list of meetings, the open meeting's workspace and the follow-up
list of open action items across meetings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.store.database import Store

from ..record_pages import meetings_page
from .followup import FollowUpPanel
from .template_editor import TemplateEditor
from .workspace import MeetingWorkspace

translate = QCoreApplication.translate


class MeetingsPage(QWidget):
    """The list of meetings, the open meeting, and the follow-up list."""

    record_changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.list = meetings_page(store)
        self.search = self.list.search
        self.workspace = MeetingWorkspace(store)
        self.followup = FollowUpPanel(store)
        new = QPushButton(self.tr("วางแผนการประชุมใหม่"))
        new.setObjectName("meeting_new")
        new.clicked.connect(self.new_meeting)
        open_ = QPushButton(self.tr("เปิดการประชุมที่เลือก"))
        open_.setObjectName("meeting_open")
        open_.clicked.connect(self._open_selected)
        self.list.table.doubleClicked.connect(lambda _i: self._open_selected())
        # the template editor speaks in the list's own reserved message place
        self.list_message = self.list.message
        self.template = TemplateEditor(store, self.list_message)
        self.template.hide()
        template = QPushButton(self.tr("แม่แบบระเบียบวาระ…"))
        template.setObjectName("template_toggle")
        template.setCheckable(True)
        template.toggled.connect(self.template.setVisible)
        holder = QWidget()
        h = QVBoxLayout(holder)
        h.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(new)
        bar.addWidget(open_)
        bar.addStretch(1)
        bar.addWidget(template)
        h.addLayout(bar)
        h.addWidget(self.template)
        h.addWidget(self.list, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetings_tabs")
        self.tabs.addTab(holder, self.tr("รายการประชุม"))
        self.tabs.addTab(self.workspace, self.tr("การประชุม"))
        self.tabs.addTab(self.followup, self.tr("เรื่องที่ต้องติดตาม"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.workspace.changed.connect(self._changed)
        self.followup.open_meeting.connect(self.open_meeting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.list)

    def ensure_loaded(self) -> None:
        self.list.ensure_loaded()

    # The list's parts, as on the other list pages (the window and its tests use them).
    @property
    def model(self):
        return self.list.model

    @property
    def table(self):
        return self.list.table

    @property
    def detail(self):
        return self.list.detail

    def set_combo(self, name: str, value) -> None:
        self.list.set_combo(name, value)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.followup:
            self.followup.load()

    def _changed(self, meeting_id: str) -> None:
        self.list.reload()
        self.record_changed.emit(meeting_id)

    def new_meeting(self) -> None:
        self.workspace.new_meeting()
        self.tabs.setCurrentWidget(self.workspace)

    def open_meeting(self, meeting_id: str) -> None:
        self.workspace.open(meeting_id)
        self.tabs.setCurrentWidget(self.workspace)

    def _open_selected(self) -> None:
        index = self.list.table.currentIndex()
        if index.isValid():
            self.open_meeting(self.list.model.record_id(index.row()))
