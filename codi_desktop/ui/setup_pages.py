"""Pages around the data itself: first-run welcome, settings, and the outbox view that
stands in for the sync page until the sync module provides ``ui/sync_page.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import lists, scope, summaries
from codi_desktop.store.database import Store

from . import labels as L
from .centre_box import CentreBox
from .errors import error_text
from .i18n import current_language
from .tasks import Task, run_task
from .widgets import MessageBar, heading, scroll_page

translate = QCoreApplication.translate

DEMO_PROVINCE = "34"  # Ubon Ratchathani: the province the demo data is written for


def build_small_demo(data_dir, province_code: str, *, cancel, progress) -> Any:
    """Background work: build the small demo province into ``data_dir``."""
    from codi_desktop.store.demo import build_demo

    progress(0, 0, "")
    cancel.check()
    return build_demo(data_dir, province_code, "small", force=False)


def enrol_device(store, server: str, username: str, password: str, *, cancel, progress):
    """Background work: enrol this data folder with headquarters (sync module)."""
    from codi_desktop.sync.credentials import enrol

    progress(0, 0, "")
    return enrol(store, server, username, password)


def sync_module(name: str):
    """The sync engineer's UI module (``ui/sync_page.py``...) if it is installed."""
    full = f"codi_desktop.ui.{name}"
    if importlib.util.find_spec(full) is None:
        return None
    return importlib.import_module(full)


class WelcomePage(QWidget):
    """First run: open the demo province, enrol with headquarters, or start empty.

    Emits ``ready`` once the database has a province; the window then shows its pages.
    Building the demo needs the store closed (the file is replaced), so the page asks
    ``reopen_store`` for a fresh store when it is done.
    """

    ready = Signal(object)  # the (possibly re-opened) Store
    task_started = Signal(object, str)  # (Task, title) for the window's progress display

    def __init__(self, store: Store, reopen_store: Callable[[], Store],
                 parent: QWidget | None = None, *, offer_demo: bool = True):
        super().__init__(parent)
        self.store = store
        self.reopen_store = reopen_store
        self.task: Task | None = None
        self.message = MessageBar()

        intro = QLabel(self.tr(
            "ยินดีต้อนรับสู่ CODI Desktop เครื่องมือของศูนย์ประสานงานจังหวัดสำหรับข้อมูลชุมชน "
            "องค์กร โครงการ งบประมาณ และการประชุม ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต "
            "และซิงค์กับสำนักงานใหญ่เมื่อมีสัญญาณ เลือกวิธีเริ่มต้น:"))
        intro.setWordWrap(True)

        # 1. demo
        self.demo_button = QPushButton(self.tr("เปิดจังหวัดสาธิต (อุบลราชธานี)"))
        self.demo_button.setObjectName("open_demo")
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_status = QLabel(self.tr(
            "ข้อมูลสมมุติสำหรับทดลองใช้ ไม่ซิงค์กับสำนักงานใหญ่ ใช้เวลาสร้างไม่กี่วินาที"))
        self.demo_status.setWordWrap(True)
        demo_box = self._box(self.tr("ทดลองใช้"), self.demo_status, self.demo_button)

        # 2. enrol
        self.enrol_box = self._enrol_box()

        # 3. empty
        self.province = QComboBox()
        self.province.setObjectName("start_province")
        self.province.setEditable(True)
        self.province.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.province.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.province.lineEdit().setPlaceholderText(self.tr("พิมพ์หรือเลือกจังหวัด"))
        self.province.addItem("", None)
        lang = current_language()
        for c in lists.provinces(store):
            self.province.addItem(c.name(lang), c.value)
        self.empty_button = QPushButton(self.tr("เริ่มฐานข้อมูลว่างของจังหวัดนี้"))
        self.empty_button.setObjectName("start_empty")
        self.empty_button.clicked.connect(self.start_empty)
        empty_box = self._box(self.tr("เริ่มจากฐานข้อมูลว่าง"), self.province, self.empty_button)

        column = QWidget()
        column.setMaximumWidth(820)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(20, 30, 20, 30)
        layout.addWidget(heading(self.tr("เริ่มต้นใช้งาน CODI Desktop"), 1.6))
        layout.addWidget(intro)
        layout.addWidget(self.message)
        # the real database a demo's person moved to offers no demo of its own
        demo_box.setVisible(offer_demo)
        self.demo_box = demo_box
        layout.addWidget(demo_box)
        layout.addWidget(self.enrol_box)
        layout.addWidget(empty_box)
        layout.addStretch(1)
        self.setFocusProxy(self.demo_button)

    @staticmethod
    def _box(title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        v = QVBoxLayout(box)
        for w in widgets:
            v.addWidget(w)
        return box

    def _enrol_box(self) -> QGroupBox:
        module = sync_module("sync_page")
        factory = getattr(module, "enrol_widget", None) if module else None
        if factory is not None:
            # The sync module's own enrolment form (it calls on_enrolled when done).
            widget = factory(self.store, on_enrolled=lambda: self._finish(self.store))
            return self._box(self.tr("ลงทะเบียนเครื่องกับสำนักงานใหญ่"), widget)
        try:
            from codi_desktop.sync import credentials
        except ImportError:
            credentials = None
        if credentials is None:
            note = QLabel(self.tr(
                "การลงทะเบียนเครื่องต้องใช้โมดูลซิงค์ข้อมูล ซึ่งยังไม่ได้ติดตั้งในโปรแกรมรุ่นนี้ "
                "ระหว่างนี้ลงทะเบียนได้จากบรรทัดคำสั่ง: codi-desktop enrol --server ที่อยู่เซิร์ฟเวอร์ "
                "--username ชื่อผู้ใช้ แล้วเปิดโปรแกรมอีกครั้ง"))
            note.setWordWrap(True)
            note.setObjectName("enrol_note")
            return self._box(self.tr("ลงทะเบียนเครื่องกับสำนักงานใหญ่"), note)
        note = QLabel(self.tr(
            "ใช้บัญชีที่ฝ่ายไอทีของสำนักงานใหญ่ให้ไว้ รหัสผ่านใช้ครั้งเดียวตอนลงทะเบียน "
            "เครื่องจะเก็บรหัสเครื่องไว้ในที่เก็บรหัสผ่านของระบบ ไม่บันทึกลงไฟล์"))
        note.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setObjectName("enrol_server")
        self.server.setPlaceholderText("https://codi.example")
        self.username = QLineEdit()
        self.username.setObjectName("enrol_username")
        self.password = QLineEdit()
        self.password.setObjectName("enrol_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.enrol_button = QPushButton(self.tr("ลงทะเบียนเครื่องนี้"))
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.clicked.connect(self.enrol)
        form = QFormLayout()
        form.addRow(self.tr("ที่อยู่เซิร์ฟเวอร์"), self.server)
        form.addRow(self.tr("ชื่อผู้ใช้"), self.username)
        form.addRow(self.tr("รหัสผ่าน"), self.password)
        form.addRow("", self.enrol_button)
        holder = QWidget()
        holder.setLayout(form)
        return self._box(self.tr("ลงทะเบียนเครื่องกับสำนักงานใหญ่"), note, holder)

    def enrol(self) -> None:
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not (server and username and password):
            self.message.show_message(
                self.tr("กรุณากรอกที่อยู่เซิร์ฟเวอร์ ชื่อผู้ใช้ และรหัสผ่าน"), "error")
            return
        self.enrol_button.setEnabled(False)
        self.task = run_task(enrol_device, self.store, server, username, password, parent=self,
                             on_done=self._enrolled, on_error=self._enrol_failed)
        self.task_started.emit(self.task, self.tr("กำลังลงทะเบียนเครื่อง…"))

    def _enrolled(self, result) -> None:
        self.task = None
        self.password.clear()
        self.enrol_button.setEnabled(True)
        if scope.provinces_in_scope(self.store):  # one province, or a wide account's
            self._finish(self.store)
            return
        self.message.show_message(self.tr(
            "ลงทะเบียนเครื่องแล้ว บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะทำงานด้านล่าง"), "ok")
        self.province.setFocus()

    def _enrol_failed(self, error: BaseException) -> None:
        self.task = None
        self.enrol_button.setEnabled(True)
        self.message.show_message(error_text(error), "error")

    # --- actions ----------------------------------------------------------------------

    def open_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.empty_button.setEnabled(False)
        self.demo_status.setText(self.tr("กำลังสร้างจังหวัดสาธิต…"))
        data_dir = self.store.data_dir
        self.store.close()
        self.task = run_task(build_small_demo, data_dir, DEMO_PROVINCE, parent=self,
                             on_done=self._demo_done, on_error=self._demo_failed)
        self.task_started.emit(self.task, self.tr("กำลังสร้างจังหวัดสาธิต…"))

    def _demo_done(self, _summary) -> None:
        self.task = None
        self._finish(self.reopen_store())

    def _demo_failed(self, error: BaseException) -> None:
        self.task = None
        self.store = self.reopen_store()
        self.demo_button.setEnabled(True)
        self.empty_button.setEnabled(True)
        message = error.message(current_language()) if hasattr(error, "message") else None
        self.demo_status.setText("")
        self.message.show_message(message or error_text(error), "error")

    def start_empty(self) -> None:
        i = self.province.findText(self.province.currentText())
        code = self.province.itemData(i) if i >= 0 else None
        if not code:
            self.message.show_message(self.tr("กรุณาเลือกจังหวัดจากรายการ"), "error")
            self.province.setFocus()
            return
        self.store.set_setting("province_code", code)
        self._finish(self.store)

    def _finish(self, store: Store) -> None:
        self.store = store
        self.ready.emit(store)


class SettingsPage(QWidget):
    """Language (applied at once), and facts about this database."""

    language_changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.th = QRadioButton("ภาษาไทย")
        self.th.setObjectName("lang_th")
        self.en = QRadioButton("English")
        self.en.setObjectName("lang_en")
        group = QButtonGroup(self)
        group.addButton(self.th)
        group.addButton(self.en)
        (self.en if current_language() == "en" else self.th).setChecked(True)
        self.th.toggled.connect(lambda on: on and self.language_changed.emit("th"))
        self.en.toggled.connect(lambda on: on and self.language_changed.emit("en"))
        lang_box = QGroupBox(self.tr("ภาษาที่ใช้แสดง"))
        v = QVBoxLayout(lang_box)
        v.addWidget(self.th)
        v.addWidget(self.en)
        note = QLabel(self.tr("เปลี่ยนทันที และจำไว้สำหรับครั้งต่อไป"))
        note.setWordWrap(True)
        v.addWidget(note)

        held = scope.provinces_in_scope(store)
        name = ""
        if len(held) == 1:
            for c in lists.provinces(store):
                if c.value == held[0]:
                    name = c.name(current_language())
        elif len(held) <= 12:  # a cluster's or a region's provinces, by name
            names = scope.province_names(store, held, current_language())
            name = self.tr("%1 จังหวัดในขอบเขต: %2").replace("%1", str(len(held))).replace(
                "%2", ", ".join(sorted(names.get(c, c) for c in held)))
        else:
            name = self.tr("%1 จังหวัดในขอบเขต").replace("%1", str(len(held)))
        info = QGroupBox(self.tr("ฐานข้อมูลในเครื่องนี้"))
        form = QFormLayout(info)
        folder = QLabel(str(store.data_dir))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scope_label = QLabel(name or "–")
        scope_label.setObjectName("settings_scope")
        scope_label.setWordWrap(True)
        form.addRow(self.tr("จังหวัด"), scope_label)
        form.addRow(self.tr("ประเภท"), QLabel(
            self.tr("ฐานข้อมูลสาธิต (ไม่ซิงค์)") if store.is_demo else self.tr("ฐานข้อมูลจริง")))
        form.addRow(self.tr("โฟลเดอร์ข้อมูล"), folder)
        if store.last_backup:
            form.addRow(self.tr("สำรองล่าสุด"), QLabel(str(store.last_backup)))

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(self.tr("ตั้งค่า")))
        layout.addWidget(lang_box)
        layout.addWidget(info)
        layout.addWidget(CentreBox(store))  # the centre's particulars for its letters
        layout.addStretch(1)
        # the page scrolls rather than make the window taller than a 768-pixel laptop
        scroll_page(self, inner)


class OutboxPage(QWidget):
    """Changes waiting to be sent (stands in for the sync page until sync adds its own)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("เมื่อ"), self.tr("ผู้บันทึก"), self.tr("รายการ"), self.tr("สถานะ")])
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        note = QFrame()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("ซิงค์ข้อมูล")))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)

    def ensure_loaded(self) -> None:
        rows = summaries.recent_change_sets(self.store)
        waiting = lists.pending_changes(self.store)
        if self.store.is_demo:
            text = self.tr("นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ส่งไปสำนักงานใหญ่")
        else:
            text = self.tr(
                "รอส่ง %1 รายการ การซิงค์กับสำนักงานใหญ่จะทำงานเมื่อติดตั้งโมดูลซิงค์และลงทะเบียนเครื่องแล้ว"
            ).replace("%1", f"{waiting:,}")
        self.summary.setText(text)
        self.tree.clear()
        for when, author, summary, status in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(
                [L.datetime_text(when), author, summary, L.label(L.CHANGE_STATUS, status)]))
