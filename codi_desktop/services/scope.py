"""Which provinces this laptop's account holds, and which role it has.

A province account holds one province; a cluster or regional account all the provinces
of its cluster or region; HQ all of them. The server decides the scope at enrolment
(stored as the local settings ``sync_role`` and ``sync_scope``); a laptop that never
enrolled (the demo, a fresh install) is a province laptop of its own province (the
setting ``province_code``, which enrolment also writes when the scope is one province).

This module is THE notion of scope on the laptop: ``provinces_in_scope`` is what the
database holds (the window opens its pages when it holds any), ``is_wide`` whether the
screens offer a province selector, and ``working_province`` the one province a new
record is written to (a wide account's list page names it from its selector).
"""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import SYNCED_MODELS, Province, ProvinceCluster, Region
from codi_desktop.store.database import Store

ALL = "all"
WORKING = "working_province"  # local setting: the province a wide account records for


def role(store: Store) -> str:
    return store.get_setting("sync_role") or "province"


def provinces_in_scope(store: Store) -> list[str]:
    """DOPA codes of every province this account holds, sorted."""
    scope = store.get_setting("sync_scope")
    if scope == ALL:
        with store.read() as s:
            return sorted(s.scalars(sa.select(Province.id)))
    if isinstance(scope, list) and scope:
        return sorted(scope)
    code = store.province_code
    return [code] if code else []


def is_wide(store: Store) -> bool:
    """The account holds several provinces (cluster, region, HQ)."""
    return len(provinces_in_scope(store)) > 1


def working_province(store: Store) -> str:
    """The one province a new record goes to: the database's own province, the only one
    in scope, or (a wide account) the one its page's selector shows; else a clear error."""
    code = store.province_code
    if code:
        return code
    held = provinces_in_scope(store)
    if len(held) == 1:
        return held[0]
    if not held:
        raise ServiceError("no_province")
    chosen = store.get_setting(WORKING)
    if chosen in held:
        return chosen
    raise ServiceError("choose_province")


def province_of(store: Store, table: str, row_id: str) -> str | None:
    """The province a record of ``table`` belongs to (None: not found, or national)."""
    model = SYNCED_MODELS[table]
    if "province_code" not in model.__table__.c:
        return None
    with store.read() as s:
        return s.scalar(sa.select(model.province_code).where(model.id == row_id))


def form_province(store: Store, table: str, row_id: str | None) -> str | None:
    """The province a form's pickers offer choices of (tambons, organizations...): an
    existing record's own province, a new record's working province; None when a wide
    account's page shows every province (its pickers offer the whole scope)."""
    if row_id is not None:
        code = province_of(store, table, row_id)
        if code:
            return code
    try:
        return working_province(store)
    except ServiceError:
        return None


def chosen_province(store: Store) -> str | None:
    """The province a wide account's selectors show (one choice across the pages: the
    working province), or None for "all provinces in scope"."""
    chosen = store.get_setting(WORKING)
    return chosen if chosen in provinces_in_scope(store) else None


def set_working_province(store: Store, code: str | None) -> None:
    """A wide account's page shows one province (``code``) or all of them (None)."""
    if code is not None and code not in provinces_in_scope(store):
        raise ServiceError("not_in_scope")
    if store.get_setting(WORKING) != code:
        store.set_setting(WORKING, code)


def resolve(store: Store, province: str | None) -> list[str]:
    """The provinces a view covers: one province (checked against the scope), or every
    province in scope for ``None`` / ``"all"``."""
    held = provinces_in_scope(store)
    if province in (None, ALL):
        return held
    if province not in held:
        raise ServiceError("not_in_scope")
    return [province]


def one_province(store: Store, province: str | None) -> str:
    """The one province an action writes to (default: the laptop's own)."""
    code = province or store.province_code
    held = provinces_in_scope(store)
    if not code:
        # A page that names its province passes it; a wide account's page that shows
        # every province names none, and gets a clear error (never a guess).
        if len(held) == 1:
            code = held[0]
        else:
            raise ServiceError("choose_province" if held else "no_province")
    if code not in held:
        raise ServiceError("not_in_scope")
    return code


def province_names(store: Store, codes: list[str] | None = None,
                   lang: str = "th") -> dict[str, str]:
    """DOPA code → the province's name (in English for ``lang="en"``)."""
    with store.read() as s:
        stmt = sa.select(Province.id, Province.name_en if lang == "en" else Province.name_th)
        if codes is not None:
            stmt = stmt.where(Province.id.in_(codes))
        return dict(s.execute(stmt).all())


def cluster_of(store: Store, province: str) -> tuple[str | None, str | None]:
    """(cluster name, region name) of a province."""
    with store.read() as s:
        row = s.execute(
            sa.select(ProvinceCluster.name_th, Region.name_th)
            .select_from(Province)
            .outerjoin(ProvinceCluster, ProvinceCluster.id == Province.cluster_id)
            .outerjoin(Region, Region.id == ProvinceCluster.region_id)
            .where(Province.id == province)
        ).first()
    return (row[0], row[1]) if row else (None, None)
