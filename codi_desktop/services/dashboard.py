"""Read-side figures for the dashboard of one fiscal year (counts, budgets, meetings).

One call returns everything the dashboard draws as plain dataclasses, so the page can
fetch it off the UI thread and draw it when it arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from codi_core.formatting import bangkok_today, fiscal_year, fiscal_year_bounds
from codi_core.models import (
    Assessment,
    Community,
    CriterionScore,
    Meeting,
    MeetingStatus,
    Organization,
    Project,
)
from codi_desktop.store.database import Store

from .ledger import ProgramBudget, budget_by_program

HELD = (
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_DRAFT,
    MeetingStatus.MINUTES_CERTIFIED,
    MeetingStatus.LOCKED,
)


@dataclass
class DashboardData:
    fiscal_year: int
    communities: int
    households: int
    communities_by_kind: list[tuple[str, int]]
    organizations_by_kind: list[tuple[str, int]]
    projects_by_status: list[tuple[str, int]]
    budget: list[ProgramBudget]
    #: (CE year, month 1-12, meetings held) for the 12 months Oct..Sep of the fiscal year.
    meetings_by_month: list[tuple[int, int, int]]
    meetings_planned: int
    #: (criterion number, level 0-4) of this fiscal year's assessment, if there is one.
    assessment_levels: list[tuple[int, int]] = field(default_factory=list)

    @property
    def organizations(self) -> int:
        return sum(n for _, n in self.organizations_by_kind)

    @property
    def projects(self) -> int:
        return sum(n for _, n in self.projects_by_status)

    @property
    def meetings_held(self) -> int:
        return sum(n for *_, n in self.meetings_by_month)


def current_fiscal_year(today: dt.date | None = None) -> int:
    return fiscal_year(today or bangkok_today())


def _fy_months(fy: int) -> list[tuple[int, int]]:
    first, _ = fiscal_year_bounds(fy)
    out = []
    year, month = first.year, first.month
    for _ in range(12):
        out.append((year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def dashboard(store: Store, fy: int | None = None,
              provinces: Sequence[str] | None = None) -> DashboardData:
    """The figures of fiscal year ``fy`` for ``provinces`` (a wide account's selector;
    default: every province this database holds). With several provinces the assessment
    levels are left to ``comparison.scope_levels`` (which averages them)."""
    fy = fy or current_fiscal_year()
    codes = list(provinces) if provinces is not None else None

    def mine(model) -> list:
        return [model.province_code.in_(codes)] if codes is not None else []

    first, last = fiscal_year_bounds(fy)
    # Stored times are UTC; Bangkok is UTC+7 all year, so shift by 7 hours for months.
    start = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(hours=7)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC) - dt.timedelta(
        hours=7
    )
    with store.read() as s:
        communities, households = s.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(Community.households), 0))
            .where(Community.deleted_at.is_(None), *mine(Community))
        ).one()
        kinds = s.execute(
            sa.select(Community.kind, sa.func.count())
            .where(Community.deleted_at.is_(None), *mine(Community))
            .group_by(Community.kind)
            .order_by(sa.func.count().desc())
        ).all()
        orgs = s.execute(
            sa.select(Organization.kind, sa.func.count())
            .where(Organization.deleted_at.is_(None), *mine(Organization))
            .group_by(Organization.kind)
            .order_by(sa.func.count().desc())
        ).all()
        projects = s.execute(
            sa.select(Project.status, sa.func.count())
            .where(Project.deleted_at.is_(None), Project.fiscal_year == fy, *mine(Project))
            .group_by(Project.status)
        ).all()
        month = sa.func.strftime("%Y-%m", sa.func.datetime(Meeting.starts_at, "+7 hours"))
        in_fy = [Meeting.deleted_at.is_(None), Meeting.starts_at >= start, Meeting.starts_at < end,
                 *mine(Meeting)]
        held = dict(
            s.execute(
                sa.select(month, sa.func.count())
                .where(*in_fy, Meeting.status.in_(HELD))
                .group_by(month)
            ).all()
        )
        planned = s.scalar(
            sa.select(sa.func.count()).where(*in_fy, Meeting.status.not_in(HELD))
        )
        assessment_id = s.scalar(
            sa.select(Assessment.id)
            .where(Assessment.fiscal_year == fy, Assessment.deleted_at.is_(None),
                   *mine(Assessment))
            .order_by(Assessment.created_at)
            .limit(1)
        ) if codes is None or len(codes) == 1 else None
        levels: list[tuple[int, int]] = []
        if assessment_id:
            from codi_core.models import Criterion

            levels = [
                (n, lv)
                for n, lv in s.execute(
                    sa.select(Criterion.number, CriterionScore.level)
                    .join(Criterion, Criterion.id == CriterionScore.criterion_id)
                    .where(
                        CriterionScore.assessment_id == assessment_id,
                        CriterionScore.deleted_at.is_(None),
                    )
                    .order_by(Criterion.number)
                )
            ]
    status_order = ["proposed", "approved", "in_progress", "completed", "cancelled"]
    by_status = {str(getattr(k, "value", k)): n for k, n in projects}
    return DashboardData(
        fiscal_year=fy,
        communities=int(communities),
        households=int(households),
        communities_by_kind=[(str(getattr(k, "value", k)), n) for k, n in kinds],
        organizations_by_kind=[(str(getattr(k, "value", k)), n) for k, n in orgs],
        projects_by_status=[(k, by_status.get(k, 0)) for k in status_order],
        budget=budget_by_program(store, fy, codes),
        meetings_by_month=[
            (y, m, int(held.get(f"{y:04d}-{m:02d}", 0))) for y, m in _fy_months(fy)
        ],
        meetings_planned=int(planned or 0),
        assessment_levels=levels,
    )
