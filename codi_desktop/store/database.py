"""The local SQLite database: open or create it, upgrade it safely, hand out sessions.

Opening runs the packaged alembic migrations after a backup of the file (the last few
are kept); if an upgrade fails, the backup is put back so the previous file stays
usable, and ``MigrationError`` says so.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from codi_core.models import ChangeSet, ChangeSetStatus, LocalSetting
from codi_core.wire import SCHEMA_VERSIONS
from codi_desktop import collation

from . import paths
from .capture import finish_change_set, install_capture
from .sort_keys import ensure_sort_keys

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

KEEP_BACKUPS = 5


class MigrationError(RuntimeError):
    """An upgrade failed; the database file was restored from its backup."""


def alembic_config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config  # alembic loads only when a file needs upgrading

    cfg = Config()
    cfg.set_main_option("script_location", "codi_desktop.store:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


#: Local schema revisions that change only this file (indexes, triggers), never the
#: synced tables: a change set written under one names the wire's newest schema
#: (``wire_schema``), so a server that does not know the revision still takes it.
#: 0006 was released while every revision was listed in ``SCHEMA_VERSIONS``, and stays
#: there (laptops have change sets that name it).
LOCAL_ONLY_REVISIONS = ("0007",)

#: Every revision of the local schema, oldest first (``tests/unit/test_schema_versions.py``
#: holds it equal to the migrations and their head).
REVISIONS = tuple(sorted(SCHEMA_VERSIONS + LOCAL_ONLY_REVISIONS))


def head_revision() -> str:
    """The schema this app's files are at: the migrations' head, known without loading
    alembic (a third of a second at every start)."""
    return REVISIONS[-1]


def wire_schema() -> str:
    """The schema a change set written now names (``schema_version`` on the wire): the
    newest revision that changed what is synced (``codi_core.wire.SCHEMA_VERSIONS``)."""
    return SCHEMA_VERSIONS[-1]


def current_revision(engine: sa.Engine) -> str | None:
    """The revision alembic stamped in the file (None: a new, empty file)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                "AND name = 'alembic_version'").first() is None:
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite would begin a transaction only at the first INSERT/UPDATE, so the reads of
    # an action before its first write would each see whatever another connection (the
    # background sync) had committed by then. Let SQLAlchemy emit BEGIN instead, at the
    # transaction's first statement (see _begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()
    collation.register(dbapi_conn)  # ORDER BY ... COLLATE THAI (Thai dictionary order)


def _begin(conn: sa.Connection) -> None:
    """Start every transaction explicitly; writers take the write lock up front.

    ``BEGIN IMMEDIATE`` (execution option ``sqlite_immediate``) for actions and sync
    writes: their read-then-write checks (budget room, a free meeting number, "already
    reversed") run on a database no other writer changes until they commit. Plain reads
    get ``BEGIN``: one snapshot from their first read to the end.
    """
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(db_path: Path | str) -> sa.Engine:
    url = f"sqlite:///{db_path}" if str(db_path) != ":memory:" else "sqlite://"
    engine = sa.create_engine(url)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def pragma(conn: sa.Connection, sql: str) -> None:
    """Run a PRAGMA outside any transaction (some are refused or ignored inside one), on
    the driver connection, which is in autocommit mode between transactions."""
    if conn.in_transaction():
        conn.commit()
    conn.connection.driver_connection.execute(sql)


def writer(engine: sa.Engine) -> sa.Engine:
    """The same engine, its transactions beginning with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(sqlite_immediate=True)


def backup_database(db_path: Path, backups: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup (consistent even in WAL mode)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"codi-{stamp}-{label}.sqlite3"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    old = sorted(backups.glob("codi-*.sqlite3"))
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target


def upgrade_database(db_path: Path, backups: Path) -> Path | None:
    """Bring the file to the head revision. Returns the backup made, if any."""
    engine = make_engine(db_path)
    try:
        if db_path.exists():
            from . import deferred

            deferred.restore_file(engine)  # a first snapshot cut short by a crash
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return None
        backup = None
        has_tables = bool(sa.inspect(engine).get_table_names())
        if has_tables:
            backup = backup_database(db_path, backups, f"before-{head}")
        try:
            from alembic import command

            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
        except Exception as exc:
            engine.dispose()
            if backup is not None:
                _restore(backup, db_path)
                raise MigrationError(
                    f"Upgrading the database to {head} failed ({exc}); the previous file "
                    f"was restored from {backup} and is still usable."
                ) from exc
            raise MigrationError(f"Creating the database failed: {exc}") from exc
        return backup
    finally:
        engine.dispose()


def _restore(backup: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(backup, db_path)


@dataclass
class Store:
    """An open local database: its folder, engine and session factory."""

    data_dir: Path
    engine: sa.Engine
    sessions: sessionmaker[Session]
    last_backup: Path | None = None
    author: str = "local"
    _is_demo: bool | None = None

    @property
    def path(self) -> Path:
        return paths.database_path(self.data_dir)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading. Closing it discards anything written through it, while
        the rows it loaded stay readable (detached, not expired)."""
        session = self.sessions()
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def action(self, summary: str, author: str | None = None) -> Iterator[Session]:
        """One user action: one transaction that commits its rows and their change set.

        Anything raised inside rolls everything back: nothing is half-written and no
        change set is queued.
        """
        with self.sessions(bind=writer(self.engine)) as session, session.begin():
            yield session
            finish_change_set(
                session,
                summary=summary,
                author=author or self.author,
                schema_version=wire_schema(),
                local_only=self.is_demo,
            )

    @property
    def is_demo(self) -> bool:
        if self._is_demo is None:
            self._is_demo = bool(self.get_setting("demo", False))
        return self._is_demo

    @property
    def province_code(self) -> str | None:
        return self.get_setting("province_code")

    def count_pending(self) -> int:
        """Change sets waiting in the outbox."""
        with self.read() as s:
            return int(
                s.scalar(
                    sa.select(sa.func.count())
                    .select_from(ChangeSet)
                    .where(ChangeSet.status == ChangeSetStatus.PENDING)
                )
                or 0
            )

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.read() as s:
            row = s.get(LocalSetting, key)
            return default if row is None else row.value

    def get_settings(self, *keys: str) -> dict[str, Any]:
        """Several settings in one query: key -> value (absent keys are left out)."""
        with self.read() as s:
            rows = s.execute(
                sa.select(LocalSetting.key, LocalSetting.value).where(LocalSetting.key.in_(keys))
            )
            return {key: value for key, value in rows}

    def set_setting(self, key: str, value: Any) -> None:
        """Local facts (not synced, never captured as a change)."""
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, Any]) -> None:
        """Several local facts in one transaction."""
        with self.sessions(bind=writer(self.engine)) as s, s.begin():
            s.info["capture"] = False
            for key, value in values.items():
                s.merge(LocalSetting(key=key, value=value))
        if "demo" in values:
            self._is_demo = bool(values["demo"])

    def close(self) -> None:
        self.engine.dispose()


def open_store(data_dir: str | Path | None = None, *, seed_reference: bool = True) -> Store:
    """Open (creating and upgrading as needed) the database in ``data_dir``."""
    from codi_core.reference import ensure_reference_data

    folder = paths.resolve_data_dir(data_dir)
    db_path = paths.database_path(folder)
    backup = upgrade_database(db_path, paths.backups_dir(folder))
    engine = make_engine(db_path)
    ensure_sort_keys(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    install_capture(sessions)
    store = Store(folder, engine, sessions, backup)
    if seed_reference:
        ensure_reference_data(store)
    return store
