"""What people see for stored values: enum labels (GLOSSARY.md wording), dates, money.

Enum labels are defined with ``QT_TRANSLATE_NOOP`` (they live outside any widget) and
translated when shown, so a language switch changes them too. Dates are Buddhist Era
with Thai month names in Thai; money is baht with separators (``formatting.py``).
"""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from codi_core.formatting import (
    english_date,
    english_time,
    format_baht,
    thai_date_short,
    thai_time,
    to_bangkok,
)

from .i18n import current_language

CTX = "Labels"

COMMUNITY_KIND = {
    "village": QT_TRANSLATE_NOOP("Labels", "ชุมชนหมู่บ้าน"),
    "urban": QT_TRANSLATE_NOOP("Labels", "ชุมชนเมือง"),
    "canal_side": QT_TRANSLATE_NOOP("Labels", "ชุมชนริมคลอง"),
    "coastal": QT_TRANSLATE_NOOP("Labels", "ชุมชนชายฝั่ง"),
    "forest": QT_TRANSLATE_NOOP("Labels", "ชุมชนในเขตป่า"),
    "railway": QT_TRANSLATE_NOOP("Labels", "ชุมชนริมทางรถไฟ"),
    "other": QT_TRANSLATE_NOOP("Labels", "อื่น ๆ"),
}

ORGANIZATION_KIND = {
    "tambon_council": QT_TRANSLATE_NOOP("Labels", "สภาองค์กรชุมชนตำบล"),
    "welfare_fund": QT_TRANSLATE_NOOP("Labels", "กองทุนสวัสดิการชุมชน"),
    "savings_group": QT_TRANSLATE_NOOP("Labels", "กลุ่มออมทรัพย์"),
    "cooperative": QT_TRANSLATE_NOOP("Labels", "สหกรณ์"),
    "network": QT_TRANSLATE_NOOP("Labels", "เครือข่าย"),
    "committee": QT_TRANSLATE_NOOP("Labels", "คณะกรรมการ / คณะทำงาน"),
    "community_org": QT_TRANSLATE_NOOP("Labels", "องค์กรชุมชน"),
    "partner": QT_TRANSLATE_NOOP("Labels", "ภาคี / หน่วยงานภาคี"),
}

SECTOR = {
    "local_government": QT_TRANSLATE_NOOP("Labels", "องค์กรปกครองส่วนท้องถิ่น"),
    "government": QT_TRANSLATE_NOOP("Labels", "ส่วนราชการ"),
    "civil_society": QT_TRANSLATE_NOOP("Labels", "ภาคประชาสังคม"),
    "private": QT_TRANSLATE_NOOP("Labels", "ภาคเอกชน"),
    "academic": QT_TRANSLATE_NOOP("Labels", "สถาบันการศึกษา"),
    "community": QT_TRANSLATE_NOOP("Labels", "ขบวนองค์กรชุมชน"),
}

GENDER = {
    "female": QT_TRANSLATE_NOOP("Labels", "หญิง"),
    "male": QT_TRANSLATE_NOOP("Labels", "ชาย"),
    "other": QT_TRANSLATE_NOOP("Labels", "อื่น ๆ"),
}

MEMBERSHIP_ROLE = {
    "member": QT_TRANSLATE_NOOP("Labels", "สมาชิก"),
    "committee": QT_TRANSLATE_NOOP("Labels", "กรรมการ"),
    "chair": QT_TRANSLATE_NOOP("Labels", "ประธาน"),
    "vice_chair": QT_TRANSLATE_NOOP("Labels", "รองประธาน"),
    "secretary": QT_TRANSLATE_NOOP("Labels", "เลขานุการ"),
    "treasurer": QT_TRANSLATE_NOOP("Labels", "เหรัญญิก"),
    "coordinator": QT_TRANSLATE_NOOP("Labels", "ผู้ประสานงาน"),
    "advisor": QT_TRANSLATE_NOOP("Labels", "ที่ปรึกษา"),
}

PROJECT_STATUS = {
    "proposed": QT_TRANSLATE_NOOP("Labels", "เสนอโครงการ"),
    "approved": QT_TRANSLATE_NOOP("Labels", "อนุมัติ"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "ดำเนินการ"),
    "completed": QT_TRANSLATE_NOOP("Labels", "แล้วเสร็จ"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "ยกเลิก"),
}

FUNDING_TYPE = {
    "subsidy": QT_TRANSLATE_NOOP("Labels", "เงินอุดหนุน"),
    "loan": QT_TRANSLATE_NOOP("Labels", "สินเชื่อ"),
}

LEDGER_KIND = {
    "allocation": QT_TRANSLATE_NOOP("Labels", "จัดสรรงบประมาณ"),
    "approval": QT_TRANSLATE_NOOP("Labels", "อนุมัติโครงการ"),
    "disbursement": QT_TRANSLATE_NOOP("Labels", "เบิกจ่าย"),
    "expenditure": QT_TRANSLATE_NOOP("Labels", "รายงานการใช้จ่าย"),
    "refund": QT_TRANSLATE_NOOP("Labels", "คืนเงิน"),
    "reversal": QT_TRANSLATE_NOOP("Labels", "รายการกลับบัญชี"),
}

MEETING_KIND = {
    "provincial_committee": QT_TRANSLATE_NOOP("Labels", "คณะกรรมการขบวนองค์กรชุมชนจังหวัด"),
    "cluster": QT_TRANSLATE_NOOP("Labels", "การประชุมกลุ่มจังหวัด"),
    "tambon_council": QT_TRANSLATE_NOOP("Labels", "สภาองค์กรชุมชนตำบล"),
    "working_group": QT_TRANSLATE_NOOP("Labels", "คณะทำงาน"),
    "partner_consultation": QT_TRANSLATE_NOOP("Labels", "การหารือภาคี"),
    "provincial_assembly": QT_TRANSLATE_NOOP("Labels", "สมัชชาจังหวัด"),
}

MEETING_STATUS = {
    "planned": QT_TRANSLATE_NOOP("Labels", "วางแผนแล้ว"),
    "invited": QT_TRANSLATE_NOOP("Labels", "ส่งหนังสือเชิญแล้ว"),
    "held": QT_TRANSLATE_NOOP("Labels", "ประชุมแล้ว"),
    "minutes_draft": QT_TRANSLATE_NOOP("Labels", "ร่างรายงานการประชุม"),
    "minutes_certified": QT_TRANSLATE_NOOP("Labels", "รับรองรายงานแล้ว"),
    "locked": QT_TRANSLATE_NOOP("Labels", "ล็อกรายงานแล้ว"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "ยกเลิกการประชุม"),
}

PILOT_STATUS = {
    "none": QT_TRANSLATE_NOOP("Labels", "ยังไม่เข้าร่วม"),
    "pilot": QT_TRANSLATE_NOOP("Labels", "จังหวัดนำร่อง"),
    "expansion": QT_TRANSLATE_NOOP("Labels", "จังหวัดขยายผล"),
}

CHANGE_OP = {
    "insert": QT_TRANSLATE_NOOP("Labels", "สร้าง"),
    "update": QT_TRANSLATE_NOOP("Labels", "แก้ไข"),
    "delete": QT_TRANSLATE_NOOP("Labels", "ลบ"),
}

CHANGE_STATUS = {
    "pending": QT_TRANSLATE_NOOP("Labels", "รอส่ง"),
    "applied": QT_TRANSLATE_NOOP("Labels", "ส่งแล้ว"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "ถูกปฏิเสธ"),
    "discarded": QT_TRANSLATE_NOOP("Labels", "ยกเลิกแล้ว"),
    "local": QT_TRANSLATE_NOOP("Labels", "ในเครื่อง (สาธิต)"),
}

MONTHS_SHORT = (
    QT_TRANSLATE_NOOP("Labels", "ต.ค."), QT_TRANSLATE_NOOP("Labels", "พ.ย."),
    QT_TRANSLATE_NOOP("Labels", "ธ.ค."), QT_TRANSLATE_NOOP("Labels", "ม.ค."),
    QT_TRANSLATE_NOOP("Labels", "ก.พ."), QT_TRANSLATE_NOOP("Labels", "มี.ค."),
    QT_TRANSLATE_NOOP("Labels", "เม.ย."), QT_TRANSLATE_NOOP("Labels", "พ.ค."),
    QT_TRANSLATE_NOOP("Labels", "มิ.ย."), QT_TRANSLATE_NOOP("Labels", "ก.ค."),
    QT_TRANSLATE_NOOP("Labels", "ส.ค."), QT_TRANSLATE_NOOP("Labels", "ก.ย."),
)  # fiscal-year order, October first


def label(table: dict[str, str], value: object) -> str:
    """The translated label of a stored enum value ('' for None; the raw value if unknown)."""
    if value is None or value == "":
        return ""
    key = value.value if isinstance(value, enum.Enum) else str(value)
    source = table.get(key)
    return QCoreApplication.translate(CTX, source) if source else key


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """(value, translated label) pairs in definition order, for combo boxes."""
    return [(key, QCoreApplication.translate(CTX, text)) for key, text in table.items()]


def month_label(fiscal_index: int) -> str:
    return QCoreApplication.translate(CTX, MONTHS_SHORT[fiscal_index])


def date_text(value: dt.date | dt.datetime | None) -> str:
    """``25 พ.ย. 2569`` in Thai, ``25 November 2026`` in English; '' for None."""
    if value is None:
        return ""
    if current_language() == "en":
        return english_date(value)
    return thai_date_short(value)


def datetime_text(value: dt.datetime | None) -> str:
    """Date and Bangkok time: ``25 พ.ย. 2569 14.30 น.``."""
    if value is None:
        return ""
    local = to_bangkok(value)
    if current_language() == "en":
        return f"{english_date(local)} {english_time(local)}"
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
