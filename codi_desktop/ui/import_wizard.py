"""The import window: choose a file, see how its columns were matched and what will
happen to every row, fix a column that was matched wrongly, then import all rows (or
none). Reading and writing run off the UI thread; the work is
``codi_desktop.importing.framework`` (no Qt there).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.importing.framework import ERROR, FATE_NAMES, Preview, commit, preview_file
from codi_desktop.importing.kinds import IMPORTERS
from codi_desktop.store.database import Store

from .errors import error_text
from .file_dialogs import open_file
from .i18n import current_language
from .tasks import Task, plain, run_task
from .widgets import MessageBar, heading

FATE_COLOURS = {"error": "#f8d7da", "duplicate": "#eeeeee", "match": "#e7f1ff"}


class ImportWizard(QDialog):
    """Preview, fix the mapping, import. ``imported`` carries the number of new records."""

    imported = Signal(int)

    def __init__(self, store: Store, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.importer = IMPORTERS[kind]
        self.preview: Preview | None = None
        self.path: str | None = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("นำเข้าจากไฟล์ Excel หรือ CSV"))
        self.resize(1000, 640)

        self.file_label = QLabel(self.tr("ยังไม่ได้เลือกไฟล์"))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("เลือกไฟล์…"))
        choose.clicked.connect(self._choose)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("import_notes")
        # How to lay out a file of this kind (the importer's own words, Thai or English).
        hint = self.importer.hint[1 if current_language() == "en" else 0]
        self.hint = QLabel(hint)
        self.hint.setObjectName("import_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        self.hint.setVisible(bool(hint))

        self.mapping_box = QGroupBox(self.tr("จับคู่คอลัมน์ (แก้ได้ถ้าไม่ถูกต้อง)"))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_box)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            self.tr("แถวที่"), self.tr("ผล"), self.tr("รายการ"), self.tr("รายละเอียด")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 60)
        header.resizeSection(1, 100)
        header.resizeSection(2, 240)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        scroll.setMinimumWidth(360)
        splitter.setSizes([380, 620])

        self.counts = QLabel()
        self.message = MessageBar()
        self.import_button = QPushButton(self.tr("นำเข้า"))
        self.import_button.setObjectName("do_import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("ปิด"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)

        title = self.tr("นำเข้า%1").replace(
            "%1", self.importer.title[1 if current_language() == "en" else 0])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.notes)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- reading ----------------------------------------------------------------------

    def _choose(self) -> None:
        path = open_file(self, "import", self.tr("เลือกไฟล์ที่จะนำเข้า"),
                         self.tr("Excel หรือ CSV (*.xlsx *.csv);;ทุกไฟล์ (*)"))
        if path:
            self.load(path)

    def load(self, path: str, mapping: dict[str, int] | None = None) -> Task:
        """Read ``path`` (with a mapping the person fixed, if any) and show the preview."""
        self.path = path
        self.file_label.setText(path)
        self.import_button.setEnabled(False)
        self.message.hide()
        self.task = run_task(plain(preview_file), self.store, self.importer, path, mapping,
                             parent=self, on_done=self._show, on_error=self._failed)
        return self.task

    def _show(self, preview: Preview) -> None:
        self.task = None
        self.preview = preview
        en = current_language() == "en"
        notes = [e if en else t for t, e in preview.notes]
        notes.insert(0, self.tr("หัวตารางอยู่แถวที่ %1").replace("%1", str(preview.header_row)))
        self.notes.setText(" · ".join(notes))
        self._fill_mapping(preview)
        self._fill_rows(preview)
        counts = {f: preview.count(f) for f in FATE_NAMES}
        self.counts.setText(
            self.tr("ใหม่ %1 · มีอยู่แล้ว %2 · ซ้ำในไฟล์ %3 · ผิดพลาด %4")
            .replace("%1", f"{counts['new']:,}").replace("%2", f"{counts['match']:,}")
            .replace("%3", f"{counts['duplicate']:,}").replace("%4", f"{counts['error']:,}"))
        if preview.missing:
            names = ", ".join(f.en if en else f.th for f in preview.missing)
            self.message.show_message(
                self.tr("ยังไม่ได้จับคู่คอลัมน์ที่จำเป็น: %1").replace("%1", names), "error")
        elif preview.errors:
            self.message.show_message(self.tr(
                "มีแถวที่ผิดพลาด แก้ในไฟล์แล้วเลือกไฟล์ใหม่ หรือแก้การจับคู่คอลัมน์ "
                "(ยังไม่ได้บันทึกข้อมูลใด ๆ)"), "error")
        elif not preview.rows:
            self.message.show_message(self.tr("ไม่มีข้อมูลในไฟล์"), "error")
        self.import_button.setEnabled(preview.ok and preview.count("new") + preview.count(
            "match") > 0)

    def _fill_mapping(self, preview: Preview) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos.clear()
        en = current_language() == "en"
        for spec in self.importer.fields:
            combo = QComboBox()
            combo.setObjectName(f"map_{spec.key}")
            combo.addItem(self.tr("(ไม่ใช้)"), -1)
            for i, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("คอลัมน์ %1").replace("%1", str(i + 1)), i)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(spec.key, -1))))
            combo.currentIndexChanged.connect(self._remap)
            label = spec.en if en else spec.th
            if spec.required:
                label += " *"
            self.mapping_form.addRow(label, combo)
            self.combos[spec.key] = combo

    def _fill_rows(self, preview: Preview) -> None:
        lang = current_language()
        # Rows to fix first, then the rest in file order.
        shown = preview.errors + [r for r in preview.rows if r.fate != ERROR]
        self.table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            fate = FATE_NAMES[row.fate][1 if lang == "en" else 0]
            items = [QTableWidgetItem(str(row.row)), QTableWidgetItem(fate),
                     QTableWidgetItem(row.label), QTableWidgetItem(row.message(lang))]
            colour = FATE_COLOURS.get(row.fate)
            for c, item in enumerate(items):
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                if c == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, items[c])
        self.table.scrollToTop()

    def set_mapping(self, key: str, column: int) -> Task | None:
        """Match a field to a column (-1: not used), as choosing it in its box does."""
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findData(column)))
        return self.task

    def _remap(self) -> None:
        if self.path is None:
            return
        mapping = {key: combo.currentData() for key, combo in self.combos.items()
                   if combo.currentData() is not None and combo.currentData() >= 0}
        self.load(self.path, mapping)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.message.show_message(error_text(error), "error")

    # --- writing ----------------------------------------------------------------------

    def start_import(self) -> Task | None:
        if self.preview is None or not self.preview.ok:
            return None
        self.import_button.setEnabled(False)
        self.task = run_task(plain(commit), self.store, self.preview, parent=self,
                             on_done=self._imported, on_error=self._import_failed)
        return self.task

    def _imported(self, result) -> None:
        self.task = None
        self.message.show_message(self.tr("นำเข้าแล้ว %1 รายการใหม่").replace(
            "%1", f"{result.added:,}"), "ok")
        self.imported.emit(result.added)
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        self.message.show_message(error_text(error), "error")
