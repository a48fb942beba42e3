"""sort key indexes: the list pages' Thai name order read from an index

The communities, organizations and people lists open sorted by name in Thai dictionary
order, ``ORDER BY thai_key(name)`` (``codi_desktop.collation``: a Python function SQLite
calls per row). Over a cluster account's 24,000 communities every keystroke of a search
re-sorted its matches through Python. These indexes hold each row's key, computed by
SQLite itself whenever a row is written: by the services, by the sync's raw
``INSERT ... ON CONFLICT`` statements (whose explicit column lists would miss a key
column the app filled), by the demo generator, and here for the rows already in the
file. ``thai_key()`` is registered as deterministic on every connection of the store
(``store.database.make_engine``); the key's version is kept in ``local_setting``
``sort_key_version`` so that a laptop whose key changes has the indexes rebuilt
(``store.sort_keys.ensure_sort_keys``). The id comes next (the lists' tie-breaker, so
the index gives the whole order), then the province and the tombstone, which the lists
filter on, so that paging through the order reads no table row it skips.

Local only: nothing about the synced rows or the wire changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:00:00
"""

import json
from collections.abc import Sequence

from alembic import op

from codi_desktop import collation

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: index name -> (table, key expression); the lists' ORDER BY must be the same
#: expression (tests/unit/test_sort_key_index.py checks that the plans use them).
INDEXES: dict[str, tuple[str, str]] = {
    "ix_community_sort_name": ("community", "thai_key(name)"),
    "ix_organization_sort_name": ("organization", "thai_key(name)"),
    "ix_person_sort_name": ("person", "thai_key(first_name || ' ' || last_name)"),
}


def upgrade() -> None:
    for name, (table, key) in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} ({key}, id, province_code, deleted_at)")
    op.execute(
        "INSERT OR REPLACE INTO local_setting (key, value) VALUES ('sort_key_version', '"
        + json.dumps(collation.key_version()) + "')"
    )


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DELETE FROM local_setting WHERE key = 'sort_key_version'")
