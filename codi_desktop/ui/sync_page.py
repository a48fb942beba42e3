"""The sync page: what waits to be sent, recent results, conflicts and rejections.

Everything here reads and writes through ``codi_desktop.sync.status`` (plain data, no
session in the widget). Conflicts show both values of a field (mine and theirs) and the
person keeps one or types a new one; rejections show the reason in the person's
language, and can be fixed and resent, or discarded after an inline confirmation. The
sync itself belongs to the ``SyncController`` the window created; the page finds it on
the status bar widget.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.store import paths
from codi_desktop.store.database import Store
from codi_desktop.sync import status as sync_status_service
from codi_desktop.sync.credentials import account, keyring_status

from .errors import error_text
from .i18n import current_language
from .labels import datetime_text
from .widgets import ConfirmBar, MessageBar, NoticeSlot, heading

log = logging.getLogger(__name__)


def value_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_value(text: str, like: Any) -> Any:
    """The person's text as a wire value of the same kind as ``like``."""
    text = text.strip()
    if text in ("", "—"):
        return None
    if isinstance(like, bool):
        return text.lower() in ("1", "true", "ใช่", "yes")
    if isinstance(like, int):
        return int(text.replace(",", ""))
    return text


class SyncPage(QWidget):
    """ซิงค์ข้อมูล: the outbox, results, conflicts and rejections of this device."""

    # a demo's person asks for the real database (the folder beside the demo's); the
    # window closes the demo and opens that folder (enrolment, or the database itself)
    open_real_database = Signal(object)

    def __init__(self, store: Store, sync_status: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.sync_status = sync_status
        self._connected_to: Any = None
        self.message = MessageBar()
        self.confirm = ConfirmBar()
        self.confirm.confirmed.connect(self._discard_confirmed)

        self.account = QLabel()
        self.account.setWordWrap(True)
        self.account.setObjectName("sync_account")
        self.password = QLineEdit()
        self.password.setObjectName("sync_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("รหัสผ่าน (เครื่องนี้ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย)"))
        self.password.returnPressed.connect(self.sync_now)
        self.sync_button = QPushButton(self.tr("ซิงค์ตอนนี้"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.sync_now)
        # A demo offers the real database instead: create and enrol it, or switch to it.
        self.real_button = QPushButton()
        self.real_button.setObjectName("open_real")
        self.real_button.clicked.connect(self.go_to_real_database)
        self.real_button.setVisible(store.is_demo)
        if store.is_demo:
            self._label_real_button()
        self.cancel_button = QPushButton(self.tr("หยุด"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.progress_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.password)
        actions.addWidget(self.sync_button)
        actions.addWidget(self.real_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.bar)
        actions.addWidget(self.progress_label, 1)

        self.tabs = QTabWidget()
        # each header a literal self.tr() so lupdate finds it (English mode showed Thai)
        self.waiting = self._tree([self.tr("ลำดับ"), self.tr("เมื่อ"), self.tr("ผู้บันทึก"),
                                   self.tr("รายการ")], stretch=3)
        self.results = self._tree(
            [self.tr("เมื่อ"), self.tr("ส่ง"), self.tr("ผ่าน"), self.tr("ถูกปฏิเสธ"),
             self.tr("ขัดแย้ง"), self.tr("รับ (แถว)"), self.tr("ผล")], stretch=6
        )
        self.tabs.addTab(self.waiting, "")
        self.tabs.addTab(self.results, self.tr("ผลการซิงค์ล่าสุด"))
        self.tabs.addTab(self._conflicts_tab(), "")
        self.tabs.addTab(self._rejections_tab(), "")

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("ซิงค์ข้อมูล")))
        layout.addWidget(NoticeSlot(self.message, self.confirm))
        layout.addWidget(self.account)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    # -- building blocks ----------------------------------------------------------------

    def _tree(self, headers: list[str], stretch: int) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(headers)
        tree.header().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return tree

    def _conflicts_tab(self) -> QWidget:
        holder = QWidget()
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("conflicts")
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.conflict_detail = QLabel()
        self.conflict_detail.setWordWrap(True)
        self.conflict_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_edit = QLineEdit()
        self.conflict_edit.setObjectName("conflict_value")
        self.keep_mine = QPushButton(self.tr("ใช้ค่าของฉัน"))
        self.keep_theirs = QPushButton(self.tr("ใช้ค่าของอีกฝ่าย"))
        self.keep_edited = QPushButton(self.tr("ใช้ค่าที่แก้ไข"))
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.keep_edited.clicked.connect(lambda: self._resolve("edited"))
        buttons = QHBoxLayout()
        for b in (self.keep_mine, self.keep_theirs, self.keep_edited):
            buttons.addWidget(b)
        right = QVBoxLayout()
        right.addWidget(self.conflict_detail)
        right.addWidget(QLabel(self.tr("ค่าที่จะเก็บ (แก้ได้)")))
        right.addWidget(self.conflict_edit)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(holder)
        layout.addWidget(self.conflict_list, 2)
        layout.addLayout(right, 3)
        self._conflicts: list[sync_status_service.ConflictInfo] = []
        return holder

    def _rejections_tab(self) -> QWidget:
        holder = QWidget()
        self.rejection_list = QListWidget()
        self.rejection_list.setObjectName("rejections")
        self.rejection_list.currentRowChanged.connect(self._show_rejection)
        self.rejection_reason = QLabel()
        self.rejection_reason.setWordWrap(True)
        self.rejection_changes = QTreeWidget()
        self.rejection_changes.setRootIsDecorated(False)
        self.rejection_changes.setColumnCount(4)
        self.rejection_changes.setHeaderLabels(
            [self.tr("ตาราง"), self.tr("ทำอะไร"), self.tr("ช่อง"), self.tr("ค่า (แก้ได้)")]
        )
        self.rejection_changes.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.resend_button = QPushButton(self.tr("แก้แล้วส่งใหม่"))
        self.resend_button.setObjectName("resend")
        self.resend_button.clicked.connect(self._resend)
        self.discard_button = QPushButton(self.tr("ยกเลิกรายการนี้"))
        self.discard_button.setObjectName("discard")
        self.discard_button.clicked.connect(self._ask_discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.rejection_reason)
        right.addWidget(self.rejection_changes, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(holder)
        layout.addWidget(self.rejection_list, 2)
        layout.addLayout(right, 3)
        self._rejections: list[sync_status_service.ChangeSetInfo] = []
        return holder

    # -- the controller -----------------------------------------------------------------

    def controller(self) -> Any:
        ctl = getattr(self.sync_status, "sync_controller", None)
        if ctl is not None and ctl is not self._connected_to:
            ctl.sync_started.connect(self._started)
            ctl.sync_finished.connect(self._finished)
            ctl.progressed.connect(self._progress)
            self._connected_to = ctl
        return ctl

    def sync_now(self) -> None:
        if self.store.is_demo:
            # A sandbox never syncs: say so, and offer the real database instead.
            self.message.show_message(
                self.tr(
                    "ฐานข้อมูลนี้เป็นฐานข้อมูลสาธิต (แซนด์บ็อกซ์สำหรับทดลองใช้) จึงไม่ซิงค์ "
                    "ข้อมูลสาธิตจะไม่ถูกส่งไปที่ใดเลย หากต้องการทำงานจริงและซิงค์กับสำนักงานใหญ่ "
                    "กดปุ่ม \"%1\" ฐานข้อมูลจริงอยู่ในโฟลเดอร์แยกต่างหาก: %2"
                ).replace("%1", self.real_button.text()).replace("%2", str(self.real_dir())),
                "info",
            )
            self.real_button.setFocus()
            return
        ctl = self.controller()
        if ctl is None:
            self.message.show_message(
                self.tr("ยังซิงค์ไม่ได้: เครื่องนี้ยังไม่ได้ลงทะเบียน หรือเป็นฐานข้อมูลสาธิต"), "error"
            )
            return
        if not self.password.isHidden() and self.password.text():
            password = self.password.text()
            self.password.clear()
            ctl.provide_password(password)
            return
        if not ctl.sync_now():
            if ctl.needs_password():
                self.message.show_message(
                    self.tr("กรุณาใส่รหัสผ่านแล้วกดซิงค์ตอนนี้ (เครื่องนี้ไม่เก็บรหัสไว้)"), "info"
                )
                self.password.setFocus()
            elif not ctl.can_sync():
                self.message.show_message(
                    self.tr("ฐานข้อมูลนี้ซิงค์ไม่ได้ (ฐานข้อมูลสาธิต ยังไม่ลงทะเบียน หรือถูกเพิกถอน)"),
                    "error",
                )

    def real_dir(self):
        """The real database's folder, beside this demo's."""
        return paths.real_data_dir(self.store.data_dir)

    def _label_real_button(self) -> None:
        self.real_button.setText(
            self.tr("เปิดฐานข้อมูลจริง") if paths.has_database(self.real_dir())
            else self.tr("สร้างฐานข้อมูลจริงและลงทะเบียนเครื่อง…"))

    def go_to_real_database(self) -> None:
        if self.store.is_demo:
            self.open_real_database.emit(self.real_dir())

    def cancel(self) -> None:
        ctl = self.controller()
        if ctl is not None:
            ctl.cancel()

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.cancel_button.show()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.progress_label.setText(self.tr("กำลังซิงค์ข้อมูล…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        self.progress_label.setText(message)

    def _finished(self, summary: Any) -> None:
        self.sync_button.setEnabled(True)
        self.cancel_button.hide()
        self.bar.hide()
        self.progress_label.setText("")
        lang = current_language()
        if summary.ok:
            self.message.show_message(summary.describe(lang), "ok")
        else:
            self.message.show_message(summary.describe(lang), "error" if summary.errors else "info")
        self.ensure_loaded()

    # -- loading ------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        self.controller()
        try:
            self._load()
        except Exception as exc:  # noqa: BLE001 - the page must stay usable
            log.exception("could not load the sync page")
            self.message.show_message(error_text(exc), "error")

    def _load(self) -> None:
        store = self.store
        lang = current_language()
        acct = account(store)
        kr = keyring_status()
        if store.is_demo:
            text = self.tr("นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ซิงค์")
        elif acct is None:
            text = self.tr("เครื่องนี้ยังไม่ได้ลงทะเบียนกับสำนักงานใหญ่")
        else:
            text = (
                self.tr("เซิร์ฟเวอร์ %1 · ผู้ใช้ %2 · เครื่อง %3")
                .replace("%1", acct.server_url)
                .replace("%2", acct.username)
                .replace("%3", acct.device_id)
            )
            text += "\n" + kr.message(lang)
            if acct.revoked:
                text += "\n" + self.tr(
                    "เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์ ข้อมูลและรายการที่รอส่งยังอยู่ครบ กรุณาติดต่อฝ่ายไอทีเพื่อลงทะเบียนใหม่"
                )
        self.account.setText(text)
        ctl = self.controller()
        self.password.setVisible(bool(ctl is not None and ctl.needs_password()))
        if store.is_demo:
            self.sync_button.setText(self.tr("ซิงค์ตอนนี้"))
            self.sync_button.setEnabled(True)
            self._label_real_button()
        else:
            self.sync_button.setText(self.tr("ซิงค์ตอนนี้"))
            self.sync_button.setEnabled(ctl is not None and not ctl.running)

        waiting = sync_status_service.waiting_change_sets(store)
        self.waiting.clear()
        for cs in waiting:
            self.waiting.addTopLevelItem(
                QTreeWidgetItem(
                    [str(cs.device_seq), datetime_text(cs.created_at), cs.author, cs.summary]
                )
            )
        self.tabs.setTabText(0, self.tr("รอส่ง (%1)").replace("%1", str(len(waiting))))

        self.results.clear()
        for r in sync_status_service.recent_results(store):
            when = r.get("finished_at") or r.get("started_at") or ""
            outcome = self.tr("สำเร็จ") if r.get("ok") else self.tr("ไม่ครบ")
            errors = r.get("errors") or []
            if errors:
                outcome += ": " + str(errors[0].get("th" if lang == "th" else "en", ""))
            self.results.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        when[:19].replace("T", " "),
                        str(r.get("pushed", 0)),
                        str(r.get("applied", 0)),
                        str(r.get("rejected", 0)),
                        str(r.get("conflicts", 0)),
                        str(r.get("pulled_rows", 0)),
                        outcome,
                    ]
                )
            )

        self._conflicts = sync_status_service.open_conflicts(store)
        self.conflict_list.clear()
        for c in self._conflicts:
            label = c.row_label or c.row_id
            self.conflict_list.addItem(QListWidgetItem(f"{c.table} · {label} · {c.field}"))
        self.tabs.setTabText(2, self.tr("ความขัดแย้ง (%1)").replace("%1", str(len(self._conflicts))))
        self._show_conflict(0 if self._conflicts else -1)
        if self._conflicts:
            self.conflict_list.setCurrentRow(0)

        self._rejections = sync_status_service.rejected_change_sets(store)
        self.rejection_list.clear()
        for cs in self._rejections:
            self.rejection_list.addItem(QListWidgetItem(f"{cs.summary} ({cs.result_code})"))
        self.tabs.setTabText(3, self.tr("ถูกปฏิเสธ (%1)").replace("%1", str(len(self._rejections))))
        self._show_rejection(0 if self._rejections else -1)
        if self._rejections:
            self.rejection_list.setCurrentRow(0)

    # -- conflicts ------------------------------------------------------------------------

    def _current_conflict(self) -> sync_status_service.ConflictInfo | None:
        row = self.conflict_list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def _show_conflict(self, row: int) -> None:
        c = self._conflicts[row] if 0 <= row < len(self._conflicts) else None
        for w in (self.keep_mine, self.keep_theirs, self.keep_edited, self.conflict_edit):
            w.setEnabled(c is not None)
        if c is None:
            self.conflict_detail.setText(self.tr("ไม่มีความขัดแย้งที่รอการตัดสินใจ"))
            self.conflict_edit.clear()
            return
        self.conflict_detail.setText(
            self.tr(
                "ข้อมูล %1 ช่อง %2 ถูกแก้จากสองเครื่องเป็นค่าต่างกัน\nของฉัน: %3\nของอีกฝ่าย: %4\nตอนนี้ในเครื่อง: %5"
            )
            .replace("%1", f"{c.table} {c.row_label or c.row_id}")
            .replace("%2", c.field)
            .replace("%3", value_text(c.mine))
            .replace("%4", value_text(c.theirs))
            .replace("%5", value_text(c.current_value))
        )
        self.conflict_edit.setText("" if c.current_value is None else str(c.current_value))

    def _resolve(self, which: str) -> None:
        c = self._current_conflict()
        if c is None:
            return
        try:
            if which == "mine":
                value = c.mine
            elif which == "theirs":
                value = c.theirs
            else:
                like = c.client_value if c.client_value is not None else c.server_value
                value = parse_value(self.conflict_edit.text(), like)
            sync_status_service.resolve_conflict(self.store, c.id, value)
        except Exception as exc:  # noqa: BLE001 - show it, keep the page
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("บันทึกการตัดสินใจแล้ว จะส่งให้เครื่องอื่นเมื่อซิงค์"), "ok")
        self.ensure_loaded()
        ctl = self.controller()
        if ctl is not None:
            ctl.refresh()

    # -- rejections -----------------------------------------------------------------------

    def _current_rejection(self) -> sync_status_service.ChangeSetInfo | None:
        row = self.rejection_list.currentRow()
        return self._rejections[row] if 0 <= row < len(self._rejections) else None

    def _show_rejection(self, row: int) -> None:
        cs = self._rejections[row] if 0 <= row < len(self._rejections) else None
        self.resend_button.setEnabled(cs is not None)
        self.discard_button.setEnabled(cs is not None)
        self.rejection_changes.clear()
        if cs is None:
            self.rejection_reason.setText(self.tr("ไม่มีรายการที่ถูกปฏิเสธ"))
            return
        reason = cs.reason(current_language())
        if cs.result_detail:
            reason += "\n" + cs.result_detail
        self.rejection_reason.setText(reason)
        for change in cs.changes:
            fields = change.fields or {"": None}
            for name, value in fields.items():
                item = QTreeWidgetItem([change.table, change.op, name, value_text(value)])
                item.setData(
                    0, Qt.ItemDataRole.UserRole, (change.table, change.row_id, name, value)
                )
                if name:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.rejection_changes.addTopLevelItem(item)

    def _resend(self) -> None:
        cs = self._current_rejection()
        if cs is None:
            return
        edits: dict[tuple[str, str], dict[str, Any]] = {}
        try:
            for i in range(self.rejection_changes.topLevelItemCount()):
                item = self.rejection_changes.topLevelItem(i)
                table, row_id, name, old = item.data(0, Qt.ItemDataRole.UserRole)
                if not name or item.text(3) == value_text(old):
                    continue
                edits.setdefault((table, row_id), {})[name] = parse_value(item.text(3), old)
            sync_status_service.resend_rejected(self.store, cs.id, edits)
        except Exception as exc:  # noqa: BLE001
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("ส่งใหม่แล้ว รายการรอส่งในการซิงค์ครั้งถัดไป"), "ok")
        self.ensure_loaded()
        ctl = self.controller()
        if ctl is not None:
            ctl.sync_now()

    def _ask_discard(self) -> None:
        cs = self._current_rejection()
        if cs is None:
            return
        self._discarding = cs.id
        self.confirm.ask(
            self.tr('ยกเลิกรายการ "%1"? ข้อมูลนี้จะไม่ถูกส่งอีก (ยังดูได้ในประวัติ)').replace("%1", cs.summary),
            self.tr("ยกเลิกรายการ"),
            self.tr("เก็บไว้ก่อน"),
        )

    def _discard_confirmed(self) -> None:
        cs_id = getattr(self, "_discarding", None)
        if not cs_id:
            return
        try:
            sync_status_service.discard_rejected(self.store, cs_id)
        except Exception as exc:  # noqa: BLE001
            self.message.show_message(error_text(exc), "error")
            return
        self._discarding = None
        self.ensure_loaded()
        ctl = self.controller()
        if ctl is not None:
            ctl.refresh()
