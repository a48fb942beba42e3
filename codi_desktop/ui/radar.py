"""A radar chart of the 10 criteria's levels (0..4), this year filled and last year
dashed beside it, drawn with QPainter (no QtCharts in PySide6-Essentials)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

THIS_YEAR = QColor("#1f6f8b")
LAST_YEAR = QColor("#8a8f98")


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.levels: list[int] = []
        self.last_year: list[int] | None = None
        self.labels: tuple[str, str] = ("", "")
        self.maximum = 4
        self.setMinimumSize(260, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(360, 360)

    def set_data(self, levels: list[int], last_year: list[int] | None,
                 labels: tuple[str, str] = ("", "")) -> None:
        self.levels = list(levels)
        self.last_year = list(last_year) if last_year is not None else None
        self.labels = labels
        self.setToolTip("\n".join(
            f"{i + 1}: {lv}" + (f" ({self.last_year[i]})" if self.last_year else "")
            for i, lv in enumerate(self.levels)))
        self.update()

    def _point(self, i: int, n: int, value: float, r: float, c: QPointF) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return QPointF(c.x() + r * value / self.maximum * math.cos(angle),
                       c.y() + r * value / self.maximum * math.sin(angle))

    def _polygon(self, values: list[float], r: float, c: QPointF) -> QPolygonF:
        n = len(values)
        return QPolygonF([self._point(i, n, v, r, c) for i, v in enumerate(values)])

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        legend_h = fm.height() + 8
        side = min(self.width(), self.height() - legend_h)
        r = side / 2 - fm.height() - 8
        c = QPointF(self.width() / 2, (self.height() - legend_h) / 2)
        n = len(self.levels) or 10
        p.setPen(QPen(QColor("#d0d7de"), 1))
        for ring in range(1, self.maximum + 1):
            p.drawPolygon(self._polygon([ring] * n, r, c))
        for i in range(n):
            p.drawLine(c, self._point(i, n, self.maximum, r, c))
        p.setPen(QPen(self.palette().text().color()))
        for i in range(n):
            at = self._point(i, n, self.maximum + 0.55, r, c)
            text = str(i + 1)
            p.drawText(QPointF(at.x() - fm.horizontalAdvance(text) / 2,
                               at.y() + fm.ascent() / 2 - 1), text)
        if not self.levels:
            p.end()
            return
        if self.last_year is not None:
            pen = QPen(LAST_YEAR, 2, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(self._polygon(self.last_year, r, c))
        fill = QColor(THIS_YEAR)
        fill.setAlpha(70)
        p.setPen(QPen(THIS_YEAR, 2.5))
        p.setBrush(QBrush(fill))
        p.drawPolygon(self._polygon(self.levels, r, c))
        # legend
        y = self.height() - legend_h / 2
        x = 10.0
        for color, style, label in ((THIS_YEAR, Qt.PenStyle.SolidLine, self.labels[0]),
                                    (LAST_YEAR, Qt.PenStyle.DashLine, self.labels[1])):
            if not label or (color is LAST_YEAR and self.last_year is None):
                continue
            p.setPen(QPen(color, 2.5, style))
            p.drawLine(QPointF(x, y), QPointF(x + 24, y))
            p.setPen(QPen(self.palette().text().color()))
            p.drawText(QPointF(x + 30, y + fm.ascent() / 2 - 1), label)
            x += 40 + fm.horizontalAdvance(label) + 16
        p.end()
