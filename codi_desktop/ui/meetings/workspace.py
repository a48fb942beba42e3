"""One meeting's workspace: the panels in tabs, one message bar, and the one way panels
change the meeting (``act``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today, to_bangkok
from codi_core.models import MeetingKind
from codi_desktop.services import assemblies, documents, meetings
from codi_desktop.services.meetings import (
    MeetingDetail,
)
from codi_desktop.store.database import Store

from .. import labels as L
from ..errors import error_text
from ..tasks import plain, run_task
from ..widgets import ConfirmBar, MessageBar, NoticeSlot, ReadOnlyNote, ScrollingTabs, heading
from .actions_panel import ActionsPanel
from .agenda_panel import AgendaPanel
from .assembly_panel import AssemblyPanel
from .attendance_panel import AttendancePanel
from .common import read_only_reason
from .minutes_panel import MinutesPanel
from .plan_panel import PlanPanel

translate = QCoreApplication.translate


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
        self.read_only = ReadOnlyNote()  # why this meeting cannot be edited, when it cannot
        self.read_only.setObjectName("meeting_read_only")
        self.confirm = ConfirmBar()
        self.confirm.confirmed.connect(self._early_confirmed)
        self._early_ok: set[str] = set()  # meetings whose early recording was confirmed
        self._early_retry: Callable[[], Any] | None = None
        self.plan = PlanPanel(store, self)
        self.agenda = AgendaPanel(store, self)
        self.attendance = AttendancePanel(store, self)
        self.actions = ActionsPanel(store, self, self.agenda.current_id)
        self.minutes = MinutesPanel(store, self)
        self.assembly = AssemblyPanel(store, self)
        self.plan.created.connect(self._created)
        self.minutes.print_requested.connect(self.print_document)
        self.minutes.ics_requested.connect(self.export_ics)
        self.assembly.import_requested.connect(self.import_participants)
        self.tabs = ScrollingTabs()
        self.tabs.setObjectName("meeting_tabs")
        self.tabs.addTab(self.plan, self.tr("รายละเอียด"))
        self.tabs.addTab(self.agenda, self.tr("ระเบียบวาระและรายงาน"))
        self.tabs.addTab(self.attendance, self.tr("ลงทะเบียน"))
        self.tabs.addTab(self.actions, self.tr("เรื่องที่ต้องติดตาม"))
        self.tabs.addTab(self.minutes, self.tr("รับรอง ล็อก และพิมพ์"))
        self.tabs.addTab(self.assembly, self.tr("สมัชชา"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.read_only)
        layout.addWidget(NoticeSlot(self.message, self.confirm))
        layout.addWidget(self.tabs, 1)
        self.new_meeting()

    def _panels(self):
        return (self.plan, self.agenda, self.attendance, self.actions, self.minutes,
                self.assembly)

    def _created(self, meeting_id: str, first_tab: str) -> None:
        self.open(meeting_id)
        if first_tab == "agenda":
            self.tabs.setCurrentWidget(self.agenda)

    def before_the_day(self, retry: Callable[[], Any]) -> bool:
        """True when the meeting's day has come (Bangkok), or recording early was
        confirmed once for this meeting; otherwise asks once and runs ``retry`` on yes."""
        d = self.detail
        if d is None or self.meeting_id in self._early_ok:
            return True
        if to_bangkok(d.starts_at).date() <= bangkok_today():
            return True
        self._early_retry = retry
        self.confirm.ask(
            self.tr("การประชุมนี้กำหนดวันที่ %1 ยังไม่ถึงวันประชุม "
                    "ต้องการบันทึกการลงทะเบียนหรือรายงานการประชุมล่วงหน้าหรือไม่")
            .replace("%1", L.date_text(d.starts_at)),
            self.tr("บันทึกล่วงหน้า"), self.tr("ยังไม่บันทึก"))
        return False

    def _early_confirmed(self) -> None:
        if self.meeting_id:
            self._early_ok.add(self.meeting_id)
        retry, self._early_retry = self._early_retry, None
        if retry is not None:
            retry()

    def say(self, text: str, kind: str = "info") -> None:
        self.message.show_message(text, kind)

    def new_meeting(self) -> None:
        self.meeting_id, self.detail = None, None
        self.title.setText(self.tr("วางแผนการประชุมใหม่"))
        self.message.hide()
        self.read_only.say(None)
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
        self.read_only.say(read_only_reason(d))
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
