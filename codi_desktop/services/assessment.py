"""The province's assessment against the 10 criteria: one write per user action.

``save_assessment`` writes the header, every criterion's level and evidence notes and
links in ONE action (one change set); ``agree_assessment`` records the provincial
committee's agreement with the meeting that agreed it; ``certify_assessment`` is HQ's.
Who may write what is decided by ``codi_core.rules.assessment`` (the server runs the
same check). Reading: ``assessment_view`` (with last year's levels) and the criterion
level meanings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today
from codi_core.models import (
    Assessment,
    AssessmentStatus,
    Criterion,
    CriterionLevel,
    CriterionScore,
    EvidenceLink,
    Meeting,
    PilotStatus,
    utcnow,
)
from codi_core.models.serialize import row_image
from codi_core.reference import reference_id
from codi_core.rules.assessment import check_assessment_write
from codi_desktop.store.database import Store

from . import scope
from ._common import Errors, clean, get_live
from .suggestions import Link


@dataclass
class ScoreDraft:
    number: int
    level: int = 0
    evidence: str | None = None
    links: list[Link] = field(default_factory=list)
    suggested: bool = False


@dataclass
class AssessmentDraft:
    fiscal_year: int
    province: str | None = None
    assessors: str | None = None
    assessed_on: dt.date | None = None
    notes: str | None = None
    scores: dict[int, ScoreDraft] = field(default_factory=dict)


@dataclass(frozen=True)
class CriterionInfo:
    number: int
    text_th: str
    text_en: str
    levels: list[tuple[str, str]]  # (Thai, English) meaning of level 0..4

    def title(self, lang: str = "th") -> str:
        return self.text_en if lang == "en" else self.text_th


@dataclass(frozen=True)
class AssessmentView:
    id: str | None
    province: str
    fiscal_year: int
    status: str
    pilot_status: str
    assessors: str | None
    assessed_on: dt.date | None
    notes: str | None
    agreed_meeting_id: str | None
    agreed_on: dt.date | None
    certified_on: dt.date | None
    certified_by: str | None
    scores: dict[int, ScoreDraft]
    last_year: dict[int, int]  # criterion → level of last fiscal year's assessment

    def levels(self) -> list[int]:
        return [self.scores[n].level if n in self.scores else 0 for n in range(1, 11)]

    def draft(self) -> AssessmentDraft:
        return AssessmentDraft(self.fiscal_year, self.province, self.assessors, self.assessed_on,
                               self.notes, {n: ScoreDraft(s.number, s.level, s.evidence,
                                                          list(s.links), s.suggested)
                                            for n, s in self.scores.items()})


def _refuse_unless_allowed(store: Store, table: str, op: str, fields: dict, old: dict | None):
    refusal = check_assessment_write(scope.role(store), table, op, fields, old)
    if refusal is not None:
        raise ServiceError(refusal.code, refusal.field)


def criteria(store: Store) -> list[CriterionInfo]:
    with store.read() as s:
        levels: dict[str, list[tuple[int, str, str]]] = {}
        for lv in s.scalars(sa.select(CriterionLevel).where(CriterionLevel.deleted_at.is_(None))):
            levels.setdefault(lv.criterion_id, []).append((lv.level, lv.text_th, lv.text_en))
        out = []
        for c in s.scalars(sa.select(Criterion).where(Criterion.deleted_at.is_(None))
                           .order_by(Criterion.number)):
            by_level = {lv: (th, en) for lv, th, en in levels.get(c.id, [])}
            out.append(CriterionInfo(c.number, c.text_th, c.text_en,
                                     [by_level.get(i, ("", "")) for i in range(5)]))
        return out


def _find(session: Session, province: str, fiscal_year: int) -> Assessment | None:
    return session.scalar(sa.select(Assessment).where(
        Assessment.province_code == province, Assessment.fiscal_year == fiscal_year,
        Assessment.deleted_at.is_(None)).order_by(Assessment.created_at).limit(1))


def _scores(session: Session, assessment_id: str) -> dict[int, ScoreDraft]:
    rows = session.execute(
        sa.select(Criterion.number, CriterionScore)
        .join(Criterion, Criterion.id == CriterionScore.criterion_id)
        .where(CriterionScore.assessment_id == assessment_id, CriterionScore.deleted_at.is_(None))
    ).all()
    links: dict[str, list[EvidenceLink]] = {}
    if rows:
        for link in session.scalars(sa.select(EvidenceLink).where(
                EvidenceLink.criterion_score_id.in_([r[1].id for r in rows]),
                EvidenceLink.deleted_at.is_(None)).order_by(EvidenceLink.created_at)):
            links.setdefault(link.criterion_score_id, []).append(link)
    out = {}
    for number, score in rows:
        mine = links.get(score.id, [])
        out[number] = ScoreDraft(number, score.level, score.evidence,
                                 [Link(lk.kind.value, lk.target_id, lk.label) for lk in mine],
                                 any(lk.suggested for lk in mine))
    return out


def levels_of(store: Store, province: str, fiscal_year: int) -> dict[int, int]:
    with store.read() as s:
        a = _find(s, province, fiscal_year)
        return {} if a is None else {n: d.level for n, d in _scores(s, a.id).items()}


def assessment_view(store: Store, fiscal_year: int, province: str | None = None) -> AssessmentView:
    province = scope.one_province(store, province)
    with store.read() as s:
        a = _find(s, province, fiscal_year)
        last = _find(s, province, fiscal_year - 1)
        last_levels = {} if last is None else {n: d.level for n, d in _scores(s, last.id).items()}
        if a is None:
            return AssessmentView(None, province, fiscal_year, AssessmentStatus.DRAFT.value,
                                  PilotStatus.NONE.value, None, None, None, None, None, None,
                                  None, {}, last_levels)
        return AssessmentView(a.id, province, fiscal_year, a.status.value, a.pilot_status.value,
                              a.assessors, a.assessed_on, a.notes, a.agreed_meeting_id,
                              a.agreed_on, a.certified_on, a.certified_by, _scores(s, a.id),
                              last_levels)


def _validate(draft: AssessmentDraft) -> None:
    errors = Errors()
    if not isinstance(draft.fiscal_year, int) or not 2500 <= draft.fiscal_year <= 2700:
        errors.add("fiscal_year", "fiscal_year_range")
    errors.text("assessors", draft.assessors, max_len=2000)
    for number, score in draft.scores.items():
        if number not in range(1, 11):
            errors.add("criterion", "unknown_choice", label="criterion")
        if isinstance(score.level, bool) or not isinstance(score.level, int) \
                or not 0 <= score.level <= 4:
            errors.add(f"level_{number}", "level_range")
    if draft.assessed_on and draft.assessed_on > bangkok_today():
        errors.add("assessed_on", "date_in_future", label="assessed_on")
    errors.raise_if_any()


def save_assessment(store: Store, draft: AssessmentDraft, author: str | None = None) -> str:
    """Create or update the province's assessment of ``draft.fiscal_year`` with every
    criterion's level, evidence and links: one action, one change set."""
    _validate(draft)
    province = scope.one_province(store, draft.province)
    summary = f"บันทึกผลการประเมินจังหวัด ปีงบประมาณ {draft.fiscal_year}"
    with store.action(summary, author) as session:
        a = _find(session, province, draft.fiscal_year)
        header = {"assessors": clean(draft.assessors), "assessed_on": draft.assessed_on,
                  "notes": clean(draft.notes)}
        if a is None:
            _refuse_unless_allowed(store, "assessment", "insert", header, None)
            a = Assessment(province_code=province, fiscal_year=draft.fiscal_year, **header)
            session.add(a)
            session.flush()
        else:
            changed = {k: v for k, v in header.items() if getattr(a, k) != v}
            _refuse_unless_allowed(store, "assessment", "update", changed or {"notes": a.notes},
                                   row_image(a))
            for k, v in changed.items():
                setattr(a, k, v)
            if a.status is AssessmentStatus.AGREED and changed:
                pass  # editing after agreement keeps the status; the committee sees the change
        existing = {sc.criterion_id: sc for sc in session.scalars(sa.select(CriterionScore).where(
            CriterionScore.assessment_id == a.id, CriterionScore.deleted_at.is_(None)))}
        for number, draft_score in sorted(draft.scores.items()):
            cid = reference_id("criterion", str(number))
            sc = existing.get(cid)
            evidence = clean(draft_score.evidence)
            if sc is None:
                sc = CriterionScore(province_code=province, assessment_id=a.id, criterion_id=cid,
                                    level=draft_score.level, evidence=evidence)
                session.add(sc)
                session.flush()
            else:
                if sc.level != draft_score.level:
                    sc.level = draft_score.level
                if sc.evidence != evidence:
                    sc.evidence = evidence
            _sync_links(session, province, sc.id, draft_score)
        session.flush()
        return a.id


def _sync_links(session: Session, province: str, score_id: str, draft: ScoreDraft) -> None:
    have = {(lk.kind.value, lk.target_id, lk.label): lk for lk in session.scalars(
        sa.select(EvidenceLink).where(EvidenceLink.criterion_score_id == score_id,
                                      EvidenceLink.deleted_at.is_(None)))}
    wanted = {(lk.kind, lk.target_id, lk.label) for lk in draft.links}
    now = utcnow()
    for key, row in have.items():
        if key not in wanted:
            row.deleted_at = now
    for kind, target, label in wanted - set(have):
        session.add(EvidenceLink(province_code=province, criterion_score_id=score_id, kind=kind,
                                 target_id=target, label=(label or kind)[:500],
                                 suggested=draft.suggested))


def agree_assessment(store: Store, assessment_id: str, meeting_id: str | None,
                     agreed_on: dt.date | None = None, author: str | None = None) -> None:
    """The provincial committee agreed the assessment in the meeting ``meeting_id``."""
    with store.action("คณะกรรมการจังหวัดเห็นชอบผลการประเมิน", author) as session:
        a = get_live(session, Assessment, assessment_id, "assessment")
        fields = {"status": AssessmentStatus.AGREED.value, "agreed_meeting_id": meeting_id,
                  "agreed_on": agreed_on}
        _refuse_unless_allowed(store, "assessment", "update", fields, row_image(a))
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if meeting.province_code != a.province_code:
            raise ServiceError("not_found", "agreed_meeting_id", label="meeting")
        a.status = AssessmentStatus.AGREED
        a.agreed_meeting_id = meeting_id
        a.agreed_on = agreed_on or bangkok_today()


def certify_assessment(store: Store, assessment_id: str, certified_on: dt.date | None = None,
                       author: str | None = None) -> None:
    """HQ certifies an agreed assessment (refused for any other role)."""
    with store.action("รับรองผลการประเมินจังหวัด", author) as session:
        a = get_live(session, Assessment, assessment_id, "assessment")
        who = (author or store.author)[:100]
        fields = {"status": AssessmentStatus.CERTIFIED.value, "certified_on": certified_on,
                  "certified_by": who}
        _refuse_unless_allowed(store, "assessment", "update", fields, row_image(a))
        a.status = AssessmentStatus.CERTIFIED
        a.certified_on = certified_on or bangkok_today()
        a.certified_by = who


def set_pilot_status(store: Store, province: str, fiscal_year: int, status: str,
                     author: str | None = None) -> str:
    """Pilot / expansion / not yet for a province and fiscal year (cluster, region, HQ)."""
    try:
        value = PilotStatus(status)
    except ValueError:
        raise ServiceError("unknown_choice", "pilot_status") from None
    province = scope.one_province(store, province)
    with store.action(f"กำหนดสถานะจังหวัด ปีงบประมาณ {fiscal_year}", author) as session:
        a = _find(session, province, fiscal_year)
        if a is None:
            _refuse_unless_allowed(store, "assessment", "insert", {"pilot_status": value.value},
                                   None)
            a = Assessment(province_code=province, fiscal_year=fiscal_year, pilot_status=value)
            session.add(a)
        else:
            _refuse_unless_allowed(store, "assessment", "update", {"pilot_status": value.value},
                                   row_image(a))
            a.pilot_status = value
        session.flush()
        return a.id


@dataclass(frozen=True)
class MeetingChoice:
    id: str
    title: str
    starts_at: dt.datetime


def agreement_meetings(store: Store, province: str | None = None) -> list[MeetingChoice]:
    """Held meetings of the provincial committee (newest first): where an assessment is
    agreed."""
    from codi_core.models import MeetingKind

    from .suggestions import HELD

    code = scope.one_province(store, province)
    with store.read() as s:
        return [MeetingChoice(*r) for r in s.execute(
            sa.select(Meeting.id, Meeting.title, Meeting.starts_at).where(
                Meeting.province_code == code, Meeting.deleted_at.is_(None),
                Meeting.kind == MeetingKind.PROVINCIAL_COMMITTEE, Meeting.status.in_(HELD))
            .order_by(Meeting.starts_at.desc()).limit(200))]


def fiscal_years(store: Store, province: str | None = None) -> list[int]:
    """Fiscal years with an assessment, and the current one, newest first."""
    from codi_core.formatting import fiscal_year as fy_of

    codes = scope.resolve(store, province)
    with store.read() as s:
        years = set(s.scalars(sa.select(Assessment.fiscal_year).where(
            Assessment.province_code.in_(codes), Assessment.deleted_at.is_(None)).distinct()))
    years.add(fy_of(dt.datetime.now(dt.UTC)))
    return sorted(years, reverse=True)
