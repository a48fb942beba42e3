"""Evidence the app suggests for each criterion from the province's own records.

Every suggestion shows the numbers behind it (``facts``) and the records that prove it
(``links``); the assessor accepts it into the assessment or not (``apply_suggestion``).
Criterion 7 (visibility) has nothing in the records to count, so it gets no
suggestion; neither does criterion 10 in a year without a held provincial assembly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.formatting import fiscal_year_bounds, thai_date
from codi_core.models import (
    Attendance,
    AttendanceStatus,
    Community,
    Indicator,
    LedgerEntry,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Organization,
    OrganizationKind,
    Outcome,
    PlanIssue,
    PlanProposal,
    Project,
    ProjectStatus,
    ProjectTarget,
    ProposalKind,
    ProposalSubmission,
    Subdistrict,
)
from codi_core.reference import reference_id
from codi_desktop.store.database import Store

HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT, MeetingStatus.MINUTES_CERTIFIED,
        MeetingStatus.LOCKED)
LEADERSHIP_PROGRAM = "leadership"


@dataclass(frozen=True)
class Fact:
    label_th: str
    label_en: str
    value: int

    def text(self, lang: str = "th") -> str:
        return f"{self.label_en if lang == 'en' else self.label_th} {self.value:,}"


@dataclass(frozen=True)
class Link:
    kind: str  # EvidenceKind value
    target_id: str | None
    label: str


@dataclass(frozen=True)
class Suggestion:
    criterion: int
    level: int
    facts: list[Fact]
    links: list[Link] = field(default_factory=list)

    def text(self, lang: str = "th") -> str:
        return "; ".join(f.text(lang) for f in self.facts)

    def fact(self, label_en: str) -> int:
        return next(f.value for f in self.facts if f.label_en == label_en)


def _live(model):
    return model.deleted_at.is_(None)


def _count(session: Session, stmt) -> int:
    return int(session.scalar(stmt) or 0)


def _fy_moments(fy: int) -> tuple[dt.datetime, dt.datetime]:
    first, last = fiscal_year_bounds(fy)
    # Bangkok is UTC+7: the fiscal year starts at 17:00 UTC the day before.
    start = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC) - dt.timedelta(hours=7)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC) + dt.timedelta(hours=17)
    return start, end


def _step(value: float, thresholds: tuple[float, float, float, float]) -> int:
    """Level 0..4: how many of the ascending thresholds ``value`` reaches."""
    return sum(1 for t in thresholds if value >= t)


# -- one function per criterion ------------------------------------------------------


def criterion_1(s: Session, p: str, fy: int) -> Suggestion | None:
    by_kind = dict(s.execute(
        sa.select(Organization.kind, sa.func.count()).where(
            Organization.province_code == p, _live(Organization)).group_by(Organization.kind)
    ).all())
    total = sum(by_kind.values())
    if not total:
        return None
    network = sa.orm.aliased(Organization)
    other = sa.orm.aliased(Membership)
    # Linked: an organization (not itself a network) sharing a member with a network.
    linked = _count(s, sa.select(sa.func.count(sa.distinct(Membership.organization_id)))
                    .join(Organization, Organization.id == Membership.organization_id)
                    .join(other, other.person_id == Membership.person_id)
                    .join(network, network.id == other.organization_id)
                    .where(Organization.province_code == p, _live(Organization), _live(Membership),
                           _live(other), _live(network), network.kind == OrganizationKind.NETWORK,
                           Organization.kind != OrganizationKind.NETWORK))
    partners = by_kind.get(OrganizationKind.PARTNER, 0)
    networks = by_kind.get(OrganizationKind.NETWORK, 0)
    kinds = len(by_kind)
    level = 1 + (kinds >= 3) + (partners >= 1 and linked >= 1) + (kinds >= 5 and partners >= 3)
    facts = [Fact("องค์กรทั้งหมด", "Organizations", total),
             Fact("ประเภทองค์กร", "Kinds of organization", kinds),
             Fact("เครือข่าย", "Networks", networks),
             Fact("ภาคี", "Partners", partners),
             Fact("องค์กรที่เชื่อมโยงในเครือข่าย", "Organizations linked in networks", linked)]
    links = [Link("organization", oid, name) for oid, name in s.execute(
        sa.select(Organization.id, Organization.name).where(
            Organization.province_code == p, _live(Organization),
            Organization.kind.in_([OrganizationKind.NETWORK, OrganizationKind.PARTNER]))
        .order_by(Organization.name).limit(10))]
    return Suggestion(1, level, facts, links)


def _proposal_counts(s: Session, p: str, fy: int, kind: ProposalKind | None = None):
    cond = [PlanProposal.province_code == p, PlanProposal.fiscal_year == fy, _live(PlanProposal)]
    if kind is not None:
        cond.append(PlanProposal.kind == kind)
    total = _count(s, sa.select(sa.func.count()).select_from(PlanProposal).where(*cond))
    sub = (sa.select(sa.func.count(sa.distinct(ProposalSubmission.proposal_id)))
           .join(PlanProposal, PlanProposal.id == ProposalSubmission.proposal_id)
           .where(*cond, _live(ProposalSubmission)))
    submitted = _count(s, sub)
    accepted = _count(s, sub.where(ProposalSubmission.outcome == Outcome.ACCEPTED))
    return total, submitted, accepted


def criterion_2(s: Session, p: str, fy: int) -> Suggestion | None:
    total, submitted, accepted = _proposal_counts(s, p, fy)
    if not total:
        return None
    level = 1 + (submitted >= 1) + (accepted >= 1) + (accepted >= 3)
    links = [Link("proposal", pid, title) for pid, title in s.execute(
        sa.select(PlanProposal.id, PlanProposal.title)
        .join(ProposalSubmission, ProposalSubmission.proposal_id == PlanProposal.id)
        .where(PlanProposal.province_code == p, PlanProposal.fiscal_year == fy,
               _live(PlanProposal), _live(ProposalSubmission),
               ProposalSubmission.outcome == Outcome.ACCEPTED)
        .distinct().order_by(PlanProposal.title).limit(10))]
    return Suggestion(2, level, [
        Fact("ข้อเสนอในแผนพัฒนาจังหวัด", "Plan proposals", total),
        Fact("ยื่นต่อหน่วยงานแล้ว", "Submitted to agencies", submitted),
        Fact("หน่วยงานรับบรรจุในแผน", "Accepted by agencies", accepted)], links)


def criterion_3(s: Session, p: str, fy: int) -> Suggestion | None:
    communities = _count(s, sa.select(sa.func.count()).select_from(Community).where(
        Community.province_code == p, _live(Community)))
    with_households = _count(s, sa.select(sa.func.count()).select_from(Community).where(
        Community.province_code == p, _live(Community), Community.households.is_not(None)))
    projects = _count(s, sa.select(sa.func.count()).select_from(Project).where(
        Project.province_code == p, Project.fiscal_year == fy, _live(Project)))
    reported = _count(s, sa.select(sa.func.count(sa.distinct(Indicator.project_id)))
                      .join(Project, Project.id == Indicator.project_id)
                      .where(Project.province_code == p, Project.fiscal_year == fy,
                             _live(Project), _live(Indicator), Indicator.actual.is_not(None)))
    from codi_core.models import ProvinceIndicator

    indicators = _count(s, sa.select(sa.func.count()).select_from(ProvinceIndicator).where(
        ProvinceIndicator.province_code == p, ProvinceIndicator.fiscal_year == fy,
        _live(ProvinceIndicator)))
    reports = _count(s, sa.select(sa.func.count()).select_from(Meeting).where(
        Meeting.province_code == p, _live(Meeting),
        Meeting.status.in_([MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED]),
        Meeting.starts_at.between(*_fy_moments(fy))))
    if not (communities or projects):
        return None
    shares = [with_households / communities if communities else 0.0,
              reported / projects if projects else 0.0]
    level = _step(sum(shares) / 2, (0.01, 0.5, 0.8, 0.95))
    if level >= 3 and not indicators:
        level = 2
    return Suggestion(3, level, [
        Fact("ชุมชนทั้งหมด", "Communities", communities),
        Fact("ชุมชนที่มีข้อมูลครัวเรือน", "Communities with households", with_households),
        Fact("โครงการปีนี้", "Projects this year", projects),
        Fact("โครงการที่รายงานตัวชี้วัด", "Projects with indicators reported", reported),
        Fact("ตัวชี้วัดการพัฒนาจังหวัด", "Province indicators", indicators),
        Fact("รายงานการประชุมที่รับรองแล้ว", "Certified minutes (reports)", reports)])


def criterion_4(s: Session, p: str, fy: int) -> Suggestion | None:
    issues = _count(s, sa.select(sa.func.count()).select_from(PlanIssue).where(
        PlanIssue.province_code == p, PlanIssue.fiscal_year == fy, _live(PlanIssue)))
    analysed = _count(s, sa.select(sa.func.count()).select_from(PlanIssue).where(
        PlanIssue.province_code == p, PlanIssue.fiscal_year == fy, _live(PlanIssue),
        PlanIssue.analysis.is_not(None)))
    policy, submitted, accepted = _proposal_counts(s, p, fy, ProposalKind.POLICY_PROPOSAL)
    if not (issues or policy):
        return None
    level = 1 + (analysed >= 1) + (submitted >= 1) + (accepted >= 1)
    return Suggestion(4, level, [
        Fact("ประเด็นปัญหา", "Issues", issues),
        Fact("ประเด็นที่วิเคราะห์แล้ว", "Issues analysed", analysed),
        Fact("ข้อเสนอเชิงนโยบาย", "Policy proposals", policy),
        Fact("ข้อเสนอเชิงนโยบายที่ยื่นแล้ว", "Policy proposals submitted", submitted),
        Fact("ข้อเสนอเชิงนโยบายที่ได้รับการยอมรับ", "Policy proposals accepted", accepted)])


def criterion_5(s: Session, p: str, fy: int) -> Suggestion | None:
    today = fiscal_year_bounds(fy)[1]
    active = [_live(Membership), sa.or_(Membership.to_on.is_(None), Membership.to_on >= today)]
    groups = list(s.execute(
        sa.select(Organization.id, Organization.name).where(
            Organization.province_code == p, _live(Organization),
            Organization.kind == OrganizationKind.COMMITTEE).order_by(Organization.name)))
    if not groups:
        return None
    ids = [g[0] for g in groups]
    people = _count(s, sa.select(sa.func.count(sa.distinct(Membership.person_id))).where(
        Membership.organization_id.in_(ids), *active))
    seats = _count(s, sa.select(sa.func.count()).select_from(Membership).where(
        Membership.organization_id.in_(ids), *active))
    n = len(groups)
    level = 1 + (n >= 2) + (n >= 3 and people >= 10) + (n >= 5 and people >= 20)
    return Suggestion(5, level, [
        Fact("คณะกรรมการและคณะทำงาน", "Committee and working groups", n),
        Fact("ผู้ร่วมเป็นกรรมการ (คน)", "People sitting on them", people),
        Fact("ตำแหน่งในคณะทำงาน", "Seats", seats)],
        [Link("organization", oid, name) for oid, name in groups[:10]])


def criterion_6(s: Session, p: str, fy: int) -> Suggestion | None:
    approved = [ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED]
    projects = _count(s, sa.select(sa.func.count()).select_from(Project).where(
        Project.province_code == p, Project.fiscal_year == fy, _live(Project),
        Project.status.in_(approved)))
    if not projects:
        return None

    def with_entry(kind: LedgerKind) -> int:
        return _count(s, sa.select(sa.func.count(sa.distinct(LedgerEntry.project_id))).where(
            LedgerEntry.province_code == p, LedgerEntry.fiscal_year == fy,
            LedgerEntry.kind == kind, LedgerEntry.project_id.is_not(None)))

    in_ledger = with_entry(LedgerKind.APPROVAL)
    disbursed = with_entry(LedgerKind.DISBURSEMENT)
    reported = _count(s, sa.select(sa.func.count(sa.distinct(LedgerEntry.project_id))).where(
        LedgerEntry.province_code == p, LedgerEntry.fiscal_year == fy,
        LedgerEntry.kind == LedgerKind.EXPENDITURE,
        LedgerEntry.project_id.in_(sa.select(LedgerEntry.project_id).where(
            LedgerEntry.kind == LedgerKind.DISBURSEMENT))))
    ledger_share = in_ledger / projects
    report_share = reported / disbursed if disbursed else 0.0
    level = 1 + (ledger_share >= 0.9) + (report_share >= 0.5) + (
        ledger_share >= 1 and report_share >= 0.9)
    return Suggestion(6, level, [
        Fact("โครงการที่อนุมัติ", "Approved projects", projects),
        Fact("บันทึกอนุมัติในบัญชีแล้ว", "Approvals in the ledger", in_ledger),
        Fact("โครงการที่เบิกจ่ายแล้ว", "Projects disbursed", disbursed),
        Fact("ส่งรายงานการใช้จ่ายแล้ว", "Expenditure reports in", reported)])


def criterion_8(s: Session, p: str, fy: int) -> Suggestion | None:
    tambons = _count(s, sa.select(sa.func.count()).select_from(Subdistrict).where(
        Subdistrict.province_id == p))
    direct = sa.select(Project.subdistrict_id.label("sid")).where(
        Project.province_code == p, Project.fiscal_year == fy, _live(Project),
        Project.subdistrict_id.is_not(None))
    extra = (sa.select(ProjectTarget.subdistrict_id.label("sid"))
             .join(Project, Project.id == ProjectTarget.project_id)
             .where(Project.province_code == p, Project.fiscal_year == fy, _live(Project),
                    _live(ProjectTarget), ProjectTarget.subdistrict_id.is_not(None)))
    union = sa.union(direct, extra).subquery()
    covered = _count(s, sa.select(sa.func.count()).select_from(union))
    org_direct = sa.select(Project.organization_id.label("oid")).where(
        Project.province_code == p, Project.fiscal_year == fy, _live(Project),
        Project.organization_id.is_not(None))
    org_extra = (sa.select(ProjectTarget.organization_id.label("oid"))
                 .join(Project, Project.id == ProjectTarget.project_id)
                 .where(Project.province_code == p, Project.fiscal_year == fy, _live(Project),
                        _live(ProjectTarget), ProjectTarget.organization_id.is_not(None)))
    active = _count(s, sa.select(sa.func.count()).select_from(
        sa.union(org_direct, org_extra).subquery()))
    if not covered:
        return None
    level = _step(covered / tambons if tambons else 0, (0.0001, 0.1, 0.3, 0.6))
    return Suggestion(8, level, [
        Fact("ตำบลที่มีโครงการ", "Tambons with projects", covered),
        Fact("ตำบลทั้งจังหวัด", "Tambons in the province", tambons),
        Fact("องค์กรที่ดำเนินโครงการ", "Active organizations", active)])


def criterion_9(s: Session, p: str, fy: int) -> Suggestion | None:
    program = reference_id("program", LEADERSHIP_PROGRAM)
    rows = list(s.execute(sa.select(Project.id, Project.name).where(
        Project.province_code == p, Project.fiscal_year == fy, _live(Project),
        Project.program_id == program).order_by(Project.name)))
    if not rows:
        return None
    trained = _count(s, sa.select(sa.func.sum(Indicator.actual)).where(
        Indicator.project_id.in_([r[0] for r in rows]), _live(Indicator),
        Indicator.unit == "คน"))
    level = 1 + (trained > 0) + (trained >= 50) + (trained >= 200)
    return Suggestion(9, level, [
        Fact("โครงการพัฒนาศักยภาพผู้นำ", "Leadership-development projects", len(rows)),
        Fact("ผู้ผ่านการพัฒนา (คน)", "People trained", trained)],
        [Link("project", pid, name) for pid, name in rows[:10]])


def criterion_10(s: Session, p: str, fy: int) -> Suggestion | None:
    start, end = _fy_moments(fy)
    held = [Meeting.province_code == p, _live(Meeting), Meeting.status.in_(HELD),
            Meeting.starts_at >= start, Meeting.starts_at < end]
    assembly = s.execute(sa.select(Meeting.id, Meeting.title, Meeting.starts_at).where(
        *held, Meeting.kind == MeetingKind.PROVINCIAL_ASSEMBLY)
        .order_by(Meeting.starts_at.desc()).limit(1)).first()
    if assembly is None:
        return None  # no annual assembly this fiscal year: nothing to suggest
    meetings = _count(s, sa.select(sa.func.count()).select_from(Meeting).where(*held))
    came = _count(s, sa.select(sa.func.count()).select_from(Attendance).where(
        Attendance.meeting_id == assembly.id, _live(Attendance),
        Attendance.status != AttendanceStatus.ABSENT))
    level = 2 + (meetings >= 4) + (meetings >= 6 and came >= 100)
    return Suggestion(10, level, [
        Fact("การประชุมที่จัดในปีงบประมาณนี้", "Meetings held this fiscal year", meetings),
        Fact("สมัชชาจังหวัด", "Provincial assemblies", 1),
        Fact("ผู้เข้าร่วมสมัชชา (คน)", "Assembly attendance", came)],
        [Link("meeting", assembly.id, f"{assembly.title} {thai_date(assembly.starts_at)}")])


SUGGESTERS = {1: criterion_1, 2: criterion_2, 3: criterion_3, 4: criterion_4, 5: criterion_5,
              6: criterion_6, 8: criterion_8, 9: criterion_9, 10: criterion_10}


def suggestions(store: Store, province: str, fiscal_year: int) -> dict[int, Suggestion]:
    """Criterion number → the suggestion the records support (absent: none)."""
    out: dict[int, Suggestion] = {}
    with store.read() as s:
        for number, fn in SUGGESTERS.items():
            found = fn(s, province, fiscal_year)
            if found is not None:
                out[number] = found
    return out


def apply_suggestion(score, suggestion: Suggestion):
    """A criterion's draft (``assessment.ScoreDraft``) with the suggestion accepted: its
    level, its numbers added to the evidence notes, its records linked."""
    note = suggestion.text("th")
    evidence = score.evidence or ""
    if note not in evidence:
        evidence = f"{evidence}\n{note}".strip()
    have = {(link.kind, link.target_id) for link in score.links}
    links = list(score.links) + [
        link for link in suggestion.links if (link.kind, link.target_id) not in have]
    return replace(score, level=suggestion.level, evidence=evidence, links=links,
                   suggested=True)
