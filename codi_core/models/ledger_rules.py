"""Moved to ``codi_core.rules.ledger`` (the rule book); kept so old imports work."""

from ..rules.ledger import (  # noqa: F401
    MAX_AMOUNT_SATANG,
    LedgerViolation,
    ProjectBalance,
    balance_violation,
    check_new_entry,
    effective_amounts,
    entry_value_violation,
    project_balance,
)
