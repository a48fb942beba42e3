"""The budget ledger: record allocations, approvals, disbursements, expenditure reports,
refunds and reversals, and read the balances they add up to.

Entries are never edited or deleted; a mistake is fixed by a reversal. The rules live in
``codi_core.rules.ledger`` so the server checks exactly the same ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.formatting import format_baht
from codi_core.labels import LABELS
from codi_core.models import LedgerEntry, LedgerKind, Program, Project
from codi_core.rules.ledger import (
    ProjectBalance,
    check_new_entry,
    effective_amounts,
    project_balance,
)
from codi_desktop.store.database import Store

from ._common import clean, get_live, record_province

# The action summaries name the entry kind as the labels table does.
SUMMARIES = {kind: th for kind, (th, _en) in LABELS[LedgerKind].items()}


@dataclass
class LedgerEntryRow:
    id: str
    kind: str
    fiscal_year: int
    program_id: str
    project_id: str | None
    amount_satang: int
    tranche_no: int | None
    entry_date: dt.date
    reverses_id: str | None
    reversed: bool
    reference: str | None
    note: str | None


@dataclass
class ProgramBudget:
    program_id: str
    code: str
    name_th: str
    name_en: str
    allocated: int
    approved: int
    disbursed: int

    @property
    def remaining(self) -> int:
        """What is left of the allocation after approvals."""
        return self.allocated - self.approved


def _raise_violation(violation) -> None:
    params = dict(violation.params)
    for key in ("approved", "disbursed", "amount"):
        if key in params:
            params[key] = format_baht(params[key])
    field = "amount_satang" if violation.code not in ("project_required",) else "project_id"
    raise ServiceError(violation.code, field, **params)


def _record(
    store: Store,
    *,
    kind: LedgerKind,
    amount_satang: int | None,
    entry_date: dt.date,
    project_id: str | None = None,
    program_id: str | None = None,
    fiscal_year: int | None = None,
    tranche_no: int | None = None,
    reverses_id: str | None = None,
    reference: str | None = None,
    note: str | None = None,
    author: str | None = None,
) -> str:
    summary = SUMMARIES[kind]
    with store.action(summary, author) as session:
        # an entry of a project (or reversing an entry) belongs to that record's province;
        # a province-wide allocation to the working province
        if reverses_id is not None:
            province = record_province(store, session, LedgerEntry, reverses_id)
        else:
            province = record_province(store, session, Project, project_id)
        if project_id is not None:
            project = get_live(session, Project, project_id, "project")
            if program_id is not None and program_id != project.program_id:
                raise ServiceError("wrong_program", "program_id")
            program_id = project.program_id
            fiscal_year = fiscal_year or project.fiscal_year
        if kind is LedgerKind.REVERSAL:
            target = session.get(LedgerEntry, reverses_id) if reverses_id else None
            if target is None:
                raise ServiceError("not_found", label="ledger_entry")
            program_id, fiscal_year = target.program_id, target.fiscal_year
            project_id = target.project_id
            if amount_satang is None:  # a reversal carries the amount it cancels
                amount_satang = target.amount_satang
        if program_id is None or session.get(Program, program_id) is None:
            raise ServiceError("required", "program_id")
        if fiscal_year is None or not 2500 <= fiscal_year <= 2700:
            raise ServiceError("fiscal_year_range", "fiscal_year")
        violation = check_new_entry(
            session,
            kind=kind,
            project_id=project_id,
            amount_satang=amount_satang,
            reverses_id=reverses_id,
        )
        if violation is not None:
            _raise_violation(violation)
        entry = LedgerEntry(
            province_code=province,
            kind=kind,
            fiscal_year=fiscal_year,
            program_id=program_id,
            project_id=project_id,
            amount_satang=amount_satang,
            tranche_no=tranche_no,
            entry_date=entry_date,
            reverses_id=reverses_id,
            reference=clean(reference),
            note=clean(note),
            recorded_by=author or store.author,
        )
        session.add(entry)
        session.flush()
        return entry.id


def record_allocation(store, *, program_id: str, fiscal_year: int, amount_satang: int,
                      entry_date: dt.date, reference=None, note=None, author=None) -> str:
    return _record(store, kind=LedgerKind.ALLOCATION, program_id=program_id,
                   fiscal_year=fiscal_year, amount_satang=amount_satang, entry_date=entry_date,
                   reference=reference, note=note, author=author)


def record_approval(store, *, project_id: str, amount_satang: int, entry_date: dt.date,
                    reference=None, note=None, author=None) -> str:
    return _record(store, kind=LedgerKind.APPROVAL, project_id=project_id,
                   amount_satang=amount_satang, entry_date=entry_date, reference=reference,
                   note=note, author=author)


def record_disbursement(store, *, project_id: str, amount_satang: int, entry_date: dt.date,
                        tranche_no: int | None = None, reference=None, note=None,
                        author=None) -> str:
    return _record(store, kind=LedgerKind.DISBURSEMENT, project_id=project_id,
                   amount_satang=amount_satang, entry_date=entry_date, tranche_no=tranche_no,
                   reference=reference, note=note, author=author)


def record_expenditure(store, *, project_id: str, amount_satang: int, entry_date: dt.date,
                       reference=None, note=None, author=None) -> str:
    return _record(store, kind=LedgerKind.EXPENDITURE, project_id=project_id,
                   amount_satang=amount_satang, entry_date=entry_date, reference=reference,
                   note=note, author=author)


def record_refund(store, *, project_id: str, amount_satang: int, entry_date: dt.date,
                  reference=None, note=None, author=None) -> str:
    return _record(store, kind=LedgerKind.REFUND, project_id=project_id,
                   amount_satang=amount_satang, entry_date=entry_date, reference=reference,
                   note=note, author=author)


def record_reversal(store, *, entry_id: str, entry_date: dt.date, note=None, author=None) -> str:
    """Cancel an entry by a reversal of the same amount (the only way to correct one)."""
    return _record(store, kind=LedgerKind.REVERSAL, reverses_id=entry_id, amount_satang=None,
                   entry_date=entry_date, note=note, author=author)


def get_project_balance(store: Store, project_id: str) -> ProjectBalance:
    with store.read() as session:
        return project_balance(session, project_id)


def project_entries(store: Store, project_id: str) -> list[LedgerEntryRow]:
    with store.read() as session:
        reversed_ids = set(
            session.scalars(
                sa.select(LedgerEntry.reverses_id).where(
                    LedgerEntry.project_id == project_id, LedgerEntry.reverses_id.is_not(None)
                )
            )
        )
        rows = session.scalars(
            sa.select(LedgerEntry)
            .where(LedgerEntry.project_id == project_id)
            .order_by(LedgerEntry.entry_date, LedgerEntry.created_at)
        )
        return [
            LedgerEntryRow(e.id, e.kind.value, e.fiscal_year, e.program_id, e.project_id,
                           e.amount_satang, e.tranche_no, e.entry_date, e.reverses_id,
                           e.id in reversed_ids, e.reference, e.note)
            for e in rows
        ]


def budget_by_program(store: Store, fiscal_year: int,
                      provinces: Sequence[str] | None = None) -> list[ProgramBudget]:
    """Allocated / approved / disbursed per program for a fiscal year (all programs), of
    ``provinces`` (default: every province this database holds)."""
    conditions = [LedgerEntry.fiscal_year == fiscal_year]
    if provinces is not None:
        conditions.append(LedgerEntry.province_code.in_(list(provinces)))
    with store.read() as session:
        sums = effective_amounts(session, LedgerEntry.program_id, *conditions)
        out = []
        for p in session.scalars(sa.select(Program).order_by(Program.sort_order)):
            def get(k: LedgerKind, pid=p.id) -> int:
                return sums.get((pid, k.value), 0)
            out.append(ProgramBudget(
                p.id, p.code, p.name_th, p.name_en,
                allocated=get(LedgerKind.ALLOCATION),
                approved=get(LedgerKind.APPROVAL),
                disbursed=get(LedgerKind.DISBURSEMENT) - get(LedgerKind.REFUND),
            ))
        return out


__all__ = [
    "LedgerEntryRow",
    "ProgramBudget",
    "budget_by_program",
    "get_project_balance",
    "project_entries",
    "record_allocation",
    "record_approval",
    "record_disbursement",
    "record_expenditure",
    "record_refund",
    "record_reversal",
]
