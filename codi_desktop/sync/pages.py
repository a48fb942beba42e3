"""Writing one pulled page of full row images into the local database.

The caller owns the transaction (``apply.write_transaction``) and commits the page with
its cursor. Every image is written: a row is never left behind the cursor.

A row with no change waiting in the outbox, and not deleted, takes the fast path: its
values are checked and turned into their stored form column by column
(``codecs.TableCodec.plan``) and the page's rows of one table are written with
multi-row upserts of a few hundred rows each, their parameters flattened off the
writer's thread (``codecs.RowPlan.batches``: SQLite runs each without the GIL, so the
next page is parsed meanwhile). A large page writes its search-index entries with one
set-based statement per table instead of the triggers' row by row
(``search_index.bulk``), in the same transaction, so the index is never out of step with
the rows at any commit.

The rest (rows with waiting changes, deletions) take the careful path below.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS, utcnow
from codi_core.models.serialize import WireValueError, format_datetime
from codi_desktop.store import search_index

from . import bases
from .apply import S_SHADOW, get_setting, pending_fields, set_setting
from .codecs import RowPlan, codec, upsert_sql

log = logging.getLogger(__name__)

Batches = list[tuple[str, tuple[Any, ...]]]

# A page with at least this many rows writes its search index set-based (the triggers
# are dropped and put back inside the page's transaction; below this, the DDL costs
# more than it saves).
BULK_INDEX_ROWS = 500


@dataclass
class PageResult:
    applied: int = 0
    kept_local: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Group:
    """The fast-path images of one table with one set of fields, and their stored rows
    (``None`` where an image was refused; ``bad`` says why)."""

    plan: RowPlan
    items: list[dict[str, Any]]
    rows: list[tuple[Any, ...] | None]
    bad: dict[int, WireValueError]
    batches: Batches | None = None  # the rows as multi-row upserts (RowPlan.batches), if all good


@dataclass
class PreparedPage:
    """A page decoded and checked, before any database work: made by ``prepare``, which
    the sync runs on another thread while the previous page is being written."""

    latest: dict[tuple[str, str], dict[str, Any]]
    groups: dict[tuple[str, tuple[str, ...]], _Group]
    others: list[tuple[tuple[str, str], dict[str, Any]]]  # deletions, unknown tables


def prepare(changes: list[dict[str, Any]]) -> PreparedPage:
    """Decode and check a page's images (no database: safe on another thread). Every
    image that is not a deletion is converted, whether or not a change of its row
    waits; ``apply_page`` decides that inside its transaction."""
    # Later images of the same row in one page replace earlier ones.
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for item in changes:
        latest[(item["table"], item["row_id"])] = item
    # (table, field names in order) -> the images and their fields
    by_fields: dict[tuple[str, tuple[str, ...]], tuple[list[Any], list[Any]]] = {}
    others = []
    known: dict[str, bool] = {}  # table -> has a codec (looked up once a page)
    for key, item in latest.items():
        name = key[0]
        synced = known.get(name)
        if synced is None:
            synced = known[name] = codec(name) is not None
        if not synced or item.get("deleted"):
            others.append((key, item))
            continue
        fields = item.get("fields") or {}
        group_key = (name, tuple(fields))
        group = by_fields.get(group_key)
        if group is None:
            group = by_fields[group_key] = ([], [])
        group[0].append(item)
        group[1].append(fields)
    groups = {}
    for (name, keys), (items, fields_of) in by_fields.items():
        plan = codec(name).plan(keys)  # type: ignore[union-attr]
        rows, bad = plan.rows(items, fields_of)
        batches = None if bad else plan.batches(rows)  # type: ignore[arg-type]
        groups[(name, keys)] = _Group(plan, items, rows, bad, batches)
    return PreparedPage(latest, groups, others)


def apply_page(
    conn: sa.Connection,
    page: list[dict[str, Any]] | PreparedPage,
    *,
    seen: set[tuple[str, str]] | None = None,
) -> PageResult:
    """Write one pulled page of full row images (caller commits it with the cursor).

    A row with changes still waiting in the outbox keeps its local values of the fields
    those changes write (PROTOCOL.md: they are pushed first) and takes the server's
    values of all the others, with the image's seq; the server's values of the kept
    fields are held aside (``sync_shadow``) in case the waiting change is rejected.
    """
    prepared = page if isinstance(page, PreparedPage) else prepare(page)
    latest = prepared.latest
    result = PageResult()
    waiting = pending_fields(conn)
    shadow: dict[str, Any] | None = None
    learned: bases.Learned = dict(get_setting(conn, bases.S_LEARNED, {}) or {})
    learned_dirty = False
    careful: dict[str, list[dict[str, Any]]] = defaultdict(list)
    tombstones: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    written: dict[str, list[str]] = defaultdict(list)  # table -> ids, for the search index
    if seen is not None:
        seen.update(latest)
    slow = list(prepared.others)
    fast: list[tuple[RowPlan, list[tuple[Any, ...]], Batches | None]] = []
    has_waiting = bool(waiting.by_key)
    for (name, _keys), group in prepared.groups.items():
        ids = written[name]
        if not (has_waiting or group.bad or learned):
            # The usual case (every first sync): nothing to sort out row by row.
            ids.extend(item["row_id"] for item in group.items)
            result.applied += len(group.rows)
            fast.append((group.plan, group.rows, group.batches))  # type: ignore[arg-type]
            continue
        good = []
        for i, (item, row) in enumerate(zip(group.items, group.rows, strict=True)):
            row_id = item["row_id"]
            if has_waiting and (name, row_id) in waiting:
                slow.append(((name, row_id), item))
                continue
            if row is None:
                result.skipped.append(f"{name} {row_id}: {group.bad[i]}")
                continue
            good.append(row)
            ids.append(row_id)
            if learned and bases.forget_up_to(learned, name, row_id, item.get("seq")):
                learned_dirty = True
        result.applied += len(good)
        fast.append((group.plan, good, None))
    for key, item in slow:
        table_codec = codec(key[0])
        if table_codec is None:
            result.skipped.append(f"{key[0]}: unknown table")
            continue
        fields = item.get("fields") or {}
        deleted = bool(item.get("deleted"))
        try:
            row = table_codec.decode(fields)
        except WireValueError as exc:
            result.skipped.append(f"{key[0]} {key[1]}: {exc}")
            continue
        row["id"] = key[1]
        row["seq"] = item.get("seq")
        if deleted and row.get("deleted_at") is None:
            row["deleted_at"] = utcnow()
        if key in waiting:
            # Local values of what is waiting; the server's of the rest. A row the
            # server deleted stays alive here while an edit of it waits: the server
            # restores it for that edit (with a conflict) or the result says otherwise.
            keep = waiting.edited(key) | {"deleted_at"}
            if shadow is None:
                shadow = dict(get_setting(conn, S_SHADOW, {}) or {})
            aside = {
                name: (
                    fields.get(name)
                    if name != "deleted_at" or not deleted
                    else format_datetime(row["deleted_at"])
                )
                for name in keep
                if name in table_codec.columns and (name in fields or name == "deleted_at")
            }
            shadow[f"{key[0]}|{key[1]}"] = {"seq": item.get("seq"), "fields": aside}
            merged = {k: v for k, v in row.items() if k not in keep}
            if len(merged) > 2 or merged.get("seq") is not None:
                table = table_codec.table
                exists = conn.execute(sa.select(table.c.id).where(table.c.id == key[1])).first()
                if exists is not None:
                    values = {k: v for k, v in merged.items() if k != "id"}
                    conn.execute(table.update().where(table.c.id == key[1]).values(**values))
            result.kept_local += 1
            result.applied += 1
            continue
        if not fields:
            tombstones[key[0]].append((key[1], row["seq"]))
        else:
            careful[key[0]].append(row)
        if learned and bases.forget_up_to(learned, key[0], key[1], item.get("seq")):
            learned_dirty = True
        written[key[0]].append(key[1])
        result.applied += 1

    index = search_index.bulk(conn) if len(latest) >= BULK_INDEX_ROWS else nullcontext(None)
    with index as bulk:
        for plan, rows, batches in fast:
            if rows:
                write_rows(conn, plan, rows, result, batches)
        for name, dict_rows in careful.items():
            _upsert(conn, SYNCED_MODELS[name].__table__, dict_rows)  # type: ignore[attr-defined]
        for name, ids in tombstones.items():
            table: sa.Table = SYNCED_MODELS[name].__table__  # type: ignore[attr-defined]
            for row_id, seq in ids:
                conn.execute(
                    table.update()
                    .where(table.c.id == row_id)
                    .values(deleted_at=sa.func.coalesce(table.c.deleted_at, utcnow()), seq=seq)
                )
        if bulk is not None:
            for name, ids in written.items():
                bulk.reindex(name, ids)
    if shadow is not None:
        set_setting(conn, S_SHADOW, shadow)
    if learned_dirty:
        set_setting(conn, bases.S_LEARNED, learned)
    return result


def write_rows(
    conn: sa.Connection,
    plan: RowPlan,
    rows: list[tuple[Any, ...]],
    result: PageResult,
    batches: Batches | None = None,
) -> None:
    """Write stored values as multi-row upserts (``batches``, or ``plan.batches(rows)``).
    A text SQLite cannot hold (a lone surrogate, which only a page the standard library
    parsed can carry) makes the driver refuse a statement; the rows are then checked one
    by one and that row alone is skipped (the rows of the statements before may be
    written already: an upsert again is harmless)."""
    try:
        for sql, params in batches if batches is not None else plan.batches(rows):
            conn.exec_driver_sql(sql, params)
        return
    except (UnicodeEncodeError, sa.exc.StatementError) as exc:
        if not isinstance(getattr(exc, "orig", exc), UnicodeEncodeError):
            raise
    good = []
    for row in rows:
        try:
            for value in row:
                if type(value) is str:
                    value.encode("utf-8")
        except UnicodeEncodeError:
            result.skipped.append(
                f"{plan.table.name} {row[-2]}: text may not contain a lone surrogate "
                "(not valid Unicode)"
            )
            result.applied -= 1
            continue
        good.append(row)
    if good:
        conn.exec_driver_sql(plan.sql, good)


_UPSERTS: dict[tuple[str, tuple[str, ...]], tuple[str, list[Any]]] = {}


def _upsert_statement(
    dialect: sa.Dialect, table: sa.Table, keys: tuple[str, ...]
) -> tuple[str, list[Any]]:
    """The upsert of these columns with each column's own bind processor (the same
    conversion SQLAlchemy applies), built once."""
    cache_key = (table.name, keys)
    found = _UPSERTS.get(cache_key)
    if found is None:
        processors = [
            table.columns[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys
        ]
        found = _UPSERTS[cache_key] = (upsert_sql(table.name, keys), processors)
    return found


def _upsert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert or replace rows of Python values, one executemany per set of columns."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(row)].append(row)
    for keys, batch in groups.items():
        sql, processors = _upsert_statement(conn.dialect, table, keys)
        params = [
            tuple(
                value if proc is None else proc(value)
                for proc, value in zip(processors, row.values(), strict=True)
            )
            for row in batch
        ]
        conn.exec_driver_sql(sql, params)


def purge_unseen(conn: sa.Connection, seen: set[tuple[str, str]]) -> int:
    """After a complete fresh snapshot: drop synced rows the server no longer has.

    Only rows that came from the server before (``seq`` set) and have no waiting
    change are removed; local rows not yet pushed stay.
    """
    waiting = pending_fields(conn)
    removed = 0
    for name, model in SYNCED_MODELS.items():
        t: sa.Table = model.__table__  # type: ignore[attr-defined]
        ids = [
            r[0]
            for r in conn.execute(sa.select(t.c.id).where(t.c.seq.is_not(None)))
            if (name, r[0]) not in seen and (name, r[0]) not in waiting
        ]
        for chunk in range(0, len(ids), 500):
            conn.execute(t.delete().where(t.c.id.in_(ids[chunk : chunk + 500])))
        removed += len(ids)
    return removed
