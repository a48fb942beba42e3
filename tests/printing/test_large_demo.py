"""The documents of the large demo province, read back from the PDF with positions.

Every check works on what poppler finds on the page (``pdftotext -bbox``), not on the
lines our layout engine made, and the line-break oracle uses no segmenter: a name of the
dictionary that the document's data contains must be found whole inside one line.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sqlalchemy as sa

from codi_core import formatting as fmt
from codi_core.models import (
    Attendance,
    AttendanceStatus,
    LedgerEntry,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Project,
)
from codi_desktop import printing
from codi_desktop.printing import linebreak
from codi_desktop.printing.words import dictionary_words
from codi_desktop.services import documents
from codi_desktop.services.centre import CentreSettings, save_centre

from .conftest import NOT_PRINTED, broken_names, pdf_lines, pdf_words, pypdf_pages, squash

pytestmark = pytest.mark.slow

_HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_CERTIFIED,
         MeetingStatus.LOCKED)


def _in_room(s, *conditions):
    """Meetings with the number of people present (members and substitutes)."""
    present = (
        sa.select(Attendance.meeting_id, sa.func.count().label("n"))
        .where(Attendance.deleted_at.is_(None),
               Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE]))
        .group_by(Attendance.meeting_id)
        .subquery()
    )
    return s.execute(
        sa.select(Meeting.id, present.c.n)
        .join(present, present.c.meeting_id == Meeting.id)
        .where(Meeting.deleted_at.is_(None), *conditions)
        .order_by(Meeting.starts_at)
    ).all()


@pytest.fixture(scope="module")
def committee_meeting(large_demo):
    """A held provincial committee meeting of about 25 people."""
    with large_demo.read() as s:
        rows = _in_room(s, Meeting.kind == MeetingKind.PROVINCIAL_COMMITTEE,
                        Meeting.status.in_(_HELD))
    rows = [r for r in rows if 20 <= r.n <= 30]
    assert rows, "the large demo has committee meetings of 20-30 people"
    return min(rows, key=lambda r: abs(r.n - 25)).id


@pytest.fixture(scope="module")
def budget(large_demo):
    with large_demo.read() as s:
        year = s.scalar(
            sa.select(Project.fiscal_year).where(Project.deleted_at.is_(None))
            .group_by(Project.fiscal_year).order_by(sa.func.count().desc()).limit(1)
        )
        assert s.scalar(sa.select(sa.func.count()).select_from(LedgerEntry)
                        .where(LedgerEntry.fiscal_year == year))
        data = documents.budget_report_data(
            s, year, organization=documents.centre_name(s, large_demo.province_code),
            province_code=large_demo.province_code)
    return data, printing.render_budget_report(data)


def _names(data) -> set[str]:
    return set(dictionary_words()) | set(linebreak.app_words()) | set(data.extra_words)


_AMOUNT = re.compile(r"^-?[\d,]+\.\d\d$")


def test_budget_report_never_splits_an_amount_or_a_code(budget):
    data, pdf = budget
    words = pdf_words(pdf)
    texts = [w.text for w in words]
    expected_amounts = {fmt.format_amount(v) for v in (
        data.allocated, data.approved, data.disbursed, data.allocated - data.approved,
        data.approved - data.disbursed)}
    for program in data.programs:
        expected_amounts |= {fmt.format_amount(v) for v in (
            program.allocated, program.approved, program.disbursed,
            program.allocated - program.approved, program.approved - program.disbursed)}
        for p in program.projects:
            expected_amounts |= {fmt.format_amount(v) for v in (
                p.approved, p.disbursed, p.approved - p.disbursed)}
    # Every amount on the pages is a whole amount of the data: a broken one would leave
    # "493,510,000.0" and "0" as two words on two lines.
    numeric = [t for t in texts if re.fullmatch(r"[-\d,.]+", t) and ("," in t or "." in t)]
    assert numeric and all(_AMOUNT.match(t) and t in expected_amounts for t in numeric), [
        t for t in numeric if t not in expected_amounts][:5]
    assert expected_amounts <= set(texts)
    # Every project code is one word of the page, on one line.
    codes = {p.code for program in data.programs for p in program.projects}
    assert len(codes) > 100
    assert codes <= set(texts), sorted(codes - set(texts))[:5]
    # The dates of the heading each stay on one line.
    start, end = fmt.fiscal_year_bounds(data.fiscal_year)
    first_page = [squash(t) for page, t in pdf_lines(pdf) if page == 1]
    for date in (fmt.thai_date(start), fmt.thai_date(end)):
        assert any(squash(date) in line for line in first_page), date


def test_budget_report_summary_comes_first_on_one_or_two_pages(budget):
    data, pdf = budget
    pages = [squash(p) for p in pypdf_pages(pdf)]
    detail_starts = next(n for n, p in enumerate(pages, 1) if squash("ส่วนที่ 2") in p)
    assert detail_starts <= 3  # the summary and the totals in words take one or two pages
    assert squash("ส่วนที่ 1 สรุปตามแผนงาน") in pages[0]
    summary = "".join(pages[: detail_starts - 1]) + pages[detail_starts - 1].split(
        squash("ส่วนที่ 2"))[0]
    for program in data.programs:
        assert squash(program.name) in summary
    assert not broken_names(pdf, data, _names(data))


def test_minutes_of_a_committee_list_attendees_from_page_one(large_demo, committee_meeting):
    with large_demo.read() as s:
        data = documents.minutes_data(s, committee_meeting)
    assert 20 <= len(data.present) <= 30
    pdf = printing.render_minutes(data)
    first = squash(pypdf_pages(pdf)[0])
    assert squash("ผู้มาประชุม") in first
    assert squash(f"1.{data.present[0].name}") in first
    assert squash(f"2.{data.present[1].name}") in first
    assert not broken_names(pdf, data, _names(data), skip=NOT_PRINTED["minutes"])


def test_the_assemblys_minutes_count_people_and_refer_to_the_sign_in_sheet(large_demo):
    with large_demo.read() as s:
        rows = _in_room(s, Meeting.kind == MeetingKind.PROVINCIAL_ASSEMBLY,
                        Meeting.status.in_(_HELD))
        assert rows and max(r.n for r in rows) > 60
        meeting_id = max(rows, key=lambda r: r.n).id
        data = documents.minutes_data(s, meeting_id)
    text = squash("".join(pypdf_pages(printing.render_minutes(data))))
    assert squash(f"ผู้มาประชุม จำนวน {len(data.present):,} คน") in text
    assert squash("ตามใบลงทะเบียนที่แนบท้าย") in text
    listed = [p for p in data.present if squash(f"{p.name}") in text]
    assert len(listed) < 5  # by count, not one by one (a name may be quoted in an item)


def test_a_meeting_not_held_prints_as_a_draft_with_blank_times(large_demo):
    with large_demo.read() as s:
        meeting_id = s.scalar(
            sa.select(Meeting.id).where(
                Meeting.deleted_at.is_(None),
                Meeting.status.in_([MeetingStatus.PLANNED, MeetingStatus.INVITED]),
            ).limit(1))
        assert meeting_id
        data = documents.minutes_data(s, meeting_id)
    pages = [squash(p) for p in pypdf_pages(printing.render_minutes(data))]
    assert all(p.startswith("ร่างร่าง") for p in pages)
    text = "".join(pages)
    assert squash("เริ่มประชุมเวลา ............ น.") in text
    assert squash("เลิกประชุมเวลา ............ น.") in text
    assert not re.search(r"ประชุมเวลา\d", text)


def test_votes_are_printed_once(large_demo):
    with large_demo.read() as s:
        ids = [r.id for r in _in_room(s, Meeting.status.in_(_HELD))]
        for meeting_id in ids:
            data = documents.minutes_data(s, meeting_id)
            items = [i for top in data.items for i in (top, *top.sub_items)]
            if any(i.vote for i in items):
                break
        else:
            pytest.fail("no meeting with a vote")
    text = squash("".join(pypdf_pages(printing.render_minutes(data))))
    for item in items:
        if item.vote:
            assert text.count(squash(f"งดออกเสียง {item.vote.abstain} เสียง")) >= 1
    assert text.count(squash("งดออกเสียง")) == sum(1 for i in items if i.vote)


def test_sign_in_sheet_of_31_people_fits_three_pages_in_dictionary_order(
    large_demo, committee_meeting
):
    with large_demo.read() as s:
        sheet = documents.sign_in_data(s, committee_meeting)
    more = sheet.rows * (31 // max(len(sheet.rows), 1) + 1)
    sheet = replace(sheet, rows=more[:31])
    pdf = printing.render_sign_in_sheet(sheet)
    assert len(pypdf_pages(pdf)) <= 3
    words = pdf_words(pdf)
    # Row numbers: at least 15 per page, at least 1 cm apart (room to sign).
    numbers = [w for w in words if w.text.isdigit() and w.x0 < 80]
    per_page = {}
    for w in numbers:
        per_page.setdefault(w.page, []).append(w)
    for rows in per_page.values():
        assert len(rows) >= 15
        gaps = [b.y0 - a.y0 for a, b in zip(rows, rows[1:], strict=False)]
        assert min(gaps) >= 28.3  # 1 cm in points
    assert [int(w.text) for w in numbers] == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 31 + sheet.blank_rows
    # The body is named in the heading only.
    texts = [w.text for w in words]
    assert sum(squash(sheet.meeting.body_name) in squash(t) for t in texts) == 1
    assert not broken_names(pdf, sheet, _names(sheet))


def test_invitation_and_agenda_break_no_name(large_demo, committee_meeting):
    save_centre(large_demo, CentreSettings(letter_prefix="พอช. อบ", phone="0 4524 5678"))
    with large_demo.read() as s:
        letter = documents.invitation_data(
            s, committee_meeting, letter_number="พอช. อบ 15/2569",
            issuer=documents.centre_name(s, large_demo.province_code),
            contact="ศูนย์ประสานงาน โทร. 0 4524 5678")
        info, items = documents.agenda_data(s, committee_meeting)
    pdf = printing.render_invitation(letter)
    assert not broken_names(pdf, letter, _names(letter), skip=NOT_PRINTED["agenda"])
    agenda = printing.render_agenda(info, items)
    assert not broken_names(agenda, [info, items], _names(letter), skip=NOT_PRINTED["agenda"])
