"""Databases from every released schema upgrade to head and keep their data.

``tests/fixtures/schema-<revision>.sqlite3`` is a small database as that revision left it
(committed once, never regenerated), written by ``scripts/make_schema_fixture.py REV``.
Every released schema (``codi_desktop.store.database.REVISIONS``: the wire's and the
local-only ones) has one.
"""

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from codi_core.models import Community, Meeting, Person
from codi_desktop.services import lists
from codi_desktop.store.database import REVISIONS, current_revision, head_revision, open_store
from codi_desktop.store.paths import DB_FILENAME

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("schema-*.sqlite3"))


def _revision(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema-")


def test_every_released_schema_has_a_fixture():
    have = {_revision(f) for f in FIXTURES}
    missing = [rev for rev in REVISIONS if rev not in have]
    assert not missing, (
        f"no fixture database for schema {missing}: run "
        + "; ".join(f"python scripts/make_schema_fixture.py {rev}" for rev in missing)
        + " and commit tests/fixtures/"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_is_the_schema_its_name_says(fixture):
    engine = sa.create_engine(f"sqlite:///{fixture}")
    try:
        assert current_revision(engine) == _revision(fixture)
    finally:
        engine.dispose()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_released_schema_upgrades_to_head_with_its_data(tmp_path, fixture):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)
    store = open_store(folder)
    try:
        assert current_revision(store.engine) == head_revision()
        if _revision(fixture) != head_revision():
            # The first start of a newer version backs up the file it upgrades.
            assert store.last_backup is not None and store.last_backup.exists()
            backup = sa.create_engine(f"sqlite:///{store.last_backup}")
            try:
                assert current_revision(backup) == _revision(fixture)
                with backup.connect() as conn:
                    assert conn.exec_driver_sql("SELECT name FROM community").scalars().all() \
                        == ["ชุมชนบ้านหนองบัว"]
            finally:
                backup.dispose()
        with store.read() as s:
            assert s.scalars(sa.select(Community.name)).all() == ["ชุมชนบ้านหนองบัว"]
            assert s.scalars(sa.select(Person.first_name)).all() == ["บัวผัน"]
            meeting = s.scalars(sa.select(Meeting)).one()
            assert (meeting.number, meeting.number_year, meeting.status.value) == (
                3, 2569, "locked")
        assert store.province_code == "34"
        # Rows that predate the search index are found by it after the upgrade.
        found = lists.COMMUNITIES.window(store, lists.ListFilter(text="หนองบัว"))
        assert [row[0] for row in found] == ["0190a000-0000-7000-8000-000000000001"]
        # 0005 rebuilt the meeting table, which lost its search triggers (0007 mends it).
        found = lists.MEETINGS.window(store, lists.ListFilter(text="ขบวนองค์กรชุมชน"))
        assert [row[0] for row in found] == ["0190a000-0000-7000-8000-000000000003"]
        with store.engine.connect() as conn:
            conn.exec_driver_sql("UPDATE meeting SET title = 'ประชุมสภาองค์กรชุมชนตำบล'")
            conn.commit()
        assert lists.MEETINGS.window(store, lists.ListFilter(text="ขบวนองค์กร")) == []
        found = lists.MEETINGS.window(store, lists.ListFilter(text="สภาองค์กร"))
        assert [row[0] for row in found] == ["0190a000-0000-7000-8000-000000000003"]
    finally:
        store.close()


def _schema_objects(engine: sa.Engine) -> set[tuple[str, str, str]]:
    with engine.connect() as conn:
        return {
            (kind, name, " ".join(sql.split()))
            for kind, name, sql in conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
            )
        }


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_upgraded_schema_has_a_new_files_indexes_and_triggers(tmp_path, fixture):
    """A rebuilt table loses its triggers and indexes unless the migration makes them
    again: an upgraded file must have exactly what a new file has."""
    fresh = open_store(tmp_path / "fresh", seed_reference=False)
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)
    store = open_store(folder)
    try:
        assert _schema_objects(store.engine) == _schema_objects(fresh.engine)
    finally:
        store.close()
        fresh.close()
