"""What the meeting documents share: their text styles, heading and signature block."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer

from codi_core import formatting as fmt

from .data import MeetingInfo, Signatory
from .layout import BODY, Document
from .table import Cell, ThaiTable

__all__ = [
    "BLANK_TIME",
    "CENTER",
    "HEADING",
    "INDENTED",
    "NOTHING",
    "TITLE",
    "meeting_heading",
    "meeting_number",
    "paragraphs",
    "signature",
]

TITLE = BODY.but(bold=True, align="center")
CENTER = BODY.but(align="center")
HEADING = BODY.but(bold=True, space_before=6)
INDENTED = BODY.but(first_line_indent=2.5 * cm, align="justify")
NOTHING = "- ไม่มี -"
#: A time not known yet (a meeting not held): a line to write it in by hand.
BLANK_TIME = "." * 12 + " น."


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; single newlines inside one become spaces."""
    blocks = [" ".join(b.split("\n")).strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]


def meeting_number(meeting: MeetingInfo) -> str:
    if meeting.number and meeting.year_be:
        return fmt.meeting_number(meeting.number, meeting.year_be)
    return ""


def meeting_heading(doc: Document, title: str, meeting: MeetingInfo) -> None:
    doc.add_para(f"{title}{meeting.body_name}", TITLE)
    if meeting.number and meeting.year_be:
        doc.add_para(f"ครั้งที่ {meeting_number(meeting)}", CENTER)
    doc.add_para(f"เมื่อ{fmt.thai_date_long(meeting.date)}", CENTER)
    doc.add_para(f"ณ {meeting.place}", CENTER)


def signature(doc: Document, signatory: Signatory, role: str = "") -> KeepTogether:
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
