"""What each export holds: the communities, organizations, people and projects lists
(filtered as on screen), the meetings list, the budget report and the assessment
comparison, with columns the importer reads back.

List exports use the importer's own headers and the labels of ``codi_core.labels`` (the
importer reads them in Thai and English) and carry the tambon code, so an exported file
imports back onto the same records (matched, not duplicated).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from codi_core.formatting import fiscal_year as fiscal_year_of
from codi_core.labels import label, language
from codi_core.models import (
    AssessmentStatus,
    Attendance,
    AttendanceStatus,
    Community,
    CommunityKind,
    District,
    FundingType,
    Gender,
    LedgerEntry,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Person,
    PilotStatus,
    Program,
    Project,
    ProjectStatus,
    ProjectTarget,
    Sector,
    Subdistrict,
)
from codi_core.models.ledger_rules import effective_amounts
from codi_desktop.services import comparison, ledger, lists
from codi_desktop.services.lists import ListFilter, RecordList
from codi_desktop.store.database import Store

from .writer import DATE, DATETIME, DECIMAL, INT, MONEY, TEXT, YEAR, Col, write_table

sd = sa.orm.aliased(Subdistrict)
ds = sa.orm.aliased(District)


def _label(enum_cls: type, value: Any) -> str | None:
    """The value's label in the interface's language (the importers read either)."""
    return None if value is None else label(enum_cls, value)


def _chosen(model, source: RecordList, flt: ListFilter | None):
    """The rows the person filtered the list page to."""
    if flt is None:
        return [model.province_code.is_not(None), model.deleted_at.is_(None)]
    return [model.id.in_(sa.select(source.id_column).where(*source._where(flt)))]


@dataclass(frozen=True)
class Export:
    kind: str
    title: str
    columns: list[Col]
    rows: Callable[[Any, ListFilter | None], Iterator[list[Any]]]


def _communities(session, flt):
    stmt = (sa.select(Community, sd.name_th, ds.name_th)
            .outerjoin(sd, sd.id == Community.subdistrict_id)
            .outerjoin(ds, ds.id == Community.district_id)
            .where(*_chosen(Community, lists.COMMUNITIES, flt))
            .order_by(Community.name, Community.id))
    for c, tambon, amphoe in session.execute(stmt):
        yield [c.name, _label(CommunityKind, c.kind), c.moo, c.subdistrict_id, tambon,
               amphoe, c.households, c.population, c.leader_name, c.phone, c.notes]


COMMUNITIES = Export("communities", "ชุมชน", [
    Col("ชื่อชุมชน", width=30), Col("ประเภทชุมชน", width=18), Col("หมู่ที่", INT, 8),
    Col("รหัสตำบล", width=10), Col("ตำบล"), Col("อำเภอ"), Col("ครัวเรือน", INT, 10),
    Col("ประชากร", INT, 10), Col("ผู้นำชุมชน", width=24), Col("โทรศัพท์"), Col("หมายเหตุ", width=30),
], _communities)


def _organizations(session, flt):
    community = sa.orm.aliased(Community)
    stmt = (sa.select(Organization, sd.name_th, ds.name_th, community.name)
            .outerjoin(sd, sd.id == Organization.subdistrict_id)
            .outerjoin(ds, ds.id == Organization.district_id)
            .outerjoin(community, community.id == Organization.community_id)
            .where(*_chosen(Organization, lists.ORGANIZATIONS, flt))
            .order_by(Organization.name, Organization.id))
    for o, tambon, amphoe, community_name in session.execute(stmt):
        yield [o.name, _label(OrganizationKind, o.kind), _label(Sector, o.sector),
               o.subdistrict_id, tambon, amphoe, community_name, o.founded_on, o.registered_on,
               o.members_count, o.fund_balance_satang, o.savings_satang, o.phone, o.notes]


ORGANIZATIONS = Export("organizations", "องค์กร", [
    Col("ชื่อองค์กร", width=34), Col("ประเภทองค์กร", width=22), Col("ภาคส่วน"),
    Col("รหัสตำบล", width=10), Col("ตำบล"), Col("อำเภอ"), Col("ชุมชน", width=24),
    Col("วันที่ก่อตั้ง", DATE, 12), Col("วันที่จดแจ้งจัดตั้ง", DATE, 12),
    Col("จำนวนสมาชิก", INT, 10), Col("ยอดเงินกองทุน", MONEY, 16), Col("เงินออม", MONEY, 16),
    Col("โทรศัพท์"), Col("หมายเหตุ", width=30),
], _organizations)


def _people(session, flt):
    community = sa.orm.aliased(Community)
    org = sa.orm.aliased(Organization)
    stmt = (sa.select(Person, sd.name_th, community.name, org.name, Membership.role,
                      Membership.from_on)
            .outerjoin(sd, sd.id == Person.subdistrict_id)
            .outerjoin(community, community.id == Person.community_id)
            .outerjoin(Membership, sa.and_(Membership.person_id == Person.id,
                                           Membership.deleted_at.is_(None)))
            .outerjoin(org, sa.and_(org.id == Membership.organization_id,
                                    org.deleted_at.is_(None)))
            .where(*_chosen(Person, lists.PEOPLE, flt))
            .order_by(Person.first_name, Person.last_name, Person.id, org.name))
    for p, tambon, community_name, org_name, role, from_on in session.execute(stmt):
        yield [p.prefix, p.first_name, p.last_name, _label(Gender, p.gender), p.position,
               p.phone, p.email, p.subdistrict_id, tambon, community_name, org_name,
               _label(MembershipRole, role) if org_name else None, from_on if org_name else None,
               p.notes]


PEOPLE = Export("people", "บุคคล", [
    Col("คำนำหน้า", width=10), Col("ชื่อ"), Col("นามสกุล"), Col("เพศ", width=8),
    Col("ตำแหน่ง"), Col("โทรศัพท์"), Col("อีเมล", width=24), Col("รหัสตำบล", width=10),
    Col("ตำบล"), Col("ชุมชน", width=24), Col("องค์กร", width=30), Col("บทบาทในองค์กร"),
    Col("เป็นสมาชิกตั้งแต่", DATE, 12), Col("หมายเหตุ", width=30),
], _people)


def _project_links(session, project_ids: set[str]) -> dict[str, dict[str, list[tuple]]]:
    """project id -> kind -> [(id, name)] of its targets (``ProjectTarget``), oldest first."""
    org, community = sa.orm.aliased(Organization), sa.orm.aliased(Community)
    stmt = (sa.select(ProjectTarget, org.name, community.name, sd.name_th)
            .outerjoin(org, org.id == ProjectTarget.organization_id)
            .outerjoin(community, community.id == ProjectTarget.community_id)
            .outerjoin(sd, sd.id == ProjectTarget.subdistrict_id)
            .where(ProjectTarget.deleted_at.is_(None))
            .order_by(ProjectTarget.created_at, ProjectTarget.id))
    out: dict[str, dict[str, list[tuple]]] = {}
    for t, org_name, community_name, tambon in session.execute(stmt):
        if t.project_id not in project_ids:
            continue
        links = out.setdefault(t.project_id, {})
        for kind, tid, name in (("organization", t.organization_id, org_name),
                                ("community", t.community_id, community_name),
                                ("subdistrict", t.subdistrict_id, tambon)):
            if tid:
                links.setdefault(kind, []).append((tid, name))
    return out


def _joined(first: tuple, more: list[tuple], part: int) -> str | None:
    """The project's own link then its targets, in one cell as the importer reads them
    (``importing.projects``: names separated by commas)."""
    seen, values = set(), []
    for item in ([first] if first[0] else []) + more:
        if item[0] not in seen:
            seen.add(item[0])
            values.append(item[part] or item[0])
    return ", ".join(values) or None


def _projects(session, flt):
    org = sa.orm.aliased(Organization)
    community = sa.orm.aliased(Community)
    sums = effective_amounts(session, LedgerEntry.project_id, LedgerEntry.project_id.is_not(None))
    stmt = (sa.select(Project, Program.name_th, org.name, community.name, sd.name_th)
            .join(Program, Program.id == Project.program_id)
            .outerjoin(org, org.id == Project.organization_id)
            .outerjoin(community, community.id == Project.community_id)
            .outerjoin(sd, sd.id == Project.subdistrict_id)
            .where(*_chosen(Project, lists.PROJECTS, flt))
            .order_by(Project.fiscal_year, Project.code, Project.id))
    rows = session.execute(stmt).all()
    targets = _project_links(session, {p.id for p, *_ in rows})
    for p, program, org_name, community_name, tambon in rows:
        def amount(kind: LedgerKind, pid=p.id) -> int:
            return sums.get((pid, kind.value), 0)
        more = targets.get(p.id, {})
        tambons = more.get("subdistrict", [])
        first_tambon = (p.subdistrict_id, tambon)
        yield [p.code, p.name, program, p.fiscal_year,
               _joined((p.organization_id, org_name), more.get("organization", []), 1),
               _joined((p.community_id, community_name), more.get("community", []), 1),
               _joined(first_tambon, tambons, 0), _joined(first_tambon, tambons, 1),
               _label(ProjectStatus, p.status), _label(FundingType, p.funding_type),
               p.households, p.starts_on, p.ends_on, amount(LedgerKind.APPROVAL),
               amount(LedgerKind.DISBURSEMENT) - amount(LedgerKind.REFUND), p.description]


PROJECTS = Export("projects", "โครงการ", [
    Col("รหัสโครงการ", width=14), Col("ชื่อโครงการ", width=40), Col("แผนงาน", width=24),
    Col("ปีงบประมาณ", YEAR, 10), Col("องค์กรที่รับผิดชอบ", width=30),
    Col("ชุมชนเป้าหมาย", width=24), Col("รหัสตำบล", width=10), Col("ตำบล"), Col("สถานะ"),
    Col("ประเภทงบประมาณ"), Col("ครัวเรือน", INT, 10), Col("วันที่เริ่ม", DATE, 12),
    Col("วันที่สิ้นสุด", DATE, 12), Col("วงเงินอนุมัติ", MONEY, 16),
    Col("เบิกจ่ายสุทธิ", MONEY, 16), Col("รายละเอียด", width=40),
], _projects)

def _meetings(session, flt):
    org = sa.orm.aliased(Organization)
    came = (AttendanceStatus.PRESENT.value, AttendanceStatus.SUBSTITUTE.value,
            AttendanceStatus.ATTENDEE.value)
    counts: dict[tuple[str, bool], int] = {}
    for meeting_id, present, n in session.execute(
            sa.select(Attendance.meeting_id, Attendance.status.in_(came), sa.func.count())
            .where(Attendance.deleted_at.is_(None))
            .group_by(Attendance.meeting_id, Attendance.status.in_(came))):
        counts[(meeting_id, bool(present))] = n
    stmt = (sa.select(Meeting, org.name)
            .outerjoin(org, org.id == Meeting.organization_id)
            .where(*_chosen(Meeting, lists.MEETINGS, flt))
            .order_by(Meeting.starts_at.desc(), Meeting.id))
    for m, org_name in session.execute(stmt):
        yield [m.starts_at, fiscal_year_of(m.starts_at), m.number, m.number_year, m.title,
               _label(MeetingKind, m.kind), _label(MeetingStatus, m.status), m.place,
               org_name or m.organiser, counts.get((m.id, True), 0),
               counts.get((m.id, False), 0)]


MEETINGS = Export("meetings", "การประชุม", [
    Col("วันที่และเวลา", DATETIME, 18), Col("ปีงบประมาณ", YEAR, 10), Col("ครั้งที่", INT, 8),
    Col("ปี (ของครั้งที่)", YEAR, 10), Col("เรื่อง", width=40), Col("ประเภท", width=22),
    Col("สถานะ"), Col("สถานที่", width=30), Col("องค์กร / ผู้จัด", width=30),
    Col("ผู้มาประชุม (คน)", INT, 12), Col("ผู้ไม่มาประชุม (คน)", INT, 12),
], _meetings)

EXPORTS: dict[str, Export] = {e.kind: e for e in (COMMUNITIES, ORGANIZATIONS, PEOPLE, PROJECTS,
                                                  MEETINGS)}
BUDGET_COLUMNS = [
    Col("รหัสแผนงาน", TEXT, 18), Col("แผนงาน", width=34), Col("ปีงบประมาณ", YEAR, 10),
    Col("จัดสรร", MONEY, 18), Col("อนุมัติ", MONEY, 18), Col("เบิกจ่ายสุทธิ", MONEY, 18),
    Col("คงเหลือ (จัดสรร − อนุมัติ)", MONEY, 22),
]


def export_list(store: Store, kind: str, path: str | Path,
                flt: ListFilter | None = None) -> int:
    """Write one list (all of it, or the rows ``flt`` keeps) to .xlsx or .csv."""
    export = EXPORTS[kind]
    with store.read() as session:
        return write_table(path, export.columns, export.rows(session, flt), title=export.title)


def export_budget(store: Store, fiscal_year: int, path: str | Path,
                  provinces: Sequence[str] | None = None) -> int:
    """The budget report of a fiscal year per program, with a SUM row in .xlsx, of
    ``provinces`` (a wide account's selector; default every province the database holds)."""
    rows = [[b.code, b.name_th, fiscal_year, b.allocated, b.approved, b.disbursed, b.remaining]
            for b in ledger.budget_by_program(store, fiscal_year, provinces)]
    return write_table(path, BUDGET_COLUMNS, rows, title=f"งบประมาณ {fiscal_year}",
                       total_label="รวม")


COMPARISON_COLUMNS = [
    Col("รหัสจังหวัด", TEXT, 10), Col("จังหวัด", width=22), Col("ปีงบประมาณ", YEAR, 10),
    Col("สถานะ", width=18), Col("ผลการประเมิน", width=24),
    *[Col(f"เกณฑ์ที่ {n}", INT, 9) for n in comparison.CRITERIA],
    Col("ความพร้อม (%)", DECIMAL, 12),
]


def export_comparison(store: Store, fiscal_year: int, path: str | Path,
                      rows: list[comparison.ComparisonRow] | None = None) -> int:
    """The assessment comparison of a fiscal year: one row per province, levels and the
    year as numbers, readiness as a number of per cent. ``rows`` in the order shown (the
    comparison page's sort); by default every province in scope, readiest first."""
    if rows is None:
        rows = comparison.comparison(store, fiscal_year)
    not_assessed = "Not assessed" if language() == "en" else "ยังไม่ประเมิน"
    out = [[r.province, r.name, fiscal_year, _label(PilotStatus, r.pilot_status),
            _label(AssessmentStatus, r.status) or not_assessed, *r.levels, r.readiness]
           for r in rows]
    return write_table(path, COMPARISON_COLUMNS, out, title=f"เปรียบเทียบ {fiscal_year}")
