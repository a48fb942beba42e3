"""The documents people sign and file: minutes, invitation, agenda, sign-in sheet, budget.

Each ``render_*`` function takes one dataclass from :mod:`.data` and writes an A4 PDF in
the layout Thai officials expect (see :mod:`.layout`); wording follows the Prime
Minister's Office Regulation on Correspondence (แบบที่ 11 for minutes) and GLOSSARY.md.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from codi_core import formatting as fmt

from .data import (
    AgendaItem,
    Attendee,
    BudgetReport,
    Invitation,
    MeetingInfo,
    Minutes,
    Signatory,
    SignInSheet,
)
from .fonts import FONT_BOLD
from .layout import BODY, Document, Output
from .table import Cell, RowStyle, ThaiTable
from .text import Run, shaped
from .thai_words import baht_text

__all__ = [
    "render_agenda",
    "render_budget_report",
    "render_invitation",
    "render_minutes",
    "render_sign_in_sheet",
]

TITLE = BODY.but(bold=True, align="center")
CENTER = BODY.but(align="center")
HEADING = BODY.but(bold=True, space_before=6)
INDENTED = BODY.but(first_line_indent=2.5 * cm, align="justify")
NOTHING = "- ไม่มี -"


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; single newlines inside one become spaces."""
    blocks = [" ".join(b.split("\n")).strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


def _number(meeting: MeetingInfo) -> str:
    if meeting.number and meeting.year_be:
        return fmt.meeting_number(meeting.number, meeting.year_be)
    return ""


def _meeting_heading(doc: Document, title: str, meeting: MeetingInfo) -> None:
    doc.add_para(f"{title}{meeting.body_name}", TITLE)
    if meeting.number and meeting.year_be:
        doc.add_para(f"ครั้งที่ {_number(meeting)}", CENTER)
    doc.add_para(f"เมื่อ{fmt.thai_date_long(meeting.date)}", CENTER)
    doc.add_para(f"ณ {meeting.place}", CENTER)


def _signature(doc: Document, signatory: Signatory, role: str = "") -> KeepTogether:
    """ลงชื่อ ............ role, with (name) and position centred under the line.

    Set as a borderless table: the signature line and what is under it share a column,
    the role sits beside the line, and the block stays on the right of the page.
    """
    line_w, role_w = 6.6 * cm, 6.4 * cm
    name = signatory.name or "." * 40  # no name on record: a line to write it in by hand
    rows = [
        ["", doc.t("ลงชื่อ " + "." * 35), Cell(doc.t(role), align="left")],
        ["", doc.t(f"({name})"), ""],
    ]
    if signatory.position:
        rows.append(["", doc.t(signatory.position), ""])
    table = ThaiTable(
        rows,
        [doc.frame_width - line_w - role_w, line_w, role_w],
        header_rows=0,
        text_style=BODY,
        col_aligns=["center", "center", "left"],
        padding=0,
        line_width=0,
        extra_words=doc.extra_words,
    )
    return KeepTogether([Spacer(1, 0.8 * cm), table])


# --- minutes ------------------------------------------------------------------------


def _attendance_table(doc: Document, people: list[Attendee], *, absent: bool = False) -> ThaiTable:
    """Numbered name / position list, set as a borderless table so columns line up."""
    rows = []
    for i, person in enumerate(people, 1):
        position = person.position
        if person.substitute_for:
            position = f"{position} แทน {person.substitute_for}".strip()
        row = [doc.t(f"{i}."), doc.t(person.name), doc.t(position)]
        if absent:
            row.append(doc.t(person.reason))
        rows.append(row)
    width = doc.frame_width
    cols = [1.4 * cm, 6.6 * cm, width - 8.0 * cm]
    if absent:
        cols = [1.4 * cm, 6.6 * cm, width - 11.0 * cm, 3.0 * cm]
    return ThaiTable(
        rows,
        cols,
        header_rows=0,
        text_style=BODY,
        col_aligns=["right", "left", "left", "left"][: len(cols)],
        padding=3,  # the gap between the number, the name and the position
        line_width=0,
        frame_height=doc.frame_height,
        extra_words=doc.extra_words,
    )


def _vote_line(item: AgendaItem) -> str:
    v = item.vote
    return (
        f"ผลการลงคะแนน เห็นด้วย {v.in_favour} เสียง ไม่เห็นด้วย {v.against} เสียง "
        f"งดออกเสียง {v.abstain} เสียง"
    )


def _minutes_item(doc: Document, item: AgendaItem, *, sub: bool = False) -> None:
    indent = 2.5 * cm
    if sub:
        doc.add_para(
            [Run(f"{item.number} ", bold=True), Run(item.title, bold=True)],
            BODY.but(left_indent=indent * 0.5, space_before=4),
            keep_with_next=True,
        )
    else:
        doc.add(CondPageBreak(3 * BODY.line_height))
        doc.add_para(
            [Run(f"ระเบียบวาระที่ {item.number} ", bold=True), Run(item.title, bold=True)],
            HEADING.but(space_before=10),
            keep_with_next=True,
        )
    paragraphs = _paragraphs(item.text)
    for text in paragraphs:
        doc.add_para(text, INDENTED)
    for child in item.sub_items:
        _minutes_item(doc, child, sub=True)
    if item.resolution or item.vote:
        doc.add_para("มติที่ประชุม", BODY.but(bold=True, first_line_indent=indent), keep_with_next=True)
        for text in _paragraphs(item.resolution):
            doc.add_para(text, INDENTED)
        if item.vote:
            doc.add_para(_vote_line(item), INDENTED)
    elif not paragraphs and not item.sub_items:
        doc.add_para(NOTHING, CENTER)


def render_minutes(data: Minutes, out: Output = None, *, thai_digits: bool = False) -> bytes | None:
    """Write the minutes (รายงานการประชุม, แบบที่ 11) as a PDF.

    Uncertified minutes get a "ร่าง" (draft) watermark and label on every page.
    Returns the PDF bytes when *out* is None.
    """
    m = data.meeting
    doc = Document(
        f"รายงานการประชุม{m.body_name} ครั้งที่ {_number(m)}".removesuffix(" ครั้งที่ "),
        use_thai_digits=thai_digits,
        watermark=None if data.certified else "ร่าง",
        extra_words=data.extra_words,
        subject="รายงานการประชุม",
    )
    _meeting_heading(doc, "รายงานการประชุม", m)
    doc.add(Spacer(1, 6))
    sections = [
        ("ผู้มาประชุม", data.present, False),
        ("ผู้ไม่มาประชุม", data.absent, True),
        ("ผู้เข้าร่วมประชุม", data.attendees, False),
    ]
    for title, people, absent in sections:
        if title == "ผู้มาประชุม" or people:
            doc.add_para(title, HEADING, keep_with_next=True)
            if people:
                doc.add(_attendance_table(doc, people, absent=absent))
            else:
                doc.add_para(NOTHING, CENTER)
    if m.start_time:
        doc.add_para(f"เริ่มประชุมเวลา {fmt.thai_time(m.start_time)}", HEADING.but(space_before=10))
    for item in data.items:
        _minutes_item(doc, item)
    if m.end_time:
        doc.add_para(f"เลิกประชุมเวลา {fmt.thai_time(m.end_time)}", HEADING.but(space_before=10))
    doc.add(_signature(doc, data.recorder, "ผู้จดรายงานการประชุม"))
    doc.add(_signature(doc, data.reviewer, "ผู้ตรวจรายงานการประชุม"))
    return doc.build(out)


# --- agenda and invitation ------------------------------------------------------------


def _agenda_story(doc: Document, meeting: MeetingInfo, items: list[AgendaItem]) -> None:
    _meeting_heading(doc, "ระเบียบวาระการประชุม", meeting)
    if meeting.start_time:
        doc.add_para(f"เวลา {fmt.thai_time(meeting.start_time)}", CENTER)
    doc.add_para("-" * 30, CENTER)

    def details(item: AgendaItem) -> str:
        bits = []
        if item.presenter:
            bits.append(f"ผู้นำเสนอ: {item.presenter}")
        if item.duration_minutes:
            bits.append(f"{item.duration_minutes} นาที")
        return f"({' / '.join(bits)})" if bits else ""

    label_width = 3.6 * cm
    for item in items:
        doc.add_para(
            [Run(f"ระเบียบวาระที่ {item.number}", bold=True), Run(" "), Run(item.title)],
            BODY.but(left_indent=label_width, first_line_indent=-label_width, space_before=8),
            keep_with_next=bool(item.sub_items or details(item)),
        )
        if details(item):
            doc.add_para(details(item), BODY.but(left_indent=label_width))
        for child in item.sub_items:
            doc.add_para(
                f"{child.number} {child.title} {details(child)}".strip(),
                BODY.but(left_indent=label_width + 0.8 * cm, first_line_indent=-0.8 * cm),
            )


def render_agenda(
    meeting: MeetingInfo,
    items: list[AgendaItem],
    out: Output = None,
    *,
    thai_digits: bool = False,
    extra_words: list[str] | tuple[str, ...] = (),
) -> bytes | None:
    """Write the agenda (ระเบียบวาระการประชุม): items, sub-items, presenters, durations."""
    doc = Document(
        f"ระเบียบวาระการประชุม{meeting.body_name}",
        use_thai_digits=thai_digits,
        extra_words=extra_words,
        subject="ระเบียบวาระการประชุม",
    )
    _agenda_story(doc, meeting, items)
    return doc.build(out)


def _labelled(doc: Document, label: str, text: str) -> None:
    """เรื่อง / เรียน / สิ่งที่ส่งมาด้วย: a bold label, its text beside it, and any further
    lines of the text aligned under the text's start, as the letter form sets them."""
    label_w = shaped(label, FONT_BOLD)[1] * BODY.font_size + 0.4 * cm
    doc.add(Spacer(1, 6))
    doc.add(
        ThaiTable(
            [[Cell(doc.t(label), bold=True), doc.t(text)]],
            [label_w, doc.frame_width - label_w],
            header_rows=0,
            text_style=BODY,
            padding=0,
            line_width=0,
            extra_words=doc.extra_words,
        )
    )


def render_invitation(
    data: Invitation, out: Output = None, *, thai_digits: bool = False
) -> bytes | None:
    """Write the invitation letter (หนังสือเชิญประชุม), the agenda following as its
    attachment (สิ่งที่ส่งมาด้วย) on a new page."""
    m = data.meeting
    doc = Document(
        f"หนังสือเชิญประชุม{m.body_name}",
        use_thai_digits=thai_digits,
        extra_words=data.extra_words,
        subject="หนังสือเชิญประชุม",
    )
    half = doc.frame_width / 2
    issuer_lines = [line.strip() for line in data.issuer.split("\n") if line.strip()]
    header_rows = [[Cell(f"ที่ {data.letter_number}"), Cell(issuer_lines[0] if issuer_lines else "")]]
    for line in issuer_lines[1:]:
        header_rows.append(["", line])
    doc.add(
        ThaiTable(
            [
                [doc.t(c.content) if isinstance(c, Cell) else doc.t(c) for c in r]
                for r in header_rows
            ],
            [half, half],
            header_rows=0,
            text_style=BODY,
            col_aligns=["left", "left"],
            padding=0,
            line_width=0,
            extra_words=doc.extra_words,
        )
    )
    doc.add_para(fmt.thai_date(data.letter_date), BODY.but(left_indent=half, space_before=8))
    _labelled(doc, "เรื่อง", f"เชิญประชุม{m.body_name}")
    _labelled(doc, "เรียน", data.to)
    if data.agenda:
        _labelled(doc, "สิ่งที่ส่งมาด้วย", "ระเบียบวาระการประชุม")
    for text in _paragraphs(data.body):
        doc.add_para(text, INDENTED.but(space_before=8))
    doc.add_para(data.closing, INDENTED.but(space_before=8))
    doc.add_para("ขอแสดงความนับถือ", BODY.but(left_indent=half, align="left", space_before=12))
    sig = BODY.but(left_indent=doc.frame_width * 0.40, align="center")
    doc.add(Spacer(1, 1.5 * cm))
    doc.add_para(f"({data.signer.name})", sig)
    if data.signer.position:
        doc.add_para(data.signer.position, sig)
    if data.contact:
        doc.add(Spacer(1, 0.8 * cm))
        for line in data.contact.split("\n"):
            doc.add_para(line, BODY.but(font_size=14, leading=19))
    if data.agenda:
        doc.add(PageBreak())
        _agenda_story(doc, m, data.agenda)
    return doc.build(out)


# --- sign-in sheet --------------------------------------------------------------------

PRIVACY_NOTICE = (
    "ข้อมูลในใบลงทะเบียนนี้เก็บเพื่อบันทึกการเข้าร่วมประชุมครั้งนี้เท่านั้น "
    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 จะไม่นำไปใช้เพื่อวัตถุประสงค์อื่น"
)


def render_sign_in_sheet(
    data: SignInSheet, out: Output = None, *, thai_digits: bool = False
) -> bytes | None:
    """Write the sign-in sheet (ใบลงทะเบียน, landscape): numbered rows with a signature column,
    the header repeated on every page, blank rows for walk-ins. Phone numbers are masked
    (08x-xxx-5678) unless ``data.show_phones``."""
    m = data.meeting
    doc = Document(
        f"ใบลงทะเบียนผู้เข้าร่วมประชุม{m.body_name}",
        use_thai_digits=thai_digits,
        extra_words=data.extra_words,
        subject="ใบลงทะเบียน",
        landscape_pages=True,  # six columns at a readable 14 pt need the width
    )
    doc.add_para("ใบลงทะเบียนผู้เข้าร่วมประชุม", TITLE)
    doc.add_para(f"{m.body_name} ครั้งที่ {_number(m)}".removesuffix(" ครั้งที่ "), CENTER)
    when = fmt.thai_date_long(m.date)
    if m.start_time:
        when += f" เวลา {fmt.thai_time(m.start_time)}"
    doc.add_para(when, CENTER)
    doc.add_para(f"ณ {m.place}", CENTER)
    small = BODY.but(font_size=13, leading=17)
    doc.add_para(PRIVACY_NOTICE, small.but(space_before=4, space_after=6))
    header = ["ลำดับ", "ชื่อ-สกุล", "องค์กร/หน่วยงาน", "ตำแหน่ง", "โทรศัพท์", "ลายมือชื่อ"]
    rows: list[list[str]] = [header]
    for i, r in enumerate(data.rows, 1):
        phone = r.phone if data.show_phones else fmt.mask_phone(r.phone)
        rows.append(
            [
                doc.t(str(i)),
                doc.t(r.name),
                doc.t(r.organization),
                doc.t(r.position),
                doc.t(phone),
                "",
            ]
        )
    for i in range(len(data.rows) + 1, len(data.rows) + 1 + data.blank_rows):
        rows.append([doc.t(str(i)), "", "", "", "", ""])
    widths = [1.5 * cm, 4.8 * cm, 7.4 * cm, 3.9 * cm, 3.2 * cm]  # the rest: ลายมือชื่อ
    widths.append(doc.frame_width - sum(widths))
    doc.add(
        ThaiTable(
            rows,
            widths,
            header_rows=1,
            text_style=BODY.but(font_size=14, leading=19),
            col_aligns=["center", "left", "left", "left", "center", "left"],
            default_row_style=RowStyle(min_height=0.9 * cm),
            frame_height=doc.frame_height,
            extra_words=doc.extra_words,
        )
    )
    return doc.build(out)


# --- budget report --------------------------------------------------------------------


def render_budget_report(
    data: BudgetReport, out: Output = None, *, thai_digits: bool = False
) -> bytes | None:
    """Write the fiscal-year budget report: per program and project, allocated,
    approved, disbursed and remaining, with subtotals, grand totals, and the grand
    totals in Thai words. Landscape, so four amount columns fit at a readable size."""
    doc = Document(
        f"รายงานงบประมาณ ปีงบประมาณ พ.ศ. {data.fiscal_year} {data.organization}",
        use_thai_digits=thai_digits,
        landscape_pages=True,
        extra_words=data.extra_words,
        subject="รายงานงบประมาณ",
    )
    money = lambda satang: doc.t(fmt.format_amount(satang))  # noqa: E731
    doc.add_para(f"รายงานงบประมาณ ปีงบประมาณ พ.ศ. {data.fiscal_year}", TITLE)
    doc.add_para(data.organization, CENTER)
    start, end = fmt.fiscal_year_bounds(data.fiscal_year)
    period = f"({fmt.thai_date(start)} - {fmt.thai_date(end)})"
    if data.as_of:
        period += f" ข้อมูล ณ วันที่ {fmt.thai_date(data.as_of)}"
    doc.add_para(period, CENTER.but(space_after=6))
    header = ["รหัส", "แผนงาน / โครงการ", "จัดสรร", "อนุมัติ", "เบิกจ่าย", "คงเหลือ"]
    rows: list[list] = [header]
    styles: dict[int, RowStyle] = {}
    program_style = RowStyle(bold=True, background=(0.94, 0.94, 0.94), keep_with_next=True)
    subtotal_style = RowStyle(bold=True, keep_with_previous=True)
    total_style = RowStyle(bold=True, background=(0.88, 0.88, 0.88), keep_with_previous=True)
    for n, program in enumerate(data.programs, 1):
        styles[len(rows)] = program_style
        rows.append([doc.t(str(n)), Cell(doc.t(program.name), span=5)])
        for project in program.projects:
            rows.append(
                [
                    doc.t(project.code),
                    doc.t(project.name),
                    "-",
                    money(project.approved),
                    money(project.disbursed),
                    money(project.remaining),
                ]
            )
        styles[len(rows)] = subtotal_style
        rows.append(
            [
                "",
                Cell(doc.t(f"รวม{program.name}"), align="right"),
                money(program.allocated),
                money(program.approved),
                money(program.disbursed),
                money(program.remaining),
            ]
        )
    styles[len(rows)] = total_style
    rows.append(
        [
            "",
            Cell("รวมทั้งสิ้น", align="right"),
            money(data.allocated),
            money(data.approved),
            money(data.disbursed),
            money(data.remaining),
        ]
    )
    amount_w, code_w = 3.6 * cm, 3.0 * cm
    widths = [code_w, doc.frame_width - code_w - 4 * amount_w] + [amount_w] * 4
    doc.add(
        ThaiTable(
            rows,
            widths,
            header_rows=1,
            text_style=BODY.but(font_size=14, leading=19),
            col_aligns=["left", "left", "right", "right", "right", "right"],
            row_styles=styles,
            frame_height=doc.frame_height,
            extra_words=doc.extra_words,
        )
    )
    note = BODY.but(font_size=14, leading=19, space_before=4)
    doc.add_para(
        "หน่วย: บาท  คงเหลือของโครงการ = อนุมัติ - เบิกจ่าย (ยังไม่ได้เบิก); "
        "คงเหลือของแผนงาน = จัดสรร - อนุมัติ (ยังไม่ได้อนุมัติให้โครงการ)",
        note,
    )
    words = BODY.but(left_indent=4 * cm, first_line_indent=-4 * cm)
    doc.add_para("ยอดรวมทั้งสิ้น (ตัวอักษร)", HEADING.but(space_before=10), keep_with_next=True)
    for label, amount in [
        ("จัดสรร", data.allocated),
        ("อนุมัติ", data.approved),
        ("เบิกจ่าย", data.disbursed),
        ("คงเหลือ", data.remaining),
    ]:
        doc.add_para(
            [
                Run(label, bold=True),
                Run(" "),
                Run(f"{fmt.format_amount(amount)} บาท ({baht_text(amount)})"),
            ],
            words,
        )
    return doc.build(out)
