"""The documents people sign and file: minutes, invitation, agenda, sign-in sheet, budget.

Each ``render_*`` function takes one dataclass from :mod:`.data` and writes an A4 PDF in
the layout Thai officials expect (see :mod:`.layout`); wording follows the Prime
Minister's Office Regulation on Correspondence (แบบที่ 11 for minutes) and GLOSSARY.md.
One module per document: :mod:`.minutes`, :mod:`.letters`, :mod:`.sign_in`,
:mod:`.budget`; what they share is in :mod:`.common`.
"""

from __future__ import annotations

from .budget import render_budget_report
from .letters import render_agenda, render_invitation
from .minutes import render_minutes
from .sign_in import PRIVACY_NOTICE, render_sign_in_sheet

__all__ = [
    "PRIVACY_NOTICE",
    "render_agenda",
    "render_budget_report",
    "render_invitation",
    "render_minutes",
    "render_sign_in_sheet",
]
