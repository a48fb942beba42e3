"""The Thai text layer: shaping, searchable text, word-boundary breaks, splitting."""

from __future__ import annotations

import functools
import io
import unicodedata

import pytest
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate

from codi_desktop.printing import fonts, linebreak
from codi_desktop.printing.table import Cell, ThaiTable
from codi_desktop.printing.text import Run, TextStyle, ThaiParagraph

from .conftest import (
    assert_text_survives,
    bad_code_points,
    poppler_pages,
    pypdf_pages,
    squash,
    to_unicode_targets,
)

HARD_WORDS = "ที่ ครั้ง น้ำ ผู้ใหญ่ ฝั่ง ปี่ ญาติ ฐาน ปฏิบัติ กตัญญู ฤๅษี สิ่งที่ส่งมาด้วย ก้ำกึ่ง"
MIXED = "การประชุมครั้งที่ 3/2569 อนุมัติงบ 1,234,567.50 บาท ให้โครงการ COVID-19 Relief (ระยะที่ 2) เวลา 09.30 น. เรื่องอื่น ๆ"
# About 2,000 characters of real Thai prose with no spaces at all.
SENTENCE = (
    "คณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองได้พิจารณาแผนการฟื้นฟูพื้นที่น้ำท่วมฝั่งตะวันออก"
    "ของลำห้วยโดยให้ผู้ใหญ่บ้านทุกหมู่ร่วมสำรวจครัวเรือนที่ได้รับผลกระทบและเสนอโครงการบ้านพอเพียง"
)
LONG_NO_SPACES = (SENTENCE * 20)[:2000]

WIDTH = A4[0] - 5 * cm


@functools.lru_cache(maxsize=4)
def _trie(extra_words: tuple[str, ...]) -> Trie:
    """pythainlp's dictionary with the words the line breaker adds to it (place names,
    CODI terms; see test_line_breaks_oracle.py for the check that needs no segmenter)."""
    from pythainlp.corpus import thai_words

    from codi_desktop.printing.words import dictionary_words

    return Trie(set(thai_words()) | dictionary_words() | set(extra_words))


def _newmm_boundaries(text: str, extra_words=()) -> set[int]:
    """Word boundaries by pythainlp's own judgement, computed here without our code."""
    trie = _trie(tuple(extra_words))
    tokens = word_tokenize(text, engine="newmm", custom_dict=trie, keep_whitespace=True)
    bounds, pos = {0, len(text)}, 0
    for token in tokens:
        pos += len(token)
        bounds.add(pos)
    return bounds


def _line_offsets(paragraph: ThaiParagraph) -> list[tuple[int, int]]:
    return [(line.atoms[0].start, line.atoms[-1].end) for line in paragraph.lines if line.atoms]


def _build(flowables, **kwargs) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=3 * cm,
        rightMargin=2 * cm,
        initialFontName=fonts.FONT_REGULAR,
        **kwargs,
    )
    doc.build(list(flowables))
    return out.getvalue()


def test_hard_words_come_back_from_the_pdf(recorder):
    para = ThaiParagraph(HARD_WORDS + " " + MIXED)
    pdf = _build([para])
    assert_text_survives(pdf, recorder)
    assert squash(HARD_WORDS + MIXED) == squash(pypdf_pages(pdf)[0])
    assert squash(HARD_WORDS + MIXED) == squash(poppler_pages(pdf, mode="-layout")[0])
    targets = to_unicode_targets(pdf)
    assert not bad_code_points("".join(targets))
    # the ligature of น้ำ's marks maps to tone + nikhahit, in typing order
    assert "\u0e49\u0e4d" in targets


def test_shaping_uses_alternate_glyphs_and_tounicode_maps_them_back():
    """The font really produces alternate glyphs for these words (else the ToUnicode
    repair would be untested), and each has a Thai text in the repaired map."""
    fonts.register_fonts()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import shapeStr

    font = pdfmetrics.getFont(fonts.FONT_REGULAR)
    shaped = shapeStr("ปี่ ป่ำ น้ำ ญาติ ฐาน ผู้ใหญ่", fonts.FONT_REGULAR, 16, force=True)
    private = [c for c in shaped if 0xE000 <= ord(c) <= 0xF8FF]
    assert private, "expected harfbuzz to pick alternate (unmapped) glyphs"
    for c in private:
        text = font._unicode_for(ord(c))
        assert text and all("\u0e00" <= t <= "\u0e7f" for t in text), (hex(ord(c)), text)
    # The nikhahit + tone ligature of น้ำ reads back tone first, as the text was typed.
    assert unicodedata.normalize("NFKC", "น้ำ") in "".join(
        font._unicode_for(ord(c)) for c in shapeStr("น้ำ", fonts.FONT_REGULAR, 16, force=True)
    )


def test_every_line_break_is_a_word_boundary():
    text = (SENTENCE + " ") * 3 + MIXED
    para = ThaiParagraph(text)
    para.wrap(WIDTH, 10_000)
    assert len(para.lines) > 3
    bounds = _newmm_boundaries(para.text)
    for start, end in _line_offsets(para):
        assert start in bounds, para.text[max(0, start - 10) : start + 10]
        assert end in bounds, para.text[max(0, end - 10) : end + 10]
    for line in para.lines:
        assert line.width <= WIDTH + 0.01


def test_numbers_and_latin_words_are_never_split():
    para = ThaiParagraph(MIXED * 4)
    for width in (4 * cm, 6 * cm, 9 * cm):
        para.wrap(width, 10_000)
        text = "\n".join(line.text for line in para.lines)
        for token in ("3/2569", "1,234,567.50", "COVID-19", "09.30 น.", "อื่น ๆ"):
            assert token in text, (width, token)
        assert not any(line.text.startswith(("ๆ", ")")) for line in para.lines)


def test_local_names_added_to_the_dictionary_stay_whole():
    name = "บุ่งคล้าใต้"  # invented: no dictionary (not even geothai's) has it
    assert name not in linebreak.segment(f"ตำบล{name}อำเภอ")
    assert name in linebreak.segment(f"ตำบล{name}อำเภอ", extra_words=[name])
    # Per-document words do not leak into the next document.
    assert name not in linebreak.segment(f"ตำบล{name}อำเภอ")

    text = f"ชาวตำบล{name}" * 12
    para = ThaiParagraph(text, extra_words=[name])
    for width in (3 * cm, 5 * cm, 7 * cm):
        para.wrap(width, 10_000)
        bounds = _newmm_boundaries(para.text, [name])
        assert all(s in bounds and e in bounds for s, e in _line_offsets(para))
        inside = {
            i + k
            for i in range(len(para.text))
            if para.text.startswith(name, i)
            for k in range(1, len(name))
        }
        assert not any(s in inside or e in inside for s, e in _line_offsets(para))


def test_app_wide_words():
    linebreak.add_words(["ห้วยซ้อใต้"])
    assert "ห้วยซ้อใต้" in linebreak.segment("บ้านห้วยซ้อใต้หมู่ที่")


def test_input_is_cleaned_for_print(recorder):
    # Marks typed out of order or twice, a zero-width space used as a break hint,
    # invisible joiners, and characters Sarabun does not have (drawn as its .notdef box,
    # there being no fallback font, but copied and searched as themselves).
    para = ThaiParagraph("ท่ีประชุม กิ่่ง ที่\u200bประชุม\u200d ok\u00ad 😀 中文")
    pdf = _build([para])
    assert_text_survives(pdf, recorder)
    text = squash(pypdf_pages(pdf)[0])
    assert text.startswith(squash("ที่ประชุม กิ่ง ที่ประชุม ok"))
    assert "\u200b" not in text and "\u200d" not in text and "\u00ad" not in text
    # The zero-width space is a break opportunity where the segmenter saw none.
    assert [a.text for a in ThaiParagraph("ที่ประชุม")._atoms] == ["ที่ประชุม"]
    assert [a.text for a in ThaiParagraph("ที่\u200bประชุม")._atoms] == ["ที่", "ประชุม"]


def test_a_compound_wider_than_its_column_breaks_between_its_words():
    para = ThaiParagraph("ประธานกรรมการ", TextStyle(font_size=14))
    width = para.wrap(1e6, 1e6) and para.lines[0].width
    para.wrap(width * 0.8, 1e6)
    assert [line.text for line in para.lines] == ["ประธาน", "กรรมการ"]


def test_a_run_with_no_break_opportunity_is_cut_between_clusters_only():
    run = "กี่ก้ำกึ่งปี่ฝั่งผู้ใหญ่" * 20  # marks everywhere, and no dictionary help at this width
    para = ThaiParagraph("abcdefghijklmnopqrstuvwxyz" * 8 + " " + run)
    para.wrap(2.2 * cm, 10_000)
    assert len(para.lines) > 10
    for line in para.lines:
        assert line.width <= 2.2 * cm + 0.01
        assert not linebreak._starts_with_mark(line.text), line.text
        assert not line.text.endswith(tuple("เแโใไ")), line.text
    assert "".join(line.text for line in para.lines) == para.text.replace(" ", "", 1)


def test_wraps_twice_at_different_widths_without_losing_text():
    para = ThaiParagraph([Run("ระเบียบวาระที่ 1 ", bold=True), LONG_NO_SPACES])
    w1, h1 = para.wrap(WIDTH, 1e6)
    _, h2 = para.wrap(WIDTH / 2, 1e6)
    _, h3 = para.wrap(WIDTH, 1e6)
    assert h2 > h1 == h3
    assert "".join(line.text for line in para.lines) == para.text


def test_split_between_lines_keeps_every_line():
    style = TextStyle(first_line_indent=2.5 * cm, space_before=6, space_after=6)
    para = ThaiParagraph(LONG_NO_SPACES, style)
    para.wrap(WIDTH, 1e6)
    whole = [line.text for line in para.lines]
    head, tail = para.split(WIDTH, 10.5 * style.line_height)
    head.wrap(WIDTH, 1e6)
    tail.wrap(WIDTH, 1e6)
    assert len(head.lines) == 10
    assert [line.text for line in head.lines + tail.lines] == whole
    assert head.getSpaceAfter() == 0 and tail.getSpaceBefore() == 0
    assert head.getSpaceBefore() == 6 and tail.getSpaceAfter() == 6
    assert head.lines[0].first and not tail.lines[0].first  # one first-line indent only
    assert tail.height == len(tail.lines) * style.line_height
    assert para.split(WIDTH, 5) == []  # not one line fits


def test_no_single_line_is_left_alone_at_a_page_break():
    para = ThaiParagraph(LONG_NO_SPACES)
    para.wrap(WIDTH, 1e6)
    n, lh = len(para.lines), para.style.line_height
    assert n >= 6
    assert para.split(WIDTH, 1.5 * lh) == []  # one line would be an orphan: move it all
    head, tail = para.split(WIDTH, (n - 1) * lh)  # one line would be a widow
    head.wrap(WIDTH, 1e6)
    tail.wrap(WIDTH, 1e6)
    assert (len(head.lines), len(tail.lines)) == (n - 2, 2)


def test_a_2000_character_paragraph_without_spaces_splits_across_pages(recorder):
    pdf = _build([ThaiParagraph(LONG_NO_SPACES, TextStyle(first_line_indent=2.5 * cm))] * 2)
    pages = pypdf_pages(pdf)
    assert len(pages) >= 2
    assert_text_survives(pdf, recorder)
    assert squash("".join(pages)) == squash(LONG_NO_SPACES * 2)
    # The lines a reader sees (pdftotext -layout) are exactly our layout's lines, each
    # starting and ending at a word boundary (checked on the layout in the tests above).
    seen = [
        squash(line)
        for page in poppler_pages(pdf, mode="-layout")
        for line in page.splitlines()
        if line.strip()
    ]
    laid_out = [squash(line.text) for p in recorder.paragraphs for line in p.lines]
    assert seen == laid_out
    assert not any(linebreak._starts_with_mark(line) for line in seen)
    bounds = _newmm_boundaries(LONG_NO_SPACES)
    for p in recorder.paragraphs:
        assert all(s in bounds and e in bounds for s, e in _line_offsets(p))


def test_table_with_long_names_and_a_cell_taller_than_a_page(recorder):
    long_name = "นางสาวปิยะนุชจันทร์เพ็ญศรีสุวรรณวงศ์พรหมวิหารณอยุธยา" * 2
    rows = [["ลำดับ", "ชื่อ-สกุล", "รายละเอียด"]]
    rows += [[str(i), long_name, Cell(MIXED, align="right")] for i in range(1, 6)]
    rows.append(["6", "ผู้ใหญ่บ้าน", LONG_NO_SPACES * 2])  # about 4,000 characters in one cell
    rows += [[str(i), f"นายสมชาย ใจดี {i}", HARD_WORDS] for i in range(7, 40)]
    table = ThaiTable(rows, [1.5 * cm, 4 * cm, WIDTH - 5.5 * cm], header_rows=1)
    pdf = _build([ThaiParagraph("ตารางทดสอบ", TextStyle(bold=True)), table])
    pages = pypdf_pages(pdf)
    assert len(pages) >= 3
    assert all("รายละเอียด" in p for p in pages), "header repeats on every page"
    assert_text_survives(pdf, recorder)
    for page in pages:
        assert not bad_code_points(page)


def test_a_tall_row_in_a_small_frame_is_split_not_refused(recorder):
    """A row taller than the frame must be cut even when the table was not told the
    frame's height (here an A5 page, smaller than the A4 default)."""
    from reportlab.lib.pagesizes import A5

    rows = [["ลำดับ", "เรื่อง"], ["1", "สั้น"], ["2", LONG_NO_SPACES], ["3", HARD_WORDS]]
    table = ThaiTable(rows, [1.5 * cm, 9 * cm])
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A5, initialFontName=fonts.FONT_REGULAR).build(
        [ThaiParagraph("ก่อนตาราง " * 20), table]
    )
    pdf = out.getvalue()
    assert len(pypdf_pages(pdf)) >= 3
    assert_text_survives(pdf, recorder)


def test_widow_control_in_a_real_frame(recorder):
    """The head cut short for widow control fills its frame: the two lines held back
    must open the next page, not be split again into the space left below."""
    from reportlab.platypus import Spacer

    para = ThaiParagraph(LONG_NO_SPACES[:700])
    para.wrap(WIDTH, 1e6)
    n, lh = len(para.lines), para.style.line_height
    frame_h = A4[1] - 2 * 72 - 2 * 6  # SimpleDocTemplate: 1-inch margins, 6 pt padding
    spacer = Spacer(1, frame_h - ((n - 1) * lh + 2))  # room for all lines but one
    pdf = _build([spacer, para])
    pages = [
        [line for line in page.splitlines() if line.strip()]
        for page in poppler_pages(pdf, mode="-layout")
    ]
    assert [len(p) for p in pages] == [n - 2, 2]
    assert_text_survives(pdf, recorder)


def test_a_total_row_does_not_start_a_page_alone():
    from codi_desktop.printing.table import RowStyle

    rows = [["ก", "ข"]] + [[str(i), "แถว"] for i in range(10)] + [["", "รวม"]]
    table = ThaiTable(rows, [3 * cm, 5 * cm], row_styles={11: RowStyle(keep_with_previous=True)})
    table.wrap(8 * cm, 1e6)
    row_h = table._rows[1].height
    head, tail = table.split(8 * cm, table._rows[0].height + 10 * row_h + 1)  # 10 rows fit
    assert len(head._rows) == 1 + 9 and len(tail._rows) == 1 + 2  # header + last row + total

    rows = [["ก", "ข"]] + [[str(i), "แถว"] for i in range(20)]
    styles = {10: RowStyle(keep_with_next=True)}  # body row 9, the last that would fit
    table = ThaiTable(rows, [3 * cm, 5 * cm], row_styles=styles)
    table.wrap(8 * cm, 1e6)
    head, tail = table.split(8 * cm, table._rows[0].height + 10 * row_h + 1)
    assert len(head._rows) == 1 + 9 and tail._rows[1].style.keep_with_next


def test_alignment_and_bold(monkeypatch):
    from codi_desktop.printing import text as text_module

    origins = []

    class FakeText:
        _code: list[str] = []

        def _formatText(self, s):  # noqa: N802
            return ""

        def setTextOrigin(self, x, y):  # noqa: N802
            origins.append(x)

        def setFont(self, font, size, leading=None):  # noqa: N802
            origins.append(font)

    for align, expected in (("left", 0.0), ("right", None), ("center", None)):
        origins.clear()
        para = ThaiParagraph([Run("มติ", bold=True), Run("ที่ประชุม")], TextStyle(align=align))
        para.wrap(10 * cm, 100)
        line = para.lines[0]
        text_module._draw_line(FakeText(), line, 10 * cm, 0, para.style)
        assert origins[1] == fonts.FONT_BOLD and origins[3] == fonts.FONT_REGULAR
        slack = 10 * cm - line.width
        want = {"left": 0.0, "right": slack, "center": slack / 2}[align]
        assert origins[0] == pytest.approx(want)
        del expected


def test_sarabun_is_embedded(recorder):
    from pypdf import PdfReader

    pdf = _build([ThaiParagraph(HARD_WORDS, TextStyle(bold=True)), ThaiParagraph(HARD_WORDS)])
    reader = PdfReader(io.BytesIO(pdf))
    fonts_seen = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            fonts_seen[font["/BaseFont"]] = "/FontFile2" in descriptor
    assert any("Sarabun-Bold" in name for name in fonts_seen)
    assert any("Sarabun-Regular" in name for name in fonts_seen)
    assert all(fonts_seen.values()), fonts_seen
    # subset fonts are named with a six-letter tag: "ABCDEF+Sarabun-Regular"
    assert all("+" in name for name in fonts_seen)
