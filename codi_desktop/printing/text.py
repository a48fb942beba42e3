"""Thai paragraphs for reportlab: shaped, broken at word boundaries, laid out line by line.

:class:`ThaiParagraph` is a platypus flowable that does its own line layout instead of
using reportlab's ``Paragraph``, which breaks Thai mid-word, turns long runs into tofu
when wrapped twice, and raises ``LayoutError`` when such a paragraph must split
(THAI.md). Here a paragraph is cut into break units (:mod:`.linebreak`), each unit is
shaped once by harfbuzz through reportlab's ``shapeStr`` and measured by its shaped
advances, and lines are filled greedily. The flowable can be wrapped any number of
times at any width and split between any two lines, so it works in frames, in table
cells and across pages.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

from . import linebreak
from .fonts import font_name, register_fonts

__all__ = [
    "Line",
    "Run",
    "TextStyle",
    "ThaiParagraph",
    "clear_caches",
    "layout_lines",
    "shaped",
    "show_shaped",
]

Align = Literal["left", "center", "right", "justify"]

#: Sarabun's ascender and descender (hhea, per em): where the baseline sits in a line.
_ASCENT, _DESCENT = 1.068, 0.232


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a paragraph looks. Sizes in points."""

    font_size: float = 16
    leading: float | None = None  # line pitch; 1.35 × size when None
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    first_line_indent: float = 0  # negative for a hanging indent
    left_indent: float = 0
    right_indent: float = 0
    space_before: float = 0
    space_after: float = 0
    color: tuple[float, float, float] = (0, 0, 0)

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.font_size * 1.35

    def but(self, **changes) -> TextStyle:
        """A copy with some fields changed."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one weight, for mixing bold and regular in a paragraph."""

    text: str
    bold: bool | None = None  # None: the paragraph style's weight
    italic: bool | None = None


# --- shaping ---------------------------------------------------------------------------

_shape_lock = threading.Lock()
_shape_cache: dict[tuple[str, str], tuple[ShapedStr, float]] = {}
_SHAPE_CACHE_LIMIT = 50_000


def shaped(text: str, font: str) -> tuple[ShapedStr, float]:
    """*text* shaped by harfbuzz in *font*, and its advance width per point of size.

    Shaping a word gives the same glyphs wherever it appears, so results are cached per
    (font, text); documents repeat their words a great deal.
    """
    key = (font, text)
    hit = _shape_cache.get(key)
    if hit is not None:
        return hit
    with _shape_lock:  # reportlab's shaper updates per-font glyph tables as it goes
        s = shapeStr(text, font, 1000, force=True)
    if isinstance(s, ShapedStr):
        if "\uffff" in s:
            s = _name_missing(s, text, font)
        width = sum(sd.x_advance for sd in s.__shapeData__) / 1000
    else:  # a font without shaping: plain string, plain metrics
        width = pdfmetrics.stringWidth(text, font, 1)
    if len(_shape_cache) > _SHAPE_CACHE_LIMIT:
        _shape_cache.clear()
    _shape_cache[key] = (s, width)
    return s, width


def clear_caches() -> None:
    """Forget shaped words and segmentations (for benchmarks; never needed for output)."""
    with _shape_lock:
        _shape_cache.clear()
    linebreak.clear_cache()


def _name_missing(s: ShapedStr, text: str, font: str) -> ShapedStr:
    """Give each character the font lacks its own code (see ThaiTTFont.code_for_missing)."""
    ttf = pdfmetrics.getFont(font)
    if not hasattr(ttf, "code_for_missing"):
        return s
    chars = []
    with _shape_lock:
        for ch, sd in zip(s, s.__shapeData__, strict=True):
            if ch == "\uffff" and 0 <= sd.cluster < len(text):
                ch = chr(ttf.code_for_missing(text[sd.cluster]))
            chars.append(ch)
    return ShapedStr("".join(chars), s.__shapeData__)


# --- layout ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Atom:
    text: str
    font: str
    width: float  # points, at the paragraph's size
    space: bool
    start: int = 0  # offset of the text in the paragraph's atom text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Line:
    """One laid-out line: its atoms (without the spaces a break dropped) and width."""

    atoms: list[_Atom]
    width: float
    first: bool  # the paragraph's first line (takes the first-line indent)
    last: bool  # the paragraph's last line (never justified)

    @property
    def text(self) -> str:
        return "".join(a.text for a in self.atoms)


def _make_atoms(runs: Sequence[Run], style: TextStyle, extra_words: Iterable[str]) -> list[_Atom]:
    size = style.font_size
    atoms: list[_Atom] = []
    offset = 0
    for run in runs:
        if not run.text:
            continue
        font = font_name(
            bold=style.bold if run.bold is None else run.bold,
            italic=style.italic if run.italic is None else run.italic,
        )
        # A zero-width space is the writer's own break hint: honour it, never draw it
        # (Sarabun would show it as a space, or as a box).
        for chunk in _clean(run.text).split("\u200b"):
            for unit in linebreak.break_units(chunk, extra_words):
                is_space = not unit.strip()
                if is_space:
                    unit = " "  # runs of whitespace collapse to one space, as in HTML
                    if atoms and atoms[-1].space:
                        continue
                atoms.append(_Atom(unit, font, shaped(unit, font)[1] * size, is_space, offset))
                offset += len(unit)
    return atoms


#: Invisible format characters that have no glyph in Sarabun and no place on paper,
#: and C0 controls other than the whitespace ones.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x200C, 0x200D, 0x2060, 0xFEFF, *(c for c in range(32) if chr(c) not in "\t\n\r")]
)


def _clean(text: str) -> str:
    """Text as it should be printed: invisible characters gone, and Thai marks that were
    typed out of order (ท + ่ + ี, which harfbuzz stacks wrongly) or twice put right, the
    way pythainlp normalizes them."""
    text = text.translate(_INVISIBLE)
    if linebreak.is_thai(text):
        from pythainlp.util import remove_repeat_vowels

        text = remove_repeat_vowels(text)
    return text


def _split_long(atom: _Atom, size: float) -> list[_Atom]:
    """Cut a unit wider than a line into its words, else into character clusters (never
    inside one); the pieces are break opportunities only for this overflow."""
    parts = []
    start = atom.start
    for c in linebreak.split_word(atom.text):
        parts.append(_Atom(c, atom.font, shaped(c, atom.font)[1] * size, False, start))
        start += len(c)
    return parts


#: Names longer than this (characters) and wider than this share of a line may wrap at
#: one of their words rather than leave a gap; the line-break oracle keeps the rest whole.
_LONG_NAME_CHARS = 20
_LONG_NAME_SHARE = 0.4


def _is_long_name(atom: _Atom, line_width: float) -> bool:
    return (
        len(atom.text) > _LONG_NAME_CHARS
        and atom.width > _LONG_NAME_SHARE * line_width
        and " " not in atom.text
        and linebreak.is_thai(atom.text)
    )


def _with_offsets(parts: list[str], start: int) -> list[tuple[str, int]]:
    out = []
    for part in parts:
        out.append((part, start))
        start += len(part)
    return out


def layout_lines(
    atoms: Sequence[_Atom], width: float, style: TextStyle, *, starts_paragraph: bool = True
) -> list[Line]:
    """Fill lines greedily; break at spaces (dropping them) or between units.

    A unit wider than the whole line is cut into its words or, failing that, between
    character clusters; a single cluster wider than the line (only in absurdly narrow
    columns) goes on a line alone.
    """
    avail_rest = max(width - style.left_indent - style.right_indent, 1.0)
    first_indent = style.first_line_indent if starts_paragraph else 0.0
    lines: list[Line] = []
    current: list[_Atom] = []
    used = 0.0  # width of current, trailing spaces included
    avail = avail_rest - first_indent

    def finish(last: bool = False) -> None:
        nonlocal current, used, avail
        while current and current[-1].space:
            used -= current.pop().width
        if current or last:
            lines.append(Line(current, used, first=not lines and starts_paragraph, last=last))
        current, used, avail = [], 0.0, avail_rest

    pending = list(atoms)
    pending.reverse()  # a stack, so long units can push their clusters back
    while pending:
        atom = pending.pop()
        if atom.space:
            if current:
                current.append(atom)
                used += atom.width
            continue
        if used + atom.width <= avail + 1e-6:
            current.append(atom)
            used += atom.width
        elif atom.width > avail and len(atom.text) > 1:
            parts = _split_long(atom, style.font_size)
            if len(parts) > 1:
                # Fill the rest of this line with as many clusters as fit, then go on.
                pending.extend(reversed(parts))
                room = avail - used
                if room < min(p.width for p in parts):
                    finish()
            else:
                if current:
                    finish()
                current.append(atom)
                used += atom.width
        elif current and _is_long_name(atom, avail_rest):
            # A long name (a whole organization's) that would leave a wide gap at the
            # end of this line wraps at one of its words instead; short names never do.
            parts = [
                _Atom(p, atom.font, shaped(p, atom.font)[1] * style.font_size, False, start)
                for p, start in _with_offsets(
                    linebreak.split_word(atom.text, clusters_too=False), atom.start
                )
            ]
            if len(parts) > 1 and used + parts[0].width <= avail + 1e-6:
                pending.extend(reversed(parts))
            else:
                finish()
                pending.append(atom)
        elif current:
            finish()
            pending.append(atom)
        else:
            current.append(atom)  # a single cluster wider than the column
            used += atom.width
    finish(last=True)
    if len(lines) > 1 and not lines[-1].atoms:
        lines.pop()
        lines[-1].last = True
    return lines


def _as_runs(content: str | Run | Sequence[str | Run | tuple]) -> list[Run]:
    if isinstance(content, str):
        return [Run(content)]
    if isinstance(content, Run):
        return [content]
    runs = []
    for item in content:
        if isinstance(item, Run):
            runs.append(item)
        elif isinstance(item, str):
            runs.append(Run(item))
        else:
            runs.append(Run(*item))
    return runs


class ThaiParagraph(Flowable):
    """A paragraph of Thai (and any other) text, laid out at word boundaries.

    ``content`` is a string, a :class:`Run`, or a sequence of runs / strings /
    ``(text, bold)`` tuples. ``extra_words`` are names the segmenter should keep whole
    in this paragraph (see also :func:`.linebreak.add_words` for app-wide names).
    """

    def __init__(
        self,
        content: str | Run | Sequence[str | Run | tuple],
        style: TextStyle | None = None,
        *,
        extra_words: Iterable[str] = (),
        keep_with_next: bool = False,
        _atoms_list: list[_Atom] | None = None,
        _continues: bool = False,
        _continued: bool = False,
    ):
        super().__init__()
        register_fonts()
        self.style = style or TextStyle()
        self._runs = _as_runs(content) if _atoms_list is None else []
        self._atoms = (
            _atoms_list
            if _atoms_list is not None
            else _make_atoms(self._runs, self.style, tuple(extra_words))
        )
        self._is_continuation = _continues  # a part after a split: no first-line indent
        self._is_continued = _continued  # a part before a split: no space after
        self.keepWithNext = keep_with_next
        self._layout_width: float | None = None
        self._lines: list[Line] = []
        # A head cut short on purpose (widow/orphan control) claims the rest of its frame,
        # so platypus does not start the tail in the space left below it.
        self._fill_height = 0.0

    # -- layout --

    @property
    def text(self) -> str:
        return "".join(a.text for a in self._atoms)

    def lines_for(self, width: float) -> list[Line]:
        if width != self._layout_width:
            self._lines = layout_lines(
                self._atoms, width, self.style, starts_paragraph=not self._is_continuation
            )
            self._layout_width = width
        return self._lines

    @property
    def lines(self) -> list[Line]:
        """The lines of the last layout (call ``wrap`` first)."""
        return self._lines

    def _space_before(self) -> float:
        return 0.0 if self._is_continuation else self.style.space_before

    def _space_after(self) -> float:
        return 0.0 if self._is_continued else self.style.space_after

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        lines = self.lines_for(availWidth)
        self.width = availWidth
        # Space before/after is not part of the height: platypus asks for it through
        # getSpaceBefore/After and drops it at the top of a frame.
        self.height = max(len(lines) * self.style.line_height, self._fill_height)
        return self.width, self.height

    def getSpaceBefore(self):  # noqa: N802
        return self._space_before()

    def getSpaceAfter(self):  # noqa: N802
        return self._space_after()

    def split(self, availWidth, availHeight):  # noqa: N803
        lines = self.lines_for(availWidth)
        fit = int((availHeight + 1e-6) // self.style.line_height)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        frame = getattr(self, "_frame", None)  # set by platypus while it asks us to split
        room = fit
        if len(lines) >= 4 and not (frame is not None and frame._atTop):
            # No line left alone at the foot of a page or the head of the next (widow and
            # orphan control), unless at the top of a frame, where waiting cannot help.
            fit = min(fit, len(lines) - 2)
            if fit < 2:
                return []
        cut = lines[fit - 1].atoms[-1].end  # text offset where the page breaks
        head_atoms, tail_atoms = _cut_atoms(self._atoms, cut, self.style.font_size)
        while tail_atoms and tail_atoms[0].space:
            tail_atoms = tail_atoms[1:]
        head = ThaiParagraph(
            "",
            self.style,
            _atoms_list=head_atoms,
            _continues=self._is_continuation,
            _continued=True,
        )
        tail = ThaiParagraph(
            "",
            self.style,
            _atoms_list=tail_atoms,
            _continues=True,
            _continued=self._is_continued,
            keep_with_next=self.keepWithNext,
        )
        # The head keeps exactly the lines it was laid out with (a long unit may have
        # been cut into clusters, which re-layout of the slice would reproduce anyway).
        head._layout_width, head._lines = availWidth, _relabel(lines[:fit], last=True)
        if fit < room:
            head._fill_height = availHeight
        return [head, tail]

    # -- drawing --

    def draw(self):
        canv = self.canv
        style = self.style
        size = style.font_size
        lh = style.line_height
        baseline_drop = (lh - (_ASCENT + _DESCENT) * size) / 2 + _ASCENT * size
        y = self.height - baseline_drop
        text_obj = canv.beginText()
        text_obj.setFillColorRGB(*style.color)
        width = self._layout_width or self.width
        for line in self._lines:
            _draw_line(text_obj, line, width, y, style)
            y -= lh
        canv.drawText(text_obj)


def _relabel(lines: list[Line], *, last: bool) -> list[Line]:
    out = list(lines)
    if out:
        tail = out[-1]
        out[-1] = Line(tail.atoms, tail.width, tail.first, last)
    return out


def _cut_atoms(atoms: list[_Atom], cut: int, size: float) -> tuple[list[_Atom], list[_Atom]]:
    """Split atoms at text offset *cut*, cutting an atom in two if the offset is inside it
    (a long unit that layout broke between clusters)."""
    for i, atom in enumerate(atoms):
        if atom.end <= cut:
            continue
        if atom.start >= cut:
            return atoms[:i], atoms[i:]
        k = cut - atom.start
        left, right = atom.text[:k], atom.text[k:]
        return (
            [
                *atoms[:i],
                _Atom(left, atom.font, shaped(left, atom.font)[1] * size, False, atom.start),
            ],
            [
                _Atom(right, atom.font, shaped(right, atom.font)[1] * size, False, cut),
                *atoms[i + 1 :],
            ],
        )
    return list(atoms), []


def _draw_line(text_obj, line: Line, width: float, y: float, style: TextStyle) -> None:
    size = style.font_size
    x = style.left_indent + (style.first_line_indent if line.first else 0)
    avail = width - x - style.right_indent
    slack = avail - line.width
    gap_extra = 0.0
    if style.align == "center":
        x += slack / 2
    elif style.align == "right":
        x += slack
    elif style.align == "justify" and not line.last:
        spaces = sum(1 for a in line.atoms if a.space)
        # Spread the slack over real spaces only, and only while each stays modest: a
        # Thai line has few spaces and would otherwise open holes. (Widening the gaps
        # between Thai words instead would make PDF readers copy them as spaces.)
        if spaces and slack / spaces <= 0.35 * size:
            gap_extra = slack / spaces
    # Draw runs of atoms in one font as one shaped string; restart at each space when
    # justifying so the extra width lands there.
    run_font = None
    run_text: ShapedStr | str | None = None
    run_source: list[str] = []
    run_x = x

    def flush():
        if run_text is not None:
            text_obj.setTextOrigin(run_x, y)
            text_obj.setFont(run_font, size, style.line_height)
            show_shaped(text_obj, run_text, "".join(run_source))

    cursor = x
    for atom in line.atoms:
        s, _ = shaped(atom.text, atom.font)
        if atom.font != run_font or (gap_extra and atom.space):
            flush()
            run_font, run_text, run_x, run_source = atom.font, s, cursor, [atom.text]
        else:
            run_text = run_text + s
            run_source.append(atom.text)
        cursor += atom.width + (gap_extra if atom.space else 0)
    flush()


def show_shaped(text_obj, glyphs: ShapedStr | str, source: str) -> None:
    """Show shaped glyphs, tagged with the text they came from (``/ActualText``).

    The ToUnicode map already maps every glyph back to Thai characters, but a reader
    still has to put them in order from their positions, and a tone mark stacked on an
    upper vowel sits at the same x as the next letter: poppler (Evince, Okular,
    pdftotext) reads "สิ่ง" as "สิง่" and then cannot find it. ActualText gives readers
    that honour it the exact source text of the run; the others still have ToUnicode.
    """
    code = text_obj._code  # reportlab has no public API for marked content in text
    code.append(f"/Span <</ActualText <FEFF{source.encode('utf-16-be').hex().upper()}>>> BDC")
    # textOut would also re-measure the string unshaped just to advance a cursor that
    # the next setTextOrigin overrides; format it directly.
    code.append(text_obj._formatText(glyphs))
    code.append("EMC")
