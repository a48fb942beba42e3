"""The budget ledger's invariants, in one place for the desktop and the server.

Balances are computed, never stored. A reversal counts as the negative of the entry it
reverses. For each project: net disbursed (disbursements − refunds, reversals applied)
never exceeds net approved, and refunds never exceed what was disbursed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from .projects import LedgerEntry, LedgerKind

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
    session: Session, key: Any, *conditions: Any
) -> dict[tuple[str | None, str], int]:
    """Sum of amounts per (key column value, effective kind), reversals counted negative."""
    target = aliased(LedgerEntry)
    kind = sa.case((LedgerEntry.kind == LedgerKind.REVERSAL, target.kind), else_=LedgerEntry.kind)
    sign = sa.case((LedgerEntry.kind == LedgerKind.REVERSAL, -1), else_=1)
    stmt = (
        sa.select(key, kind, sa.func.sum(sign * LedgerEntry.amount_satang))
        .outerjoin(target, target.id == LedgerEntry.reverses_id)
        .where(*conditions)
        .group_by(key, kind)
    )
    out: dict[tuple[str | None, str], int] = {}
    for key_value, k, total in session.execute(stmt):
        out[(key_value, LedgerKind(k).value)] = int(total or 0)
    return out


def project_balance(session: Session, project_id: str) -> ProjectBalance:
    sums = effective_amounts(session, LedgerEntry.project_id, LedgerEntry.project_id == project_id)

    def get(kind: LedgerKind) -> int:
        return sums.get((project_id, kind.value), 0)

    return ProjectBalance(
        approved=get(LedgerKind.APPROVAL),
        disbursed=get(LedgerKind.DISBURSEMENT) - get(LedgerKind.REFUND),
        spent=get(LedgerKind.EXPENDITURE),
    )


def check_new_entry(
    session: Session,
    *,
    kind: LedgerKind | str,
    project_id: str | None,
    amount_satang: int,
    reverses_id: str | None = None,
) -> LedgerViolation | None:
    """Whether a new entry keeps the ledger consistent (the caller locks what it reads)."""
    kind = LedgerKind(kind)
    if isinstance(amount_satang, bool) or not isinstance(amount_satang, int) or amount_satang <= 0:
        return LedgerViolation("amount_positive", {})
    if amount_satang > MAX_AMOUNT_SATANG:
        return LedgerViolation("amount_too_large", {})
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
