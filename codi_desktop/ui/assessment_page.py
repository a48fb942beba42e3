"""The assessment page: for each of the 10 criteria a level picker (0–4, with what the
level means), evidence notes, and the evidence the app suggests from the records with
the numbers behind it (accept or not); a radar chart with last year beside this year;
save (one action), the committee's agreement, HQ's certification, the province report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from codi_core.models import AssessmentStatus, PilotStatus
from codi_core.rules.assessment import check_assessment_write
from codi_desktop.services import assessment as svc
from codi_desktop.services import scope, suggestions
from codi_desktop.services.province_report import print_province_report
from codi_desktop.store.database import Store

from . import labels as L
from .errors import error_text
from .i18n import current_language
from .province_picker import ProvincePicker
from .radar import RadarChart
from .tasks import plain, run_task
from .widgets import MessageBar, ReadOnlyNote, explain_read_only, heading


class CriterionRow(QFrame):
    """One criterion: title, level picker with its meaning, evidence, suggestion."""

    changed = Signal()

    def __init__(self, info: svc.CriterionInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"criterion_{info.number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lang = current_language()
        self.draft = svc.ScoreDraft(info.number)
        self.suggestion: suggestions.Suggestion | None = None
        title = QLabel(f"{info.number}. {info.title(lang)}")
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        self.level = QComboBox()
        self.level.setObjectName(f"level_{info.number}")
        for lv in range(5):
            th, en = info.levels[lv]
            self.level.addItem(f"{lv} – {en if lang == 'en' else th}", lv)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.evidence = QLineEdit()
        self.evidence.setObjectName(f"evidence_{info.number}")
        self.evidence.setPlaceholderText(self.tr("หลักฐาน / บันทึกประกอบ"))
        self.evidence.textEdited.connect(lambda _t: self.changed.emit())
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setStyleSheet("color: palette(mid);")
        self.hint = QLabel()
        self.hint.setObjectName(f"suggestion_{info.number}")
        self.hint.setWordWrap(True)
        self.accept = QPushButton(self.tr("ใช้หลักฐานนี้"))
        self.accept.setObjectName(f"accept_{info.number}")
        self.accept.clicked.connect(self.accept_suggestion)
        self.decline = QPushButton(self.tr("ไม่ใช้"))
        self.decline.setObjectName(f"decline_{info.number}")
        self.decline.clicked.connect(self.decline_suggestion)
        grid = QGridLayout(self)
        grid.addWidget(title, 0, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("ระดับ")), 1, 0)
        grid.addWidget(self.level, 1, 1, 1, 3)
        grid.addWidget(self.evidence, 2, 0, 1, 4)
        grid.addWidget(self.links, 3, 0, 1, 4)
        grid.addWidget(self.hint, 4, 0, 1, 2)
        grid.addWidget(self.accept, 4, 2)
        grid.addWidget(self.decline, 4, 3)
        grid.setColumnStretch(1, 1)

    def load(self, draft: svc.ScoreDraft | None, suggestion: suggestions.Suggestion | None):
        self.draft = draft or svc.ScoreDraft(self.info.number)
        self.level.blockSignals(True)
        self.level.setCurrentIndex(self.draft.level)
        self.level.blockSignals(False)
        self.evidence.setText(self.draft.evidence or "")
        self._show_links()
        self.suggestion = suggestion
        if suggestion is None:
            self.hint.setText(self.tr("ไม่มีหลักฐานจากข้อมูลที่แนะนำได้"))
        else:
            self.hint.setText(self.tr("แนะนำระดับ %1: %2").replace("%1", str(suggestion.level))
                              .replace("%2", suggestion.text(current_language())))
        self.accept.setEnabled(suggestion is not None)
        self.decline.setEnabled(suggestion is not None)

    def _show_links(self) -> None:
        self.links.setText(" · ".join(lk.label for lk in self.draft.links))
        self.links.setVisible(bool(self.draft.links))

    def _level_changed(self, _i: int) -> None:
        self.changed.emit()

    def accept_suggestion(self) -> None:
        if self.suggestion is None:
            return
        self.draft = suggestions.apply_suggestion(self.current(), self.suggestion)
        self.load(self.draft, None)
        self.hint.setText(self.tr("ใช้หลักฐานที่แนะนำแล้ว"))
        self.changed.emit()

    def decline_suggestion(self) -> None:
        self.load(self.current(), None)
        self.hint.setText(self.tr("ไม่ใช้หลักฐานที่แนะนำ"))

    def current(self) -> svc.ScoreDraft:
        return svc.ScoreDraft(self.info.number, int(self.level.currentData()),
                              self.evidence.text().strip() or None, list(self.draft.links),
                              self.draft.suggested)


class AssessmentPage(QWidget):
    record_changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._loaded = False
        self.view: svc.AssessmentView | None = None
        self.message = MessageBar()
        self.province = ProvincePicker(store, allow_all=False)
        self.province.currentIndexChanged.connect(lambda _i: self.reload())
        self.year = QComboBox()
        self.year.setObjectName("assessment_year")
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.status = QLabel()
        self.status.setObjectName("assessment_status")
        self.status.setWordWrap(True)
        self.read_only = ReadOnlyNote(reserve=False)  # why this year's assessment cannot be edited here
        self.read_only.setObjectName("assessment_read_only")
        self.read_only.setWordWrap(True)
        self.read_only.setFixedHeight(self.read_only.fontMetrics().lineSpacing() * 2 + 8)
        self.assessors = QLineEdit()
        self.assessors.setObjectName("assessors")
        self.assessors.setPlaceholderText(self.tr("ผู้ประเมิน (คั่นด้วยเครื่องหมายจุลภาค)"))
        self.radar = RadarChart()
        self.radar.setObjectName("assessment_radar")
        self.save = QPushButton(self.tr("บันทึกผลการประเมิน"))
        self.save.setObjectName("save_assessment")
        self.save.clicked.connect(self.save_assessment)
        self.meeting = QComboBox()
        self.meeting.setObjectName("agreement_meeting")
        self.agree = QPushButton(self.tr("บันทึกมติเห็นชอบของคณะกรรมการ"))
        self.agree.setObjectName("agree_assessment")
        self.agree.clicked.connect(self.agree_assessment)
        self.certify = QPushButton(self.tr("รับรองผลการประเมิน (ส่วนกลาง)"))
        self.certify.setObjectName("certify_assessment")
        self.certify.clicked.connect(self.certify_assessment)
        self.certify.setVisible(scope.role(store) == "hq")
        self.print_button = QPushButton(self.tr("พิมพ์รายงานการพัฒนาจังหวัด"))
        self.print_button.setObjectName("print_province_report")
        self.print_button.clicked.connect(self._ask_and_print)
        self.print_status = QLabel()
        self.print_status.setObjectName("print_status")

        self.rows: dict[int, CriterionRow] = {}
        holder = QWidget()
        rows_layout = QVBoxLayout(holder)
        rows_layout.addWidget(self.read_only)  # above the levels it explains (scrolls)
        for info in svc.criteria(store):
            row = CriterionRow(info)
            row.changed.connect(self._update_radar)
            self.rows[info.number] = row
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("การประเมินจังหวัดจัดการตนเอง")))
        top.addStretch(1)
        top.addWidget(self.province)
        top.addWidget(self.year)
        side = QVBoxLayout()
        side.addWidget(self.status)
        side.addWidget(self.radar, 1)
        side.addWidget(self.assessors)
        side.addWidget(self.save)
        side.addWidget(QLabel(self.tr("ประชุมที่เห็นชอบ")))
        side.addWidget(self.meeting)
        side.addWidget(self.agree)
        side.addWidget(self.certify)
        side.addWidget(self.print_button)
        side.addWidget(self.print_status)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    # -- loading --

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.year.blockSignals(True)
        self.year.clear()
        for fy in svc.fiscal_years(self.store, self.province.province()):
            self.year.addItem(self.tr("ปีงบประมาณ %1").replace("%1", str(fy)), fy)
        self.year.blockSignals(False)
        self.reload()

    def fiscal_year(self) -> int | None:
        return self.year.currentData()

    def reload(self) -> None:
        fy = self.fiscal_year()
        if fy is None:
            return
        try:
            province = scope.one_province(self.store, self.province.province())
            self.view = svc.assessment_view(self.store, fy, province)
            found = suggestions.suggestions(self.store, province, fy)
            meetings = svc.agreement_meetings(self.store, province)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return
        for number, row in self.rows.items():
            row.load(self.view.scores.get(number), found.get(number))
        self.assessors.setText(", ".join((self.view.assessors or "").splitlines()))
        self.meeting.clear()
        from .labels import date_text

        for m in meetings:
            self.meeting.addItem(f"{m.title} ({date_text(m.starts_at)})", m.id)
        self._show_status()
        self._update_radar()

    def _show_status(self) -> None:
        v = self.view
        names = dict(L.choices(AssessmentStatus))
        pilot = dict(L.choices(PilotStatus))
        text = self.tr("สถานะ: %1 · %2").replace("%1", names.get(v.status, v.status)).replace(
            "%2", pilot.get(v.pilot_status, v.pilot_status))
        if v.id is None:
            text = self.tr("ยังไม่ได้ประเมินปีนี้") + " · " + pilot.get(v.pilot_status, "")
        self.status.setText(text)
        self.agree.setEnabled(v.id is not None and v.status == "draft")
        self.certify.setEnabled(v.id is not None and v.status == "agreed")
        # the rule that refuses the write (a certified assessment: HQ only) says why here
        refusal = check_assessment_write(scope.role(self.store), "assessment", "update",
                                         {"notes": None}, {"status": v.status})
        reason = None
        if refusal is not None:
            reason = refusal.detail_en if current_language() == "en" else refusal.detail_th
        fields = [self.assessors, self.save, self.meeting]
        for row in self.rows.values():
            fields += [row.level, row.evidence]
        explain_read_only(fields, reason, self.read_only)
        buttons = [self.agree, *(b for r in self.rows.values() for b in (r.accept, r.decline))]
        if reason:
            explain_read_only(buttons, reason)
        else:  # their enabling is their own (a suggestion, the status); only the tip returns
            for b in buttons:
                if b.property("own_tip") is not None:
                    b.setToolTip(b.property("own_tip"))

    def levels(self) -> list[int]:
        return [self.rows[n].current().level for n in sorted(self.rows)]

    def _update_radar(self) -> None:
        fy = self.fiscal_year() or 0
        last = None
        if self.view is not None and self.view.last_year:
            last = [self.view.last_year.get(n, 0) for n in sorted(self.rows)]
        self.radar.set_data(self.levels(), last, (self.tr("ปี %1").replace("%1", str(fy)),
                                                  self.tr("ปี %1").replace("%1", str(fy - 1))))

    # -- actions --

    def draft(self) -> svc.AssessmentDraft:
        return svc.AssessmentDraft(
            self.fiscal_year(), self.view.province if self.view else None,
            "\n".join(x.strip() for x in self.assessors.text().split(",") if x.strip()) or None,
            self.view.assessed_on if self.view else None, self.view.notes if self.view else None,
            {n: row.current() for n, row in self.rows.items()})

    def _run(self, fn, done_text: str) -> bool:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self.message.show_message(error_text(exc), "error")
            return False
        self.message.show_message(done_text, "info")
        self.reload()
        if self.view and self.view.id:
            self.record_changed.emit(self.view.id)
        return True

    def save_assessment(self) -> bool:
        return self._run(lambda: svc.save_assessment(self.store, self.draft()),
                         self.tr("บันทึกผลการประเมินแล้ว"))

    def agree_assessment(self) -> bool:
        view = self.view
        return self._run(lambda: svc.agree_assessment(self.store, view.id,
                                                      self.meeting.currentData()),
                         self.tr("บันทึกมติเห็นชอบแล้ว"))

    def certify_assessment(self) -> bool:
        view = self.view
        return self._run(lambda: svc.certify_assessment(self.store, view.id),
                         self.tr("รับรองผลการประเมินแล้ว"))

    def _ask_and_print(self) -> None:
        name = self.tr("รายงานการพัฒนาจังหวัด %1").replace("%1", str(self.fiscal_year()))
        path, _ = QFileDialog.getSaveFileName(self, name, str(Path.home() / f"{name}.pdf"),
                                              "PDF (*.pdf)")
        if path:
            self.print_report(path)

    def print_report(self, path: str):
        """Write the province report of the shown year off the UI thread."""
        self.print_status.setText(self.tr("กำลังสร้างเอกสาร…"))
        self.print_button.setEnabled(False)

        def done(_result) -> None:
            self.print_button.setEnabled(True)
            self.print_status.setText(self.tr("บันทึกเอกสารแล้ว: %1").replace("%1", path))

        def failed(error) -> None:
            self.print_button.setEnabled(True)
            self.print_status.setText(error_text(error))

        return run_task(plain(print_province_report), self.store, self.fiscal_year(), path,
                        province=self.view.province if self.view else None,
                        title=self.tr("พิมพ์เอกสาร"), on_done=done, on_error=failed)


