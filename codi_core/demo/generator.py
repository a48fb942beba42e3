"""The demo province generator: the domain mixins put together, run in foreign-key order."""

from __future__ import annotations

from typing import Any

from codi_core.models import (
    ActionItem,
    AgendaItem,
    Assessment,
    Attendance,
    Community,
    CriterionScore,
    EvidenceLink,
    Indicator,
    Invitee,
    LedgerEntry,
    Meeting,
    Membership,
    Organization,
    Person,
    PlanIssue,
    PlanProposal,
    Project,
    ProjectTarget,
    ProposalSubmission,
    ProvinceIndicator,
    Vote,
)

from .geography import GeographyMixin
from .meetings import MeetingsMixin
from .people import PeopleMixin
from .projects import ProjectsMixin
from .smp import SelfManagingMixin

# Tables generate_demo fills, in the order it yields them (foreign-key order).
DEMO_MODELS: tuple[type, ...] = (
    Community,
    Organization,
    Person,
    Membership,
    Project,
    ProjectTarget,
    Indicator,
    LedgerEntry,
    Meeting,
    AgendaItem,
    Invitee,
    Attendance,
    Vote,
    ActionItem,
    Assessment,
    CriterionScore,
    EvidenceLink,
    PlanIssue,
    PlanProposal,
    ProposalSubmission,
    ProvinceIndicator,
)




class Generator(GeographyMixin, PeopleMixin, ProjectsMixin, MeetingsMixin,
                SelfManagingMixin):
    """Builds one demo province, table by table, keeping what later tables refer to."""

    def run(self) -> list[tuple[type, list[dict[str, Any]]]]:
        communities = self.communities()
        organizations = self.organizations()
        projects = self.projects()
        ledger = self.ledger()
        meetings = self.meetings()
        assessments = self.assessments()
        smp = self.self_managing_province()
        return [
            (Community, communities),
            (Organization, organizations),
            (Person, self.people_rows),
            (Membership, self.memberships_rows),
            (Project, projects),
            (ProjectTarget, smp["targets"]),
            (Indicator, self.indicators),
            (LedgerEntry, ledger),
            (Meeting, meetings),
            (AgendaItem, self.agenda),
            (Invitee, self.invitees),
            (Attendance, self.attendance),
            (Vote, self.votes),
            (ActionItem, self.actions),
            (Assessment, assessments),
            (CriterionScore, self.scores),
            (EvidenceLink, smp["links"]),
            (PlanIssue, smp["issues"]),
            (PlanProposal, self.proposals),
            (ProposalSubmission, smp["submissions"]),
            (ProvinceIndicator, smp["indicators"]),
        ]
