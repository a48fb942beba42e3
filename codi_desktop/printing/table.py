"""A ruled table of Thai paragraphs that splits across pages, between rows or inside one.

reportlab's ``Table`` wraps every cell flowable again on each page split (quadratic in
the number of rows) and handles in-row splitting only as an option. Documents here
need long tables (a 500-row sign-in sheet) with the header repeated on every page, and
cells that can hold a paragraph longer than a page, so :class:`ThaiTable` does just
that, with each cell a :class:`~.text.ThaiParagraph`. Row heights are computed once per
width; a split hands the already laid-out rows to the two halves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from . import linebreak
from .fonts import font_name
from .text import Align, Run, TextStyle, ThaiParagraph, shaped

__all__ = ["Cell", "RowStyle", "ThaiTable", "fit_columns"]

#: A4 height minus usual top and bottom margins: when the frame cannot tell, rows
#: shorter than this are moved to the next page whole; taller ones are split in cells.
_DEFAULT_FRAME_HEIGHT = 29.7 * cm - 5 * cm


@dataclass(frozen=True, slots=True)
class Cell:
    """Cell content with its own alignment or weight; plain strings use the column's."""

    content: str | Sequence[str | Run]
    align: Align | None = None
    bold: bool | None = None
    span: int = 1  # columns this cell covers (cells it covers are omitted from the row)


@dataclass(frozen=True, slots=True)
class RowStyle:
    bold: bool = False
    background: tuple[float, float, float] | None = None
    min_height: float = 0
    keep_with_previous: bool = False  # a total row never starts a page on its own
    keep_with_next: bool = False  # a group's heading row never ends a page on its own
    valign: str = "top"  # "middle": the text centred in a row taller than it (sign-in)


@dataclass(slots=True)
class _Row:
    cells: list[tuple[int, int, ThaiParagraph]]  # (first column, span, paragraph)
    style: RowStyle
    height: float = 0
    heights: list[float] = field(default_factory=list)


class ThaiTable(Flowable):
    """Rows of Thai paragraphs in ruled cells, with repeated header rows.

    ``rows`` are sequences of cells (``str``, :class:`Cell` or a ready
    :class:`ThaiParagraph`); the first ``header_rows`` repeat at the top of each page.
    ``col_aligns`` sets each column's default alignment; ``row_styles`` maps a row
    index to a :class:`RowStyle` (bold totals, shading, a minimum height for signing).
    """

    def __init__(
        self,
        rows: Sequence[Sequence[str | Cell | ThaiParagraph]],
        col_widths: Sequence[float],
        *,
        header_rows: int = 1,
        text_style: TextStyle | None = None,
        col_aligns: Sequence[Align] | None = None,
        row_styles: dict[int, RowStyle] | None = None,
        default_row_style: RowStyle | None = None,
        header_style: RowStyle | None = None,
        padding: float = 3,
        line_width: float = 0.5,
        frame_height: float = _DEFAULT_FRAME_HEIGHT,
        extra_words: Sequence[str] = (),
        _rows: list[_Row] | None = None,
    ):
        super().__init__()
        self.col_widths = list(col_widths)
        self.header_rows = header_rows
        self.padding = padding
        self.line_width = line_width
        self.frame_height = frame_height
        self._width_done: float | None = None
        # A head cut short on purpose (a total kept with its rows) claims the rest of its
        # frame, so platypus does not start the tail in the space left below it.
        self._fill_height = 0.0
        if _rows is not None:
            self._rows = _rows
            return
        base = text_style or TextStyle(font_size=14, leading=19)
        aligns = list(col_aligns or ["left"] * len(self.col_widths))
        row_styles = row_styles or {}
        header_style = header_style or RowStyle(bold=True, background=(0.9, 0.9, 0.9))
        default_row_style = default_row_style or RowStyle()
        self._rows = []
        for r, row in enumerate(rows):
            rstyle = row_styles.get(r, header_style if r < header_rows else default_row_style)
            cells = []
            col = 0
            for item in row:
                span = item.span if isinstance(item, Cell) else 1
                if isinstance(item, ThaiParagraph):
                    para = item
                else:
                    content = item.content if isinstance(item, Cell) else item
                    align = (item.align if isinstance(item, Cell) else None) or (
                        "center" if r < header_rows else aligns[col]
                    )
                    bold = item.bold if isinstance(item, Cell) and item.bold is not None else None
                    style = base.but(align=align, bold=rstyle.bold if bold is None else bold)
                    para = ThaiParagraph(content, style, extra_words=extra_words)
                cells.append((col, span, para))
                col += span
            self._rows.append(_Row(cells, rstyle))

    # -- geometry --

    def _cell_width(self, col: int, span: int) -> float:
        return sum(self.col_widths[col : col + span]) - 2 * self.padding

    def _measure(self, row: _Row) -> None:
        heights = []
        for col, span, para in row.cells:
            _, h = para.wrap(self._cell_width(col, span), 1e9)
            heights.append(h)
        row.heights = heights
        row.height = max([*heights, 0]) + 2 * self.padding
        row.height = max(row.height, row.style.min_height)

    def _ensure_measured(self) -> None:
        if self._width_done is None:
            for row in self._rows:
                self._measure(row)
            self._width_done = sum(self.col_widths)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        self._ensure_measured()
        self.width = sum(self.col_widths)
        self.height = max(sum(r.height for r in self._rows), self._fill_height)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        self._ensure_measured()
        header = self._rows[: self.header_rows]
        body = self._rows[self.header_rows :]
        used = sum(r.height for r in header)
        fit = 0
        for row in body:
            if used + row.height > availHeight + 1e-6:
                break
            used += row.height
            fit += 1
        if fit == len(body):
            return [self]
        # Never start a page with a row that belongs to the one before it (a subtotal) nor
        # end one with a row that belongs to the next (a group heading): move the break
        # up, unless nothing would be left above it.
        keep = fit
        while keep > 0 and (
            body[keep].style.keep_with_previous or body[keep - 1].style.keep_with_next
        ):
            keep -= 1
        if 0 < keep < fit:
            head = self._sub(header + body[:keep])
            head._fill_height = availHeight
            return [head, self._sub(header + body[keep:])]
        if fit > 0:
            return [self._sub(header + body[:fit]), self._sub(header + body[fit:])]
        # Not even one row fits. Move it to the next page unless it would not fit
        # there either (we are already at the top of a frame, or, in a container that
        # does not say, the row is taller than a page): then cut it between lines.
        row = body[0]
        room = availHeight - used - 2 * self.padding
        frame = getattr(self, "_frame", None)  # set by platypus while it asks us to split
        at_top = frame._atTop if frame is not None else row.height > self.frame_height - used
        if not at_top or room <= 0:
            return []
        head_cells, tail_cells = [], []
        for col, span, para in row.cells:
            parts = para.split(self._cell_width(col, span), room)
            if not parts:  # not one line of this cell fits: the whole cell goes on
                head_cells.append((col, span, ThaiParagraph("", para.style)))
                tail_cells.append((col, span, para))
            elif len(parts) == 1:
                head_cells.append((col, span, parts[0]))
                tail_cells.append((col, span, ThaiParagraph("", para.style)))
            else:
                head_cells.append((col, span, parts[0]))
                tail_cells.append((col, span, parts[1]))
        head_row = _Row(head_cells, row.style)
        tail_row = _Row(tail_cells, row.style)
        self._measure(head_row)
        self._measure(tail_row)
        head_row.height = min(head_row.height, availHeight - used)
        return [self._sub([*header, head_row]), self._sub([*header, tail_row, *body[1:]])]

    def _sub(self, rows: list[_Row]) -> ThaiTable:
        sub = ThaiTable(
            [],
            self.col_widths,
            header_rows=self.header_rows,
            padding=self.padding,
            line_width=self.line_width,
            frame_height=self.frame_height,
            _rows=rows,
        )
        sub._width_done = self._width_done
        return sub

    # -- drawing --

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self.line_width)
        x_edges = [0.0]
        for w in self.col_widths:
            x_edges.append(x_edges[-1] + w)
        y = self.height
        for row in self._rows:
            bottom = y - row.height
            if row.style.background:
                canv.setFillColorRGB(*row.style.background)
                canv.rect(0, bottom, x_edges[-1], row.height, stroke=0, fill=1)
                canv.setFillColorRGB(0, 0, 0)
            for (col, span, para), h in zip(row.cells, row.heights, strict=True):
                del h
                x0 = x_edges[col]
                if self.line_width > 0:  # 0 means a borderless layout table, not hairlines
                    canv.rect(x0, bottom, x_edges[col + span] - x0, row.height, stroke=1, fill=0)
                top = y - self.padding
                if row.style.valign == "middle":
                    top = y - (row.height - para.height) / 2
                para.drawOn(canv, x0 + self.padding, top - para.height)
            y = bottom
        canv.restoreState()


#: A unit wider than this is measured by the words it is made of (a long compound of
#: the dictionary, ทรัพยากรธรรมชาติและสิ่งแวดล้อม, wraps at them when it must).
_LONG_UNIT = 3 * cm


def _widest_word(text: str, font: str, size: float, extra_words: Sequence[str]) -> float:
    widest = 0.0
    for unit in linebreak.break_units(text, extra_words):
        if not unit.strip():
            continue
        width = shaped(unit, font)[1] * size
        if width > _LONG_UNIT and " " not in unit:
            width = max(shaped(p, font)[1] * size for p in linebreak.split_word(unit))
        widest = max(widest, width)
    return widest


def _plain(content) -> tuple[str, bool | None]:
    if isinstance(content, Cell):
        text, bold = _plain(content.content)
        return text, content.bold if content.bold is not None else bold
    if isinstance(content, str):
        return content, None
    if isinstance(content, ThaiParagraph):
        return content.text, content.style.bold
    return "".join(r if isinstance(r, str) else r.text for r in content), None


def fit_columns(
    rows: Sequence[Sequence[str | Cell]],
    total_width: float,
    text_style: TextStyle,
    *,
    nowrap: Sequence[int] = (),
    padding: float = 3,
    bold_rows: Sequence[int] = (),
    extra_words: Sequence[str] = (),
    min_widths: dict[int, float] | None = None,
    spare_to: int | None = None,
    header_rows: int = 0,
) -> list[float]:
    """Column widths from the content actually present, filling *total_width*.

    Columns in *nowrap* (amounts, codes, dates, numbers) get the width of their widest
    value, so they are never broken; the other columns share what is left in proportion
    to their widest value, each at least as wide as its longest unbreakable word, so a
    long name wraps at a word (or, when even the words do not fit, is cut). Width to spare goes to the wrapping columns, or all to
    column *spare_to*. The first *header_rows* (column names) may wrap at a word in any
    column, so only their longest word counts. Cells spanning several columns are not measured. If even
    the unbreakable columns alone do not fit, every column is scaled down alike.
    """
    bold_rows = set(bold_rows)
    fixed = set(nowrap)
    ncols = max(sum(c.span if isinstance(c, Cell) else 1 for c in row) for row in rows)
    natural = [0.0] * ncols
    longest = [0.0] * ncols
    size = text_style.font_size
    for r, row in enumerate(rows):
        col = 0
        for item in row:
            span = item.span if isinstance(item, Cell) else 1
            if span == 1:
                text, bold = _plain(item)
                font = font_name(bold=(r in bold_rows) if bold is None else bold)
                if r >= header_rows:
                    natural[col] = max(natural[col], shaped(text, font)[1] * size + 2 * padding)
                if text.strip() and (col not in fixed or r < header_rows):
                    widest = _widest_word(text, font, size, extra_words)
                    longest[col] = max(longest[col], widest + 2 * padding)
            col += span
    for col, width in (min_widths or {}).items():
        natural[col] = max(natural[col], width)
        longest[col] = max(longest[col], width)
    natural = [max(n, w) for n, w in zip(natural, longest, strict=True)]
    floor = [natural[c] if c in fixed else longest[c] for c in range(ncols)]
    if sum(natural) <= total_width:  # everything on one line: spare width to the text
        widths = list(natural)
        flexible = [c for c in range(ncols) if c not in fixed] or list(range(ncols))
        if spare_to is not None:
            flexible = [spare_to]
        spare = (total_width - sum(widths)) / len(flexible)
        for c in flexible:
            widths[c] += spare
        return widths
    flexible = [c for c in range(ncols) if c not in fixed]
    room = total_width - sum(floor[c] for c in fixed)
    if room <= 0 or not flexible:  # not even the amounts fit: everything gives a little
        scale = total_width / sum(floor)
        return [w * scale for w in floor]
    if sum(floor[c] for c in flexible) > room:
        # The text columns give way (a word is cut), never the amounts and codes.
        widths = list(floor)
        share = room / sum(floor[c] for c in flexible)
        for c in flexible:
            widths[c] = floor[c] * share
        return widths
    # Water-filling: each wrapping column gets its natural width capped at a common level.
    lo, hi = 0.0, max(natural)
    for _ in range(60):
        level = (lo + hi) / 2
        used = sum(max(floor[c], min(natural[c], level)) for c in flexible)
        lo, hi = (level, hi) if used <= room else (lo, level)
    widths = list(floor)
    for c in flexible:
        widths[c] = max(floor[c], min(natural[c], lo))
    leftover = room - sum(widths[c] for c in flexible)
    if flexible and leftover > 0:
        widths[flexible[0]] += leftover
    return widths
