"""Meeting numbers: "ครั้งที่ n/BE-year" counts per body and year.

Meetings are numbered per body (``organization_id``) or, with no body, per ``kind``,
within the province and the number's year, among live meetings. The laptop uses it to
propose and check a number; the server to find a duplicate (applied with a conflict on
``number``, the next free number as the server value).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

#: Fields that decide a meeting's number: writing one re-checks it.
NUMBER_FIELDS = frozenset({"number", "number_year", "organization_id", "kind"})


def body_conditions(meetings: Any, *, kind: Any, organization_id: str | None,
                    year: int | None = None, province_code: str | None = None
                    ) -> list[sa.ColumnElement]:
    """The live meetings of one body (and year, and province when given). ``meetings``:
    a table or the ORM model (anything with the meeting columns as attributes)."""
    c = meetings.c if isinstance(meetings, sa.Table) else meetings
    conds = [c.deleted_at.is_(None)]
    if province_code is not None:
        conds.append(c.province_code == province_code)
    if year is not None:
        conds.append(c.number_year == year)
    if organization_id:
        conds.append(c.organization_id == organization_id)
    else:
        conds += [c.organization_id.is_(None), c.kind == kind]
    return conds


def body_key(province_code: str | None, kind: Any, organization_id: str | None,
             year: int | None) -> str:
    """One string per body and year (a lock key)."""
    kind_text = "" if organization_id else str(getattr(kind, "value", kind))
    return f"{province_code}|{organization_id or ''}|{kind_text}|{year}"


def next_number(used_max: int | None) -> int:
    """The next free number after the highest one used."""
    return (used_max or 0) + 1
