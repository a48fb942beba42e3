"""The record list pages: communities, organizations, people (editable), projects, and
the meetings list (the meetings page, ``ui/meetings/``, wraps it with its workspace).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from codi_core.formatting import meeting_number
from codi_desktop.services import documents, ledger, lists, roles, summaries
from codi_desktop.store.database import Store

from . import labels as L
from .errors import error_text
from .file_dialogs import save_file
from .i18n import current_language
from .list_page import DetailPanel, ListPage
from .people_panels import OrganizationPanel, PersonPanel
from .project_panel import AllocationForm, ProjectPanel
from .record_panel import RecordPanel
from .record_specs import community_spec
from .table_model import Column
from .tasks import plain, run_task

translate = QCoreApplication.translate


def _n(v) -> str:
    return L.number_text(v)


def communities_page(store: Store) -> ListPage:
    return ListPage(
        store,
        title=translate("Pages", "ชุมชน"),
        source=lists.COMMUNITIES,
        columns=[
            Column("name", translate("Pages", "ชื่อชุมชน"), width=240),
            Column("kind", translate("Pages", "ประเภท"), lambda v: L.label(L.COMMUNITY_KIND, v)),
            Column("subdistrict", translate("Pages", "ตำบล")),
            Column("district", translate("Pages", "อำเภอ")),
            Column("moo", translate("Pages", "หมู่ที่"), _n, numeric=True, raw_export=True),
            Column("households", translate("Pages", "ครัวเรือน"), _n, numeric=True, raw_export=True),
            Column("population", translate("Pages", "ประชากร"), _n, numeric=True, raw_export=True),
            Column("leader_name", translate("Pages", "ผู้นำชุมชน")),
        ],
        filters=("district", "subdistrict", "kind"),
        kinds=L.COMMUNITY_KIND,
        detail=RecordPanel(store, community_spec()),
        new_label=translate("Pages", "+ ชุมชนใหม่"),
        search_hint=translate("Pages", "ค้นหาชุมชน ผู้นำ หรือตำบล"),
        data_kind="communities",
    )


def organizations_page(store: Store) -> ListPage:
    return ListPage(
        store,
        title=translate("Pages", "องค์กรชุมชนและภาคี"),
        source=lists.ORGANIZATIONS,
        columns=[
            Column("name", translate("Pages", "ชื่อองค์กร"), width=280),
            Column("kind", translate("Pages", "ประเภท"),
                   lambda v: L.label(L.ORGANIZATION_KIND, v), width=170),
            Column("subdistrict", translate("Pages", "ตำบล")),
            Column("district", translate("Pages", "อำเภอ")),
            Column("members_count", translate("Pages", "สมาชิก"), _n, numeric=True, raw_export=True),
            Column("registered_on", translate("Pages", "จดแจ้งเมื่อ"), L.date_text),
            Column("fund_balance_satang", translate("Pages", "เงินกองทุน"), L.money_text,
                   numeric=True),
        ],
        filters=("district", "subdistrict", "kind"),
        kinds=L.ORGANIZATION_KIND,
        detail=OrganizationPanel(store),
        new_label=translate("Pages", "+ องค์กรใหม่"),
        search_hint=translate("Pages", "ค้นหาองค์กรหรือตำบล"),
        data_kind="organizations",
    )


def people_page(store: Store) -> ListPage:
    return ListPage(
        store,
        title=translate("Pages", "บุคคล"),
        source=lists.PEOPLE,
        columns=[
            Column("full_name", translate("Pages", "ชื่อ-นามสกุล"), width=230),
            Column("position", translate("Pages", "ตำแหน่ง")),
            Column("phone", translate("Pages", "โทรศัพท์")),
            Column("community", translate("Pages", "ชุมชน")),
            Column("subdistrict", translate("Pages", "ตำบล")),
        ],
        filters=("district", "subdistrict"),
        detail=PersonPanel(store),
        new_label=translate("Pages", "+ บุคคลใหม่"),
        search_hint=translate("Pages", "ค้นหาชื่อ ตำแหน่ง หรือโทรศัพท์"),
        data_kind="people",
    )


# --- projects --------------------------------------------------------------------------


def _esc(text: str | None) -> str:
    from html import escape

    return escape(text or "")


class ProjectsPage(QWidget):
    """The project list with its editable detail (form, budget ledger, history) above the
    budget by program for a fiscal year and the allocation form."""

    record_changed = Signal(str)  # a project or a ledger entry was written

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.list = ListPage(
            store,
            title=self.tr("โครงการและงบประมาณ"),
            source=lists.PROJECTS,
            columns=[
                Column("code", self.tr("รหัส"), width=140),
                Column("name", self.tr("ชื่อโครงการ"), width=300),
                Column("program", self.tr("แผนงาน"), width=150),
                Column("fiscal_year", self.tr("ปีงบประมาณ"), str, numeric=True),
                Column("status", self.tr("สถานะ"), lambda v: L.label(L.PROJECT_STATUS, v)),
                Column("organization", self.tr("องค์กร"), width=200),
                Column("subdistrict", self.tr("ตำบล")),
                Column("households", self.tr("ครัวเรือน"), _n, numeric=True, raw_export=True),
            ],
            filters=("fiscal_year", "program", "status", "district", "subdistrict"),
            statuses=L.PROJECT_STATUS,
            detail=ProjectPanel(store),
            new_label=self.tr("+ โครงการใหม่"),
            search_hint=self.tr("ค้นหารหัส ชื่อโครงการ หรือตำบล"),
            data_kind="projects",
        )
        self.budget = QTableWidget(0, 5)
        self.budget.setObjectName("program_budget")
        self.budget.setHorizontalHeaderLabels(
            [self.tr("แผนงาน"), self.tr("จัดสรร"), self.tr("อนุมัติ"), self.tr("เบิกจ่าย"),
             self.tr("คงเหลือ")])
        self.budget.verticalHeader().hide()
        self.budget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.budget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.budget_caption = QLabel()
        self.print_budget = QPushButton(self.tr("พิมพ์รายงานงบประมาณ (PDF)…"))
        self.print_budget.setObjectName("print_budget")
        self.print_budget.clicked.connect(self._ask_and_print)
        self.export_budget = QPushButton(self.tr("ส่งออกงบประมาณ (Excel)…"))
        self.export_budget.setObjectName("export_budget")
        self.export_budget.setToolTip(self.tr(
            "บันทึกงบประมาณตามแผนงานของปีงบประมาณที่แสดงเป็นไฟล์ Excel (ตัวเลขรวมได้)"))
        self.export_budget.clicked.connect(self._ask_and_export)
        # Its two lines are reserved while empty, so a status appearing never pushes the
        # budget table down (issue #13); the whole text is in its tip.
        self.print_status = QLabel()
        self.print_status.setObjectName("print_status")
        self.print_status.setWordWrap(True)
        self.print_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.print_status.setFixedHeight(self.print_status.fontMetrics().lineSpacing() * 2 + 4)
        self._fiscal_year: int | None = None
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(8, 8, 8, 0)
        top = QHBoxLayout()
        top.addWidget(self.budget_caption, 1)
        top.addWidget(self.print_budget)
        top.addWidget(self.export_budget)
        v.addLayout(top)
        v.addWidget(self.print_status)
        v.addWidget(self.budget, 1)
        self.allocation = AllocationForm(store)
        self.allocation.recorded.connect(self._allocated)
        v.addWidget(self.allocation)
        # only HQ allocates (the server refuses anyone else's entry): others see why instead
        self.allocation_note = QLabel(self.tr(
            "การจัดสรรงบประมาณให้จังหวัดบันทึกโดยสำนักงานใหญ่ พอช. เท่านั้น "
            "เมื่อซิงค์ข้อมูล ยอดจัดสรรจะปรากฏที่นี่"))
        self.allocation_note.setObjectName("allocation_note")
        self.allocation_note.setWordWrap(True)
        self.allocation_note.setStyleSheet("color: #555")
        v.addWidget(self.allocation_note)
        allowed = roles.may_allocate(store)
        self.allocation.setVisible(allowed)
        self.allocation_note.setVisible(not allowed)
        # The projects and the budget by program each get the whole page: below the list
        # on a 768-pixel screen the budget table showed about a row and a half.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("projects_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list, self.tr("โครงการ"))
        self.tabs.addTab(box, self.tr("งบประมาณตามแผนงาน"))
        self.budget_tab = box
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.list.combos["fiscal_year"].currentIndexChanged.connect(lambda _i: self._budget())
        self.list.province_changed.connect(lambda _p: self._budget(self._fiscal_year))
        self.list.record_changed.connect(self._changed)
        self.setFocusProxy(self.list)

    def ensure_loaded(self) -> None:
        self.list.ensure_loaded()
        self._budget()

    def show_budget(self) -> None:
        """Show the budget by program (and, for HQ, the allocation form)."""
        self.tabs.setCurrentWidget(self.budget_tab)

    def _changed(self, record_id: str) -> None:
        self._budget(self._fiscal_year)
        self.record_changed.emit(record_id)

    def _allocated(self, fiscal_year: int) -> None:
        # show the year just allocated, even when the list shows another one
        self._budget(fiscal_year)
        self.record_changed.emit("")

    def _budget(self, fiscal_year: int | None = None) -> None:
        fy = fiscal_year or self.list.combos["fiscal_year"].currentData()
        if fy is None:
            years = lists.fiscal_years(self.store)
            fy = years[0] if years else None
        self._fiscal_year = fy
        self.print_budget.setEnabled(fy is not None)
        self.export_budget.setEnabled(fy is not None)
        self.allocation.set_fiscal_year(fy)
        if fy is None:
            self.budget_caption.setText(self.tr("ยังไม่มีงบประมาณ"))
            self.budget.setRowCount(0)
            return
        self.budget_caption.setText(self.tr("งบประมาณตามแผนงาน ปีงบประมาณ %1").replace("%1", str(fy)))
        rows = [b for b in ledger.budget_by_program(self.store, fy, self.list.shown_provinces())
                if b.allocated or b.approved or b.disbursed]
        self.budget.setRowCount(len(rows))
        lang = current_language()
        for r, b in enumerate(rows):
            values = [b.name_en if lang == "en" else b.name_th] + [
                L.money_text(x) for x in (b.allocated, b.approved, b.disbursed, b.remaining)]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.budget.setItem(r, c, item)
        self.budget.resizeColumnsToContents()
        self.budget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _status(self, text: str) -> None:
        self.print_status.setText(text)
        self.print_status.setToolTip(text)

    def _one_province(self) -> bool:
        """The budget report is of one province: a wide account showing every province
        is asked to choose one first (the Excel export sums what the table shows)."""
        if self.list.province.wide and self.list.province.province() is None:
            self._status(self.tr(
                "บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดจากช่องเลือกจังหวัดก่อนพิมพ์รายงานงบประมาณ"))
            self.list.province.setFocus()
            return False
        return True

    def _ask_and_print(self) -> None:
        if self._fiscal_year is None or not self._one_province():
            return
        name = self.tr("รายงานงบประมาณ ปีงบประมาณ %1").replace("%1", str(self._fiscal_year))
        path = save_file(self, "pdf", name, f"{name}.pdf", "PDF (*.pdf)")
        if path:
            self.print_report(path)

    def print_report(self, path: str) -> None:
        """Write the shown fiscal year's budget report off the UI thread."""
        self._status(self.tr("กำลังสร้างเอกสาร…"))
        self.print_budget.setEnabled(False)

        def done(_result) -> None:
            self.print_budget.setEnabled(True)
            self._status(self.tr("บันทึกเอกสารแล้ว: %1").replace("%1", path))

        def failed(error) -> None:
            self.print_budget.setEnabled(True)
            self._status(error_text(error))

        run_task(plain(documents.print_budget_report), self.store, self._fiscal_year, path,
                 province=self.list.province.province() if self.list.province.wide else None,
                 title=self.tr("พิมพ์เอกสาร"), on_done=done, on_error=failed)

    def _ask_and_export(self) -> None:
        if self._fiscal_year is None:
            return
        name = self.tr("งบประมาณตามแผนงาน ปีงบประมาณ %1").replace("%1", str(self._fiscal_year))
        path = save_file(self, "export", self.tr("ส่งออกงบประมาณ"), f"{name}.xlsx",
                         self.tr("Excel (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_report(path)

    def export_report(self, path: str) -> None:
        """Write the shown fiscal year's budget by program to ``path`` (.xlsx: baht as
        numbers with a ฿ format, a SUM row) off the UI thread, through the exporter the
        command line's ``export budget`` uses."""
        from codi_desktop.exporting.tables import export_budget

        self._status(self.tr("กำลังส่งออก…"))
        self.export_budget.setEnabled(False)

        def done(_rows) -> None:
            self.export_budget.setEnabled(True)
            self._status(self.tr("บันทึกไฟล์แล้ว: %1").replace("%1", path))

        def failed(error) -> None:
            self.export_budget.setEnabled(True)
            self._status(error_text(error))

        run_task(plain(export_budget), self.store, self._fiscal_year, path,
                 self.list.shown_provinces(),
                 title=self.tr("ส่งออกงบประมาณ"), on_done=done, on_error=failed)



# --- meetings --------------------------------------------------------------------------


class MeetingPanel(DetailPanel):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.view = QTextBrowser()
        self.view.setObjectName("meeting_view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_record(self, record_id: str) -> None:
        m = summaries.meeting_summary(self.store, record_id)
        if m is None:
            self.view.setPlainText(translate("MeetingPanel", "ไม่พบการประชุมนี้ (อาจถูกลบไปแล้ว)"))
            return
        number = (translate("MeetingPanel", "ครั้งที่ %1").replace("%1", meeting_number(m.number, m.number_year))
                  if m.number and m.number_year else "")
        rows = [
            (translate("MeetingPanel", "ประเภท"), L.label(L.MEETING_KIND, m.kind)),
            (translate("MeetingPanel", "สถานะ"), L.label(L.MEETING_STATUS, m.status)),
            (translate("MeetingPanel", "เมื่อ"), L.datetime_text(m.starts_at)),
            (translate("MeetingPanel", "ณ"), m.place or ""),
            (translate("MeetingPanel", "องค์กร"), m.organization or ""),
            (translate("MeetingPanel", "ผู้มาประชุม"), _n(m.present)),
            (translate("MeetingPanel", "ผู้ไม่มาประชุม"), _n(m.absent)),
            (translate("MeetingPanel", "งานที่ต้องติดตาม"), _n(m.open_actions)),
        ]
        h_agenda = translate("MeetingPanel", "ระเบียบวาระการประชุม")
        h_resolution = translate("MeetingPanel", "มติ")
        html = [f"<h3>{_esc(m.title)} {_esc(number)}</h3><table cellpadding=3>"]
        html += [f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>" for k, v in rows]
        html.append("</table>")
        if m.agenda:
            html.append(f"<h4>{h_agenda}</h4><ol>")
            for section, title, resolution in m.agenda:
                res = f"<br><i>{h_resolution}: {_esc(resolution)}</i>" if resolution else ""
                html.append(f"<li value={section}>{_esc(title)}{res}</li>")
            html.append("</ol>")
        self.view.setHtml("".join(html))


def meetings_page(store: Store) -> ListPage:
    return ListPage(
        store,
        title=translate("Pages", "การประชุมและสมัชชา"),
        source=lists.MEETINGS,
        columns=[
            Column("starts_at", translate("Pages", "วันที่"), L.datetime_text, width=170),
            Column("number", translate("Pages", "ครั้งที่"), width=70),
            Column("title", translate("Pages", "เรื่อง"), width=320),
            Column("kind", translate("Pages", "ประเภท"), lambda v: L.label(L.MEETING_KIND, v),
                   width=170),
            Column("status", translate("Pages", "สถานะ"), lambda v: L.label(L.MEETING_STATUS, v)),
            Column("place", translate("Pages", "สถานที่")),
            Column("organization", translate("Pages", "องค์กร")),
        ],
        filters=("fiscal_year", "kind", "status"),
        kinds=L.MEETING_KIND,
        statuses=L.MEETING_STATUS,
        detail=MeetingPanel(store),
        search_hint=translate("Pages", "ค้นหาเรื่อง สถานที่ หรือผู้จัด"),
        newest_first=True,
        export_kind="meetings",  # dates as dates, numbers and counts as numbers
    )
