"""What people see for stored values: enum labels, dates, money (a thin Qt adapter).

Enum labels come from the one table in ``codi_core.labels`` (Thai and English, GLOSSARY.md
wording), shown in the interface's current language, so a language switch changes them
too. The names below (``COMMUNITY_KIND`` ...) are the enum classes that key that table.
Dates are Buddhist Era with Thai month names in Thai; money is baht with separators.
"""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from codi_core import labels as core_labels
from codi_core.formatting import (
    english_date,
    english_time,
    format_baht,
    thai_date_short,
    thai_time,
    to_bangkok,
)
from codi_core.models import (
    ChangeOp,
    ChangeSetStatus,
    CommunityKind,
    FundingType,
    Gender,
    LedgerKind,
    MeetingKind,
    MeetingStatus,
    MembershipRole,
    OrganizationKind,
    PilotStatus,
    ProjectStatus,
    Sector,
)

from .i18n import current_language

CTX = "Labels"

# The interface's language is the core table's language when none is asked for.
core_labels.set_language_hook(current_language)

COMMUNITY_KIND = CommunityKind
ORGANIZATION_KIND = OrganizationKind
SECTOR = Sector
GENDER = Gender
MEMBERSHIP_ROLE = MembershipRole
PROJECT_STATUS = ProjectStatus
FUNDING_TYPE = FundingType
LEDGER_KIND = LedgerKind
MEETING_KIND = MeetingKind
MEETING_STATUS = MeetingStatus
PILOT_STATUS = PilotStatus
CHANGE_OP = ChangeOp
CHANGE_STATUS = ChangeSetStatus

MONTHS_SHORT = (
    QT_TRANSLATE_NOOP("Labels", "ต.ค."), QT_TRANSLATE_NOOP("Labels", "พ.ย."),
    QT_TRANSLATE_NOOP("Labels", "ธ.ค."), QT_TRANSLATE_NOOP("Labels", "ม.ค."),
    QT_TRANSLATE_NOOP("Labels", "ก.พ."), QT_TRANSLATE_NOOP("Labels", "มี.ค."),
    QT_TRANSLATE_NOOP("Labels", "เม.ย."), QT_TRANSLATE_NOOP("Labels", "พ.ค."),
    QT_TRANSLATE_NOOP("Labels", "มิ.ย."), QT_TRANSLATE_NOOP("Labels", "ก.ค."),
    QT_TRANSLATE_NOOP("Labels", "ส.ค."), QT_TRANSLATE_NOOP("Labels", "ก.ย."),
)  # fiscal-year order, October first


def label(table: type[enum.StrEnum], value: object) -> str:
    """The label of a stored enum value in the interface language ('' for None; the raw
    value if unknown)."""
    return core_labels.label(table, value, current_language())


def choices(table: type[enum.StrEnum] | None) -> list[tuple[str, str]]:
    """(value, label) pairs in the enum's order, for combo boxes."""
    if not table:
        return []
    return core_labels.choices(table, current_language())


def month_label(fiscal_index: int) -> str:
    return QCoreApplication.translate(CTX, MONTHS_SHORT[fiscal_index])


def date_text(value: dt.date | dt.datetime | None) -> str:
    """``25 พ.ย. 2569`` in Thai, ``25 November 2569 BE`` in English (the Buddhist Era in
    both, as every date is typed and as the history shows it); '' for None."""
    if value is None:
        return ""
    if current_language() == "en":
        return english_date(value, buddhist_era=True)
    return thai_date_short(value)


def datetime_text(value: dt.datetime | None) -> str:
    """Date and Bangkok time: ``25 พ.ย. 2569 14.30 น.``."""
    if value is None:
        return ""
    local = to_bangkok(value)
    if current_language() == "en":
        return f"{english_date(local, buddhist_era=True)} {english_time(local)}"
    return f"{thai_date_short(local)} {thai_time(local)}"


def time_text(value: dt.datetime) -> str:
    local = to_bangkok(value)
    return english_time(local) if current_language() == "en" else thai_time(local, suffix=False)


def money_text(satang: int | None) -> str:
    """``฿1,234.50``; '' for None."""
    return "" if satang is None else format_baht(int(satang))


def number_text(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"
