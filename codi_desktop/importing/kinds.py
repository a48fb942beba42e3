"""The importers: communities, organizations (with their type), people (with their
memberships) and projects (program, fiscal year, organization, target community).

Each row is checked by the same validation the forms use (``services``), and written
with the same column values a form would write, so a rule lives once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.labels import LABELS
from codi_core.models import (
    Community,
    CommunityKind,
    FundingType,
    Gender,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Person,
    Program,
    Project,
    ProjectStatus,
    Sector,
    new_id,
)
from codi_desktop.services import communities, organizations, people, projects

from .framework import FieldSpec, Importer, Parse, RowResult, header_key
from .places import Places
from .values import CellError, date, fiscal_year, integer, money, norm, split_name, split_prefix
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

    def find(self, p: Parse, key: str, label: tuple[str, str],
             near: str | None = None) -> str | None:
        """The record named in the cell; a name used twice is narrowed to the one in
        the row's own tambon (``near``) before it becomes a question."""
        raw = cell_text(p.row.raw(key))
        if not raw:
            return None
        ids = self.ids.get(norm(raw), [])
        if len(ids) > 1 and near:
            ids = [i for i in ids if self.places[i] == near] or ids
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


# --- communities -----------------------------------------------------------------------


@dataclass
class Ctx:
    province: str
    places: Places
    existing: dict[Any, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


class CommunityImporter(Importer):
    kind = "communities"
    title = ("ชุมชน", "communities")
    fields = (
        FieldSpec("name", "ชื่อชุมชน", "Community name", ("ชุมชน", "ชื่อ", "community", "name"),
                  required=True),
        FieldSpec("kind", "ประเภทชุมชน", "Community type", ("ประเภท", "type", "kind")),
        FieldSpec("moo", "หมู่ที่", "Village number", ("หมู่", "ม.", "moo", "village no")),
        *PLACE_FIELDS,
        FieldSpec("households", "ครัวเรือน", "Households", ("จำนวนครัวเรือน", "หลังคาเรือน")),
        FieldSpec("population", "ประชากร", "Population", ("จำนวนประชากร", "จำนวนคน")),
        FieldSpec("leader_name", "ผู้นำชุมชน", "Community leader",
                  ("ชื่อผู้นำชุมชน", "ผู้นำ", "ประธานชุมชน", "leader")),
        PHONE, NOTES,
    )

    def load(self, session, province):
        ctx = Ctx(province, Places(session, province))
        for cid, name, sub, moo in session.execute(sa.select(
                Community.id, Community.name, Community.subdistrict_id, Community.moo).where(
                _live(Community, province))):
            ctx.existing.setdefault((norm(name), sub, moo), cid)
        return ctx

    def parse(self, p):
        data = communities.CommunityData(
            name=cell_text(p.get("name")),
            kind=p.get("kind", parse_community_kind, CommunityKind.VILLAGE.value),
            moo=p.get("moo", integer), households=p.get("households", integer),
            population=p.get("population", integer),
            leader_name=p.get("leader_name", optional_text), phone=p.get("phone", phone_text),
            notes=p.get("notes", optional_text),
            subdistrict_id=subdistrict_of(p, p.ctx.places))
        if not p.problems:
            p.service_errors(communities.validate_community(data))
        return data, (norm(data.name), data.subdistrict_id, data.moo), data.name

    def existing(self, ctx, key):
        return ctx.existing.get(key)

    def write(self, store, session, ctx, row: RowResult):
        if row.fate == "new":
            values = communities._COMMUNITY.values(store, session, row.data, None)
            session.add(Community(province_code=ctx.province, **values))


# --- organizations ---------------------------------------------------------------------


class OrganizationImporter(Importer):
    kind = "organizations"
    title = ("องค์กร", "organizations")
    fields = (
        FieldSpec("name", "ชื่อองค์กร", "Organization name",
                  ("องค์กร", "ชื่อกลุ่ม", "ชื่อ", "organization", "organisation", "name"),
                  required=True),
        FieldSpec("kind", "ประเภทองค์กร", "Organization type", ("ประเภท", "type", "kind"),
                  required=True),
        FieldSpec("sector", "ภาคส่วน", "Sector", ("sector",)),
        *PLACE_FIELDS,
        FieldSpec("community", "ชุมชน", "Community", ("ชื่อชุมชน", "community")),
        FieldSpec("founded_on", "วันที่ก่อตั้ง", "Founding date", ("ก่อตั้งเมื่อ", "founded")),
        FieldSpec("registered_on", "วันที่จดแจ้งจัดตั้ง", "Registration date",
                  ("วันที่จดแจ้ง", "จดแจ้งเมื่อ", "registered", "registered on")),
        FieldSpec("members_count", "จำนวนสมาชิก", "Members", ("สมาชิก", "members")),
        FieldSpec("fund_balance", "ยอดเงินกองทุน", "Fund balance",
                  ("เงินกองทุน", "ยอดเงินกองทุน (บาท)", "fund balance (baht)")),
        FieldSpec("savings", "เงินออม", "Savings", ("ยอดเงินออม", "เงินออม (บาท)",
                                                   "savings (baht)")),
        PHONE, NOTES,
    )

    def load(self, session, province):
        ctx = Ctx(province, Places(session, province))
        for oid, name, kind, sub in session.execute(sa.select(
                Organization.id, Organization.name, Organization.kind,
                Organization.subdistrict_id).where(_live(Organization, province))):
            ctx.existing.setdefault((norm(name), kind.value, sub), oid)
        ctx.extra["communities"] = Names(session.execute(
            sa.select(Community.id, Community.name, Community.subdistrict_id).where(_live(Community, province))))
        return ctx

    def parse(self, p):
        data = organizations.OrganizationData(
            name=cell_text(p.get("name")), kind=p.get("kind", parse_org_kind, ""),
            sector=p.get("sector", parse_sector), founded_on=p.get("founded_on", date),
            registered_on=p.get("registered_on", date),
            members_count=p.get("members_count", integer),
            fund_balance_satang=p.get("fund_balance", money),
            savings_satang=p.get("savings", money), phone=p.get("phone", phone_text),
            notes=p.get("notes", optional_text),
            subdistrict_id=(sub := subdistrict_of(p, p.ctx.places)),
            community_id=p.ctx.extra["communities"].find(p, "community", ("ชุมชน", "community"),
                                                         sub))
        if not p.problems:
            p.service_errors(organizations.validate_organization(data))
        return data, (norm(data.name), data.kind, data.subdistrict_id), data.name

    def prime(self, session, ctx):
        return super().prime(session, ctx) + list(session.scalars(
            sa.select(Community).where(_live(Community, ctx.province))))

    def existing(self, ctx, key):
        return ctx.existing.get(key)

    def write(self, store, session, ctx, row):
        if row.fate == "new":
            values = organizations._ORGANIZATION.values(store, session, row.data, None)
            session.add(Organization(province_code=ctx.province, **values))


# --- people ----------------------------------------------------------------------------


@dataclass
class PersonRow:
    person: people.PersonData
    organization_id: str | None
    role: str
    from_on: Any


class PeopleImporter(Importer):
    kind = "people"
    title = ("บุคคล", "people")
    anchor = ("full_name", "first_name")
    fields = (
        FieldSpec("prefix", "คำนำหน้า", "Title", ("คำนำหน้าชื่อ", "prefix", "title")),
        FieldSpec("full_name", "ชื่อ-นามสกุล", "Full name",
                  ("ชื่อ-สกุล", "ชื่อสกุล", "ชื่อและนามสกุล", "ชื่อ นามสกุล", "รายชื่อ",
                   "name", "full name")),
        FieldSpec("first_name", "ชื่อ", "First name", ("first name", "given name")),
        FieldSpec("last_name", "นามสกุล", "Last name", ("สกุล", "last name", "surname")),
        FieldSpec("gender", "เพศ", "Gender", ("sex",)),
        FieldSpec("position", "ตำแหน่ง", "Position", ("position",)),
        PHONE,
        FieldSpec("email", "อีเมล", "E-mail", ("email", "e-mail", "อีเมล์")),
        *PLACE_FIELDS,
        FieldSpec("community", "ชุมชน", "Community", ("ชื่อชุมชน", "community")),
        FieldSpec("organization", "องค์กร", "Organization",
                  ("ชื่อองค์กร", "สังกัด", "องค์กรที่สังกัด", "หน่วยงาน", "organization")),
        FieldSpec("role", "บทบาทในองค์กร", "Role", ("บทบาท", "role")),
        FieldSpec("from_on", "เป็นสมาชิกตั้งแต่", "Member since",
                  ("วันที่เริ่ม", "ตั้งแต่", "member since", "from")),
        NOTES,
    )

    def load(self, session, province):
        ctx = Ctx(province, Places(session, province))
        for pid, prefix, first, last in session.execute(sa.select(
                Person.id, Person.prefix, Person.first_name, Person.last_name).where(
                _live(Person, province))):
            ctx.existing.setdefault(norm(f"{prefix or ''}{first} {last}"), pid)
        ctx.extra["communities"] = Names(session.execute(
            sa.select(Community.id, Community.name, Community.subdistrict_id).where(_live(Community, province))))
        ctx.extra["organizations"] = Names(session.execute(
            sa.select(Organization.id, Organization.name, Organization.subdistrict_id).where(_live(Organization, province))))
        ctx.extra["members"] = set(session.execute(
            sa.select(Membership.person_id, Membership.organization_id).where(
                _live(Membership, province))).all())
        return ctx

    def explain(self, ctx, row):
        org = row.data.organization_id
        person = row.match_id or ctx.existing.get(row.key)
        if org and (person is None or (person, org) not in ctx.extra["members"]):
            row.notes.append(("จะเพิ่มสมาชิกภาพในองค์กรของแถวนี้",
                              "the membership in this row's organization will be added"))

    def begin(self, ctx):
        ctx.extra["created"] = {}
        ctx.extra["added"] = set()
        ctx.extra["pending"] = []

    def parse(self, p):
        prefix = cell_text(p.get("prefix")) or None
        first = cell_text(p.get("first_name"))
        last = cell_text(p.get("last_name"))
        if not first:
            full = cell_text(p.get("full_name"))
            if prefix is None:
                prefix, full = split_prefix(full)
            first, last2 = split_name(full)
            last = last or last2
        gender = p.get("gender", parse_gender)
        if gender is None and prefix:
            g = PREFIX_GENDER.get(prefix.casefold())
            gender = g.value if g else None
        data = people.PersonData(
            first_name=first, last_name=last, prefix=prefix, gender=gender,
            position=p.get("position", optional_text), phone=p.get("phone", phone_text),
            email=p.get("email", optional_text), notes=p.get("notes", optional_text),
            subdistrict_id=(sub := subdistrict_of(p, p.ctx.places)),
            community_id=p.ctx.extra["communities"].find(p, "community", ("ชุมชน", "community"),
                                                         sub))
        org = p.ctx.extra["organizations"].find(p, "organization", ("องค์กร", "organization"),
                                                sub)
        role = p.get("role", parse_role, MembershipRole.MEMBER.value)
        if not p.problems:
            p.service_errors(people.validate_person(data))
        label = f"{prefix or ''}{first} {last}".strip()
        return PersonRow(data, org, role, p.get("from_on", date)), norm(label), label

    def prime(self, session, ctx):
        return super().prime(session, ctx) + list(session.scalars(
            sa.select(Community).where(_live(Community, ctx.province))))

    def existing(self, ctx, key):
        return ctx.existing.get(key)

    def write(self, store, session, ctx, row):
        data: PersonRow = row.data
        created = ctx.extra["created"]
        if row.fate == "new":
            values = people._PERSON.values(store, session, data.person, None)
            person_id = new_id()  # known now, so this file's memberships can name it
            session.add(Person(id=person_id, province_code=ctx.province, **values))
            created[row.key] = person_id
        else:
            person_id = row.match_id or created.get(row.key) or ctx.existing.get(row.key)
        org = data.organization_id
        if not org or person_id is None:
            return
        pair = (person_id, org)
        if pair in ctx.extra["members"] or pair in ctx.extra["added"]:
            return
        ctx.extra["added"].add(pair)
        # Added after the people are flushed: the models have no relationship() that
        # would tell the unit of work to insert the person first.
        ctx.extra["pending"].append(Membership(
            province_code=ctx.province, person_id=person_id, organization_id=org,
            role=MembershipRole(data.role), from_on=data.from_on))

    def finish(self, session, ctx):
        session.flush()
        session.add_all(ctx.extra["pending"])


# --- projects --------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*(?:[;\n|]|,(?=\s*\S))\s*")


class ProjectImporter(Importer):
    kind = "projects"
    title = ("โครงการ", "projects")
    anchor = ("code", "name")
    fields = (
        FieldSpec("code", "รหัสโครงการ", "Project code", ("รหัส", "code", "project code"),
                  required=True),
        FieldSpec("name", "ชื่อโครงการ", "Project name", ("โครงการ", "project", "name"),
                  required=True),
        FieldSpec("program", "แผนงาน", "Program", ("ชื่อแผนงาน", "รหัสแผนงาน", "program",
                                                  "programme"), required=True),
        FieldSpec("fiscal_year", "ปีงบประมาณ", "Fiscal year", ("ปีงบ", "ปี", "fy", "year"),
                  required=True),
        FieldSpec("organizations", "องค์กรที่รับผิดชอบ", "Organizations",
                  ("องค์กร", "องค์กรผู้เสนอ", "ชื่อองค์กร", "organization", "organisations")),
        FieldSpec("communities", "ชุมชนเป้าหมาย", "Target communities",
                  ("ชุมชน", "community", "communities", "target community")),
        *PLACE_FIELDS,
        FieldSpec("status", "สถานะ", "Status", ("สถานะโครงการ",)),
        FieldSpec("funding_type", "ประเภทงบประมาณ", "Funding type",
                  ("ประเภทเงิน", "ประเภทงบ", "funding")),
        FieldSpec("households", "ครัวเรือน", "Households", ("จำนวนครัวเรือน", "ครัวเรือนเป้าหมาย")),
        FieldSpec("starts_on", "วันที่เริ่ม", "Start date", ("เริ่ม", "start", "starts")),
        FieldSpec("ends_on", "วันที่สิ้นสุด", "End date", ("สิ้นสุด", "end", "ends")),
        FieldSpec("description", "รายละเอียด", "Description", ("description",)),
    )

    def load(self, session, province):
        ctx = Ctx(province, Places(session, province))
        for pid, code in session.execute(sa.select(Project.id, Project.code).where(
                _live(Project, province))):
            ctx.existing.setdefault(norm(code), pid)
        programs: dict[str, str] = {}
        for pid, code, th, en in session.execute(
                sa.select(Program.id, Program.code, Program.name_th, Program.name_en)):
            for name in (code, th, en):
                programs.setdefault(norm(name), pid)
        ctx.extra["programs"] = programs
        ctx.extra["communities"] = Names(session.execute(
            sa.select(Community.id, Community.name, Community.subdistrict_id).where(_live(Community, province))))
        ctx.extra["organizations"] = Names(session.execute(
            sa.select(Organization.id, Organization.name, Organization.subdistrict_id).where(_live(Organization, province))))
        return ctx

    def _links(self, p: Parse, key: str, names: Names, label: tuple[str, str],
               near: str | None) -> str | None:
        raw = cell_text(p.row.raw(key))
        parts = [x for x in _SPLIT.split(raw) if x] if raw else []
        ids = []
        for part in parts:
            single = Row1(p, key, part)
            ids.append(names.find(single, key, label, near))
        if len(parts) > 1:
            # Projects link one organization and one community until multi-links exist.
            p.notes.append((f"{label[0]}: เชื่อมเฉพาะ '{parts[0]}' (มี {len(parts)} รายการ)",
                            f"{label[1]}: only '{parts[0]}' is linked ({len(parts)} given)"))
        return ids[0] if ids else None

    def parse(self, p):
        program_raw = cell_text(p.get("program"))
        program_id = p.ctx.extra["programs"].get(norm(program_raw)) if program_raw else None
        if program_raw and program_id is None:
            p.problem("program", f"ไม่พบแผนงาน '{program_raw}'", f"no program '{program_raw}'")
        sub = subdistrict_of(p, p.ctx.places)
        data = projects.ProjectData(
            code=cell_text(p.get("code")), name=cell_text(p.get("name")),
            program_id=program_id or "", fiscal_year=p.get("fiscal_year", fiscal_year, 0),
            organization_id=self._links(p, "organizations", p.ctx.extra["organizations"],
                                        ("องค์กร", "organization"), sub),
            community_id=self._links(p, "communities", p.ctx.extra["communities"],
                                     ("ชุมชน", "community"), sub),
            subdistrict_id=sub,
            status=p.get("status", parse_status, ProjectStatus.PROPOSED.value),
            funding_type=p.get("funding_type", parse_funding, FundingType.SUBSIDY.value),
            households=p.get("households", integer), starts_on=p.get("starts_on", date),
            ends_on=p.get("ends_on", date), description=p.get("description", optional_text))
        if not p.problems:
            p.service_errors(projects.validate_project(data))
        return data, norm(data.code), f"{data.code} {data.name}".strip()

    def prime(self, session, ctx):
        rows = super().prime(session, ctx) + list(session.scalars(sa.select(Program)))
        for model in (Community, Organization):
            rows += session.scalars(sa.select(model).where(_live(model, ctx.province))).all()
        return rows

    def existing(self, ctx, key):
        return ctx.existing.get(key)

    def write(self, store, session, ctx, row):
        if row.fate == "new":
            values = projects._PROJECT.values(store, session, row.data, None)
            session.add(Project(province_code=ctx.province, **values))


class Row1:
    """A Parse seen as if its cell held one of several names (for ``Names.find``)."""

    def __init__(self, p: Parse, key: str, value: str):
        self._p = p
        self.row = _OneCell(key, value)

    def problem(self, key, th, en):
        self._p.problem(key, th, en)


class _OneCell:
    def __init__(self, key: str, value: str):
        self._key, self._value = key, value

    def raw(self, key: str):
        return self._value if key == self._key else None


IMPORTERS: dict[str, Importer] = {
    i.kind: i for i in (CommunityImporter(), OrganizationImporter(), PeopleImporter(),
                        ProjectImporter())
}
