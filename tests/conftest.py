"""Test-wide set-up: headless Qt, pythainlp data kept out of the home folder, cheap
password hashing, and new local databases made by copying one made for real."""

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

# Set before anything imports Qt or pythainlp.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "codi-pythainlp-data"))
os.environ.setdefault("CODI_ENV", "test")
# Cheap argon2 for the test suite (server processes inherit it; production keeps the
# library's recommended cost). Set before codi_server.auth is imported.
os.environ.setdefault("CODI_SERVER_ARGON2_TIME_COST", "1")
os.environ.setdefault("CODI_SERVER_ARGON2_MEMORY_KIB", "8192")


@pytest.fixture(scope="session", autouse=True)
def _new_databases_from_one_made_for_real(tmp_path_factory):
    """Creating a local database runs every migration and seeds ~9,000 reference rows
    (about 1.5 s); the suite opens hundreds of new ones. The first new database of the
    session is made by the real code (``open_store``: migrations and seeding); every later
    *new* file in this test process is a byte copy of it (SQLite's backup API). Existing
    files (older schema fixtures, re-opened laptops) always go through the real upgrade,
    and so do the command-line tests, which run in their own processes. Set
    ``CODI_TEST_REAL_NEW_DATABASES=1`` to make every new database for real."""
    if os.environ.get("CODI_TEST_REAL_NEW_DATABASES") == "1":
        yield
        return
    from codi_desktop.store import database

    template_dir = tmp_path_factory.mktemp("new-database-template")
    database.open_store(template_dir).close()
    template = database.paths.database_path(template_dir)
    real_upgrade = database.upgrade_database

    def upgrade_database(db_path: Path, backups: Path):
        if Path(db_path).exists():
            return real_upgrade(db_path, backups)
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        src, dst = sqlite3.connect(template), sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "upgrade_database", upgrade_database)
        yield
