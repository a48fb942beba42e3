"""Read-side queries for the list pages: counts, windows of plain rows, filter choices.

The UI's table models never load ORM objects: they ask a ``RecordList`` for the number
of matching rows and for one window (``LIMIT/OFFSET`` ordered by a real sort key, the
row id as tie-breaker so windows never overlap), and get plain tuples back —
``(id, value, value, ...)`` in the list's column order, values being real values (ints,
dates, enum strings), formatted only at the edge.

Search text is matched against the ``fts_*`` trigram indexes (migration 0002): terms of
three or more characters use FTS5 ``MATCH``; one- or two-character terms fall back to
``LIKE`` on the same indexed text (still only the indexed table, which is small).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.formatting import fiscal_year_bounds
from codi_core.models import (
    Assessment,
    Community,
    District,
    LedgerEntry,
    Meeting,
    Organization,
    Person,
    Program,
    Project,
    Subdistrict,
)
from codi_desktop.store.database import Store

from . import scope

PAGE_SIZE = 200


@dataclass(frozen=True)
class ListFilter:
    """What the person narrowed a list to. ``None``/empty means "any"."""

    text: str = ""
    district_id: str | None = None
    subdistrict_id: str | None = None
    kind: str | None = None
    status: str | None = None
    fiscal_year: int | None = None
    program_id: str | None = None
    #: the provinces shown (a wide-scope account's province selector); None: every row
    #: of this database (a province account's database holds only its own province)
    provinces: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Choice:
    """One entry of a filter drop-down: a value and its Thai and English names."""

    value: Any
    name_th: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_th


def _fts_condition(table: str, id_column: sa.ColumnElement, text: str,
                   walk_index: bool = False) -> sa.ColumnElement | None:
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    params: dict[str, Any] = {}
    long_terms = [t for t in terms if len(t) >= 3]
    likes = []
    for i, term in enumerate(t for t in terms if len(t) < 3):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"s{i}"] = f"%{escaped}%"
        likes.append(f"c1 LIKE :s{i} ESCAPE '\\'")
    # Matched by rowid, the index's own key (its triggers keep it equal to the row's):
    # an IN over integer keys is about five times cheaper than over the text ids when a
    # search matches thousands of a cluster's rows.
    sql = ""
    if long_terms:
        params["q"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        sql = f"SELECT rowid FROM fts_{table} WHERE fts_{table} MATCH :q"
    if likes:
        # Text shorter than a trigram cannot use the index: LIKE over the indexed text in
        # FTS5's own content table (id = rowid, c1 = body), which scans about ten times
        # faster than the same LIKE through the virtual table.
        sql = (f"SELECT id FROM fts_{table}_content WHERE {' AND '.join(likes)}"
               + (f" AND id IN ({sql})" if sql else ""))
    sub = sa.text(sql).bindparams(**params)
    # ``+rowid``: when the list is read in an index's order, the matches are tested row by
    # row along it rather than looked up and sorted (see RecordList.window).
    plus = "+" if walk_index else ""
    rowid = sa.literal_column(f'{plus}"{id_column.table.name}".rowid', sa.Integer)
    return rowid.in_(sub.columns(sa.column("rowid", sa.Integer)))


def thai_order(column: sa.ColumnElement) -> sa.ColumnElement:
    """*column* in Thai dictionary order: the store's Thai collation
    (:mod:`codi_desktop.collation`, the one every printed list uses too), as the
    ``thai_key()`` function, which sorts like ``COLLATE THAI`` and much faster."""
    return sa.func.thai_key(column, type_=sa.String)


def _sorted_value(key: sa.ColumnElement) -> sa.ColumnElement:
    """What a sort key is NULL with: ``thai_key(x)`` is NULL exactly when ``x`` is, and
    testing ``x`` spares a second call into Python per row (a third of the sort's time
    over a cluster's 24,000 communities)."""
    if isinstance(key, sa.sql.functions.Function) and key.name == "thai_key":
        return next(iter(key.clauses))
    return key


def _name(column_th: sa.ColumnElement, column_en: sa.ColumnElement, lang: str):
    return column_en if lang == "en" else column_th


@dataclass
class RecordList:
    """One list page's query: its columns, filters, sort keys and row windows.

    ``build(lang)`` returns ``(select_from, {column key: expression})``; the first
    expression of every row is the record id.
    """

    table: str
    id_column: sa.ColumnElement
    deleted_column: sa.ColumnElement
    columns: tuple[str, ...]
    build: Callable[[str], tuple[Any, dict[str, sa.ColumnElement]]]
    filters: Callable[[ListFilter], list[sa.ColumnElement]]
    default_sort: str
    sort_keys: dict[str, sa.ColumnElement] = field(default_factory=dict)
    province_column: sa.ColumnElement | None = None
    #: sorts read from a sort-key index (migration 0006: the key, the id, the province,
    #: the tombstone), their column never NULL: ordered by the key then the id
    indexed_sorts: frozenset[str] = frozenset()

    def _where(self, flt: ListFilter, walk_index: bool = False) -> list[sa.ColumnElement]:
        conds = [self.deleted_column.is_(None), *self.filters(flt)]
        if flt.provinces is not None and self.province_column is not None:
            province = self.province_column
            if walk_index:  # ``+province_code``: tested along the index, not looked up
                province = sa.literal_column(
                    f'+"{province.table.name}".{province.name}', sa.String)
            conds.append(province.in_(flt.provinces))
        fts = _fts_condition(self.table, self.id_column, flt.text.strip(), walk_index)
        if fts is not None:
            conds.append(fts)
        return conds

    def count(self, store: Store, flt: ListFilter) -> int:
        # With the province selector's condition, a list with a sort-key index counts
        # along it (it covers the province and the tombstone): 22 ms instead of 50 for a
        # search matching all of a cluster's 24,000 communities (the province index probed
        # once per province and match), 7 instead of 0.4 for one matching none. Without
        # it the matches' rowids are looked up directly, cheaper either way.
        walk = bool(self.indexed_sorts) and flt.provinces is not None
        where = self._where(flt, walk_index=walk)
        stmt = sa.select(sa.func.count()).select_from(self.id_column.table).where(*where)
        with store.read() as session:
            return int(session.scalar(stmt) or 0)

    def window(
        self,
        store: Store,
        flt: ListFilter,
        *,
        sort: str | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int = PAGE_SIZE,
        lang: str = "th",
    ) -> list[tuple]:
        source, exprs = self.build(lang)
        sort = sort if sort in self.columns else self.default_sort
        key = self.sort_keys.get(sort, exprs[sort])
        walk_index = sort in self.indexed_sorts
        if walk_index:
            # The sort-key index gives this order whole: SQLite walks it (forwards or
            # backwards) and stops after the window, no row's key computed and no sort.
            # The province and search conditions are written so that the planner tests
            # them along the index instead of looking their rows up and sorting those
            # (which would call thai_key() per match: 60 ms for a search matching most
            # of a cluster's 24,000 communities, 2-5 ms along the index).
            order = [key.desc(), self.id_column.desc()] if descending else [key, self.id_column]
        else:
            # NULLs last whichever way, then the id so that windows never overlap.
            order = [_sorted_value(key).is_(None), key.desc() if descending else key.asc(),
                     self.id_column]
        columns = (self.id_column, *(exprs[c] for c in self.columns))
        if walk_index:
            # The window's rows are found along the index in the base table alone (its
            # filters are the base table's), then joined for their shown columns: a
            # window far down the list (a scrollbar dragged to the end) skips its
            # OFFSET rows without joining each of them (74 -> about 10 ms at row 23,800).
            table = self.id_column.table
            rowid = sa.literal_column(f'"{table.name}".rowid', sa.Integer)
            picked = (sa.select(rowid).select_from(table).where(*self._where(flt, True))
                      .order_by(*order).offset(offset).limit(limit))
            stmt = sa.select(*columns).select_from(source).where(
                rowid.in_(picked.scalar_subquery())).order_by(*order)
        else:
            stmt = (
                sa.select(*columns)
                .select_from(source)
                .where(*self._where(flt))
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            )
        with store.read() as session:
            return [tuple(r) for r in session.execute(stmt)]


# --- the lists ---------------------------------------------------------------------------

sd = sa.orm.aliased(Subdistrict)
ds = sa.orm.aliased(District)


def _place_filters(model, flt: ListFilter) -> list[sa.ColumnElement]:
    conds = []
    if flt.subdistrict_id:
        conds.append(model.subdistrict_id == flt.subdistrict_id)
    elif flt.district_id:
        if hasattr(model, "district_id"):
            conds.append(model.district_id == flt.district_id)
        else:
            conds.append(
                model.subdistrict_id.in_(
                    sa.select(Subdistrict.id).where(Subdistrict.district_id == flt.district_id)
                )
            )
    return conds


def _communities(lang: str):
    source = sa.outerjoin(Community, sd, sd.id == Community.subdistrict_id).outerjoin(
        ds, ds.id == Community.district_id
    )
    return source, {
        "name": Community.name,
        "kind": Community.kind,
        "subdistrict": _name(sd.name_th, sd.name_en, lang),
        "district": _name(ds.name_th, ds.name_en, lang),
        "moo": Community.moo,
        "households": Community.households,
        "population": Community.population,
        "leader_name": Community.leader_name,
    }


COMMUNITIES = RecordList(
    table="community",
    id_column=Community.id,
    deleted_column=Community.deleted_at,
    columns=("name", "kind", "subdistrict", "district", "moo", "households", "population",
             "leader_name"),
    build=_communities,
    filters=lambda f: _place_filters(Community, f)
    + ([Community.kind == f.kind] if f.kind else []),
    default_sort="name",
    sort_keys={"name": thai_order(Community.name), "leader_name": thai_order(Community.leader_name)},
    province_column=Community.province_code,
    indexed_sorts=frozenset({"name"}),
)


def _organizations(lang: str):
    source = sa.outerjoin(Organization, sd, sd.id == Organization.subdistrict_id).outerjoin(
        ds, ds.id == Organization.district_id
    )
    return source, {
        "name": Organization.name,
        "kind": Organization.kind,
        "sector": Organization.sector,
        "subdistrict": _name(sd.name_th, sd.name_en, lang),
        "district": _name(ds.name_th, ds.name_en, lang),
        "members_count": Organization.members_count,
        "registered_on": Organization.registered_on,
        "fund_balance_satang": Organization.fund_balance_satang,
    }


ORGANIZATIONS = RecordList(
    table="organization",
    id_column=Organization.id,
    deleted_column=Organization.deleted_at,
    columns=("name", "kind", "sector", "subdistrict", "district", "members_count",
             "registered_on", "fund_balance_satang"),
    build=_organizations,
    filters=lambda f: _place_filters(Organization, f)
    + ([Organization.kind == f.kind] if f.kind else []),
    default_sort="name",
    sort_keys={"name": thai_order(Organization.name)},
    province_column=Organization.province_code,
    indexed_sorts=frozenset({"name"}),
)

_community_of_person = sa.orm.aliased(Community)


def _people(lang: str):
    source = sa.outerjoin(Person, sd, sd.id == Person.subdistrict_id).outerjoin(
        _community_of_person, _community_of_person.id == Person.community_id
    )
    full_name = (
        sa.func.coalesce(Person.prefix, "") + Person.first_name + " " + Person.last_name
    )
    return source, {
        "full_name": full_name,
        "position": Person.position,
        "phone": Person.phone,
        "community": _community_of_person.name,
        "subdistrict": _name(sd.name_th, sd.name_en, lang),
    }


PEOPLE = RecordList(
    table="person",
    id_column=Person.id,
    deleted_column=Person.deleted_at,
    columns=("full_name", "position", "phone", "community", "subdistrict"),
    build=_people,
    filters=lambda f: _place_filters(Person, f),
    default_sort="full_name",
    # Sort people by first name then last name, not by the title in front; the space a
    # literal, so that the expression is the sort-key index's (migration 0006).
    sort_keys={"full_name": thai_order(
        Person.first_name + sa.literal_column("' '") + Person.last_name)},
    province_column=Person.province_code,
    indexed_sorts=frozenset({"full_name"}),
)

_org_of_project = sa.orm.aliased(Organization)


def _projects(lang: str):
    source = (
        sa.join(Project, Program, Program.id == Project.program_id)
        .outerjoin(sd, sd.id == Project.subdistrict_id)
        .outerjoin(_org_of_project, _org_of_project.id == Project.organization_id)
    )
    return source, {
        "code": Project.code,
        "name": Project.name,
        "program": _name(Program.name_th, Program.name_en, lang),
        "fiscal_year": Project.fiscal_year,
        "status": Project.status,
        "organization": _org_of_project.name,
        "subdistrict": _name(sd.name_th, sd.name_en, lang),
        "households": Project.households,
    }


def _project_filters(f: ListFilter) -> list[sa.ColumnElement]:
    conds = _place_filters(Project, f)
    if f.status:
        conds.append(Project.status == f.status)
    if f.fiscal_year:
        conds.append(Project.fiscal_year == f.fiscal_year)
    if f.program_id:
        conds.append(Project.program_id == f.program_id)
    return conds


PROJECTS = RecordList(
    table="project",
    id_column=Project.id,
    deleted_column=Project.deleted_at,
    columns=("code", "name", "program", "fiscal_year", "status", "organization", "subdistrict",
             "households"),
    build=_projects,
    filters=_project_filters,
    default_sort="code",
    sort_keys={"program": Program.sort_order, "name": thai_order(Project.name)},
    province_column=Project.province_code,
)

_org_of_meeting = sa.orm.aliased(Organization)


def _meetings(lang: str):
    source = sa.outerjoin(Meeting, _org_of_meeting, _org_of_meeting.id == Meeting.organization_id)
    return source, {
        "starts_at": Meeting.starts_at,
        "number": sa.case(
            (Meeting.number.is_not(None),
             sa.cast(Meeting.number, sa.String) + "/" + sa.cast(Meeting.number_year, sa.String)),
            else_=None,
        ),
        "title": Meeting.title,
        "kind": Meeting.kind,
        "status": Meeting.status,
        "place": Meeting.place,
        "organization": _org_of_meeting.name,
    }


def _meeting_filters(f: ListFilter) -> list[sa.ColumnElement]:
    conds = _place_filters(Meeting, f)
    if f.kind:
        conds.append(Meeting.kind == f.kind)
    if f.status:
        conds.append(Meeting.status == f.status)
    if f.fiscal_year:
        first, last = fiscal_year_bounds(f.fiscal_year)
        # Bangkok midnight is 17:00 UTC the day before.
        start = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(hours=7)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC) - dt.timedelta(
            hours=7
        )
        conds.extend([Meeting.starts_at >= start, Meeting.starts_at < end])
    return conds


MEETINGS = RecordList(
    table="meeting",
    id_column=Meeting.id,
    deleted_column=Meeting.deleted_at,
    columns=("starts_at", "number", "title", "kind", "status", "place", "organization"),
    build=_meetings,
    filters=_meeting_filters,
    default_sort="starts_at",
    sort_keys={"number": Meeting.number_year * 1000 + Meeting.number,
               "title": thai_order(Meeting.title)},
    province_column=Meeting.province_code,
)

LISTS: dict[str, RecordList] = {
    "community": COMMUNITIES,
    "organization": ORGANIZATIONS,
    "person": PEOPLE,
    "project": PROJECTS,
    "meeting": MEETINGS,
}


# --- filter choices --------------------------------------------------------------------


def districts(store: Store, province: str | None = None) -> list[Choice]:
    """Districts of ``province`` (default: this database's own province, or a wide
    account's provinces; all districts if it has none yet)."""
    province = province or store.province_code
    stmt = sa.select(District.id, District.name_th, District.name_en).order_by(District.id)
    if province:
        stmt = stmt.where(District.province_id == province)
    elif held := scope.provinces_in_scope(store):  # a wide account: its provinces'
        stmt = stmt.where(District.province_id.in_(held))
    with store.read() as s:
        return [Choice(*r) for r in s.execute(stmt)]


def subdistricts(store: Store, district_id: str | None,
                 province: str | None = None) -> list[Choice]:
    """Tambons of a district, or of ``province``, or (both None) of the whole province —
    a wide account's provinces."""
    stmt = sa.select(Subdistrict.id, Subdistrict.name_th, Subdistrict.name_en).order_by(
        Subdistrict.id
    )
    if district_id:
        stmt = stmt.where(Subdistrict.district_id == district_id)
    elif province:
        stmt = stmt.where(Subdistrict.province_id == province)
    elif store.province_code:
        stmt = stmt.where(Subdistrict.province_id == store.province_code)
    elif held := scope.provinces_in_scope(store):  # a wide account: its provinces'
        stmt = stmt.where(Subdistrict.province_id.in_(held))
    with store.read() as s:
        return [Choice(*r) for r in s.execute(stmt)]


def subdistrict_district(store: Store, subdistrict_id: str) -> str | None:
    with store.read() as s:
        return s.scalar(sa.select(Subdistrict.district_id).where(Subdistrict.id == subdistrict_id))


def provinces(store: Store) -> list[Choice]:
    from codi_core.models import Province

    with store.read() as s:
        rows = s.execute(
            sa.select(Province.id, Province.name_th, Province.name_en).order_by(
                thai_order(Province.name_th))
        )
        return [Choice(*r) for r in rows]


def programs(store: Store) -> list[Choice]:
    with store.read() as s:
        rows = s.execute(
            sa.select(Program.id, Program.name_th, Program.name_en)
            .where(Program.deleted_at.is_(None))
            .order_by(Program.sort_order)
        )
        return [Choice(*r) for r in rows]


def fiscal_years(store: Store) -> list[int]:
    """Fiscal years that have projects or budget entries, newest first."""
    with store.read() as s:
        years = set(s.scalars(sa.select(Project.fiscal_year).distinct()))
        years |= set(s.scalars(sa.select(LedgerEntry.fiscal_year).distinct()))
        years |= set(s.scalars(sa.select(Assessment.fiscal_year).distinct()))
    return sorted(years, reverse=True)


def name_of(store: Store, table: str, row_id: str | None) -> str | None:
    """The display name of one record (for labels such as a membership's organization)."""
    if not row_id:
        return None
    model = {"community": Community, "organization": Organization, "person": Person}[table]
    with store.read() as s:
        obj = s.get(model, row_id)
        if obj is None:
            return None
        return obj.full_name if isinstance(obj, Person) else obj.name


def search_names(store: Store, table: str, text: str, limit: int = 20,
                 province: str | None = None) -> list[Choice]:
    """Records whose name matches ``text`` (for pickers such as a membership's org), of
    one ``province`` when given."""
    source = LISTS[table]
    flt = ListFilter(text=text, provinces=(province,) if province else None)
    rows = source.window(store, flt, limit=limit)
    return [Choice(r[0], r[1], r[1]) for r in rows]


def pending_changes(store: Store) -> int:
    """Change sets waiting in the outbox (what the status bar shows until sync runs)."""
    return store.count_pending()
