"""What a stored enum value is called, in Thai and English: ONE table for every enum.

Services, printing and the interface all read their words from here (GLOSSARY.md
wording), so a meeting kind or a status has one name everywhere. Each entry is a pair
``(thai, english)``; ``label(Enum, value, lang)`` picks one.

Translation hook: with ``lang=None`` the language comes from the hook installed by
``set_language_hook`` (the desktop interface installs its current language; the default
is Thai, the language of paper documents and of the server's messages).

``FIELD_ENUMS`` maps ``(table, column)`` to the enum the column stores, read from the
model metadata, so a history or an export can name any enum value of any table.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import sqlalchemy as sa

from .models import SYNCED_MODELS
from .models.assessment import ProposalKind, ProposalStatus
from .models.community import CommunityKind, Gender, MembershipRole, OrganizationKind, Sector
from .models.geography import PilotStatus
from .models.meetings import ActionStatus, AttendanceStatus, MeetingKind, MeetingStatus
from .models.projects import FundingType, LedgerKind, ProjectStatus
from .models.sync import ChangeOp, ChangeSetStatus, ConflictStatus

Label = tuple[str, str]  # (Thai, English)

#: What a missing value is called in counts and tables.
UNKNOWN: Label = ("ไม่ระบุ", "Not recorded")

LABELS: dict[type[enum.StrEnum], dict[str, Label]] = {
    CommunityKind: {
        "village": ("ชุมชนหมู่บ้าน", "Village community"),
        "urban": ("ชุมชนเมือง", "Urban community"),
        "canal_side": ("ชุมชนริมคลอง", "Canal-side community"),
        "coastal": ("ชุมชนชายฝั่ง", "Coastal community"),
        "forest": ("ชุมชนในเขตป่า", "Forest community"),
        "railway": ("ชุมชนริมทางรถไฟ", "Railway-side community"),
        "other": ("อื่น ๆ", "Other"),
    },
    OrganizationKind: {
        "tambon_council": ("สภาองค์กรชุมชนตำบล", "Tambon community council"),
        "welfare_fund": ("กองทุนสวัสดิการชุมชน", "Community welfare fund"),
        "savings_group": ("กลุ่มออมทรัพย์", "Savings group"),
        "cooperative": ("สหกรณ์", "Cooperative"),
        "network": ("เครือข่าย", "Network"),
        "committee": ("คณะกรรมการ / คณะทำงาน", "Committee / working group"),
        "community_org": ("องค์กรชุมชน", "Community organization"),
        "partner": ("ภาคี / หน่วยงานภาคี", "Partner / partner agency"),
    },
    Sector: {
        "local_government": ("องค์กรปกครองส่วนท้องถิ่น", "Local government"),
        "government": ("ส่วนราชการ", "Government agency"),
        "civil_society": ("ภาคประชาสังคม", "Civil society"),
        "private": ("ภาคเอกชน", "Private sector"),
        "academic": ("สถาบันการศึกษา", "Academic"),
        "community": ("ขบวนองค์กรชุมชน", "Community movement"),
    },
    Gender: {
        "female": ("หญิง", "Female"),
        "male": ("ชาย", "Male"),
        "other": ("อื่น ๆ", "Other"),
    },
    MembershipRole: {
        "member": ("สมาชิก", "Member"),
        "committee": ("กรรมการ", "Committee member"),
        "chair": ("ประธาน", "Chair"),
        "vice_chair": ("รองประธาน", "Vice-chair"),
        "secretary": ("เลขานุการ", "Secretary"),
        "treasurer": ("เหรัญญิก", "Treasurer"),
        "coordinator": ("ผู้ประสานงาน", "Coordinator"),
        "advisor": ("ที่ปรึกษา", "Advisor"),
    },
    ProjectStatus: {
        "proposed": ("เสนอโครงการ", "Proposed"),
        "approved": ("อนุมัติ", "Approved"),
        "in_progress": ("ดำเนินการ", "In progress"),
        "completed": ("แล้วเสร็จ", "Completed"),
        "cancelled": ("ยกเลิก", "Cancelled"),
    },
    FundingType: {
        "subsidy": ("เงินอุดหนุน", "Subsidy"),
        "loan": ("สินเชื่อ", "Loan"),
    },
    LedgerKind: {
        "allocation": ("จัดสรรงบประมาณ", "Allocation"),
        "approval": ("อนุมัติโครงการ", "Approval"),
        "disbursement": ("เบิกจ่าย", "Disbursement"),
        "expenditure": ("รายงานการใช้จ่าย", "Expenditure report"),
        "refund": ("คืนเงิน", "Refund"),
        "reversal": ("รายการกลับบัญชี", "Reversal"),
    },
    MeetingKind: {
        "provincial_committee": ("คณะกรรมการขบวนองค์กรชุมชนจังหวัด", "Provincial committee"),
        "cluster": ("การประชุมกลุ่มจังหวัด", "Province cluster meeting"),
        "tambon_council": ("สภาองค์กรชุมชนตำบล", "Tambon community council"),
        "working_group": ("คณะทำงาน", "Working group"),
        "partner_consultation": ("การหารือภาคี", "Partner consultation"),
        "provincial_assembly": ("สมัชชาจังหวัด", "Provincial assembly"),
    },
    MeetingStatus: {
        "planned": ("วางแผนแล้ว", "Planned"),
        "invited": ("ส่งหนังสือเชิญแล้ว", "Invited"),
        "held": ("ประชุมแล้ว", "Held"),
        "minutes_draft": ("ร่างรายงานการประชุม", "Minutes draft"),
        "minutes_certified": ("รับรองรายงานแล้ว", "Minutes certified"),
        "locked": ("ล็อกรายงานแล้ว", "Minutes locked"),
    },
    AttendanceStatus: {
        "present": ("ผู้มาประชุม", "Present"),
        "absent": ("ผู้ไม่มาประชุม", "Absent"),
        "substitute": ("มาประชุมแทน", "Substitute"),
        "attendee": ("ผู้เข้าร่วมประชุม", "Attendee"),
    },
    ActionStatus: {
        "open": ("ยังไม่เสร็จ", "Open"),
        "done": ("เสร็จแล้ว", "Done"),
        "cancelled": ("ยกเลิก", "Cancelled"),
    },
    ProposalKind: {
        "development_plan": ("แผนพัฒนาจังหวัด", "Provincial development plan"),
        "policy_proposal": ("ข้อเสนอเชิงนโยบาย", "Policy proposal"),
    },
    ProposalStatus: {
        "draft": ("ร่าง", "Draft"),
        "adopted": ("ที่ประชุมรับรองแล้ว", "Adopted"),
        "submitted": ("เสนอแล้ว", "Submitted"),
        "accepted": ("บรรจุในแผนจังหวัดแล้ว", "Accepted"),
        "declined": ("ไม่ได้รับการบรรจุ", "Declined"),
    },
    PilotStatus: {
        "none": ("ยังไม่เข้าร่วม", "Not yet"),
        "pilot": ("จังหวัดนำร่อง", "Pilot province"),
        "expansion": ("จังหวัดขยายผล", "Expansion province"),
    },
    ChangeOp: {
        "insert": ("สร้าง", "Created"),
        "update": ("แก้ไข", "Edited"),
        "delete": ("ลบ", "Deleted"),
    },
    ChangeSetStatus: {
        "pending": ("รอส่ง", "Waiting"),
        "applied": ("ส่งแล้ว", "Sent"),
        "rejected": ("ถูกปฏิเสธ", "Rejected"),
        "discarded": ("ยกเลิกแล้ว", "Discarded"),
        "local": ("ในเครื่อง (สาธิต)", "Local (demo)"),
    },
    ConflictStatus: {
        "open": ("รอตัดสิน", "Open"),
        "resolved": ("ตัดสินแล้ว", "Resolved"),
    },
}

#: The words of a committee's sign-in sheet: there every member sits as a กรรมการ.
COMMITTEE_ROLE_TITLES: dict[str, str] = {
    **{key: th for key, (th, _en) in LABELS[MembershipRole].items()},
    "member": "กรรมการ",
}


def _thai() -> str:
    return "th"


_language_hook: Callable[[], str] = _thai


def set_language_hook(hook: Callable[[], str] | None) -> None:
    """Where ``label(..., lang=None)`` gets its language ("th" or "en"); None: Thai."""
    global _language_hook
    _language_hook = hook or _thai


def language() -> str:
    return "en" if _language_hook() == "en" else "th"


def _key(value: object) -> str:
    return value.value if isinstance(value, enum.Enum) else str(value)


def label_pair(enum_cls: type[enum.StrEnum], value: object) -> Label:
    """(Thai, English) of a stored value; ``UNKNOWN`` for None/''; the raw value if unknown."""
    if value is None or value == "":
        return UNKNOWN
    key = _key(value)
    return LABELS[enum_cls].get(key, (key, key))


def label(enum_cls: type[enum.StrEnum], value: object, lang: str | None = None) -> str:
    """The name of a stored enum value in ``lang`` (None: the hook's); '' for None."""
    if value is None or value == "":
        return ""
    th, en = label_pair(enum_cls, value)
    return en if (lang or language()) == "en" else th


def choices(enum_cls: type[enum.StrEnum], lang: str | None = None) -> list[tuple[str, str]]:
    """(value, name) pairs in the enum's order, for pickers."""
    lang = lang or language()
    return [(m.value, label(enum_cls, m.value, lang)) for m in enum_cls]


def _field_enums() -> dict[tuple[str, str], type[enum.StrEnum]]:
    out: dict[tuple[str, str], type[enum.StrEnum]] = {}
    for name, model in SYNCED_MODELS.items():
        for column in model.__table__.columns:
            enum_cls = getattr(column.type, "enum_class", None)
            if isinstance(column.type, sa.Enum) and enum_cls in LABELS:
                out[(name, column.name)] = enum_cls
    return out


#: (table, column) -> the enum class the column stores, for every synced table.
FIELD_ENUMS: dict[tuple[str, str], type[enum.StrEnum]] = _field_enums()


def field_value_label(table: str, column: str, value: object, lang: str | None = None) -> str | None:
    """The name of an enum column's value, or None when the column is no enum."""
    enum_cls = FIELD_ENUMS.get((table, column))
    return None if enum_cls is None else label(enum_cls, value, lang)
