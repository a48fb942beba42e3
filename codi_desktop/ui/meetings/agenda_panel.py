"""The agenda of one meeting and the selected item's minutes, resolution and vote."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.models import MeetingStatus
from codi_desktop.services import meetings
from codi_desktop.services.meetings import (
    AgendaItemData,
    ItemCorrection,
    MeetingDetail,
)
from codi_desktop.store.database import Store

from ..history_panel import HistoryPanel
from ..widgets import explain_read_only
from .common import (
    ID_ROLE,
    MeetingHost,
    read_only_reason,
)

translate = QCoreApplication.translate


class AgendaPanel(QWidget):
    def __init__(self, store: Store, host: MeetingHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        self.tree = QTreeWidget()
        self.tree.setObjectName("agenda_tree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("วาระที่"), self.tr("เรื่อง"), self.tr("ผู้นำเสนอ"),
                                   self.tr("นาที"), self.tr("มติ")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 80)
        self.tree.setColumnWidth(1, 340)
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_item())

        # add an item
        self.section = QComboBox()
        self.section.setObjectName("agenda_section")
        for s in meetings.DEFAULT_TEMPLATE:
            self.section.addItem(f"{s.section}. {s.title}", s.section)
        self.section.setCurrentIndex(4)
        self.new_title = QLineEdit()
        self.new_title.setObjectName("agenda_new_title")
        self.new_title.setPlaceholderText(self.tr("เรื่องที่จะเพิ่ม"))
        self.new_title.returnPressed.connect(self.add_item)
        self.presenter = QLineEdit()
        self.presenter.setObjectName("agenda_presenter")
        self.presenter.setPlaceholderText(self.tr("ผู้นำเสนอ"))
        self.duration = QSpinBox()
        self.duration.setObjectName("agenda_duration")
        self.duration.setRange(0, 600)
        self.duration.setSuffix(self.tr(" นาที"))
        self.as_sub = QCheckBox(self.tr("เป็นเรื่องย่อยของรายการที่เลือก"))
        self.add = QPushButton(self.tr("เพิ่มเรื่อง"))
        self.add.setObjectName("agenda_add")
        self.add.clicked.connect(self.add_item)
        add_row = QGridLayout()
        add_row.addWidget(self.section, 0, 0)
        add_row.addWidget(self.new_title, 0, 1, 1, 2)
        add_row.addWidget(self.presenter, 1, 0)
        add_row.addWidget(self.duration, 1, 1)
        add_row.addWidget(self.as_sub, 1, 2)
        add_row.addWidget(self.add, 0, 3)

        # the selected item's minutes
        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        self.minutes = QPlainTextEdit()
        self.minutes.setObjectName("item_minutes")
        self.minutes.setPlaceholderText(self.tr("สาระสำคัญที่ประชุมหารือ"))
        self.resolution = QPlainTextEdit()
        self.resolution.setObjectName("item_resolution")
        self.resolution.setPlaceholderText(self.tr("มติที่ประชุม"))
        self.resolution.setMaximumHeight(80)
        self.has_vote = QCheckBox(self.tr("มีการลงคะแนน"))
        self.has_vote.setObjectName("item_has_vote")
        self.votes = {}
        vote_row = QHBoxLayout()
        vote_row.addWidget(self.has_vote)
        for key, text in (("for", self.tr("เห็นด้วย")), ("against", self.tr("ไม่เห็นด้วย")),
                          ("abstain", self.tr("งดออกเสียง"))):
            spin = QSpinBox()
            spin.setObjectName(f"vote_{key}")
            spin.setRange(0, 100_000)
            self.votes[key] = spin
            vote_row.addWidget(QLabel(text))
            vote_row.addWidget(spin)
        vote_row.addStretch(1)
        self.save_item = QPushButton(self.tr("บันทึกรายงานวาระนี้"))
        self.save_item.setObjectName("item_save")
        self.save_item.clicked.connect(self.save)
        self.remove = QPushButton(self.tr("ลบเรื่องนี้"))
        self.remove.clicked.connect(self._remove)
        self.reason = QLineEdit()
        self.reason.setObjectName("amend_reason")
        self.reason.setPlaceholderText(self.tr("เหตุผลที่แก้ไขรายงานที่ล็อกแล้ว"))
        self.amend = QPushButton(self.tr("บันทึกเป็นฉบับแก้ไขใหม่"))
        self.amend.setObjectName("amend_save")
        self.amend.clicked.connect(self.save_amendment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_item)
        buttons.addWidget(self.remove)
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.amend)
        editor = QWidget()
        e = QVBoxLayout(editor)
        e.setContentsMargins(0, 0, 0, 0)
        self.item_notes = QLabel()
        self.item_notes.setObjectName("item_notes")
        self.item_notes.setWordWrap(True)
        self.item_notes.setStyleSheet("color: #555")
        self.item_history = HistoryPanel(self.store, "agenda_item")
        self.item_history.setObjectName("item_history")
        self.item_history.setMaximumHeight(140)
        e.addWidget(self.item_title)
        e.addWidget(self.item_notes)
        e.addWidget(QLabel(self.tr("รายงานการประชุม")))
        e.addWidget(self.minutes, 2)
        e.addWidget(QLabel(self.tr("มติที่ประชุม")))
        e.addWidget(self.resolution)
        e.addLayout(vote_row)
        e.addLayout(buttons)
        e.addWidget(self.item_history)

        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        t = QVBoxLayout(top)
        t.setContentsMargins(0, 0, 0, 0)
        t.addWidget(self.tree, 1)
        t.addLayout(add_row)
        split.addWidget(top)
        split.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def show_meeting(self, d: MeetingDetail) -> None:
        current = self.current_id()
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for row in d.agenda:
            vote = (f" [{row.vote.votes_for}/{row.vote.votes_against}/{row.vote.abstentions}]"
                    if row.vote else "")
            title = (self.tr("ระเบียบวาระที่ %1").replace("%1", row.number) + " " + row.title
                     if row.depth == 0 else row.title)
            node = QTreeWidgetItem([row.number, title, row.presenter or "",
                                    str(row.duration_minutes or ""),
                                    (row.resolution or "") + vote])
            node.setData(0, ID_ROLE, row.id)
            parent = items.get(row.parent_id)
            if parent is None:
                self.tree.addTopLevelItem(node)
            else:
                parent.addChild(node)
            items[row.id] = node
        self.tree.expandAll()
        if current in items:
            self.tree.setCurrentItem(items[current])
        locked = d.status == MeetingStatus.LOCKED
        editable = d.editable
        explain_read_only((self.section, self.new_title, self.presenter, self.duration,
                           self.as_sub, self.add, self.save_item, self.remove, self.has_vote,
                           *self.votes.values()), None if editable else read_only_reason(d))
        self.reason.setVisible(locked)
        self.amend.setVisible(locked)
        self._show_item()

    def current_id(self) -> str | None:
        node = self.tree.currentItem()
        return node.data(0, ID_ROLE) if node is not None else None

    def select(self, number: str) -> None:
        found = self.tree.findItems(number, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if found:
            self.tree.setCurrentItem(found[0])

    def _row(self):
        d = self.host.detail
        item_id = self.current_id()
        return next((a for a in d.agenda if a.id == item_id), None) if d else None

    def _show_item(self) -> None:
        row = self._row()
        self.minutes.setPlainText(row.minutes_text or "" if row else "")
        self.resolution.setPlainText(row.resolution or "" if row else "")
        self.item_title.setText(f"<b>{row.number}</b> {row.title}" if row else "")
        self.item_notes.setText(row.notes or "" if row else "")
        self.item_history.load(row.id if row else None)
        self.has_vote.setChecked(bool(row and row.vote))
        v = row.vote if row else None
        self.votes["for"].setValue(v.votes_for if v else 0)
        self.votes["against"].setValue(v.votes_against if v else 0)
        self.votes["abstain"].setValue(v.abstentions if v else 0)

    def add_item(self) -> None:
        ws = self.host
        parent = self.current_id() if self.as_sub.isChecked() else None
        data = AgendaItemData(section=self.section.currentData(), title=self.new_title.text(),
                              parent_id=parent, presenter=self.presenter.text(),
                              duration_minutes=self.duration.value() or None)
        if ws.act(meetings.add_agenda_item, self.store, ws.meeting_id, data):
            self.new_title.clear()
            self.presenter.clear()
            self.duration.setValue(0)
            self.new_title.setFocus()

    def save(self) -> None:
        ws = self.host
        item_id = self.current_id()
        if item_id is None or not ws.before_the_day(self.save):
            return
        ok = ws.act(meetings.record_item_minutes, self.store, item_id,
                    minutes_text=self.minutes.toPlainText(),
                    resolution=self.resolution.toPlainText(), reload=False)
        if ok is None:
            return
        if self.has_vote.isChecked():
            ws.act(meetings.record_vote, self.store, item_id, self.votes["for"].value(),
                   self.votes["against"].value(), self.votes["abstain"].value(),
                   ok=self.tr("บันทึกมติและผลการลงคะแนนแล้ว"))
        elif self._row() and self._row().vote:
            ws.act(meetings.remove_vote, self.store, item_id, ok=self.tr("บันทึกแล้ว"))
        else:
            ws.reload(self.tr("บันทึกรายงานวาระนี้แล้ว"))

    def _remove(self) -> None:
        item_id = self.current_id()
        if item_id:
            self.host.act(meetings.remove_agenda_item, self.store, item_id)

    def save_amendment(self) -> None:
        ws = self.host
        item_id = self.current_id()
        if item_id is None:
            return
        correction = ItemCorrection(item_id, minutes_text=self.minutes.toPlainText(),
                                    resolution=self.resolution.toPlainText())
        version = ws.act(meetings.amend_minutes, self.store, ws.meeting_id, [correction],
                         self.reason.text())
        if version:
            self.reason.clear()
            ws.say(
                self.tr("บันทึกรายงานการประชุมฉบับที่ %1 แล้ว ฉบับเดิมยังเก็บไว้")
                .replace("%1", str(version)), "ok")
