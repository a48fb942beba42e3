"""A pulled page is written by the fast path (stored values built column by column,
multi-row upserts of up to ``codecs.MAX_PARAMS`` values each, the search index
set-based); what it stores must be what
SQLAlchemy would store, and every check of ``decode_value`` must still hold.

Oracles: ``decode_value`` followed by the column's own SQLAlchemy bind processor (the
careful path every other write takes), and the demo generator's own Python values read
back through SQLAlchemy.
"""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from codi_core.models import SYNCED_MODELS
from codi_core.models.base import UTCDateTime
from codi_core.models.serialize import WireValueError, content_columns, decode_value, encode_value
from codi_desktop.store.database import open_store
from codi_desktop.store.demo import build_demo
from codi_desktop.sync import codecs, pages
from codi_desktop.sync.apply import write_transaction
from codi_desktop.sync.codecs import codec
from codi_desktop.sync.columns import NotFast, column_check

DIALECT = sqlite.dialect()

COMMON = [None, "", 0, 1, -1, True, False, 1.5, [], {}, "ชุมชน"]
BY_TYPE = {
    UTCDateTime: [
        "2026-01-02T03:04:05.123456Z", "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000000Z",
        "2026-01-02T03:04:05.000001Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
        "2026-01-02T03:04:05+07:00", "2026-01-02T03:04:05+00:00", "2026-01-02T03:04:05",
        "2026-13-02T03:04:05Z", "2026-02-30T03:04:05Z", "2026-01-02T24:00:00Z",
        "2026-01-02T03:04:05,123456Z", "2026-01-02 03:04:05.123456Z", "2026-01-02T03:04:05.1234567Z",
        "2026-01-02T03:04:05.12345Z", "20260102T030405.123456Z", "2026-01-02T03:04:05.12345xZ",
        "๒๐๒๖-01-02T03:04:05Z", "2026-01-02T03:04:05z",
    ],
    sa.Date: [
        "2026-01-02", "2026-02-29", "2024-02-29", "2026-W01-1", "20260102", "2026-1-2",
        "2026-01-2 ", "๒๐๒๖-01-02", "0001-01-01", "2026-01-02T00:00:00Z", 20260102,
    ],
    sa.Integer: [2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**30, "12", 1.0],
    sa.Boolean: ["true", "1", 2],
    sa.String: ["x\x00y", "ก" * 5000, "ข" * 36, "ข" * 37, "a\udc80b", "\t\n"],
    sa.JSON: [{"a": [1, 2, {"b": None}]}, "text", float("nan"), {"k": "\ud800"}],
}


def _extra(column: sa.Column) -> list:
    out = []
    for kind, values in BY_TYPE.items():
        if isinstance(column.type, kind):
            out += values
    if isinstance(column.type, sa.Enum):
        out += list(column.type.enums) + ["BOGUS", column.type.enums[0].upper() + "x"]
    if isinstance(column.type, sa.String) and column.type.length:
        n = column.type.length
        out += ["ก" * n, "ก" * (n + 1)]
    return out


def _careful(column: sa.Column, value):
    processor = column.type.dialect_impl(DIALECT).bind_processor(DIALECT)
    decoded = decode_value(column, value)
    return decoded if processor is None else processor(decoded)


def _outcome(fn, value):
    try:
        return ("ok", fn(value))
    except WireValueError as exc:
        return ("refused", exc.field)


COLUMNS = [
    (name, column)
    for name, model in sorted(SYNCED_MODELS.items())
    for column in content_columns(model.__table__)
]


@pytest.mark.parametrize("table,column", [(t, c.name) for t, c in COLUMNS])
def test_every_columns_stored_value_is_what_sqlalchemy_stores(table, column):
    col = SYNCED_MODELS[table].__table__.c[column]
    fast = codec(table).storage[column]
    for value in COMMON + _extra(col):
        plain_text = isinstance(col.type, sa.String) and not isinstance(col.type, sa.Enum)
        if isinstance(value, str) and plain_text and "\udc80" in value:
            # Left to the driver (codecs' docstring): SQLite refuses to bind it.
            assert _outcome(lambda v: _careful(col, v), value)[0] == "refused"
            kind, stored = _outcome(fast, value)
            if kind == "ok":
                with pytest.raises(UnicodeEncodeError):
                    sqlite3.connect(":memory:").execute("SELECT ?", (stored,))
            continue
        assert _outcome(fast, value) == _outcome(lambda v: _careful(col, v), value), (
            table, column, value)


def _demo_images(tmp_path, seed: int):
    """A small demo province built the careful way (SQLAlchemy's own bind processors and
    column defaults), read back, and encoded as the server sends it."""
    build_demo(tmp_path / "source", "34", "small", seed=seed)
    source = open_store(tmp_path / "source", seed_reference=False)
    rows_by_table: dict[str, dict[str, dict]] = {}
    images = []
    try:
        with source.engine.connect() as conn:
            for name, model in SYNCED_MODELS.items():
                table = model.__table__
                cols = content_columns(table)
                rows = [dict(r._mapping) for r in conn.execute(sa.select(table))]
                if not rows or model.__sync_scope__ != "province":
                    continue
                rows_by_table[name] = {r["id"]: r for r in rows}
                for row in rows:
                    images.append({
                        "table": name,
                        "row_id": row["id"],
                        "seq": len(images) + 1,
                        "deleted": False,
                        "fields": {c.name: encode_value(c, row[c.name]) for c in cols},
                    })
    finally:
        source.close()
    return rows_by_table, images


@pytest.fixture(params=[None, 40], ids=["full-statements", "small-statements"])
def row_writer(request, monkeypatch):
    """The values bound per multi-row upsert: this SQLite's usual figure, and a small one
    that splits every table's rows into many statements and a shorter last one."""
    if request.param is not None:
        monkeypatch.setattr(codecs, "MAX_PARAMS", request.param)
    return codecs.MAX_PARAMS


def _statements(store) -> list[tuple[str, bool]]:
    """Each statement run on the store, and whether it ran as an executemany."""
    said: list[tuple[str, bool]] = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda _c, _cur, statement, _p, _ctx, many: said.append((statement, many)))
    return said


def test_a_snapshot_page_stores_the_generators_values_and_indexes_them(tmp_path, row_writer):
    rows_by_table, images = _demo_images(tmp_path, 5)
    assert len(images) > pages.BULK_INDEX_ROWS  # the set-based search index is used
    store = open_store(tmp_path / "laptop", seed_reference=True)
    said = _statements(store)
    try:
        with write_transaction(store) as conn:
            result = pages.apply_page(conn, images)
        # Every row in a multi-row upsert, none bound one by one (executemany), none
        # binding more values than allowed; the oracle for the rows written is the
        # statements' own text: one "(?, ...)" group per row.
        inserts = [(s, many) for s, many in said
                   if s.startswith("INSERT INTO") and s.split()[2].strip('"') in SYNCED_MODELS]
        assert inserts and not [s for s, many in inserts if many]
        assert max(s.count("?") for s, _ in inserts) <= row_writer
        assert sum(s.count("(?") for s, _ in inserts) == len(images)
        if row_writer < 1000:
            assert len(inserts) > 2 * len(rows_by_table)
        assert result.skipped == []
        assert result.applied == len(images)
        seqs: dict[str, dict[str, int]] = {}
        for image in images:
            seqs.setdefault(image["table"], {})[image["row_id"]] = image["seq"]
        with store.engine.connect() as conn:
            for name, rows in rows_by_table.items():
                table = SYNCED_MODELS[name].__table__
                stored = {r.id: dict(r._mapping) for r in conn.execute(sa.select(table))}
                assert {k: v.pop("seq") for k, v in stored.items()} == seqs[name]
                assert stored == {k: {c: v for c, v in r.items() if c != "seq"}
                                  for k, r in rows.items()}, name
            # The search index holds every searchable row, as the triggers would write it
            # (the oracle: the row's own name, searched for).
            for name in ("community", "person", "organization", "project"):
                table = SYNCED_MODELS[name].__table__
                n_rows = conn.scalar(sa.select(sa.func.count()).select_from(table))
                n_index = conn.exec_driver_sql(f'SELECT count(*) FROM "fts_{name}"').scalar()
                assert n_index == n_rows, name
            person = list(rows_by_table["person"].values())[7]
            found = conn.exec_driver_sql(
                "SELECT row_id FROM fts_person WHERE fts_person MATCH ?",
                (f"\"{person['last_name']}\"",),
            ).scalars().all()
            assert person["id"] in found
            # The triggers are back: a later write keeps the index current.
            triggers = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts_%'"
            ).scalar()
            assert triggers == 15  # three for each of the five searchable tables
    finally:
        store.close()


def test_a_bad_value_skips_its_row_and_only_its_row(tmp_path, row_writer):
    _rows, images = _demo_images(tmp_path, 6)
    people = [i for i in images if i["table"] == "person"]
    bad_type, bad_time, surrogate = people[0], people[1], people[2]
    bad_type["fields"]["first_name"] = 12
    bad_time["fields"]["created_at"] = "2026-02-30T00:00:00Z"
    surrogate["fields"]["last_name"] = "สม\udc80ใจ"  # only a stdlib-parsed page can hold one
    people[3]["fields"]["a_field_of_a_newer_server"] = "ignored"
    store = open_store(tmp_path / "laptop", seed_reference=True)
    try:
        with write_transaction(store) as conn:
            result = pages.apply_page(conn, images)
        assert len(result.skipped) == 3
        assert result.applied == len(images) - 3
        assert any("first_name" in s for s in result.skipped)
        assert any("created_at" in s for s in result.skipped)
        assert any("surrogate" in s for s in result.skipped)
        table = SYNCED_MODELS["person"].__table__
        with store.engine.connect() as conn:
            ids = set(conn.execute(sa.select(table.c.id)).scalars())
        assert ids == {p["row_id"] for p in people} - {
            bad_type["row_id"], bad_time["row_id"], surrogate["row_id"]}
    finally:
        store.close()


@pytest.mark.parametrize("table,column", [(t, c.name) for t, c in COLUMNS])
def test_a_whole_column_check_accepts_only_what_every_value_check_accepts(table, column):
    col = SYNCED_MODELS[table].__table__.c[column]
    check = column_check(col)
    if check is None:
        return
    # A lone surrogate is left to the driver (see the tests above), so not here.
    candidates = [v for v in COMMON + _extra(col) if not (isinstance(v, str) and "\udc80" in v)]
    accepted = [v for v in candidates if _outcome(lambda v: _careful(col, v), v)[0] == "ok"]
    columns = [(v,) for v in candidates] + [(a, v, a) for a in accepted[:2] for v in candidates]
    columns.append(tuple(accepted))
    for values in columns:
        try:
            stored = check(values)
        except NotFast:
            continue
        assert list(stored) == [_careful(col, v) for v in values], (table, column, values)


TYPICAL = {
    UTCDateTime: ["2026-01-02T03:04:05.123456Z", "2026-01-02T03:04:05Z", None],
    sa.Date: ["2026-01-02", None],
    sa.Integer: [0, 12, -(2**63), 2**63 - 1, None],
    sa.Boolean: [True, False, None],
    sa.String: ["ชุมชนบ้านโนน", "", None],
}


@pytest.mark.parametrize("kind", list(TYPICAL), ids=lambda k: k.__name__)
def test_a_column_of_usual_values_takes_the_fast_path(kind):
    column = sa.Column("x", kind(), nullable=True)
    stored = column_check(column)(tuple(TYPICAL[kind]))
    assert list(stored) == [_careful(column, v) for v in TYPICAL[kind]]


# by hand: texts whose JSON form needs escapes, and the integer bounds
AWKWARD_TEXTS = [
    'บ้าน "หนองบัว"', "back\\slash", "line\nbreak\ttab\r", "ก่ำ ป่าน้ำ", "👪 ครอบครัว",
    "\u0e01\u0e34\u0e4a", "'single'", "\x01\x1f control", "/ slash", "", "  spaces  ",
]


def test_multi_row_upserts_store_exactly_the_values_given(tmp_path, row_writer):
    store = open_store(tmp_path / "laptop", seed_reference=False)
    plan = codec("community").plan(("name", "households", "population", "province_code",
                                    "kind", "created_at", "updated_at"))
    stamp = "2026-01-15 03:00:00.000000"
    rows = [
        (text, 2**63 - 1 if i % 2 else 0, None, "34", "village", stamp, stamp,
         f"00000000-0000-7000-8000-{i:012d}", i)
        for i, text in enumerate(AWKWARD_TEXTS)
    ]
    try:
        with write_transaction(store) as conn:
            pages.write_rows(conn, plan, rows, pages.PageResult())
        with store.engine.connect() as conn:
            got = conn.exec_driver_sql(
                "SELECT name, households, population, typeof(households), typeof(population),"
                " seq FROM community ORDER BY seq").fetchall()
        assert [tuple(r) for r in got] == [
            (text, row[1], None, "integer", "null", i)
            for i, (text, row) in enumerate(zip(AWKWARD_TEXTS, rows, strict=True))
        ]
    finally:
        store.close()


def test_a_text_sqlite_refuses_skips_its_row_and_keeps_every_other(tmp_path, monkeypatch):
    """A lone surrogate (only a page the standard library parsed can hold one) makes the
    driver refuse the statement it is in: the rows are then written one by one, that row
    alone skipped, whichever statement it fell in."""
    monkeypatch.setattr(codecs, "MAX_PARAMS", 27)  # three rows of nine values a statement
    store = open_store(tmp_path / "laptop", seed_reference=False)
    plan = codec("community").plan(("name", "households", "population", "province_code",
                                    "kind", "created_at", "updated_at"))
    stamp = "2026-01-15 03:00:00.000000"
    names = [f"ชุมชน {i}" for i in range(10)]
    names[4] = "สม\udc80ใจ"
    rows = [(name, i, None, "34", "village", stamp, stamp,
             f"00000000-0000-7000-8000-{i:012d}", i) for i, name in enumerate(names)]
    result = pages.PageResult(applied=len(rows))
    try:
        with write_transaction(store) as conn:
            pages.write_rows(conn, plan, rows, result)
        with store.engine.connect() as conn:
            got = conn.exec_driver_sql("SELECT seq, name FROM community ORDER BY seq").fetchall()
        assert [tuple(r) for r in got] == [(i, n) for i, n in enumerate(names) if i != 4]
        assert result.applied == 9
        assert len(result.skipped) == 1 and "00000000-0000-7000-8000-000000000004" in \
            result.skipped[0]
    finally:
        store.close()
