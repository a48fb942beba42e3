"""Reading one spreadsheet cell as the value a field needs: text, whole numbers, money,
dates in the Buddhist or Common Era, fiscal years, and names with their prefix.

Every parser takes what a spreadsheet gives (``str``, ``int``, ``float``, ``datetime``,
``None``) and returns the value, or raises ``CellError`` with a Thai and an English
sentence. Thai digits (๐-๙) are read as digits everywhere a number is expected.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from codi_core.formatting import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    parse_baht,
    typed_be_year,
)

_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

#: Person prefixes, longest first so นางสาว wins over นาง.
PREFIXES = tuple(sorted((
    "นาย", "นาง", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง", "ดร.", "ผศ.",
    "รศ.", "ศ.", "พระ", "พระครู", "พระอธิการ", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "จ.ส.อ.",
    "ส.อ.", "พ.ต.ท.", "พ.ต.อ.", "ร.ต.อ.", "Mr.", "Mrs.", "Ms.", "Miss", "Dr.",
), key=len, reverse=True))


#: Long prefixes that are never the start of a name, so they may be written joined to it.
_JOINED_OK = {"นางสาว", "เด็กชาย", "เด็กหญิง", "พระครู", "พระอธิการ", "ว่าที่ร้อยตรี"}


class CellError(ValueError):
    """A cell that cannot be read as its field's value."""

    def __init__(self, th: str, en: str):
        super().__init__(en)
        self.th = th
        self.en = en


def arabic_digits(text: str) -> str:
    return text.translate(_ARABIC)


def text(value: Any) -> str:
    """A cell as trimmed text ('' for empty). Whole floats lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    return " ".join(str(value).split())


def norm(value: Any) -> str:
    """A key for comparing names: no spaces, case-folded."""
    return re.sub(r"\s+", "", text(value)).casefold()


def integer(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ต้องเป็นตัวเลข", "must be a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"'{value}' ต้องเป็นจำนวนเต็ม", f"'{value}' must be a whole number")
    raw = arabic_digits(text(value)).replace(",", "").replace(" ", "")
    if re.fullmatch(r"-?\d+(\.0+)?", raw):
        return int(raw.split(".")[0])
    raise CellError(f"'{text(value)}' ไม่ใช่ตัวเลข", f"'{text(value)}' is not a number")


def money(value: Any) -> int | None:
    """Baht (a number cell, or text like ฿1,943,400.00) as integer satang."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError("ต้องเป็นจำนวนเงิน", "must be an amount")
    if isinstance(value, int | float):
        try:
            satang = Decimal(str(value)) * 100
        except InvalidOperation as exc:  # inf, nan
            raise CellError("จำนวนเงินไม่ถูกต้อง", "invalid amount") from exc
        if abs(satang - satang.to_integral_value()) < Decimal("0.0001"):
            satang = satang.to_integral_value()  # float noise from a formula (0.1 + 0.2)
        if satang != satang.to_integral_value():
            raise CellError("จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
                            "an amount has at most 2 decimals")
        if satang < 0:
            raise CellError("จำนวนเงินต้องไม่ติดลบ", "the amount must not be negative")
        return int(satang)
    try:
        return parse_baht(text(value))
    except ValueError as exc:
        raise CellError(str(exc), f"'{text(value)}' is not an amount in baht") from exc


# --- dates ------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _i, (_full, _short) in enumerate(zip(THAI_MONTHS, THAI_MONTHS_SHORT, strict=True), start=1):
    _MONTHS[_full] = _i
    _MONTHS[_short] = _i
    _MONTHS[_short.replace(".", "")] = _i
for _i, _name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                            "oct", "nov", "dec"), start=1):
    _MONTHS[_name] = _i
_MONTH_WORD = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_NUMERIC = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_WORDS = re.compile(rf"(\d{{1,2}})\s*({_MONTH_WORD})[a-z]*\.?\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{{2,4}})",
                    re.IGNORECASE)

BE = "be"
CE = "ce"


def _year(year: int, short: bool) -> tuple[int, str]:
    """A written year as (Common Era year, the era it was read in)."""
    if short:  # two digits: Thai lists mean the Buddhist Era (67 = 2567)
        return 2500 + year - BE_OFFSET, BE
    if year < 1800:
        raise CellError(f"ปี {year} ไม่ถูกต้อง", f"year {year} is not valid")
    be, was_ce = typed_be_year(year)  # the one BE/CE rule of every date field
    return be - BE_OFFSET, (CE if was_ce else BE)


def date(value: Any) -> tuple[dt.date | None, str | None]:
    """A date cell as (date, era assumed). Dates typed with a Buddhist-Era year in a
    spreadsheet that thinks in the Common Era (year 2567) are brought back 543 years."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        be, was_ce = typed_be_year(value.year)
        if was_ce:
            return value, CE
        return _shift(be - BE_OFFSET, value.month, value.day), BE
    raw = arabic_digits(text(value)).strip()
    m = _ISO.fullmatch(raw)
    if m:
        year, era = _year(int(m.group(1)), False)
        return _shift(year, int(m.group(2)), int(m.group(3))), era
    m = _NUMERIC.fullmatch(raw)
    if m:
        year, era = _year(int(m.group(3)), len(m.group(3)) == 2)
        return _shift(year, int(m.group(2)), int(m.group(1))), era
    m = _WORDS.fullmatch(raw)
    if m:
        month = _MONTHS.get(m.group(2)) or _MONTHS.get(m.group(2).lower()[:3])
        year, era = _year(int(m.group(3)), len(m.group(3)) == 2)
        return _shift(year, month, int(m.group(1))), era
    raise CellError(f"'{text(value)}' ไม่ใช่วันที่ (ใช้ เช่น 15/03/2567)",
                    f"'{text(value)}' is not a date (use e.g. 15/03/2567)")


def _shift(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise CellError(f"ไม่มีวันที่ {day}/{month}/{year + BE_OFFSET}",
                        f"there is no date {day}/{month}/{year}") from exc


def fiscal_year(value: Any) -> tuple[int | None, str | None]:
    """A fiscal year as (Buddhist-Era year, era it was written in)."""
    year = integer(value)
    if year is None:
        return None, None
    if 0 <= year <= 99:
        return 2500 + year, BE
    be, was_ce = typed_be_year(year)  # the one BE/CE rule (2026 is 2569)
    if 2500 <= be <= 2700:
        return be, (CE if was_ce else BE)
    raise CellError(f"ปีงบประมาณ {year} ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2567)",
                    f"fiscal year {year} is not valid (use a Buddhist-Era year such as 2567)")


# --- names ------------------------------------------------------------------------------


def split_prefix(name: str) -> tuple[str | None, str]:
    """Take a prefix off a full name only where it is surely one: followed by a space,
    ending in a dot (น.ส.), or the long forms (นางสาว, เด็กชาย...). "นางนวล" and
    "นายิกา" are names, not นาง/นาย + a name, so นาย and นาง joined to the name stay."""
    name = " ".join(name.split())
    for prefix in PREFIXES:
        if not name.casefold().startswith(prefix.casefold()):
            continue
        rest = name[len(prefix):]
        if rest.startswith(" ") or prefix.endswith(".") or prefix in _JOINED_OK:
            rest = rest.strip()
            if rest:
                return name[:len(prefix)], rest
    return None, name


def split_name(full: str) -> tuple[str, str]:
    """First name and last name of a name written in one cell."""
    parts = full.split(" ", 1)
    return parts[0], (parts[1].strip() if len(parts) > 1 else "")
