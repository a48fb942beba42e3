"""The budget ledger's invariants and its ONE balance function, for the desktop and the server.

Balances are computed, never stored. A reversal counts as the negative of the entry it
reverses. For each project: net disbursed (disbursements − refunds, reversals applied)
never exceeds net approved, and refunds never exceed what was disbursed (net disbursed
never goes below zero).

The queries are SQLAlchemy Core over a ledger table: the desktop passes its ORM session
and the model's table (the default), the server its connection and its own copy of the
same table (``codi_server.schema.DOMAIN_TABLES["ledger_entry"]``), so both compute a
balance with the same function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..models.projects import LedgerEntry, LedgerKind

LEDGER = LedgerEntry.__table__

MAX_AMOUNT_SATANG = 10**14  # one trillion baht: far above any real entry


@dataclass(frozen=True)
class ProjectBalance:
    approved: int = 0
    disbursed: int = 0  # net of refunds
    spent: int = 0  # expenditure reported

    @property
    def remaining(self) -> int:
        return self.approved - self.disbursed


@dataclass(frozen=True)
class LedgerViolation:
    """Why an entry breaks the ledger's rules: a code and its message parameters."""

    code: str
    params: dict[str, Any]


def effective_amounts(
    db: Any, key: Any, *conditions: Any, ledger: sa.Table = LEDGER
) -> dict[tuple[str | None, str], int]:
    """Sum of live amounts per (value of column ``key``, effective kind), reversals counted
    negative. ``db``: a Session or a Connection; ``key``: a column name or column;
    ``conditions`` over the ledger table."""
    column = ledger.c[key if isinstance(key, str) else key.key]
    target = ledger.alias("target")
    reversal = LedgerKind.REVERSAL.value
    kind = sa.case((ledger.c.kind == reversal, target.c.kind), else_=ledger.c.kind)
    sign = sa.case((ledger.c.kind == reversal, -1), else_=1)
    stmt = (
        sa.select(column, kind, sa.func.sum(sign * ledger.c.amount_satang))
        .outerjoin(target, target.c.id == ledger.c.reverses_id)
        .where(ledger.c.deleted_at.is_(None), *conditions)
        .group_by(column, kind)
    )
    out: dict[tuple[str | None, str], int] = {}
    for key_value, k, total in db.execute(stmt):
        out[(key_value, LedgerKind(k).value)] = int(total or 0)
    return out


def project_balance(db: Any, project_id: str, ledger: sa.Table = LEDGER) -> ProjectBalance:
    """THE balance of a project (desktop services and server alike)."""
    sums = effective_amounts(db, "project_id", ledger.c.project_id == project_id, ledger=ledger)

    def get(kind: LedgerKind) -> int:
        return sums.get((project_id, kind.value), 0)

    return ProjectBalance(
        approved=get(LedgerKind.APPROVAL),
        disbursed=get(LedgerKind.DISBURSEMENT) - get(LedgerKind.REFUND),
        spent=get(LedgerKind.EXPENDITURE),
    )


def balance_violation(balance: ProjectBalance) -> LedgerViolation | None:
    """Whether a project's balance breaks the ledger's invariants (checked after writing)."""
    if balance.disbursed < 0:
        return LedgerViolation("refund_above_disbursed", {"disbursed": balance.disbursed})
    if balance.disbursed > balance.approved:
        return LedgerViolation(
            "over_approved",
            {"approved": balance.approved, "disbursed": balance.disbursed, "amount": 0},
        )
    return None


def entry_value_violation(values: dict[str, Any]) -> LedgerViolation | None:
    """What any new entry must be on its own: a positive amount within the maximum, and
    live (a ledger entry is never a tombstone)."""
    amount = values.get("amount_satang")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        return LedgerViolation("amount_positive", {})
    if amount > MAX_AMOUNT_SATANG:
        return LedgerViolation("amount_too_large", {})
    if values.get("deleted_at") is not None:
        return LedgerViolation("ledger_tombstone", {})
    return None


def check_new_entry(
    session: Any,
    *,
    kind: LedgerKind | str,
    project_id: str | None,
    amount_satang: int,
    reverses_id: str | None = None,
) -> LedgerViolation | None:
    """Whether a new entry keeps the ledger consistent (the caller locks what it reads)."""
    kind = LedgerKind(kind)
    problem = entry_value_violation({"amount_satang": amount_satang})
    if problem is not None:
        return problem
    if kind is LedgerKind.REVERSAL:
        target = session.get(LedgerEntry, reverses_id) if reverses_id else None
        if target is None:
            return LedgerViolation("not_found", {"label": "ledger_entry"})
        if target.kind is LedgerKind.REVERSAL:
            return LedgerViolation("reverse_reversal", {})
        already = session.scalar(
            sa.select(sa.func.count()).where(LedgerEntry.reverses_id == target.id)
        )
        if already:
            return LedgerViolation("already_reversed", {})
        if amount_satang != target.amount_satang or project_id != target.project_id:
            return LedgerViolation("reversal_mismatch", {})
        if target.project_id is None:
            return None
        balance = project_balance(session, target.project_id)
        if target.kind is LedgerKind.APPROVAL and balance.approved - amount_satang < balance.disbursed:
            return LedgerViolation("approval_below_disbursed", {"disbursed": balance.disbursed})
        if target.kind is LedgerKind.REFUND and balance.disbursed + amount_satang > balance.approved:
            return LedgerViolation(
                "over_approved",
                {"approved": balance.approved, "disbursed": balance.disbursed,
                 "amount": amount_satang},
            )
        return None
    if kind is LedgerKind.ALLOCATION:
        return None
    if project_id is None:
        return LedgerViolation("project_required", {})
    balance = project_balance(session, project_id)
    if kind is LedgerKind.DISBURSEMENT and balance.disbursed + amount_satang > balance.approved:
        if balance.approved == 0:
            return LedgerViolation("project_not_approved", {})
        return LedgerViolation(
            "over_approved",
            {"approved": balance.approved, "disbursed": balance.disbursed, "amount": amount_satang},
        )
    if kind is LedgerKind.REFUND and amount_satang > balance.disbursed:
        return LedgerViolation("refund_above_disbursed", {"disbursed": balance.disbursed})
    return None
