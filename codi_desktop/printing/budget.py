"""รายงานงบประมาณ: a fiscal year's budget, a summary by program, then the project detail.

Part 1 (one or two pages) gives each program's allocation, what was approved for its
projects, what is left to approve, what was paid out and what is still to pay; part 2
lists every project under its program with subtotals. Every column name means one
thing in both parts; there is no "คงเหลือ" that changes meaning from row to row.
Column widths come from the widest value present: amounts and codes are never broken.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak

from codi_core import formatting as fmt

from .common import CENTER, HEADING, TITLE
from .data import BudgetReport
from .layout import BODY, Document, Output
from .table import Cell, RowStyle, ThaiTable, fit_columns
from .text import Run
from .thai_words import baht_text

__all__ = ["COLUMNS", "render_budget_report"]

#: Column names, each with the one thing it means (printed as the report's key).
COLUMNS = {
    "allocated": ("งบจัดสรร", "งบประมาณที่ได้รับจัดสรรสำหรับแผนงาน"),
    "approved": ("อนุมัติแล้ว", "งบประมาณที่อนุมัติให้โครงการแล้ว"),
    "to_approve": ("คงเหลือรออนุมัติ", "งบจัดสรร - อนุมัติแล้ว"),
    "disbursed": ("เบิกจ่ายแล้ว", "เบิกจ่ายสุทธิ (หักเงินคืนแล้ว)"),
    "to_pay": ("ค้างเบิกจ่าย", "อนุมัติแล้ว - เบิกจ่ายแล้ว"),
}
_SUMMARY_TEXT = BODY.but(font_size=13, leading=18)
_HEADER = RowStyle(bold=True, background=(0.9, 0.9, 0.9), valign="middle")
_DETAIL_TEXT = BODY.but(font_size=13, leading=17)
_PROGRAM = RowStyle(bold=True, background=(0.94, 0.94, 0.94), keep_with_next=True)
_SUBTOTAL = RowStyle(bold=True, keep_with_previous=True)
_TOTAL = RowStyle(bold=True, background=(0.88, 0.88, 0.88), keep_with_previous=True)


def _label(key: str) -> str:
    return COLUMNS[key][0]


def _summary(doc: Document, data: BudgetReport) -> ThaiTable:
    money = lambda satang: doc.t(fmt.format_amount(satang))  # noqa: E731
    keys = ["allocated", "approved", "to_approve", "disbursed", "to_pay"]
    rows: list[list] = [["ลำดับ", "แผนงาน", "จำนวนโครงการ", *map(_label, keys)]]
    for n, p in enumerate(data.programs, 1):
        rows.append([
            doc.t(str(n)), doc.t(p.name), doc.t(f"{len(p.projects):,}"), money(p.allocated),
            money(p.approved), money(p.allocated - p.approved), money(p.disbursed),
            money(p.approved - p.disbursed),
        ])
    total_row = len(rows)
    projects = sum(len(p.projects) for p in data.programs)
    rows.append([
        "", Cell("รวมทั้งสิ้น", align="right"), doc.t(f"{projects:,}"), money(data.allocated),
        money(data.approved), money(data.allocated - data.approved), money(data.disbursed),
        money(data.approved - data.disbursed),
    ])
    widths = fit_columns(rows, doc.frame_width, _SUMMARY_TEXT, nowrap=(0, 2, 3, 4, 5, 6, 7),
                         header_rows=1, bold_rows=(0, total_row), extra_words=doc.extra_words)
    return ThaiTable(
        rows, widths, header_rows=1, text_style=_SUMMARY_TEXT,
        col_aligns=["center", "left", "right", "right", "right", "right", "right", "right"],
        row_styles={total_row: _TOTAL}, header_style=_HEADER, frame_height=doc.frame_height,
        extra_words=doc.extra_words,
    )


def _detail(doc: Document, data: BudgetReport) -> ThaiTable:
    money = lambda satang: doc.t(fmt.format_amount(satang))  # noqa: E731
    rows: list[list] = [["รหัสโครงการ", "ชื่อโครงการ", _label("approved"), _label("disbursed"),
                         _label("to_pay")]]
    styles: dict[int, RowStyle] = {}
    for n, program in enumerate(data.programs, 1):
        styles[len(rows)] = _PROGRAM
        rows.append([Cell(doc.t(f"แผนงานที่ {n} {program.name}"), span=5)])
        for project in program.projects:
            rows.append([doc.t(project.code), doc.t(project.name), money(project.approved),
                         money(project.disbursed), money(project.approved - project.disbursed)])
        styles[len(rows)] = _SUBTOTAL
        count = doc.t(f"{len(program.projects):,}")
        rows.append([
            Cell(doc.t(f"รวมแผนงาน{program.name} ({count} โครงการ)"), align="right", span=2),
            money(program.approved), money(program.disbursed),
            money(program.approved - program.disbursed),
        ])
    styles[len(rows)] = _TOTAL
    rows.append([Cell("รวมทั้งสิ้น", align="right", span=2), money(data.approved),
                 money(data.disbursed), money(data.approved - data.disbursed)])
    bold = [r for r, s in styles.items() if s.bold]
    widths = fit_columns(rows, doc.frame_width, _DETAIL_TEXT, nowrap=(0, 2, 3, 4),
                         header_rows=1, bold_rows=[0, *bold], extra_words=doc.extra_words)
    return ThaiTable(
        rows, widths, header_rows=1, text_style=_DETAIL_TEXT,
        col_aligns=["left", "left", "right", "right", "right"], row_styles=styles,
        header_style=_HEADER,
        frame_height=doc.frame_height, extra_words=doc.extra_words,
    )


def render_budget_report(
    data: BudgetReport, out: Output = None, *, thai_digits: bool = False
) -> bytes | None:
    """Write the fiscal-year budget report (landscape): part 1 the summary by program
    with the grand totals in Thai words, part 2 the projects of each program."""
    doc = Document(
        f"รายงานงบประมาณ ปีงบประมาณ พ.ศ. {data.fiscal_year} {data.organization}",
        use_thai_digits=thai_digits,
        landscape_pages=True,
        extra_words=data.extra_words,
        subject="รายงานงบประมาณ",
    )
    doc.add_para(f"รายงานงบประมาณ ปีงบประมาณ พ.ศ. {data.fiscal_year}", TITLE)
    doc.add_para(data.organization, CENTER)
    start, end = fmt.fiscal_year_bounds(data.fiscal_year)
    period = f"({fmt.thai_date(start)} - {fmt.thai_date(end)})"
    if data.as_of:
        period += f" ข้อมูล ณ วันที่ {fmt.thai_date(data.as_of)}"
    doc.add_para(period, CENTER.but(space_after=6))
    doc.add_para("ส่วนที่ 1 สรุปตามแผนงาน", HEADING.but(space_before=0, space_after=4))
    doc.add(_summary(doc, data))
    note = BODY.but(font_size=13, leading=17, space_before=4)
    key = "; ".join(f"{label} = {meaning}" for label, meaning in COLUMNS.values())
    doc.add_para(f"หน่วย: บาท  {key}", note)
    words = BODY.but(font_size=15, leading=20, left_indent=4 * cm, first_line_indent=-4 * cm)
    doc.add_para("ยอดรวมทั้งสิ้น (ตัวอักษร)", HEADING.but(space_before=8), keep_with_next=True)
    for k, amount in [
        ("allocated", data.allocated),
        ("approved", data.approved),
        ("to_approve", data.allocated - data.approved),
        ("disbursed", data.disbursed),
        ("to_pay", data.approved - data.disbursed),
    ]:
        doc.add_para(
            [Run(_label(k), bold=True), Run(" "),
             Run(f"{fmt.format_amount(amount)} บาท ({baht_text(amount)})")],
            words,
        )
    if any(p.projects for p in data.programs):
        doc.add(PageBreak())
        doc.add_para("ส่วนที่ 2 รายละเอียดรายโครงการ", HEADING.but(space_before=0, space_after=4))
        doc.add(_detail(doc, data))
    return doc.build(out)
