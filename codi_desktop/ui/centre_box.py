"""The settings page's box for the centre's particulars printed on its letters.

Self-contained (the settings page only adds it): the document number prefix (ที่), the
office address, and the contact line of the invitation letters, stored through
``services.centre``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_desktop.services import centre
from codi_desktop.store.database import Store

from .errors import error_text
from .widgets import MessageBar, NoticeSlot


class CentreBox(QGroupBox):
    """ศูนย์ประสานงาน: what the centre's letters carry besides the meeting."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("ข้อมูลศูนย์สำหรับหนังสือ"))
        self.setObjectName("centre_box")
        self.store = store
        current = centre.get_centre(store)
        self.letter_prefix = QLineEdit(current.letter_prefix)
        self.letter_prefix.setObjectName("centre_letter_prefix")
        self.letter_prefix.setPlaceholderText(self.tr("เช่น พอช. อบ"))
        self.address = QPlainTextEdit(current.address)
        self.address.setObjectName("centre_address")
        self.address.setFixedHeight(64)
        self.phone = QLineEdit(current.phone)
        self.phone.setObjectName("centre_phone")
        self.email = QLineEdit(current.email)
        self.email.setObjectName("centre_email")
        self.contact = QLineEdit(current.contact)
        self.contact.setObjectName("centre_contact")
        self.contact.setPlaceholderText(self.tr("เช่น งานประสานงานจังหวัด"))
        self.save = QPushButton(self.tr("บันทึกข้อมูลศูนย์"))
        self.save.setObjectName("centre_save")
        self.save.clicked.connect(self.save_settings)
        self.message = MessageBar(self)
        form = QFormLayout(self)
        form.addRow(self.tr("เลขที่หนังสือ (ที่)"), self.letter_prefix)
        form.addRow(self.tr("ที่อยู่สำนักงาน"), self.address)
        form.addRow(self.tr("โทรศัพท์"), self.phone)
        form.addRow(self.tr("อีเมล"), self.email)
        form.addRow(self.tr("ผู้ประสานงาน"), self.contact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        form.addRow(buttons)
        form.addRow(NoticeSlot(self.message))  # a form row would collapse when hidden

    def save_settings(self) -> None:
        settings = centre.CentreSettings(
            letter_prefix=self.letter_prefix.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            contact=self.contact.text(),
        )
        try:
            centre.save_centre(self.store, settings)
        except ServiceError as exc:
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("บันทึกแล้ว"), "info")
