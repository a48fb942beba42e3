"""HQ's editor of what each level (0–4) means for one of the 10 criteria: choose a
criterion, see its five meanings in Thai and English, edit, save. The save is one action
and one change set (``services.reference_edit.revise_levels``); the server checks again
that only HQ edits reference data (``codi_core.rules.assessment``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import assessment
from codi_desktop.services import reference_edit as ref
from codi_desktop.store.database import Store

from .errors import error_text
from .i18n import current_language
from .widgets import MessageBar


def _text_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
    return box


class CriterionLevelsBox(QGroupBox):
    """The meanings of one criterion's levels, editable by HQ."""

    saved = Signal(int)  # the criterion's number

    def __init__(self, store: Store, editable: bool, message: MessageBar,
                 parent: QWidget | None = None):
        super().__init__(self.tr("ความหมายของแต่ละระดับในเกณฑ์ 10 ข้อ"), parent)
        self.store = store
        self.message = message
        self.criteria: list[assessment.CriterionInfo] = []
        self.criterion = QComboBox()
        self.criterion.setObjectName("level_criterion")
        self.criterion.currentIndexChanged.connect(self._chosen)
        self.th: list[QPlainTextEdit] = []
        self.en: list[QPlainTextEdit] = []
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("ระดับ")), 0, 0)
        grid.addWidget(QLabel(self.tr("ความหมาย (ภาษาไทย)")), 0, 1)
        grid.addWidget(QLabel(self.tr("ความหมาย (ภาษาอังกฤษ)")), 0, 2)
        for level in range(5):
            th, en = _text_box(f"level_th_{level}"), _text_box(f"level_en_{level}")
            self.th.append(th)
            self.en.append(en)
            grid.addWidget(QLabel(str(level)), level + 1, 0)
            grid.addWidget(th, level + 1, 1)
            grid.addWidget(en, level + 1, 2)
            th.setEnabled(editable)
            en.setEnabled(editable)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.save_button = QPushButton(self.tr("บันทึกความหมายของระดับ"))
        self.save_button.setObjectName("levels_save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(editable)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.criterion)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def reload(self, number: int | None = None) -> None:
        lang = current_language()
        number = number if number is not None else self.current_number()
        self.criteria = assessment.criteria(self.store)
        self.criterion.blockSignals(True)
        self.criterion.clear()
        for c in self.criteria:
            self.criterion.addItem(f"{c.number}. {c.title(lang)}", c.number)
        self.criterion.blockSignals(False)
        index = self.criterion.findData(number) if number is not None else 0
        self.criterion.setCurrentIndex(max(0, index))
        self._chosen(self.criterion.currentIndex())

    def current_number(self) -> int | None:
        return self.criterion.currentData()

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.criteria):
            for level, (th, en) in enumerate(self.criteria[index].levels):
                self.th[level].setPlainText(th)
                self.en[level].setPlainText(en)

    def save(self) -> bool:
        number = self.current_number()
        if number is None:
            return False
        meanings = {level: (self.th[level].toPlainText(), self.en[level].toPlainText())
                    for level in range(5)}
        try:
            changed = ref.revise_levels(self.store, number, meanings, author=self.store.author)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        if not changed:
            self.message.show_message(self.tr("ไม่มีการเปลี่ยนแปลง"), "info")
            return True
        self.reload(number)
        self.message.show_message(
            self.tr("บันทึกความหมายของระดับในเกณฑ์ข้อ %1 แล้ว").replace("%1", str(number)), "ok")
        self.saved.emit(number)
        return True
