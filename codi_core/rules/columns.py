"""Which columns a change may write, per table, operation and role.

An ``update`` changes content only: the row's identity (``id``), its province, its
creation time and its seq are fixed at insert, and a delete is ``op: delete`` (which
goes through the delete-against-edit conflict rule), never an update that sets
``deleted_at``. An update may clear ``deleted_at`` (a restore). ``updated_at`` is the
writer's own bookkeeping and ignored. National reference tables are written by HQ only;
the ledger is insert-only.
"""

from __future__ import annotations

from typing import Any

from .base import Violation

NOT_WRITABLE_BY_UPDATE = frozenset({"id", "seq", "province_code", "created_at"})
IGNORED_ON_UPDATE = frozenset({"updated_at"})


def update_violation(fields: dict[str, Any]) -> Violation | None:
    """Whether an update's fields write a column an update may not write."""
    for name in sorted(fields):
        if name in NOT_WRITABLE_BY_UPDATE:
            return Violation("not_writable", name, {"field": name})
    if fields.get("deleted_at") is not None:
        return Violation("delete_by_update", "deleted_at", {"field": "deleted_at"})
    return None


def role_violation(model: type, op: str, role: str) -> Violation | None:
    """Whether a device of ``role`` may make an ``op`` change on ``model``'s table."""
    if model.__sync_scope__ == "national" and role != "hq":
        return Violation("national_hq_only", wire="forbidden")
    if model.__ledger__ and op != "insert":
        return Violation("ledger_insert_only", wire="forbidden")
    return None
