"""รายงานการพัฒนาจังหวัด: the province development report criterion 3 asks a province
to publish, from one :class:`ProvinceReport` dataclass.

Sections: communities and organizations; projects and budget by program; meetings and
the provincial assembly; the assessment against the 10 criteria with a radar chart
beside last year's; the development plan and what became of each proposal; the
province's development indicators.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from codi_core import formatting as fmt

from .layout import BODY, Document, Output, draw_text
from .table import Cell, RowStyle, ThaiTable

__all__ = ["ProvinceReport", "RadarChart", "render_province_report", "SECTION_TITLES"]

TITLE = BODY.but(bold=True, align="center", font_size=18, leading=26)
CENTER = BODY.but(align="center")
HEADING = BODY.but(bold=True, space_before=10, space_after=2)
SMALL = BODY.but(font_size=14, leading=19)
NOTHING = "- ไม่มี -"

SECTION_TITLES = (
    "1. ชุมชนและองค์กรชุมชน",
    "2. โครงการและงบประมาณตามแผนงาน",
    "3. การประชุมและสมัชชาจังหวัด",
    "4. ผลการประเมินจังหวัดจัดการตนเอง",
    "5. แผนพัฒนาจังหวัดและผลของข้อเสนอ",
    "6. ตัวชี้วัดการพัฒนาจังหวัด",
)

OUTCOME_TH = {"accepted": "บรรจุในแผน/นโยบาย", "pending": "รอพิจารณา", "declined": "ไม่รับ",
              "not_submitted": "ยังไม่ได้ยื่น"}
PILOT_TH = {"pilot": "จังหวัดนำร่อง", "expansion": "จังหวัดขยายผล", "none": "ยังไม่ได้เป็นจังหวัดนำร่อง"}
STATUS_TH = {"draft": "ร่าง", "agreed": "คณะกรรมการจังหวัดเห็นชอบแล้ว", "certified": "รับรองแล้ว"}


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    detail: str = ""


@dataclass(frozen=True)
class ProgramRow:
    name: str
    projects: int
    approved: int  # satang
    disbursed: int


@dataclass(frozen=True)
class CriterionRow:
    number: int
    title: str
    level: int
    last_year: int | None
    evidence: str


@dataclass(frozen=True)
class ProposalLine:
    title: str
    kind: str
    agencies: str
    outcome: str
    reason: str


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    unit: str
    target: int | None
    actual: int | None


@dataclass
class ProvinceReport:
    province_name: str
    fiscal_year: int
    organization: str
    as_of: dt.date
    communities: list[CountRow] = field(default_factory=list)
    organizations: list[CountRow] = field(default_factory=list)
    programs: list[ProgramRow] = field(default_factory=list)
    meetings: list[CountRow] = field(default_factory=list)
    assembly: str | None = None  # one line: title, date, attendance; None: not held
    pilot_status: str = "none"
    assessment_status: str | None = None
    criteria: list[CriterionRow] = field(default_factory=list)
    proposals: list[ProposalLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)
    extra_words: tuple[str, ...] = ()


class RadarChart(Flowable):
    """Levels 0..4 of the 10 criteria on spokes: this year filled, last year dashed."""

    def __init__(self, levels: list[int], last_year: list[int] | None, labels: tuple[str, str],
                 size: float = 9 * cm):
        super().__init__()
        self.levels = levels
        self.last_year = last_year
        self.labels = labels
        self.size = size

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self.width = availWidth
        return availWidth, self.size + 1.2 * cm

    def _point(self, i: int, value: float, r: float, cx: float, cy: float):
        angle = math.pi / 2 - 2 * math.pi * i / len(self.levels)
        return cx + r * value / 4 * math.cos(angle), cy + r * value / 4 * math.sin(angle)

    def _polygon(self, c, values, r, cx, cy, fill: bool) -> None:
        path = c.beginPath()
        for i, v in enumerate(values):
            x, y = self._point(i, v, r, cx, cy)
            path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
        path.close()
        c.drawPath(path, stroke=1, fill=1 if fill else 0)

    def draw(self):
        c = self.canv
        r = self.size / 2 - 0.8 * cm
        cx, cy = self.width / 2, 1.2 * cm + self.size / 2
        c.saveState()
        c.setStrokeColorRGB(0.8, 0.8, 0.8)
        c.setLineWidth(0.5)
        n = len(self.levels)
        for ring in range(1, 5):
            self._polygon(c, [ring] * n, r, cx, cy, fill=False)
        for i in range(n):
            x, y = self._point(i, 4, r, cx, cy)
            c.line(cx, cy, x, y)
            lx, ly = self._point(i, 4.6, r, cx, cy)
            c.setFillColorRGB(0, 0, 0)
            draw_text(c, lx, ly - 5, str(i + 1), size=13, anchor="center")
        if self.last_year is not None:
            c.setStrokeColorRGB(0.45, 0.45, 0.45)
            c.setDash(4, 3)
            c.setLineWidth(1.2)
            self._polygon(c, self.last_year, r, cx, cy, fill=False)
            c.setDash()
        c.setStrokeColorRGB(0.1, 0.35, 0.7)
        c.setFillColorRGB(0.1, 0.35, 0.7, alpha=0.25)
        c.setLineWidth(1.6)
        self._polygon(c, self.levels, r, cx, cy, fill=True)
        # legend
        c.setFillAlpha(1)
        c.setFillColorRGB(0, 0, 0)
        y = 0.3 * cm
        c.setStrokeColorRGB(0.1, 0.35, 0.7)
        c.line(cx - 6 * cm, y + 4, cx - 5.2 * cm, y + 4)
        draw_text(c, cx - 5 * cm, y, self.labels[0], size=13)
        if self.last_year is not None:
            c.setStrokeColorRGB(0.45, 0.45, 0.45)
            c.setDash(4, 3)
            c.line(cx + 0.6 * cm, y + 4, cx + 1.4 * cm, y + 4)
            c.setDash()
            draw_text(c, cx + 1.6 * cm, y, self.labels[1], size=13)
        c.restoreState()


def _table(doc: Document, rows, widths, aligns, **kw) -> ThaiTable:
    return ThaiTable(rows, widths, header_rows=1, text_style=SMALL, col_aligns=aligns,
                     frame_height=doc.frame_height, extra_words=doc.extra_words,
                     header_style=RowStyle(bold=True, background=(0.92, 0.92, 0.92)), **kw)


def _counts(doc: Document, rows: list[CountRow], head: tuple[str, str, str]) -> None:
    if not rows:
        doc.add_para(NOTHING, CENTER)
        return
    w = doc.frame_width
    doc.add(_table(doc, [list(head)] + [[r.label, doc.t(f"{r.count:,}"), doc.t(r.detail)]
                                        for r in rows],
                   [w * 0.45, w * 0.2, w * 0.35], ["left", "right", "left"]))


def render_province_report(data: ProvinceReport, out: Output = None, *,
                           thai_digits: bool = False) -> bytes | None:
    place = fmt.province_phrase(data.province_name)
    doc = Document(f"รายงานการพัฒนา{place} ปีงบประมาณ พ.ศ. {data.fiscal_year}",
                   use_thai_digits=thai_digits, subject="รายงานการพัฒนาจังหวัด",
                   extra_words=(data.province_name, *data.extra_words))
    w = doc.frame_width
    doc.add_para("รายงานการพัฒนาจังหวัด", TITLE)
    doc.add_para(f"{place} ปีงบประมาณ พ.ศ. {data.fiscal_year}", CENTER)
    doc.add_para(data.organization, CENTER)
    doc.add_para(f"ข้อมูล ณ วันที่ {fmt.thai_date(data.as_of)}", CENTER.but(space_after=6))

    doc.add_para(SECTION_TITLES[0], HEADING, keep_with_next=True)
    _counts(doc, data.communities, ("ชุมชน", "จำนวน", "หมายเหตุ"))
    doc.add(Spacer(1, 4))
    _counts(doc, data.organizations, ("องค์กรตามประเภท", "จำนวน", "หมายเหตุ"))

    doc.add_para(SECTION_TITLES[1], HEADING, keep_with_next=True)
    if data.programs:
        rows = [["แผนงาน", "โครงการ", "อนุมัติ (บาท)", "เบิกจ่าย (บาท)"]]
        for p in data.programs:
            rows.append([p.name, doc.t(f"{p.projects:,}"), doc.t(fmt.format_amount(p.approved)),
                         doc.t(fmt.format_amount(p.disbursed))])
        rows.append([Cell("รวม", bold=True), doc.t(f"{sum(p.projects for p in data.programs):,}"),
                     doc.t(fmt.format_amount(sum(p.approved for p in data.programs))),
                     doc.t(fmt.format_amount(sum(p.disbursed for p in data.programs)))])
        doc.add(_table(doc, rows, [w * 0.43, w * 0.13, w * 0.22, w * 0.22],
                       ["left", "right", "right", "right"],
                       row_styles={len(rows) - 1: RowStyle(bold=True, keep_with_previous=True)}))
    else:
        doc.add_para(NOTHING, CENTER)

    doc.add_para(SECTION_TITLES[2], HEADING, keep_with_next=True)
    _counts(doc, data.meetings, ("การประชุมที่จัดขึ้น", "ครั้ง", "หมายเหตุ"))
    doc.add_para(data.assembly or "ปีงบประมาณนี้ยังไม่ได้จัดสมัชชาจังหวัด",
                 BODY.but(space_before=4))

    doc.add(CondPageBreak(12 * cm))
    doc.add_para(SECTION_TITLES[3], HEADING, keep_with_next=True)
    status = STATUS_TH.get(data.assessment_status or "", "ยังไม่ได้ประเมิน")
    doc.add_para(f"สถานะ: {PILOT_TH.get(data.pilot_status, data.pilot_status)} "
                 f"ผลการประเมิน: {status}")
    levels = [c.level for c in data.criteria]
    last = [c.last_year or 0 for c in data.criteria]
    has_last = any(c.last_year is not None for c in data.criteria)
    if data.criteria:
        doc.add(RadarChart(levels, last if has_last else None,
                           (doc.t(f"ปี {data.fiscal_year}"), doc.t(f"ปี {data.fiscal_year - 1}"))))
        rows = [["ข้อ", "เกณฑ์", "ปีก่อน", "ปีนี้"]]
        for c in data.criteria:
            rows.append([doc.t(str(c.number)), c.title,
                         doc.t("-" if c.last_year is None else str(c.last_year)),
                         doc.t(str(c.level))])
        doc.add(_table(doc, rows, [w * 0.09, w * 0.69, w * 0.11, w * 0.11],
                       ["center", "left", "center", "center"]))
        evidence = [c for c in data.criteria if c.evidence]
        if evidence:
            doc.add_para("หลักฐานประกอบการประเมิน", HEADING, keep_with_next=True)
            for c in evidence:
                doc.add_para(f"ข้อ {c.number}: {c.evidence}",
                             SMALL.but(left_indent=1 * cm, first_line_indent=-1 * cm))
    else:
        doc.add_para(NOTHING, CENTER)

    doc.add_para(SECTION_TITLES[4], HEADING, keep_with_next=True)
    if data.proposals:
        rows = [["ข้อเสนอ", "ยื่นต่อหน่วยงาน", "ผล"]]
        for p in data.proposals:
            result = OUTCOME_TH.get(p.outcome, p.outcome)
            if p.reason:
                result += f" ({p.reason})"
            rows.append([f"{p.title} ({p.kind})", doc.t(p.agencies or "-"), result])
        doc.add(_table(doc, rows, [w * 0.42, w * 0.32, w * 0.26], ["left", "left", "left"]))
    else:
        doc.add_para(NOTHING, CENTER)

    doc.add_para(SECTION_TITLES[5], HEADING, keep_with_next=True)
    if data.indicators:
        rows = [["ตัวชี้วัด", "หน่วย", "เป้าหมาย", "ผล"]]
        for i in data.indicators:
            rows.append([i.name, i.unit or "", doc.t("-" if i.target is None else f"{i.target:,}"),
                         doc.t("-" if i.actual is None else f"{i.actual:,}")])
        doc.add(_table(doc, rows, [w * 0.52, w * 0.16, w * 0.16, w * 0.16],
                       ["left", "left", "right", "right"]))
    else:
        doc.add_para(NOTHING, CENTER)
    return doc.build(out)


