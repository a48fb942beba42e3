"""The meetings page: the list of meetings, one meeting's workspace (plan, agenda and
minutes, sign-in, action items, minutes' lifecycle, assembly tools) and the follow-up
list of open action items across meetings.

Widgets hold no Session: every change is one call to ``codi_desktop.services.meetings``
(one action, one change set) and the workspace re-reads the meeting's plain rows after
it. Errors show in the workspace's message bar, in the person's language. Printing and
the Excel import run off the UI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_tz, to_bangkok
from codi_core.models import AttendanceStatus, MeetingKind, MeetingStatus
from codi_desktop.services import actions, assemblies, lists, meetings
from codi_desktop.services.meetings import (
    AgendaItemData,
    AttendanceData,
    ItemCorrection,
    MeetingDetail,
    MeetingPlan,
    WalkInData,
)
from codi_desktop.store.database import Store

from .. import labels as L
from ..errors import error_text
from ..forms import HistoryPanel
from ..i18n import current_language
from ..record_pages import meetings_page
from ..tasks import plain, run_task
from ..widgets import ConfirmBar, DateField, MessageBar, heading
from .pickers import OrganizationPicker, PersonPicker, ProjectPicker

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole


def _name(pair: tuple[str, str]) -> str:
    return pair[1] if current_language() == "en" else pair[0]


def _local_datetime(day: dt.date, time: QTime) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, time.hour(), time.minute(),
                       tzinfo=bangkok_tz())


def _qtime(value: dt.datetime | None, default: QTime) -> QTime:
    if value is None:
        return default
    local = to_bangkok(value)
    return QTime(local.hour, local.minute)


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (row_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, row_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _selected_id(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return items[0].data(ID_ROLE) if items else None


# --- the plan (heading) ------------------------------------------------------------------


class PlanPanel(QWidget):
    """Kind, body, number, date and times, place, chair and minute-taker."""

    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
        self.kind = QComboBox()
        self.kind.setObjectName("plan_kind")
        for kind in MeetingKind:
            self.kind.addItem(_name(meetings.KIND_NAMES[kind]), kind.value)
        self.body = OrganizationPicker(ws.store, self.tr("พิมพ์ชื่อคณะกรรมการ / องค์กรที่ประชุม"))
        self.body.setObjectName("plan_body")
        self.clear_body = QPushButton(self.tr("ไม่ระบุองค์กร"))
        self.clear_body.clicked.connect(self.body.clear)
        self.title = QLineEdit()
        self.title.setObjectName("plan_title")
        self.title.setPlaceholderText(self.tr("เว้นว่างได้: ใช้ชื่อองค์กรที่ประชุม"))
        self.number = QSpinBox()
        self.number.setObjectName("plan_number")
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("อัตโนมัติ"))
        self.date = DateField()
        self.date.setObjectName("plan_date")
        self.start = QTimeEdit(QTime(9, 30))
        self.start.setObjectName("plan_start")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(12, 0))
        self.end.setObjectName("plan_end")
        self.end.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.place.setObjectName("plan_place")
        self.organiser = QLineEdit()
        self.chair = PersonPicker(ws.store, self.tr("พิมพ์ชื่อประธาน"))
        self.chair.setObjectName("plan_chair")
        self.minute_taker = PersonPicker(ws.store, self.tr("พิมพ์ชื่อผู้จดรายงานการประชุม"))
        self.minute_taker.setObjectName("plan_minute_taker")
        self.save = QPushButton()
        self.save.setObjectName("plan_save")
        self.save.clicked.connect(self.submit)
        self.duplicate = QPushButton(self.tr("สร้างการประชุมครั้งถัดไปจากการประชุมนี้"))
        self.duplicate.setObjectName("plan_duplicate")
        self.duplicate.clicked.connect(self._duplicate)
        self.error = QLabel()
        self.error.setObjectName("plan_error")
        self.error.setStyleSheet("color: #8a1c1c")
        self.error.setWordWrap(True)

        times = QHBoxLayout()
        times.addWidget(self.date, 2)
        times.addWidget(QLabel(self.tr("เวลา")))
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("ถึง")))
        times.addWidget(self.end)
        body = QHBoxLayout()
        body.addWidget(self.body, 1)
        body.addWidget(self.clear_body, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.addRow(self.tr("ประเภทการประชุม"), self.kind)
        form.addRow(self.tr("องค์กรที่ประชุม"), body)
        form.addRow(self.tr("ชื่อการประชุม"), self.title)
        form.addRow(self.tr("ครั้งที่"), self.number)
        form.addRow(self.tr("วันที่ (วว/ดด/ปปปป)"), times)
        form.addRow(self.tr("สถานที่ (ณ)"), self.place)
        form.addRow(self.tr("ผู้จัด"), self.organiser)
        form.addRow(self.tr("ประธาน"), self.chair)
        form.addRow(self.tr("ผู้จดรายงานการประชุม"), self.minute_taker)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.duplicate)
        buttons.addStretch(1)

        self.invitees = QListWidget()
        self.invitees.setObjectName("invitees")
        self.invite_person = PersonPicker(ws.store, self.tr("เชิญบุคคล: พิมพ์ชื่อ"),
                                          show_choice=False)
        self.invite_person.setObjectName("invite_person")
        self.invite_person.picked.connect(
            lambda pid, _n: ws.act(meetings.add_invitees, ws.store, ws.meeting_id,
                                   person_ids=[pid]))
        self.invite_org = OrganizationPicker(ws.store, self.tr("เชิญองค์กร: พิมพ์ชื่อ"),
                                             show_choice=False)
        self.invite_org.setObjectName("invite_org")
        self.invite_org.picked.connect(
            lambda oid, _n: ws.act(meetings.add_invitees, ws.store, ws.meeting_id,
                                   organization_ids=[oid]))
        self.uninvite = QPushButton(self.tr("ลบผู้ได้รับเชิญที่เลือก"))
        self.uninvite.clicked.connect(self._uninvite)
        self.invite_box = QGroupBox(self.tr("ผู้ได้รับเชิญ"))
        ib = QGridLayout(self.invite_box)
        ib.addWidget(self.invitees, 0, 0, 3, 1)
        ib.addWidget(self.invite_person, 0, 1)
        ib.addWidget(self.invite_org, 1, 1)
        ib.addWidget(self.uninvite, 2, 1, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.invite_box, 1)

    def show_new(self) -> None:
        self.kind.setCurrentIndex(0)
        self.body.clear()
        for w in (self.title, self.place, self.organiser):
            w.clear()
        self.number.setValue(0)
        self.date.set_date(dt.datetime.now(bangkok_tz()).date())
        self.start.setTime(QTime(9, 30))
        self.end.setTime(QTime(12, 0))
        self.chair.clear()
        self.minute_taker.clear()
        self.error.clear()
        self.save.setText(self.tr("วางแผนการประชุม (ใช้แม่แบบระเบียบวาระ)"))
        self.duplicate.hide()
        self.invite_box.hide()
        self._set_enabled(True)

    def show_meeting(self, d: MeetingDetail) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.body.set_value(d.organization_id, d.body_name if d.organization_id else None)
        self.title.setText(d.title)
        self.number.setValue(d.number or 0)
        local = to_bangkok(d.starts_at)
        self.date.set_date(local.date())
        self.start.setTime(QTime(local.hour, local.minute))
        self.end.setTime(_qtime(d.ends_at, QTime(local.hour, local.minute)))
        self.place.setText(d.place or "")
        self.organiser.setText(d.organiser or "")
        self.chair.set_value(d.chair_id, d.chair_name)
        self.minute_taker.set_value(d.minute_taker_id, d.minute_taker_name)
        self.error.clear()
        self.save.setText(self.tr("บันทึกรายละเอียดการประชุม"))
        self.duplicate.show()
        self._set_enabled(d.editable)
        self.invite_box.show()
        roles = {"member": self.tr("กรรมการ / สมาชิก"), "invited": self.tr("ผู้ได้รับเชิญ"),
                 "organization": self.tr("องค์กร")}
        self.invitees.clear()
        for inv in d.invitees:
            item = QListWidgetItem(f"{inv.name or ''} ({roles.get(inv.role or '', inv.role or '')})")
            item.setData(ID_ROLE, inv.id)
            self.invitees.addItem(item)
        for w in (self.invite_person, self.invite_org, self.uninvite):
            w.setEnabled(d.editable)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.kind, self.body, self.title, self.number, self.date, self.start,
                  self.end, self.place, self.organiser, self.chair, self.minute_taker,
                  self.save, self.clear_body):
            w.setEnabled(on)

    def plan(self) -> MeetingPlan | None:
        try:
            day = self.date.date()
        except ValueError:
            self.error.setText(self.tr("วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วว/ดด/ปปปป เช่น 25/11/2569"))
            return None
        if day is None:
            self.error.setText(self.tr("กรุณากรอกวันที่ประชุม"))
            return None
        return MeetingPlan(
            kind=self.kind.currentData(), organization_id=self.body.value_id,
            title=self.title.text(), number=self.number.value() or None,
            starts_at=_local_datetime(day, self.start.time()),
            ends_at=_local_datetime(day, self.end.time()), place=self.place.text(),
            organiser=self.organiser.text(), chair_id=self.chair.value_id,
            minute_taker_id=self.minute_taker.value_id)

    def submit(self) -> None:
        self.error.clear()
        plan = self.plan()
        if plan is None:
            return
        ws = self.ws
        if ws.meeting_id is None:
            new_id = ws.act(meetings.plan_meeting, ws.store, plan, on_error=self._error,
                            ok=self.tr("วางแผนการประชุมแล้ว ระเบียบวาระสร้างจากแม่แบบ"))
            if new_id:
                ws.open(new_id)
                ws.tabs.setCurrentWidget(ws.agenda)
        else:
            if plan.number is None:
                plan.number = ws.detail.number
            ws.act(meetings.update_meeting, ws.store, ws.meeting_id, plan, on_error=self._error,
                   ok=self.tr("บันทึกแล้ว"))

    def _error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))

    def _uninvite(self) -> None:
        item = self.invitees.currentItem()
        if item is not None:
            self.ws.act(meetings.remove_invitee, self.ws.store, item.data(ID_ROLE))

    def _duplicate(self) -> None:
        ws = self.ws
        plan = self.plan()
        if plan is None or ws.meeting_id is None:
            return
        # the next meeting: same time, four weeks later unless the date was changed
        start = plan.starts_at
        if to_bangkok(start).date() == to_bangkok(ws.detail.starts_at).date():
            start += dt.timedelta(days=28)
        new_id = ws.act(meetings.duplicate_meeting, ws.store, ws.meeting_id, start,
                        ok=self.tr("สร้างการประชุมครั้งถัดไปแล้ว"))
        if new_id:
            ws.open(new_id)


# --- the agenda, minutes, resolutions and votes ----------------------------------------


class AgendaPanel(QWidget):
    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
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
        self.item_history = HistoryPanel(ws.store, "agenda_item")
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
        for w in (self.section, self.new_title, self.presenter, self.duration, self.as_sub,
                  self.add, self.save_item, self.remove, self.has_vote, *self.votes.values()):
            w.setEnabled(editable)
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
        d = self.ws.detail
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
        ws = self.ws
        parent = self.current_id() if self.as_sub.isChecked() else None
        data = AgendaItemData(section=self.section.currentData(), title=self.new_title.text(),
                              parent_id=parent, presenter=self.presenter.text(),
                              duration_minutes=self.duration.value() or None)
        if ws.act(meetings.add_agenda_item, ws.store, ws.meeting_id, data):
            self.new_title.clear()
            self.presenter.clear()
            self.duration.setValue(0)
            self.new_title.setFocus()

    def save(self) -> None:
        ws = self.ws
        item_id = self.current_id()
        if item_id is None:
            return
        ok = ws.act(meetings.record_item_minutes, ws.store, item_id,
                    minutes_text=self.minutes.toPlainText(),
                    resolution=self.resolution.toPlainText(), reload=False)
        if ok is None:
            return
        if self.has_vote.isChecked():
            ws.act(meetings.record_vote, ws.store, item_id, self.votes["for"].value(),
                   self.votes["against"].value(), self.votes["abstain"].value(),
                   ok=self.tr("บันทึกมติและผลการลงคะแนนแล้ว"))
        elif self._row() and self._row().vote:
            ws.act(meetings.remove_vote, ws.store, item_id, ok=self.tr("บันทึกแล้ว"))
        else:
            ws.reload(self.tr("บันทึกรายงานวาระนี้แล้ว"))

    def _remove(self) -> None:
        item_id = self.current_id()
        if item_id:
            self.ws.act(meetings.remove_agenda_item, self.ws.store, item_id)

    def save_amendment(self) -> None:
        ws = self.ws
        item_id = self.current_id()
        if item_id is None:
            return
        correction = ItemCorrection(item_id, minutes_text=self.minutes.toPlainText(),
                                    resolution=self.resolution.toPlainText())
        version = ws.act(meetings.amend_minutes, ws.store, ws.meeting_id, [correction],
                         self.reason.text())
        if version:
            self.reason.clear()
            ws.message.show_message(
                self.tr("บันทึกรายงานการประชุมฉบับที่ %1 แล้ว ฉบับเดิมยังเก็บไว้")
                .replace("%1", str(version)), "ok")


# --- sign-in ---------------------------------------------------------------------------------


class AttendancePanel(QWidget):
    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
        self.status = QComboBox()
        self.status.setObjectName("attendance_status")
        for st in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE,
                   AttendanceStatus.ATTENDEE, AttendanceStatus.ABSENT):
            self.status.addItem(_name(meetings.ATTENDANCE_NAMES[st]), st.value)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.reason = QLineEdit()
        self.reason.setObjectName("attendance_reason")
        self.reason.setPlaceholderText(self.tr("เหตุผลที่ไม่มา (ลาป่วย ติดภารกิจ ...)"))
        self.substitute_for = PersonPicker(ws.store, self.tr("มาประชุมแทนใคร: พิมพ์ชื่อ"))
        self.substitute_for.setObjectName("attendance_substitute_for")
        self.find = PersonPicker(ws.store, self.tr("ลงทะเบียน: พิมพ์ชื่อบางส่วน แล้วเลือก"),
                                 show_choice=False, rows=8)
        self.find.setObjectName("attendance_find")
        self.find.picked.connect(lambda pid, _name: self.sign_in(pid))

        # walk-ins
        self.prefix = QComboBox()
        self.prefix.setEditable(True)
        self.prefix.addItems(["", "นาย", "นาง", "นางสาว"])
        self.first = QLineEdit()
        self.first.setObjectName("walkin_first")
        self.first.setPlaceholderText(self.tr("ชื่อ"))
        self.last = QLineEdit()
        self.last.setObjectName("walkin_last")
        self.last.setPlaceholderText(self.tr("นามสกุล"))
        self.org = QLineEdit()
        self.org.setObjectName("walkin_org")
        self.org.setPlaceholderText(self.tr("องค์กร / หน่วยงาน"))
        self.district = QComboBox()
        self.district.setObjectName("walkin_district")
        self.tambon = QComboBox()
        self.tambon.setObjectName("walkin_tambon")
        self.district.currentIndexChanged.connect(lambda _i: self._fill_tambons())
        self.walk_in = QPushButton(self.tr("ลงทะเบียนผู้มาใหม่"))
        self.walk_in.setObjectName("walkin_add")
        self.walk_in.clicked.connect(self.add_walk_in)
        walk = QGroupBox(self.tr("ผู้มาใหม่ (ยังไม่มีในฐานข้อมูล)"))
        g = QGridLayout(walk)
        g.addWidget(self.prefix, 0, 0)
        g.addWidget(self.first, 0, 1)
        g.addWidget(self.last, 0, 2)
        g.addWidget(self.org, 1, 0, 1, 3)
        g.addWidget(self.district, 2, 0)
        g.addWidget(self.tambon, 2, 1)
        g.addWidget(self.walk_in, 2, 2)

        self.table = _table([self.tr("ชื่อ"), self.tr("สถานะ"), self.tr("องค์กร / ตำแหน่ง"),
                             self.tr("มาแทน / เหตุผล")])
        self.table.setObjectName("attendance_table")
        self.counts = QLabel()
        self.counts.setObjectName("attendance_counts")
        self.remove = QPushButton(self.tr("ลบรายชื่อที่เลือก"))
        self.remove.clicked.connect(self._remove)

        left = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("บันทึกเป็น")))
        row.addWidget(self.status, 1)
        left.addLayout(row)
        left.addWidget(self.reason)
        left.addWidget(self.substitute_for)
        left.addWidget(self.find)
        left.addWidget(walk)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.counts)
        right.addWidget(self.table, 1)
        right.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self._districts_loaded = False
        self._status_changed()

    def _status_changed(self) -> None:
        st = self.status.currentData()
        self.reason.setVisible(st == AttendanceStatus.ABSENT)
        self.substitute_for.setVisible(st == AttendanceStatus.SUBSTITUTE)

    def _fill_districts(self) -> None:
        if self._districts_loaded:
            return
        self._districts_loaded = True
        self.district.blockSignals(True)
        self.district.addItem(self.tr("อำเภอ"), None)
        for c in lists.districts(self.ws.store):
            self.district.addItem(c.name(current_language()), c.value)
        self.district.blockSignals(False)
        self._fill_tambons()

    def _fill_tambons(self) -> None:
        self.tambon.clear()
        self.tambon.addItem(self.tr("ตำบล"), None)
        did = self.district.currentData()
        if did:
            for c in lists.subdistricts(self.ws.store, did):
                self.tambon.addItem(c.name(current_language()), c.value)

    def show_meeting(self, d: MeetingDetail) -> None:
        self._fill_districts()
        self.find.meeting_id = d.id
        status_names = {s.value: _name(n) for s, n in meetings.ATTENDANCE_NAMES.items()}
        rows = []
        for a in d.attendance:
            org = " · ".join(x for x in (a.position, a.organization_name) if x)
            extra = (self.tr("แทน %1").replace("%1", a.substitute_for_name or "")
                     if a.status == AttendanceStatus.SUBSTITUTE else a.reason or "")
            rows.append((a.id, [a.person_name, status_names.get(a.status, a.status), org, extra]))
        _fill(self.table, rows)
        absent = sum(1 for a in d.attendance if a.status == AttendanceStatus.ABSENT)
        self.counts.setText(self.tr("ผู้เข้าประชุม %1 คน · ไม่มาประชุม %2 คน · เชิญ %3 ราย")
                            .replace("%1", str(d.present_count)).replace("%2", str(absent))
                            .replace("%3", str(len(d.invitees))))
        for w in (self.find, self.walk_in, self.remove, self.status):
            w.setEnabled(d.editable)

    def _attendance_data(self, person_id: str | None) -> AttendanceData:
        return AttendanceData(person_id=person_id, status=self.status.currentData(),
                              reason=self.reason.text(),
                              substitute_for_id=self.substitute_for.value_id,
                              substitute_for_name=self.substitute_for.value_name or None)

    def sign_in(self, person_id: str) -> None:
        ws = self.ws
        if ws.act(meetings.record_attendance, ws.store, ws.meeting_id,
                  self._attendance_data(person_id)):
            self._after_sign_in()

    def _after_sign_in(self) -> None:
        self.reason.clear()
        self.substitute_for.clear()
        self.find.search.setFocus()

    def add_walk_in(self) -> None:
        ws = self.ws
        d = self._attendance_data(None)
        data = WalkInData(first_name=self.first.text(), last_name=self.last.text(),
                          prefix=self.prefix.currentText() or None,
                          organization_name=self.org.text(),
                          subdistrict_id=self.tambon.currentData(), status=d.status,
                          substitute_for_id=d.substitute_for_id,
                          substitute_for_name=d.substitute_for_name)
        if data.prefix in ("นาย",):
            data.gender = "male"
        elif data.prefix in ("นาง", "นางสาว"):
            data.gender = "female"
        if ws.act(meetings.record_walk_in, ws.store, ws.meeting_id, data):
            for w in (self.first, self.last, self.org):
                w.clear()
            self.prefix.setCurrentIndex(0)
            self._after_sign_in()

    def _remove(self) -> None:
        row_id = _selected_id(self.table)
        if row_id:
            self.ws.act(meetings.remove_attendance, self.ws.store, row_id)


# --- action items ----------------------------------------------------------------------------


class ActionsPanel(QWidget):
    """This meeting's action items and those carried in under item 3."""

    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
        self.table = _table([self.tr("เรื่อง"), self.tr("ผู้รับผิดชอบ"), self.tr("กำหนดเสร็จ"),
                             self.tr("สถานะ"), self.tr("จากการประชุม")])
        self.table.setObjectName("actions_table")
        self.title = QLineEdit()
        self.title.setObjectName("action_title")
        self.title.setPlaceholderText(self.tr("สิ่งที่ต้องทำ"))
        self.owner = PersonPicker(ws.store, self.tr("ผู้รับผิดชอบ: พิมพ์ชื่อ"))
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText(self.tr("หรือชื่อหน่วยงานผู้รับผิดชอบ"))
        self.due = DateField()
        self.due.setObjectName("action_due")
        self.project = ProjectPicker(ws.store, self.tr("โครงการที่เกี่ยวข้อง: พิมพ์รหัสหรือชื่อ"))
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
            rows += [r for r in actions.open_action_items(self.ws.store)
                     if r.id in carried]
        status = {"open": self.tr("ยังไม่เสร็จ"), "done": self.tr("เสร็จแล้ว"),
                  "cancelled": self.tr("ยกเลิก")}
        _fill(self.table, [(r.id, [r.title, r.owner_name or "", L.date_text(r.due_on),
                                   status.get(r.status, r.status), r.meeting_number])
                           for r in rows])
        self.add.setEnabled(d.editable)

    def add_action(self) -> None:
        ws = self.ws
        try:
            due = self.due.date()
        except ValueError:
            ws.message.show_message(self.tr("กำหนดเสร็จไม่ใช่วันที่ (วว/ดด/ปปปป)"), "error")
            return
        data = actions.ActionItemData(
            title=self.title.text(), owner_person_id=self.owner.value_id,
            owner_name=self.owner_name.text() or None, due_on=due,
            agenda_item_id=ws.agenda.current_id(), project_id=self.project.value_id)
        if ws.act(actions.add_action_item, ws.store, ws.meeting_id, data):
            self.title.clear()
            self.owner.clear()
            self.owner_name.clear()
            self.due.clear()
            self.project.clear()

    def close_selected(self) -> None:
        ws = self.ws
        action_id = _selected_id(self.table)
        if action_id:
            ws.act(actions.close_action_item, ws.store, action_id, in_meeting_id=ws.meeting_id,
                   note=self.note.text(), ok=self.tr("ปิดเรื่องแล้ว"))
            self.note.clear()


# --- the minutes' lifecycle and printing -----------------------------------------------------


class MinutesPanel(QWidget):
    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
        self.state = QLabel()
        self.state.setObjectName("minutes_state")
        self.state.setWordWrap(True)
        self.started = QTimeEdit()
        self.started.setObjectName("started_at")
        self.started.setDisplayFormat("HH:mm")
        self.ended = QTimeEdit()
        self.ended.setObjectName("ended_at")
        self.ended.setDisplayFormat("HH:mm")
        self.save_times = QPushButton(self.tr("บันทึกเวลาเริ่ม / เลิกประชุม"))
        self.save_times.setObjectName("save_times")
        self.save_times.clicked.connect(self.record_times)
        self.invited = QPushButton(self.tr("ส่งหนังสือเชิญแล้ว"))
        self.invited.clicked.connect(
            lambda: ws.act(meetings.mark_invited, ws.store, ws.meeting_id))

        self.at_meeting = QRadioButton(self.tr("รับรองในการประชุมครั้งถัดไป"))
        self.at_meeting.setObjectName("certify_at_meeting")
        self.at_meeting.setChecked(True)
        self.by_circulation = QRadioButton(self.tr("รับรองโดยการเวียน วันที่"))
        self.by_circulation.setObjectName("certify_by_circulation")
        group = QButtonGroup(self)
        group.addButton(self.at_meeting)
        group.addButton(self.by_circulation)
        self.later = QComboBox()
        self.later.setObjectName("certify_meeting")
        self.circulated_on = DateField()
        self.certify = QPushButton(self.tr("รับรองรายงานการประชุม"))
        self.certify.setObjectName("certify")
        self.certify.clicked.connect(self.certify_minutes)
        self.lock = QPushButton(self.tr("ล็อกรายงานการประชุม"))
        self.lock.setObjectName("lock")
        self.lock.clicked.connect(
            lambda: ws.act(meetings.lock_minutes, ws.store, ws.meeting_id,
                           ok=self.tr("ล็อกรายงานการประชุมแล้ว")))

        self.print_minutes = QPushButton(self.tr("พิมพ์รายงานการประชุม (PDF)…"))
        self.print_minutes.setObjectName("print_minutes")
        self.print_minutes.clicked.connect(lambda: self._ask_and_print("minutes"))
        self.print_sign_in = QPushButton(self.tr("พิมพ์ใบลงทะเบียน (PDF)…"))
        self.print_sign_in.setObjectName("print_sign_in")
        self.print_sign_in.clicked.connect(lambda: self._ask_and_print("sign_in"))
        self.print_agenda = QPushButton(self.tr("พิมพ์ระเบียบวาระ (PDF)…"))
        self.print_agenda.clicked.connect(lambda: self._ask_and_print("agenda"))
        self.print_invitation = QPushButton(self.tr("พิมพ์หนังสือเชิญประชุม (PDF)…"))
        self.print_invitation.setObjectName("print_invitation")
        self.print_invitation.clicked.connect(lambda: self._ask_and_print("invitation"))
        self.export_ics = QPushButton(self.tr("ส่งออกลงปฏิทิน (.ics)…"))
        self.export_ics.setObjectName("export_ics")
        self.export_ics.clicked.connect(self._ask_ics)

        self.versions = QListWidget()
        self.versions.setObjectName("minutes_versions")
        self.history = HistoryPanel(ws.store, "meeting")

        times = QHBoxLayout()
        times.addWidget(QLabel(self.tr("เริ่มประชุมเวลา")))
        times.addWidget(self.started)
        times.addWidget(QLabel(self.tr("เลิกประชุมเวลา")))
        times.addWidget(self.ended)
        times.addWidget(self.save_times)
        times.addWidget(self.invited)
        times.addStretch(1)
        cert = QGridLayout()
        cert.addWidget(self.at_meeting, 0, 0)
        cert.addWidget(self.later, 0, 1)
        cert.addWidget(self.by_circulation, 1, 0)
        cert.addWidget(self.circulated_on, 1, 1)
        cert.addWidget(self.certify, 0, 2)
        cert.addWidget(self.lock, 1, 2)
        printing = QHBoxLayout()
        for b in (self.print_invitation, self.print_minutes, self.print_sign_in,
                  self.print_agenda, self.export_ics):
            printing.addWidget(b)
        printing.addStretch(1)
        lower = QSplitter()
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(QLabel(self.tr("ฉบับที่ล็อกแล้ว")))
        bl.addWidget(self.versions)
        lower.addWidget(box)
        lower.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(times)
        layout.addLayout(cert)
        layout.addLayout(printing)
        layout.addWidget(lower, 1)

    def show_meeting(self, d: MeetingDetail) -> None:
        status = _name(meetings.STATUS_NAMES[MeetingStatus(d.status)])
        text = self.tr("สถานะ: %1").replace("%1", status)
        if d.certified_in_number:
            text += " · " + self.tr("รับรองในการประชุมครั้งที่ %1").replace(
                "%1", d.certified_in_number)
        elif d.certified_on:
            text += " · " + self.tr("รับรองเมื่อ %1").replace("%1", L.date_text(d.certified_on))
        if d.minutes_version > 1 or d.status == MeetingStatus.LOCKED:
            text += " · " + self.tr("ฉบับที่ %1").replace("%1", str(d.minutes_version))
        self.state.setText(text)
        start = _qtime(d.starts_at, QTime(9, 0))
        self.started.setTime(_qtime(d.started_at, start))
        self.ended.setTime(_qtime(d.ended_at, self.started.time()))
        self.later.clear()
        for m in meetings.list_meetings(self.ws.store, organization_id=d.organization_id,
                                        kind=None if d.organization_id else d.kind):
            if m.starts_at > d.starts_at:
                self.later.addItem(f"{m.number_text} {L.date_text(m.starts_at)} {m.title}", m.id)
        # the earliest later meeting first: the one that normally certifies
        items = [(self.later.itemText(i), self.later.itemData(i))
                 for i in range(self.later.count())]
        self.later.clear()
        for text_, data in reversed(items):
            self.later.addItem(text_, data)
        self.save_times.setEnabled(d.editable)
        self.invited.setEnabled(d.status == MeetingStatus.PLANNED)
        self.certify.setEnabled(d.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT))
        self.lock.setEnabled(d.status == MeetingStatus.MINUTES_CERTIFIED)
        self.versions.clear()
        for v in meetings.minutes_versions(self.ws.store, d.id):
            line = self.tr("ฉบับที่ %1 ล็อกเมื่อ %2").replace("%1", str(v.version)).replace(
                "%2", L.datetime_text(v.locked_at))
            if v.reason:
                line += f" — {v.reason}"
            self.versions.addItem(line)
        self.history.load(d.id)

    def record_times(self) -> None:
        ws = self.ws
        day = to_bangkok(ws.detail.starts_at).date()
        ws.act(meetings.record_times, ws.store, ws.meeting_id,
               started_at=_local_datetime(day, self.started.time()),
               ended_at=_local_datetime(day, self.ended.time()),
               ok=self.tr("บันทึกเวลาประชุมแล้ว"))

    def certify_minutes(self) -> None:
        ws = self.ws
        if self.at_meeting.isChecked():
            later = self.later.currentData()
            if not later:
                ws.message.show_message(self.tr("ยังไม่มีการประชุมครั้งถัดไปขององค์กรนี้"), "error")
                return
            ws.act(meetings.certify_minutes, ws.store, ws.meeting_id, in_meeting_id=later,
                   ok=self.tr("รับรองรายงานการประชุมแล้ว"))
        else:
            try:
                on = self.circulated_on.date()
            except ValueError:
                on = None
            if on is None:
                ws.message.show_message(self.tr("กรุณากรอกวันที่เวียนรับรอง (วว/ดด/ปปปป)"),
                                        "error")
                return
            ws.act(meetings.certify_minutes, ws.store, ws.meeting_id, on=on,
                   ok=self.tr("รับรองรายงานการประชุมแล้ว"))

    def _ask_and_print(self, kind: str) -> None:
        names = {"minutes": self.tr("รายงานการประชุม"), "sign_in": self.tr("ใบลงทะเบียน"),
                 "agenda": self.tr("ระเบียบวาระ"), "invitation": self.tr("หนังสือเชิญประชุม")}
        suggested = str(Path.home() / f"{names[kind]} {self.ws.detail.number_text.replace('/', '-')}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, names[kind], suggested, "PDF (*.pdf)")
        if path:
            self.ws.print_document(kind, path)

    def _ask_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("ส่งออกลงปฏิทิน"),
                                              str(Path.home() / "meeting.ics"),
                                              "iCalendar (*.ics)")
        if path:
            self.ws.export_ics(path)


# --- assemblies ------------------------------------------------------------------------------


class AssemblyPanel(QWidget):
    """Bulk registration from Excel, statistics, adopted proposals, criterion-10 evidence."""

    def __init__(self, ws: MeetingWorkspace):
        super().__init__()
        self.ws = ws
        self.import_button = QPushButton(self.tr("นำเข้ารายชื่อจาก Excel (.xlsx)…"))
        self.import_button.setObjectName("assembly_import")
        self.import_button.clicked.connect(self._ask_import)
        self.stats = QTextBrowser()
        self.stats.setObjectName("assembly_stats")
        self.proposal = QLineEdit()
        self.proposal.setObjectName("proposal_title")
        self.proposal.setPlaceholderText(self.tr("ข้อเสนอที่ที่ประชุมรับรอง"))
        self.proposal_kind = QComboBox()
        self.proposal_kind.addItem(self.tr("แผนพัฒนาจังหวัด"), "development_plan")
        self.proposal_kind.addItem(self.tr("ข้อเสนอเชิงนโยบาย"), "policy_proposal")
        self.adopt = QPushButton(self.tr("บันทึกข้อเสนอ"))
        self.adopt.setObjectName("proposal_add")
        self.adopt.clicked.connect(self.add_proposal)
        self.proposals = QListWidget()
        self.evidence = QPushButton(self.tr("บันทึกเป็นหลักฐานเกณฑ์ข้อ 10 ของการประเมินจังหวัด"))
        self.evidence.setObjectName("assembly_evidence")
        self.evidence.clicked.connect(
            lambda: ws.act(assemblies.record_assembly_evidence, ws.store, ws.meeting_id,
                           ok=self.tr("บันทึกหลักฐานเกณฑ์ข้อ 10 แล้ว")))
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.evidence)
        top.addStretch(1)
        prop = QHBoxLayout()
        prop.addWidget(self.proposal, 1)
        prop.addWidget(self.proposal_kind)
        prop.addWidget(self.adopt)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stats, 2)
        layout.addLayout(prop)
        layout.addWidget(self.proposals, 1)

    def show_meeting(self, d: MeetingDetail) -> None:
        lang = current_language()
        s = assemblies.attendance_statistics(self.ws.store, d.id)
        html = [f"<h3>{self.tr('ผู้เข้าร่วม %1 คน').replace('%1', f'{s.total:,}')}</h3>"]
        for title, lines_ in ((self.tr("ตามประเภทองค์กร"), s.by_organization_kind),
                              (self.tr("ตามอำเภอ"), s.by_district),
                              (self.tr("ตามตำบล"), s.by_subdistrict),
                              (self.tr("ตามเพศ"), s.by_gender)):
            html.append(f"<b>{title}</b><table cellpadding=2>")
            html += [f"<tr><td>{line.name(lang)}</td><td align=right>{line.count:,}</td></tr>"
                     for line in lines_]
            html.append("</table>")
        self.stats.setHtml("".join(html))
        self.proposals.clear()
        for p in assemblies.list_proposals(self.ws.store, d.id):
            self.proposals.addItem(f"{p.title} ({p.fiscal_year})")

    def add_proposal(self) -> None:
        ws = self.ws
        data = assemblies.ProposalData(self.proposal.text(), self.proposal_kind.currentData())
        if ws.act(assemblies.adopt_proposals, ws.store, ws.meeting_id, [data]):
            self.proposal.clear()

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("นำเข้ารายชื่อ"), str(Path.home()),
                                              "Excel (*.xlsx)")
        if path:
            self.ws.import_participants(path)


# --- one meeting -----------------------------------------------------------------------------


class MeetingWorkspace(QWidget):
    """Everything about one meeting, in tabs."""

    changed = Signal(str)
    printed = Signal(str)  # the path of a document written

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.meeting_id: str | None = None
        self.detail: MeetingDetail | None = None
        self.tasks: list = []
        self.title = heading("")
        self.title.setObjectName("meeting_heading")
        self.title.setWordWrap(True)
        self.message = MessageBar()
        self.message.setObjectName("meeting_message")
        self.confirm = ConfirmBar()
        self.plan = PlanPanel(self)
        self.agenda = AgendaPanel(self)
        self.attendance = AttendancePanel(self)
        self.actions = ActionsPanel(self)
        self.minutes = MinutesPanel(self)
        self.assembly = AssemblyPanel(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meeting_tabs")
        self.tabs.addTab(self.plan, self.tr("รายละเอียด"))
        self.tabs.addTab(self.agenda, self.tr("ระเบียบวาระและรายงาน"))
        self.tabs.addTab(self.attendance, self.tr("ลงทะเบียน"))
        self.tabs.addTab(self.actions, self.tr("เรื่องที่ต้องติดตาม"))
        self.tabs.addTab(self.minutes, self.tr("รับรอง ล็อก และพิมพ์"))
        self.tabs.addTab(self.assembly, self.tr("สมัชชา"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm)
        layout.addWidget(self.tabs, 1)
        self.new_meeting()

    def _panels(self):
        return (self.plan, self.agenda, self.attendance, self.actions, self.minutes,
                self.assembly)

    def new_meeting(self) -> None:
        self.meeting_id, self.detail = None, None
        self.title.setText(self.tr("วางแผนการประชุมใหม่"))
        self.message.hide()
        self.plan.show_new()
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
        self.tabs.setCurrentWidget(self.plan)

    def open(self, meeting_id: str) -> None:
        self.meeting_id = meeting_id
        self.message.hide()
        self.reload()

    def reload(self, ok: str | None = None) -> None:
        if self.meeting_id is None:
            return
        try:
            self.detail = d = meetings.get_meeting(self.store, self.meeting_id)
        except ServiceError as exc:
            self.message.show_message(error_text(exc), "error")
            return
        number = self.tr("ครั้งที่ %1").replace("%1", d.number_text) if d.number_text else ""
        self.title.setText(f"{d.title} {number} — {L.datetime_text(d.starts_at)}")
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
        self.tabs.setTabVisible(self.tabs.indexOf(self.assembly),
                                d.kind == MeetingKind.PROVINCIAL_ASSEMBLY)
        for panel in self._panels():
            if panel is self.assembly and d.kind != MeetingKind.PROVINCIAL_ASSEMBLY:
                continue
            panel.show_meeting(d)
        if ok:
            self.message.show_message(ok, "ok")

    def act(self, fn: Callable[..., Any], *args: Any, ok: str | None = None,
            reload: bool = True, on_error: Callable[[BaseException], None] | None = None,
            **kwargs: Any) -> Any:
        """Run one service action; show its error, or reload and say it is done.
        Returns the action's result (True when it returns nothing), None when refused."""
        try:
            result = fn(*args, **kwargs)
        except ServiceError as exc:
            self.message.show_message(error_text(exc), "error")
            if on_error:
                on_error(exc)
            return None
        if reload:
            self.reload(ok)
        if self.meeting_id:
            self.changed.emit(self.meeting_id)
        return True if result is None else result

    # --- long work off the UI thread ---------------------------------------------------

    def print_document(self, kind: str, path: str) -> None:
        self.message.show_message(self.tr("กำลังสร้างเอกสาร…"), "info")
        from codi_desktop.services import documents  # here: the printing layer loads slowly

        task = run_task(plain(documents.print_meeting_document), self.store, self.meeting_id,
                        kind, path,
                        title=self.tr("พิมพ์เอกสาร"),
                        on_done=lambda _r: self._printed(path),
                        on_error=lambda e: self.message.show_message(error_text(e), "error"))
        self.tasks.append(task)

    def _printed(self, path: str) -> None:
        self.message.show_message(self.tr("บันทึกเอกสารแล้ว: %1").replace("%1", path), "ok")
        self.printed.emit(path)

    def export_ics(self, path: str) -> None:
        try:
            Path(path).write_text(meetings.meeting_ics(self.store, self.meeting_id),
                                  encoding="utf-8", newline="")
        except OSError as exc:
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("ส่งออกปฏิทินแล้ว: %1").replace("%1", path), "ok")

    def import_participants(self, path: str) -> None:
        self.message.show_message(self.tr("กำลังนำเข้ารายชื่อ…"), "info")

        def done(result: assemblies.RegistrationResult) -> None:
            self.reload(self.tr("นำเข้าแล้ว %1 คน (ซ้ำ %2 คน ข้ามไป)")
                        .replace("%1", str(result.added)).replace("%2", str(result.skipped)))
            self.changed.emit(self.meeting_id)

        task = run_task(plain(assemblies.import_participants_xlsx), self.store,
                        self.meeting_id, path, title=self.tr("นำเข้ารายชื่อ"), on_done=done,
                        on_error=lambda e: self.message.show_message(error_text(e), "error"))
        self.tasks.append(task)


# --- follow-up across meetings ---------------------------------------------------------------


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
        self.table = _table([self.tr("เรื่อง"), self.tr("ผู้รับผิดชอบ"), self.tr("กำหนดเสร็จ"),
                             self.tr("จากการประชุม"), ""])
        self.table.setObjectName("followup_table")
        self.table.doubleClicked.connect(self._open)
        self.rows: list = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.owner)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        self.rows = actions.open_action_items(self.store, owner_text=self.owner.text())
        _fill(self.table, [(r.id, [r.title, r.owner_name or "", L.date_text(r.due_on),
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


class TemplateEditor(QGroupBox):
    """The six sections new meetings start from, in this province's own words."""

    def __init__(self, store: Store, message: MessageBar, parent: QWidget | None = None):
        super().__init__(self.tr("แม่แบบระเบียบวาระการประชุม"), parent)
        self.setObjectName("agenda_template")
        self.store = store
        self.message = message
        self.titles: list[QLineEdit] = []
        self.subs: list[QLineEdit] = []
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("ระเบียบวาระ")), 0, 1)
        grid.addWidget(QLabel(self.tr("เรื่องย่อยประจำ (คั่นด้วย ;)")), 0, 2)
        for i in range(6):
            title, subs = QLineEdit(), QLineEdit()
            title.setObjectName(f"template_title_{i + 1}")
            subs.setObjectName(f"template_subs_{i + 1}")
            self.titles.append(title)
            self.subs.append(subs)
            grid.addWidget(QLabel(str(i + 1)), i + 1, 0)
            grid.addWidget(title, i + 1, 1)
            grid.addWidget(subs, i + 1, 2)
        self.save = QPushButton(self.tr("บันทึกแม่แบบ"))
        self.save.setObjectName("template_save")
        self.save.clicked.connect(self.submit)
        self.reset = QPushButton(self.tr("กลับไปใช้แม่แบบมาตรฐาน"))
        self.reset.clicked.connect(self._reset)
        grid.addWidget(self.reset, 7, 1)
        grid.addWidget(self.save, 7, 2, Qt.AlignmentFlag.AlignRight)
        self.load()

    def load(self) -> None:
        for sec in meetings.agenda_template(self.store):
            self.titles[sec.section - 1].setText(sec.title)
            self.subs[sec.section - 1].setText("; ".join(sec.sub_items))

    def submit(self) -> None:
        sections = [meetings.TemplateSection(
            i + 1, self.titles[i].text(),
            [t.strip() for t in self.subs[i].text().split(";") if t.strip()]) for i in range(6)]
        try:
            meetings.set_agenda_template(self.store, sections)
        except ServiceError as exc:
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("บันทึกแม่แบบแล้ว ใช้กับการประชุมที่วางแผนต่อจากนี้"), "ok")

    def _reset(self) -> None:
        meetings.set_agenda_template(self.store, list(meetings.DEFAULT_TEMPLATE))
        self.load()


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
        self.list_message = MessageBar()
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
        h.addWidget(self.list_message)
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
