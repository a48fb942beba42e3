"""The importers: communities, organizations (with their type), people (with their
memberships) and projects (``projects.py``: program, fiscal year, organizations, target
communities and tambons).

Each row is checked by the same validation the forms use (``services``), and written
with the same column values a form would write, so a rule lives once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from codi_core.models import (
    Community,
    CommunityKind,
    Membership,
    MembershipRole,
    Organization,
    Person,
    new_id,
)
from codi_desktop.services import communities, organizations, people

from .common import (
    NOTES,
    PHONE,
    PLACE_FIELDS,
    PREFIX_GENDER,
    Ctx,
    Names,
    _live,
    optional_text,
    parse_community_kind,
    parse_gender,
    parse_org_kind,
    parse_role,
    parse_sector,
    phone_text,
    subdistrict_of,
)
from .framework import FieldSpec, Importer, RowResult
from .places import Places
from .projects import ProjectImporter
from .values import date, integer, money, norm, split_name, split_prefix
from .values import text as cell_text

# --- communities -----------------------------------------------------------------------




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


IMPORTERS: dict[str, Importer] = {
    i.kind: i for i in (CommunityImporter(), OrganizationImporter(), PeopleImporter(),
                        ProjectImporter())
}
