"""The status bar's parts: the sync state (always visible) and background work progress.

Sync API for the sync module (``ui/sync_controller.py``): call
``SyncStatusWidget.set_state(SyncState(...))`` whenever something changes, or the
shortcuts ``set_waiting(n)``, ``set_online(bool)``, ``set_syncing(bool)`` and
``set_last_synced(datetime)``. Until a sync controller exists the main window keeps the
waiting count current from the outbox (``services.lists.pending_changes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .labels import time_text
from .tasks import Task


@dataclass(frozen=True)
class SyncState:
    """What the person should know about sync right now."""

    online: bool = False
    waiting: int = 0  # change sets in the outbox (status pending)
    last_synced_at: dt.datetime | None = None  # UTC
    syncing: bool = False
    demo: bool = False  # a demo sandbox never syncs
    problem: str | None = None  # a short, translated message (rejections, conflicts...)


class SyncStatusWidget(QWidget):
    """``ออฟไลน์ · รอส่ง 3 รายการ · ซิงค์ล่าสุดเมื่อ 14.30 น.``; click opens the sync page."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.dot = QLabel("●")
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setObjectName("syncStatus")
        self.button.clicked.connect(self.clicked)
        layout.addWidget(self.dot)
        layout.addWidget(self.button)
        self.state = SyncState()
        self._render()

    def set_state(self, state: SyncState) -> None:
        self.state = state
        self._render()

    def update_state(self, **changes) -> None:
        self.set_state(dataclasses.replace(self.state, **changes))

    def set_waiting(self, count: int) -> None:
        self.update_state(waiting=count)

    def set_online(self, online: bool) -> None:
        self.update_state(online=online)

    def set_syncing(self, syncing: bool) -> None:
        self.update_state(syncing=syncing)

    def set_last_synced(self, when: dt.datetime | None) -> None:
        self.update_state(last_synced_at=when)

    def set_problem(self, problem: str | None) -> None:
        self.update_state(problem=problem)

    def text(self) -> str:
        return self.button.text()

    def _render(self) -> None:
        s = self.state
        parts = []
        if s.demo:
            parts.append(self.tr("ฐานข้อมูลสาธิต (ไม่ซิงค์)"))
            color = "#7d5ba6"
        elif s.syncing:
            parts.append(self.tr("กำลังซิงค์ข้อมูล…"))
            color = "#1f6f8b"
        elif s.online:
            parts.append(self.tr("ออนไลน์"))
            color = "#23632b"
        else:
            parts.append(self.tr("ออฟไลน์"))
            color = "#8c8c8c"
        if not s.demo:
            parts.append(self.tr("รอส่ง %n รายการ", "", s.waiting) if s.waiting
                         else self.tr("ไม่มีรายการรอส่ง"))
            if s.last_synced_at is not None:
                parts.append(self.tr("ซิงค์ล่าสุดเมื่อ %1 น.").replace(
                    "%1", time_text(s.last_synced_at)))
            else:
                parts.append(self.tr("ยังไม่เคยซิงค์"))
        if s.problem:
            parts.append(s.problem)
            color = "#b03a48"
        self.dot.setStyleSheet(f"color: {color};")
        self.button.setText(" · ".join(parts))
        self.button.setToolTip(self.tr("เปิดหน้าซิงค์ข้อมูล"))


class TaskProgress(QWidget):
    """Shows the running background task with a progress bar and a cancel button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(self.tr("ยกเลิก"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.task: Task | None = None
        self.cancel.clicked.connect(self._cancel)
        self.hide()

    def track(self, task: Task, title: str, cancellable: bool = True) -> None:
        self.task = task
        self.label.setText(title)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel.setVisible(cancellable)
        self.cancel.setEnabled(True)
        task.progressed.connect(self._progress)
        task.finished.connect(self._finished)
        self.show()

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if message:
            self.label.setText(message)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(self.tr("กำลังยกเลิก…"))

    def _finished(self) -> None:
        self.task = None
        self.hide()
