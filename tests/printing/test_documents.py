"""The printed documents, rendered from data and read back from the PDF."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from codi_core import formatting as fmt
from codi_desktop import printing
from codi_desktop.printing import samples
from codi_desktop.printing.data import AgendaItem
from codi_desktop.printing.thai_words import baht_text

from .conftest import assert_text_survives, bad_code_points, poppler_pages, pypdf_pages, squash


def _text(pdf: bytes) -> str:
    """The document's text without page furniture (draft label, "- n -"), so that a
    paragraph running over a page break reads as one."""
    out = []
    for n, page in enumerate(pypdf_pages(pdf), 1):
        page = squash(page)
        page = page.removeprefix("ร่างร่าง")  # watermark and label, drawn first
        out.append(page.removeprefix(f"-{n}-") if n > 1 else page)
    return "".join(out)


def _has(pdf_text: str, *phrases: str) -> None:
    for phrase in phrases:
        assert squash(phrase) in pdf_text, phrase


def _metadata(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).metadata


def _font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
    return names


RENDERERS = {
    "minutes": lambda: printing.render_minutes(samples.sample_minutes()),
    "minutes-thai-digits": lambda: printing.render_minutes(
        samples.sample_minutes(), thai_digits=True
    ),
    "invitation": lambda: printing.render_invitation(samples.sample_invitation()),
    "agenda": lambda: printing.render_agenda(
        samples.sample_meeting(), samples.sample_invitation().agenda
    ),
    "sign-in": lambda: printing.render_sign_in_sheet(samples.sample_sign_in_sheet(60)),
    "budget": lambda: printing.render_budget_report(samples.sample_budget_report()),
}


@pytest.mark.parametrize("name", list(RENDERERS))
def test_text_survives_and_sarabun_is_embedded(name, recorder):
    pdf = RENDERERS[name]()
    assert pdf.startswith(b"%PDF")
    assert_text_survives(pdf, recorder)
    assert _font_names(pdf) <= {"Sarabun-Regular", "Sarabun-Bold"}
    meta = _metadata(pdf)
    assert meta.author == "CODI Desktop"
    assert meta.title and any("\u0e00" <= c <= "\u0e7f" for c in meta.title)
    assert meta.creator == "CODI Desktop"


def test_minutes_follow_the_official_form():
    data = samples.sample_minutes()
    pdf = printing.render_minutes(data)
    text = _text(pdf)
    m = data.meeting
    _has(
        text,
        f"รายงานการประชุม{m.body_name}",
        "ครั้งที่ 3/2569",
        "เมื่อวันพุธที่ 25 พฤศจิกายน 2569",
        f"ณ {m.place}",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา 09.30 น.",
        "เลิกประชุมเวลา 16.00 น.",
        "ผู้จดรายงานการประชุม",
        "ผู้ตรวจรายงานการประชุม",
        f"({data.recorder.name}){data.recorder.position}",
        f"({data.reviewer.name}){data.reviewer.position}",
        "มาแทน นายธีระ มั่นคงกรรมการ",  # a substitute, as the form writes it
        "นายเกษม ทองคำกรรมการติดภารกิจ",  # absent, with the reason
        "เห็นด้วย 14 เสียง ไม่เห็นด้วย 2 เสียง งดออกเสียง 1 เสียง",
    )
    # Every member is listed with a number, in order.
    for i, person in enumerate(data.present, 1):
        _has(text, f"{i}.{person.name}")
    # Items in order, each title, each resolution.
    positions = [text.index(squash(f"ระเบียบวาระที่ {it.number}{it.title}")) for it in data.items]
    assert positions == sorted(positions)
    for item in data.items:
        if item.resolution:
            _has(text, f"มติที่ประชุม{item.resolution}")
    # An agenda item with nothing recorded says so instead of vanishing.
    empty = next(it for it in data.items if not it.text and not it.resolution)
    after = text[text.index(squash(f"ระเบียบวาระที่ {empty.number}{empty.title}")) :]
    assert after.startswith(squash(f"ระเบียบวาระที่ {empty.number}{empty.title}- ไม่มี -"))
    # Official wording: เริ่ม/เลิกประชุม, never เปิด/ปิดประชุม.
    assert "เปิดประชุม" not in text and "ปิดประชุม" not in text


def test_draft_minutes_are_marked_and_certified_ones_are_not():
    draft = printing.render_minutes(samples.sample_minutes(certified=False))
    final = printing.render_minutes(samples.sample_minutes(certified=True))
    draft_pages = pypdf_pages(draft)
    assert all(squash(p).startswith("ร่างร่าง") for p in draft_pages)
    assert not any(squash(p).startswith("ร่าง") for p in pypdf_pages(final))


def test_page_numbers_at_the_top_from_page_two():
    pdf = printing.render_minutes(samples.sample_minutes(items=18, certified=True))
    pages = pypdf_pages(pdf)
    assert len(pages) >= 3
    assert not squash(pages[0]).startswith("-1-")
    for n, page in enumerate(pages[1:], 2):
        assert squash(page).startswith(f"-{n}-"), n


def test_thai_digits_option():
    pdf = printing.render_minutes(samples.sample_minutes(certified=True), thai_digits=True)
    text = _text(pdf)
    _has(text, "ครั้งที่ ๓/๒๕๖๙", "เมื่อวันพุธที่ ๒๕ พฤศจิกายน ๒๕๖๙", "เริ่มประชุมเวลา ๐๙.๓๐ น.")
    assert not any(c.isascii() and c.isdigit() for c in text)
    assert squash(pypdf_pages(pdf)[1]).startswith("-๒-")  # page numbers too


def test_long_minutes_split_across_pages_with_a_2000_character_item(recorder):
    data = samples.sample_minutes()
    long_text = ("ที่ประชุมได้อภิปรายเรื่องน้ำท่วมฝั่งตะวันออกของลำห้วยซ้อโดยผู้ใหญ่บ้านทุกหมู่" * 30)[:2000]
    data.items.append(AgendaItem("7", "เรื่องที่ยาวมาก", text=long_text, resolution="รับทราบ"))
    data.items.append(AgendaItem("8", "เรื่องที่ไม่มีเนื้อหา"))
    pdf = printing.render_minutes(data)
    assert_text_survives(pdf, recorder)
    _has(_text(pdf), long_text, "ระเบียบวาระที่ 8เรื่องที่ไม่มีเนื้อหา- ไม่มี -")


def test_invitation_and_its_agenda():
    data = samples.sample_invitation()
    pdf = printing.render_invitation(data)
    pages = pypdf_pages(pdf)
    assert len(pages) >= 2
    text = _text(pdf)
    _has(
        text,
        f"ที่ {data.letter_number}",
        fmt.thai_date(data.letter_date),
        f"เรื่อง เชิญประชุม{data.meeting.body_name}",
        f"เรียน {data.to}",
        "สิ่งที่ส่งมาด้วย ระเบียบวาระการประชุม",
        "ขอแสดงความนับถือ",
        f"({data.signer.name})",
    )
    agenda_page = squash(pages[-1])
    for item in data.agenda:
        assert squash(f"ระเบียบวาระที่ {item.number}") in agenda_page
        assert squash(item.title) in agenda_page
    assert squash("ผู้นำเสนอ: เลขานุการ / 30 นาที") in agenda_page
    assert squash("3.1 การติดตามโครงการบ้านมั่นคงริมฝั่งน้ำ") in agenda_page


def test_sign_in_sheet_rows_header_and_privacy(recorder):
    data = replace(samples.sample_sign_in_sheet(45, blank_rows=7), order="invitation")
    pdf = printing.render_sign_in_sheet(data)
    pages = pypdf_pages(pdf)
    assert len(pages) >= 3
    for page in pages:  # the header repeats on every page
        assert squash("ลำดับชื่อ-สกุลตำแหน่ง / หน่วยงานโทรศัพท์ลายมือชื่อ") in squash(page)
    text = _text(pdf)
    _has(
        text,
        "ใบลงทะเบียนผู้เข้าร่วมประชุม",
        "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล",
        "เพื่อบันทึกการเข้าร่วมประชุมครั้งนี้เท่านั้น",
    )
    for i, row in enumerate(data.rows, 1):
        _has(text, f"{i}{row.name}")
        digits = "".join(c for c in row.phone if c.isdigit())
        assert digits not in text  # the full number is never printed
        _has(text, fmt.mask_phone(row.phone))
    # Blank rows for walk-ins are numbered on after the registered people: at least the
    # 7 asked for, more to fill the last page.
    numbers = [int(p.text) for p in recorder.paragraphs if p.text.isdigit()]
    total = numbers[-1]
    assert total >= len(data.rows) + data.blank_rows
    assert squash(pages[-1]).endswith(str(total))
    assert numbers == list(range(1, total + 1))  # every row numbered, in order
    assert_text_survives(pdf, recorder)


def test_sign_in_sheet_can_show_phones():
    data = replace(samples.sample_sign_in_sheet(5), show_phones=True)
    text = _text(printing.render_sign_in_sheet(data))
    for row in data.rows:
        assert squash(row.phone) in text


def test_sign_in_sheet_with_500_rows():
    # How long it takes is measured by benchmarks/bench_printing.py, not asserted here.
    data = replace(samples.sample_sign_in_sheet(500), order="invitation")
    text = _text(printing.render_sign_in_sheet(data))
    assert squash(f"500{data.rows[-1].name}") in text
    assert squash(f"{500 + data.blank_rows}") in text


def test_budget_report_summary_then_detail_with_one_meaning_per_column():
    data = samples.sample_budget_report()
    pdf = printing.render_budget_report(data)
    pages = [squash(p) for p in pypdf_pages(pdf)]
    text = _text(pdf)
    # Totals computed here from the projects, not from the report's own properties.
    approved = sum(p.approved for prog in data.programs for p in prog.projects)
    disbursed = sum(p.disbursed for prog in data.programs for p in prog.projects)
    allocated = sum(prog.allocated for prog in data.programs)
    count = sum(len(prog.projects) for prog in data.programs)
    _has(text, "รายงานงบประมาณ ปีงบประมาณ พ.ศ. 2570", "1 ตุลาคม 2569 - 30 กันยายน 2570")
    # Part 1, on page 1: one row per program, then the grand total.
    assert squash("ส่วนที่ 1 สรุปตามแผนงาน") in pages[0]
    assert squash("ลำดับแผนงานจำนวนโครงการงบจัดสรรอนุมัติแล้วคงเหลือรออนุมัติเบิกจ่ายแล้วค้างเบิกจ่าย") in (
        pages[0]
    )
    for n, prog in enumerate(data.programs, 1):
        p_approved = sum(p.approved for p in prog.projects)
        p_disbursed = sum(p.disbursed for p in prog.projects)
        values = (prog.allocated, p_approved, prog.allocated - p_approved, p_disbursed,
                  p_approved - p_disbursed)
        assert squash(f"{n}{prog.name}{len(prog.projects)}"
                      + "".join(map(fmt.format_amount, values))) in pages[0], prog.name
    totals = (allocated, approved, allocated - approved, disbursed, approved - disbursed)
    assert squash(f"รวมทั้งสิ้น{count}" + "".join(map(fmt.format_amount, totals))) in pages[0]
    for label, value in zip(
        ("งบจัดสรร", "อนุมัติแล้ว", "คงเหลือรออนุมัติ", "เบิกจ่ายแล้ว", "ค้างเบิกจ่าย"), totals,
        strict=True,
    ):
        _has(text, f"{label} {fmt.format_amount(value)} บาท ({baht_text(value)})")
    # Part 2: every project under its program; ค้างเบิกจ่าย = approved - disbursed there too.
    detail = "".join(pages[1:])
    assert squash("ส่วนที่ 2 รายละเอียดรายโครงการ") in detail
    assert "คงเหลือ" + squash(" ") not in detail.replace("คงเหลือรออนุมัติ", "")
    for prog in data.programs:
        for project in prog.projects:
            assert squash(
                f"{project.code}{project.name}{fmt.format_amount(project.approved)}"
                f"{fmt.format_amount(project.disbursed)}"
                f"{fmt.format_amount(project.approved - project.disbursed)}"
            ) in detail, project.code


def test_output_to_path_and_file(tmp_path):
    path = tmp_path / "minutes.pdf"
    assert printing.render_minutes(samples.sample_minutes(), path) is None
    buffer = io.BytesIO()
    assert printing.render_minutes(samples.sample_minutes(), buffer) is None
    assert path.read_bytes()[:5] == buffer.getvalue()[:5] == b"%PDF-"
    assert not bad_code_points("".join(poppler_pages(path.read_bytes())))


#: Names the segmenter alone breaks (issue 12): places from geothai and CODI terms,
#: and two community names a document brings with it.
_ISSUE_NAMES = ["โครงการบ้านมั่นคง", "นาใหญ่", "ดอนยาวใหญ่", "หนองกระทุ่ม", "หนองบัวละคร",
                "บ้านยาง", "สภาองค์กรชุมชนตำบล"]
_COMMUNITIES = ["บ่อเกษม", "แก่งสำราญ"]


def _flowing(names: list[str], repeat: int = 6) -> str:
    """Thai prose without spaces in which each name meets a line end sooner or later."""
    return "".join(f"ชาว{n}ร่วมกันสำรวจครัวเรือน" for _ in range(repeat) for n in names)


@pytest.mark.parametrize("document", ["minutes", "invitation", "agenda", "sign-in", "budget"])
def test_no_dictionary_name_is_broken_across_lines(document):
    """The oracle: poppler's lines of the PDF, no segmenter. Every name of the line
    breaker's dictionary (and of the document's own words) that the data contains is
    found whole inside a line as many times as the data has it."""
    from codi_desktop.printing import linebreak
    from codi_desktop.printing.data import BudgetProgram, BudgetProject, SignInRow
    from codi_desktop.printing.words import dictionary_words

    from .conftest import NOT_PRINTED, broken_names

    prose = _flowing(_ISSUE_NAMES + _COMMUNITIES)
    if document == "minutes":
        data = samples.sample_minutes()
        data.items[0].text = prose
        data.extra_words.extend(_COMMUNITIES)
        pdf = printing.render_minutes(data)
    elif document == "invitation":
        data = replace(samples.sample_invitation(), body=prose, extra_words=_COMMUNITIES)
        pdf = printing.render_invitation(data)
    elif document == "agenda":
        items = [AgendaItem(str(i), f"{n}ติดตามโครงการบ้านมั่นคงชุมชน{c}")
                 for i, (n, c) in enumerate(zip(_ISSUE_NAMES, _COMMUNITIES * 4, strict=False), 1)]
        data = [samples.sample_meeting(), items]
        pdf = printing.render_agenda(*data, extra_words=_COMMUNITIES)
    elif document == "sign-in":
        rows = [SignInRow(f"นายสมชาย ใจดี{i}", f"ชุมชน{c}ตำบล{n}", "ผู้แทนสภาองค์กรชุมชนตำบล")
                for i, (n, c) in enumerate(zip(_ISSUE_NAMES * 3, _COMMUNITIES * 11, strict=False))]
        data = replace(samples.sample_sign_in_sheet(1), rows=rows, extra_words=_COMMUNITIES)
        pdf = printing.render_sign_in_sheet(data)
    else:
        projects = [BudgetProject(f"BMK-2570-{i:03}", f"โครงการบ้านมั่นคงชุมชน{c}ตำบล{n}{prose[:80]}",
                                  123_456_789_00 + i, 98_765_432_10)
                    for i, (n, c) in enumerate(zip(_ISSUE_NAMES * 3, _COMMUNITIES * 11, strict=False))]
        data = replace(samples.sample_budget_report(), extra_words=_COMMUNITIES,
                       programs=[BudgetProgram("บ้านมั่นคง", 9_999_999_999_99, projects)])
        pdf = printing.render_budget_report(data)
    words = set(dictionary_words()) | set(linebreak.app_words()) | set(_COMMUNITIES)
    skip = NOT_PRINTED.get("agenda" if document in ("agenda", "invitation") else document, ())
    assert not broken_names(pdf, data, words, skip=skip)
