"""Dashboard of one fiscal year: counts, projects by status, budget by program, meetings.

The figures come from ``services.dashboard`` in a background task; the charts are the
small QPainter ``BarChart`` (no QtCharts in PySide6-Essentials).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import dashboard as dash
from codi_desktop.services import lists, scope
from codi_desktop.store.database import Store

from . import labels as L
from .i18n import current_language
from .province_picker import ProvincePicker
from .smp_dashboard import SelfManagingBox
from .tasks import Task, plain, run_task
from .widgets import PALETTE, BarChart, MessageBar, Series, heading, scroll_page


def compact_money(satang: float) -> str:
    baht = satang / 100
    if current_language() == "en":
        if baht >= 1_000_000:
            return f"{baht / 1_000_000:,.1f}M"
        if baht >= 1_000:
            return f"{baht / 1_000:,.0f}k"
        return f"{baht:,.0f}"
    if baht >= 1_000_000:
        return f"{baht / 1_000_000:,.1f} ล้าน"
    return f"{baht:,.0f}"


class Card(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("#card { background: palette(base); border: 1px solid #d0d7de;"
                           " border-radius: 6px; }")
        layout = QVBoxLayout(self)
        self.value = heading("–", 1.8)
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


class DashboardPage(QWidget):
    loaded = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.data: dash.DashboardData | None = None
        self.task: Task | None = None
        self.year = QComboBox()
        self.year.setObjectName("dashboard_year")
        current = dash.current_fiscal_year()
        with_data = lists.fiscal_years(store)
        years = sorted(set(with_data) | {current}, reverse=True)
        for fy in years:
            self.year.addItem(self.tr("ปีงบประมาณ %1").replace("%1", str(fy)), fy)
        # The current fiscal year, unless it has no data yet (early October, or a demo
        # made last year): then the latest year that has some.
        default = current
        if with_data and current not in with_data:
            default = max((y for y in with_data if y <= current), default=with_data[0])
        self.year.setCurrentIndex(self.year.findData(default))
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        # one province of a wide account's scope, or all of them (hidden for a province)
        self.province = ProvincePicker(store)
        self.province.setObjectName("dashboard_province")
        self.province.currentIndexChanged.connect(lambda _i: self.refresh())
        self.message = MessageBar()

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("ภาพรวมจังหวัด")))
        top.addStretch(1)
        top.addWidget(self.province)
        top.addWidget(self.year)

        self.cards = {
            "communities": Card(self.tr("ชุมชน")),
            "households": Card(self.tr("ครัวเรือนในชุมชน")),
            "organizations": Card(self.tr("องค์กรชุมชนและภาคี")),
            "projects": Card(self.tr("โครงการในปีงบประมาณ")),
            "meetings": Card(self.tr("การประชุมที่จัดแล้วในปีงบประมาณ")),
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        self.orgs_chart = BarChart()
        self.communities_chart = BarChart()
        self.assessment_chart = BarChart(value_text=lambda v: f"{v:.0f}/4")
        self.assessment_chart.fixed_maximum = 4
        self.status_chart = BarChart()
        self.budget_chart = BarChart(value_text=compact_money)
        self.meetings_chart = BarChart(horizontal=False)
        self.budget_table = QTableWidget(0, 5)
        self.budget_table.setObjectName("budget_table")
        self.budget_table.setHorizontalHeaderLabels(
            [self.tr("แผนงาน"), self.tr("จัดสรร"), self.tr("อนุมัติ"), self.tr("เบิกจ่าย"),
             self.tr("คงเหลือ")])
        self.budget_table.verticalHeader().hide()
        self.budget_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.budget_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)

        grid = QGridLayout()
        grid.addWidget(self._box(self.tr("งบประมาณตามแผนงาน (บาท)"), self.budget_chart), 0, 0)
        grid.addWidget(self._box(self.tr("การประชุมที่จัดแล้วในแต่ละเดือน"), self.meetings_chart), 0, 1)
        grid.addWidget(self._box(self.tr("องค์กรตามประเภท"), self.orgs_chart), 1, 0)
        grid.addWidget(self._box(self.tr("โครงการตามสถานะ"), self.status_chart), 1, 1)
        grid.addWidget(self._box(self.tr("ชุมชนตามประเภท"), self.communities_chart), 2, 0)
        grid.addWidget(self._box(self.tr("ระดับการประเมินจังหวัดจัดการตนเอง (10 เกณฑ์)"),
                                 self.assessment_chart), 2, 1)
        grid.addWidget(self._box(self.tr("งบประมาณตามแผนงาน (ตัวเลข)"), self.budget_table), 3, 0, 1, 2)
        self.smp = SelfManagingBox(store)  # issue 11: radar with last year, proposals
        grid.addWidget(self.smp, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(cards)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll_page(self, inner)

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        v = QVBoxLayout(box)
        v.addWidget(widget)
        return box

    def ensure_loaded(self) -> None:
        """Re-read the figures each time the page is shown (in the background, ~50 ms on
        the large province), so edits made on other pages show up."""
        if self.task is None:
            self.refresh()

    def refresh(self) -> None:
        fy = self.year.currentData()
        provinces = (scope.resolve(self.store, self.province.province())
                     if self.province.wide else None)
        self.task = run_task(plain(dash.dashboard), self.store, fy, provinces, parent=self,
                             on_done=self._show, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        from .errors import error_text

        self.task = None
        self.message.show_message(error_text(error), "error")

    def _show(self, data: dash.DashboardData) -> None:
        self.task = None
        self.data = data
        lang = current_language()
        self.cards["communities"].set_value(f"{data.communities:,}")
        self.cards["households"].set_value(f"{data.households:,}")
        self.cards["organizations"].set_value(f"{data.organizations:,}")
        self.cards["projects"].set_value(f"{data.projects:,}")
        self.cards["meetings"].set_value(f"{data.meetings_held:,}")

        one = [Series(self.tr("จำนวน"), PALETTE[0])]
        self.orgs_chart.set_data(
            [L.label(L.ORGANIZATION_KIND, k) for k, _ in data.organizations_by_kind], one,
            [[n] for _, n in data.organizations_by_kind])
        self.communities_chart.set_data(
            [L.label(L.COMMUNITY_KIND, k) for k, _ in data.communities_by_kind],
            [Series(self.tr("ชุมชน"), PALETTE[4])],
            [[n] for _, n in data.communities_by_kind])
        self.assessment_chart.empty_text = self.tr("ยังไม่มีการประเมินในปีงบประมาณนี้")
        self.assessment_chart.set_data(
            [self.tr("เกณฑ์ที่ %1").replace("%1", str(n)) for n, _ in data.assessment_levels],
            [Series(self.tr("ระดับ"), PALETTE[1])],
            [[lv] for _, lv in data.assessment_levels])
        self.status_chart.set_data(
            [L.label(L.PROJECT_STATUS, k) for k, _ in data.projects_by_status],
            [Series(self.tr("โครงการ"), PALETTE[2])],
            [[n] for _, n in data.projects_by_status])
        budget = [b for b in data.budget if b.allocated or b.approved or b.disbursed]
        self.budget_chart.set_data(
            [b.name_en if lang == "en" else b.name_th for b in budget],
            [Series(self.tr("จัดสรร"), PALETTE[0]), Series(self.tr("อนุมัติ"), PALETTE[1]),
             Series(self.tr("เบิกจ่าย"), PALETTE[2])],
            [[b.allocated, b.approved, b.disbursed] for b in budget])
        self.meetings_chart.set_data(
            [L.month_label(i) for i in range(12)],
            [Series(self.tr("การประชุม"), PALETTE[3])],
            [[n] for *_, n in data.meetings_by_month])

        self.smp.load(self.year.currentData(), self.province.province())
        self.budget_table.setRowCount(len(data.budget) + 1)
        totals = [0, 0, 0, 0]
        for r, b in enumerate(data.budget):
            figures = [b.allocated, b.approved, b.disbursed, b.remaining]
            totals = [t + f for t, f in zip(totals, figures, strict=True)]
            self._budget_row(r, b.name_en if lang == "en" else b.name_th, figures)
        self._budget_row(len(data.budget), self.tr("รวม"), totals, bold=True)
        self.budget_table.resizeColumnsToContents()
        self.budget_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        t = self.budget_table
        t.setMinimumHeight(t.horizontalHeader().height() + t.verticalHeader().length() + 6)
        self.loaded.emit()

    def _budget_row(self, row: int, name: str, figures: list[int], bold: bool = False) -> None:
        items = [QTableWidgetItem(name)] + [QTableWidgetItem(L.money_text(f)) for f in figures]
        for col, item in enumerate(items):
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.budget_table.setItem(row, col, item)
