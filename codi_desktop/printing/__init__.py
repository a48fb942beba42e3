"""Printing: Thai official documents as PDF, with reportlab and no Qt.

Public API (each writes to a path or binary file, or returns the PDF bytes when ``out``
is None; ``thai_digits=True`` prints ๐-๙ instead of 0-9):

- :func:`render_minutes` (:class:`~.data.Minutes`): รายงานการประชุม, แบบที่ 11
- :func:`render_invitation` (:class:`~.data.Invitation`): หนังสือเชิญประชุม + agenda
- :func:`render_agenda` (:class:`~.data.MeetingInfo`, list of :class:`~.data.AgendaItem`)
- :func:`render_sign_in_sheet` (:class:`~.data.SignInSheet`): ใบลงทะเบียน
- :func:`render_budget_report` (:class:`~.data.BudgetReport`): budget by program/project

:func:`warm_up` loads the Thai word segmenter (about a second); call it from a
background thread at start-up so the first print is quick. :func:`add_words` teaches
the segmenter local place and person names for every document (each document also
takes ``extra_words``).
"""

from .data import (
    AgendaItem,
    Attendee,
    BudgetProgram,
    BudgetProject,
    BudgetReport,
    Invitation,
    MeetingInfo,
    Minutes,
    Signatory,
    SignInRow,
    SignInSheet,
    Vote,
)
from .documents import (
    render_agenda,
    render_budget_report,
    render_invitation,
    render_minutes,
    render_sign_in_sheet,
)
from .linebreak import add_words


def warm_up() -> None:
    """Load what the first print would otherwise wait for: the Thai word segmenter's
    dictionary (most of the time) and the Sarabun fonts. Safe to call from a background
    thread at start-up; calling it again costs nothing."""
    from . import linebreak
    from .fonts import FONT_REGULAR, register_fonts
    from .text import shaped

    register_fonts()
    shaped("ที่ประชุม", FONT_REGULAR)
    linebreak.warm_up()


__all__ = [
    "AgendaItem",
    "Attendee",
    "BudgetProgram",
    "BudgetProject",
    "BudgetReport",
    "Invitation",
    "MeetingInfo",
    "Minutes",
    "SignInRow",
    "SignInSheet",
    "Signatory",
    "Vote",
    "add_words",
    "render_agenda",
    "render_budget_report",
    "render_invitation",
    "render_minutes",
    "render_sign_in_sheet",
    "warm_up",
]
