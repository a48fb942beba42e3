"""Small reusable widgets: bar chart, debounced search box, message and confirm bars
(the BE date field is ``date_field``).

The bar chart is drawn with QPainter because QtCharts is not in PySide6-Essentials (it
is in PySide6-Addons, which pulls QtWebEngine, about 670 MB) and the dashboard needs only
plain bars with labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QRectF,
    QSize,
    Qt,
    QTextBoundaryFinder,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

PALETTE = ("#1f6f8b", "#e07a1f", "#5c9e31", "#b03a48", "#7d5ba6", "#8c8c8c")


def elide_words(text: str, fm: QFontMetrics, width: int) -> str:
    """``text`` cut at a word boundary (Thai too: Qt's word breaker knows Thai words) with
    "…" when it is wider than ``width``; mid-word only when not even one word fits."""
    if fm.horizontalAdvance(text) <= width:
        return text
    ellipsis = "…"
    room = width - fm.horizontalAdvance(ellipsis)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
    best = 0
    pos = finder.toNextBoundary()
    while 0 < pos < len(text):
        if fm.horizontalAdvance(text[:pos].rstrip()) > room:
            break
        best = pos
        pos = finder.toNextBoundary()
    if best == 0:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return text[:best].rstrip() + ellipsis


class WordElideDelegate(QStyledItemDelegate):
    """Table cells that elide at a word boundary instead of mid-word."""

    def paint(self, painter, option, index) -> None:
        # only when painting: the size hint must still measure the whole text
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        if opt.text:
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                       opt.widget) * 2 + 4
            opt.text = elide_words(opt.text, opt.fontMetrics, opt.rect.width() - margin)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)


@dataclass
class Series:
    name: str
    color: str


class BarChart(QWidget):
    """Grouped bars for a few categories; horizontal (long labels) or vertical (months).

    ``set_data(categories, series, values)`` where ``values[i][j]`` is category i's value
    for series j. ``value_text`` formats a value for the tips at the end of the bars.
    """

    def __init__(
        self,
        *,
        horizontal: bool = True,
        value_text: Callable[[float], str] = lambda v: f"{v:,.0f}",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.horizontal = horizontal
        self.value_text = value_text
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.values: list[list[float]] = []
        self.empty_text = ""
        self._tips: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        values: Sequence[Sequence[float]],
    ) -> None:
        self.categories = list(categories)
        self.series = list(series)
        self.values = [list(v) for v in values]
        self.updateGeometry()
        self.update()

    def _legend_height(self, fm: QFontMetrics) -> int:
        return fm.height() + 8 if len(self.series) > 1 else 0

    def _axis_height(self, fm: QFontMetrics) -> int:
        return fm.height() + 8 if self.horizontal else 0

    #: the thinnest bar drawn for a value above zero, so small programs stay visible
    min_bar = 3.0

    #: bar thickness in horizontal charts, as a share of the text height
    bar_scale = 0.55

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        if self.horizontal:
            nser = max(1, len(self.series))
            band = max(fm.height() + 4, nser * fm.height() * self.bar_scale + 8)
            return QSize(420, int(self._legend_height(fm) + band * max(1, len(self.categories))
                                  + self._axis_height(fm) + 8))
        return QSize(420, fm.height() * 10)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    #: a fixed top of the scale (levels 0–4), or None to scale to the largest value
    fixed_maximum: float | None = None

    def maximum(self) -> float:
        if self.fixed_maximum is not None and self.categories:
            return self.fixed_maximum
        return max((v for row in self.values for v in row), default=0.0)

    def _tip(self, bar: QRectF, category: str, series: int, value: float) -> None:
        name = self.series[series].name if series < len(self.series) else ""
        self._tips.append((bar.adjusted(0, -2, 0, 2), f"{category} · {name}: {self.value_text(value)}"))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position() if hasattr(event, "position") else event.pos()
            for bar, text in self._tips:
                if bar.contains(pos):
                    QToolTip.showText(event.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:  # noqa: C901 - drawing is one long recipe
        self._tips = []
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        top = rect.top()
        if len(self.series) > 1:  # legend
            x = rect.left()
            for s in self.series:
                p.fillRect(QRectF(x, top + 3, 12, fm.height() - 6), QColor(s.color))
                p.setPen(text_color)
                p.drawText(QRectF(x + 16, top, fm.horizontalAdvance(s.name) + 4, fm.height()),
                           Qt.AlignmentFlag.AlignVCenter, s.name)
                x += 16 + fm.horizontalAdvance(s.name) + 16
            top += self._legend_height(fm)
        maximum = self.maximum()
        if not self.categories or maximum <= 0:
            p.setPen(text_color)
            p.drawText(rect.adjusted(0, top - rect.top(), 0, 0), Qt.AlignmentFlag.AlignCenter,
                       self.empty_text or QCoreApplication.translate("BarChart", "ยังไม่มีข้อมูล"))
            return
        nser = max(1, len(self.series))
        if self.horizontal:
            label_w = min(rect.width() * 0.4,
                          max(fm.horizontalAdvance(c) for c in self.categories) + 14)
            tip_w = max(fm.horizontalAdvance(self.value_text(maximum)) + 8, 40)
            bar_area = rect.width() - label_w - tip_w
            axis_h = self._axis_height(fm)
            band = (rect.bottom() - top - axis_h) / len(self.categories)
            # the axis: 0, a quarter, half, three quarters and the top, with light grid lines
            base_y = top + band * len(self.categories)
            grid = QColor("#c8c8c8")
            for k in range(5):
                x = rect.left() + label_w + bar_area * k / 4
                p.setPen(grid)
                p.drawLine(int(x), int(top), int(x), int(base_y))
                p.setPen(text_color)
                tick = self.value_text(maximum * k / 4)
                tw = fm.horizontalAdvance(tick) + 4
                p.drawText(QRectF(x - tw / 2, base_y + 2, tw, fm.height() + 4),
                           Qt.AlignmentFlag.AlignCenter, tick)
            bar_h = max(3.0, min((band - 6) / nser, fm.height() * 0.9))
            for i, cat in enumerate(self.categories):
                y = top + i * band
                p.setPen(text_color)
                elided = elide_words(cat, fm, int(label_w - 8))
                p.drawText(QRectF(rect.left(), y, label_w - 8, band),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
                for j, value in enumerate(self.values[i]):
                    w = max(self.min_bar, bar_area * (value / maximum)) if value > 0 else 0
                    by = y + (band - nser * bar_h) / 2 + j * bar_h  # centred on the label
                    color = self.series[j].color if j < len(self.series) else PALETTE[0]
                    bar = QRectF(rect.left() + label_w, by, max(w, 1), bar_h - 1)
                    p.fillRect(bar, QColor(color))
                    self._tip(bar, cat, j, value)
                    if nser == 1 or bar_h >= fm.height() * 0.7:
                        p.setPen(text_color)
                        p.drawText(QRectF(rect.left() + label_w + w + 4, by - 4, tip_w, bar_h + 8),
                                   Qt.AlignmentFlag.AlignVCenter, self.value_text(value))
        else:
            label_h = fm.height() + 4
            tip_h = fm.height() + 2
            bar_area = rect.bottom() - top - label_h - tip_h
            band = rect.width() / len(self.categories)
            bar_w = max(3.0, (band - 8) / nser)
            base = rect.bottom() - label_h
            p.setPen(QColor("#b0b0b0"))
            p.drawLine(int(rect.left()), int(base), int(rect.right()), int(base))
            for i, cat in enumerate(self.categories):
                x = rect.left() + i * band
                p.setPen(text_color)
                p.drawText(QRectF(x, base + 2, band, label_h), Qt.AlignmentFlag.AlignCenter,
                           elide_words(cat, fm, int(band)))
                for j, value in enumerate(self.values[i]):
                    h = max(self.min_bar, bar_area * (value / maximum)) if value > 0 else 0
                    bx = x + 4 + j * bar_w
                    color = self.series[j].color if j < len(self.series) else PALETTE[0]
                    bar = QRectF(bx, base - h, bar_w - 1, h)
                    p.fillRect(bar, QColor(color))
                    self._tip(bar, cat, j, value)
                    if value > 0:
                        p.setPen(text_color)
                        p.drawText(QRectF(bx - 10, base - h - tip_h, bar_w + 20, tip_h),
                                   Qt.AlignmentFlag.AlignCenter, self.value_text(value))


class SearchBox(QLineEdit):
    """A search field that reports its text once typing pauses (debounced)."""

    search = Signal(str)

    def __init__(self, delay_ms: int = 200, parent: QWidget | None = None):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        # wide enough to read what is typed, and never wider because of it
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search.emit(self.text().strip()))
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        """Search now (Enter, or a test that does not want to wait for the pause)."""
        self._timer.stop()
        self.search.emit(self.text().strip())


class MessageBar(QFrame):
    """A message inside the window (never a modal box): info, success or error.

    It keeps its place while hidden and has a fixed height (two lines; the whole text is
    in the tip), so a message never pushes the page down under the cursor."""

    COLORS = {"info": ("#e8f1fb", "#1f4e79"), "ok": ("#e9f6e9", "#23632b"),
              "error": ("#fdecea", "#8a1c1c")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        # styled by a property, not the object name, which owners rename (meeting_message)
        self.setProperty("bar", "message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.setToolTip(QCoreApplication.translate("MessageBar", "ปิดข้อความ"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.kind = "info"
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 10)
        self.hide()

    def set_reserved(self, on: bool) -> None:
        """Keep the bar's room while it is hidden (the default) or give it back."""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(on)
        self.setSizePolicy(policy)

    def show_message(self, text: str, kind: str = "info") -> None:
        bg, fg = self.COLORS.get(kind, self.COLORS["info"])
        self.kind = kind
        self.setStyleSheet(f'*[bar="message"] {{ background: {bg}; border-radius: 4px; }}'
                           f' *[bar="message"] QLabel {{ color: {fg}; }}')
        self.label.setText(text)
        self.setToolTip(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class ConfirmBar(QFrame):
    """An inline "are you sure?" with a confirm and a cancel button (no modal dialog)."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirmBar")
        self.setProperty("bar", "confirm")
        self.setStyleSheet('*[bar="confirm"] { background: #fff4e5; border: 1px solid #e0a050;'
                           " border-radius: 4px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.yes = QPushButton()
        self.no = QPushButton(QCoreApplication.translate("ConfirmBar", "ไม่ลบ"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self.hide)
        self.setAutoFillBackground(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.in_slot = False  # inside a NoticeSlot: shown over the message, never pushing
        self.hide()

    def slot_height(self) -> int:
        """Two lines of question, or the buttons, whichever is taller."""
        return max(self.fontMetrics().lineSpacing() * 2 + 10,
                   self.yes.sizeHint().height() + 10)

    def ask(self, question: str, action: str, keep: str | None = None) -> None:
        self.label.setText(question)
        self.label.setToolTip(question)
        self.yes.setText(action)
        self.no.setText(keep or QCoreApplication.translate("ConfirmBar", "ไม่ลบ"))
        self.show()
        self.raise_()
        self.no.setFocus()

    def _yes(self) -> None:
        self.hide()
        self.confirmed.emit()


class NoticeSlot(QWidget):
    """One fixed place for a page's message bar and its inline confirm bars: they share
    the same reserved rectangle (a confirm bar lies over the message while it asks), so
    showing or hiding either never moves the content below by a pixel."""

    def __init__(self, message: MessageBar, *confirms: ConfirmBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeSlot")
        self.message = message
        self.confirms: list[ConfirmBar] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(message, 0, 0)
        message.set_reserved(True)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)
        self._height = message.maximumHeight()
        for bar in confirms:
            self.add(bar)
        self.setFixedHeight(self._height)

    def add(self, bar: ConfirmBar) -> None:
        """Let ``bar`` ask in this slot (over the message while it is shown)."""
        self.confirms.append(bar)
        self._grid.addWidget(bar, 0, 0)
        bar.in_slot = True
        self._height = max(self._height, bar.slot_height())
        self.setFixedHeight(self._height)
        self.message.setFixedHeight(self._height)
        for other in self.confirms:
            other.setFixedHeight(self._height)


class ScrollingTabs(QTabWidget):
    """Tabs whose pages scroll when the window is smaller than a page's form, so a tall
    form never makes the window taller than a 768-pixel screen. The pages are still
    addressed as themselves (``setCurrentWidget(panel)``, ``indexOf(panel)``)."""

    def addTab(self, page: QWidget, title: str, scroll: bool = True) -> int:  # type: ignore[override]
        """``scroll=False`` for a page that scrolls by itself (a form with its own area,
        a list)."""
        return super().addTab(self._wrap(page) if scroll else page, title)

    def insertTab(self, index: int, page: QWidget, title: str,  # type: ignore[override]
                  scroll: bool = True) -> int:
        return super().insertTab(index, self._wrap(page) if scroll else page, title)

    @staticmethod
    def _wrap(page: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        area.setObjectName(f"scroll_{page.objectName() or type(page).__name__}")
        return area

    def _area(self, page: QWidget) -> QWidget:
        for i in range(self.count()):
            area = super().widget(i)
            if isinstance(area, QScrollArea) and area.widget() is page:
                return area
        return page

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        return super().indexOf(self._area(page))

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        super().setCurrentWidget(self._area(page))

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())


class ReadOnlyNote(QLabel):
    """The visible reason why the fields near it cannot be edited (a locked meeting, a
    certified assessment, a field only HQ may change). It keeps its one line while hidden,
    so it appearing after an action does not push the form down; the whole reason is in
    its tip. ``reserve=False`` where it sits in a scrolling area or shows on loading only."""

    def __init__(self, parent: QWidget | None = None, reserve: bool = True):
        super().__init__(parent)
        self.setObjectName("readOnlyNote")
        self.setProperty("bar", "read_only")
        self.setStyleSheet('*[bar="read_only"] { background: #f1f1f1; color: #4a4a4a;'
                           " border-left: 3px solid #8c8c8c; padding: 2px 6px; }")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(reserve)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 8)
        self.hide()

    def say(self, reason: str | None) -> None:
        self.setText(reason or "")
        self.setToolTip(reason or "")
        self.setVisible(bool(reason))


def explain_read_only(widgets, reason: str | None, note: ReadOnlyNote | None = None) -> None:
    """Enable ``widgets``, or make them read-only saying why: the reason is each widget's
    tip (a disabled widget still shows its tip) and, with ``note``, visible beside them.
    A widget's own tip comes back when it is editable again."""
    for w in widgets:
        own = w.property("own_tip")
        if own is None:
            own = w.toolTip()
            w.setProperty("own_tip", own)
        w.setEnabled(reason is None)
        w.setToolTip(reason or own)
    if note is not None:
        note.say(reason)


def scroll_page(page: QWidget, inner: QWidget) -> QScrollArea:
    """Fill *page* with *inner* in a frameless scroll area: a tall page scrolls rather than
    make the window taller than a 768-pixel laptop."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area


def heading(text: str, size: float = 1.35) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    return label
