"""หนังสือเชิญประชุม and ระเบียบวาระการประชุม: the letter and the agenda it carries.

The letter keeps the external-letter form: ที่ (the document number) at the left and the
office at the right, the date, เรื่อง / เรียน / สิ่งที่ส่งมาด้วย with their text aligned,
the body set flush left (a Thai line has few spaces: justifying it would stretch them),
the signer's name and position under the signature, and the centre's contact line at
the foot. The service refuses to print without a signer.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Spacer

from codi_core import formatting as fmt

from .common import CENTER, INDENTED, meeting_heading, paragraphs
from .data import AgendaItem, Invitation, MeetingInfo
from .fonts import FONT_BOLD
from .layout import BODY, Document, Output
from .table import Cell, ThaiTable
from .text import Run, shaped

__all__ = ["render_agenda", "render_invitation"]

#: The body of a letter: first line indented, flush left, never stretched.
LETTER_BODY = INDENTED.but(align="left", space_before=8)


def _agenda_story(doc: Document, meeting: MeetingInfo, items: list[AgendaItem]) -> None:
    meeting_heading(doc, "ระเบียบวาระการประชุม", meeting)
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
    header_rows = [[Cell(f"ที่ {data.letter_number or '.' * 30}"), Cell(issuer_lines[0] if issuer_lines else "")]]
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
    for text in paragraphs(data.body):
        doc.add_para(text, LETTER_BODY)
    doc.add_para(data.closing, LETTER_BODY)
    doc.add_para("ขอแสดงความนับถือ", BODY.but(left_indent=half, align="left", space_before=12))
    sig = BODY.but(left_indent=doc.frame_width * 0.40, align="center")
    doc.add(Spacer(1, 1.5 * cm))
    # The app refuses to print without a signer; data from elsewhere gets a line to fill.
    doc.add_para(f"({data.signer.name or '.' * 40})", sig)
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
