"""What planning a meeting needs, on the server: the rule book's ``plan_violations``."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from codi_core.errors import ServiceError
from codi_core.rules.planning import plan_violations

from .base import ApplierBase


class PlanningMixin(ApplierBase):
    def check_meeting_plan(self, meeting: Mapping[str, Any],
                           written: Collection[str] | None = None) -> None:
        """A meeting without its body, date or place is ``invalid``, every reason said.
        ``meeting``: the row as it will stand; ``written``: an update's fields."""
        problems = [ServiceError(v.code, v.field) for v in plan_violations(meeting, written)]
        if problems:
            raise self.invalid(
                "A meeting is planned with its body, date and place: "
                + "; ".join(p.message("en") for p in problems) + ".",
                " ".join(p.message("th") for p in problems),
            )
