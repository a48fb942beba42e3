"""The minutes' lifecycle of one meeting (times, certify, lock) and its printed documents."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import to_bangkok
from codi_core.models import MeetingStatus
from codi_desktop.services import meetings
from codi_desktop.services.meetings import (
    MeetingDetail,
)
from codi_desktop.store.database import Store

from .. import labels as L
from ..date_field import DateField
from ..errors import error_text
from ..file_dialogs import save_file
from ..history_panel import HistoryPanel
from ..widgets import explain_read_only
from .common import (
    MeetingHost,
    local_datetime,
    qtime,
    read_only_reason,
    time_format,
)

translate = QCoreApplication.translate


class MinutesPanel(QWidget):
    """Times, certification, locking, the locked versions, printing and the history."""

    print_requested = Signal(str, str)  # document kind, path
    ics_requested = Signal(str)  # path

    def __init__(self, store: Store, host: MeetingHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        ws = host
        self.state = QLabel()
        self.state.setObjectName("minutes_state")
        self.state.setWordWrap(True)
        self.started = QTimeEdit()
        self.started.setObjectName("started_at")
        self.started.setDisplayFormat(time_format())
        self.ended = QTimeEdit()
        self.ended.setObjectName("ended_at")
        self.ended.setDisplayFormat(time_format())
        self.save_times = QPushButton(self.tr("บันทึกเวลาเริ่ม / เลิกประชุม"))
        self.save_times.setObjectName("save_times")
        self.save_times.clicked.connect(self.record_times)
        self.invited = QPushButton(self.tr("ส่งหนังสือเชิญแล้ว"))
        self.invited.clicked.connect(
            lambda: ws.act(meetings.mark_invited, self.store, ws.meeting_id))

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
        self.circulated_on.setObjectName("circulated_on")
        self.circulated_on.converted.connect(lambda note: self.host.say(note, "info"))
        self.certify = QPushButton(self.tr("รับรองรายงานการประชุม"))
        self.certify.setObjectName("certify")
        self.certify.clicked.connect(self.certify_minutes)
        self.lock = QPushButton(self.tr("ล็อกรายงานการประชุม"))
        self.lock.setObjectName("lock")
        self.lock.clicked.connect(
            lambda: ws.act(meetings.lock_minutes, self.store, ws.meeting_id,
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
        self.history = HistoryPanel(self.store, "meeting")

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
        status = L.label(L.MEETING_STATUS, d.status)
        text = self.tr("สถานะ: %1").replace("%1", status)
        if d.certified_in_number:
            text += " · " + self.tr("รับรองในการประชุมครั้งที่ %1").replace(
                "%1", d.certified_in_number)
        elif d.certified_on:
            text += " · " + self.tr("รับรองเมื่อ %1").replace("%1", L.date_text(d.certified_on))
        if d.minutes_version > 1 or d.status == MeetingStatus.LOCKED:
            text += " · " + self.tr("ฉบับที่ %1").replace("%1", str(d.minutes_version))
        self.state.setText(text)
        start = qtime(d.starts_at, QTime(9, 0))
        self.started.setTime(qtime(d.started_at, start))
        planned_end = qtime(d.ends_at, self.started.time().addSecs(3 * 3600))
        self.ended.setTime(qtime(d.ended_at, planned_end))
        self.later.clear()
        for m in meetings.list_meetings(self.store, organization_id=d.organization_id,
                                        kind=None if d.organization_id else d.kind):
            if m.starts_at > d.starts_at:
                self.later.addItem(f"{m.number_text} {L.date_text(m.starts_at)} {m.title}", m.id)
        # the earliest later meeting first: the one that normally certifies
        items = [(self.later.itemText(i), self.later.itemData(i))
                 for i in range(self.later.count())]
        self.later.clear()
        for text_, data in reversed(items):
            self.later.addItem(text_, data)
        explain_read_only((self.save_times,), read_only_reason(d))
        self.invited.setEnabled(d.status == MeetingStatus.PLANNED)
        self.certify.setEnabled(d.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT))
        self.lock.setEnabled(d.status == MeetingStatus.MINUTES_CERTIFIED)
        self.versions.clear()
        for v in meetings.minutes_versions(self.store, d.id):
            line = self.tr("ฉบับที่ %1 ล็อกเมื่อ %2").replace("%1", str(v.version)).replace(
                "%2", L.datetime_text(v.locked_at))
            if v.reason:
                line += f" — {v.reason}"
            self.versions.addItem(line)
        self.history.load(d.id)

    def record_times(self) -> None:
        ws = self.host
        day = to_bangkok(ws.detail.starts_at).date()
        ws.act(meetings.record_times, self.store, ws.meeting_id,
               started_at=local_datetime(day, self.started.time()),
               ended_at=local_datetime(day, self.ended.time()),
               ok=self.tr("บันทึกเวลาประชุมแล้ว"))

    def certify_minutes(self) -> None:
        ws = self.host
        if self.at_meeting.isChecked():
            later = self.later.currentData()
            if not later:
                ws.say(self.tr("ยังไม่มีการประชุมครั้งถัดไปขององค์กรนี้"), "error")
                return
            ws.act(meetings.certify_minutes, self.store, ws.meeting_id, in_meeting_id=later,
                   ok=self.tr("รับรองรายงานการประชุมแล้ว"))
        else:
            try:
                on = self.circulated_on.date()
            except ValueError:
                on = None
            if on is None:
                ws.say(self.tr("กรุณากรอกวันที่เวียนรับรอง (วว/ดด/ปปปป)"),
                                        "error")
                return
            ws.act(meetings.certify_minutes, self.store, ws.meeting_id, on=on,
                   ok=self.tr("รับรองรายงานการประชุมแล้ว"))

    def _ask_and_print(self, kind: str) -> None:
        names = {"minutes": self.tr("รายงานการประชุม"), "sign_in": self.tr("ใบลงทะเบียน"),
                 "agenda": self.tr("ระเบียบวาระ"), "invitation": self.tr("หนังสือเชิญประชุม")}
        if kind == "invitation":  # no signer: say so before asking where to save
            from codi_desktop.services import documents
            try:
                documents.check_invitation(self.store, self.host.meeting_id)
            except ServiceError as exc:
                self.host.say(error_text(exc), "error")
                return
        name = f"{names[kind]} {self.host.detail.number_text.replace('/', '-')}.pdf"
        path = save_file(self, "pdf", names[kind], name, "PDF (*.pdf)")
        if path:
            self.print_requested.emit(kind, path)

    def _ask_ics(self) -> None:
        path = save_file(self, "ics", self.tr("ส่งออกลงปฏิทิน"), "meeting.ics",
                         "iCalendar (*.ics)")
        if path:
            self.ics_requested.emit(path)
