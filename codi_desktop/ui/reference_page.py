"""HQ's reference data page: CODI's regions (ภาค) and clusters of provinces (กลุ่มจังหวัด),
which cluster each province belongs to, and what each level of the 10 criteria means
(``criterion_levels_box``). Shown to HQ only (the window hides it for
every other role); each save is one action, through ``services.reference_edit``, which
the server checks again (``codi_core.rules.assessment``: only HQ edits reference data)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import reference_edit as ref
from codi_desktop.services import scope
from codi_desktop.store.database import Store

from .criterion_levels_box import CriterionLevelsBox
from .errors import error_text
from .i18n import current_language
from .widgets import MessageBar, heading


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ReferencePage(QWidget):
    record_changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.regions: list[ref.RegionRow] = []
        self.clusters: list[ref.ClusterRow] = []
        self.message = MessageBar()
        self.editable = ref.may_edit(store)

        # regions: the list, and the chosen one's names
        self.region_table = _table([self.tr("รหัส"), self.tr("ชื่อภาค"), self.tr("ชื่อภาษาอังกฤษ")], 1)
        self.region_table.setObjectName("regions")
        self.region_table.currentCellChanged.connect(lambda r, *_: self._region_chosen(r))
        self.region_th = QLineEdit()
        self.region_th.setObjectName("region_name_th")
        self.region_en = QLineEdit()
        self.region_en.setObjectName("region_name_en")
        self.region_save = QPushButton(self.tr("บันทึกชื่อภาค"))
        self.region_save.setObjectName("region_save")
        self.region_save.clicked.connect(self.save_region)
        region_form = QFormLayout()
        region_form.addRow(self.tr("ชื่อภาค"), self.region_th)
        region_form.addRow(self.tr("ชื่อภาษาอังกฤษ"), self.region_en)
        region_form.addRow("", self.region_save)
        region_box = QGroupBox(self.tr("ภาคของ พอช."))
        rv = QVBoxLayout(region_box)
        rv.addWidget(self.region_table, 1)
        rv.addLayout(region_form)

        # clusters: the list, the chosen (or a new) one, and moving a province into it
        self.cluster_table = _table(
            [self.tr("รหัส"), self.tr("กลุ่มจังหวัด"), self.tr("ภาค"), self.tr("จังหวัด")], 3)
        self.cluster_table.setObjectName("clusters")
        self.cluster_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.cluster_table.currentCellChanged.connect(lambda r, *_: self._cluster_chosen(r))
        self.cluster_code = QLineEdit()
        self.cluster_code.setObjectName("cluster_code")
        self.cluster_th = QLineEdit()
        self.cluster_th.setObjectName("cluster_name_th")
        self.cluster_en = QLineEdit()
        self.cluster_en.setObjectName("cluster_name_en")
        self.cluster_region = QComboBox()
        self.cluster_region.setObjectName("cluster_region")
        self.cluster_new = QPushButton(self.tr("+ กลุ่มจังหวัดใหม่"))
        self.cluster_new.setObjectName("cluster_new")
        self.cluster_new.clicked.connect(self.new_cluster)
        self.cluster_save = QPushButton(self.tr("บันทึกกลุ่มจังหวัด"))
        self.cluster_save.setObjectName("cluster_save")
        self.cluster_save.clicked.connect(self.save_cluster)
        self.move_province = QComboBox()
        self.move_province.setObjectName("move_province")
        self.move_button = QPushButton(self.tr("ย้ายจังหวัดเข้ากลุ่มนี้"))
        self.move_button.setObjectName("move_button")
        self.move_button.clicked.connect(self.move)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cluster_new)
        buttons.addWidget(self.cluster_save)
        buttons.addStretch(1)
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_province, 1)
        move_row.addWidget(self.move_button)
        cluster_form = QFormLayout()
        cluster_form.addRow(self.tr("รหัส"), self.cluster_code)
        cluster_form.addRow(self.tr("ชื่อกลุ่มจังหวัด"), self.cluster_th)
        cluster_form.addRow(self.tr("ชื่อภาษาอังกฤษ"), self.cluster_en)
        cluster_form.addRow(self.tr("อยู่ในภาค"), self.cluster_region)
        cluster_form.addRow("", buttons)
        cluster_form.addRow(self.tr("ย้ายจังหวัด"), move_row)
        cluster_box = QGroupBox(self.tr("กลุ่มจังหวัดทั้งหมด"))
        cv = QVBoxLayout(cluster_box)
        cv.addWidget(self.cluster_table, 1)
        cv.addLayout(cluster_form)

        note = QLabel(self.tr(
            "ข้อมูลอ้างอิงระดับประเทศ แก้ไขได้เฉพาะ พอช. ส่วนกลาง ทุกเครื่องจะได้รับเมื่อซิงค์ข้อมูล"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        geography = QWidget()
        columns = QHBoxLayout(geography)
        columns.addWidget(region_box, 2)
        columns.addWidget(cluster_box, 3)
        self.levels = CriterionLevelsBox(store, self.editable, self.message)
        self.levels.saved.connect(lambda n: self.record_changed.emit(f"criterion:{n}"))
        self.tabs = QTabWidget()
        self.tabs.addTab(geography, self.tr("ภาคและกลุ่มจังหวัด"))
        self.tabs.addTab(self.levels, self.tr("ความหมายระดับของเกณฑ์"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("ข้อมูลอ้างอิง: ภาค กลุ่มจังหวัด และเกณฑ์")))
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        for w in (self.region_th, self.region_en, self.region_save, self.cluster_code,
                  self.cluster_th, self.cluster_en, self.cluster_region, self.cluster_new,
                  self.cluster_save, self.move_province, self.move_button):
            w.setEnabled(self.editable)

    # --- loading ----------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self, region: str | None = None, cluster: str | None = None) -> None:
        lang = current_language()
        self.regions = ref.regions(self.store)
        self.clusters = ref.clusters(self.store)
        names = scope.province_names(self.store, lang=lang)
        region_names = {r.code: (r.name_en if lang == "en" and r.name_en else r.name_th)
                        for r in self.regions}

        self.region_table.blockSignals(True)
        self.region_table.setRowCount(len(self.regions))
        for i, r in enumerate(self.regions):
            for c, text in enumerate((r.code, r.name_th, r.name_en)):
                self.region_table.setItem(i, c, QTableWidgetItem(text))
        self.region_table.resizeColumnToContents(0)
        self.region_table.blockSignals(False)
        self.cluster_region.clear()
        for r in self.regions:
            self.cluster_region.addItem(region_names[r.code], r.code)

        self.cluster_table.blockSignals(True)
        self.cluster_table.setRowCount(len(self.clusters))
        for i, c in enumerate(self.clusters):
            members = ", ".join(sorted(names.get(p, p) for p in c.provinces))
            name = c.name_en if lang == "en" and c.name_en else c.name_th
            for col, text in enumerate((c.code, name, region_names.get(c.region_code or "", ""),
                                        members)):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setToolTip(members)
                self.cluster_table.setItem(i, col, item)
        self.cluster_table.resizeColumnToContents(0)
        self.cluster_table.resizeColumnToContents(2)
        self.cluster_table.blockSignals(False)
        self.move_province.clear()
        for code in sorted(names, key=lambda p: names[p]):
            self.move_province.addItem(names[code], code)

        self._select(self.region_table, [r.code for r in self.regions], region)
        self._select(self.cluster_table, [c.code for c in self.clusters], cluster)
        self.levels.reload()

    @staticmethod
    def _select(table: QTableWidget, codes: list[str], code: str | None) -> None:
        if not codes:
            return
        row = codes.index(code) if code in codes else 0
        table.setCurrentCell(row, 0)
        table.currentCellChanged.emit(row, 0, -1, -1)

    def _region_chosen(self, row: int) -> None:
        if 0 <= row < len(self.regions):
            r = self.regions[row]
            self.region_th.setText(r.name_th)
            self.region_en.setText(r.name_en)

    def _cluster_chosen(self, row: int) -> None:
        if 0 <= row < len(self.clusters):
            c = self.clusters[row]
            self.cluster_code.setText(c.code)
            self.cluster_code.setReadOnly(True)  # the code names the cluster everywhere
            self.cluster_th.setText(c.name_th)
            self.cluster_en.setText(c.name_en)
            self.cluster_region.setCurrentIndex(max(0, self.cluster_region.findData(c.region_code)))

    # --- actions (one each) -----------------------------------------------------------

    def _current(self, table: QTableWidget, rows: list) -> object | None:
        row = table.currentRow()
        return rows[row] if 0 <= row < len(rows) else None

    def save_region(self) -> bool:
        region = self._current(self.region_table, self.regions)
        if region is None:
            return False
        try:
            ref.rename_region(self.store, region.code, self.region_th.text(),
                              self.region_en.text(), author=self.store.author)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        self.reload(region=region.code, cluster=self._code_of_cluster())
        self.message.show_message(self.tr("บันทึกชื่อภาคแล้ว"), "ok")
        self.record_changed.emit(region.code)
        return True

    def new_cluster(self) -> None:
        self.cluster_table.clearSelection()
        self.cluster_table.setCurrentCell(-1, -1)
        self.cluster_code.setReadOnly(False)
        for w in (self.cluster_code, self.cluster_th, self.cluster_en):
            w.clear()
        self.cluster_code.setFocus()

    def _code_of_cluster(self) -> str | None:
        cluster = self._current(self.cluster_table, self.clusters)
        return cluster.code if cluster is not None else None

    def save_cluster(self) -> bool:
        code = self.cluster_code.text().strip()
        try:
            ref.save_cluster(self.store, code, self.cluster_th.text(), self.cluster_en.text(),
                             self.cluster_region.currentData(), author=self.store.author)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        self.reload(cluster=code)
        self.message.show_message(self.tr("บันทึกกลุ่มจังหวัดแล้ว"), "ok")
        self.record_changed.emit(code)
        return True

    def move(self) -> bool:
        cluster = self._code_of_cluster()
        province = self.move_province.currentData()
        if cluster is None or province is None:
            self.message.show_message(self.tr("เลือกกลุ่มจังหวัดและจังหวัดก่อน"), "error")
            return False
        try:
            ref.move_province(self.store, province, cluster, author=self.store.author)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        self.reload(cluster=cluster)
        self.message.show_message(
            self.tr("ย้าย%1เข้ากลุ่มจังหวัดแล้ว").replace(
                "%1", self.move_province.itemText(self.move_province.findData(province))), "ok")
        self.record_changed.emit(province)
        return True

