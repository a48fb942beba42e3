"""``codi-server demo``: fill the server with demo provinces from the foundation's
generator (``codi_core.demo.generate_demo``), in bulk, with seqs: one province, several
(``--provinces 30,31,32,36,40,44``: a cluster account's scope) or the whole country at a
realistic mix of sizes (``--country``: ``COUNTRY_LARGE`` at the large scale, every other
province small; about 2.4 million rows). Each province is its own transaction; on
PostgreSQL the statistics of the tables it filled and of the row log are refreshed after
each province (ANALYZE), as autovacuum would do later, so the next province's id lookups
and the first pulls after a bulk load get good plans at once.

The generator yields ``(model, rows)`` in foreign-key order; each batch is inserted with
one executemany and gets consecutive seqs in that order, so a snapshot pull delivers
parents before children. One transaction: the counter is taken per batch (the counter
row stays locked until the commit, which keeps seqs in commit order).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS, utcnow

from . import schema
from .db import write_connection
from .images import image_json
from .seqs import log_new_rows, take_seqs

# The provinces with the most CODI activity (and people): large in the --country mix.
COUNTRY_LARGE = ("10", "20", "30", "31", "34", "40", "41", "50", "80", "90")


def country_plan() -> list[tuple[str, str]]:
    """(province, scale) for every province of the country (the clusters' provinces)."""
    from codi_core.reference import CLUSTERS

    codes = sorted({code for cluster in CLUSTERS for code in cluster[4]})
    return [(code, "large" if code in COUNTRY_LARGE else "small") for code in codes]


def load_demos(
    engine: sa.Engine, plan: list[tuple[str, str]], seed: int = 1, progress=None
) -> dict[str, int]:
    """Several provinces, one transaction each; row counts per table over all of them."""
    totals: dict[str, int] = {}
    for province, scale in plan:
        counts = load_demo(engine, province, scale, seed)
        for name, n in counts.items():
            totals[name] = totals.get(name, 0) + n
        if progress is not None:
            progress(province, scale, sum(counts.values()))
        if engine.dialect.name == "postgresql":
            # The next province asks which of its ids exist: without statistics that
            # see this province's rows, PostgreSQL may plan those lookups as whole-table
            # scans (seen: a cluster's load went from 3 minutes to beyond 10).
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for name in counts:
                    conn.exec_driver_sql(f'ANALYZE "{name}"')
                conn.exec_driver_sql("ANALYZE row_log")
    return totals


def load_demo(engine: sa.Engine, province: str, scale: str, seed: int = 1) -> dict[str, int]:
    from codi_core.demo import generate_demo

    counts: dict[str, int] = {}
    now = utcnow()
    with write_connection(engine) as conn, conn.begin():
        for model, rows in generate_demo(province, scale, seed):
            name = model.__tablename__
            if name not in SYNCED_MODELS or not rows:
                continue  # local-only tables are not the server's
            table = schema.DOMAIN_TABLES[name]
            have = _existing_ids(conn, table, [r["id"] for r in rows])
            fresh = [r for r in rows if r["id"] not in have]
            if not fresh:
                continue
            first = take_seqs(conn, len(fresh))
            params: list[dict[str, Any]] = []
            for offset, row in enumerate(fresh):
                values = {k: v for k, v in row.items() if k in table.c}
                for column in table.columns:  # what the INSERT's defaults would give
                    if column.name not in values and column.default is not None:
                        if column.default.is_scalar:
                            values[column.name] = column.default.arg
                        elif column.default.is_callable and column.name not in ("id",):
                            values[column.name] = column.default.arg(None)
                values["seq"] = first + offset
                values.setdefault("created_at", now)
                values.setdefault("updated_at", now)
                params.append(values)
            for start in range(0, len(params), 2000):
                conn.execute(sa.insert(table), params[start : start + 2000])
            log_new_rows(
                conn,
                name,
                [
                    (p["id"], p.get("province_code"), p.get("deleted_at") is not None, p["seq"],
                     image_json(name, _Missing(p)))
                    for p in params
                ],
                now,
            )
            counts[name] = counts.get(name, 0) + len(fresh)
    return counts


class _Missing(dict):
    """A row dict where a column the generator left out reads as None."""

    def __missing__(self, key: str) -> None:
        return None


def _existing_ids(conn: sa.Connection, table: sa.Table, ids: list[str]) -> set[str]:
    have: set[str] = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        have.update(conn.execute(sa.select(table.c.id).where(table.c.id.in_(chunk))).scalars())
    return have
