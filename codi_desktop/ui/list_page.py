"""A list page: search box, filters, a paged table, and a detail panel beside it.

Used by communities, organizations, people, projects and meetings. The page gets what
it needs passed in — the store, the list query, the columns, which filters to offer and
a detail panel — and nothing else (no reference to the main window).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import list_export, lists, scope
from codi_desktop.services.lists import ListFilter, RecordList
from codi_desktop.store.database import Store

from .errors import error_text
from .file_dialogs import save_file
from .i18n import current_language
from .labels import choices
from .province_picker import ProvincePicker
from .status import TaskProgress
from .table_model import Column, RecordTableModel
from .tasks import Task, plain, run_task
from .widgets import MessageBar, SearchBox, WordElideDelegate, heading


class DetailPanel(QWidget):
    """What a list page shows beside the table. Subclasses fill it in."""

    changed = Signal(str)  # a record was saved or deleted: the list reloads

    def show_record(self, record_id: str) -> None:
        raise NotImplementedError

    def new_record(self) -> None:  # only for editable lists
        raise NotImplementedError

    def shown_record(self) -> str | None:
        """The record the panel shows (None: none, a new one, or one just deleted)."""
        return None


class ListPage(QWidget):
    """Search + filters + paged table + detail panel."""

    record_changed = Signal(str)
    province_changed = Signal(object)  # the province shown (None: every one in scope)

    def __init__(
        self,
        store: Store,
        *,
        title: str,
        source: RecordList,
        columns: list[Column],
        filters: Sequence[str] = ("district", "subdistrict"),
        kinds: dict[str, str] | None = None,
        statuses: dict[str, str] | None = None,
        detail: DetailPanel | None = None,
        new_label: str | None = None,
        search_hint: str = "",
        newest_first: bool = False,
        data_kind: str | None = None,
        export_kind: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.model = RecordTableModel(store, source, columns, parent=self)
        self.detail = detail
        # A cluster, regional or HQ account holds several provinces: the list shows one
        # of them or all in scope (the picker is hidden for a province account).
        self.province = ProvincePicker(store)
        self.province.follow_on_show = False  # ensure_loaded follows the choice itself
        self.province.currentIndexChanged.connect(lambda _i: self._province_changed())
        self._filter = ListFilter(provinces=self._provinces())

        self.search = SearchBox()
        self.search.setPlaceholderText(search_hint or self.tr("ค้นหา (พิมพ์ชื่อบางส่วนได้)"))
        self.search.search.connect(lambda text: self._update(text=text))
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        # the count changes with every search; it must not widen the window
        self.count_label.setFixedWidth(self.fontMetrics().horizontalAdvance("12,345 / 12,345 รายการ"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.combos: dict[str, QComboBox] = {}

        bar = QHBoxLayout()
        # many filters (a wide account's province selector is one) go on a row of their
        # own, so the page stays narrow enough for a 1366-pixel laptop beside the navigation
        filter_row = (QHBoxLayout() if len(filters) > 3 or (self.province.wide and filters)
                      else bar)
        if filter_row is bar:
            bar.addWidget(self.province)
        bar.addWidget(self.search, 2)
        if filter_row is not bar:
            filter_row.addWidget(self.province, 1)
        for name in filters:
            combo = QComboBox()
            combo.setObjectName(f"filter_{name}")
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combos[name] = combo
            filter_row.addWidget(combo, 1)
        self._fill_filters(kinds, statuses)
        bar.addWidget(self.count_label)
        self.export_button = QPushButton(self.tr("ส่งออก…"))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("บันทึกรายการที่กรองไว้เป็นไฟล์ Excel หรือ CSV"))
        self.export_button.clicked.connect(self._choose_export_file)
        bar.addWidget(self.export_button)
        # Lists a spreadsheet can fill (importing/) export in the importer's layout; a
        # list with an ``export_kind`` only exports through exporting/ (real cell types).
        self.data_kind = data_kind
        self.export_kind = export_kind or data_kind
        self.import_button: QPushButton | None = None
        if data_kind is not None:
            self.import_button = QPushButton(self.tr("นำเข้า…"))
            self.import_button.setObjectName("import")
            self.import_button.setToolTip(self.tr("นำเข้ารายการจากไฟล์ Excel หรือ CSV"))
            self.import_button.clicked.connect(lambda: self.open_import())
            bar.addWidget(self.import_button)
        self.new_button: QPushButton | None = None
        if new_label and detail is not None:
            self.new_button = QPushButton(new_label)
            self.new_button.clicked.connect(self._new)
            bar.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        # Dated lists (meetings) open on the most recent records.
        self.table.sortByColumn(
            0, Qt.SortOrder.DescendingOrder if newest_first else Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Columns are sized to the rows of the first page (the model reads rows by
        # window: Qt's default of 1,000 rows would read five pages on the first visit).
        self.table.horizontalHeader().setResizeContentsPrecision(self.model.page_size - 1)
        self.table.setItemDelegate(WordElideDelegate(self.table))
        self.table.setTabKeyNavigation(False)  # arrows move in the list; Tab leaves it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(120)
        for i, column in enumerate(columns):
            if column.width:
                header.resizeSection(i, column.width)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        if detail is not None:
            splitter.addWidget(detail)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            detail.changed.connect(self._detail_changed)
            detail.hide()
            # Tab from the table goes on into the record's form (the panel was built
            # before this page, so the default chain would visit it first).
            QWidget.setTabOrder(self.table, detail)

        self.progress = TaskProgress()
        self.message = MessageBar()
        self.export_task: Task | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addLayout(bar)
        if filter_row is not bar:
            layout.addLayout(filter_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.search)
        self._loaded = False

    # --- filters ----------------------------------------------------------------------

    def _fill_filters(self, kinds: dict[str, str] | None, statuses: dict[str, str] | None):
        lang = current_language()
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            if name == "district":
                self._fill_districts()
            elif name == "subdistrict":
                if combo.count() == 0:  # the district filter may have filled it
                    combo.addItem(self.tr("ทุกตำบล"), None)
            elif name == "kind":
                combo.addItem(self.tr("ทุกประเภท"), None)
                for value, text in choices(kinds or {}):
                    combo.addItem(text, value)
            elif name == "status":
                combo.addItem(self.tr("ทุกสถานะ"), None)
                for value, text in choices(statuses or {}):
                    combo.addItem(text, value)
            elif name == "fiscal_year":
                combo.addItem(self.tr("ทุกปีงบประมาณ"), None)
                for fy in lists.fiscal_years(self.store):
                    combo.addItem(self.tr("ปีงบประมาณ %1").replace("%1", str(fy)), fy)
            elif name == "program":
                combo.addItem(self.tr("ทุกแผนงาน"), None)
                for c in lists.programs(self.store):
                    combo.addItem(c.name(lang), c.value)
            combo.blockSignals(False)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._combo_changed(n))

    def _provinces(self) -> tuple[str, ...] | None:
        """The provinces the list shows: None for a province account (its database holds
        only its own province), else the chosen one or every province in scope."""
        if not self.province.wide:
            return None
        return tuple(scope.resolve(self.store, self.province.province()))

    def shown_provinces(self) -> tuple[str, ...] | None:
        """The provinces the list shows now (None: every row of the database)."""
        return self._filter.provinces

    def _fill_districts(self) -> None:
        """The district filter offers the districts of the one province shown (none when
        the list shows every province in scope)."""
        combo = self.combos.get("district")
        if combo is None:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("ทุกอำเภอ"), None)
        code = self.province.province()
        if code or not self.province.wide:
            for c in lists.districts(self.store, code):
                combo.addItem(c.name(current_language()), c.value)
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)
        sub = self.combos.get("subdistrict")
        if sub is not None:
            sub.blockSignals(True)
            sub.clear()
            sub.addItem(self.tr("ทุกตำบล"), None)
            sub.blockSignals(False)

    def claim_working_province(self) -> None:
        """A wide account records new rows for the province this page shows (see
        ``scope.working_province``); the page being looked at names it."""
        if self.province.wide:
            scope.set_working_province(self.store, self.province.province())

    def _province_changed(self) -> None:
        self.claim_working_province()
        self._fill_districts()
        self._update(provinces=self._provinces(), district_id=None, subdistrict_id=None)
        self.province_changed.emit(self.province.province())

    def set_province(self, code: str | None) -> None:
        """Show one province of the scope, or every province in scope for None."""
        self.province.setCurrentIndex(max(0, self.province.findData(code or "all")))

    def _combo_changed(self, name: str) -> None:
        value = self.combos[name].currentData()
        if name == "district":
            sub = self.combos.get("subdistrict")
            if sub is not None:
                sub.blockSignals(True)
                sub.clear()
                sub.addItem(self.tr("ทุกตำบล"), None)
                if value:
                    for c in lists.subdistricts(self.store, value):
                        sub.addItem(c.name(current_language()), c.value)
                sub.blockSignals(False)
            self._update(district_id=value, subdistrict_id=None)
        elif name == "subdistrict":
            self._update(subdistrict_id=value)
        elif name == "kind":
            self._update(kind=value)
        elif name == "status":
            self._update(status=value)
        elif name == "fiscal_year":
            self._update(fiscal_year=value)
        elif name == "program":
            self._update(program_id=value)

    def set_combo(self, name: str, value) -> None:
        combo = self.combos[name]
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _update(self, **changes) -> None:
        self.apply_filter(dataclasses.replace(self._filter, **changes))

    def apply_filter(self, flt: ListFilter) -> None:
        self._filter = flt
        self.model.set_filter(flt)
        self._loaded = True
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%1 รายการ").replace("%1", f"{self.model.total:,}"))

    def ensure_loaded(self) -> None:
        """Load the first page when the page is first shown (not at start-up), showing
        the province chosen on any other page."""
        followed = self.province.follow(quiet=True)
        self.claim_working_province()
        if followed:
            self._fill_districts()
            self._filter = dataclasses.replace(self._filter, provinces=self._provinces(),
                                               district_id=None, subdistrict_id=None)
            if self._loaded:
                self.apply_filter(self._filter)
                self.province_changed.emit(self.province.province())
        if not self._loaded:
            # sized once the first rows are there (the model fills after a reset)
            self.model.modelReset.connect(self._size_once)
            self.apply_filter(self._filter)
            self.size_columns()
            # Prepare the search query shape (SQL compile, FTS structures) while the
            # person reads the list, so the first search is as quick as the next ones.
            QTimer.singleShot(0, self._warm_search)

    #: a column is never narrower than this, nor wider than that, when sized to content
    COLUMN_MIN, COLUMN_MAX = 56, 300

    def _size_once(self) -> None:
        if self.model.rowCount() > 0:
            self.model.modelReset.disconnect(self._size_once)
            self.size_columns()

    def size_columns(self) -> None:
        """Columns sized to the rows shown (and their header), within sensible bounds;
        text that still does not fit is cut at a word boundary by the delegate."""
        header = self.table.horizontalHeader()
        for i in range(self.model.columnCount()):
            want = max(self.table.sizeHintForColumn(i), header.sectionSizeHint(i)) + 8
            header.resizeSection(i, max(self.COLUMN_MIN, min(self.COLUMN_MAX, want)))

    def _warm_search(self) -> None:
        try:
            flt = dataclasses.replace(self._filter, text="warm")
            self.model.source.count(self.store, flt)
            self.model.source.window(self.store, flt, sort=self.model.sort_key, limit=1)
        except Exception:  # noqa: BLE001 - only a warm-up; the real search reports errors
            pass

    def reload(self) -> None:
        self.model.reload()
        self._show_count()

    # --- export (long work: off the UI thread, with progress and cancel) -------------

    def _choose_export_file(self) -> None:
        path = save_file(self, "export", self.tr("ส่งออกรายการ"), "",
                         self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            if not path.lower().endswith((".xlsx", ".csv")):
                path += ".xlsx"
            self.export_to(path)

    def export_to(self, path: str) -> Task:
        """Write the rows the person filtered to ``path`` in the background."""
        model = self.model
        columns = [(c.key, c.header, None if c.raw_export else c.show) for c in model.columns]
        self.export_button.setEnabled(False)
        self.message.hide()
        if self.export_kind is not None:
            from codi_desktop.exporting.tables import export_list

            task = run_task(
                plain(export_list), self.store, self.export_kind, path, self._filter,
                parent=self, on_done=lambda n: self._exported(n, path),
                on_error=self._export_failed)
        else:
            task = run_task(
                list_export.export_rows, self.store, model.source, self._filter, path, columns,
                sort=model.sort_key, descending=model.descending, lang=current_language(),
                parent=self, on_done=lambda n: self._exported(n, path),
                on_error=self._export_failed,
            )
        task.cancelled.connect(self._export_cancelled)
        self.export_task = task
        self.progress.track(task, self.tr("กำลังส่งออก…"))
        return task

    def open_import(self, path: str | None = None):
        """Open the import window for this list (reading ``path`` straight away)."""
        from .import_wizard import ImportWizard

        wizard = ImportWizard(self.store, self.data_kind, self)
        wizard.imported.connect(lambda _n: self.reload())
        wizard.open()
        if path:
            wizard.load(path)
        return wizard

    def _exported(self, rows: int, path: str) -> None:
        self.export_button.setEnabled(True)
        self.message.show_message(
            self.tr("ส่งออก %1 รายการไปที่ %2 แล้ว").replace("%1", f"{rows:,}").replace("%2", path),
            "ok")

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.message.show_message(error_text(error), "error")

    def _export_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.message.show_message(self.tr("ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ถูกบันทึก"), "info")

    # --- selection and detail ---------------------------------------------------------

    def _row_changed(self, current, _previous) -> None:
        if self.detail is None or not current.isValid():
            return
        self.detail.show()
        self.detail.show_record(self.model.record_id(current.row()))

    def open_record(self, record_id: str) -> None:
        """Select a record in the table (if loaded) and show it in the detail panel."""
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if self.detail is not None:
            self.detail.show()
            self.detail.show_record(record_id)

    def _new(self) -> None:
        if self.detail is None:
            return
        if self.province.wide and self.province.province() is None:
            self.message.show_message(self.tr(
                "บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะเพิ่มรายการจากช่องเลือกจังหวัดก่อน"),
                "info")
            self.province.setFocus()
            return
        self.claim_working_province()
        self.table.clearSelection()
        self.detail.show()
        self.detail.new_record()

    def _detail_changed(self, record_id: str) -> None:
        self.reload()
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        elif self.detail is not None and self.detail.shown_record() == record_id:
            # Saved, and the filter no longer matches it: it stays open beside the list.
            self.table.clearSelection()
            self.message.show_message(self.tr(
                "บันทึกแล้ว รายการนี้ไม่ตรงกับตัวกรองที่ใช้อยู่ จึงไม่แสดงในรายการ"), "info")
        self.record_changed.emit(record_id)
