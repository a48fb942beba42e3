"""The agenda template new meetings start from, in the province's own words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_desktop.services import meetings
from codi_desktop.store.database import Store

from ..errors import error_text
from ..widgets import MessageBar

translate = QCoreApplication.translate


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
