"""Provincial assemblies (สมัชชาจังหวัด): hundreds of participants registered in bulk or
imported from Excel, attendance statistics, the plan proposals the assembly adopts, and
the assembly as evidence for criterion 10 of the province's self-assessment.

Criterion 10: the communities, their networks and partners meet regularly and hold an
annual provincial assembly. Bulk registration and an import are each one action: all
rows or none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.formatting import fiscal_year, thai_date
from codi_core.labels import LABELS, UNKNOWN
from codi_core.models import (
    Assessment,
    Attendance,
    AttendanceStatus,
    CriterionScore,
    District,
    Gender,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    OrganizationKind,
    PlanProposal,
    ProposalKind,
    ProposalStatus,
    Subdistrict,
    utcnow,
)
from codi_core.reference import reference_id
from codi_desktop.importing.framework import ImportFailed
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, clean, get_live, record_province
from .meetings import ATTENDANCE_NAMES, guard_minutes, number_text

ASSEMBLY_CRITERION = 10

ORG_KIND_NAMES: dict[str, tuple[str, str]] = {
    OrganizationKind(k): v for k, v in LABELS[OrganizationKind].items()}
GENDER_NAMES: dict[str, tuple[str, str]] = {Gender(k): v for k, v in LABELS[Gender].items()}


@dataclass
class ParticipantData:
    """One line of a registration list."""

    name: str = ""  # full name as written, with its prefix
    organization_name: str | None = None
    organization_id: str | None = None
    subdistrict_id: str | None = None
    gender: str | None = None
    position: str | None = None
    person_id: str | None = None
    status: str = AttendanceStatus.PRESENT.value


@dataclass
class RegistrationResult:
    added: int
    skipped: int  # already registered in this meeting (same name and organization)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "").casefold()


PREFIX_GENDER = {"นาย": Gender.MALE, "นาง": Gender.FEMALE, "นางสาว": Gender.FEMALE,
                 "น.ส.": Gender.FEMALE, "ด.ช.": Gender.MALE, "ด.ญ.": Gender.FEMALE,
                 "mr.": Gender.MALE, "mrs.": Gender.FEMALE, "ms.": Gender.FEMALE,
                 "miss": Gender.FEMALE}
GENDER_WORDS = {"ชาย": Gender.MALE, "ช": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE,
                "หญิง": Gender.FEMALE, "ญ": Gender.FEMALE, "female": Gender.FEMALE,
                "f": Gender.FEMALE, "อื่นๆ": Gender.OTHER, "อื่น": Gender.OTHER,
                "other": Gender.OTHER, "เพศทางเลือก": Gender.OTHER}


def gender_from(value: str | None, name: str = "") -> str | None:
    """A gender word (ชาย/หญิง/male...), or else what the name's prefix says."""
    if value and value.strip():
        g = GENDER_WORDS.get(_norm(value))
        return g.value if g else "?"
    for prefix in sorted(PREFIX_GENDER, key=len, reverse=True):
        if name.strip().casefold().startswith(prefix):
            return PREFIX_GENDER[prefix].value
    return None


def _validate_rows(rows: list[ParticipantData], first_row: int = 1) -> None:
    problems: list[tuple[int, str, str]] = []
    for n, p in enumerate(rows, start=first_row):
        if not clean(p.name):
            problems.append((n, "ไม่มีชื่อ", "no name"))
        elif len(p.name.strip()) > 300:
            problems.append((n, "ชื่อยาวเกิน 300 ตัวอักษร", "name longer than 300 characters"))
        if p.organization_name and len(p.organization_name.strip()) > 300:
            problems.append((n, "ชื่อองค์กรยาวเกิน 300 ตัวอักษร", "organization name too long"))
        if p.gender is not None and p.gender not in Gender.__members__.values():
            problems.append((n, "เพศไม่ถูกต้อง (ใช้ ชาย / หญิง)", "unknown gender (use ชาย / หญิง)"))
        if p.status not in AttendanceStatus.__members__.values():
            problems.append((n, "สถานะไม่ถูกต้อง", "unknown status"))
    if problems:
        raise ImportFailed(problems)


def register_participants(store: Store, meeting_id: str, rows: list[ParticipantData],
                          author: str | None = None) -> RegistrationResult:
    """Register many participants at once (one action). Organizations named like one in
    the database are linked to it, so statistics by organization kind count them; people
    already registered in the meeting (same name and organization) are skipped."""
    _validate_rows(rows)
    with store.action(f"ลงทะเบียนผู้เข้าร่วมประชุม {len(rows)} คน", author) as session:
        province = record_province(store, session, Meeting, meeting_id)
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        return _register(session, province, meeting, rows)


def _register(session, province: str, meeting: Meeting,
              rows: list[ParticipantData]) -> RegistrationResult:
    orgs = {_norm(name): oid for oid, name in session.execute(
        sa.select(Organization.id, Organization.name).where(
            Organization.province_code == province, Organization.deleted_at.is_(None)))}
    org_names = {oid: name for name, oid in orgs.items()}
    valid_subs = set(session.scalars(sa.select(Subdistrict.id).where(
        Subdistrict.province_id == province)))
    seen = {(_norm(n), _norm(o or "")) for n, o in session.execute(
        sa.select(Attendance.person_name, Attendance.organization_name).where(
            Attendance.meeting_id == meeting.id, Attendance.deleted_at.is_(None)))}
    problems = [(n, "ตำบลไม่อยู่ในจังหวัดนี้", "subdistrict outside this province")
                for n, p in enumerate(rows, start=1)
                if p.subdistrict_id and p.subdistrict_id not in valid_subs]
    if problems:
        raise ImportFailed(problems)
    now = utcnow()
    added = skipped = 0
    for p in rows:
        name = " ".join(p.name.split())
        org_name = clean(p.organization_name)
        key = (_norm(name), _norm(org_name or ""))
        if key in seen:
            skipped += 1
            continue
        seen.add(key)
        org_id = p.organization_id or (orgs.get(_norm(org_name)) if org_name else None)
        if org_id and not org_name:
            org_name = org_names.get(org_id) or session.get(Organization, org_id).name
        status = AttendanceStatus(p.status)
        session.add(Attendance(
            province_code=province, meeting_id=meeting.id, person_id=p.person_id,
            person_name=name, organization_name=org_name, organization_id=org_id,
            position=clean(p.position), subdistrict_id=p.subdistrict_id,
            gender=p.gender or gender_from(None, name), status=status,
            signed_in_at=None if status is AttendanceStatus.ABSENT else now))
        added += 1
    return RegistrationResult(added, skipped)


# --- Excel and CSV ---------------------------------------------------------------------


def read_participants_xlsx(
    store: Store, path: str | Path, province: str | None = None
) -> list[ParticipantData]:
    """Read a participant list from an .xlsx or .csv file through the import framework
    (``codi_desktop.importing``). Headers may be the common Thai ones (ชื่อ-สกุล or ชื่อ +
    นามสกุล, คำนำหน้า, องค์กร/หน่วยงาน, ตำบล, อำเภอ, เพศ, ตำแหน่ง). An unreadable file or
    any bad row raises a ``ServiceError`` naming the rows by the spreadsheet's numbers.
    Tambons are looked up in ``province`` (default: the working province)."""
    from codi_desktop.importing.framework import DUPLICATE, NEW, preview_file
    from codi_desktop.importing.participants import ParticipantImporter

    preview = preview_file(store, ParticipantImporter(), path, province=province)
    if preview.errors:
        raise ImportFailed(preview.problems())
    out = [r.data for r in preview.rows if r.fate in (NEW, DUPLICATE)]
    if not out:
        raise ServiceError("import_empty")
    return out


def import_participants_xlsx(store: Store, meeting_id: str, path: str | Path,
                             author: str | None = None) -> RegistrationResult:
    """Read the file, then register every row in one action (nothing if any row is bad).
    The meeting's own province is the one its participants' tambons are looked up in,
    whatever a wide account's page shows."""
    province = scope.province_of(store, "meeting", meeting_id)  # None: not found, said below
    rows = read_participants_xlsx(store, path, province)
    return register_participants(store, meeting_id, rows, author)


# --- statistics ------------------------------------------------------------------------------


@dataclass
class StatLine:
    key: str | None
    name_th: str
    name_en: str
    count: int

    def name(self, lang: str = "th") -> str:
        return self.name_en if lang == "en" else self.name_th


@dataclass
class AttendanceStats:
    total: int  # in the room: present, substitutes and attendees
    absent: int
    by_status: list[StatLine] = field(default_factory=list)
    by_organization_kind: list[StatLine] = field(default_factory=list)
    by_district: list[StatLine] = field(default_factory=list)
    by_subdistrict: list[StatLine] = field(default_factory=list)
    by_gender: list[StatLine] = field(default_factory=list)


def attendance_statistics(store: Store, meeting_id: str) -> AttendanceStats:
    """Who came, counted by status, organization kind, district, tambon and gender: one
    GROUP BY over the meeting's attendance, folded into each breakdown."""
    org = sa.orm.aliased(Organization)
    sub = sa.orm.aliased(Subdistrict)
    stmt = (
        sa.select(Attendance.status, org.kind, sub.district_id, Attendance.subdistrict_id,
                  Attendance.gender, sa.func.count())
        .select_from(Attendance)
        .outerjoin(org, org.id == Attendance.organization_id)
        .outerjoin(sub, sub.id == Attendance.subdistrict_id)
        .where(Attendance.meeting_id == meeting_id, Attendance.deleted_at.is_(None))
        .group_by(Attendance.status, org.kind, sub.district_id, Attendance.subdistrict_id,
                  Attendance.gender)
    )
    status_c: Counter = Counter()
    kind_c: Counter = Counter()
    district_c: Counter = Counter()
    sub_c: Counter = Counter()
    gender_c: Counter = Counter()
    with store.read() as session:
        for status, kind, district, subdistrict, gender, n in session.execute(stmt):
            status_c[status.value] += n
            if status is AttendanceStatus.ABSENT:
                continue
            kind_c[kind.value if kind else None] += n
            district_c[district] += n
            sub_c[subdistrict] += n
            gender_c[gender.value if gender else None] += n
        names: dict[str, tuple[str, str]] = {}
        if district_c or sub_c:
            for did, th, en in session.execute(sa.select(
                    District.id, District.name_th, District.name_en).where(
                    District.id.in_([d for d in district_c if d]))):
                names[did] = (th, en)
            for sid, th, en in session.execute(sa.select(
                    Subdistrict.id, Subdistrict.name_th, Subdistrict.name_en).where(
                    Subdistrict.id.in_([s for s in sub_c if s]))):
                names[sid] = (th, en)

    def lines(counter: Counter, labels: dict) -> list[StatLine]:
        out = [StatLine(k, *(labels.get(k, UNKNOWN) if k else UNKNOWN), n)
               for k, n in counter.items()]
        return sorted(out, key=lambda s: (s.key is None, -s.count, s.name_th))

    absent = status_c.get(AttendanceStatus.ABSENT.value, 0)
    return AttendanceStats(
        total=sum(status_c.values()) - absent, absent=absent,
        by_status=lines(status_c, ATTENDANCE_NAMES),
        by_organization_kind=lines(kind_c, ORG_KIND_NAMES),
        by_district=lines(district_c, names), by_subdistrict=lines(sub_c, names),
        by_gender=lines(gender_c, GENDER_NAMES))


# --- what the assembly adopts --------------------------------------------------------------


@dataclass
class ProposalData:
    title: str = ""
    kind: str = ProposalKind.DEVELOPMENT_PLAN.value
    description: str | None = None


@dataclass
class ProposalRow:
    id: str
    title: str
    kind: str
    description: str | None
    status: str
    fiscal_year: int


def adopt_proposals(store: Store, meeting_id: str, proposals: list[ProposalData],
                    author: str | None = None) -> list[str]:
    """Plan and policy proposals the assembly adopted, linked to it (for the fiscal year of
    the assembly), to feed the provincial development plan."""
    errors = Errors()
    for p in proposals:
        errors.text("title", p.title, required=True, max_len=500)
        errors.choice("kind", p.kind, ProposalKind)
    errors.raise_if_any()
    with store.action(f"บันทึกข้อเสนอที่ที่ประชุมรับรอง {len(proposals)} เรื่อง", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            raise ServiceError("evidence_not_held")
        ids = []
        for p in proposals:
            row = PlanProposal(province_code=meeting.province_code,
                               fiscal_year=fiscal_year(meeting.starts_at),
                               kind=ProposalKind(p.kind), title=p.title.strip(),
                               description=clean(p.description),
                               status=ProposalStatus.ADOPTED, meeting_id=meeting.id)
            session.add(row)
            session.flush()
            ids.append(row.id)
        return ids


def list_proposals(store: Store, meeting_id: str) -> list[ProposalRow]:
    with store.read() as session:
        return [ProposalRow(p.id, p.title, p.kind.value, p.description, p.status.value,
                            p.fiscal_year)
                for p in session.scalars(
                    sa.select(PlanProposal)
                    .where(PlanProposal.meeting_id == meeting_id,
                           PlanProposal.deleted_at.is_(None))
                    .order_by(PlanProposal.created_at, PlanProposal.id))]


def record_assembly_evidence(store: Store, meeting_id: str, *, level: int | None = None,
                             author: str | None = None) -> str:
    """Link a held provincial assembly to criterion 10 of the province's assessment for
    that fiscal year (creating the assessment if the province has none yet)."""
    if level is not None and (not isinstance(level, int) or not 0 <= level <= 4):
        raise ServiceError("unknown_choice", "level")
    stats = attendance_statistics(store, meeting_id)
    with store.action("บันทึกหลักฐานเกณฑ์ข้อ 10 (สมัชชาจังหวัด)", author) as session:
        province = record_province(store, session, Meeting, meeting_id)
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.kind is not MeetingKind.PROVINCIAL_ASSEMBLY:
            raise ServiceError("not_assembly")
        if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            raise ServiceError("evidence_not_held")
        fy = fiscal_year(meeting.starts_at)
        assessment = session.scalar(sa.select(Assessment).where(
            Assessment.province_code == province, Assessment.fiscal_year == fy,
            Assessment.deleted_at.is_(None)).limit(1))
        if assessment is None:
            assessment = Assessment(province_code=province, fiscal_year=fy)
            session.add(assessment)
            session.flush()
        criterion_id = reference_id("criterion", str(ASSEMBLY_CRITERION))
        score = session.scalar(sa.select(CriterionScore).where(
            CriterionScore.assessment_id == assessment.id,
            CriterionScore.criterion_id == criterion_id,
            CriterionScore.deleted_at.is_(None)).limit(1))
        if score is None:
            score = CriterionScore(province_code=province, assessment_id=assessment.id,
                                   criterion_id=criterion_id, level=0)
            session.add(score)
        proposals = session.scalar(sa.select(sa.func.count()).select_from(PlanProposal).where(
            PlanProposal.meeting_id == meeting.id, PlanProposal.deleted_at.is_(None))) or 0
        ref = f" ครั้งที่ {number_text(meeting)}" if number_text(meeting) else ""
        score.evidence = (f"{meeting.title}{ref} วันที่ {thai_date(meeting.starts_at)} "
                          f"ผู้เข้าร่วม {stats.total} คน ข้อเสนอที่รับรอง {proposals} เรื่อง")
        score.meeting_id = meeting.id
        if level is not None:
            score.level = level
        session.flush()
        return score.id
