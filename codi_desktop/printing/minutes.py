"""รายงานการประชุม laid out as แบบที่ 11 of the Regulation on Correspondence.

The attendance lists follow the heading on page 1 and split across pages as needed.
A meeting of more than :data:`LIST_LIMIT` people (an assembly) gives counts by category
and refers to the attached sign-in sheet instead of listing everyone. A substitute is
written as the form does ("นาย ก มาแทน นาย ข"); each vote is printed once; a meeting
not held yet prints as a draft with blanks for its times.
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Spacer

from codi_core import formatting as fmt

from .common import (
    BLANK_TIME,
    CENTER,
    HEADING,
    INDENTED,
    NOTHING,
    meeting_heading,
    meeting_number,
    paragraphs,
    signature,
)
from .data import AgendaItem, Attendee, Minutes
from .layout import BODY, Document, Output
from .table import ThaiTable, fit_columns
from .text import Run

__all__ = ["LIST_LIMIT", "render_minutes"]

#: Above this many people in the room the minutes count them by category.
LIST_LIMIT = 60
_SUBSTITUTE = "มาแทน"


def _name_cell(person: Attendee) -> str:
    if person.substitute_for:
        return f"{person.name} {_SUBSTITUTE} {person.substitute_for}"
    return person.name


def _position(person: Attendee) -> str:
    # A substitute's position is the member's; "มาแทน" is said once, in the name cell.
    return person.position.removeprefix(_SUBSTITUTE).strip() if person.substitute_for else (
        person.position
    )


def _attendance_table(doc: Document, people: list[Attendee], *, absent: bool = False) -> ThaiTable:
    """Numbered name / position list, set as a borderless table so columns line up."""
    rows = []
    for i, person in enumerate(people, 1):
        row = [doc.t(f"{i}."), doc.t(_name_cell(person)), doc.t(_position(person))]
        if absent:
            row.append(doc.t(person.reason))
        rows.append(row)
    widths = fit_columns(
        rows, doc.frame_width, BODY, nowrap=(0,), padding=3, extra_words=doc.extra_words
    )
    return ThaiTable(
        rows,
        widths,
        header_rows=0,
        text_style=BODY,
        col_aligns=["right", "left", "left", "left"][: len(widths)],
        padding=3,  # the gap between the number, the name and the position
        line_width=0,
        frame_height=doc.frame_height,
        extra_words=doc.extra_words,
    )


def _counts_table(doc: Document, counts: list[tuple[str, int]]) -> ThaiTable:
    rows = [[doc.t(label), doc.t(f"{n:,} คน")] for label, n in counts]
    widths = fit_columns(rows, doc.frame_width - 2.5 * cm, BODY, nowrap=(1,), padding=3)
    widths = [2.5 * cm, *widths]
    return ThaiTable(
        [["", *r] for r in rows],
        widths,
        header_rows=0,
        text_style=BODY,
        col_aligns=["left", "left", "right"],
        padding=3,
        line_width=0,
        frame_height=doc.frame_height,
        extra_words=doc.extra_words,
    )


#: Kinds of organization, known by how their names begin, for counting attendees.
_ORG_KINDS = (
    ("สภาองค์กรชุมชน", "ผู้แทนสภาองค์กรชุมชน"),
    ("ชุมชน", "ผู้แทนชุมชน"),
    ("องค์การบริหารส่วน", "ผู้แทนองค์กรปกครองส่วนท้องถิ่น"),
    ("เทศบาล", "ผู้แทนองค์กรปกครองส่วนท้องถิ่น"),
    ("กองทุน", "ผู้แทนกองทุนสวัสดิการชุมชน"),
    ("กลุ่ม", "ผู้แทนกลุ่มองค์กรชุมชน"),
    ("สหกรณ์", "ผู้แทนสหกรณ์"),
    ("เครือข่าย", "ผู้แทนเครือข่าย"),
    ("มหาวิทยาลัย", "ผู้แทนสถาบันการศึกษา"),
    ("วิทยาลัย", "ผู้แทนสถาบันการศึกษา"),
    ("สำนักงาน", "ผู้แทนหน่วยงานภาครัฐ"),
    ("สถาบันพัฒนาองค์กรชุมชน", "เจ้าหน้าที่ พอช."),
)


def _category(text: str) -> str:
    for prefix, label in _ORG_KINDS:
        if text.startswith(prefix):
            return label
    return text or "ไม่ระบุ"


def _by_category(people: list[Attendee]) -> list[tuple[str, int]]:
    """People counted by position, or for attendees by the kind of their organization,
    the largest groups first; groups beyond the eighth are counted together."""
    counter = Counter(_category(_position(p)) for p in people)
    groups = counter.most_common()
    if len(groups) > 9:
        rest = sum(n for _, n in groups[8:])
        groups = [*groups[:8], ("อื่น ๆ", rest)]
    return groups


def _attendance(doc: Document, data: Minutes) -> None:
    sections = [
        ("ผู้มาประชุม", data.present, False),
        ("ผู้ไม่มาประชุม", data.absent, True),
        ("ผู้เข้าร่วมประชุม", data.attendees, False),
    ]
    in_room = len(data.present) + len(data.attendees)
    for title, people, absent in sections:
        if title != "ผู้มาประชุม" and not people:
            continue
        # A heading never ends a page alone, but the list is not moved whole to the
        # next page either: it starts here and splits wherever the page ends.
        doc.add(CondPageBreak(3 * BODY.line_height))
        if not people:
            doc.add_para(title, HEADING)
            doc.add_para(NOTHING, CENTER)
        elif in_room > LIST_LIMIT:
            doc.add_para(f"{title} จำนวน {len(people):,} คน", HEADING)
            doc.add(_counts_table(doc, _by_category(people)))
        else:
            doc.add_para(title, HEADING)
            doc.add(_attendance_table(doc, people, absent=absent))
    if in_room > LIST_LIMIT:
        doc.add_para(
            "รายชื่อผู้มาประชุมและผู้เข้าร่วมประชุมตามใบลงทะเบียนที่แนบท้ายรายงานการประชุมนี้",
            INDENTED.but(space_before=4, align="left"),
        )


def _vote_line(item: AgendaItem) -> str:
    v = item.vote
    return (
        f"ผลการลงคะแนน เห็นด้วย {v.in_favour} เสียง ไม่เห็นด้วย {v.against} เสียง "
        f"งดออกเสียง {v.abstain} เสียง"
    )


def _vote_in_resolution(item: AgendaItem) -> bool:
    """The resolution already gives the count (as clerks often write it): say it once."""
    v, text = item.vote, item.resolution
    digits = fmt.thai_digits
    return "เสียง" in text and all(
        str(n) in text or digits(str(n)) in text for n in (v.in_favour, v.against, v.abstain)
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
    texts = paragraphs(item.text)
    for text in texts:
        doc.add_para(text, INDENTED)
    for child in item.sub_items:
        _minutes_item(doc, child, sub=True)
    if item.resolution or item.vote:
        doc.add_para("มติที่ประชุม", BODY.but(bold=True, first_line_indent=indent), keep_with_next=True)
        for text in paragraphs(item.resolution):
            doc.add_para(text, INDENTED)
        if item.vote and not _vote_in_resolution(item):
            doc.add_para(_vote_line(item), INDENTED)
    elif not texts and not item.sub_items:
        doc.add_para(NOTHING, CENTER)


def _time_line(label: str, value) -> str:
    return f"{label} {fmt.thai_time(value) if value else BLANK_TIME}"


def render_minutes(data: Minutes, out: Output = None, *, thai_digits: bool = False) -> bytes | None:
    """Write the minutes (รายงานการประชุม, แบบที่ 11) as a PDF.

    Uncertified minutes get a "ร่าง" (draft) watermark and label on every page. Times
    not recorded (a meeting not held yet) are left as dotted lines to fill in.
    Returns the PDF bytes when *out* is None.
    """
    m = data.meeting
    doc = Document(
        f"รายงานการประชุม{m.body_name} ครั้งที่ {meeting_number(m)}".removesuffix(" ครั้งที่ "),
        use_thai_digits=thai_digits,
        watermark=None if data.certified else "ร่าง",
        extra_words=data.extra_words,
        subject="รายงานการประชุม",
    )
    meeting_heading(doc, "รายงานการประชุม", m)
    doc.add(Spacer(1, 6))
    _attendance(doc, data)
    doc.add_para(_time_line("เริ่มประชุมเวลา", m.start_time), HEADING.but(space_before=10))
    for item in data.items:
        _minutes_item(doc, item)
    doc.add_para(_time_line("เลิกประชุมเวลา", m.end_time), HEADING.but(space_before=10))
    doc.add(signature(doc, data.recorder, "ผู้จดรายงานการประชุม"))
    doc.add(signature(doc, data.reviewer, "ผู้ตรวจรายงานการประชุม"))
    return doc.build(out)
