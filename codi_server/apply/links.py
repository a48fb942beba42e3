"""Links to other rows on the server: ``codi_core.rules.references``, checked once every
change of the set is in (a change set may name a parent after its child)."""

from __future__ import annotations

from typing import Any

from codi_core.rules.references import check_links, link_targets
from codi_core.wire import FORBIDDEN, WireChange

from .. import schema
from .base import ApplierBase
from .rejections import Rejection


class LinksMixin(ApplierBase):
    def note_links(self, change: WireChange, values: dict[str, Any], province: str | None) -> None:
        if link_targets(change.table, values):
            self.link_checks.append((self.index, change.table, dict(values), province))

    def check_links(self) -> None:
        for index, table, values, province in self.link_checks:
            problem = check_links(self.conn, schema.DOMAIN_TABLES, table, values, province)
            if problem is None:
                continue
            target = problem.params.get("label")
            if problem.wire == FORBIDDEN:
                raise Rejection(
                    FORBIDDEN,
                    f"{table}.{problem.field} names a {target} of another province.",
                    "รายการนี้อ้างถึงข้อมูลของจังหวัดอื่น",
                    index,
                )
            raise Rejection(
                "invalid",
                f"{table}.{problem.field} names a {target} that does not exist.",
                "รายการนี้อ้างถึงข้อมูลที่ไม่มีอยู่",
                index,
            )
