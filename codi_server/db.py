"""The server database: engines for SQLite (embedded default) and PostgreSQL, migrations,
and the one-time preparation (server state row, national reference data with seqs).

SQLite: WAL, and every write transaction starts with ``BEGIN IMMEDIATE`` so writers queue
on the database lock instead of failing half-way; reads are plain snapshot transactions.
PostgreSQL: READ COMMITTED plus explicit row locks (see ``codi_server.apply``); pulls run
in REPEATABLE READ so a page is one consistent snapshot.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event

from . import schema

APP_NAME = "CODI Server"
APP_AUTHOR = "CODI"
DB_FILENAME = "codi-server.sqlite3"


def default_database_url() -> str:
    """The embedded default: a SQLite file in the platform's data folder."""
    env = os.environ.get("CODI_SERVER_DATABASE_URL")
    if env:
        return env
    folder = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DB_FILENAME}"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy (not the driver) emit BEGIN, so BEGIN IMMEDIATE is possible.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged push survives a power cut too, not only a process crash.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, pool_size=8, max_overflow=32, pool_timeout=60)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # No pre-ping (a round trip per checkout); a dropped connection is discarded when it
    # fails, that request gets a 503 with Retry-After, and the client retries.
    return sa.create_engine(url, pool_size=5, max_overflow=20, pool_recycle=600, pool_timeout=30)


def write_connection(engine: sa.Engine) -> sa.Connection:
    """A connection whose transactions take the write lock up front (SQLite)."""
    conn = engine.connect()
    if engine.dialect.name == "sqlite":
        conn = conn.execution_options(sqlite_immediate=True)
    return conn


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
    from .reference import ensure_reference_data

    upgrade(engine)
    with write_connection(engine) as conn, conn.begin():
        have = conn.execute(sa.select(schema.server_state.c.id)).first()
        if have is None:
            conn.execute(
                sa.insert(schema.server_state).values(id=1, last_seq=0, purged_seq=0)
            )
    ensure_reference_data(engine)
