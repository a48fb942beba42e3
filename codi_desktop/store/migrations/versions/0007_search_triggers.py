"""search index triggers: the meetings' put back, and entries rewritten only when their text changes

Two faults of the search index's triggers (migration 0002) are mended here.

- Migration 0005 rebuilt the ``meeting`` table (SQLite cannot alter a CHECK constraint in
  place), and a rebuilt table loses its triggers. From then on the meetings list's
  search knew nothing of a meeting added, renamed or deleted after the upgrade, and the
  rebuild had renumbered the rows the index's entries point to. The three triggers are
  made again and ``fts_meeting`` is rebuilt from the rows.
- The update triggers fired on every UPDATE of a searchable table, whatever the columns:
  writing back the server's seq of each row a push inserted, or stamping ``deleted_at``,
  deleted and re-tokenised the row's trigram entry for nothing. They are now ``AFTER
  UPDATE OF`` the columns the entry is made of (those its expression reads from
  ``NEW``), so the entries are the same as before, row for row.

The expressions are 0002's, copied: a migration says what the schema was when it ran.

Local only: nothing about the synced rows or the wire changes (``LOCAL_ONLY_REVISIONS``
in ``codi_desktop.store.database``; a change set still names the wire's newest schema).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 13:00:00
"""

import re
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sub(alias: str) -> str:
    return (
        f"coalesce((SELECT s.name_th || ' ' || d.name_th FROM subdistrict s "
        f"JOIN district d ON d.id = s.district_id WHERE s.id = {alias}.subdistrict_id), '')"
    )


# table -> SQL expression (over the alias NEW / t) giving the searchable text (as 0002).
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


def indexed_columns(table: str) -> list[str]:
    """The columns of ``table`` an entry is made of, in the order its expression names
    them (the id, which the entry keeps too, among them)."""
    names = ["id", *re.findall(r"\{a\}\.(\w+)", INDEXED[table])]
    return list(dict.fromkeys(names))


def _triggers(table: str, update_of: Sequence[str] | None) -> list[str]:
    fts, new = f"fts_{table}", INDEXED[table].format(a="NEW")
    insert = f"INSERT INTO {fts}(rowid, row_id, body) VALUES (NEW.rowid, NEW.id, {new}); "
    when = "UPDATE" if update_of is None else "UPDATE OF " + ", ".join(update_of)
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert}END",
        f"CREATE TRIGGER {fts}_au AFTER {when} ON {table} BEGIN "
        f"DELETE FROM {fts} WHERE rowid = OLD.rowid; {insert}END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {fts} WHERE rowid = OLD.rowid; END",
    ]


def _replace_triggers(update_of: bool) -> None:
    bind = op.get_bind()
    for table in INDEXED:
        fts = f"fts_{table}"
        had = bind.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
            {"n": f"{fts}_ai"},
        ).scalar_one()
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        for sql in _triggers(table, indexed_columns(table) if update_of else None):
            op.execute(sql)
        if not had:  # its entries are stale (0005): made again from the rows
            op.execute(f"DELETE FROM {fts}")
            op.execute(
                f"INSERT INTO {fts}(rowid, row_id, body) "
                f"SELECT t.rowid, t.id, {INDEXED[table].format(a='t')} FROM {table} t"
            )


def upgrade() -> None:
    _replace_triggers(update_of=True)


def downgrade() -> None:
    # Back to 0002's triggers (the meetings' too: 0006 without them was a fault).
    _replace_triggers(update_of=False)
