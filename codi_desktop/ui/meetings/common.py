"""What the meeting panels share: the narrow host interface a panel is given (the open
meeting, one way to run an action, one place to speak) and small table/time helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from codi_core.formatting import bangkok_tz, to_bangkok
from codi_core.models import MeetingStatus
from codi_desktop.services.meetings import MeetingDetail

from ..i18n import current_language
from ..widgets import WordElideDelegate

ID_ROLE = Qt.ItemDataRole.UserRole


def read_only_reason(d: MeetingDetail | None) -> str | None:
    """Why the open meeting's fields cannot be edited (None when they can): shown as each
    field's tip and as the workspace's visible note."""
    if d is None or d.editable:
        return None
    if d.status == MeetingStatus.LOCKED:
        return QCoreApplication.translate(
            "Meetings", "รายงานการประชุมล็อกแล้ว แก้ไขไม่ได้ — แก้รายงานได้โดยบันทึกเป็น"
            "ฉบับแก้ไขใหม่พร้อมเหตุผล (แท็บระเบียบวาระและรายงาน)")
    if d.status == MeetingStatus.MINUTES_CERTIFIED:
        return QCoreApplication.translate(
            "Meetings", "รายงานการประชุมรับรองแล้ว แก้ไขไม่ได้ — ขั้นต่อไปคือล็อกรายงาน"
            " (แท็บรับรอง ล็อก และพิมพ์)")
    if d.status == MeetingStatus.CANCELLED:
        return QCoreApplication.translate(
            "Meetings", "การประชุมนี้ยกเลิกแล้ว แก้ไขไม่ได้ (ยังอยู่ในรายการพร้อมครั้งที่เดิม)")
    return QCoreApplication.translate("Meetings", "การประชุมนี้แก้ไขไม่ได้ในสถานะนี้")


class MeetingHost(Protocol):
    """What a panel may use of the workspace: nothing else."""

    meeting_id: str | None
    detail: MeetingDetail | None

    def act(self, fn: Callable[..., Any], *args: Any, ok: str | None = None,
            reload: bool = True, on_error: Callable[[BaseException], None] | None = None,
            **kwargs: Any) -> Any:
        """Run one service action; show its error, or reload and say it is done."""

    def reload(self, ok: str | None = None) -> None:
        """Re-read the open meeting and show it in every panel."""

    def say(self, text: str, kind: str = "info") -> None:
        """Show a message in the workspace's message area."""

    def before_the_day(self, retry: Callable[[], Any]) -> bool:
        """False (and asks once) when recording before the meeting's day."""


def time_format() -> str:
    """Times as people write them: 09.30 น. in Thai, 09:30 in English."""
    return "HH:mm" if current_language() == "en" else "HH.mm น."


def name_of(pair: tuple[str, str]) -> str:
    return pair[1] if current_language() == "en" else pair[0]


def local_datetime(day: dt.date, time: QTime) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, time.hour(), time.minute(),
                       tzinfo=bangkok_tz())


def qtime(value: dt.datetime | None, default: QTime) -> QTime:
    if value is None:
        return default
    local = to_bangkok(value)
    return QTime(local.hour, local.minute)


def make_table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.setItemDelegate(WordElideDelegate(t))
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (row_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, row_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def selected_id(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return items[0].data(ID_ROLE) if items else None
