"""Assembly tools: bulk registration from Excel, statistics, adopted proposals, evidence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import assemblies
from codi_desktop.services.meetings import (
    MeetingDetail,
)
from codi_desktop.store.database import Store

from ..file_dialogs import open_file
from ..i18n import current_language
from .common import (
    MeetingHost,
)

translate = QCoreApplication.translate


class AssemblyPanel(QWidget):
    """Bulk registration from Excel, statistics, adopted proposals, criterion-10 evidence."""

    import_requested = Signal(str)  # an .xlsx path

    def __init__(self, store: Store, host: MeetingHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.host = host
        ws = host
        self.import_button = QPushButton(self.tr("นำเข้ารายชื่อจาก Excel (.xlsx)…"))
        self.import_button.setObjectName("assembly_import")
        self.import_button.clicked.connect(self._ask_import)
        self.stats = QTextBrowser()
        self.stats.setObjectName("assembly_stats")
        self.proposal = QLineEdit()
        self.proposal.setObjectName("proposal_title")
        self.proposal.setPlaceholderText(self.tr("ข้อเสนอที่ที่ประชุมรับรอง"))
        self.proposal_kind = QComboBox()
        self.proposal_kind.addItem(self.tr("แผนพัฒนาจังหวัด"), "development_plan")
        self.proposal_kind.addItem(self.tr("ข้อเสนอเชิงนโยบาย"), "policy_proposal")
        self.adopt = QPushButton(self.tr("บันทึกข้อเสนอ"))
        self.adopt.setObjectName("proposal_add")
        self.adopt.clicked.connect(self.add_proposal)
        self.proposals = QListWidget()
        self.evidence = QPushButton(self.tr("บันทึกเป็นหลักฐานเกณฑ์ข้อ 10 ของการประเมินจังหวัด"))
        self.evidence.setObjectName("assembly_evidence")
        self.evidence.clicked.connect(
            lambda: ws.act(assemblies.record_assembly_evidence, self.store, ws.meeting_id,
                           ok=self.tr("บันทึกหลักฐานเกณฑ์ข้อ 10 แล้ว")))
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.evidence)
        top.addStretch(1)
        prop = QHBoxLayout()
        prop.addWidget(self.proposal, 1)
        prop.addWidget(self.proposal_kind)
        prop.addWidget(self.adopt)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stats, 2)
        layout.addLayout(prop)
        layout.addWidget(self.proposals, 1)

    def show_meeting(self, d: MeetingDetail) -> None:
        lang = current_language()
        s = assemblies.attendance_statistics(self.store, d.id)
        html = [f"<h3>{self.tr('ผู้เข้าร่วม %1 คน').replace('%1', f'{s.total:,}')}</h3>"]
        for title, lines_ in ((self.tr("ตามประเภทองค์กร"), s.by_organization_kind),
                              (self.tr("ตามอำเภอ"), s.by_district),
                              (self.tr("ตามตำบล"), s.by_subdistrict),
                              (self.tr("ตามเพศ"), s.by_gender)):
            html.append(f"<b>{title}</b><table cellpadding=2>")
            html += [f"<tr><td>{line.name(lang)}</td><td align=right>{line.count:,}</td></tr>"
                     for line in lines_]
            html.append("</table>")
        self.stats.setHtml("".join(html))
        self.proposals.clear()
        for p in assemblies.list_proposals(self.store, d.id):
            self.proposals.addItem(f"{p.title} ({p.fiscal_year})")

    def add_proposal(self) -> None:
        ws = self.host
        data = assemblies.ProposalData(self.proposal.text(), self.proposal_kind.currentData())
        if ws.act(assemblies.adopt_proposals, self.store, ws.meeting_id, [data]):
            self.proposal.clear()

    def _ask_import(self) -> None:
        path = open_file(self, "xlsx", self.tr("นำเข้ารายชื่อ"), "Excel (*.xlsx)")
        if path:
            self.import_requested.emit(path)
