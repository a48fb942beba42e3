"""The sort-key indexes' keys kept equal to this laptop's ``thai_key()``.

Migration 0006 indexes ``thai_key(name)`` (communities, organizations) and the person's
first and last name, so that the list pages read the Thai order from an index instead of
calling Python per row. SQLite stores the key an index entry was computed with; if
``thai_key()`` computes another key later (PyICU installed or removed, ICU upgraded, the
rule changed), those entries would no longer match and the order would be wrong. The
store notes the key's version (``collation.key_version()``) in ``local_setting``
``sort_key_version`` and rebuilds the indexes when it opens a file whose version
differs: one query at every start, the rebuild (well under a second for a cluster
laptop's 100,000 named rows) only when the key changed.
"""

from __future__ import annotations

import json
import logging

import sqlalchemy as sa

from codi_desktop import collation

log = logging.getLogger(__name__)

SETTING = "sort_key_version"
#: the indexes of migration 0006 (their names there)
INDEXES = ("ix_community_sort_name", "ix_organization_sort_name", "ix_person_sort_name")


def ensure_sort_keys(engine: sa.Engine) -> bool:
    """Rebuild the sort-key indexes if their keys are another ``thai_key()``'s. Returns
    whether it rebuilt them."""
    want = collation.key_version()
    with engine.connect() as conn:
        have = conn.exec_driver_sql(
            "SELECT value FROM local_setting WHERE key = ?", (SETTING,)).scalar()
        if have is not None and json.loads(have) == want:
            return False
        present = set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
        if not present.intersection(INDEXES):
            return False  # not at schema 0006 (a file left unopened by this version)
    log.info("sort keys were %s, now %s: rebuilding their indexes", have, want)
    # the write lock up front (store.database._begin), as every writer of the store
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        for name in INDEXES:
            if name in present:
                conn.exec_driver_sql(f"REINDEX {name}")
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
            (SETTING, json.dumps(want)))
    return True
