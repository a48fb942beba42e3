"""Page set-up shared by every document: A4, official margins, page numbers, watermark.

Thai official documents (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ) are A4 with a 3 cm
left and 2 cm right margin, set in TH Sarabun (here its open release Sarabun) at 16 pt,
and number pages from the second page on, at the top centre, as "- ๒ -".
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from codi_core import formatting

from .fonts import FONT_REGULAR, register_fonts
from .text import Run, TextStyle, ThaiParagraph, shaped, show_shaped

__all__ = ["Document", "Output", "draw_text"]

Output = str | os.PathLike | BinaryIO | None

LEFT_MARGIN = 3 * cm
RIGHT_MARGIN = 2 * cm
TOP_MARGIN = 2.5 * cm
BOTTOM_MARGIN = 2 * cm
#: Phrases of the forms that must not break across lines (the segmenter splits them
#: into their parts: งด|ออกเสียง, ผู้จด|รายงานการประชุม).
FORM_TERMS = (
    "งดออกเสียง",
    "ไม่เห็นด้วย",
    "ผู้จดรายงานการประชุม",
    "ผู้ตรวจรายงานการประชุม",
    "มติที่ประชุม",
    "ระเบียบวาระที่",
    "ลายมือชื่อ",
)

# Sarabun's ascender + descender span 1.3 em; a 22 pt pitch at 16 pt keeps a tone mark
# on a tall vowel clear of the line above's below-marks.
BODY = TextStyle(font_size=16, leading=22)


def draw_text(
    canv,
    x: float,
    y: float,
    text: str,
    *,
    font: str = FONT_REGULAR,
    size: float = 16,
    anchor: str = "left",
) -> float:
    """Draw one shaped line on a canvas (``canvas.drawString`` cannot shape, see THAI.md)."""
    s, width = shaped(text, font)
    width *= size
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    t = canv.beginText(x, y)
    t.setFont(font, size)
    show_shaped(t, s, text)
    canv.drawText(t)
    return width


class Document:
    """One document being built: its story, its options, and how it is written out."""

    def __init__(
        self,
        title: str,
        *,
        use_thai_digits: bool = False,
        landscape_pages: bool = False,
        watermark: str | None = None,
        extra_words: Iterable[str] = (),
        subject: str = "",
    ):
        register_fonts()
        self.title = title
        self.subject = subject
        self.use_thai_digits = use_thai_digits
        self.pagesize = landscape(A4) if landscape_pages else A4
        self.watermark = watermark
        self.extra_words = (*FORM_TERMS, *extra_words)
        self.story: list[Flowable] = []

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN

    @property
    def frame_height(self) -> float:
        return self.pagesize[1] - TOP_MARGIN - BOTTOM_MARGIN

    def t(self, text: str) -> str:
        """Text as printed: with Thai digits when the document asks for them."""
        return formatting.thai_digits(text) if self.use_thai_digits else text

    def para(
        self, content: str | Sequence[str | Run], style: TextStyle = BODY, **kwargs
    ) -> ThaiParagraph:
        if isinstance(content, str):
            content = self.t(content)
        else:
            content = [
                Run(self.t(c.text), c.bold, c.italic) if isinstance(c, Run) else self.t(c)
                for c in content
            ]
        return ThaiParagraph(content, style, extra_words=self.extra_words, **kwargs)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def add_para(self, content, style: TextStyle = BODY, **kwargs) -> ThaiParagraph:
        p = self.para(content, style, **kwargs)
        self.story.append(p)
        return p

    # -- output --

    def _on_page(self, canv, doc) -> None:
        canv.saveState()
        width, height = self.pagesize
        if self.watermark:
            canv.saveState()
            canv.setFillColorRGB(0.85, 0.85, 0.85)
            canv.translate(width / 2, height / 2)
            canv.rotate(35)
            draw_text(canv, 0, -40, self.watermark, size=120, anchor="center")
            canv.restoreState()
            canv.setFillColorRGB(0.6, 0, 0)
            draw_text(
                canv,
                width - RIGHT_MARGIN,
                height - 1.5 * cm,
                self.watermark,
                size=14,
                anchor="right",
            )
            canv.setFillColorRGB(0, 0, 0)
        page = canv.getPageNumber()
        if page > 1:
            draw_text(
                canv,
                LEFT_MARGIN + self.frame_width / 2,
                height - 1.5 * cm,
                self.t(f"- {page} -"),
                size=16,
                anchor="center",
            )
        canv.restoreState()

    def build(self, out: Output, on_page: Callable | None = None) -> bytes | None:
        """Lay the story out and write the PDF to *out* (a path or a binary file), or
        return its bytes when *out* is None."""
        target = io.BytesIO() if out is None else out
        if isinstance(target, os.PathLike):
            target = os.fspath(target)
        template = BaseDocTemplate(
            target,
            pagesize=self.pagesize,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=self.title,
            author="CODI Desktop",
            creator="CODI Desktop",
            subject=self.subject,
            lang="th-TH",
            # Otherwise every page carries an unused, unembedded Helvetica resource.
            initialFontName=FONT_REGULAR,
            initialFontSize=16,
        )
        frame = Frame(
            LEFT_MARGIN,
            BOTTOM_MARGIN,
            self.frame_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        template.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=on_page or self._on_page)]
        )
        template.build(self.story)
        if out is None:
            return target.getvalue()
        return None
