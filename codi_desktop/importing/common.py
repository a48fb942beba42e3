"""What the importers share: the place, phone and notes fields, the choice columns (read
through the one labels table, ``codi_core.labels``, plus the words spreadsheets use),
records found by name, and the context every row of an import is checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.labels import LABELS
from codi_core.models import (
    CommunityKind,
    FundingType,
    Gender,
    MembershipRole,
    OrganizationKind,
    ProjectStatus,
    Sector,
)

from .framework import FieldSpec, Parse, header_key
from .places import Places
from .values import CellError, norm
from .values import text as cell_text

# --- shared fields and choices ---------------------------------------------------------

PLACE_FIELDS = (
    FieldSpec("subdistrict", "ตำบล", "Subdistrict", ("ตำบล/แขวง", "แขวง", "tambon", "ชื่อตำบล")),
    FieldSpec("subdistrict_code", "รหัสตำบล", "Subdistrict code",
              ("รหัสตำบล/แขวง", "tambon code", "subdistrict id")),
    FieldSpec("district", "อำเภอ", "District", ("อำเภอ/เขต", "เขต", "amphoe", "ชื่ออำเภอ")),
    FieldSpec("province", "จังหวัด", "Province", ("province",)),
)
PHONE = FieldSpec("phone", "โทรศัพท์", "Phone", ("เบอร์โทร", "เบอร์โทรศัพท์", "โทร", "tel",
                                                 "telephone", "มือถือ", "เบอร์ติดต่อ"))
NOTES = FieldSpec("notes", "หมายเหตุ", "Notes", ("remark", "remarks", "note"))

# Words spreadsheets use for a choice besides its label in codi_core.labels.
COMMUNITY_KIND_NAMES = {
    CommunityKind.VILLAGE: ("ชุมชนหมู่บ้าน", "หมู่บ้าน", "ชนบท", "village", "rural"),
    CommunityKind.URBAN: ("ชุมชนเมือง", "เมือง", "urban"),
    CommunityKind.CANAL_SIDE: ("ชุมชนริมคลอง", "ริมคลอง", "canal side", "canal"),
    CommunityKind.COASTAL: ("ชุมชนชายฝั่ง", "ชายฝั่ง", "coastal"),
    CommunityKind.FOREST: ("ชุมชนในเขตป่า", "เขตป่า", "forest"),
    CommunityKind.RAILWAY: ("ชุมชนริมทางรถไฟ", "ริมทางรถไฟ", "railway"),
    CommunityKind.OTHER: ("อื่นๆ", "อื่น ๆ", "อื่น", "other"),
}
ORG_KIND_EXTRA = {
    OrganizationKind.TAMBON_COUNCIL: ("สภาองค์กรชุมชน", "สภาฯ", "tambon council", "council"),
    OrganizationKind.WELFARE_FUND: ("กองทุนสวัสดิการ", "สวัสดิการชุมชน", "welfare fund"),
    OrganizationKind.SAVINGS_GROUP: ("กลุ่มออมทรัพย์เพื่อการผลิต", "ออมทรัพย์", "savings"),
    OrganizationKind.COOPERATIVE: ("สหกรณ์เคหสถาน", "cooperative", "coop"),
    OrganizationKind.NETWORK: ("เครือข่าย", "network"),
    OrganizationKind.COMMITTEE: ("คณะกรรมการ", "คณะทำงาน", "committee", "working group"),
    OrganizationKind.COMMUNITY_ORG: ("องค์กรชุมชน", "กลุ่ม", "community organization"),
    OrganizationKind.PARTNER: ("ภาคี", "หน่วยงานภาคี", "partner"),
}
SECTOR_NAMES = {
    Sector.LOCAL_GOVERNMENT: ("องค์กรปกครองส่วนท้องถิ่น", "อปท.", "อปท", "local government"),
    Sector.GOVERNMENT: ("ส่วนราชการ", "ราชการ", "government"),
    Sector.CIVIL_SOCIETY: ("ภาคประชาสังคม", "ประชาสังคม", "civil society"),
    Sector.PRIVATE: ("ภาคเอกชน", "เอกชน", "private"),
    Sector.ACADEMIC: ("สถาบันการศึกษา", "academic"),
    Sector.COMMUNITY: ("ขบวนองค์กรชุมชน", "community"),
}
GENDER_NAMES = {
    Gender.FEMALE: ("หญิง", "ญ", "female", "f", "w"),
    Gender.MALE: ("ชาย", "ช", "male", "m"),
    Gender.OTHER: ("อื่นๆ", "อื่น", "เพศทางเลือก", "other"),
}
ROLE_NAMES = {
    MembershipRole.MEMBER: ("สมาชิก", "member"),
    MembershipRole.COMMITTEE: ("กรรมการ", "committee"),
    MembershipRole.CHAIR: ("ประธาน", "ประธานกรรมการ", "chair", "president"),
    MembershipRole.VICE_CHAIR: ("รองประธาน", "vice chair", "vice president"),
    MembershipRole.SECRETARY: ("เลขานุการ", "เลขา", "secretary"),
    MembershipRole.TREASURER: ("เหรัญญิก", "treasurer"),
    MembershipRole.COORDINATOR: ("ผู้ประสานงาน", "coordinator"),
    MembershipRole.ADVISOR: ("ที่ปรึกษา", "advisor", "adviser"),
}
STATUS_NAMES = {
    ProjectStatus.PROPOSED: ("เสนอโครงการ", "เสนอ", "proposed"),
    ProjectStatus.APPROVED: ("อนุมัติ", "อนุมัติแล้ว", "approved"),
    ProjectStatus.IN_PROGRESS: ("ดำเนินการ", "กำลังดำเนินการ", "in progress"),
    ProjectStatus.COMPLETED: ("แล้วเสร็จ", "เสร็จสิ้น", "completed", "done"),
    ProjectStatus.CANCELLED: ("ยกเลิก", "cancelled", "canceled"),
}
FUNDING_NAMES = {
    FundingType.SUBSIDY: ("เงินอุดหนุน", "อุดหนุน", "subsidy", "grant"),
    FundingType.LOAN: ("สินเชื่อ", "เงินกู้", "loan"),
}
PREFIX_GENDER = {"นาย": Gender.MALE, "นาง": Gender.FEMALE, "นางสาว": Gender.FEMALE,
                 "น.ส.": Gender.FEMALE, "ด.ช.": Gender.MALE, "ด.ญ.": Gender.FEMALE,
                 "เด็กชาย": Gender.MALE, "เด็กหญิง": Gender.FEMALE, "mr.": Gender.MALE,
                 "mrs.": Gender.FEMALE, "ms.": Gender.FEMALE, "miss": Gender.FEMALE}


def chooser(enum_cls: type, synonyms: dict | None = None):
    """A parser for a choice column: the stored value, its Thai or English label (the one
    labels table, ``codi_core.labels``) or another word a spreadsheet uses for it."""
    lookup: dict[str, str] = {}
    for member in enum_cls:
        thai, english = LABELS[enum_cls][member.value]
        for w in (member.value, thai, english, *((synonyms or {}).get(member, ()))):
            lookup.setdefault(header_key(w), member.value)

    def parse(value: Any) -> str | None:
        raw = cell_text(value)
        if not raw:
            return None
        found = lookup.get(header_key(raw))
        if found is None:
            raise CellError(f"'{raw}' ไม่ใช่ค่าที่รู้จัก", f"'{raw}' is not a known choice")
        return found
    return parse


parse_org_kind = chooser(OrganizationKind, ORG_KIND_EXTRA)
parse_community_kind = chooser(CommunityKind, COMMUNITY_KIND_NAMES)
parse_sector = chooser(Sector, SECTOR_NAMES)
parse_gender = chooser(Gender, GENDER_NAMES)
parse_role = chooser(MembershipRole, ROLE_NAMES)
parse_status = chooser(ProjectStatus, STATUS_NAMES)
parse_funding = chooser(FundingType, FUNDING_NAMES)


def optional_text(value: Any) -> str | None:
    return cell_text(value) or None


def phone_text(value: Any) -> str | None:
    raw = cell_text(value)
    if raw and re.fullmatch(r"\d{8,9}", raw):  # a number cell lost its leading 0
        raw = "0" + raw
    return raw or None


def subdistrict_of(p: Parse, places: Places) -> str | None:
    row = p.row
    tambon = row.raw("subdistrict_code") or row.raw("subdistrict")
    try:
        return places.subdistrict(tambon, row.raw("district"), row.raw("province"))
    except CellError as exc:
        p.problem(None, exc.th, exc.en)
        return None


class Names:
    """Records of this province found by name; a name used twice is a question."""

    def __init__(self, rows):
        self.ids: dict[str, list[str]] = {}
        self.places: dict[str, str | None] = {}
        for rid, name, sub in rows:
            self.ids.setdefault(norm(name), []).append(rid)
            self.places[rid] = sub

    def has(self, name: str) -> bool:
        return norm(name) in self.ids

    def find(self, p: Parse, key: str, label: tuple[str, str],
             near: str | None = None) -> str | None:
        """The record named in the cell; a name used twice is narrowed to the one in
        the row's own tambon (``near``) before it becomes a question."""
        return self.find_name(p, key, cell_text(p.row.raw(key)), label,
                              {near} if near else set())

    def find_name(self, p: Parse, key: str, raw: str, label: tuple[str, str],
                  near: set[str]) -> str | None:
        """The record called ``raw`` (one name of the cell ``key``); a name used twice
        is narrowed to the one in the row's tambons (``near``)."""
        if not raw:
            return None
        ids = self.ids.get(norm(raw), [])
        if len(ids) > 1 and near:
            ids = [i for i in ids if self.places[i] in near] or ids
        if not ids:
            p.problem(key, f"ไม่พบ{label[0]} '{raw}' ในฐานข้อมูล (นำเข้า{label[0]}ก่อน)",
                      f"no {label[1]} '{raw}' in the database (import it first)")
            return None
        if len(ids) > 1:
            p.problem(key, f"มี{label[0]}ชื่อ '{raw}' {len(ids)} แห่ง หมายถึงแห่งใด? "
                      "กรุณาแก้ชื่อให้ไม่ซ้ำกันก่อน",
                      f"which {label[1]} '{raw}'? {len(ids)} have this name")
            return None
        return ids[0]


def _live(model, province: str):
    return sa.and_(model.province_code == province, model.deleted_at.is_(None))


@dataclass
class Ctx:
    province: str
    places: Places
    existing: dict[Any, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
