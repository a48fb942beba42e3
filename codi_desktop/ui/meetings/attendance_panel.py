"""The sign-in desk of one meeting: people found by name, walk-ins, absences, substitutes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codi_core.models import AttendanceStatus
from codi_desktop.services import lists, meetings
from codi_desktop.services.meetings import (
    AttendanceData,
    MeetingDetail,
    WalkInData,
)
from codi_desktop.store.database import Store

from ..i18n import current_language
from ..widgets import explain_read_only
from .common import (
    MeetingHost,
    fill_table,
    make_table,
    name_of,
    read_only_reason,
    selected_id,
)
from .pickers import PersonPicker

translate = QCoreApplication.translate


class AttendancePanel(QWidget):
    def __init__(self, store: Store, host: MeetingHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        self.status = QComboBox()
        self.status.setObjectName("attendance_status")
        for st in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE,
                   AttendanceStatus.ATTENDEE, AttendanceStatus.ABSENT):
            self.status.addItem(name_of(meetings.ATTENDANCE_NAMES[st]), st.value)
        self.status.currentIndexChanged.connect(lambda _i: self._status_changed())
        self.reason = QLineEdit()
        self.reason.setObjectName("attendance_reason")
        self.reason.setPlaceholderText(self.tr("เหตุผลที่ไม่มา (ลาป่วย ติดภารกิจ ...)"))
        self.substitute_for = PersonPicker(self.store, self.tr("มาประชุมแทนใคร: พิมพ์ชื่อ"))
        self.substitute_for.setObjectName("attendance_substitute_for")
        self.find = PersonPicker(self.store, self.tr("ลงทะเบียน: พิมพ์ชื่อบางส่วน แล้วเลือก"),
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

        self.table = make_table([self.tr("ชื่อ"), self.tr("สถานะ"), self.tr("องค์กร / ตำแหน่ง"),
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
        for c in lists.districts(self.store):
            self.district.addItem(c.name(current_language()), c.value)
        self.district.blockSignals(False)
        self._fill_tambons()

    def _fill_tambons(self) -> None:
        self.tambon.clear()
        self.tambon.addItem(self.tr("ตำบล"), None)
        did = self.district.currentData()
        if did:
            for c in lists.subdistricts(self.store, did):
                self.tambon.addItem(c.name(current_language()), c.value)

    def show_meeting(self, d: MeetingDetail) -> None:
        self._fill_districts()
        self.find.meeting_id = d.id
        status_names = {str(s): name_of(n) for s, n in meetings.ATTENDANCE_NAMES.items()}
        rows = []
        for a in d.attendance:
            org = " · ".join(x for x in (a.position, a.organization_name) if x)
            extra = (self.tr("แทน %1").replace("%1", a.substitute_for_name or "")
                     if a.status == AttendanceStatus.SUBSTITUTE else a.reason or "")
            rows.append((a.id, [a.person_name, status_names.get(a.status, a.status), org, extra]))
        fill_table(self.table, rows)
        absent = sum(1 for a in d.attendance if a.status == AttendanceStatus.ABSENT)
        self.counts.setText(self.tr("ผู้เข้าประชุม %1 คน · ไม่มาประชุม %2 คน · เชิญ %3 ราย")
                            .replace("%1", str(d.present_count)).replace("%2", str(absent))
                            .replace("%3", str(len(d.invitees))))
        explain_read_only((self.find, self.walk_in, self.remove, self.status),
                          read_only_reason(d))

    def _attendance_data(self, person_id: str | None) -> AttendanceData:
        return AttendanceData(person_id=person_id, status=self.status.currentData(),
                              reason=self.reason.text(),
                              substitute_for_id=self.substitute_for.value_id,
                              substitute_for_name=self.substitute_for.value_name or None)

    def sign_in(self, person_id: str) -> None:
        ws = self.host
        if not ws.before_the_day(lambda: self.sign_in(person_id)):
            return
        if ws.act(meetings.record_attendance, self.store, ws.meeting_id,
                  self._attendance_data(person_id)):
            self._after_sign_in()

    def _after_sign_in(self) -> None:
        self.reason.clear()
        self.substitute_for.clear()
        self.find.search.setFocus()

    def add_walk_in(self) -> None:
        ws = self.host
        if not ws.before_the_day(self.add_walk_in):
            return
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
        if ws.act(meetings.record_walk_in, self.store, ws.meeting_id, data):
            for w in (self.first, self.last, self.org):
                w.clear()
            self.prefix.setCurrentIndex(0)
            self._after_sign_in()

    def _remove(self) -> None:
        row_id = selected_id(self.table)
        if row_id:
            self.host.act(meetings.remove_attendance, self.store, row_id)
