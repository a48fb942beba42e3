"""The dashboard's self-managing province box: the radar of this year's levels with last
year's beside it, and plan proposals by outcome; for one province or all in scope."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from codi_desktop.services import comparison
from codi_desktop.store.database import Store

from .plan_page import outcome_names
from .radar import RadarChart
from .widgets import PALETTE, BarChart, Series


class SelfManagingBox(QGroupBox):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("จังหวัดจัดการตนเอง: ระดับการประเมินเทียบปีก่อน และผลของข้อเสนอ"))
        self.store = store
        self.fiscal_year: int | None = None
        self.province: str | None = None  # the dashboard's selector: None = all in scope
        self.data: comparison.ScopeLevels | None = None
        self.radar = RadarChart()
        self.radar.setObjectName("dashboard_radar")
        self.outcomes = BarChart()
        self.outcomes.setObjectName("proposal_outcomes")
        row = QHBoxLayout()
        row.addWidget(self.radar, 1)
        row.addWidget(self.outcomes, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)

    def load(self, fiscal_year: int | None, province: str | None = None) -> None:
        """This year's and last year's levels and the proposals' outcomes of ``province``
        (None: every province in scope, averaged)."""
        if fiscal_year is None:
            return
        self.fiscal_year, self.province = fiscal_year, province
        self.data = d = comparison.scope_levels(self.store, fiscal_year, province)
        self.radar.set_data(d.levels, d.last_year,
                            (self.tr("ปี %1").replace("%1", str(fiscal_year)),
                             self.tr("ปี %1").replace("%1", str(fiscal_year - 1))))
        names = outcome_names(self.tr)
        self.outcomes.empty_text = self.tr("ยังไม่มีข้อเสนอในปีงบประมาณนี้")
        self.outcomes.set_data([names[k] for k in d.outcomes],
                               [Series(self.tr("ข้อเสนอ"), PALETTE[1])],
                               [[n] for n in d.outcomes.values()])
