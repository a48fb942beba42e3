"""Links to other rows and the province of parents.

Every foreign key of a synced model is a link: the row it names must exist, and a row of
a province may only link to rows of the same province (a province-scoped parent with
the same ``province_code``, a district or subdistrict of that province, or national
reference data such as a program). A conflict row's ``table_name``/``row_id`` is a link
too. A link to a row that does not exist at all is ``invalid``; one to another
province's row is ``forbidden``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import sqlalchemy as sa

from ..models import SYNCED_MODELS
from .base import Violation

# National tables that belong to a province (their ``province_id``).
PROVINCE_OF_NATIONAL = {"district": "province_id", "subdistrict": "province_id",
                        "province": "id"}


@cache
def links(table: str) -> dict[str, str]:
    """column -> the table it links to, for one synced table (from the model metadata)."""
    model = SYNCED_MODELS[table]
    out = {}
    for column in model.__table__.columns:
        for fk in column.foreign_keys:
            out[column.name] = fk.column.table.name
    return out


def link_targets(table: str, values: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(column, target table, target id) of every non-empty link a change writes."""
    out = [(c, target, values[c]) for c, target in links(table).items() if values.get(c)]
    if table == "conflict" and values.get("table_name") in SYNCED_MODELS and values.get("row_id"):
        out.append(("row_id", values["table_name"], values["row_id"]))
    return out


def parent_province(db: Any, tables: dict[str, sa.Table], target: str, row_id: str
                    ) -> tuple[bool, str | None]:
    """(exists, its province) of a linked row; national rows with no province: None."""
    table = tables[target]
    column = PROVINCE_OF_NATIONAL.get(target, "province_code")
    if column not in table.c:
        found = db.execute(sa.select(table.c.id).where(table.c.id == row_id)).first()
        return found is not None, None
    found = db.execute(sa.select(table.c[column]).where(table.c.id == row_id)).first()
    return (False, None) if found is None else (True, found[0])


def link_violation(column: str, target: str, row_province: str | None, exists: bool,
                   parent_prov: str | None) -> Violation | None:
    """The rule for one link, given what the lookup found."""
    if not exists:
        return Violation("not_found", column, {"label": target})
    if row_province is None:
        return None  # a national row (HQ only)
    national = SYNCED_MODELS[target].__sync_scope__ == "national"
    if national and target not in PROVINCE_OF_NATIONAL:
        return None  # program, criterion ...: shared by every province
    if parent_prov != row_province:
        code = "outside_province" if national else "other_province"
        return Violation(code, column, {"label": target}, wire="forbidden")
    return None


def check_links(db: Any, tables: dict[str, sa.Table], table: str, values: dict[str, Any],
                row_province: str | None) -> Violation | None:
    """The first broken link of a row's written values, or None."""
    for column, target, row_id in link_targets(table, values):
        exists, prov = parent_province(db, tables, target, row_id)
        problem = link_violation(column, target, row_province, exists, prov)
        if problem is not None:
            return problem
    return None
