"""Formatting at the edge: Thai dates, times, fiscal years and money, for screen and print.

Everything here is a pure function with no Qt and no database, so the UI, the printing
layer and the services format the same value the same way. The conventions (DESIGN.md §8):
storage holds UTC datetimes and integer satang; people see the Buddhist Era, Thai month
names, Asia/Bangkok time and baht with thousands separators.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from functools import lru_cache

__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "THAI_MONTHS_SHORT",
    "THAI_WEEKDAYS",
    "CE_YEAR_LIMIT",
    "bangkok_tz",
    "bangkok_today",
    "be_year",
    "english_date",
    "english_time",
    "fiscal_year",
    "fiscal_year_bounds",
    "format_amount",
    "format_baht",
    "mask_phone",
    "meeting_number",
    "parse_baht",
    "parse_typed_date",
    "thai_date",
    "thai_date_long",
    "thai_date_short",
    "thai_digits",
    "thai_time",
    "to_bangkok",
    "typed_be_year",
    "typed_date_text",
]

#: Buddhist Era year = Common Era year + 543.
BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
#: Monday first, matching ``date.weekday()``.
THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def thai_digits(text: str) -> str:
    """Return *text* with the digits 0-9 written as Thai digits ๐-๙."""
    return text.translate(_THAI_DIGITS)


def _digits(text: str, use_thai: bool) -> str:
    return thai_digits(text) if use_thai else text


# --- time zones -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def bangkok_tz() -> tzinfo:
    """The Asia/Bangkok zone.

    Windows has no system tz database and the ``tzdata`` wheel may be missing; Thailand
    has kept UTC+7 without daylight saving since 1920, so a fixed offset is exact for
    every date this app deals with.
    """
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Bangkok")
    except Exception:  # ZoneInfoNotFoundError, or no tz database at all
        return timezone(timedelta(hours=7), "ICT")


def to_bangkok(moment: datetime) -> datetime:
    """Convert a stored UTC datetime to Asia/Bangkok local time.

    Naive datetimes are taken to be UTC, because that is what storage holds (DESIGN §8).
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(bangkok_tz())


def _local_date(value: date | datetime) -> date:
    """The calendar date a person in Thailand would give for *value*."""
    if isinstance(value, datetime):
        return to_bangkok(value).date() if value.tzinfo is not None else value.date()
    return value


# --- dates ----------------------------------------------------------------------------


def be_year(value: date | datetime | int) -> int:
    """The Buddhist Era year of a date (or of a CE year given as an int)."""
    year = value if isinstance(value, int) else _local_date(value).year
    return year + BE_OFFSET


def thai_date(value: date | datetime, *, use_thai_digits: bool = False) -> str:
    """``25 พฤศจิกายน 2569``: day, full Thai month name, Buddhist Era year.

    An aware datetime is first converted to Bangkok time; a naive datetime is taken as
    already local (use :func:`to_bangkok` on stored UTC values).
    """
    d = _local_date(value)
    return _digits(f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + BE_OFFSET}", use_thai_digits)


def thai_date_short(
    value: date | datetime, *, two_digit_year: bool = False, use_thai_digits: bool = False
) -> str:
    """``25 พ.ย. 2569`` (or ``25 พ.ย. 69`` with *two_digit_year*), for tables and lists."""
    d = _local_date(value)
    year = d.year + BE_OFFSET
    year_text = f"{year % 100:02d}" if two_digit_year else str(year)
    return _digits(f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {year_text}", use_thai_digits)


def thai_date_long(value: date | datetime, *, use_thai_digits: bool = False) -> str:
    """``วันพุธที่ 25 พฤศจิกายน 2569``: the form official minutes use after "เมื่อ"."""
    d = _local_date(value)
    return f"วัน{THAI_WEEKDAYS[d.weekday()]}ที่ {thai_date(d, use_thai_digits=use_thai_digits)}"


def english_date(value: date | datetime, *, buddhist_era: bool = False) -> str:
    """``25 November 2026`` (or ``25 November 2569 BE`` with *buddhist_era*)."""
    d = _local_date(value)
    if buddhist_era:
        return f"{d.day} {_ENGLISH_MONTHS[d.month - 1]} {d.year + BE_OFFSET} BE"
    return f"{d.day} {_ENGLISH_MONTHS[d.month - 1]} {d.year}"


def _local_time(value: time | datetime) -> time:
    if isinstance(value, datetime):
        return (to_bangkok(value) if value.tzinfo is not None else value).time()
    return value


def thai_time(value: time | datetime, *, suffix: bool = True, use_thai_digits: bool = False) -> str:
    """``14.30 น.``: the Thai official way of writing a time (a dot, then น. for นาฬิกา)."""
    t = _local_time(value)
    text = f"{t.hour:02d}.{t.minute:02d}" + (" น." if suffix else "")
    return _digits(text, use_thai_digits)


def english_time(value: time | datetime) -> str:
    """``14:30``."""
    t = _local_time(value)
    return f"{t.hour:02d}:{t.minute:02d}"


def bangkok_today(now: datetime | None = None) -> date:
    """The date in Thailand at the instant ``now`` (default: this moment), whatever zone
    the laptop's clock is set to: 1 December 2026 20:00 UTC is already 2 December in
    Bangkok. The one "today" of the desktop and the core (``date.today()`` is the
    laptop's zone); a naive ``now`` is refused rather than guessed."""
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        raise ValueError("bangkok_today needs an aware instant (UTC), got a naive datetime")
    return now.astimezone(bangkok_tz()).date()


# --- dates and years as people type them ----------------------------------------------

#: A year typed where a Buddhist-Era year is expected and below this is a CE year.
CE_YEAR_LIMIT = 2400

_TYPED_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def typed_be_year(year: int) -> tuple[int, bool]:
    """A year typed where a Buddhist-Era year is expected: (the BE year, typed as CE?).

    The one rule for every date and year field: people often type 2026 for 2569, so a
    year below :data:`CE_YEAR_LIMIT` is taken as CE and converted (the screen says so).
    """
    if year < CE_YEAR_LIMIT:
        return year + BE_OFFSET, True
    return year, False


def parse_typed_date(text: str) -> tuple[date, bool]:
    """``25/11/2569`` (day/month/BE year; ``.`` or ``-`` also separate, Thai digits read)
    to (the date, was the year typed as CE?). ``ValueError`` when it is not a date."""
    m = _TYPED_DATE.match(text.translate(_ARABIC_DIGITS))
    if not m:
        raise ValueError(text)
    day, month, year = (int(g) for g in m.groups())
    be, was_ce = typed_be_year(year)
    return date(be - BE_OFFSET, month, day), was_ce


def typed_date_text(value: date) -> str:
    """How a date is written back into a date field: ``25/11/2569``."""
    return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"


# --- fiscal year and meeting numbers --------------------------------------------------


def fiscal_year(value: date | datetime) -> int:
    """The Thai government fiscal year (BE) a date falls in.

    Fiscal year N runs 1 October N-1 to 30 September N and is named by the later year,
    so 1 October 2569 BE (2026 CE) starts fiscal year 2570.
    """
    d = _local_date(value)
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[date, date]:
    """First and last day (CE dates) of fiscal year *fiscal_year_be*."""
    ce = fiscal_year_be - BE_OFFSET
    return date(ce - 1, 10, 1), date(ce, 9, 30)


BANGKOK_TH = "กรุงเทพมหานคร"


def province_phrase(name_th: str) -> str:
    """A province named in a Thai sentence: จังหวัดยโสธร, but กรุงเทพมหานคร alone
    (Bangkok is a special administrative area, not a จังหวัด)."""
    return name_th if name_th == BANGKOK_TH else f"จังหวัด{name_th}"


def meeting_number(number: int, year_be: int, *, use_thai_digits: bool = False) -> str:
    """``3/2569``: meetings are numbered per calendar year, "ครั้งที่ n/BE-year"."""
    if number < 1:
        raise ValueError(f"meeting number must be positive, got {number}")
    return _digits(f"{number}/{year_be}", use_thai_digits)


# --- money ----------------------------------------------------------------------------


def format_amount(satang: int, *, use_thai_digits: bool = False) -> str:
    """``1,234.50`` from 123450 satang: two decimals, thousands separators, no symbol."""
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise TypeError(f"amounts are integer satang, got {type(satang).__name__}")
    sign = "-" if satang < 0 else ""
    baht, sat = divmod(abs(satang), 100)
    return _digits(f"{sign}{baht:,}.{sat:02d}", use_thai_digits)


def format_baht(satang: int, *, symbol: bool = True, use_thai_digits: bool = False) -> str:
    """``฿1,234.50`` from 123450 satang (``-฿1,234.50`` when negative)."""
    text = format_amount(satang, use_thai_digits=use_thai_digits)
    if not symbol:
        return text
    return f"-฿{text[1:]}" if text.startswith("-") else f"฿{text}"


#: Ten trillion baht: larger than any budget, small enough for a 64-bit integer column.
_MAX_SATANG = 10**15
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_PLAIN = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")


def parse_baht(text: str) -> int:
    """Parse a baht amount typed by a person into integer satang, exactly.

    Accepts ``1234``, ``1,234.5``, ``฿1,234.50``, ``1234.50 บาท`` and Thai digits.
    Raises :class:`ValueError` with a Thai message a person can act on for an empty,
    negative, malformed or over-precise amount. Goes through :class:`~decimal.Decimal`,
    never float, so ``0.29`` is 29 satang and not 28.
    """
    if not isinstance(text, str):
        raise TypeError("parse_baht expects text")
    cleaned = text.translate(_ARABIC_DIGITS).strip()
    cleaned = cleaned.removesuffix("บาท").strip()
    cleaned = cleaned.removeprefix("฿").strip()
    if not cleaned:
        raise ValueError("กรุณากรอกจำนวนเงิน")
    if cleaned.startswith(("-", "−")) or cleaned.endswith("-"):
        raise ValueError("จำนวนเงินต้องไม่ติดลบ")
    cleaned = cleaned.replace(" ", "")
    if not (_GROUPED.fullmatch(cleaned) or _PLAIN.fullmatch(cleaned)):
        raise ValueError(f"“{text.strip()}” ไม่ใช่จำนวนเงินที่ถูกต้อง กรุณากรอกเป็นตัวเลข เช่น 1,234.50")
    try:
        amount = Decimal(cleaned.replace(",", ""))
    except InvalidOperation as exc:  # unreachable after the patterns, kept as a guard
        raise ValueError(f"“{text.strip()}” ไม่ใช่จำนวนเงินที่ถูกต้อง") from exc
    satang = amount * 100
    if satang != satang.to_integral_value():
        raise ValueError("จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)")
    result = int(satang)
    if result >= _MAX_SATANG:
        raise ValueError("จำนวนเงินมากเกินไป กรุณาตรวจสอบอีกครั้ง")
    return result


def mask_phone(phone: str) -> str:
    """Hide all but the last four digits of a phone number: ``08x-xxx-5678``.

    Printed sign-in sheets are seen by everyone who signs after you; showing the
    operator prefix and the last four digits is enough for the organizer to match a
    number without exposing it (PDPA: collect and show no more than needed).
    """
    digits = "".join(ch for ch in phone.translate(_ARABIC_DIGITS) if ch.isdigit())
    if not digits:
        return ""
    if len(digits) <= 4:
        return "x" * len(digits)
    if len(digits) == 10:  # mobile: 08x-xxx-5678
        return f"{digits[:2]}x-xxx-{digits[-4:]}"
    if len(digits) == 9:  # landline: 02-xxx-5678
        return f"{digits[:2]}-xxx-{digits[-4:]}"
    return "x" * (len(digits) - 4) + digits[-4:]
