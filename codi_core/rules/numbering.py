"""Meeting numbers: "ครั้งที่ n/BE-year" counts per body and year.

Meetings are numbered per body (``organization_id``) or, with no body, per ``kind``,
within the province and the number's year, among live meetings: two provinces each have
their own 1/2569 of a body kind. The laptop uses these to propose and check a number;
the server to find a duplicate (applied with a conflict on ``number``, the next free
number as the server value). The province is a required argument, so neither side can
leave it out.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

#: Fields that decide a meeting's number: writing one re-checks it.
NUMBER_FIELDS = frozenset({"number", "number_year", "organization_id", "kind"})


def _columns(meetings: Any) -> Any:
    return meetings.c if isinstance(meetings, sa.Table) else meetings


def body_conditions(meetings: Any, *, province_code: str, kind: Any,
                    organization_id: str | None, year: int | None = None
                    ) -> list[sa.ColumnElement]:
    """The live meetings of one body in one province (and year, when given).
    ``meetings``: a table or the ORM model (anything with the meeting columns as
    attributes)."""
    c = _columns(meetings)
    conds = [c.deleted_at.is_(None), c.province_code == province_code]
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


def highest_number(meetings: Any, *, province_code: str, kind: Any,
                   organization_id: str | None, year: int) -> sa.Select:
    """SELECT the highest number the body used that year (NULL: none yet)."""
    c = _columns(meetings)
    return sa.select(sa.func.max(c.number)).where(*body_conditions(
        meetings, province_code=province_code, kind=kind, organization_id=organization_id,
        year=year))


def number_holder(meetings: Any, *, province_code: str, kind: Any,
                  organization_id: str | None, year: int, number: int,
                  exclude_id: str | None = None) -> sa.Select:
    """SELECT the id of a live meeting of the body holding that number that year (other
    than ``exclude_id``): none means the number is free."""
    c = _columns(meetings)
    stmt = sa.select(c.id).where(
        *body_conditions(meetings, province_code=province_code, kind=kind,
                         organization_id=organization_id, year=year),
        c.number == number)
    if exclude_id is not None:
        stmt = stmt.where(c.id != exclude_id)
    return stmt.limit(1)
