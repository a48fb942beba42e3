"""The provincial development plan (criteria 2 and 4): issues, proposals, their
submissions to agencies and each agency's answer. One write per user action."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today
from codi_core.models import (
    AgendaItem,
    Meeting,
    Outcome,
    PlanIssue,
    PlanProposal,
    ProposalKind,
    ProposalStatus,
    ProposalSubmission,
)
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, check_reference, clean, get_live


@dataclass
class IssueData:
    fiscal_year: int
    title: str
    analysis: str | None = None
    meeting_id: str | None = None
    province: str | None = None


@dataclass
class ProposalData:
    fiscal_year: int
    kind: str
    title: str
    description: str | None = None
    issue_id: str | None = None
    meeting_id: str | None = None
    agenda_item_id: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class SubmissionRow:
    id: str
    agency: str
    submitted_on: dt.date
    outcome: str
    decided_on: dt.date | None
    reason: str | None


@dataclass(frozen=True)
class ProposalRow:
    id: str
    fiscal_year: int
    kind: str
    title: str
    description: str | None
    status: str
    issue_title: str | None
    resolution: str | None  # the meeting resolution that produced it
    meeting_title: str | None
    outcome: str  # overall: accepted if any agency accepted, else pending/declined/draft
    submissions: list[SubmissionRow] = field(default_factory=list)


@dataclass(frozen=True)
class IssueRow:
    id: str
    title: str
    analysis: str | None


def overall_outcome(outcomes: list[str]) -> str:
    """A proposal's outcome from its submissions: accepted by any agency wins; any still
    pending keeps it pending; declined only when every agency declined."""
    if not outcomes:
        return "not_submitted"
    if Outcome.ACCEPTED.value in outcomes:
        return Outcome.ACCEPTED.value
    if Outcome.PENDING.value in outcomes:
        return Outcome.PENDING.value
    return Outcome.DECLINED.value


def _fy(errors: Errors, fy) -> None:
    if not isinstance(fy, int) or not 2500 <= fy <= 2700:
        errors.add("fiscal_year", "fiscal_year_range")


def add_issue(store: Store, data: IssueData, author: str | None = None) -> str:
    province = scope.one_province(store, data.province)
    errors = Errors()
    _fy(errors, data.fiscal_year)
    errors.text("title", data.title, required=True, max_len=500)
    with store.action("บันทึกประเด็นปัญหาของจังหวัด", author) as session:
        check_reference(session, province, Meeting, data.meeting_id, "meeting_id", "meeting",
                        errors)
        errors.raise_if_any()
        row = PlanIssue(province_code=province, fiscal_year=data.fiscal_year,
                        title=clean(data.title), analysis=clean(data.analysis),
                        meeting_id=data.meeting_id)
        session.add(row)
        session.flush()
        return row.id


def save_proposal(store: Store, data: ProposalData, proposal_id: str | None = None,
                  author: str | None = None) -> str:
    province = scope.one_province(store, data.province)
    errors = Errors()
    _fy(errors, data.fiscal_year)
    errors.text("title", data.title, required=True, max_len=500)
    errors.choice("kind", data.kind, ProposalKind)
    summary = "แก้ไขข้อเสนอในแผนพัฒนาจังหวัด" if proposal_id else "เพิ่มข้อเสนอในแผนพัฒนาจังหวัด"
    with store.action(summary, author) as session:
        check_reference(session, province, PlanIssue, data.issue_id, "issue_id", "issue", errors)
        check_reference(session, province, Meeting, data.meeting_id, "meeting_id", "meeting",
                        errors)
        check_reference(session, province, AgendaItem, data.agenda_item_id, "agenda_item_id",
                        "resolution", errors)
        errors.raise_if_any()
        values = dict(fiscal_year=data.fiscal_year, kind=ProposalKind(data.kind),
                      title=clean(data.title), description=clean(data.description),
                      issue_id=data.issue_id, meeting_id=data.meeting_id,
                      agenda_item_id=data.agenda_item_id)
        if proposal_id is None:
            row = PlanProposal(province_code=province, status=ProposalStatus.ADOPTED
                               if data.meeting_id else ProposalStatus.DRAFT, **values)
            session.add(row)
        else:
            row = get_live(session, PlanProposal, proposal_id, "proposal")
            for k, v in values.items():
                if getattr(row, k) != v:
                    setattr(row, k, v)
        session.flush()
        return row.id


def _refresh_status(session, proposal: PlanProposal) -> None:
    outcomes = [o.value for o in session.scalars(sa.select(ProposalSubmission.outcome).where(
        ProposalSubmission.proposal_id == proposal.id, ProposalSubmission.deleted_at.is_(None)))]
    overall = overall_outcome(outcomes)
    status = {"accepted": ProposalStatus.ACCEPTED, "declined": ProposalStatus.DECLINED,
              "pending": ProposalStatus.SUBMITTED}.get(overall)
    if status is not None and proposal.status is not status:
        proposal.status = status
    first = session.execute(sa.select(ProposalSubmission.agency, ProposalSubmission.submitted_on)
                            .where(ProposalSubmission.proposal_id == proposal.id,
                                   ProposalSubmission.deleted_at.is_(None))
                            .order_by(ProposalSubmission.submitted_on)).first()
    if first is not None and (proposal.submitted_to, proposal.submitted_on) != tuple(first):
        proposal.submitted_to, proposal.submitted_on = first


def submit_proposal(store: Store, proposal_id: str, agency: str, submitted_on: dt.date,
                    author: str | None = None) -> str:
    """The proposal was submitted to ``agency`` on ``submitted_on`` (answer pending)."""
    errors = Errors()
    errors.text("agency", agency, required=True, max_len=300)
    if not isinstance(submitted_on, dt.date):
        errors.add("submitted_on", "required", label="submitted_on")
    errors.raise_if_any()
    with store.action(f"ยื่นข้อเสนอต่อ{agency.strip()}", author) as session:
        proposal = get_live(session, PlanProposal, proposal_id, "proposal")
        row = ProposalSubmission(province_code=proposal.province_code, proposal_id=proposal.id,
                                 agency=clean(agency), submitted_on=submitted_on,
                                 outcome=Outcome.PENDING)
        session.add(row)
        session.flush()
        _refresh_status(session, proposal)
        return row.id


def record_outcome(store: Store, submission_id: str, outcome: str,
                   decided_on: dt.date | None = None, reason: str | None = None,
                   author: str | None = None) -> None:
    """What the agency decided: accepted into its plan or policy, pending, or declined
    (a decline needs its reason). The proposal's status follows, in the same action."""
    errors = Errors()
    errors.choice("outcome", outcome, Outcome)
    errors.raise_if_any()
    value = Outcome(outcome)
    if value is Outcome.DECLINED and not clean(reason):
        raise ServiceError("outcome_needs_reason", "reason")
    with store.action("บันทึกผลการพิจารณาข้อเสนอ", author) as session:
        sub = get_live(session, ProposalSubmission, submission_id, "submission")
        decided = decided_on or (None if value is Outcome.PENDING else bangkok_today())
        if decided is not None and decided < sub.submitted_on:
            raise ServiceError("date_order", "decided_on")
        sub.outcome = value
        sub.decided_on = decided
        sub.reason = clean(reason)
        _refresh_status(session, get_live(session, PlanProposal, sub.proposal_id, "proposal"))


def issues(store: Store, fiscal_year: int, province: str | None = None) -> list[IssueRow]:
    codes = scope.resolve(store, province)
    with store.read() as s:
        return [IssueRow(i.id, i.title, i.analysis) for i in s.scalars(
            sa.select(PlanIssue).where(PlanIssue.province_code.in_(codes),
                                       PlanIssue.fiscal_year == fiscal_year,
                                       PlanIssue.deleted_at.is_(None)).order_by(PlanIssue.title))]


def proposals(store: Store, fiscal_year: int | None = None,
              province: str | None = None) -> list[ProposalRow]:
    """The plan's proposals with their submissions and outcome (newest year first)."""
    codes = scope.resolve(store, province)
    with store.read() as s:
        stmt = (sa.select(PlanProposal, PlanIssue.title, AgendaItem.resolution, Meeting.title)
                .outerjoin(PlanIssue, PlanIssue.id == PlanProposal.issue_id)
                .outerjoin(AgendaItem, AgendaItem.id == PlanProposal.agenda_item_id)
                .outerjoin(Meeting, Meeting.id == PlanProposal.meeting_id)
                .where(PlanProposal.province_code.in_(codes), PlanProposal.deleted_at.is_(None))
                .order_by(PlanProposal.fiscal_year.desc(), PlanProposal.title))
        if fiscal_year is not None:
            stmt = stmt.where(PlanProposal.fiscal_year == fiscal_year)
        rows = s.execute(stmt).all()
        subs: dict[str, list[SubmissionRow]] = {}
        if rows:
            for sub in s.scalars(sa.select(ProposalSubmission).where(
                    ProposalSubmission.proposal_id.in_([r[0].id for r in rows]),
                    ProposalSubmission.deleted_at.is_(None))
                    .order_by(ProposalSubmission.submitted_on, ProposalSubmission.agency)):
                subs.setdefault(sub.proposal_id, []).append(SubmissionRow(
                    sub.id, sub.agency, sub.submitted_on, sub.outcome.value, sub.decided_on,
                    sub.reason))
        out = []
        for p, issue, resolution, meeting in rows:
            mine = subs.get(p.id, [])
            out.append(ProposalRow(p.id, p.fiscal_year, p.kind.value, p.title, p.description,
                                   p.status.value, issue, resolution, meeting,
                                   overall_outcome([x.outcome for x in mine]), mine))
        return out


def proposals_by_outcome(store: Store, fiscal_year: int,
                         province: str | None = None) -> dict[str, int]:
    """accepted / pending / declined / not_submitted → number of proposals."""
    counts = Counter(p.outcome for p in proposals(store, fiscal_year, province))
    return {k: counts.get(k, 0) for k in ("accepted", "pending", "declined", "not_submitted")}
