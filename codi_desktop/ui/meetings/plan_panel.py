"""The plan of one meeting: kind, body, number, date and times, place, chair, minute-taker
and the invitees."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import BE_OFFSET, bangkok_today, to_bangkok
from codi_core.models import MeetingKind, MeetingStatus
from codi_desktop.services import meetings
from codi_desktop.services.meetings import (
    MeetingDetail,
    MeetingPlan,
)
from codi_desktop.store.database import Store

from .. import labels as L
from ..date_field import DateField, date_error
from ..errors import error_text
from ..widgets import explain_read_only
from .common import (
    ID_ROLE,
    MeetingHost,
    local_datetime,
    qtime,
    read_only_reason,
    time_format,
)
from .pickers import OrganizationPicker, PersonPicker

translate = QCoreApplication.translate


class PlanPanel(QWidget):
    """Kind, body, number, date and times, place, chair and minute-taker.

    ``created(id, first_tab)`` asks the workspace to open a meeting this panel made
    ("agenda" after planning, "" after duplicating)."""

    created = Signal(str, str)

    def __init__(self, store: Store, host: MeetingHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        ws = host
        self.kind = QComboBox()
        self.kind.setObjectName("plan_kind")
        for kind in MeetingKind:
            self.kind.addItem(L.label(L.MEETING_KIND, kind), kind.value)
        self.body = OrganizationPicker(self.store, self.tr("พิมพ์ชื่อคณะกรรมการ / องค์กรที่ประชุม"))
        self.body.setObjectName("plan_body")
        self.clear_body = QPushButton(self.tr("ไม่ระบุองค์กร"))
        self.clear_body.clicked.connect(self.body.clear)
        self.clear_body.clicked.connect(lambda: self._update_number_hint())
        self.title = QLineEdit()
        self.title.setObjectName("plan_title")
        self.title.setPlaceholderText(self.tr("เว้นว่างได้: ใช้ชื่อองค์กรที่ประชุม"))
        self.number = QSpinBox()
        self.number.setObjectName("plan_number")
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("อัตโนมัติ"))
        self.date = DateField()
        self.date.setObjectName("plan_date")
        self.date.converted.connect(lambda note: self.host.say(note, "info"))
        self.start = QTimeEdit(QTime(9, 30))
        self.start.setObjectName("plan_start")
        self.start.setDisplayFormat(time_format())
        self.end = QTimeEdit(QTime(12, 0))
        self.end.setObjectName("plan_end")
        self.end.setDisplayFormat(time_format())
        self.place = QLineEdit()
        self.place.setObjectName("plan_place")
        self.organiser = QLineEdit()
        self.chair = PersonPicker(self.store, self.tr("พิมพ์ชื่อประธาน"))
        self.chair.setObjectName("plan_chair")
        self.minute_taker = PersonPicker(self.store, self.tr("พิมพ์ชื่อผู้จดรายงานการประชุม"))
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
        # room for three reasons is kept, so a refusal does not move the buttons
        self.error.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.number_hint = QLabel()
        self.number_hint.setObjectName("plan_number_hint")
        self.number_hint.setStyleSheet("color: #1f4e79")
        self.kind.currentIndexChanged.connect(lambda _i: self._update_number_hint())
        self.body.picked.connect(lambda _i, _n: self._update_number_hint())
        self.number.valueChanged.connect(lambda _v: self._update_number_hint())
        self.date.textChanged.connect(lambda _t: self._update_number_hint())
        self.cancel_reason = QLineEdit()
        self.cancel_reason.setObjectName("cancel_reason")
        self.cancel_reason.setPlaceholderText(self.tr("เหตุผลที่ยกเลิก เช่น เลื่อนเพราะน้ำท่วม"))
        self.cancel = QPushButton(self.tr("ยกเลิกการประชุมนี้"))
        self.cancel.setObjectName("plan_cancel")
        self.cancel.clicked.connect(self._cancel)
        self.cancelled_note = QLabel()
        self.cancelled_note.setObjectName("plan_cancelled")
        self.cancelled_note.setStyleSheet("color: #8a1c1c; font-weight: bold")
        self.cancelled_note.setWordWrap(True)
        self.cancelled_note.hide()

        times = QHBoxLayout()
        times.addWidget(self.date, 2)
        times.addWidget(QLabel(self.tr("เวลา")))
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("ถึง")))
        times.addWidget(self.end)
        body = QHBoxLayout()
        body.addWidget(self.body, 1)
        body.addWidget(self.clear_body, 0, Qt.AlignmentFlag.AlignTop)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.number_hint, 1)
        form = QFormLayout()
        form.addRow(self.tr("ประเภทการประชุม"), self.kind)
        form.addRow(self.tr("องค์กรที่ประชุม"), body)
        form.addRow(self.tr("ชื่อการประชุม"), self.title)
        form.addRow(self.tr("ครั้งที่"), number_row)
        form.addRow(self.tr("วันที่"), times)
        form.addRow(self.tr("สถานที่ (ณ)"), self.place)
        form.addRow(self.tr("ผู้จัด"), self.organiser)
        form.addRow(self.tr("ประธาน"), self.chair)
        form.addRow(self.tr("ผู้จดรายงานการประชุม"), self.minute_taker)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.duplicate)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_reason, 1)
        buttons.addWidget(self.cancel)

        self.invitees = QListWidget()
        self.invitees.setObjectName("invitees")
        self.invite_person = PersonPicker(self.store, self.tr("เชิญบุคคล: พิมพ์ชื่อ"),
                                          show_choice=False)
        self.invite_person.setObjectName("invite_person")
        self.invite_person.picked.connect(
            lambda pid, _n: ws.act(meetings.add_invitees, self.store, ws.meeting_id,
                                   person_ids=[pid]))
        self.invite_org = OrganizationPicker(self.store, self.tr("เชิญองค์กร: พิมพ์ชื่อ"),
                                             show_choice=False)
        self.invite_org.setObjectName("invite_org")
        self.invite_org.picked.connect(
            lambda oid, _n: ws.act(meetings.add_invitees, self.store, ws.meeting_id,
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
        layout.addWidget(self.cancelled_note)
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
        self.date.set_date(bangkok_today())
        self.start.setTime(QTime(9, 30))
        self.end.setTime(QTime(12, 0))
        self.chair.clear()
        self.minute_taker.clear()
        self.error.clear()
        self.save.setText(self.tr("วางแผนการประชุม (ใช้แม่แบบระเบียบวาระ)"))
        self.duplicate.hide()
        self.invite_box.hide()
        self.cancel.hide()
        self.cancel_reason.hide()
        self.cancelled_note.hide()
        self._set_enabled(None)
        self._update_number_hint()

    def show_meeting(self, d: MeetingDetail) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.body.set_value(d.organization_id, d.body_name if d.organization_id else None)
        self.title.setText(d.title)
        self.number.setValue(d.number or 0)
        local = to_bangkok(d.starts_at)
        self.date.set_date(local.date())
        self.start.setTime(QTime(local.hour, local.minute))
        self.end.setTime(qtime(d.ends_at, QTime(local.hour, local.minute)))
        self.place.setText(d.place or "")
        self.organiser.setText(d.organiser or "")
        self.chair.set_value(d.chair_id, d.chair_name)
        self.minute_taker.set_value(d.minute_taker_id, d.minute_taker_name)
        self.error.clear()
        self.save.setText(self.tr("บันทึกรายละเอียดการประชุม"))
        self.duplicate.show()
        self._set_enabled(read_only_reason(d))
        self.cancel.setVisible(d.cancellable)
        self.cancel_reason.setVisible(d.cancellable)
        self.cancel_reason.clear()
        cancelled = d.status == MeetingStatus.CANCELLED
        self.cancelled_note.setVisible(cancelled)
        if cancelled:
            self.cancelled_note.setText(
                self.tr("ยกเลิกการประชุมแล้ว: %1").replace("%1", d.cancel_reason or ""))
        self._update_number_hint()
        self.invite_box.show()
        roles = {"member": self.tr("กรรมการ / สมาชิก"), "invited": self.tr("ผู้ได้รับเชิญ"),
                 "organization": self.tr("องค์กร")}
        self.invitees.clear()
        for inv in d.invitees:
            item = QListWidgetItem(f"{inv.name or ''} ({roles.get(inv.role or '', inv.role or '')})")
            item.setData(ID_ROLE, inv.id)
            self.invitees.addItem(item)
        explain_read_only((self.invite_person, self.invite_org, self.uninvite),
                          read_only_reason(d))

    def _set_enabled(self, reason: str | None) -> None:
        """Editable (``reason`` None), or read-only with the reason in every field's tip."""
        explain_read_only((self.kind, self.body, self.title, self.number, self.date,
                           self.start, self.end, self.place, self.organiser, self.chair,
                           self.minute_taker, self.save, self.clear_body), reason)

    def plan(self) -> MeetingPlan | None:
        try:
            day = self.date.date()
        except ValueError:
            self.error.setText(date_error())
            return None
        if day is None:  # the service names every missing field, the date among them
            return MeetingPlan(
                kind=self.kind.currentData(), organization_id=self.body.value_id,
                title=self.title.text(), number=self.number.value() or None, starts_at=None,
                place=self.place.text(), organiser=self.organiser.text(),
                chair_id=self.chair.value_id, minute_taker_id=self.minute_taker.value_id)
        return MeetingPlan(
            kind=self.kind.currentData(), organization_id=self.body.value_id,
            title=self.title.text(), number=self.number.value() or None,
            starts_at=local_datetime(day, self.start.time()),
            ends_at=local_datetime(day, self.end.time()), place=self.place.text(),
            organiser=self.organiser.text(), chair_id=self.chair.value_id,
            minute_taker_id=self.minute_taker.value_id)

    def submit(self) -> None:
        self.error.clear()
        plan = self.plan()
        if plan is None:
            return
        ws = self.host
        if ws.meeting_id is None:
            new_id = ws.act(meetings.plan_meeting, self.store, plan, on_error=self._error,
                            ok=self.tr("วางแผนการประชุมแล้ว ระเบียบวาระสร้างจากแม่แบบ"))
            if new_id:
                self.created.emit(new_id, "agenda")
        else:
            if plan.number is None:
                plan.number = ws.detail.number
            ws.act(meetings.update_meeting, self.store, ws.meeting_id, plan, on_error=self._error,
                   ok=self.tr("บันทึกแล้ว"))

    def _update_number_hint(self) -> None:
        """The number the meeting will get (or has), shown before saving."""
        detail = self.host.detail if self.host.meeting_id else None
        if detail is not None and detail.number_text and not self.number.value():
            self.number_hint.setText(self.tr("ครั้งที่ %1").replace("%1", detail.number_text))
            return
        try:
            day = self.date.date()
        except ValueError:
            day = None
        if day is None:
            self.number_hint.setText(self.tr("ใส่วันที่แล้วจะแสดงครั้งที่ที่จะได้"))
            return
        year = day.year + BE_OFFSET
        if self.number.value():
            number = self.number.value()
        else:
            try:  # numbered within the working province: none chosen yet, say so
                number = meetings.next_meeting_number(
                    self.store, self.kind.currentData(), self.body.value_id,
                    local_datetime(day, self.start.time()))
            except ServiceError as exc:
                self.number_hint.setText(error_text(exc))
                return
        self.number_hint.setText(
            self.tr("การประชุมนี้จะเป็นครั้งที่ %1").replace("%1", f"{number}/{year}"))

    def _cancel(self) -> None:
        ws = self.host
        ws.act(meetings.cancel_meeting, self.store, ws.meeting_id, self.cancel_reason.text(),
               on_error=self._error,
               ok=self.tr("ยกเลิกการประชุมแล้ว การประชุมยังอยู่ในรายการและคงครั้งที่เดิม"))

    def _error(self, exc: BaseException) -> None:
        self.error.setText(error_text(exc))

    def _uninvite(self) -> None:
        item = self.invitees.currentItem()
        if item is not None:
            self.host.act(meetings.remove_invitee, self.store, item.data(ID_ROLE))

    def _duplicate(self) -> None:
        ws = self.host
        plan = self.plan()
        if plan is None or ws.meeting_id is None:
            return
        # the next meeting: same time, four weeks later unless the date was changed
        start = plan.starts_at
        if to_bangkok(start).date() == to_bangkok(ws.detail.starts_at).date():
            start += dt.timedelta(days=28)
        new_id = ws.act(meetings.duplicate_meeting, self.store, ws.meeting_id, start,
                        ok=self.tr("สร้างการประชุมครั้งถัดไปแล้ว"))
        if new_id:
            self.created.emit(new_id, "")
