"""The one date field of every form: typed as วว/ดด/ปปปป พ.ศ. or picked from a calendar
whose header shows the Buddhist-Era year.

Qt has no Buddhist calendar, so the popup hides ``QCalendarWidget``'s own navigation bar
(it would show the CE year) and puts its own above the grid: a month list and a BE year
(CE + 543). "Today" is the Bangkok date. The typing rule (a CE year is converted, with a
visible note) is ``codi_core.formatting.parse_typed_date``, the same for every field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QTextCharFormat, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from codi_core.formatting import (
    BE_OFFSET,
    THAI_MONTHS,
    bangkok_today,
    parse_typed_date,
    typed_be_year,
    typed_date_text,
)

from .i18n import current_language

translate = QCoreApplication.translate

__all__ = ["BeCalendarPopup", "BeYearField", "BeYearSpin", "DateField", "be_date_input", "be_year_typed", "ce_note",
           "date_error", "parse_be_date", "typed_year"]


def be_year_typed(year: int) -> tuple[int, bool]:
    """(BE year, typed as CE?): ``codi_core.formatting.typed_be_year``, the one rule."""
    return typed_be_year(year)


def ce_note(ce_year: int) -> str:
    """The visible note when a CE year was typed and converted."""
    return translate("DateField", "ปี %1 เป็น ค.ศ. ใช้ พ.ศ. %2 แทน").replace(
        "%1", str(ce_year)).replace("%2", str(ce_year + BE_OFFSET))


def date_error() -> str:
    """The one message for a date that cannot be read, in every form."""
    return translate("DateField", "วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วว/ดด/ปปปป พ.ศ. เช่น 25/11/2569"
                     " หรือเลือกจากปฏิทิน")


def parse_be_date(text: str) -> dt.date:
    """``25/11/2569`` to a date (a CE year is converted); ValueError if not a date."""
    return parse_typed_date(text)[0]


def be_date_input(value: dt.date | None) -> str:
    return "" if value is None else typed_date_text(value)


def _calendar_icon(size: int = 16) -> QIcon:
    """A small calendar drawn here (the style has no calendar icon)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#4a4a4a"), 1.2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(1.5, 2.5, size - 3, size - 4), 2, 2)
    p.fillRect(QRectF(2, 3, size - 4, 3.5), QColor("#1f6f8b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#4a4a4a"))
    for row in range(2):
        for col in range(3):
            p.drawRect(QRectF(4 + col * 3.2, 8.5 + row * 2.8, 1.8, 1.6))
    p.end()
    return QIcon(pixmap)


class BeCalendarPopup(QFrame):
    """A month grid with a BE header; ``picked`` gives the chosen date and closes."""

    picked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("be_calendar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lang = current_language()
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("be_calendar_grid")
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.calendar.setGridVisible(True)
        locale = QLocale(QLocale.Language.Thai if lang == "th" else QLocale.Language.English)
        self.calendar.setLocale(locale)
        self.previous = QToolButton()
        self.previous.setObjectName("be_calendar_previous")
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setToolTip(translate("DateField", "เดือนก่อน"))
        self.next = QToolButton()
        self.next.setObjectName("be_calendar_next")
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setToolTip(translate("DateField", "เดือนถัดไป"))
        self.month = QComboBox()
        self.month.setObjectName("be_calendar_month")
        for i in range(12):
            name = THAI_MONTHS[i] if lang == "th" else locale.standaloneMonthName(i + 1)
            self.month.addItem(name, i + 1)
        self.year = QSpinBox()
        self.year.setObjectName("be_calendar_year")
        self.year.setRange(2400, 2800)
        self.year.setPrefix(translate("DateField", "พ.ศ. "))
        self.year.setKeyboardTracking(False)
        self.today = QPushButton(translate("DateField", "วันนี้"))
        self.today.setObjectName("be_calendar_today")
        self.clear_button = QPushButton(translate("DateField", "ล้างวันที่"))
        self.clear_button.setObjectName("be_calendar_clear")

        header = QHBoxLayout()
        header.addWidget(self.previous)
        header.addWidget(self.month, 1)
        header.addWidget(self.year)
        header.addWidget(self.next)
        footer = QHBoxLayout()
        footer.addWidget(self.today)
        footer.addStretch(1)
        footer.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.calendar)
        layout.addLayout(footer)

        self.previous.clicked.connect(self.calendar.showPreviousMonth)
        self.next.clicked.connect(self.calendar.showNextMonth)
        self.month.currentIndexChanged.connect(lambda _i: self._go_to_header())
        self.year.valueChanged.connect(lambda _v: self._go_to_header())
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._sync_header())
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.today.clicked.connect(lambda: self._pick(QDate(bangkok_today())))
        self.cleared = False
        self.clear_button.clicked.connect(self._clear)
        self._sync_header()

    def open_at(self, selected: dt.date | None, below: QWidget) -> None:
        """Show the month of ``selected`` (or of today in Bangkok) under ``below``."""
        today = bangkok_today()
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        bold.setForeground(QColor("#1f6f8b"))
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget an old today
        self.calendar.setDateTextFormat(QDate(today), bold)
        day = selected or today
        self.calendar.setSelectedDate(QDate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self._sync_header()
        self.cleared = False
        self.adjustSize()
        pos = below.mapToGlobal(QPoint(0, below.height()))
        screen = below.screen().availableGeometry() if below.screen() else None
        if screen is not None:
            if pos.y() + self.height() > screen.bottom():
                pos.setY(below.mapToGlobal(QPoint(0, 0)).y() - self.height())
            pos.setX(max(screen.left(), min(pos.x(), screen.right() - self.width())))
        self.move(pos)
        self.show()
        self.calendar.setFocus()

    def header_text(self) -> str:
        """What the header shows: the month and the BE year (``ธันวาคม พ.ศ. 2569``)."""
        return f"{self.month.currentText()} {self.year.text()}"

    def _sync_header(self) -> None:
        for w in (self.month, self.year):
            w.blockSignals(True)
        self.month.setCurrentIndex(self.calendar.monthShown() - 1)
        self.year.setValue(self.calendar.yearShown() + BE_OFFSET)
        for w in (self.month, self.year):
            w.blockSignals(False)

    def _go_to_header(self) -> None:
        self.calendar.setCurrentPage(self.year.value() - BE_OFFSET, self.month.currentData())

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(day.toPython())

    def _clear(self) -> None:
        self.cleared = True
        self.hide()
        self.picked.emit(None)


class DateField(QLineEdit):
    """A date typed as day/month/BE year (``25/11/2569``) or picked from the calendar
    (the icon at its end, or Alt+↓ / F4); empty means no date."""

    converted = Signal(str)  # the note shown when a CE year was turned into BE

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(translate("DateField", "วว/ดด/ปปปป พ.ศ."))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00/0000") + 48)
        self.note = ""
        self.editingFinished.connect(self._convert_ce)
        self.picker = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.picker.setObjectName("date_picker")
        self.picker.setToolTip(translate("DateField", "เลือกจากปฏิทิน (Alt+↓)"))
        self.picker.triggered.connect(self.open_calendar)
        self._popup: BeCalendarPopup | None = None

    def popup(self) -> BeCalendarPopup:
        if self._popup is None:
            self._popup = BeCalendarPopup(self)
            self._popup.picked.connect(self._picked)
        return self._popup

    def open_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return
        try:
            current = self.date()
        except ValueError:
            current = None
        self.popup().open_at(current, self)

    def _picked(self, day: dt.date | None) -> None:
        self.set_date(day)
        self.setFocus()
        self.editingFinished.emit()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and (
            event.key() == Qt.Key.Key_F4
            or (event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        ):
            self.open_calendar()
            return True
        return super().event(event)

    def _convert_ce(self) -> None:
        """A CE year typed (15/12/2026) is rewritten as BE in the field, with a note that
        shows at the field at once and stays in its tip; owners also show ``converted``."""
        try:
            day, was_ce = parse_typed_date(self.text())
        except ValueError:
            return
        if not was_ce:
            return
        ce_year = day.year
        self.setText(typed_date_text(day))
        self.note = ce_note(ce_year)
        self.setToolTip(self.note)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.note, self)
        self.converted.emit(self.note)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(be_date_input(value))

    def date(self) -> dt.date | None:
        """The date, None when empty; ValueError when the text is not a date."""
        text = self.text().strip()
        return parse_be_date(text) if text else None



class BeYearSpin(QSpinBox):
    """A BE year box (``2569``) that takes a CE year (``2026``) the way every date field
    does: converted, with the note (``converted``) instead of refusing the keystrokes."""

    converted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(2500, 2700)
        self.setPrefix(translate("DateField", "ปีงบประมาณ "))
        self.editingFinished.connect(self._say_converted)
        self._typed_ce: int | None = None

    def _digits(self, text: str) -> str:
        text = text.strip()
        if self.prefix() and text.startswith(self.prefix().strip()):
            text = text[len(self.prefix().strip()):]
        return text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))

    def validate(self, text: str, pos: int):  # noqa: ANN201 - Qt's (state, text, pos)
        digits = self._digits(text)
        if digits.isdigit() and len(digits) == 4:
            be, was_ce = typed_be_year(int(digits))
            if was_ce and self.minimum() <= be <= self.maximum():
                return QValidator.State.Acceptable, text, pos
        if digits.isdigit() and len(digits) < 4:
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        digits = self._digits(text)
        if not digits.isdigit():
            return super().valueFromText(text)
        be, was_ce = typed_be_year(int(digits))
        self._typed_ce = int(digits) if was_ce else None
        return be

    def _say_converted(self) -> None:
        if self._typed_ce is not None:
            note = ce_note(self._typed_ce)
            self._typed_ce = None
            self.setToolTip(note)
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), note, self)
            self.converted.emit(note)


def typed_year(text: str) -> int | None:
    """A year as typed in a BE year field: None when empty, a whole CE year (2026) counted as
    its BE year (2569) by the one rule; ValueError when it is not a number."""
    digits = text.strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not digits:
        return None
    year = int(digits)  # ValueError when not a number
    return typed_be_year(year)[0] if len(digits) == 4 else year


class BeYearField(QLineEdit):
    """A BE year typed in a line edit (a form's fiscal year): a whole CE year typed (2026) is
    rewritten as BE (2569) when the person leaves the field, with the note (``converted``)
    — the same rule and note as every date field; nothing is rewritten while typing."""

    converted = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.editingFinished.connect(self.convert_ce)

    def convert_ce(self) -> None:
        digits = self.text().strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        if len(digits) != 4 or not digits.isdigit():
            return
        be, was_ce = typed_be_year(int(digits))
        if not was_ce:
            return
        self.setText(str(be))
        note = ce_note(int(digits))
        self.setToolTip(note)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), note, self)
        self.converted.emit(note)
