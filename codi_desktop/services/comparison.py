"""The comparison of every province in scope (cluster, region, HQ accounts): the level
reached on each criterion, pilot / expansion status and readiness, sortable and
exportable. Readiness is the mean level over the 10 criteria as a share of level 4.
Three queries whatever the number of provinces."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.models import Assessment, Criterion, CriterionScore, Province
from codi_desktop.store.database import Store

from . import scope

CRITERIA = range(1, 11)


@dataclass(frozen=True)
class ComparisonRow:
    province: str
    name: str
    pilot_status: str  # none / pilot / expansion
    status: str | None  # the assessment's status, None if not assessed
    levels: tuple[int, ...]  # criterion 1..10

    @property
    def readiness(self) -> float:
        """0..100: mean level as a share of the top level."""
        return round(sum(self.levels) / (4 * len(self.levels)) * 100, 1)


def comparison(store: Store, fiscal_year: int, provinces: list[str] | None = None,
               sort: str = "readiness", descending: bool = True) -> list[ComparisonRow]:
    """One row per province in scope. ``sort``: readiness, name, pilot, or c1..c10."""
    codes = provinces if provinces is not None else scope.provinces_in_scope(store)
    with store.read() as s:
        names = dict(s.execute(sa.select(Province.id, Province.name_th)
                               .where(Province.id.in_(codes))).all())
        standing = dict(s.execute(sa.select(Province.id, Province.pilot_status)
                                  .where(Province.id.in_(codes))).all())
        heads = {}
        for aid, code, pilot, status in s.execute(
                sa.select(Assessment.id, Assessment.province_code, Assessment.pilot_status,
                          Assessment.status)
                .where(Assessment.province_code.in_(codes), Assessment.fiscal_year == fiscal_year,
                       Assessment.deleted_at.is_(None)).order_by(Assessment.created_at)):
            heads.setdefault(code, (aid, pilot.value, status.value))
        levels: dict[str, dict[int, int]] = {}
        if heads:
            by_id = {aid: code for code, (aid, _, _) in heads.items()}
            for aid, number, level in s.execute(
                    sa.select(CriterionScore.assessment_id, Criterion.number, CriterionScore.level)
                    .join(Criterion, Criterion.id == CriterionScore.criterion_id)
                    .where(CriterionScore.assessment_id.in_(list(by_id)),
                           CriterionScore.deleted_at.is_(None))):
                levels.setdefault(by_id[aid], {})[number] = level
    rows = []
    for code in codes:
        head = heads.get(code)
        pilot = head[1] if head and head[1] != "none" else getattr(
            standing.get(code), "value", "none")
        mine = levels.get(code, {})
        rows.append(ComparisonRow(code, names.get(code, code), pilot,
                                  head[2] if head else None,
                                  tuple(mine.get(n, 0) for n in CRITERIA)))
    return sort_rows(rows, sort, descending)


_PILOT_ORDER = {"pilot": 2, "expansion": 1, "none": 0}


def sort_rows(rows: list[ComparisonRow], sort: str = "readiness",
              descending: bool = True) -> list[ComparisonRow]:
    """Sorted by the key; ties always by province name (ascending)."""
    if sort == "name":
        return sorted(rows, key=lambda r: r.name, reverse=descending)
    if sort == "pilot":
        key = lambda r: _PILOT_ORDER.get(r.pilot_status, 0)  # noqa: E731
    elif sort.startswith("c") and sort[1:].isdigit():
        i = int(sort[1:]) - 1
        key = lambda r: r.levels[i]  # noqa: E731
    else:
        key = lambda r: r.readiness  # noqa: E731
    by_name = sorted(rows, key=lambda r: r.name)
    return sorted(by_name, key=key, reverse=descending)


@dataclass(frozen=True)
class ScopeLevels:
    """The dashboard's assessment figures for one province or every province in scope
    (levels averaged over the provinces assessed that year)."""

    levels: list[float]  # criterion 1..10, this fiscal year
    last_year: list[float] | None  # None when no province was assessed last year
    outcomes: dict[str, int]  # plan proposals by outcome


def scope_levels(store: Store, fiscal_year: int, province: str | None = None) -> ScopeLevels:
    from . import plan

    codes = scope.resolve(store, province)

    def mean(fy: int) -> list[float] | None:
        rows = [r for r in comparison(store, fy, codes) if r.status is not None]
        if not rows:
            return None
        return [round(sum(r.levels[i] for r in rows) / len(rows), 2) for i in range(10)]

    return ScopeLevels(mean(fiscal_year) or [0.0] * 10, mean(fiscal_year - 1),
                       plan.proposals_by_outcome(store, fiscal_year, province))
