"""Sarabun for reportlab: embedded, subset, shaped, and searchable.

Thai needs OpenType shaping (uharfbuzz) so that stacked vowels and tone marks sit
right. When harfbuzz picks an alternate glyph that the font's cmap does not reach (a
lowered tone mark ``uni0E48.small``, ญ without its descender ``yoYingthai.less``, the
nikhahit + tone ligature of น้ำ), reportlab gives that glyph a private-use code point
and writes *that* into the PDF's ToUnicode map, so copying or searching the PDF yields
garbage ("ทีประชุม", "นาท่วม"). :class:`ThaiTTFont` rebuilds those ToUnicode entries
from the glyph names, so every glyph maps back to the Thai characters it stands for
(THAI.md, "Copy, search and archive").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cached_property

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

__all__ = [
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "FONT_REGULAR",
    "ThaiTTFont",
    "font_name",
    "register_fonts",
]

FONT_REGULAR = "Sarabun"
FONT_BOLD = "Sarabun-Bold"
FONT_ITALIC = "Sarabun-Italic"
FONT_BOLD_ITALIC = "Sarabun-BoldItalic"

_FILES = {
    FONT_REGULAR: "Sarabun-Regular.ttf",
    FONT_BOLD: "Sarabun-Bold.ttf",
    FONT_ITALIC: "Sarabun-Italic.ttf",
    FONT_BOLD_ITALIC: "Sarabun-BoldItalic.ttf",
}

_PUA_FIRST, _PUA_LAST = 0xE000, 0xF8FF
_UNI_NAME = re.compile(r"uni((?:[0-9A-F]{4})+)")
_U_NAME = re.compile(r"u([0-9A-F]{4,6})")


def font_name(*, bold: bool = False, italic: bool = False) -> str:
    """The registered reportlab font name for a weight and slant of Sarabun."""
    if bold and italic:
        return FONT_BOLD_ITALIC
    if bold:
        return FONT_BOLD
    return FONT_ITALIC if italic else FONT_REGULAR


def _agl_thai_names() -> dict[str, str]:
    """Adobe-style Thai glyph names (``yoyingthai``, ``maiekthai``) → character.

    The AGL names are the Unicode character names without "THAI CHARACTER", squashed
    and lower-cased, with "thai" appended, so they can be derived instead of copied.
    """
    names = {}
    for cp in range(0x0E01, 0x0E5C):
        try:
            uname = unicodedata.name(chr(cp))
        except ValueError:
            continue
        short = uname.removeprefix("THAI CHARACTER ").removeprefix("THAI DIGIT ")
        names[short.replace(" ", "").replace("-", "").lower() + "thai"] = chr(cp)
    return names


class ThaiTTFont(TTFont):
    """A TrueType font whose PDF ToUnicode map never contains private-use code points.

    Shaping happens in reportlab as usual (``shapeStr``). Only the final step changes:
    after reportlab has written each subset, the ToUnicode entries of glyphs it had to
    give private-use code points are rewritten with the text the glyph's name says it
    represents.
    """

    def __init__(self, name: str, filename: str, **kwargs):
        super().__init__(name, filename, **kwargs)
        self._original_chars = frozenset(self.face.charToGlyph)
        self._code_text: dict[int, str] = {}
        self.shapable = True

    def code_for_missing(self, char: str) -> int:
        """A private code drawing this font's .notdef box, that reads back as *char*.

        Harfbuzz gives every character the font lacks (an emoji, a Chinese name) glyph 0,
        which reportlab writes as one code, U+FFFF. Giving each such character its own
        code lets the ToUnicode map say which character the box stands for.
        """
        width = self.face.charWidths.get(0xFFFF, self.face.defaultWidth)
        code = self._TTFont__addPrivate(f".notdef.u{ord(char):04X}", 0, width)
        self._code_text[code] = char
        return code

    @cached_property
    def _glyph_text(self) -> dict[int, str]:
        """Text for every glyph the cmap does not reach, derived from glyph names."""
        import uharfbuzz

        hb_font = uharfbuzz.Font(self.hbFace)
        by_name: dict[str, str] = {}
        for cp, gid in self.face.charToGlyph.items():
            if cp in self._original_chars:
                by_name.setdefault(hb_font.glyph_to_string(gid), chr(cp))
        agl = _agl_thai_names()

        def name_text(name: str) -> str | None:
            base = name.split(".", 1)[0]
            if base in by_name:
                return by_name[base]
            if base.lower() in agl:
                return agl[base.lower()]
            if m := _UNI_NAME.fullmatch(base):
                chars = [chr(int(m.group(1)[i : i + 4], 16)) for i in range(0, len(m.group(1)), 4)]
                # A nikhahit + tone-mark ligature (uni0E4D0E48) only arises from sara am
                # after a tone mark: harfbuzz splits ำ into ํ + า and moves ํ before the
                # tone. The text was tone, then ำ, so give the marks back in that order.
                if len(chars) == 2 and chars[0] == "\u0e4d" and "\u0e48" <= chars[1] <= "\u0e4b":
                    chars.reverse()
                return "".join(chars)
            if m := _U_NAME.fullmatch(base):
                return chr(int(m.group(1), 16))
            if "_" in base:  # a ligature of named components, e.g. breve_acute
                parts = [by_name.get(p + "comb") or name_text(p) for p in base.split("_")]
                if all(parts):
                    return "".join(parts)
            return None

        texts = {}
        for gid in range(hb_font.face.glyph_count):
            text = name_text(hb_font.glyph_to_string(gid))
            if text:
                texts[gid] = text
        return texts

    def _unicode_for(self, code: int) -> str:
        if code in self._code_text:
            return self._code_text[code]
        if _PUA_FIRST <= code <= _PUA_LAST and code not in self._original_chars:
            gid = self.face.charToGlyph.get(code)
            text = self._glyph_text.get(gid) if gid is not None else None
            if text:
                return text
        return chr(code)

    def addObjects(self, doc):  # noqa: N802 - reportlab's name
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        # Every subset's map is rewritten, not only those holding private-use codes:
        # reportlab writes each code point as 4 hex digits, which garbles anything beyond
        # the BMP (an emoji in a name) that UTF-16 must write as a surrogate pair.
        for n, subset in enumerate(subsets):
            base_font_name = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            stream = doc.idToObject.get("toUnicodeCMap:" + base_font_name.decode("pdfdoc"))
            if stream is not None:
                stream.content = _to_unicode_cmap(
                    base_font_name.decode("pdfdoc"), [self._unicode_for(c) for c in subset]
                )


def _to_unicode_cmap(font_name: str, texts: list[str]) -> str:
    """A ToUnicode CMap mapping single-byte code i to texts[i] (one or more characters)."""
    entries = [f"<{i:02X}> <{t.encode('utf-16-be').hex().upper()}>" for i, t in enumerate(texts)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({font_name})",
            f"/Ordering ({font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(texts) - 1:02X}>",
            "endcodespacerange",
            f"{len(texts)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four Sarabun faces with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        import fontpkg_sarabun

        folder = fontpkg_sarabun.ROOT / "files"
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(ThaiTTFont(name, str(folder / filename)))
        pdfmetrics.registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_ITALIC,
            boldItalic=FONT_BOLD_ITALIC,
        )
        _registered = True
