"""search index: FTS5 trigram tables for the list pages' search boxes

The list pages search Thai names as the person types. Thai has no spaces, so a word
tokenizer would miss substrings; FTS5's trigram tokenizer (SQLite >= 3.34) matches any
substring of three characters or more. Shorter text falls back to LIKE in the queries.

One ``fts_<table>`` per searchable table, keyed by the base row's rowid (the tables keep
their implicit rowid; the id is stored too, so results never depend on a join by
rowid). Triggers keep the index up to date on every insert, update and delete, whatever
the writer is (services, sync applying pulled rows, the demo generator). Tables named
``fts_*`` are skipped by the alembic check (migrations/env.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 20:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sub(alias: str) -> str:
    return (
        f"coalesce((SELECT s.name_th || ' ' || d.name_th FROM subdistrict s "
        f"JOIN district d ON d.id = s.district_id WHERE s.id = {alias}.subdistrict_id), '')"
    )


# table -> SQL expression (over the alias NEW / OLD / t) giving the searchable text.
INDEXED: dict[str, str] = {
    "community": (
        "coalesce({a}.name, '') || ' ' || coalesce({a}.leader_name, '') || ' ' || "
        "coalesce({a}.phone, '') || ' ' || " + _sub("{a}")
    ),
    "organization": (
        "coalesce({a}.name, '') || ' ' || coalesce({a}.phone, '') || ' ' || " + _sub("{a}")
    ),
    "person": (
        "coalesce({a}.prefix, '') || coalesce({a}.first_name, '') || ' ' || "
        "coalesce({a}.last_name, '') || ' ' || coalesce({a}.position, '') || ' ' || "
        "coalesce({a}.phone, '') || ' ' || coalesce({a}.email, '')"
    ),
    "project": "coalesce({a}.code, '') || ' ' || coalesce({a}.name, '') || ' ' || "
    + _sub("{a}"),
    "meeting": "coalesce({a}.title, '') || ' ' || coalesce({a}.place, '') || ' ' || "
    "coalesce({a}.organiser, '')",
}


def upgrade() -> None:
    for table, expr in INDEXED.items():
        fts = f"fts_{table}"
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5(row_id UNINDEXED, body, tokenize='trigram')"
        )
        op.execute(
            f"INSERT INTO {fts}(rowid, row_id, body) "
            f"SELECT t.rowid, t.id, {expr.format(a='t')} FROM {table} t"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, row_id, body) "
            f"VALUES (NEW.rowid, NEW.id, {expr.format(a='NEW')}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = OLD.rowid; "
            f"INSERT INTO {fts}(rowid, row_id, body) "
            f"VALUES (NEW.rowid, NEW.id, {expr.format(a='NEW')}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {fts} WHERE rowid = OLD.rowid; END"
        )


def downgrade() -> None:
    for table in INDEXED:
        fts = f"fts_{table}"
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
