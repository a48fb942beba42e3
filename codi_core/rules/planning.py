"""What planning a meeting needs: the body that meets, the date and the place.

Meetings of most kinds are held by one organization (a committee, a council, a working
group) and need it named; a cluster meeting, a partner consultation and the provincial
assembly are a body in themselves. Every meeting needs its start and its place. The
laptop's meeting services check a plan with ``plan_violations`` before they write it;
the server checks every pushed meeting with the same function, so a client that skips
the check is refused all the same.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .base import Violation

#: Kinds that are a body in themselves; the others meet as one organization.
BODY_IS_KIND = frozenset({"cluster", "partner_consultation", "provincial_assembly"})
#: The fields this rule reads: an update writing one of them is checked.
PLAN_FIELDS = frozenset({"kind", "organization_id", "starts_at", "place"})
# field of the violation -> the fields whose writing makes it the writer's
_BLAME = {"organization_id": {"kind", "organization_id"}, "starts_at": {"starts_at"},
          "place": {"place"}}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plan_violations(meeting: Mapping[str, Any], written: Collection[str] | None = None
                    ) -> list[Violation]:
    """Every reason the meeting (as it will stand) is not a plan, at once.

    ``written``: for an update, the fields it writes; only what those break counts, so
    a meeting kept from before the rule is refused only when an edit leaves a gap
    itself. None: the whole meeting is judged (planning it).
    """
    found: list[Violation] = []
    kind = getattr(meeting.get("kind"), "value", meeting.get("kind"))
    if kind is not None and kind not in BODY_IS_KIND and _blank(meeting.get("organization_id")):
        found.append(Violation("meeting_body_required", "organization_id"))
    if meeting.get("starts_at") is None:
        found.append(Violation("required", "starts_at"))
    if _blank(meeting.get("place")):
        found.append(Violation("required", "place"))
    if written is None:
        return found
    return [v for v in found if _BLAME[v.field] & set(written)]
