"""Comparison of every province in scope (cluster, region, HQ): level per criterion,
pilot / expansion status and readiness; click a header to sort; export the rows as shown
to .xlsx (levels, years and readiness as numbers) or CSV."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.models import AssessmentStatus, PilotStatus
from codi_desktop.services import assessment, comparison
from codi_desktop.services.dashboard import current_fiscal_year
from codi_desktop.store.database import Store

from . import labels as L
from .date_field import BeYearSpin
from .errors import error_text
from .file_dialogs import save_file
from .i18n import current_language
from .widgets import MessageBar, heading


def number_item(value: float) -> QTableWidgetItem:
    """A cell holding a number (so sorting is numeric; no Python __lt__ override, which
    PySide6 calls with a reference-count bug)."""
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.DisplayRole, value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class ComparisonPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.rows: list[comparison.ComparisonRow] = []
        self.message = MessageBar()
        self.year = BeYearSpin()
        self.year.setObjectName("comparison_year")
        self.year.converted.connect(lambda note: self.message.show_message(note, "info"))
        self.year.setValue(current_fiscal_year())
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.table = QTableWidget(0, 14)
        self.table.setObjectName("comparison")
        self.table.setHorizontalHeaderLabels(
            [self.tr("จังหวัด"), self.tr("สถานะ"), *[str(n) for n in range(1, 11)],
             self.tr("ความพร้อม (%)"), self.tr("ผลการประเมิน")])
        # the ten criteria are numbered columns as wide as their levels (the title is the
        # header's tip), so the whole table fits a 1366-pixel screen without scrolling
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("00") + 16)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        lang = current_language()
        for info in assessment.criteria(store):
            if 1 <= info.number <= 10:
                self.table.horizontalHeaderItem(1 + info.number).setToolTip(
                    f"{info.number}. {info.title(lang)}")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        export = QPushButton(self.tr("ส่งออก…"))
        export.setObjectName("export_comparison")
        export.setToolTip(self.tr("บันทึกตารางเปรียบเทียบตามที่เรียงไว้เป็นไฟล์ Excel หรือ CSV"))
        export.clicked.connect(self._ask_and_export)
        self.export_button = export
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("เปรียบเทียบจังหวัดในขอบเขต")))
        top.addStretch(1)
        top.addWidget(self.year)
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        try:
            self.rows = comparison.comparison(self.store, self.year.value())
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return
        pilot = dict(L.choices(PilotStatus))
        status = dict(L.choices(AssessmentStatus))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            name = QTableWidgetItem(r.name)
            name.setData(Qt.ItemDataRole.UserRole, r.province)
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, QTableWidgetItem(pilot.get(r.pilot_status, r.pilot_status)))
            for c, lv in enumerate(r.levels):
                self.table.setItem(i, 2 + c, number_item(lv))
            self.table.setItem(i, 12, number_item(r.readiness))
            self.table.setItem(i, 13, QTableWidgetItem(
                status.get(r.status, self.tr("ยังไม่ประเมิน")) if r.status else
                self.tr("ยังไม่ประเมิน")))
        self.table.setSortingEnabled(True)
        self.table.sortItems(12, Qt.SortOrder.DescendingOrder)

    def provinces_shown(self) -> list[str]:
        return [self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
                for i in range(self.table.rowCount())]

    def _ask_and_export(self) -> None:
        name = self.tr("เปรียบเทียบจังหวัด ปีงบประมาณ %1").replace("%1", str(self.year.value()))
        path = save_file(self, "export", self.tr("ส่งออกตารางเปรียบเทียบ"), f"{name}.xlsx",
                         self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            if not path.lower().endswith((".xlsx", ".csv")):
                path += ".xlsx"
            self.export(path)

    def export(self, path: str) -> None:
        """The rows in the order shown, through the exporter ``codi-desktop export
        assessment-comparison`` uses."""
        from codi_desktop.exporting.tables import export_comparison

        shown = {r.province: r for r in self.rows}
        try:
            export_comparison(self.store, self.year.value(), path,
                              [shown[p] for p in self.provinces_shown()])
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return
        self.message.show_message(self.tr("ส่งออกแล้ว: %1").replace("%1", path), "info")
