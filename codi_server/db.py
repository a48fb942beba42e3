"""The server database: engines for SQLite (embedded default) and PostgreSQL, migrations,
and the one-time preparation (server state row, national reference data with seqs).

SQLite: WAL, and every write transaction starts with ``BEGIN IMMEDIATE`` so writers queue
on the database lock instead of failing half-way; reads are plain snapshot transactions.
PostgreSQL: READ COMMITTED plus explicit row locks (see ``codi_server.apply``); pulls run
in REPEATABLE READ so a page is one consistent snapshot.
"""

from __future__ import annotations

import functools

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from . import schema
from .engines import (  # noqa: F401  (re-exported: the server's one place for engines)
    APP_AUTHOR,
    APP_NAME,
    DB_FILENAME,
    default_database_url,
    make_engine,
    write_connection,
)
from .reference import ensure_reference_data


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "codi_server:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Bring the database to the head revision (a no-op when it is there)."""
    if current_revision(engine) == head_revision():
        return
    with write_connection(engine) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            # Two processes starting at once must not both create the tables.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(84700001)")
            if MigrationContext.configure(conn).get_current_revision() == head_revision():
                return
        command.upgrade(alembic_config(conn), "head")


def prepare(engine: sa.Engine) -> None:
    """Migrate, make the state row, and seed national reference data with seqs."""
    upgrade(engine)
    with write_connection(engine) as conn, conn.begin():
        have = conn.execute(sa.select(schema.server_state.c.id)).first()
        if have is None:
            conn.execute(
                sa.insert(schema.server_state).values(id=1, last_seq=0, purged_seq=0)
            )
    ensure_reference_data(engine)
