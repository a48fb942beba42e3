"""ใบลงทะเบียน: the sign-in sheet people sign at the door.

Landscape A4 with a form's narrower margins, so that each person takes one line and a
page holds at least 15 rows of at least 1 cm, high enough to sign in. The body and the
meeting are named in the heading only; the column header repeats on every page; blank
numbered rows of the same height follow for walk-ins and fill the last page.
"""

from __future__ import annotations

from reportlab.lib.units import cm

from codi_core import formatting as fmt
from codi_desktop.collation import name_key

from .common import CENTER, TITLE, meeting_number
from .data import SignInRow, SignInSheet
from .layout import BODY, Document, Output
from .table import RowStyle, ThaiTable, fit_columns

__all__ = ["PRIVACY_NOTICE", "ROW_HEIGHT", "render_sign_in_sheet"]

PRIVACY_NOTICE = (
    "ข้อมูลในใบลงทะเบียนนี้เก็บเพื่อบันทึกการเข้าร่วมประชุมครั้งนี้เท่านั้น "
    "ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 จะไม่นำไปใช้เพื่อวัตถุประสงค์อื่น"
)
HEADER = ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง / หน่วยงาน", "โทรศัพท์", "ลายมือชื่อ"]
#: A row people sign in: 1.05 cm leaves room for a signature above and below the line.
ROW_HEIGHT = 1.05 * cm
#: (left, right, top, bottom): a form, not a letter; the rows need the height.
MARGINS = (1.5 * cm, 1.5 * cm, 1.5 * cm, 1.2 * cm)
_PADDING = 4.5  # text never touches a rule
_TABLE_TEXT = BODY.but(font_size=13, leading=18)
_SIGNATURE_MIN = 4.2 * cm  # wider when the page allows (the spare width goes here)


def _role(row: SignInRow) -> str:
    """Position and organization in one column (a member's position often names the
    organization already: ประธานสภาองค์กรชุมชนตำบล...)."""
    if row.organization and row.organization not in row.position:
        return f"{row.position} {row.organization}".strip()
    return row.position


def _heading(doc: Document, data: SignInSheet) -> list:
    m = data.meeting
    number = meeting_number(m)
    title = f"ใบลงทะเบียนผู้เข้าร่วมประชุม{m.body_name}" + (f" ครั้งที่ {number}" if number else "")
    when = f"{fmt.thai_date_long(m.date)}"
    if m.start_time:
        when += f" เวลา {fmt.thai_time(m.start_time)}"
    if m.place:
        when += f" ณ {m.place}"
    return [doc.para(title, TITLE), doc.para(when, CENTER.but(font_size=14, leading=19,
                                                               space_after=4))]


def _fill_last_page(table: ThaiTable, first_room: float, room: float, people: int, blank: int,
                    blank_height: float) -> int:
    """How many blank rows to print: at least *blank*, filling the last page, but never a
    page of blank rows alone when the rows asked for fit on the page before."""
    table._ensure_measured()
    header = sum(r.height for r in table._rows[: table.header_rows])
    heights = [r.height for r in table._rows[table.header_rows :]][:people]
    used, avail, pages = 0.0, first_room - header, 1
    for h in heights:
        if used + h > avail + 1e-6 and used > 0:
            pages, used, avail = pages + 1, 0.0, room - header
        used += h
    free_on_page = int((avail - used + 1e-6) // blank_height)
    if free_on_page >= blank:
        return free_on_page
    # The blank rows spill onto a new page: fill that page.
    per_page = int((room - header + 1e-6) // blank_height)
    rest = blank - free_on_page
    return free_on_page + ((rest + per_page - 1) // per_page) * per_page


def render_sign_in_sheet(
    data: SignInSheet, out: Output = None, *, thai_digits: bool = False
) -> bytes | None:
    """Write the sign-in sheet (ใบลงทะเบียน). People are listed in Thai dictionary order
    of their names unless ``data.order == "invitation"``; phone numbers are masked
    (08x-xxx-5678) unless ``data.show_phones``."""
    m = data.meeting
    doc = Document(
        f"ใบลงทะเบียนผู้เข้าร่วมประชุม{m.body_name}",
        use_thai_digits=thai_digits,
        extra_words=data.extra_words,
        subject="ใบลงทะเบียน",
        landscape_pages=True,  # one line per person needs the width
        margins=MARGINS,
        footer=PRIVACY_NOTICE,  # on every page, in the bottom margin
    )
    heading = _heading(doc, data)
    people = data.rows
    if data.order != "invitation":  # an organization invited as such after the people
        people = sorted(people, key=lambda r: (not r.name, name_key(r.name or r.organization)))
    rows: list[list[str]] = [HEADER]
    for i, r in enumerate(people, 1):
        phone = r.phone if data.show_phones else fmt.mask_phone(r.phone)
        rows.append([doc.t(str(i)), doc.t(r.name), doc.t(_role(r)), doc.t(phone), ""])
    longest_number = doc.t(str(len(people) + data.blank_rows + 40))
    widths = fit_columns(
        [*rows, [longest_number, "", "", "", ""]],
        doc.frame_width,
        _TABLE_TEXT,
        nowrap=(0, 3),
        padding=_PADDING,
        bold_rows=(0,),
        extra_words=doc.extra_words,
        min_widths={4: _SIGNATURE_MIN, 1: 4 * cm},
        header_rows=1,
        spare_to=4,  # width left over goes to the signatures, not to wider text columns
    )
    style = RowStyle(min_height=ROW_HEIGHT, valign="middle")

    def table_for(all_rows: list[list[str]]) -> ThaiTable:
        return ThaiTable(
            all_rows,
            widths,
            header_rows=1,
            text_style=_TABLE_TEXT,
            col_aligns=["center", "left", "left", "center", "left"],
            default_row_style=style,
            header_style=RowStyle(bold=True, background=(0.9, 0.9, 0.9), valign="middle"),
            padding=_PADDING,
            frame_height=doc.frame_height,
            extra_words=doc.extra_words,
        )

    first_room = doc.frame_height - sum(
        p.wrap(doc.frame_width, doc.frame_height)[1] + p.getSpaceBefore() + p.getSpaceAfter()
        for p in heading
    )
    blank = _fill_last_page(table_for(rows), first_room, doc.frame_height, len(people),
                            data.blank_rows, ROW_HEIGHT) if data.blank_rows else 0
    for i in range(len(people) + 1, len(people) + 1 + blank):
        rows.append([doc.t(str(i)), "", "", "", ""])
    doc.add(*heading, table_for(rows))
    return doc.build(out)
