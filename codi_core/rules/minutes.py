"""The minutes lock: certified and locked minutes are not edited in place.

Amendments go through the new-version flow (``minutes_version``). On the server the
lock holds for every client: agenda items, votes and attendance of a meeting whose
minutes are locked are not written, whatever the laptop had seen, except by a change set
that also inserts a new ``minutes_version`` of that meeting (an amendment).
"""

from __future__ import annotations

from .base import Violation

LOCKED = "locked"
CERTIFIED = "minutes_certified"
CANCELLED = "cancelled"
#: Tables whose rows are part of the locked minutes (their parent: ``meeting_id``).
LOCKED_CHILDREN = frozenset({"agenda_item", "vote", "attendance"})


def _status(status: object) -> str:
    return getattr(status, "value", status)  # type: ignore[return-value]


def minutes_violation(status: object) -> Violation | None:
    """Whether a meeting's minutes may be edited in place (the laptop's services); a
    cancelled meeting is not edited at all."""
    if _status(status) == CANCELLED:
        return Violation("meeting_cancelled")
    if _status(status) == LOCKED:
        return Violation("minutes_locked", wire="locked")
    if _status(status) == CERTIFIED:
        return Violation("minutes_certified")
    return None


def locked_child_violation(table: str, meeting_status: object, *, amended: bool = False
                           ) -> Violation | None:
    """Whether a change to a row of ``table`` under a meeting of this status is refused.
    ``amended``: the same change set writes a new ``minutes_version`` of that meeting
    (the amendment flow), which may correct the locked minutes' rows."""
    if table in LOCKED_CHILDREN and _status(meeting_status) == LOCKED and not amended:
        return Violation("minutes_locked", wire="locked")
    return None
