"""Helpers for the printing tests: extract text from real PDFs and compare it honestly.

Two extractors read every PDF: pypdf, which follows the content stream, and poppler's
``pdftotext``, which is what Linux viewers use for copy and search. The comparison is
done on NFKC text with all whitespace removed (line breaks and spaces are layout, not
content; NFKC because ำ is drawn as ํ + า and comes back that way).
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from codi_desktop.printing import layout, text


def squash(s: str) -> str:
    """NFKC, all whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def pypdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def poppler_pages(pdf: bytes, *, mode: str = "-raw") -> list[str]:
    """pdftotext per page (pages are separated by form feeds)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", mode, "-enc", "UTF-8", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def bad_code_points(s: str) -> list[str]:
    """Private-use code points and U+FFFD: signs of a broken ToUnicode map or tofu."""
    return [f"U+{ord(c):04X}" for c in s if 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd"]


class DrawRecorder:
    """Records, per page and in drawing order, the text each paragraph and each
    page-furniture string (page number, draft label) put on the page."""

    def __init__(self):
        self.pages: dict[int, list[str]] = {}
        self.paragraphs: list[text.ThaiParagraph] = []

    def note(self, canv, s: str) -> None:
        self.pages.setdefault(canv.getPageNumber(), []).append(s)

    def page_texts(self) -> list[str]:
        return ["".join(self.pages.get(n, [])) for n in range(1, max(self.pages, default=0) + 1)]


@pytest.fixture
def recorder(monkeypatch) -> DrawRecorder:
    rec = DrawRecorder()
    original_draw = text.ThaiParagraph.draw
    original_draw_text = layout.draw_text

    def draw(self):
        rec.note(self.canv, "".join(line.text for line in self.lines))
        rec.paragraphs.append(self)
        original_draw(self)

    def draw_text(canv, x, y, s, **kwargs):
        rec.note(canv, s)
        return original_draw_text(canv, x, y, s, **kwargs)

    monkeypatch.setattr(text.ThaiParagraph, "draw", draw)
    monkeypatch.setattr(layout, "draw_text", draw_text)
    return rec


def assert_text_survives(pdf: bytes, rec: DrawRecorder) -> None:
    """The text of *pdf*, page by page, is exactly the text that was laid out
    (under NFKC, whitespace removed), read two independent ways:

    - pypdf ignores /ActualText and decodes glyphs through the fonts' ToUnicode maps,
      so it checks the repaired maps (shaped alternate glyphs back to Thai).
    - poppler (pdftotext -raw) honours /ActualText. Without it poppler would move a
      tone mark stacked on an upper vowel past the next letter ("สิ่ง" → "สิง่",
      THAI.md), because the two glyphs sit at the same x.

    Neither may produce private-use code points or U+FFFD.
    """
    expected_pages = rec.page_texts()
    got_pypdf = pypdf_pages(pdf)
    got_poppler = poppler_pages(pdf)
    assert len(got_pypdf) == len(expected_pages) == len(got_poppler)
    for n, (expected, a, b) in enumerate(
        zip(expected_pages, got_pypdf, got_poppler, strict=True), 1
    ):
        assert not bad_code_points(a), (n, bad_code_points(a))
        assert not bad_code_points(b), (n, bad_code_points(b))
        exp = squash(expected)
        assert squash(a) == exp, f"page {n}: pypdf text differs"
        assert squash(b) == exp, f"page {n}: poppler text differs"


def to_unicode_targets(pdf: bytes) -> list[str]:
    """Every destination string in every font's ToUnicode CMap."""
    import re

    targets = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            cmap = font.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            bfchar = cmap[cmap.index("beginbfchar") : cmap.index("endbfchar")]
            for hexstr in re.findall(r"<[0-9A-F]{2}> <([0-9A-F]+)>", bfchar):
                targets.append(bytes.fromhex(hexstr).decode("utf-16-be"))
    return targets


# --- words with their positions, as the PDF has them --------------------------------


@dataclass(frozen=True)
class PdfWord:
    """A run of text as poppler reads it from the page, with its box (points, y down)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdf_words(pdf: bytes) -> list[PdfWord]:
    """Every word of *pdf* with its position, from poppler's ``pdftotext -bbox`` (it
    reads the drawn text back from the page, independently of our layout engine)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        xhtml = subprocess.run(
            ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    words = []
    for n, page in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", xhtml, re.S), 1):
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
            re.S,
        ):
            words.append(PdfWord(n, html.unescape(word), *map(float, (x0, y0, x1, y1))))
    return words


def pdf_lines(pdf: bytes, tolerance: float = 2.0) -> list[tuple[int, str]]:
    """The document's lines as (page, text): words grouped by the height they sit at on
    the page (within *tolerance* points), left to right. Cells of one table row share a
    line; a name broken across two lines of a cell is in neither whole."""
    lines: list[tuple[int, float, list[PdfWord]]] = []
    for word in sorted(pdf_words(pdf), key=lambda w: (w.page, w.y1, w.x0)):
        if lines and lines[-1][0] == word.page and abs(lines[-1][1] - word.y1) <= tolerance:
            lines[-1][2].append(word)
        else:
            lines.append((word.page, word.y1, [word]))
    return [
        (page, " ".join(w.text for w in sorted(ws, key=lambda w: w.x0))) for page, _, ws in lines
    ]


#: Fields a document does not print: the minutes leave out an item's presenter and
#: duration, the agenda and the invitation an item's minutes, resolution and vote.
NOT_PRINTED = {
    "minutes": ("presenter", "duration_minutes"),
    "agenda": ("text", "resolution", "vote"),
}


def source_strings(data, skip: tuple[str, ...] = ()) -> list[str]:
    """Every string in a document's data (dataclasses, lists, tuples), field by field,
    but for the fields named in *skip*."""
    out: list[str] = []
    if isinstance(data, str):
        out.append(data)
    elif dataclasses.is_dataclass(data):
        for f in dataclasses.fields(data):
            if f.name not in ("extra_words", *skip):
                out.extend(source_strings(getattr(data, f.name), skip))
    elif isinstance(data, list | tuple):
        for item in data:
            out.extend(source_strings(item, skip))
    return out


def broken_names(
    pdf: bytes, data, names, *, skip: tuple[str, ...] = (), longest: int = 20
) -> dict[str, tuple[int, int]]:
    """The dictionary names a document breaks: {name: (times in its data, times whole on
    one line of the PDF)}. No segmenter involved: a name counts as printed whole only if
    poppler finds it inside a single line. Names shorter than three characters are left
    out (two letters can meet across any line end by chance), and so are names longer
    than *longest* characters: a whole organization's name may be wider than its column
    and then wraps at one of its words. *skip*: fields of *data* the document does not
    print (see NOT_PRINTED)."""
    source = [squash(s) for s in source_strings(data, skip)]
    lines = [squash(text) for _, text in pdf_lines(pdf)]
    broken = {}
    for name in {squash(n) for n in names}:
        if not 3 <= len(name) <= longest:
            continue
        wanted = sum(s.count(name) for s in source)
        if wanted and (found := sum(line.count(name) for line in lines)) < wanted:
            broken[name] = (wanted, found)
    return broken


@pytest.fixture(scope="session")
def large_demo(tmp_path_factory):
    """The large demo province (Ubon Ratchathani, about 180,000 rows), built once."""
    from codi_desktop.store.database import open_store
    from codi_desktop.store.demo import build_demo

    folder = tmp_path_factory.mktemp("large-demo")
    build_demo(folder, "34", "large")
    store = open_store(folder)
    yield store
    store.close()
