"""Engines for the server database: SQLite (the embedded default) and PostgreSQL.

SQLite: WAL, and every write transaction starts with ``BEGIN IMMEDIATE`` so writers queue
on the database lock instead of failing half-way; reads are plain snapshot transactions.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from sqlalchemy import event

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
